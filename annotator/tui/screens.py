"""Screens over the annotation screen: help, the document list and the quit check.

Each has a footer of its own, showing its keys: the article's footer below showed through
("x Delete span … 1 actor …"), keys that do nothing while such a screen is open (a trial).

A message shown while help or a list is up is said in its box, at its foot (``MessagesSaid``),
the help's keys or the list's rows giving it their room (they scroll): as a toast it was drawn
over them, hiding rows (user trials, both apps). The toasts are kept, hidden (annotator.tcss,
review.tcss), for their time to run. Over the annotation screen the messages still showing when
one opens are said there too: cleared as it opened, a refusal pressed just before ? was lost
unread."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from annotator.core.search import fold
from annotator.core.session_progress import DocEntry
from annotator.tui.box_screen import BoxScreen
from annotator.tui.filtered_list import FilteredListScreen, matching, none_matching
from annotator.tui.form_hints import BoxTitle
from annotator.tui.status_fit import FittingFooter, cut_end

# Columns of a document list row (the list is 90 wide, less its border, padding and scrollbar)
# and the fewest a skip reason is cut to, however long the id: a longer row wraps.
ROW_ROOM = 82
NOTE_ROOM_AT_LEAST = 16

STATUS_MARKS = {
    "done": "✓ done",
    "skipped": "↷ skipped",
    "in_progress": "✎ started",
    "new": "○ new",
    "stale": "⚠ stale",  # a record made for an older text: not done
}


# A message's mark, by its severity, as a toast's edge is coloured.
_MARKS = {"information": "green", "warning": "yellow", "error": "red"}


def _severity(toast: Widget) -> str:
    """A toast's severity: Textual gives it as a class ("-warning")."""
    return next((name[1:] for name in toast.classes if name[1:] in _MARKS), "information")


class MessagesSaid(Static):
    """The messages showing on the screen it is on, said in the box it is in, newest first,
    each after a mark coloured as a toast's edge; hidden while there are none. With
    ``since_opened``, only those shown since the screen opened: the ones before are the
    screen's below (the review's come back when help or its list closes). Without, those still
    showing when it opened too (the annotation screen's: a refusal pressed just before ?)."""

    DEFAULT_CSS = """
    MessagesSaid {
        height: auto;
        max-height: 4;
    }
    """

    def __init__(self, since_opened: bool = True, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.since_opened = since_opened
        self._before: set[str] = set()
        self._said: list[tuple[str, str]] = []
        self.display = False  # until one shows

    @on(events.Mount)
    def _start_saying(self) -> None:
        if self.since_opened:  # a toast's holder is named by its message (its identity)
            others = [screen for screen in self.app.screen_stack if screen is not self.screen]
            self._before = {
                str(holder.id) for screen in others for holder in screen.query("ToastHolder")
            }
        self._say()
        # The toasts come and go in the rack without an event the screen hears (one is
        # mounted on a notify, removed when its time is up): looked at often.
        self.set_interval(0.1, self._say)

    def forget(self) -> None:
        """Say nothing: its screen, kept, was closed (``HelpScreen``). What it says when shown
        again is of then, once the app has handed the messages to the screen's toast rack."""
        self._said = []
        self.update("")
        self.display = False

    def _say(self) -> None:
        # Looked up by their CSS type name: Textual's Toast is not public.
        toasts = [
            toast
            for toast in reversed(list(self.screen.query("Toast")))
            if toast.parent is None or str(toast.parent.id) not in self._before
        ]
        said = [(_MARKS[_severity(toast)], str(toast.render())) for toast in toasts]
        if said == self._said:
            return
        self._said = said
        line = Text()
        for colour, message in said:
            line.append("\n" if line else "")
            line.append("▌ ", style=colour)
            line.append(message)
        self.update(line)
        self.display = bool(said)


# The help's title, longest first: at 60 columns the longest was cut inside a word ("… by nam").
HELP_TITLES = [
    "Keys  (escape closes · ctrl+p finds any action by name)",
    "Keys  (escape closes · ctrl+p: any action)",
    "Keys  (escape closes)",
]


class HelpScreen(BoxScreen[None]):
    """Every key of the annotation screen, generated from its bindings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(
        self, sections: list[tuple[str, list[tuple[str, str]]]], earlier_messages: bool = False
    ) -> None:
        super().__init__()
        self.sections = sections
        # The messages showing as it opens said too (``MessagesSaid``'s ``since_opened``).
        self.earlier_messages = earlier_messages

    def compose(self) -> ComposeResult:
        parts: list[Text | Table] = []
        for number, (title, rows) in enumerate(self.sections):
            # A section title gets a line of its own: it is longer than the key column.
            parts.append(Text(("\n" if number else "") + title, style="bold underline"))
            table = Table(show_header=False, box=None, pad_edge=False, expand=True)
            table.add_column("key", style="bold", width=24, no_wrap=True)
            table.add_column("action", ratio=1)
            for key, description in rows:
                table.add_row(key, description)
            parts.append(table)
        with Vertical(id="help-box"):
            yield BoxTitle(HELP_TITLES)
            with VerticalScroll():
                yield Static(Group(*parts), id="help-table")
            yield MessagesSaid(since_opened=not self.earlier_messages)
        yield FittingFooter()

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)

    def on_screen_suspend(self) -> None:
        if not self.app.is_screen_installed(self) or self in self.app.screen_stack:
            return  # not kept (the review's), or under another screen (the palette)
        # Closed, and kept for the next ? (annotate_help.show_help): it is shown again as a new
        # one is, at the top of its keys, saying the messages of then only (done here: as it
        # shows, Textual draws it before its own handlers run). Its toasts go with what it
        # said: the app hands the rack those of then.
        for keys in self.query(VerticalScroll):
            keys.scroll_home(animate=False)
        for said in self.query(MessagesSaid):
            said.forget()
        for rack in self.query_children("ToastRack"):
            rack.remove_children()


class DocListScreen(FilteredListScreen[str | None]):
    """Every document with its status; type to filter, enter opens the highlighted one."""

    def __init__(self, entries: list[DocEntry], current: str | None) -> None:
        super().__init__()
        self.entries = entries
        self.current = current
        self._haystacks: list[str] | None = None

    def compose(self) -> ComposeResult:
        done = sum(1 for entry in self.entries if entry.status == "done")
        with Vertical(id="doclist-box"):
            # A done record the scheme requires more of is counted done (its status): its row
            # says what it needs, and "needs" filters such rows (``_scheme_marks``).
            yield Label(
                f"Documents: {done}/{len(self.entries)} done · enter opens · escape closes\n"
                "type to filter by id or status (done, new, started, skipped, stale, flag)",
                classes="title",
            )
            yield Input(placeholder="filter", id="doc-filter")
            yield OptionList(id="doc-options")
            # The annotation screen's list: the messages showing as it opens are said too.
            yield MessagesSaid(since_opened=False)

    def _fill(self, query: str) -> None:
        options = self.query_one("#doc-options", OptionList)
        if self._haystacks is None:  # folded once: 3,000 documents at each key typed
            self._haystacks = [fold(_haystack(entry)) for entry in self.entries]
        chosen = matching(self.entries, self._haystacks, query)
        at, start, end = self.place_rows([entry.doc_id for entry in chosen], self.current)
        rows = []
        for entry in chosen[start:end]:
            line = Text(f"{entry.position + 1:>4}  ", style="dim")
            line.append(f"{STATUS_MARKS[entry.status]:<10} ", style=_STATUS_STYLES[entry.status])
            line.append("⚑ " if entry.flagged else "  ", style="bold yellow")
            line.append(entry.doc_id, style="bold" if entry.doc_id == self.current else "")
            for mark in _scheme_marks(entry):  # what the start named: to go back to
                line.append(f" · {mark}", style="bold yellow")
            if entry.skip_note.strip():  # why it was skipped, on its row (a trial missed it)
                room = max(NOTE_ROOM_AT_LEAST, ROW_ROOM - len(line) - 4)
                line.append(f"  — {_skip_reason(entry.skip_note, room)}", style="dim italic")
            rows.append(Option(line, id=entry.doc_id))
        first = self.show_rows(rows, none_matching(query), start, len(chosen) - end)
        if rows:
            options.highlighted = first + at - start

    def chosen(self, option_id: str) -> str | None:
        return option_id


def _scheme_marks(entry: DocEntry) -> list[str]:
    """A row's marks of what its record lacks or holds under the scheme: ``needs location``
    (a done record without a field the scheme requires: it said ``✓ done`` alone, and a trial's
    three such records looked finished) and the status line's ``? not in scheme``."""
    marks = [f"needs {', '.join(entry.needs)}"] if entry.needs else []
    return marks + (["? not in scheme"] if entry.not_in_scheme else [])


def _haystack(entry: DocEntry) -> str:
    """What the filter looks in: the id, the status as the list says it, a flag, what the
    record lacks or holds under the scheme (``needs``), the note (folded as ``/`` folds the
    article: "jozef" finds "Józef", case and accents aside)."""
    flag = "flag" if entry.flagged else ""
    marks = " ".join(_scheme_marks(entry))
    return f"{entry.doc_id} {STATUS_MARKS[entry.status]} {flag} {marks} {entry.skip_note}"


def _skip_reason(note: str, limit: int) -> str:
    """The note on one line, cut to ``limit`` characters with an ``…``."""
    return cut_end(" ".join(note.split()), limit)


_STATUS_STYLES = {
    "done": "green",
    "skipped": "dim",
    "in_progress": "yellow",
    "new": "",
    "stale": "bold red",
}


class QuitScreen(BoxScreen[bool]):
    """Shown when quitting while changes are not yet on disk."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "stay", "Keep working")]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            yield Static(self.problem, id="quit-text")
            with Horizontal(id="quit-buttons"):
                yield Button("Keep working (saving keeps retrying)", id="stay", variant="primary")
                yield Button("Quit anyway", id="leave", variant="error")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def ask_again(self, problem: str) -> None:
        """Say ``problem`` in place of the one asked about (saving tried again, refused)."""
        self.problem = problem
        self.query_one("#quit-text", Static).update(problem)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "leave")

    def action_stay(self) -> None:
        self.dismiss(False)
