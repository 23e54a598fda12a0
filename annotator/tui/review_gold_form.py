"""Gold's form of the document in the article, read-only, in a box over the article (``g``).

The article shows gold's spans, the panel one conflict's versions: what gold's form holds (its
fields, a group's items with their fields and links) was not to be seen before the review was
finished. The box lists it as ``review_gold_form.gold_form`` lays it out, the open conflicts
marked ⚠ at their paths, over the article inside its frame, so the panel's versions stay in
sight beside it. Nothing is changed from here: escape (or ``g`` again) closes it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region, Spacing
from textual.screen import ModalScreen
from textual.widgets import Static

from annotator.core.review_gold_form import GoldForm
from annotator.tui.screens import MessagesSaid

MARK = "⚠ "
"""Before each open conflict, as the panel's versions are headed by their numbers."""


def form_table(form: GoldForm) -> RenderableType:
    """The form's rows as a grid: name, value, then its links and open conflicts."""
    opened = form.open_count
    marked = f"{opened} conflict(s) open, marked ⚠" if opened else "no conflict open"
    head = Text(f"{form.status} · {marked}", style="dim")
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for row in form.rows:
        name = Text("  " * row.depth + row.name, style="bold" if row.item is not None else "")
        value = Text(row.value, style="dim" if row.value.startswith("(") else "")
        if row.links:
            value.append(f"  {row.links}", style="dim")
        for said in row.open:
            value.append(f"\n{MARK}{said}", style="bold yellow")
        table.add_row(name, value)
    parts: list[RenderableType] = [head, table]
    elsewhere = [*form.elsewhere]
    if form.spans_open:
        elsewhere.append("span conflicts: " + " · ".join(form.spans_open))
    for said in elsewhere:
        parts.append(Text(f"{MARK}{said}", style="bold yellow"))
    return Group(*parts)


class GoldFormScreen(ModalScreen[None]):
    """Gold's form, over ``room`` (the article inside its frame) when given, else centred."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,g", "dismiss", "Close gold's form"),
    ]

    def __init__(self, form: GoldForm, room: Region | None = None) -> None:
        super().__init__()
        self.form = form
        self.room = room

    def compose(self) -> ComposeResult:
        with Vertical(id="gold-form-box") as box:
            box.border_title = f"Gold's form: {self.form.doc_id}"
            box.border_subtitle = "read-only · escape closes"
            with VerticalScroll():
                yield Static(form_table(self.form), id="gold-form-text")
            yield MessagesSaid(id="gold-form-messages")  # toasts are hidden over the box

    def on_mount(self) -> None:
        room = self.room
        if room is None:
            return
        self.add_class("-over-article")
        box = self.query_one("#gold-form-box")
        box.styles.margin = Spacing(room.y, 0, 0, room.x)
        box.styles.width = room.width
        box.styles.max_height = room.height

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)
