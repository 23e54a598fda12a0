"""Which span the annotation screen's keys act on: the one at the cursor, the current one (the
panel shows it; v, x and a label key act on it), the one a label key relabels and the one r
re-bounds to a selection."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.models import Record, Span
from annotator.core.spans import sort_key


def spans_at(record: Record, offset: int) -> list[Span]:
    """Every span covering ``offset`` (start <= offset < end), innermost (shortest) first."""
    covering = [span for span in record.spans if span.start <= offset < span.end]
    return sorted(covering, key=lambda span: (span.end - span.start, *sort_key(span)))


def spans_under_cursor(record: Record, offset: int) -> list[Span]:
    """Spans at the cursor, innermost first; a cursor just after a span's end counts too when
    no span covers it (the cursor sits after the last word labelled)."""
    found = spans_at(record, offset)
    if not found and offset > 0:
        ending = [span for span in record.spans if span.end == offset]
        found = sorted(ending, key=lambda span: (span.end - span.start, *sort_key(span)))
    return found


def span_in_focus(
    record: Record,
    selections: Iterable[tuple[int, int]],
    cursor: int,
    kept: str | None,
    grown_from: str | None = None,
) -> Span | None:
    """The current span: the one the panel shows and ``v``, ``x``, ``r`` or a label key acts on.

    ``selections`` are the selection's (start, end) as it stands and as it snaps to words,
    ``kept`` is the span current until now (just labelled, stepped to or chosen), and
    ``grown_from`` the one that was current where the cursor rested when the selection began
    there (tab to a span, then shift+arrows). In order:

    1. A span whose offsets are exactly a selection's (``kept`` first when it is one): a
       search or a drag that selects a labelled stretch makes that span current, although
       the cursor, at the selection's end (end exclusive), is just outside it.
    2. ``grown_from``, while the selection shares a character with it: a selection grown
       from a span to re-bound it (r) keeps it current past its end, where a span inside it
       would otherwise take its place (a trial's tab to "38 seriously wounded soldiers", then
       ctrl+shift+right, lost it to the "38" inside it).
    3. ``kept``, while the cursor is inside it, or at its end unless another span begins
       there: a span just labelled stays current with the cursor left at its end, even
       inside a longer span ("six" in "six wounded soldiers").
    4. The innermost span under the cursor (``spans_under_cursor``), or None.
    """
    current = record.span_by_id(kept) if kept is not None else None
    made = [(min(start, end), max(start, end)) for start, end in selections if start != end]
    for low, high in made:
        exact = [span for span in record.spans if (span.start, span.end) == (low, high)]
        if current is not None and current in exact:
            return current
        if exact:
            return exact[0]
    grown = record.span_by_id(grown_from) if grown_from is not None else None
    if grown is not None and any(low < grown.end and grown.start < high for low, high in made):
        return grown
    if current is not None:
        if current.start <= cursor < current.end:
            return current
        if cursor == current.end and not any(
            span.start == cursor for span in record.spans if span.id != current.id
        ):
            return current
    under = spans_under_cursor(record, cursor)
    return under[0] if under else None


def span_to_relabel(
    record: Record,
    selection: tuple[int, int],
    snapped: tuple[int, int] | None,
    current: str | None,
) -> Span | None:
    """The span a label key relabels rather than labelling the selection as a new span, or
    None. With nothing selected it is the current span ``current``; else the one span whose
    offsets are exactly ``snapped``, the selection as the key would label it (two such spans:
    the key labels a third). The panel's readout names this span and the key acts on it, by
    this one rule: a trial's readout named the count "303" inside the releasee "303 people"
    after a tab to the releasee, and the key relabelled the releasee."""
    start, end = selection
    if start == end:
        return record.span_by_id(current) if current is not None else None
    same = [span for span in record.spans if (span.start, span.end) == snapped]
    return same[0] if len(same) == 1 else None


def span_to_rebound(record: Record, start: int, end: int) -> Span | None:
    """The span ``r`` re-bounds to the selection start..end when no span is current: the only
    one the selection touches; else, among those it holds whole or that cover its start, the
    one around all the others (the releasee "38 seriously wounded soldiers", not the count
    "38" inside it, grown past its end by a search). None when no one is around the others:
    which one is meant cannot be told."""
    touched = [span for span in record.spans if span.start < end and start < span.end]
    if len(touched) == 1:
        return touched[0]
    held = [
        span
        for span in touched
        if (start <= span.start and span.end <= end) or span.start <= start < span.end
    ]
    around = [
        span
        for span in held
        if all(span.start <= other.start and other.end <= span.end for other in held)
    ]
    return around[0] if len(around) == 1 else None
