"""The legend at the top of the panel beside the article (label keys and colours), and the
label styles and short words the panel's lists share (``span_list``, ``span_detail``)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import Static

from annotator.core.display import display_text, shortened
from annotator.core.scheme import Scheme


def label_style(scheme: Scheme, name: str) -> str:
    label = scheme.label(name)
    return f"bold {label.color}" if label else "bold"


def short(text: str, limit: int = 34) -> str:
    """Words for a list or a readout: cut in the middle, as the article shows them."""
    return display_text(shortened(text, limit))


class Legend(Static):
    """Label keys and colours: the key, a colour swatch and the name, visible without colour.

    Spaced out when the panel is wide enough, packed when not (80 columns): a key is never
    left at a line's end apart from its name."""

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scheme = scheme

    def legend(self, roomy: bool) -> Text:
        text = Text()
        for label in self.scheme.labels:
            if text:
                text.append("  " if roomy else " ")
            key = f" {label.key} " if roomy else label.key
            text.append(key, style=f"bold reverse {label.color}")
            text.append(f" {label.name}", style=f"{label.color}")
        return text

    def on_resize(self, event: events.Resize) -> None:
        roomy = self.legend(roomy=True)
        self.update(roomy if roomy.cell_len <= event.size.width else self.legend(roomy=False))
