"""Editing a repeatable group's items by hand, to settle its conflict (``e`` on ``releases``).

The group's conflict holds the items fewer than K annotators gave (merge settles the fields of
an item K annotators hold one by one: ``releases[0].count``), and none of its versions may be
right. ``ItemsEditScreen`` opens on the items of the first version
holding any (the one most annotators gave), an input per sub-field of each item, pre-filled; the
reviewer fixes what is wrong, adds an item (ctrl+n) or drops one (ctrl+r, or by emptying it), or
starts again from another version's items (pageup / pagedown: every version in turn, one holding
no items named as such, with an empty item to fill; "from scratch" too when every version holds
some). The box stays over the article, so the panel's numbered versions stay in sight beside it;
below 72 columns, where the panel is under the article and the box covers it, the box lists the
versions itself, the one started from marked (at 80x24 a box wider than the article hid the
version numbers and cut the panel's lines). Enter hands every item to
``ReviewSession.settle_typed``, which checks them as the annotation screen does and appends them
to gold's agreed items instead of any version's; a refusal is said under the inputs and the
input at fault is focused. Escape changes nothing. Beside each input, dim, the spans that field
will be linked to once settled (``⛓ s2``), worked out as one types by what enter runs
(``review_typed_links``): a value typed away from the version item's drops it, as saving
would (the reviewer could not tell which typed field would stay linked), and a value typed
as the words of one gold span links it (``⛓ ? 2 spans``: several spans', none linked).
A line under the items says whose a link kept from the version item is (``⛓ bob's link:
count s5 · s3 by the words typed``): beside the input there is no room for it at 80 columns.
Under the items, a line says where enter writes a field otherwise than its input shows it
(``enter writes item 1 count as 97 (s5's value), not 95``: a count typed as the words of a
span given another value with ``v``), as the one-field editor's enter hint does; a trial's
box showed ann1's 95 and enter wrote 97 unsaid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, Label, Static

from annotator.core.review_conflict import Conflict, field_of
from annotator.core.review_typed import Typed, TypedItem
from annotator.core.review_typed_links import ItemLinks, enter_said, whence_line
from annotator.core.review_typed_start import ItemTexts, blank_item, starting_items, version_items
from annotator.core.scheme import Scheme
from annotator.tui.form_links import FieldLinks
from annotator.tui.review_article import colour_mode, version_colour, version_style
from annotator.tui.review_field_edit import SettlingScreen, input_row
from annotator.tui.review_layout import SHORT_BREAKPOINTS
from annotator.tui.review_panel import frame_text
from annotator.tui.screens import MessagesSaid

# The help screen's rows for editing a group's items (the review screen lists them).
ITEMS_KEYS = [
    (
        "enter",
        "settle the conflict with the items shown (added to the agreed ones; an item left as "
        "a version gave it is said as that version's)",
    ),
    ("pageup / pagedown", "start again from the previous / next version's items, or scratch"),
    ("ctrl+n", "add an empty item"),
    ("ctrl+r", "drop the item the cursor is in (an item left empty is dropped too)"),
    ("tab / shift+tab", "next / previous input, round from the last to the first"),
    ("→ at the end", "take the suggested value"),
    ("escape", "cancel: nothing changes"),
]


class ItemBlock(Vertical):
    """The inputs of one item, a row per sub-field, and the version item it began as (its
    links are kept where its fields are: ``review_typed.made_links``)."""

    origin: tuple[int, int] | None = None


class TypedFieldLinks(FieldLinks):
    """The spans a typed field will be linked to once settled, after its input (hidden when
    none: review.tcss): a form's ``FieldLinks``, narrower beside the box's inputs."""

    MAX_WIDTH = 12
    STYLE_CLASS = "typed-links"

    def show_links(self, links: list[str], items: int | None = None, several: int = 0) -> None:
        """``several``: the typed words are that many spans', none linked (``⛓ ? 2 spans``)."""
        shown = links or ([f"? {several} spans"] if several else [])
        if shown != self.links:  # asked again at every key typed: drawn only when changed
            super().show_links(shown, items)


class ItemsList(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The items' inputs, scrolling when they overflow the box. Its own pageup / pagedown went
    first: with more items than the box shows they scrolled it, and the editor's (start from
    another version) were never reached. Not focusable: tab stopped on it, where enter did
    nothing. The mouse wheel scrolls it, up / down too, and an input focused comes into view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
    ]

    def on_resize(self) -> None:
        # Fewer rows (a refusal said under it, below 30 rows): the input at fault, focused,
        # stays in sight.
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.call_after_refresh(self.scroll_to_widget, focused, animate=False)


class VersionsList(VerticalScroll, can_focus=False):
    """The versions listed in the box (below 72 columns), scrolling when they are many (below 30
    rows: review.tcss). Not focusable, as the items' list: the mouse wheel scrolls it."""


class ItemsEditScreen(SettlingScreen):
    """The items that settle one group conflict; dismissed with True once it is settled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "start_from(-1)", "Previous version's items", show=False),
        Binding("pagedown", "start_from(1)", "Next version's items", show=False),
        Binding("ctrl+n", "add_item", "Add an item", show=False),
        Binding("ctrl+r", "drop_item", "Drop this item", show=False),
    ]
    # -short below 30 rows: the box takes them all, and the items what is left (review.tcss).
    VERTICAL_BREAKPOINTS = SHORT_BREAKPOINTS

    def __init__(
        self,
        scheme: Scheme,
        conflict: Conflict,
        settle: Callable[[Typed], object],
        links: Callable[[Sequence[TypedItem]], list[ItemLinks]],
        under_notes: bool = False,
    ) -> None:
        """``links``: the links typed items would have, settled now; ``under_notes``: the
        review shows the annotators' notes line under its status line (the box leaves both
        in sight: ``-under-notes`` in review.tcss)."""
        super().__init__(settle)
        self.set_class(under_notes, "-under-notes")
        self.links_of = links
        self.scheme = scheme
        self.group = field_of(scheme, conflict)
        self.conflict = conflict
        self.start, self.items = starting_items(conflict, scheme)
        # The versions one can start from, in order, then None: from scratch, unless a
        # version holding no items is scratch already (left out, pagedown onto bob's "no
        # other releases" said "From scratch", as if bob's version were not there).
        versions = conflict.get("versions") or []
        self.starts: list[int | None] = list(range(len(versions)))
        if self.start is None or all(version.get("value") for version in versions):
            self.starts.append(None)

    # ------------------------------------------------------------- drawing
    def compose(self) -> ComposeResult:
        with Vertical(id="items-edit-box"):
            title = f"Edit the items of {self.group.name} ({self.conflict['id']})"
            yield Label(title, classes="title")
            yield Static(self._from_line(), id="items-edit-from")
            with VersionsList(id="items-edit-versions-list"):
                yield Static(self._versions(), id="items-edit-versions")
            with ItemsList(id="items-edit-items"):
                for number, item in enumerate(self.items):
                    yield self._block(number, item)
            yield Static(id="items-edit-whence")
            yield Static(id="items-edit-reading")
            yield Static(id="field-edit-problem")
            yield MessagesSaid(id="field-edit-messages")  # toasts are hidden over the box
            yield Static(self._keys(), id="field-edit-keys")
        yield Footer(compact=True)

    def _from_line(self) -> Text:
        out = Text()
        if self.start is None:
            out.append("From scratch", style="bold")
        else:
            version = self.conflict["versions"][self.start]
            out.append(f"From version {self.start + 1} ", style="bold")
            out.append(f"({', '.join(version.get('annotators') or [])})", style="bold")
            if not version.get("value"):
                out.append(": no items, from scratch", style="bold")
        out.append(" · pageup / pagedown: start from another", style="dim")
        return out

    def _versions(self) -> Text:
        """Each version, numbered and coloured as in the panel, the one started from marked:
        shown below 72 columns only (review.tcss), where this box covers the panel."""
        out = Text()
        # The terminal's colours, as the panel (review_panel): in 16 colours the full colours
        # fell on other numbers' standard ones, and without colour only the marks tell apart.
        few, colourless = colour_mode(self.app)
        for index, version in enumerate(self.conflict.get("versions") or []):
            colour = version_colour(index, few)
            mark = "▶" if index == self.start else " "
            out.append(f"{mark} ", style=f"bold {colour}")
            out.append(f" {index + 1} ", style=f"bold black on {colour}")
            marks = version_style([index], self.background_colors[1], few, colourless)
            out.append(" ")
            out.append(", ".join(version.get("annotators") or []), style=marks)
            items = version.get("value") or []
            if not items:
                out.append(f": no other {self.group.name}", style="dim italic")
            for item in items:
                out.append(f"\n    • {frame_text(self.group, item)}")
            out.append("\n")
        out.rstrip()
        return out

    def _block(self, number: int, item: dict[str, str]) -> ItemBlock:
        rows = [
            input_row(
                self.conflict, self.group, sub, item.get(sub.name, ""), TypedFieldLinks(sub.name)
            )
            for sub in self.group.fields
        ]
        block = ItemBlock(
            Label(f"item {number + 1}", classes="item-title"), *rows, classes="items-edit-item"
        )
        block.origin = item.origin if isinstance(item, ItemTexts) else None
        return block

    def _keys(self) -> str:
        return (
            "enter: settle with the items shown · ctrl+n: add an item · ctrl+r: "
            "drop this one · escape: cancel"
        )

    def blocks(self) -> list[ItemBlock]:
        return list(self.query(ItemBlock))

    def typed(self) -> list[ItemTexts]:
        """What the inputs hold: each item's texts by sub-field, and where it began."""
        return [
            ItemTexts(
                {widget.name or "": widget.value for widget in block.query(Input)}, block.origin
            )
            for block in self.blocks()
        ]

    def inputs_by_item(self) -> list[list[Input]]:
        return [list(block.query(Input)) for block in self.blocks()]

    def show_links(self) -> None:
        """Beside each input, the spans its field will be linked to as typed now; under the
        items, the fields enter writes otherwise than shown."""
        blocks = self.blocks()
        worked_out = self.links_of(self.typed())
        for block, links in zip(blocks, worked_out, strict=True):
            for shown in block.query(TypedFieldLinks):
                name = shown.name or ""
                shown.show_links(links.get(name, []), several=links.several.get(name, 0))
        for line_id, said in (
            ("#items-edit-whence", whence_line(worked_out)),
            ("#items-edit-reading", enter_said(worked_out)),
        ):
            line = self.query_one(line_id, Static)
            line.update(Text(said))
            line.display = bool(said)

    def on_mount(self) -> None:
        self.show_links()

    def on_input_changed(self, event: Input.Changed) -> None:
        # SettlingScreen's handler runs too (Textual calls each class's): a refusal goes.
        self.show_links()

    # ------------------------------------------------------------- keys
    async def action_start_from(self, step: int) -> None:
        """Replace the items with the next (or previous) start's: a version's, or scratch."""
        at = self.starts.index(self.start)
        self.start = self.starts[(at + step) % len(self.starts)]
        items = [] if self.start is None else version_items(self.conflict, self.scheme, self.start)
        await self._show_items(items or [blank_item(self.group)])
        self.query_one("#items-edit-from", Static).update(self._from_line())
        self.query_one("#items-edit-versions", Static).update(self._versions())

    async def action_add_item(self) -> None:
        items = [*self.typed(), blank_item(self.group)]
        await self._show_items(items, focus=len(items) - 1)

    async def action_drop_item(self) -> None:
        blocks = self.blocks()
        at = self.focused_item(blocks)
        items = [texts for n, texts in enumerate(self.typed()) if n != at]
        await self._show_items(items or [blank_item(self.group)], focus=max(at - 1, 0))

    def focused_item(self, blocks: Sequence[ItemBlock]) -> int:
        """The number of the item (of ``blocks``) holding the focus, from 0."""
        focused = self.focused
        for number, block in enumerate(blocks):
            if focused is not None and focused in block.query(Input).nodes:
                return number
        return 0

    async def _show_items(self, items: Sequence[dict[str, str]], focus: int = 0) -> None:
        self.clear_problem()
        holder = self.query_one("#items-edit-items", ItemsList)
        await holder.remove_children()
        await holder.mount_all(self._block(number, item) for number, item in enumerate(items))
        self.show_links()
        block = self.blocks()[focus]
        block.query(Input).first().focus(scroll_visible=False)
        # Scrolled to now, the new items have no place yet: the list went to its top and the
        # focused item (the one just added) was below the frame. After the refresh it has one.
        self.call_after_refresh(holder.scroll_to_widget, block, animate=False)
