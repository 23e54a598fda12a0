"""The current span in the panel: its id, label, offsets and text, and its value, editable;
under a date counted from an earlier one, where it was counted from (``how_counted``).

Typing a value and pressing enter posts ``ValueEdited``; the screen saves it through the
session and, when the session takes it, returns the focus to the article. Leaving the input
(escape, tab, a click) saves too; a value the session refuses is then replaced by the saved
one, so the panel never shows a value the journal does not hold. A pause in the typing saves
it as a form field's does (``typing_pause``), when it is a value the span's label takes; the
saves of one run of typing are one undo step.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from annotator.core.display import display_text, shortened
from annotator.core.history import value_run
from annotator.core.models import Span
from annotator.core.record_unallowed import span_why_not_allowed, value_words
from annotator.core.scheme import Scheme
from annotator.core.spans import overlapping_named
from annotator.tui.form_hints import HintedInput, value_hints
from annotator.tui.panel_legend import drawn_label_style
from annotator.tui.span_styles import SpanPalette
from annotator.tui.typing_pause import TypingPause
from annotator.tui.visible_text import drawn_in_place, quoted_in_place


class ValueEdited(Message):
    """A span's value was typed: ``submitted`` with enter, else on leaving the input, or
    (``typing``) at a pause in the typing, which goes on. ``doc_id``: the document the span
    is of (handled later, another may be open)."""

    def __init__(
        self,
        span_id: str,
        raw: str,
        widget: Input,
        submitted: bool,
        doc_id: str | None = None,
        typing: bool = False,
    ) -> None:
        super().__init__()
        self.span_id, self.raw, self.widget, self.submitted = span_id, raw, widget, submitted
        self.doc_id, self.typing = doc_id, typing


Snap = tuple[int, int] | None


class SpanDetail(TypingPause, Vertical):
    """The current span (and the others at the cursor) and its value, editable."""

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scheme = scheme
        self.palette = SpanPalette(scheme)  # the label names drawn as their spans
        self.span_id: str | None = None
        self.doc_id: str | None = None  # the document of the span shown
        self.saved_value = ""  # the value as the record holds it, as text
        # The typing in the value input was sent on leaving it: a click away from it both
        # leaves it and shows another span, and sent it twice (its refusal said twice).
        self.typing_sent = False
        # The typing is being saved at a pause, in focus (the screen sets it): the redraw after
        # that save leaves what is typed as it is (words of a date are saved as read, and the
        # typing goes on).
        self.saving_paused_typing = False

    def compose(self) -> ComposeResult:
        selection = Static("", id="selection-info")
        selection.display = False  # until something is selected
        yield selection
        yield Static("", id="span-info")
        with Horizontal(id="value-row"):
            yield Label("value", classes="field-name")
            yield HintedInput([], id="span-value", compact=True)
        yield Static("", id="value-counted")

    def show(
        self,
        span: Span | None,
        others: list[tuple[str, Span]],
        counted: str | None = None,
        doc_id: str | None = None,
        no_value: str | None = None,
    ) -> None:
        """Show ``span`` (None: no span at the cursor) and ``others``, the spans sharing a
        character with it, each with how it lies (``spans.overlapping``). ``counted``: where
        its value, a date counted from an earlier one, came from (``how_counted``), shown
        under the value; ``no_value``: why it has none (``value_unread.no_value_reason``),
        shown there as labelling said it (a trial's "14 mars" and "trois" showed an empty
        value and no word). ``doc_id``: the document ``span`` is of; a value typed for
        another span, or on another document, is saved to its own first (a value typed, then
        ctrl+p "Next doc", was lost unsaid)."""
        info = self.query_one("#span-info", Static)
        value_input = self.query_one("#span-value", HintedInput)
        row = self.query_one("#value-row")
        counted_line = self.query_one("#value-counted", Static)
        said = f"counted {counted}" if counted is not None else no_value
        known = self.scheme.label(span.label) if span is not None else None
        why = span_why_not_allowed(known, span.value) if span and known else None
        if span is not None and why is not None:  # a count kept below a min set since
            said = (
                f"kept: {value_words(span.value)} is {why}, which the scheme does not allow; "
                "type another"
            )
        counted_line.display = span is not None and said is not None
        counted_line.update(Text(said or "", style="dim"))
        left, typed = self.span_id, value_input.value
        shown_now = (span.id if span else None, doc_id)
        moved = (left, self.doc_id) != shown_now
        if left is not None and typed != self.saved_value and moved and not self.typing_sent:
            self.post_message(ValueEdited(left, typed, value_input, False, self.doc_id))
        if moved:
            self.stop_pause()  # the typing left is sent just above
        kept_typing = self.saving_paused_typing and not moved and value_input.has_focus
        self.saving_paused_typing = False
        self.span_id, self.doc_id = (span.id if span else None), doc_id
        label = self.scheme.label(span.label) if span else None
        value_type = label.value_type if label else "none"
        # Every span shown (and none) starts from its own saved value: text typed for one
        # span and left in the hidden input was sent again, by the next show, as the value of
        # a span that takes none ("s1 (actor): label takes no value, got '1x'").
        self.saved_value = "" if span is None or span.value is None else str(span.value)
        self.typing_sent = False
        if not kept_typing:
            with value_input.prevent(Input.Changed):
                value_input.value = self.saved_value
            value_input.remove_class("-invalid")
        if span is None:
            info.update(Text("no span at the cursor", style="dim italic"))
            row.display = False
            return
        text = Text()
        text.append(f"{span.id} ", style="dim")
        text.append(span.label, style=drawn_label_style(self, self.palette, span.label))
        text.append(f" {span.start}–{span.end} ", style="dim")
        # Its words, and every other's below, as the article draws them: a U+202E in them,
        # written raw, reversed the rest of the line.
        text.append_text(quoted_in_place(span.text, 40))
        # A few lines, then how many more (``overlapping_named``): a span over a paragraph of
        # 22 spans ran the box off the screen's foot, the event form gone.
        named, more = overlapping_named(others)
        for where, other in named:
            text.append(f"\n  {where}: {other.id} ", style="dim")
            text.append(other.label, style=drawn_label_style(self, self.palette, other.label))
            text.append(" ", style="dim")
            text.append_text(quoted_in_place(other.text, 24, "dim"))
        if more:
            text.append(f"\n  {more}", style="dim")
        info.update(text)
        row.display = value_type != "none"
        if value_type != "none":
            value_input.show_hints(value_hints(value_type))

    def show_selection(
        self,
        text: str,
        selection: tuple[int, int],
        snapped: Snap,
        frame: Widget | None = None,
        relabels: Span | None = None,
        waits: str | None = None,
    ) -> None:
        """What a label key would write of the selection ``selection`` of ``text`` (hidden with
        none): ``snapped`` is the session's snapping of it (None: no words in it). A trial had
        no readout of the selection before labelling it. The selection drawn is named by its
        words too, not only its offsets, when it is not what a label key would label.
        ``relabels``: the span a label key relabels instead (the one span ``snapped`` covers
        exactly; with nothing selected, the span at the cursor): a trial's panel said "a label
        key labels '34'" and 3 relabelled s5 '34'.

        Said again, shorter, in the bottom border of ``frame`` (the article's), which toasts
        never cover while the article has the focus: at 80x24 two or three stacked over the
        panel hid its line, read before a label key.

        ``waits``: why a label key labels nothing yet, said instead (a stale record's: a
        trial's readout offered to label 'Kestria' and 1 was refused)."""
        line = self.query_one("#selection-info", Static)
        start, end = min(selection), max(selection)
        if waits is not None:
            line.display = start != end
            line.update(Text(waits, style="yellow"))
            if frame is not None:
                said = Text(waits) if start != end else None
                if said is not None:
                    said.truncate(max(frame.outer_size.width - 6, 1), overflow="ellipsis")
                frame.border_subtitle = said
            return
        # With nothing selected, a label key relabels the span at the cursor: said as over a
        # selection that covers it (a trial's panel said only "s1 count 48–50 '64'", and 4
        # relabelled it).
        line.display = start != end or relabels is not None
        if frame is not None:
            # Cut to the frame's width now (Textual would cut the end, the offsets, first);
            # a narrower frame later cuts it with an ellipsis. Corners and spaces: 6 cells.
            width = frame.outer_size.width - 6
            frame.border_subtitle = (
                self.frame_readout(text, snapped, width, relabels) if start != end else None
            )
        if start == end:
            if relabels is not None:
                line.update(
                    Text(_what_a_label_key_does(relabels), "dim")
                    + quoted_in_place(relabels.text, 40)
                )
            return
        if snapped is None:
            said = Text("selected ", "yellow")
            said.append_text(_selected_words(text[start:end]))
            said.append(f"{start}–{end}: ")
            said.append("no words to label in it", style="yellow")
        else:
            low, high = snapped
            said = Text(_what_a_label_key_does(relabels), style="dim")
            said.append_text(quoted_in_place(text[low:high], 40))
            if relabels is None:
                # (A span relabelled is named on the line below, its label and offsets with
                # it: the line keeps to one row of the panel at 80 columns.)
                said.append(f" {low}–{high}")
            if snapped != (start, end):
                said.append(" (snapped from ", style="dim")
                said.append_text(_selected_words(text[start:end], 24, "dim"))
                said.append(f"{start}–{end})", style="dim")
        line.update(said)

    @staticmethod
    def frame_readout(text: str, snapped: Snap, width: int, relabels: Span | None = None) -> Text:
        """The readout for a frame's border (the article's), at most ``width`` cells: what a
        label key does, whole, the selection's words, cut first (in the middle), and where
        they are, left out before the words are cut below a few characters; ``relabels`` as
        ``show_selection``."""
        if snapped is None:
            said = Text("no words to label in the selection", style="yellow")
        else:
            low, high = snapped
            head, tail = _what_a_label_key_does(relabels), f" {low}–{high}"
            room = width - len(head) - len(tail) - 2  # the quotes
            words = len(" ".join(text[low:high].split()))  # as quoted shows them
            if room < min(words, _FRAME_WORDS_AT_LEAST):
                # The offsets go before the words are cut further; the first words never go
                # (a trial's border read "relabels s5 'Sunday' 94–100", its start cut off).
                room, tail = room + len(tail), ""
            said = Text(head)
            said.append_text(quoted_in_place(text[low:high], max(room, 4)))
            said.append(tail)
        said.truncate(max(width, 1), overflow="ellipsis")
        return said

    def undo_typing(self, widget: Widget | None, run: str | None = None) -> str | None:
        """ctrl+z in the value input with typing not saved yet: the saved value again, returned
        (None: no such typing). The session's undo took a change made before instead, and the
        redraw then dropped the typing unsaid (a trial's "nothing to undo" as it went).
        None too when the typing was saved at a pause, its run going on (``run``: the
        session's ``typing_run``): the session's undo takes the run back whole, the typing
        not saved yet with it, as in a form field (``FormTyping.undo_typing``)."""
        value_input = self.query_one("#span-value", HintedInput)
        if widget is not value_input or self.span_id is None:
            return None
        self.stop_pause()
        self.saving_paused_typing = False  # the redraw after ctrl+z shows what is saved
        if value_input.value == self.saved_value or run == value_run(self.span_id):
            return None
        with value_input.prevent(Input.Changed):
            value_input.value = self.saved_value
        value_input.cursor_position = len(self.saved_value)
        value_input.remove_class("-invalid")
        return self.saved_value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.span_id is not None:
            edit = ValueEdited(self.span_id, event.input.value, event.input, True, self.doc_id)
            self.post_message(edit)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        event.stop()
        # Unchanged (enter has just saved it, or nothing was typed): nothing to save or refuse.
        if self.span_id is not None and event.input.value != self.saved_value:
            edit = ValueEdited(self.span_id, event.input.value, event.input, False, self.doc_id)
            self.post_message(edit)
            self.typing_sent = True

    def on_input_changed(self, event: Input.Changed) -> None:
        # (Not stopped: the screen counts typing as activity.) New typing is sent again.
        if event.input.id == "span-value":
            self.typing_sent = False
            if self.span_id is not None:
                typed_on = (self.span_id, self.doc_id)
                self.pause_from_now(partial(self._save_pause, event.input, typed_on))

    def _save_pause(self, value_input: Input, typed_on: tuple[str, str | None]) -> None:
        """The pause in typing ``typed_on`` (the span and its document) came: what is typed is
        sent, the screen saving it when it is a value the label takes (else it is saved, or
        refused, on enter or leaving, as a form field's half-typed date)."""
        if not value_input.is_mounted or not value_input.has_focus:
            return  # left: leaving sent it
        if (self.span_id, self.doc_id) != typed_on or value_input.value == self.saved_value:
            return
        span_id, doc_id = typed_on
        self.post_message(ValueEdited(span_id, value_input.value, value_input, False, doc_id, True))


# The readout on a stale record, whatever is selected.
STALE_LABELLING = "labelling waits: ctrl+k or ctrl+r"

# The fewest characters of the selection's words the frame's readout cuts them to before it
# leaves out their offsets (below 9, quoted cuts their end, not their middle).
_FRAME_WORDS_AT_LEAST = 12


def _what_a_label_key_does(relabels: Span | None) -> str:
    """The readout's first words: a label key labels the selection, or relabels the span it
    covers exactly (``AnnotationSession.label_selection``)."""
    if relabels is None:
        return "a label key labels "
    return f"a label key relabels {relabels.id} "


def _selected_words(selected: str, limit: int = 40, style: str = "") -> Text:
    """The selection's characters as the readout names them before its offsets (``'—' ``),
    quoted as spans are (cut in the middle past ``limit``), the whitespace at its edges shown
    (``'on␣'``: a trial's "(snapped from 'on' …)" read as if the snap had changed nothing); a
    selection of whitespace alone says so (quoted, it would read ``''``)."""
    words = selected.strip()
    if not words:
        return Text("whitespace ", style)
    before = selected[: len(selected) - len(selected.lstrip())]
    after = selected[len(selected.rstrip()) :]
    out = Text(f"'{_shown(before)}", style)
    out.append_text(drawn_in_place(shortened(words, limit), style))
    out.append(f"{_shown(after)}' ", style)
    return out


def _shown(whitespace: str) -> str:
    """Whitespace at a selection's edge made visible: a line break as ``↵``, one the article
    draws as a symbol as the article draws it (CR ``␍``, a tab ``⇥``: a trial's readout said
    ``prisoners.␣↵␣`` of ``prisoners.␍`` and a CRLF), any other (a space) as ``␣``."""
    drawn = display_text(whitespace)
    return "".join(
        "↵" if character == "\n" else symbol if symbol != character else "␣"
        for character, symbol in zip(whitespace, drawn, strict=True)
    )
