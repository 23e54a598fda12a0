"""Who gave a span a review decision adds (``sources.spans``: which annotators gave each span,
``design.md``): every annotator whose version of the conflict holds that very span (its start,
end, label and value), not only those of the version taken.

A span conflict's versions are whole readings of a region: a trial's Drava had version 1
(ann1: count "187" at 315–318 and a releasee 315–350), 2 (ann2: a shorter releasee) and 3
(ann3: count "187" at 315–318 alone). Taking version 1 credited the count to ann1 only,
though ann3 had marked exactly it; agreement and export read who gave each span there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def span_givers(
    versions: Sequence[dict[str, Any]], body: dict[str, Any], annotators: Sequence[str]
) -> list[str]:
    """The annotators of every version in ``versions`` holding a span identical to ``body``
    (start, end, label, value), in ``annotators``' order (the record's; a name it lacks
    after them, as the versions give it)."""
    key = _identity(body)
    who: list[str] = []
    for version in versions:
        if any(_identity(one) == key for one in version.get("spans") or []):
            who += [name for name in version.get("annotators") or [] if name not in who]
    place = {name: index for index, name in enumerate(annotators)}
    return sorted(who, key=lambda name: place.get(name, len(place)))


def _identity(body: dict[str, Any]) -> tuple[Any, ...]:
    return (body.get("start"), body.get("end"), body.get("label"), body.get("value"))
