"""A list of options under a filter (the document lists, the span pick): ``FilteredListScreen``.

The focus stays in the filter; the arrows, pages, home and end move the highlight. A list holds
at most ``ROWS_SHOWN`` rows at once, around the one moved to, with a line saying how many more
match above and below: OptionList lays out every option it is given, and a review's list of
10,000 documents took a second or two at each key typed in its filter (a trial).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from annotator.core.search import fold
from annotator.tui.box_screen import BoxScreen
from annotator.tui.status_fit import FittingFooter

ResultT = TypeVar("ResultT")
EntryT = TypeVar("EntryT")

# The most rows a filtered list holds at once (``FilteredListScreen.shown_window``).
ROWS_SHOWN = 400


def _more_row(count: int, where: str) -> Option:
    """The dimmed line saying ``count`` matching rows are left out ``where`` (above, below)."""
    said = f"… {count:,} more {where}: type to narrow the list"
    return Option(Text(said, style="dim italic"), disabled=True)


class FilteredListScreen(BoxScreen[ResultT]):
    """A list of options (``#doc-options``) under a filter the focus stays in: the arrows,
    pages, home and end move the highlight from there, escape closes with None.

    Home and end (ctrl+home, ctrl+end too) go to the first and the last row, not to the
    filter's start and end: in a list of 3,000 documents they did nothing a trial could see
    (the filter, one word long, took them). ctrl+a and ctrl+e still move in the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
        Binding("home,ctrl+home", "edge(0)", "First", priority=True),
        Binding("end,ctrl+end", "edge(1)", "Last", priority=True),
    ]

    # The matching rows' ids, the first of them the list holds (``place_rows``), the list
    # indexes of the rows it holds (``show_rows``), the row moved to beyond them.
    _ids: Sequence[str] = ()
    _start = 0
    _rows = (0, 0)
    _moved_to: str | None = None

    def on_mount(self) -> None:
        # Mounted here, not composed, so that every list (a subclass composes its own) has it.
        self.mount(FittingFooter())
        self._fill("")
        self.query_one("#doc-filter", Input).focus()

    def _fill(self, query: str) -> None:
        """Show the options ``query`` (what the filter holds) leaves, one highlighted."""
        raise NotImplementedError

    def chosen(self, option_id: str) -> ResultT:
        """What taking the option ``option_id`` dismisses the screen with."""
        raise NotImplementedError

    def on_input_changed(self, event: Input.Changed) -> None:
        self._moved_to = None
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        option = self.query_one("#doc-options", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(self.chosen(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.chosen(event.option.id))

    def place_rows(self, ids: list[str], current: str | None) -> tuple[int, int, int]:
        """For the matching rows' ids: the one to highlight (the row last moved to beyond
        the rows held, else ``current``, else the first) and the window of rows the list
        holds, ``(at, start, end)``: every row up to ``ROWS_SHOWN``, else ``ROWS_SHOWN`` of
        them around it. A list of 10,000 took a second or two at each key typed in the
        filter (a trial's review): OptionList lays out every option it is given."""
        self._ids = ids
        wanted = self._moved_to if self._moved_to in ids else current
        at = ids.index(wanted) if wanted in ids else 0
        start = 0
        if len(ids) > ROWS_SHOWN:
            start = max(0, min(at - ROWS_SHOWN // 2, len(ids) - ROWS_SHOWN))
        self._start = start
        return at, start, min(len(ids), start + ROWS_SHOWN)

    def show_rows(self, rows: list[Option], none_said: str, above: int = 0, below: int = 0) -> int:
        """Put ``rows`` in the list; with none, the line ``none_said`` (dimmed, not one to
        take): an empty list looked as though the documents had not loaded. ``above`` and
        ``below``: matching rows left out before and after them (``place_rows``), each said
        in a line of its own. Returns the list index of the first of ``rows``."""
        options = self.query_one("#doc-options", OptionList)
        if not rows:
            self._rows = (0, 0)
            options.set_options([Option(Text(none_said, style="italic"), disabled=True)])
            return 0
        shown = list(rows)
        if above:
            shown.insert(0, _more_row(above, "above"))
        if below:
            shown.append(_more_row(below, "below"))
        first = 1 if above else 0
        self._rows = (first, first + len(rows))
        options.set_options(shown)
        return first

    def action_move(self, step: int) -> None:
        options = self.query_one("#doc-options", OptionList)
        first, end = self._held()
        if end <= first:
            return
        # With none highlighted, the first move lands on the first option.
        held = options.highlighted
        if not self._ids:  # a list filled without ``place_rows`` (spans): every row held
            current = held if held is not None else first - step
            options.highlighted = max(first, min(end - 1, current + step))
            return
        at = self._start + (held - first if held is not None else -step)
        self._go(max(0, min(len(self._ids) - 1, at + step)))

    def action_edge(self, last: int) -> None:
        """The first row (``last`` 0) or the last (1) of every matching one."""
        first, end = self._held()
        if end <= first:
            return
        if not self._ids:
            self.query_one("#doc-options", OptionList).highlighted = end - 1 if last else first
            return
        self._go(len(self._ids) - 1 if last else 0)

    def _held(self) -> tuple[int, int]:
        """The list indexes of the rows to move among (``show_rows``'s); for a list filled
        without it, every option but a lone disabled one (a "none match" line)."""
        if self._ids:
            return self._rows
        options = self.query_one("#doc-options", OptionList)
        count = options.option_count
        return (0, 0) if count == 1 and options.get_option_at_index(0).disabled else (0, count)

    def _go(self, at: int) -> None:
        """Highlight matching row ``at``, the rows held moved around it when it is not
        among them."""
        first, end = self._rows
        if self._start <= at < self._start + end - first:
            self.query_one("#doc-options", OptionList).highlighted = first + at - self._start
            return
        self._moved_to = self._ids[at]
        self._fill(self.query_one("#doc-filter", Input).value)

    def action_close(self) -> None:
        self.dismiss(None)


def matching(entries: list[EntryT], haystacks: list[str], query: str) -> list[EntryT]:
    """The entries whose folded words (``haystacks``, one per entry) hold every word of
    ``query``, folded as ``/`` folds it: case and accents aside."""
    words = fold(query).split()
    return [
        entry
        for entry, haystack in zip(entries, haystacks, strict=True)
        if all(word in haystack for word in words)
    ]


def none_matching(query: str) -> str:
    """The list's line when the filter leaves no document."""
    return f"no documents match '{' '.join(query.split())}'"
