"""Where each of gold's items of a group came from, as a group's conflict lists them: agreed
(merge made it of the items K annotators or more hold), taken (an item fewer gave, taken from
a version) or typed (no annotator's item: written in the review, or in the file by hand).

The panel said every item gold held "agreed, already gold": a trial typed a new item in c14's
``e`` box, and c15 and c16 then listed it among the agreed ones. Told by the rule that carries
links (``review_links.item_holders``: gold's items merge made, then the annotators' other
items alike gold's later ones). An item no holder is told for is still taken while gold holds
no more copies of it than the annotators' items alike it as taken, an item an open conflict
still offers aside (``_clusters_by_frame``):
bob's "Drava People’s Authority · 12" and carol's "drava people's authority · 12", two
conflicts, taken both are one item twice, and the second was said typed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from functools import partial

from annotator.core.form_compare import align_items, frame_key, items_in
from annotator.core.models import GoldRecord
from annotator.core.review_links import Annotations, item_holders
from annotator.core.review_typed_words import item_as_taken
from annotator.core.scheme import FormField

AGREED, TAKEN, TYPED = "agreed", "taken", "typed"


def gold_item_origins(
    record: GoldRecord, group: FormField, annotations: Annotations | None
) -> tuple[str, ...] | None:
    """Each of gold's items of ``group``, in order: ``AGREED``, ``TAKEN`` or ``TYPED`` (an
    entry that is no item: ``""``); None without the records of every annotator of the
    document, when it cannot be told."""
    items = record.form.get(group.name)
    names = record.sources.annotators
    if not isinstance(items, list) or annotations is None:
        return None
    if not all(name in annotations for name in names):
        return None
    rule = record.sources.min_agree
    threshold = rule if isinstance(rule, int) else len(names)
    holders = dict(item_holders(record, group, annotations))
    clusters: Counter[Hashable] | None = None
    copies: Counter[Hashable] = Counter()
    origins = []
    for index, item in enumerate(items):
        held = holders.get(index)
        if not isinstance(item, dict):
            origins.append("")
            continue
        key = frame_key(item, group)
        copies[key] += 1
        if held is not None:
            origins.append(AGREED if len(held) >= threshold else TAKEN)
            continue
        if clusters is None:
            clusters = _clusters_by_frame(record, group, annotations)
        origins.append(TAKEN if copies[key] <= clusters[key] else TYPED)
    return tuple(origins)


def _clusters_by_frame(
    record: GoldRecord, group: FormField, annotations: Annotations
) -> Counter[Hashable]:
    """How many of the annotators' items of ``group`` (aligned as merge aligns them, each
    cluster one) there are of each frame as gold stores it taken (``item_as_taken``)."""
    names = sorted(record.sources.annotators)
    theirs = [
        items_in(annotations[name].form, group, partial(getattr, annotations[name], "links"))
        for name in names
    ]
    offered = _offered(record, group)
    out: Counter[Hashable] = Counter()
    for cluster in align_items(theirs, group):
        held = [(name, item) for name, item in zip(names, cluster, strict=True) if item is not None]
        keys = [(name, frame_key(item[1], group)) for name, item in held]
        if any(offered[key] for key in keys):
            # Still offered by an open conflict: not taken. A trial typed bob's item over
            # alice's, carol's alike still open, and the panel listed the typed copy taken.
            offered.subtract(key for key in keys if offered[key])
            continue
        out[frame_key(item_as_taken(record, group, held[0][1][1]), group)] += 1
    return out


def _offered(record: GoldRecord, group: FormField) -> Counter[tuple[str, Hashable]]:
    """The annotators' items of ``group`` the record's open conflicts over its items offer
    (annotator, frame), as many as offered."""
    out: Counter[tuple[str, Hashable]] = Counter()
    for conflict in record.conflicts:
        if conflict.get("path") != group.name:
            continue
        for version in conflict.get("versions") or []:
            items = version.get("value")
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict):
                    for name in version.get("annotators") or []:
                        out[(str(name), frame_key(item, group))] += 1
    return out


def gold_items_head(count: int, origins: tuple[str, ...] | None) -> str:
    """The line over gold's items in a group's conflict: ``agreed, already gold: 2 item(s)``
    when every item is agreed; else ``gold holds: 3 item(s): 1 agreed, 2 typed`` (without
    their origins: ``gold holds: 3 item(s)``)."""
    if origins is not None and all(origin in (AGREED, "") for origin in origins):
        return f"agreed, already gold: {count} item(s)"
    if origins is None:
        return f"gold holds: {count} item(s)"
    counts = [(origins.count(kind), kind) for kind in (AGREED, TAKEN, TYPED)]
    return f"gold holds: {count} item(s): " + ", ".join(f"{n} {kind}" for n, kind in counts if n)
