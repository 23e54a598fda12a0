"""Typing what settles a form-field conflict, when no annotator gave the right answer.

``e`` on a field conflict opens ``FieldEditScreen`` over the article (the conflict panel with
its versions stays in sight beside it): one input for a plain field, pre-filled with the first
version's value, or for a repeatable group an input per sub-field, pre-filled from the first
left-over item, so a reviewer can keep one annotator's part and type another's. Enter hands
the texts to the review session (``ReviewSession.settle_typed``), which checks them as the
annotation screen checks a typed value and saves the decision; a refusal is shown in one line
under the inputs, the input it is about focused, and the screen stays open. Escape closes it
with nothing changed. An input suggests the values the versions gave there (a choice: its
choices); → takes the suggestion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from annotator.core.errors import AnnotatorError
from annotator.core.review_decisions import Conflict, field_of
from annotator.core.review_typed import BadValue, Typed, hint, prefill, typed_text
from annotator.core.scheme import FormField, Scheme
from annotator.tui.inputs import InOrderInput

# The help screen's rows for typing (the review screen lists them in its own help).
TYPING_KEYS = [
    ("enter", "settle the conflict with what is typed (a group: add the item)"),
    ("escape", "cancel: nothing changes"),
    ("tab / shift+tab", "next / previous input of a group's item"),
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


def _suggester(conflict: Conflict, field: FormField, sub: FormField | None) -> SuggestFromList:
    leaf = sub or field
    words = leaf.choices if leaf.type == "choice" else _given(conflict, sub)
    return SuggestFromList(words, case_sensitive=False)


class FieldEditScreen(ModalScreen[bool]):
    """The inputs that settle one field conflict; dismissed with True once it is settled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel, nothing changed"),
        # Before the focused input sees them: otherwise letters typed right after tab went to
        # the input being left, as tab only moved the focus once it had bubbled up from it.
        Binding("tab", "app.focus_next", "Next input", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous input", show=False, priority=True),
    ]

    def __init__(
        self,
        scheme: Scheme,
        conflict: Conflict,
        settle: Callable[[Typed], object],
    ) -> None:
        """``settle``: what Enter calls with the typed texts; it raises ``AnnotatorError``
        (``BadValue`` naming the input) to refuse them."""
        super().__init__()
        self.field = field_of(scheme, conflict)
        self.conflict = conflict
        self.settle = settle
        self.prefilled = prefill(conflict, scheme)
        self.problem = ""
        """The refusal shown under the inputs ("" when none)."""

    @property
    def is_group(self) -> bool:
        return self.field.type == "group"

    def compose(self) -> ComposeResult:
        field, conflict = self.field, self.conflict
        with Vertical(id="field-edit-box"):
            if self.is_group:
                title = f"Write one item of {field.name} by hand ({conflict['id']})"
            else:
                title = f"Type the value of {field.name} ({conflict['id']})"
            yield Label(title, classes="title")
            with Vertical(id="field-edit-inputs"):
                for sub in field.fields if self.is_group else [None]:
                    leaf = sub or field
                    with Horizontal(classes="field-edit-row"):
                        name = leaf.name + ("*" if leaf.required else "")
                        yield Label(name, classes="field-name")
                        yield InOrderInput(
                            value=self._prefilled(leaf),
                            placeholder=hint(leaf),
                            name=leaf.name,
                            compact=True,
                            suggester=_suggester(conflict, field, sub),
                        )
            if not self.is_group:
                yield Static(Text(hint(field)), id="field-edit-hint")
            yield Static(id="field-edit-problem")
            yield Static(self._keys(), id="field-edit-keys")

    def _prefilled(self, leaf: FormField) -> str:
        if isinstance(self.prefilled, str):
            return self.prefilled
        return self.prefilled.get(leaf.name, "")

    def _keys(self) -> str:
        suggested = "→: the suggested value · escape: cancel"
        if self.is_group:
            return (
                "enter: add this item and settle the conflict (no version's items are "
                f"taken) · tab: next field · {suggested}"
            )
        return f"enter: settle the conflict with this value · {suggested}"

    def on_mount(self) -> None:
        # Focused, an input selects its text: typing replaces it, an arrow keeps it to edit.
        self.query(Input).first().focus()

    def typed(self) -> Typed:
        """What the inputs hold: the text, or a group's texts by sub-field."""
        texts = {widget.name or "": widget.value for widget in self.query(Input)}
        return texts if self.is_group else texts[self.field.name]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.settle(self.typed())
        except BadValue as refused:
            self.refuse(str(refused), refused.field)
            return
        except AnnotatorError as refused:
            self.refuse(str(refused), None)
            return
        self.dismiss(True)

    def refuse(self, message: str, field: str | None) -> None:
        """Say why, keep the screen open, and put the focus in the input at fault."""
        self.problem = message
        # As text, never markup: the message quotes what was typed ("[b]" stays "[b]").
        self.query_one("#field-edit-problem", Static).update(Text(message))
        self.add_class("-refused")
        for widget in self.query(Input):
            wrong = widget.name == field
            widget.set_class(wrong, "-invalid")
            if wrong:
                widget.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        # The message is about what was typed before: a change makes it stale.
        if self.has_class("-refused"):
            self.remove_class("-refused")
            self.problem = ""
            self.query_one("#field-edit-problem", Static).update("")
            event.input.remove_class("-invalid")

    def action_cancel(self) -> None:
        self.dismiss(False)
