"""The event form's rows (``EventForm`` lays them out): a field's name, its input and its links,
and a repeatable group's box of items with their remove buttons and its add button."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Label

from annotator.core.scheme import FormField
from annotator.tui.form_choice import ChoiceSelect
from annotator.tui.form_hints import HintedInput, span_field_hints, type_hints
from annotator.tui.form_links import NAME_CELLS, FieldInput, FieldLinks, FieldName


class GroupBox(Vertical):
    """A repeatable group: one bordered box per item, each with a remove button, then add."""

    def __init__(self, group: FormField, count: int = 0) -> None:
        super().__init__(classes="group")
        self.group = group
        self.count = count

    def compose(self) -> ComposeResult:
        yield Label(self.group.name, classes="group-name")
        for index in range(self.count):
            with Vertical(classes="group-item") as item:
                item.border_title = f"{self.group.name} #{index + 1}"
                for sub in self.group.fields:
                    yield from field_row(sub, f"{self.group.name}[{index}].{sub.name}")
                # Below the fields, not beside the first: the focus order follows the position,
                # and tab from the first field must reach the next field, not this button.
                with Horizontal(classes="item-actions"):
                    yield Button("remove", name=str(index), classes="remove-item", compact=True)
        yield Button(f"+ add to {self.group.name}", classes="add-item", compact=True)

    async def resize(self, count: int) -> None:
        if count != self.count:
            self.count = count
            await self.recompose()

    @staticmethod
    def edit_of(button: Button) -> tuple[str, int | None] | None:
        """What pressing ``button`` asks of its group: (group, None) to add an item, (group,
        index) to remove item ``index``; None for a button of no group.

        The screen handles the button's Pressed itself, as it comes up, rather than a message
        posted here on its way: keys typed at once after it then wait for the new item
        (``keys_in_order``: its marker follows the Pressed, and would pass a new message)."""
        box = next((node for node in button.ancestors if isinstance(node, GroupBox)), None)
        if box is None:
            return None
        if button.has_class("remove-item") and button.name is not None:
            return box.group.name, int(button.name)
        return box.group.name, None


def row_of(widget: Widget) -> Widget:
    """The field's whole row, its name's line with it: stacked (80 columns), the name and its
    links (``⛓ s3``) are above the input, and bringing only the input into view hid them."""
    parent = widget.parent
    return parent if isinstance(parent, Widget) and parent.has_class("field-row") else widget


class SpanFieldInput(FieldInput):
    """A field filled from spans, whose links beside it narrow it as they grow: an input
    scrolls to its cursor when the cursor moves, not when it narrows, and the name ctrl+l
    had just added, the cursor after it, went out of sight behind the links."""

    def on_resize(self) -> None:
        if self.has_focus and self.cursor_at_end:
            self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True)


def field_row(field: FormField, path: str) -> ComposeResult:
    mark = "*" if field.required else ""
    title = f"{field.name}{mark}"
    # A name longer than its cells goes above its input (a scheme's own names can be long): the
    # name is never cut.
    long_name = cell_len(title) >= NAME_CELLS
    with Horizontal(classes="field-row -long-name" if long_name else "field-row"):
        yield FieldName(title, path, classes="field-name")
        if field.type == "choice":
            yield ChoiceSelect(field.choices, prompt="(choose)", name=path)
        elif field.from_label:
            hints = span_field_hints(field.type, field.from_label)
            # Not selected on focus (Textual's default), as the note: a key typed after a
            # tab replaced a linked name and dropped its link (a trial, typing fast).
            yield SpanFieldInput(hints, name=path, compact=True, select_on_focus=False)
            yield FieldLinks(path)
        else:
            yield HintedInput(
                type_hints(field.type),
                name=path,
                compact=True,
                select_on_focus=False,
            )
