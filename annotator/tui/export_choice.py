"""A choice of the export dialog (its format, a doccano style, the offsets): a compact Select
whose open list covers its row's whole width, a row to each option, and that goes to an option
by its first letters as they are typed, open or closed.

A trial at 80x24 read the open format list as one with the dialog: the list, as wide as the
choice and without a frame, began right after the command's words beside it ("same as  ahf",
"--format jlabels.json", "--annotatospacy"), and hf's description was broken over two rows.
The list now starts at the row's left edge, over the names column too, inside a frame of its
own (export.tcss), and an option too long for it is cut with "…" rather than wrapped.
"""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widgets import OptionList

from annotator.tui.typed_choice import TypedChoice


class ExportChoice(TypedChoice):
    """Letters typed on it go to the option whose words begin with them (``TypedChoice``,
    as in the event form: ``b`` brat, ``c`` conll, ``u`` the UTF-16 offsets): closed, it opens
    with that option highlighted, as the arrows open it; open, the highlight moves. Enter takes
    it. Closed, a trial's ``b`` did nothing and said nothing (Textual's own search, a match
    anywhere in an option, works only in the open list: ``b`` there went to prodigy's "JSONL").
    A letter no option begins with is said, and not kept among the letters typed."""

    def __init__(self, options: list[tuple[str, str]], value: str, *, id: str, about: str) -> None:
        super().__init__(
            options, value=value, allow_blank=False, id=id, compact=True, type_to_search=False
        )
        self.about = about  # what it chooses, as a refused letter names it ("format")

    def refused(self, typed: str) -> str:
        return f"no {self.about} begins with {typed!r}"

    def letters_kind(self) -> str:
        return f"export letters {self.id}"

    def _list_shown(self, expanded: bool) -> None:
        super()._list_shown(expanded)  # closed: letters start anew
        if expanded:
            self._cover_row()

    def on_resize(self) -> None:
        self._cover_row()

    def _cover_row(self) -> None:
        """The open list from the left edge of the body it scrolls in to its right edge, over
        its scrollbar too: the list is placed under the choice (Textual's overlay), so it is
        moved left by the cells before the choice (the row's name, a checkbox) and widened to
        the body's width. CSS has no width of another widget."""
        body = next((up for up in self.ancestors if isinstance(up, ScrollableContainer)), None)
        if body is None or not self.size.width:
            return
        overlay = self.query_one("SelectOverlay", OptionList)
        overlay.styles.offset = (body.region.x - self.region.x, 0)
        overlay.styles.width = body.region.width
