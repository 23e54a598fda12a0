"""Gold's form of the document in the article, read-only, in a box over the article (``g``).

The article shows gold's spans, the panel one conflict's versions: what gold's form holds (its
fields, a group's items with their fields and links) was not to be seen before the review was
finished. The box lists it as ``review_gold_form.gold_form`` lays it out, the open conflicts
marked ⚠ at their paths, over the article inside its frame, so the panel's versions stay in
sight beside it. Nothing is changed from here: escape (or ``g`` again) closes it. The review's
deciding keys (a version's number, t, r, e, v, ctrl+z, ...) say so in the box's messages
("1: close gold's form (escape) first; it is read-only"): they did nothing, silently, and a key
that closed the form and settled would decide from a box that says it is read-only. Its
other keys (n, p, l, N, ?, ...) say to close the box first ("n: close gold's form (escape)
first"): they did nothing, silently, too.
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
from textual.widgets import Static

from annotator.core.review_gold_form import GoldForm
from annotator.tui.box_screen import BoxScreen
from annotator.tui.form_rows import KEPT
from annotator.tui.review_bindings import DECISIONS, REVIEW_BINDINGS
from annotator.tui.review_toasts import SECONDS
from annotator.tui.saving_app import SavingApp
from annotator.tui.screens import MessagesSaid

MARK = "⚠ "
"""Before each open conflict, as the panel's versions are headed by their numbers."""


DECIDING = DECISIONS | {"undo", "redo"}
"""The review's actions that change gold or open an editor to: ``review_bindings.DECISIONS``,
and undo and redo."""
READ_ONLY = "gold_form_read_only"
"""The kind of the message a deciding key tells here, taken away once the box closes."""


CLOSING = ("escape", "q", "g")
"""The keys that close the box (``q`` too: a reviewer reaching for quit leaves the box first)."""


def review_keys(deciding: bool) -> dict[str, str]:
    """The review's keys bound to ``DECIDING`` actions (or, not ``deciding``, to none of them:
    n, p, l, N, ?, ...), in the bindings' order, the closing keys aside: each with the way
    the help writes it (``?``, not ``question_mark``)."""
    keys: dict[str, str] = {}
    for binding in REVIEW_BINDINGS:
        if isinstance(binding, Binding) and (binding.action.split("(")[0] in DECIDING) == deciding:
            for key in binding.key.split(","):
                if key not in CLOSING:
                    keys.setdefault(key, binding.key_display or key)
    return keys


def deciding_keys() -> list[str]:
    """The review's keys bound to ``DECIDING`` actions, each once, in the bindings' order."""
    return list(review_keys(deciding=True))


def moving_keys() -> dict[str, str]:
    """The review's other keys (moving, looking, help) and how each is written: under the box
    they did nothing, silently (a trial's n, p, l and ?)."""
    deciding = review_keys(deciding=True)
    return {key: shown for key, shown in review_keys(deciding=False).items() if key not in deciding}


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
    if form.kept:
        parts.append(Text(f"{KEPT}: {form.kept}", style="dim"))
    return Group(*parts)


class GoldFormScreen(BoxScreen[None]):
    """Gold's form, over ``room`` (the article inside its frame) when given, else centred."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(",".join(CLOSING), "dismiss", "Close gold's form"),
        *(Binding(key, f"read_only({key!r})", "", show=False) for key in deciding_keys()),
        *(
            Binding(key, f"close_first({shown!r})", "", show=False)
            for key, shown in moving_keys().items()
        ),
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

    def action_read_only(self, key: str) -> None:
        """A review's deciding key pressed here: say where it works."""
        self._tell(f"{key}: close gold's form (escape) first; it is read-only")

    def action_close_first(self, key: str) -> None:
        """A review's moving or looking key pressed here: say where it works."""
        self._tell(f"{key}: close gold's form (escape) first")

    def _tell(self, message: str) -> None:
        if isinstance(self.app, SavingApp):
            self.app.tell_about(READ_ONLY, message, timeout=SECONDS["warning"])
        else:
            self.notify(message, severity="warning", timeout=SECONDS["warning"])

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        if isinstance(self.app, SavingApp):
            self.app.withdraw(READ_ONLY)  # closed: the key works now
        self.dismiss(None)
