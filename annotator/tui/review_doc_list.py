"""The review's document list (``l``): every document under review with its open conflicts;
enter goes to one's first conflict, ctrl+r twice merges one anew: to take its annotators'
changes (the decisions on conflicts they changed dropped, the others kept), or, records
unchanged, to decide it again. It dismisses with ``(what, doc_id)``: ``("open", …)`` or
``("anew", …)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from annotator.core.review_documents import ReviewEntry
from annotator.core.search import fold
from annotator.tui.filtered_list import FilteredListScreen, matching, none_matching
from annotator.tui.screens import MessagesSaid

Chosen = tuple[str, str] | None

_TITLE = (
    "Documents: {left} of {total} with open conflicts · enter: go to its first conflict (or "
    "look at one without) · "
    "ctrl+r twice: merge it anew (records changed: decisions on conflicts they changed are "
    "dropped; unchanged: all, to decide it again; ctrl+z puts them back) · escape closes\n"
    "type to filter by id or state (open, done, started, changed)"
)


def _state(entry: ReviewEntry) -> tuple[str, str]:
    """The entry's state as the list says it, and its style."""
    if entry.conflicts:
        return f"{entry.conflicts} open", "yellow"
    return ("✓ done", "green") if entry.done else ("✎ started", "")


_CHANGED = "⟳ records changed: ctrl+r takes them"


class ReviewDocListScreen(FilteredListScreen[Chosen]):
    """Every document under review; type to filter (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "merge_anew", "Merge anew", priority=True),
    ]

    def __init__(
        self,
        entries: list[ReviewEntry],
        current: str | None,
        anew_refused: Callable[[str], str | None] = lambda doc_id: None,
    ) -> None:
        super().__init__()
        self.entries = entries
        self.current = current
        # Why merging a document anew would change nothing (the session's ``anew_refused``).
        self.anew_refused = anew_refused
        self._asked: str | None = None  # the document the first ctrl+r asked about
        self._title_taken = False  # the title says something else than the list's keys
        self._haystacks: list[str] | None = None

    def compose(self) -> ComposeResult:
        left = sum(1 for entry in self.entries if entry.conflicts)
        with Vertical(id="doclist-box"):
            yield Label(
                _TITLE.format(left=left, total=len(self.entries)), classes="title", id="doc-title"
            )
            yield Input(placeholder="filter", id="doc-filter")
            yield OptionList(id="doc-options")
            yield MessagesSaid()  # a message shown meanwhile: at the box's foot, over no row

    def _fill(self, query: str) -> None:
        options = self.query_one("#doc-options", OptionList)
        if self._haystacks is None:  # folded once, not at each key typed
            self._haystacks = [fold(_haystack(entry)) for entry in self.entries]
        chosen = matching(self.entries, self._haystacks, query)
        at, start, end = self.place_rows([entry.doc_id for entry in chosen], self.current)
        rows = []
        for entry in chosen[start:end]:
            state, style = _state(entry)
            line = Text(f"{entry.position + 1:>4}  ", style="dim")
            line.append(f"{state:<10} ", style=style)
            line.append(entry.doc_id, style="bold" if entry.doc_id == self.current else "")
            if entry.records_changed:
                line.append(f"  {_CHANGED}", style="bold magenta")
            rows.append(Option(line, id=entry.doc_id))
        first = self.show_rows(rows, none_matching(query), start, len(chosen) - end)
        if rows:
            options.highlighted = first + at - start

    def _highlighted(self) -> str | None:
        option = self.query_one("#doc-options", OptionList).highlighted_option
        return option.id if option is not None else None

    def chosen(self, option_id: str) -> Chosen:
        return ("open", option_id)

    def on_input_changed(self, event: Input.Changed) -> None:
        # The list is filled again by FilteredListScreen's handler: Textual calls both.
        self._forget_the_question()

    def action_move(self, step: int) -> None:
        super().action_move(step)
        self._forget_the_question()

    def action_merge_anew(self) -> None:
        doc_id = self._highlighted()
        if doc_id is None:
            return
        if self._asked == doc_id:
            self.dismiss(("anew", doc_id))
            return
        title = self.query_one("#doc-title", Label)
        refused = self.anew_refused(doc_id)
        if refused is not None:
            # Said at once: a trial's first ctrl+r warned of decisions the document did not
            # have, and only the second said there was nothing to merge anew.
            self._title_taken = True
            title.update(f"{refused} · escape closes")
            return
        # Asked first: it drops decisions (ctrl+z in the review brings them back, but a
        # reviewer should not need it for a slip of one key).
        self._asked = doc_id
        self._title_taken = True
        entry = next((entry for entry in self.entries if entry.doc_id == doc_id), None)
        dropped = (
            "the decisions on conflicts their change touched are dropped, the others kept"
            if entry is not None and entry.records_changed
            else "its review decisions are dropped and its conflicts open again"
        )
        title.update(
            f"ctrl+r again merges {doc_id} anew from its annotators' records: {dropped} "
            "(ctrl+z in the review puts them back) · escape: no"
        )

    def _forget_the_question(self) -> None:
        self._asked = None
        if self._title_taken:
            self._title_taken = False
            left = sum(1 for entry in self.entries if entry.conflicts)
            self.query_one("#doc-title", Label).update(
                _TITLE.format(left=left, total=len(self.entries))
            )


def _haystack(entry: ReviewEntry) -> str:
    """What the filter looks in (folded as ``/`` folds the article: case and accents aside)."""
    changed = f" {_CHANGED}" if entry.records_changed else ""
    return f"{entry.doc_id} {_state(entry)[0]}{changed}"
