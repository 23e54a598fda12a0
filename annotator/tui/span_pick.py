"""Picking the span a form field is filled from (ctrl+l) or linked to (ctrl+t) without leaving
the form: the spans of the field's label, each with the words around it, nearest the article's
cursor first highlighted; type to filter (by words, id or value), enter takes one, escape none.

A trial's annotator spent about seven keys and a search per field (escape, find the span, `o`,
ctrl+l); INCEpTION fills a slot by picking among the candidate annotations. ctrl+l still takes
the span at the cursor or in the selection at once, when it is of the field's label."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from annotator.core.display import quoted
from annotator.core.models import Span
from annotator.tui.screens import FilteredListScreen

_AROUND = 30  # characters of context on each side


def context(text: str, span: Span) -> Text:
    """The span's words in bold, with the words around it, on one line."""
    low, high = max(0, span.start - _AROUND), span.end + _AROUND
    before = text[low : span.start].split("\n")[-1]
    after = text[span.end : high].split("\n")[0]
    # "…" only where words are cut off: not at the text's or a line's edge.
    cut_before = low > 0 and len(before) == span.start - low
    cut_after = high < len(text) and len(after) == high - span.end
    line = Text(("…" if cut_before else "") + before.lstrip(), style="dim")
    line.append(span.text.replace("\n", " "), style="bold")
    line.append(after.rstrip() + ("…" if cut_after else ""), style="dim")
    return line


class SpanPickScreen(FilteredListScreen[str | None]):
    """The spans a field can take (see the module docstring); dismissed with a span id."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, what: str, spans: list[Span], text: str, cursor: int) -> None:
        """``what``: the field and the key's action, for the title ("fill releases #1 count")."""
        super().__init__()
        self.what = what
        self.spans = spans
        self.text = text
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        with Vertical(id="doclist-box", classes="span-pick"):
            yield Label(
                f"{self.what} from: enter takes the highlighted span · type to filter · "
                "escape: none",
                classes="title",
            )
            yield Input(placeholder="filter (words, id, value)", id="doc-filter")
            yield OptionList(id="doc-options")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#doc-filter", Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one("#doc-options", OptionList)
        words = query.lower().split()
        chosen = [span for span in self.spans if all(w in _haystack(span) for w in words)]
        rows = []
        for span in chosen:
            line = Text(f"{span.id:>4}  ", style="dim")
            # Its words, then where they are: monochrome, the bold in the context is lost.
            line.append(quoted(span.text, 30), style="bold")
            line.append(f" = {span.value}" if span.value is not None else "", style="bold")
            line.append("   ")
            line.append_text(context(self.text, span))
            rows.append(Option(line, id=span.id))
        options.set_options(rows)
        if rows:
            # The one nearest the article's cursor: the span the annotator was reading about.
            nearest = min(chosen, key=lambda span: abs(span.start - self.cursor))
            options.highlighted = chosen.index(nearest)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        option = self.query_one("#doc-options", OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


def _haystack(span: Span) -> str:
    value = "" if span.value is None else span.value  # a count of 0 is found by "0"
    return f"{span.id} {span.text} {quoted(span.text)} {value}".lower()
