"""Which span the list of ctrl+l and ctrl+t highlights: the span a form field is most likely
filled from, so that enter takes it without a filter typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core import forms
from annotator.core.models import Span
from annotator.core.session_edits import Refused

if TYPE_CHECKING:
    from annotator.core.session import AnnotationSession


def pick_order(
    session: AnnotationSession,
    path: str,
    selection: tuple[int, int] | None,
    cursor: int,
) -> list[str]:
    """The ids of the spans the field at ``path`` can take (``spans_to_fill``), best first:
    the list highlights the first one its filter leaves.

    For a field of a group's item: the span in the article's selection (``span_to_fill``);
    then the spans no field of the form is linked to yet, the one at the cursor first, then
    the nearest the cursor; then the linked ones, in the same order. A trial's list
    highlighted the span nearest the cursor, mostly the one last labelled or picked, and the
    annotator typed a filter for almost every field of a release. For a top-level field: the
    span at hand (in the selection, or at the cursor), then the nearest the cursor."""
    choices = session.spans_to_fill(path)
    try:
        at_hand = session.span_to_fill(path, selection)
    except Refused:  # several in the selection: none at hand, the list has them all
        at_hand = None
    hand = at_hand.id if at_hand is not None else None
    in_item = forms.resolve_path(session.scheme, path)[1] is not None
    selected = selection is not None and selection[0] != selection[1]
    linked = {span_id for ids in session.record.links.values() for span_id in ids}

    def rank(span: Span) -> tuple[bool, bool, bool, int]:
        taken = in_item and span.id in linked
        first = span.id == hand and (selected or not taken)
        return (not first, taken, span.id != hand, distance(span, cursor))

    return [span.id for span in sorted(choices, key=rank)]  # ties in text order


def distance(span: Span, cursor: int) -> int:
    """How far ``cursor`` is from ``span``: 0 inside it or at one of its edges."""
    if span.start <= cursor <= span.end:
        return 0
    return min(abs(span.start - cursor), abs(span.end - cursor))
