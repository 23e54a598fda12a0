"""Typing what settles a form-field conflict, when no annotator gave the right answer.

``e`` on a field conflict opens ``FieldEditScreen`` over the article (the conflict panel with
its versions stays in sight beside it): one input, pre-filled with the first version's value.
(A repeatable group's items are edited on ``review_items_edit.ItemsEditScreen``.) Enter hands
the text to the review session (``ReviewSession.settle_typed``), which checks it as the
annotation screen checks a typed value and saves the decision; a refusal is shown in one line
under the input, and the screen stays open. Escape closes it with nothing changed. The input
suggests the values the versions gave (a choice: its choices); → takes the suggestion.

Toasts are hidden over the editors (review.tcss): the messages shown while one is open (the
disk refusing the gold file, a quit stopped for the typing here) are said in its box, under the
refusal's line (``screens.MessagesSaid``, as over help and the document list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, Static

from annotator.core.errors import AnnotatorError
from annotator.core.forms import path_words, typed_text
from annotator.core.models import Span
from annotator.core.review_conflict import Conflict, field_of
from annotator.core.review_enter_hint import enter_hint, field_reading, field_values
from annotator.core.review_typed import BadValue, Typed, hint
from annotator.core.review_typed_start import prefill
from annotator.core.scheme import FormField, Scheme
from annotator.tui.box_screen import BoxScreen
from annotator.tui.form_hints import BoxTitle, HintedInput, type_hints
from annotator.tui.review_layout import BREAKPOINTS
from annotator.tui.saving_app import SavingApp
from annotator.tui.screens import MessagesSaid

# The help screen's rows for typing (the review screen lists them in its own help).
TYPING_KEYS = [
    ("enter", "settle the conflict with what is typed"),
    ("escape", "cancel: nothing changes"),
    ("→ at the end", "take the suggested value (a choice, or a version's)"),
]


def _given(conflict: Conflict, sub: FormField | None) -> list[str]:
    """The values the versions gave (a sub-field's, in their items), as typed texts."""
    if sub is None:
        values: list[Any] = [version.get("value") for version in conflict["versions"]]
    else:
        values = [
            item.get(sub.name)
            for version in conflict["versions"]
            for item in version.get("value") or []
            if isinstance(item, dict)
        ]
    given = [typed_text(value) for value in values]
    return list(dict.fromkeys(text for text in given if text))


def suggester(conflict: Conflict, field: FormField, sub: FormField | None) -> SuggestFromList:
    """The values the versions gave there, or a choice's choices, to suggest as one types."""
    leaf = sub or field
    words = leaf.choices if leaf.type == "choice" else _given(conflict, sub)
    return SuggestFromList(words, case_sensitive=False)


class TypingInput(HintedInput):
    """An input whose enter (it submits: the screen settles) is in the footer, with escape:
    the review's footer, under the screen, offered "1…9 Take version" and "e Type value",
    keys that type into the input here. Its hint fits its width (the item editor's date read
    "YYYY-MM-DD, YYYY-MM or" at 80 columns)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Settle", key_display="enter"),
    ]


def value_title(about: str, conflict_id: str) -> BoxTitle:
    """The title "Type the value of ``about`` (c12)", shorter where that does not fit."""
    return BoxTitle(
        [f"Type the value of {about} ({conflict_id})", f"Value of {about} ({conflict_id})"]
    )


def typing_hints(field: FormField) -> list[str]:
    """What an input of ``field`` takes, longest first (``HintedInput`` shows what fits)."""
    said = hint(field)
    shorter = ["a choice (→ takes the one suggested)"] if field.type == "choice" else []
    if field.type == "date" and field.from_label:
        # A span's words are taken (``review_typed.hint``): said while it fits.
        shorter += [
            f"YYYY-MM-DD or a {field.from_label} span's words",
            "YYYY[-MM[-DD]] or span words",
            "YYYY-MM-DD or span words",
        ]
    shorter += [words for words in type_hints(field.type) if words and words != said]
    return [said, *shorter]


def input_row(
    conflict: Conflict,
    field: FormField,
    sub: FormField | None,
    value: str,
    *after: Widget,
) -> Horizontal:
    """A field's name and its input, pre-filled with ``value``, suggesting what versions gave;
    ``after``: what follows the input on its line (a group item's field: its links)."""
    leaf = sub or field
    return Horizontal(
        Label(leaf.name + ("*" if leaf.required else ""), classes="field-name"),
        TypingInput(
            typing_hints(leaf),
            value=value,
            name=leaf.name,
            compact=True,
            suggester=suggester(conflict, field, sub),
        ),
        *after,
        classes="field-edit-row",
    )


class SettlingScreen(BoxScreen[bool]):
    """What both editors share: enter hands what is typed (``typed``) to ``settle``; a refusal
    is shown under the inputs, with the focus in the input at fault, until something changes;
    escape closes with nothing changed. Dismissed with True once the conflict is settled. Each
    has a footer of its own, saying these keys (the review's, under it, said its keys)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel, nothing changed"),
        # An input's enter submits it (``on_input_submitted``); this one is for the focus
        # anywhere else: tab had left the inputs, and enter there did nothing, unsaid.
        Binding("enter", "settle", "Settle", show=False),
        # Round the inputs only: the app's tab went on to whatever else takes the focus.
        Binding("tab", "focus_input(1)", "Next input", show=False),
        Binding("shift+tab", "focus_input(-1)", "Previous input", show=False),
    ]
    # -narrow below 72 columns, as the review screen: its panel is then under the article.
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS
    conflict: Conflict  # the conflict it settles (each editor's own)

    def __init__(self, settle: Callable[[Typed], object]) -> None:
        """``settle``: what Enter calls with the typed texts; it raises ``AnnotatorError``
        (``BadValue`` naming the input, and the item for a group) to refuse them."""
        super().__init__()
        self.settle = settle
        self.problem = ""
        """The refusal shown under the inputs ("" when none)."""
        self.opened_with: Typed | None = None
        """What the inputs held when it opened (``unsettled``)."""

    def typed(self) -> Typed:
        raise NotImplementedError

    def inputs_by_item(self) -> list[list[Input]]:
        """The inputs, item by item (a plain field's one input is item 0)."""
        return [list(self.query(Input))]

    def on_mount(self) -> None:
        # Focused, an input selects its text: typing replaces it, an arrow keeps it to edit.
        self.query(Input).first().focus()
        self.opened_with = self.typed()

    def unsettled(self) -> str | None:
        """What a quit leaves behind unsettled, as a message names it: typing that is not what
        the editor opened with (enter settles with it, escape drops it); None when none."""
        typed = self.typed()
        if self.opened_with is None or typed == self.opened_with:
            return None
        about = self.conflict["id"]
        if isinstance(typed, str):
            return f"the value typed for {about}, {typed!r}"
        # One thing, as the advice after it says ("settles the conflict with it"): "the items
        # typed for c4; … with it" read as if "it" were the message.
        return f"what is typed in the items of {about}"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_settle()

    def action_settle(self) -> None:
        """Settle with what is typed, or say why not."""
        try:
            self.settle(self.typed())
        except BadValue as refused:
            self.refuse(str(refused), refused.field, refused.item)
            return
        except AnnotatorError as refused:
            self.refuse(str(refused), None, None)
            return
        self.withdraw_typing_told()  # settled with it
        self.dismiss(True)

    def action_focus_input(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) input, round from the last to the first; from
        outside them, the first (or the last)."""
        inputs = [widget for item in self.inputs_by_item() for widget in item]
        if not inputs:
            return
        focused = self.focused
        if isinstance(focused, Input) and focused in inputs:
            at = (inputs.index(focused) + step) % len(inputs)
        else:
            at = 0 if step > 0 else -1
        inputs[at].focus()

    def refuse(self, message: str, field: str | None, item: int | None) -> None:
        """Say why, keep the screen open, and put the focus in the input at fault."""
        self.problem = message
        # As text, never markup: the message quotes what was typed ("[b]" stays "[b]").
        self.query_one("#field-edit-problem", Static).update(Text(message))
        self.add_class("-refused")
        for number, inputs in enumerate(self.inputs_by_item()):
            for widget in inputs:
                wrong = widget.name == field and number == (item or 0)
                widget.set_class(wrong, "-invalid")
                if wrong:
                    widget.focus()

    def enter_hint(self) -> str | None:
        """The line under the input: what enter does with what it holds (None: a line that
        does not change with the typing)."""
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        hint_now = self.enter_hint()
        if hint_now is not None:
            self.query_one("#field-edit-hint", Static).update(Text(hint_now))
        # The refusal is about what was typed before: a change makes it stale. So does it a
        # quit's message naming that typing (the next quit names what is typed then).
        self.withdraw_typing_told()
        if self.has_class("-refused"):
            self.clear_problem()
            event.input.remove_class("-invalid")

    def withdraw_typing_told(self) -> None:
        """Take away a quit's message naming the typing here ("not saved: the value typed for
        c1 …"), no longer true: the other messages stay, said in the box while it is open and
        by the review's toast once it closes, for the rest of their time."""
        if isinstance(self.app, SavingApp):
            self.app.withdraw("quit")

    def clear_problem(self) -> None:
        self.remove_class("-refused")
        self.problem = ""
        self.query_one("#field-edit-problem", Static).update("")

    def action_cancel(self) -> None:
        self.withdraw_typing_told()  # dropped
        self.dismiss(False)


class FieldEditScreen(SettlingScreen):
    """The input that settles one plain field's conflict."""

    def __init__(
        self,
        scheme: Scheme,
        conflict: Conflict,
        settle: Callable[[Typed], object],
        spans: Sequence[Span] = (),
    ) -> None:
        """``spans``: gold's, whose words a count or a date may be typed as (the line under
        the input reads what is typed as enter does)."""
        super().__init__(settle)
        self.field = field_of(scheme, conflict)
        self.conflict = conflict
        self.prefilled = prefill(conflict, scheme)
        self.read = field_reading(self.field, conflict, spans)

    def compose(self) -> ComposeResult:
        field = self.field
        with Vertical(id="field-edit-box"):
            words = path_words(self.conflict.get("path") or field.name)
            yield value_title(words, self.conflict["id"])
            with Vertical(id="field-edit-inputs"):
                yield input_row(self.conflict, field, None, self.prefilled)
            yield Static(Text(self.enter_hint()), id="field-edit-hint")
            yield Static(id="field-edit-problem")
            yield MessagesSaid(id="field-edit-messages")
            yield Static(
                "enter: settle the conflict with this value · →: the suggested value · "
                "escape: cancel",
                id="field-edit-keys",
            )
        yield Footer(compact=True)

    def typed(self) -> str:
        """What the input holds."""
        return self.query_one(Input).value

    def enter_hint(self) -> str:
        # Before the input is mounted: what it opens with.
        inputs = self.query(Input)
        typed = inputs.first().value if inputs else self.prefilled
        field = self.field
        takes = "any text" if field.type == "text" else hint(field)
        quoted = field.type in ("text", "list")
        given = field_values(self.conflict)
        return enter_hint(typed, given, takes, "no value", quoted, self.read, field.required)
