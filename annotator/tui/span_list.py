"""The span list in the panel beside the article: the record's spans grouped by label, in
scheme order; choosing one moves the cursor to it."""

from __future__ import annotations

import bisect

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from annotator.core.models import Record, Span
from annotator.core.scheme import Scheme
from annotator.tui.form_panel import label_style, short


class SpanList(OptionList):
    """The record's spans grouped by label (in scheme order); choosing one moves the cursor.

    A long record lists the ``LIMIT`` spans nearest the cursor, so a change stays quick."""

    LIMIT = 200
    _shown: tuple[list[Span], int, int] | None = None  # spans, and the window listed

    def show(
        self, scheme: Scheme, record: Record | None, selected: str | None, cursor: int = 0
    ) -> None:
        if record is None:
            self._shown = None
            self.set_options([])
            return
        ordered = record.spans  # sorted by start, end (spans.py keeps them so)
        low, high = 0, len(ordered)
        if high > self.LIMIT:
            middle = bisect.bisect_left([span.start for span in ordered], cursor)
            low = max(0, min(middle - self.LIMIT // 2, high - self.LIMIT))
            high = low + self.LIMIT
        shown = self._shown
        same = shown is not None and (shown[0] is ordered or shown[0] == ordered)
        if same and shown is not None and (shown[1:] == (low, high) or self._listed(selected)):
            self.follow(selected)
            return
        self._shown = (ordered, low, high)
        self.set_options(self._build(scheme, ordered, low, high))
        self.follow(selected)

    def _listed(self, span_id: str | None) -> bool:
        if span_id is None:
            return True
        try:
            self.get_option_index(span_id)
        except OptionDoesNotExist:  # an id not listed (the list shows a window of spans)
            return False
        return True

    def _build(self, scheme: Scheme, ordered: list[Span], low: int, high: int) -> list[Option]:
        window = ordered[low:high]
        options: list[Option] = []
        if len(window) < len(ordered):
            note = f"the {len(window)} of {len(ordered)} spans nearest the cursor"
            options.append(Option(Text(note, style="dim italic"), disabled=True))
        names = [label.name for label in scheme.labels]
        names += sorted({s.label for s in window} - set(names))
        for name in names:
            group = sorted((s for s in window if s.label == name), key=_span_order)
            if not group:
                continue
            heading = Text(f"{name} ({len(group)})", style=label_style(scheme, name))
            options.append(Option(heading, disabled=True))
            options.extend(Option(self._line(span), id=span.id) for span in group)
        if not options:
            hint = Text("no spans yet: select text, press a label key", style="italic")
            options.append(Option(hint, disabled=True))
        return options

    @staticmethod
    def _line(span: Span) -> Text:
        line = Text(f"  {span.id:>4} ", style="dim")
        line.append(short(span.text))
        if span.value is not None:
            line.append(f"  = {span.value}", style="italic")
        # Where it starts: the same words often occur twice ("95" in a report and its reply),
        # and a trial's count went on the wrong one unseen.
        line.append(f"  @{span.start}", style="dim")
        return line

    def follow(self, span_id: str | None) -> None:
        if span_id is None:
            self.highlighted = None
            return
        try:
            self.highlighted = self.get_option_index(span_id)
        except OptionDoesNotExist:  # not in the window of spans listed
            self.highlighted = None


def _span_order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)
