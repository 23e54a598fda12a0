"""Whose link a typed item's field keeps, in the items editor (``e`` on ``releases``): the
version item's own, carried while the value is that item's, or one the words typed made.

The box showed ``⛓ s6`` beside an input either way: a reviewer starting from ann1's item could
not tell ann1's link to "six" from a link their own typing made, which enter drops once the
words change. The line under the items names the carried ones with whose they are
(``⛓ ann1's link: count s6``), the others then the words' (``· s3 by the words typed``); the
marker beside the input stays short, as the box is narrow at 80 columns and below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord
from annotator.core.review_links import gold_ids_of
from annotator.core.review_typed_start import ItemTexts
from annotator.core.scheme import FormField


def version_item_of(
    versions: Sequence[Mapping[str, Any]], texts: Mapping[str, str]
) -> tuple[Mapping[str, Any], int] | None:
    """The version a typed item began as one of the items of, and that item's place in it;
    None for an item written from scratch (``ItemTexts.origin``)."""
    origin = texts.origin if isinstance(texts, ItemTexts) else None
    if origin is None or not 0 <= origin[0] < len(versions):
        return None
    version = versions[origin[0]]
    items = version.get("value") or []
    return (version, origin[1]) if 0 <= origin[1] < len(items) else None


def carried_ids(
    record: GoldRecord,
    versions: Sequence[Mapping[str, Any]],
    group: FormField,
    sub: FormField,
    texts: Mapping[str, str],
    linked: Sequence[str],
) -> list[str]:
    """Those of ``linked`` (the gold spans a typed field will be linked to) that the version
    item it began as links it to (its own link to a span gold holds)."""
    began = version_item_of(versions, texts)
    if began is None or not linked:
        return []
    version, place = began
    bodies = (version.get("links") or {}).get(f"{group.name}[{place}].{sub.name}") or []
    own = gold_ids_of(record, bodies, sub)
    return [one for one in linked if one in own]


def annotators_of(versions: Sequence[Mapping[str, Any]], texts: Mapping[str, str]) -> list[str]:
    """The annotators of the version a typed item began as (none: from scratch)."""
    began = version_item_of(versions, texts)
    return [str(name) for name in began[0].get("annotators") or []] if began else []


def whence_said(items: Sequence[tuple[list[str], Mapping[str, list[str]], Sequence[str]]]) -> str:
    """The line under the items naming whose each carried link is: for each item (its
    version's annotators, its carried links by field, the span ids the words typed linked),
    ``⛓ ann1's link: count s6 · s3 by the words typed``; ``item 2`` named when there are
    several. ``""`` when no link is carried: the markers are then the words' alone."""
    parts: list[str] = []
    words: list[str] = []
    for number, (names, carried, by_words) in enumerate(items, start=1):
        words += [one for one in by_words if one not in words]
        if not carried or not names:
            continue
        item = f"item {number} " if len(items) > 1 else ""
        links = "links" if sum(len(ids) for ids in carried.values()) > 1 else "link"
        fields = ", ".join(f"{name} {' '.join(ids)}" for name, ids in carried.items())
        parts.append(f"{item}{whose(names)} {links}: {fields}")
    if not parts:
        return ""
    tail = f" · {' '.join(words)} by the words typed" if words else ""
    return f"⛓ {'; '.join(parts)}{tail}"
