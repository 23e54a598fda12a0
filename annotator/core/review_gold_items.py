"""Where each of gold's items of a group came from, as a group's conflict lists them: agreed
(merge made it of the items K annotators or more hold), taken (an item fewer gave, taken from
a version) or typed (no annotator's item: written in the review, or in the file by hand).

The panel said every item gold held "agreed, already gold": a trial typed a new item in c14's
``e`` box, and c15 and c16 then listed it among the agreed ones. Told by the rule that carries
links (``review_links.item_holders``: gold's items merge made, then the annotators' other
items alike gold's later ones).
"""

from __future__ import annotations

from annotator.core.models import GoldRecord
from annotator.core.review_links import Annotations, item_holders
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
    origins = []
    for index, item in enumerate(items):
        held = holders.get(index)
        if not isinstance(item, dict):
            origins.append("")
        elif held is None:
            origins.append(TYPED)
        else:
            origins.append(AGREED if len(held) >= threshold else TAKEN)
    return tuple(origins)


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
