"""The span list in the panel beside the article: the record's spans grouped by label, in
scheme order; choosing one moves the cursor to it."""

from __future__ import annotations

import bisect

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from annotator.core.display import shortened
from annotator.core.models import Record, Span
from annotator.core.record_unallowed import span_why_not_allowed
from annotator.core.scheme import Label, Scheme
from annotator.tui.span_styles import SpanPalette, few_colours
from annotator.tui.visible_text import drawn_in_place

# A list's room (cells) below which its ids take no indent of their own and a date's offset
# goes before its words are cut: 34 at 80 columns, 36 beside the guidelines, 58 at 120.
NARROW = 40


class SpanList(OptionList):
    """The record's spans grouped by label (in scheme order); choosing one moves the cursor.

    A long record lists the ``LIMIT`` spans nearest the cursor, so a change stays quick. A
    heading's label name is drawn as a lone span of the label is in the article
    (``SpanPalette.legend_style``), in 16 colours too."""

    LIMIT = 200
    _shown: tuple[list[Span], int, int] | None = None  # spans, and the window listed
    _scheme: Scheme | None = None  # the scheme last shown, to list the spans anew at a resize
    _words_room: int | None = None  # the width the lines were cut to (None: not laid out)
    _palette: tuple[Scheme, SpanPalette] | None = None  # the headings' styles, and their scheme

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
        self._shown, self._scheme = (ordered, low, high), scheme
        self._words_room = self._room()
        self.set_options(self._build(scheme, ordered, low, high))
        self.follow(selected)

    def _room(self) -> int | None:
        """The cells a line has (None before the first layout). The scrollbar's room is kept
        whether it shows or not (``scrollbar-gutter: stable`` in annotator.tcss): measured
        without it, the lines were cut to a width the scrollbar then took two cells of, and
        an offset ran into it (``@1136▇▇``)."""
        return self.scrollable_content_region.width or None

    def on_resize(self) -> None:
        # The lines are cut to the width: a new width lists them anew, the highlight kept.
        shown, scheme = self._shown, self._scheme
        if shown is None or scheme is None or self._room() == self._words_room:
            return
        option = self.highlighted_option
        self._words_room = self._room()
        self.set_options(self._build(scheme, *shown))
        self.follow(option.id if option is not None else None)

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
            options.append(Option(Text(note, style="italic"), disabled=True))
        palette = self._heading_palette(scheme)
        background = self.background_colors[1]
        few = few_colours(self.app.console.color_system)
        names = [label.name for label in scheme.labels]
        names += sorted({s.label for s in window} - set(names))
        for name in names:
            group = sorted((s for s in window if s.label == name), key=_span_order)
            if not group:
                continue
            heading = Text()
            heading.append(name, style=palette.legend_style(name, background, few))
            heading.append(f" ({len(group)})")
            label = scheme.label(name)
            if label is None:  # a scheme changed since (renamed, say): kept, drawn in grey
                heading.append(" (label not in scheme)", style="italic")
            options.append(Option(heading, disabled=True))
            dated = label is not None and label.value_type == "date"
            room = self._words_room
            options.extend(
                Option(self._line(span, room, dated, _why(label, span)), id=span.id)
                for span in group
            )
        if not options:
            hint = Text("no spans yet: select text, press a label key", style="italic")
            options.append(Option(hint, disabled=True))
        return options

    def _heading_palette(self, scheme: Scheme) -> SpanPalette:
        if self._palette is None or self._palette[0] is not scheme:
            self._palette = (scheme, SpanPalette(scheme))
        return self._palette[1]

    @staticmethod
    def _line(
        span: Span, room: int | None = None, dated: bool = False, why: str | None = None
    ) -> Text:
        """A span's line: its id, words, value and where it starts. The words are cut (in the
        middle, ``shortened``) to keep the line to ``room`` cells: wrapped, a trial's line at 80x24
        put the offset on a line of its own (``s4 95 prisoners of war  = 95`` / ``@66``).

        One space between the columns, the ids under their heading without an indent of their
        own (right-aligned, an s12 takes the room of an s1's padding): with two spaces each, a
        date's words at 80 columns kept five characters (``s7 on Su…  = 2024-03-17  @91``).
        In a narrow list (``NARROW``: 80 columns, or beside the guidelines) the ids take no
        room beyond their own, and a date's line (``dated``) whose words would be cut leaves
        out where it starts: a relative date's words are what tell it apart, and a trial's
        read ``s1 Two day… = 2023-05-19 @1136`` and ``s1 the …ning = 2025-04-23 @153``. (The
        panel's detail says the current span's offsets, ctrl+l's list every span's.)

        ``why``: why its label no longer takes its value, said after it (a trial's ``s3 95 =
        -5``, kept from before the label's min = 0, said nothing)."""
        narrow = room is not None and room < NARROW
        head = f"{span.id} " if narrow else f"{span.id:>4} "
        value = f" = {span.value}" if span.value is not None else ""
        value += f" ({why})" if why is not None else ""
        # Where it starts: the same words often occur twice ("95" in a report and its reply),
        # and a trial's count went on the wrong one unseen.
        where = f" @{span.start}"
        limit = 34
        if room is not None:
            # An option's padding takes a cell each side.
            words_room = room - 2 - cell_len(head + value)
            if narrow and dated and cell_len(span.text) > words_room - cell_len(where):
                where = ""
            # The words keep a few however narrow.
            limit = min(limit, max(words_room - cell_len(where), 6))
        line = Text(head, style="dim")
        # As the article draws them: a U+202E in the words, written raw, reversed the rest of
        # the row (its value and offset too).
        line.append_text(drawn_in_place(shortened(span.text, limit)))
        line.append(value, style="italic")
        line.append(where, style="dim")
        return line

    def follow(self, span_id: str | None) -> None:
        if span_id is None:
            self.highlighted = None
            return
        try:
            self.highlighted = self.get_option_index(span_id)
        except OptionDoesNotExist:  # not in the window of spans listed
            self.highlighted = None


def _why(label: Label | None, span: Span) -> str | None:
    return span_why_not_allowed(label, span.value) if label is not None else None


def _span_order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)
