"""The hints in empty inputs (what a field takes, where ctrl+l fills it from), fitted to the
input's width.

An input cuts its placeholder at its edge, and the end of a hint is often what matters: a trial
at 120 columns read ``YYYY-MM-DD, YYYY-MM or YYYY · ctrl+l`` and ``comma-separated · ctrl+l:
from``, the label the field is filled from lost. Each hint now has wordings, longest first, each
saying less than the one before (the least useful part goes first: a date's rarer forms, a
list's quotes that keep a comma, or its "comma-separated" for an example, then what the field
takes; the label is never cut),
and ``HintedInput`` shows the longest that fits whenever its width changes.

``HintedInput`` is every one-line input of the form, the span's value and the review's editors:
a tab pasted into one becomes a space, said (the note, ``NoteInput``, keeps its tabs).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.widgets import Input, Static

from annotator.core.note_parts import one_line

# What an input of the event form takes, by field type, longest first. The shorter wordings
# say as much as they can: at 120 columns (a release's inputs 38 cells wide) "YYYY-MM-DD ·
# ctrl+l: date" and "comma-separated" hid a date's other forms and a list's quotes (quotes keep
# a comma in an item, ``list_text``: said by example).
FORM_TYPE_HINTS = {
    "text": ["text"],
    "integer": ["a whole number", "number"],
    "date": ["YYYY[-MM[-DD]]", "YYYY-MM-DD"],
    "list": ['a, "b, c": one item', "comma-separated", "a, b, …"],
}

# The same spelled out, where the room is: a review's editor (``review_field_edit``). Not in
# the form, where they said no more than its longest wording, in more cells, and only under 80
# columns (the panel under the article, its inputs 38 to 57 cells wide; from 80 columns they
# are 40 at most): at 70 a release's date read "YYYY-MM-DD, YYYY-MM or YYYY" and its list
# 'a, "b, c" is one item', where at 120 they read "YYYY[-MM[-DD]]" and 'a, "b, c": one item'.
SPELLED_OUT = {
    "date": ["YYYY-MM-DD, YYYY-MM or YYYY"],
    "list": ['comma-separated; "a, b" is one item', 'a, "b, c" is one item'],
}

NOTE_HINTS = ["anything a reviewer should know", "for a reviewer"]

# A choice with none chosen (``form_choice.ChoiceSelect``): where it fits, that letters typed
# there go to a choice (they were refused once, and nothing else on screen says so).
CHOICE_PROMPTS = ["(choose: type its first letters)", "(choose)"]


def type_hints(field_type: str) -> list[str]:
    """What an input of ``field_type`` takes, longest first, spelled out first where it can
    be (``SPELLED_OUT``)."""
    return SPELLED_OUT.get(field_type, []) + form_type_hints(field_type)


def form_type_hints(field_type: str) -> list[str]:
    """What an input of the event form of ``field_type`` takes, longest first."""
    return FORM_TYPE_HINTS.get(field_type, [""])


def span_field_hints(field_type: str, label: str) -> list[str]:
    """A field filled from spans of ``label``: what it takes, and ctrl+l, always as
    ``ctrl+l: label``. (With "ctrl+l: from label" first, each input dropped "from" as its
    width needed: a trial at 80x24 read ``text · ctrl+l: from actor`` above ``a whole number ·
    ctrl+l: count``, two forms in one form.)"""
    link = f"ctrl+l: {label}"
    takes = [hint for hint in form_type_hints(field_type) if hint]
    return [f"{hint} · {link}" for hint in takes] + [link]


# A span's value reads a date's words as labelling does (``typed_value``; a form's date field
# does not): its hint says so, "last Sunday" an example where it fits.
SPAN_VALUE_HINTS = {
    "date": [
        "YYYY-MM-DD, YYYY-MM, YYYY or words (last Sunday)",
        "YYYY-MM-DD or words (last Sunday)",
        "YYYY-MM-DD or words",
        "YYYY-MM-DD",
    ],
}


def value_hints(value_type: str) -> list[str]:
    """A span's value (the panel's value row): what it takes, and that enter saves it."""
    takes = SPAN_VALUE_HINTS.get(value_type) or form_type_hints(value_type)
    return [f"{hint} (enter to save)" for hint in takes] + takes


def fitting(hints: Sequence[str], width: int) -> str:
    """The first of ``hints`` that fits ``width`` cells, else the last. (A focused empty input
    draws its cursor on the hint's first cell: the whole width is the hint's.)"""
    for hint in hints:
        if cell_len(hint) <= width:
            return hint
    return hints[-1] if hints else ""


class BoxTitle(Static):
    """An editor's title, the longest of its wordings that fits its width, wrapped when none
    does: at 80 columns "Type the value of releases #1 received_by (c12)" was cut to
    "… received_b", the field's name short of its end."""

    def __init__(self, wordings: Sequence[str]) -> None:
        """``wordings``: longest first."""
        # Before its first layout (no width yet): the longest.
        super().__init__(Text(wordings[0]), classes="title")
        self.wordings = list(wordings)

    def on_resize(self) -> None:
        self.update(Text(fitting(self.wordings, self.content_size.width or sys.maxsize)))


def tabs_as_spaces(pasted: str) -> tuple[str, int]:
    """``pasted`` with each run of spacing that holds a tab made one space, and how many tabs
    it held. A field's value is one line of words, and a tab pasted there went into the journal
    as it was: a name copied from a table (``Norvania<tab>Ministry of Defence``) was saved with
    a tab where the same words typed hold a space, and compared, merged and exported so."""
    return re.sub(r" *\t[\t ]*", " ", pasted), pasted.count("\t")


def tabs_said(tabs: int) -> str:
    """The message of a paste whose tabs were made spaces (``tabs_as_spaces``)."""
    pasted = "a tab as a space" if tabs == 1 else f"{tabs} tabs as spaces"
    return f"pasted {pasted}: a field keeps no tabs"


class HintedInput(Input):
    """An input whose placeholder is the longest of its hints that fits its width. A tab
    pasted into it becomes a space, and a message says so (``tabs_as_spaces``): it holds one
    line of words, as a paste of several lines is made one (``keys_in_order.one_line``)."""

    def __init__(self, hints: Sequence[str] = (), *, placeholder: str = "", **kwargs: Any) -> None:
        """``hints``, longest first; without them, ``placeholder`` is the one hint."""
        wordings = list(hints) or ([placeholder] if placeholder else [])
        super().__init__(placeholder=wordings[0] if wordings else "", **kwargs)
        self.hints = wordings

    def show_hints(self, hints: Sequence[str]) -> None:
        self.hints = list(hints)
        self._fit_hint()

    def on_resize(self) -> None:
        self._fit_hint()
        if self.has_focus:
            # Input scrolls to its cursor when the cursor moves, not when the input narrows: in
            # the review's item editor the links beside a field grew as one typed (⛓ s3 to
            # ⛓ s3 s10), and a trial's last letters and cursor went behind them.
            self._cursor_in_sight()

    def _cursor_in_sight(self) -> None:
        # Where Input's own scroll to the cursor puts it: one cell past the last at the end.
        cells = cell_len(self.value[: self.cursor_position]) + (1 if self.cursor_at_end else 0)
        self.scroll_to_region(Region(cells, 0, 1, 1), force=True, animate=False, immediate=True)

    def _fit_hint(self) -> None:
        # Before its first layout (no width yet): the longest.
        self.placeholder = fitting(self.hints, self.content_size.width or sys.maxsize)

    def on_paste(self, event: events.Paste) -> None:
        # Input's own paste (after this, unless prevented) inserts the text as it is. A
        # subclass's own paste (NoteInput's) comes first and prevents this one.
        line = _first_line(event.text)
        spaced, tabs = tabs_as_spaces(line)
        if not tabs:
            return
        event.prevent_default()
        event.stop()
        self.insert_pasted(spaced)
        self.app.notify(tabs_said(tabs), timeout=4)

    def insert_pasted(self, text: str) -> None:
        """``text`` at the cursor, or over the selection, as Input's own paste puts it."""
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)


def _first_line(pasted: str) -> str:
    """The line of a paste an input takes: its first, as Input takes it. The app joins a paste
    of several lines into one before it comes (``keys_in_order.one_line``), and a line break
    ending a line is no text."""
    lines = pasted.splitlines()
    return lines[0] if lines else ""


class NoteInput(HintedInput):
    """The note's field: it shows the note in one line, its line breaks as ⏎ and its tabs and
    other control characters as their pictures (␉: ``note_parts.one_line``), read back on save.
    A paste is shown so at once: a tab pasted showed as spaces until the article was opened
    again (a trial's ``src:<tab>AP``), though saved as a tab and shown then as ␉. (Its tabs
    are kept: a note may quote a table.)"""

    def on_paste(self, event: events.Paste) -> None:
        # Before HintedInput's paste (which would make its tabs spaces), and Input's.
        event.prevent_default()
        event.stop()
        line = _first_line(event.text)
        if line:
            self.insert_pasted(one_line(line))
