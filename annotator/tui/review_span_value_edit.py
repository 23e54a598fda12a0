"""Typing the value that settles a conflict over a span's value (``v``): one input,
pre-filled with the first version's value, suggesting the values the versions gave. It shares
``SettlingScreen`` with the field editor: enter settles (``ReviewSession.settle_span_value``) or
says why not under the input; escape closes with nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, Static

from annotator.core.forms import typed_text
from annotator.core.review_conflict import Conflict
from annotator.core.review_decisions import short
from annotator.core.review_enter_hint import Reading, enter_hint, span_values
from annotator.tui.review_field_edit import SettlingScreen, TypingInput, value_title
from annotator.tui.screens import MessagesSaid

# Said under the input, wrapped in the box. v reads a date's words as labelling does
# (``typed_value``): the hint said only the ISO forms, and "last Sunday" looked refused.
_HINTS = {
    "integer": "a whole number (1,200 or twelve hundred); empty: a vague count, no value",
    "date": "YYYY-MM-DD, YYYY-MM, YYYY or words (last Sunday, two days later); empty: no value",
}
# What the input takes and what empty means, in the line under it (``enter_hint``).
_TAKES = {
    "integer": ("a whole number (1,200 or twelve hundred)", "a vague count, no value"),
    "date": ("YYYY-MM-DD, YYYY-MM, YYYY or words (last Sunday, two days later)", "no value"),
}
# The input's own hint (shown when it is empty), longest first: the longest that fits it (at
# 80 columns the input is 27 cells; the hint above, as its one wording, was cut to
# "YYYY-MM-DD, YYYY-MM, YYYY o").
_PLACEHOLDERS = {
    "date": ["YYYY-MM-DD, YYYY-MM, YYYY or words", "YYYY-MM-DD or words", "YYYY-MM-DD"],
}


class SpanValueScreen(SettlingScreen):
    """The input that settles a conflict over ``span``'s value."""

    def __init__(
        self,
        conflict: Conflict,
        span: dict[str, Any],
        value_type: str,
        settle: Callable[[str], object],
        read: Reading | None = None,
    ) -> None:
        """``read``: what enter makes of the typed text (``span_reading``), for the line under
        the input (None: the text as it is)."""
        super().__init__(lambda typed: settle(typed if isinstance(typed, str) else ""))
        self.conflict = conflict
        self.span = span
        self.value_type = value_type
        self.read = read

    def _given(self) -> list[str]:
        values = [
            typed_text(body.get("value"))
            for version in self.conflict.get("versions") or []
            for body in version.get("spans") or []
        ]
        return list(dict.fromkeys(value for value in values if value))

    def compose(self) -> ComposeResult:
        span = self.span
        given = self._given()
        with Vertical(id="field-edit-box"):
            about = f"{span['label']} {short(span.get('text') or '')}"
            yield value_title(about, self.conflict["id"])
            with Vertical(id="field-edit-inputs"):
                yield Horizontal(
                    Label("value", classes="field-name"),
                    TypingInput(
                        _PLACEHOLDERS.get(self.value_type, ()),
                        value=given[0] if given else "",
                        placeholder=_HINTS.get(self.value_type, ""),
                        name="value",
                        compact=True,
                        suggester=SuggestFromList(given, case_sensitive=False),
                    ),
                    classes="field-edit-row",
                )
            yield Static(Text(self.enter_hint()), id="field-edit-hint")
            yield Static(id="field-edit-problem")
            yield MessagesSaid(id="field-edit-messages")  # toasts are hidden over the box
            yield Static(
                "enter: settle the conflict with this value · →: a version's value · "
                "escape: cancel",
                id="field-edit-keys",
            )
        yield Footer(compact=True)

    def typed(self) -> str:
        return self.query_one(Input).value

    def enter_hint(self) -> str:
        # Before the input is mounted: what it opens with.
        inputs = self.query(Input)
        given = span_values(self.conflict)
        opened = self._given()
        typed = inputs.first().value if inputs else (opened[0] if opened else "")
        takes, empty = _TAKES.get(self.value_type, ("a value", "no value"))
        return enter_hint(typed, given, takes, empty, quoted=False, read=self.read)
