"""The event form's rows (``EventForm`` lays them out): a field's name, its input and its links,
a repeatable group's box of items with their remove buttons and its add button, and at the
form's end the fields the record holds that the scheme does not know, or values it does not
allow, read only."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from annotator.core.form_item_edits import paired_fields
from annotator.core.forms import path_words
from annotator.core.models import Record
from annotator.core.record_unallowed import not_allowed_words, value_words, values_not_allowed
from annotator.core.record_unknown import linked_field, unknown_to_scheme
from annotator.core.scheme import FormField, Scheme
from annotator.tui.form_choice import ChoiceSelect
from annotator.tui.form_hints import HintedInput, form_type_hints, span_field_hints
from annotator.tui.form_links import LINK_MARK, NAME_CELLS, FieldInput, FieldLinks, FieldName


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
                paired = paired_fields(self.group)
                for sub in self.group.fields:
                    path = f"{self.group.name}[{index}].{sub.name}"
                    yield from field_row(sub, path, paired=sub.name in paired)
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


# ctrl+s and ctrl+o: Textual's Input binds neither, nor does the screen or the app, and a
# terminal passes both (Textual turns flow control off). The screen runs them on the focused
# field (``annotate_item_keys``); each input shows one only where it acts (``check_action``).
SWAP_KEY = Binding("ctrl+s", "swap_sides", "Swap sides")
REMOVE_ITEM_KEY = Binding("ctrl+o", "remove_list_item", "Remove item")


class SpanFieldInput(FieldInput):
    """A field filled from spans, whose links beside it narrow it as they grow (its cursor
    kept in sight then: ``HintedInput.on_resize``).

    ctrl+s swaps it with the other field of its item filled from the same label (``paired``);
    in a list field ctrl+o removes the item at the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [SWAP_KEY, REMOVE_ITEM_KEY]

    def __init__(self, *args: Any, paired: bool = False, lists: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.paired, self.lists = paired, lists

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "swap_sides":
            return self.paired
        if action == "remove_list_item":
            return self.lists
        return True

    async def action_swap_sides(self) -> None:
        await self.run_action("screen.swap_sides")

    async def action_remove_list_item(self) -> None:
        await self.run_action("screen.remove_list_item")


class ListInput(HintedInput):
    """A list field typed by hand: ctrl+o removes the item at the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [REMOVE_ITEM_KEY]

    async def action_remove_list_item(self) -> None:
        await self.run_action("screen.remove_list_item")


def field_row(field: FormField, path: str, paired: bool = False) -> ComposeResult:
    mark = "*" if field.required else ""
    title = f"{field.name}{mark}"
    # A name longer than its cells goes above its input (a scheme's own names can be long): the
    # name is never cut.
    long_name = cell_len(title) >= NAME_CELLS
    with Horizontal(classes="field-row -long-name" if long_name else "field-row"):
        yield FieldName(title, path, classes="field-name")
        if field.type == "choice":
            yield ChoiceSelect(field.choices, name=path)
        elif field.from_label:
            hints = span_field_hints(field.type, field.from_label)
            # Not selected on focus (Textual's default), as the note: a key typed after a
            # tab replaced a linked name and dropped its link (a trial, typing fast).
            yield SpanFieldInput(
                hints,
                name=path,
                compact=True,
                select_on_focus=False,
                paired=paired,
                lists=field.type == "list",
            )
            yield FieldLinks(path)
        else:
            typed_input = ListInput if field.type == "list" else HintedInput
            yield typed_input(
                form_type_hints(field.type),
                name=path,
                compact=True,
                select_on_focus=False,
            )


KEPT = "kept, not in the scheme"


def kept_words(record: Record, scheme: Scheme) -> list[str]:
    """Each form field of ``record`` that ``scheme`` does not know (``unknown_to_scheme``), as
    ``name = value``, its links after it (``⛓ s3``); a group's field once per item holding it
    (``releases #1 side = north``), a field only linked as its links. Opening the record said
    their names, and the form showed their values nowhere: an annotator could not tell what
    was kept, nor carry a value over to the field that took its place.

    Before them, each value of a field the scheme knows that the field no longer takes
    (``values_not_allowed``), the field shown empty: ``protest_type = sit_in (not a choice)``."""
    unknown = unknown_to_scheme(record, scheme)
    words = [not_allowed_words(found) for found in values_not_allowed(record, scheme)]
    for name in unknown.fields:
        group, _, sub = name.partition("[].")
        values: dict[str, object] = {}  # path -> value, in the record's order
        if sub:
            items = record.form.get(group)
            for index, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and sub in item:
                    values[f"{group}[{index}].{sub}"] = item[sub]
        elif name in record.form:
            values[name] = record.form[name]
        linked = [path for path in record.links if linked_field(path, scheme) == name]
        for path in [*values, *(path for path in linked if path not in values)]:
            links = record.links.get(path, [])
            said = path_words(path)
            if path in values:
                said += f" = {value_words(values[path])}"
            if links:
                said += " " + " ".join([LINK_MARK, *links])
            words.append(said)
    return words


class KeptFields(Static):
    """The form's last line(s), dim, read only: the fields the record holds that the scheme
    does not know, and values of those it knows that they no longer take (``kept_words``);
    not shown when there are none."""

    def show_kept(self, words: list[str]) -> None:
        self.display = bool(words)
        if len(words) == 1:
            self.update(Text(f"{KEPT}: {words[0]}"))
        else:
            self.update(Text("\n".join([f"{KEPT}:", *(f"  {said}" for said in words)])))
