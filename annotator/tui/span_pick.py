"""Picking the span a form field is filled from (ctrl+l) or linked to (ctrl+t) without leaving
the form: the spans of the field's label, each with the words around it; the likeliest
highlighted (``span_offer.pick_order``: the one in the article's selection; for a field of a
group's item, else one no field is linked to yet, nearest the item's spans, or in a new item
the first after the group's earlier items': the cursor points at none). Type to filter: each
word typed begins a word of the span (accents, case and quotes do not matter, as in the
search), or is its id or the start of its value; enter takes the highlighted one, escape none.
tab takes it too and goes on to the next field of the form, shift+tab to the one before, as
tab in the form goes (``Picked.step``): the screen opens that field's list at once when it is
filled from spans, so a release is ctrl+l and a tab per field. A trial counted 16 to 20 keys
per release (``tab ctrl+l enter`` for each field).

A trial's annotator spent about seven keys and a search per field (escape, find the span, `o`,
ctrl+l); INCEpTION fills a slot by picking among the candidate annotations. The list always
opens, even with a span at hand: a later trial's ctrl+l filled at once from the span at the
cursor, and the filter typed next went into the field."""

from __future__ import annotations

import re
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from annotator.core.display import display_text, middle_cut
from annotator.core.invisible_said import symbols_in_place
from annotator.core.models import Span
from annotator.core.search import fold
from annotator.core.tokens import tokenize
from annotator.tui.filtered_list import FilteredListScreen
from annotator.tui.screens import MessagesSaid
from annotator.tui.visible_text import quoted_in_place

_AROUND = 30  # characters of context on each side
_AROUND_SAID = 45  # below the list, where the highlighted span is said: two rows at 80 columns
# The highlighted span's words below the list are cut in the middle past this many characters,
# and in the words around it past _AROUND_SAID: a span across two screens (1,791 characters)
# was said whole there, took the box's rows from the list and was cut at its foot, its offsets
# unseen. 100 keeps a span of a dozen words whole (a cut at 40 read "'a delegation from the
# Essa… Conference'", rows to spare); the block keeps to five rows at 80 columns.
_WORDS_SAID = 100


def context(text: str, span: Span, around: int = _AROUND, words: int | None = None) -> Text:
    """The span's words in bold, with ``around`` characters of the words around it on each
    side, on one line, as the article shows them (``display_text``, of the same length: a
    skin tone, which tmux 3.3 draws two cells wider than rich measures 👍🏽, pushed the list's
    edge out of its row; a tab or a line separator broke the row). ``words``: the span's
    words cut in the middle (``…``) past that many characters (None: whole). An invisible
    character is a symbol in its place, as in the article (``symbols_in_place``): a U+202E,
    written raw, reversed the rest of the row."""
    low, high = max(0, span.start - around), span.end + around
    # Only the piece shown, each character swapped alone: not the article for every row.
    piece = text[low:high]
    shown, _symbols = symbols_in_place(piece, display_text(piece))
    start, end = span.start - low, span.end - low
    before = shown[:start].split("\n")[-1]
    after = shown[end:].split("\n")[0]
    # "…" only where words are cut off: not at the text's or a line's edge.
    cut_before = low > 0 and len(before) == span.start - low
    cut_after = high < len(text) and len(after) == high - span.end
    line = Text(("…" if cut_before else "") + before.lstrip(), style="dim")
    inside = shown[start:end].replace("\n", " ")
    line.append(inside if words is None else middle_cut(inside, words), style="bold")
    line.append(after.rstrip() + ("…" if cut_after else ""), style="dim")
    return line


class PickOptions(OptionList):
    """The list of spans, its highlighted row kept in sight when the list is made shorter (a
    message said in the box, a longer span said below, a smaller terminal): Textual scrolls to
    it only when the highlight moves, and a trial's list, shrunk to one row, showed another
    span than the one highlighted."""

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_highlight)


class Picked(NamedTuple):
    """The span taken, and where the focus goes then: 0 stays in the field (enter), 1 the
    next field of the form (tab), -1 the one before (shift+tab)."""

    span_id: str | None  # None: tab with nothing highlighted, the field left as it is
    step: int = 0


class PickFilter(Input):
    """The list's filter: its enter (submit: ``FilteredListScreen.on_input_submitted`` takes
    the highlighted span) is said in the footer, first, as "Take" (only the title said it); not
    while none is highlighted, as tab's "Take", enter then taking nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Take", key_display="enter"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        screen = self.screen
        if action == "submit" and isinstance(screen, SpanPickScreen):
            return screen.check_action("take", parameters)
        return True


class SpanPickScreen(FilteredListScreen[Picked | None]):
    """The spans a field can take (see the module docstring); dismissed with the one taken."""

    # Priority: the filter's input has the focus, and tab must take the span, not move the
    # focus to the list under it (the screen's own tab).
    # With none highlighted (``none_fits``, no filter typed) tab takes none: the footer says
    # what it does then (``check_action`` leaves one of each pair; bb8e507's footer still said
    # "Take").
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "take(1)", "Take, next field", priority=True),
        Binding("tab", "pass_on(1)", "Next field, none taken", priority=True),
        Binding("shift+tab", "take(-1)", "Take, previous field", show=False, priority=True),
        Binding("shift+tab", "pass_on(-1)", "Previous field", show=False, priority=True),
    ]

    def __init__(
        self,
        what: str,
        spans: list[Span],
        text: str,
        preferred: list[str],
        held: frozenset[str] = frozenset(),
        none_fits: bool = False,
    ) -> None:
        """``what``: the field and the key's action, for the title ("fill releases #1 count");
        ``preferred``: the spans' ids, the likeliest first (``span_offer.pick_order``): the
        first the filter leaves is highlighted; ``held``: the spans a list field holds
        already, marked (taking one is refused); ``none_fits``: every span is one the field
        or its item holds already (``span_offer.repeats_the_item``): none is highlighted
        until a filter is typed, and tab goes on without taking one."""
        super().__init__()
        self.what = what
        self.spans = spans
        self.text = text
        self.preferred = preferred
        self.held = held
        self.none_fits = none_fits

    def compose(self) -> ComposeResult:
        with Vertical(id="doclist-box", classes="span-pick"):
            yield Label(self._title(), classes="title")
            yield PickFilter(placeholder="filter (words, id, value)", id="doc-filter")
            yield PickOptions(id="doc-options")
            # The highlighted span said in full below the list, more of its words around it:
            # each row is cut at the list's edge (at 80x24 after some 30 characters of them).
            # The messages showing, between the two: as toasts over the box (the rack's foot
            # put above that line) they covered the list's rows at 80x24, the value of the
            # only date cut at '2023-08-' by a refusal about another field. Every message
            # showing, those of the form below too: they are about the fields picked for.
            yield MessagesSaid(since_opened=False, id="pick-messages")
            yield Static("", id="pick-said")

    def _passing_on(self) -> bool:
        """Whether tab goes on taking none: every span is the item's (``none_fits``) and
        none is highlighted (no filter typed, no arrow pressed)."""
        if not self.none_fits or not self.is_mounted:
            return self.none_fits
        return self.query_one("#doc-options", OptionList).highlighted is None

    def _title(self) -> str:
        if self._passing_on():
            return (
                f"{self.what} from: each span is the item's already, none highlighted · "
                "tab: next field, this one left · type to filter · escape: none"
            )
        return (
            f"{self.what} from: enter takes the highlighted span · tab takes it, next "
            "field · type to filter · escape: none"
        )

    def _say_what_tab_does(self) -> None:
        """The title and the footer as the highlight now is (a filter or an arrow gives one)."""
        self.query_one(".title", Label).update(self._title())
        self.query_one("#pick-said", Static).update(self._highlighted_words())
        self.refresh_bindings()

    def _highlighted_words(self) -> Text:
        """The line below the list: the highlighted span, its value, where it is, and the
        words around it; or that none is."""
        options = self.query_one("#doc-options", OptionList)
        option = options.highlighted_option
        span = next((span for span in self.spans if option and span.id == option.id), None)
        if span is None:
            said = "no span matches the filter" if not options.option_count else "none highlighted"
            return Text(said, style="dim italic")
        line = Text("highlighted: ", style="dim")
        # Wrapped, cut in the middle only past _WORDS_SAID: its id, value and offsets are
        # always in the block's first rows.
        line.append(f"{span.id} ", style="bold")
        line.append_text(quoted_in_place(span.text, _WORDS_SAID, "bold"))
        line.append(f" = {span.value}" if span.value is not None else "", style="bold")
        line.append(f" at {span.start}–{span.end}: ", style="dim")
        line.append_text(context(self.text, span, around=_AROUND_SAID, words=_AROUND_SAID))
        return line

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take":
            return not self._passing_on()
        if action == "pass_on":
            return self._passing_on()
        return True

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self._say_what_tab_does()

    def _fill(self, query: str) -> None:
        options = self.query_one("#doc-options", OptionList)
        words = fold(query).split()
        chosen = [span for span in self.spans if all(_matches(span, word) for word in words)]
        rows = []
        for span in chosen:
            line = Text(f"{span.id:>4}  ", style="dim")
            # Its words, then where they are: monochrome, the bold in the context is lost.
            line.append_text(quoted_in_place(span.text, 30, "bold"))
            line.append(f" = {span.value}" if span.value is not None else "", style="bold")
            line.append(" ✓ in the field" if span.id in self.held else "", style="green")
            line.append("   ")
            line.append_text(context(self.text, span))
            rows.append(Option(line, id=span.id))
        options.set_options(rows)
        if rows and not (self.none_fits and not words):
            options.highlighted = highlighted(chosen, self.preferred)
        self._say_what_tab_does()

    def chosen(self, option_id: str) -> Picked | None:
        return Picked(option_id)

    def action_take(self, step: int) -> None:
        """Take the highlighted span (as enter does), the focus going ``step`` fields on."""
        option = self.query_one("#doc-options", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(Picked(option.id, step))

    def action_pass_on(self, step: int) -> None:
        """None highlighted, every span the item's: the field left as it is, on to the next."""
        self.dismiss(Picked(None, step))


def highlighted(spans: list[Span], preferred: list[str]) -> int:
    """The index of the span the list highlights: the first of ``preferred`` among ``spans``
    (the ones the filter left), else the first."""
    ids = [span.id for span in spans]
    return next((ids.index(span_id) for span_id in preferred if span_id in ids), 0)


def _matches(span: Span, word: str) -> bool:
    """Whether a folded word typed begins a word of the span, is its id, or begins its value."""
    if word == span.id.lower():
        return True
    if span.value is not None and fold(str(span.value)).startswith(word):
        return True  # a count of 0 is found by "0"
    return any(part.startswith(word) for part in _words(fold(span.text)))


def _words(folded: str) -> list[str]:
    """The words of a folded text, as labelling snaps to them (``tokens``: "1,200" and
    "n'diaye" are one each), and the letter runs inside each ("diaye" finds "n'diaye")."""
    words = [token.text for token in tokenize(folded)]
    # Parts of names only ("Castellan-Moor", "N'Diaye"): a number's "200" is no word.
    inside = [piece for word in words for piece in re.split(r"[-'’]+", word) if piece]
    return words + inside
