"""List fields holding null, as earlier reviews wrote them into gold, and the ``[]`` written
in their place.

A review before this check took an item whose journal item had no ``releasees`` and wrote
``"releasees": null`` into gold. The form model takes no null for a list field (a list, or a
group's items): validate refuses such a line (``form.releases.0.releasees: Input should be a
valid list``). Newer reviews refuse to write one (``review_gold_fit``), but a gold file
written before was resumed without a word, every decision carrying the null on. Now each line
the review writes holds ``[]`` there, as annotate and merge write an empty list
(``lists_filled``); its opening says which lines hold such nulls (``null_lists_notice``), and
export refuses them (``null_list_problems``), as validate does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import orjson

from annotator.core.models import GoldRecord, Record
from annotator.core.scheme import Scheme

R = TypeVar("R", bound=Record)

# Lines named one by one in the opening's notice; beyond, counted only.
SHOWN = 3


def _listed(kind: str) -> bool:
    return kind in ("list", "group")


def null_list_paths(form: Any, scheme: Scheme) -> list[str]:
    """The places of ``form`` where a list field of ``scheme`` holds null, in validate's words
    (``releases.0.releasees``, ``releases``)."""
    return [".".join(map(str, place)) for place in _null_places(form, scheme)]


def _null_places(form: Any, scheme: Scheme) -> Iterator[tuple[str | int, ...]]:
    if not isinstance(form, dict):
        return
    for field in scheme.fields:
        value = form.get(field.name)
        if field.name in form and value is None and _listed(field.type):
            yield (field.name,)
        elif field.type == "group" and isinstance(value, list):
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                for sub in field.fields:
                    if sub.name in item and item[sub.name] is None and _listed(sub.type):
                        yield (field.name, index, sub.name)


def lists_filled(record: R, scheme: Scheme) -> R:
    """``record`` with ``[]`` for each list field of ``scheme`` holding null in its form (the
    same object when there is none)."""
    places = list(_null_places(record.form, scheme))
    if not places:
        return record
    form = {
        name: [dict(item) if isinstance(item, dict) else item for item in value]
        if isinstance(value, list)
        else value
        for name, value in record.form.items()
    }
    for place in places:
        if len(place) == 1:
            form[str(place[0])] = []
        else:
            name, index, sub = place
            form[str(name)][int(index)][str(sub)] = []
    return record.model_copy(update={"form": form})


def null_lists_notice(
    name: str,
    records: Iterable[tuple[int, GoldRecord | bytes]],
    scheme: Scheme,
    written: Iterable[str] = (),
) -> str | None:
    """One line of the review's opening saying which gold lines hold null lists (``gold.jsonl:
    2 line(s) hold null lists (01 releases #1 releasees, …), …``); None when none does.
    ``records``: each document's latest line as the file holds it, its number and its record
    or bytes; ``written``: documents whose line the opening writes again (taken over, merged
    anew)."""
    found: list[tuple[int, str, list[str]]] = []
    nulls = _null_keys(scheme)
    for number, record in records:
        if isinstance(record, bytes):
            # Most lines hold no such null: only those that may are decoded.
            if nulls is None or nulls.search(record) is None:
                continue
            data = orjson.loads(record)
            doc_id, form = data.get("doc_id", "?"), data.get("form")
        else:
            doc_id, form = record.doc_id, record.form
        places = list(_null_places(form, scheme))
        if places:
            found.append((number, str(doc_id), [_words(place) for place in places]))
    if not found:
        return None
    found.sort()
    named = [f"{doc_id} {', '.join(places)}" for _number, doc_id, places in found[:SHOWN]]
    more = ", …" if len(found) > SHOWN else ""
    done = set(written)
    now = sum(doc_id in done for _number, doc_id, _places in found)
    if now == len(found):
        when = "each was written [] now, the review writing its line again as it opened"
    elif now:
        when = (
            f"each is written [] when the review writes its document ({now} now, their "
            "lines written again as it opened)"
        )
    else:
        when = "each is written [] when the review writes its document"
    return (
        f"{name}: {len(found)} line(s) hold null lists ({'; '.join(named)}{more}), which "
        f"validate refuses: {when}"
    )


def _null_keys(scheme: Scheme) -> re.Pattern[bytes] | None:
    """A key of a list field followed by null, as a line may hold it; None: the scheme has
    no list field."""
    names = {field.name for field in scheme.fields if _listed(field.type)}
    names |= {sub.name for field in scheme.fields for sub in field.fields if _listed(sub.type)}
    if not names:
        return None
    keys = b"|".join(re.escape(orjson.dumps(name)) for name in sorted(names))
    return re.compile(rb"(?:" + keys + rb")\s*:\s*null")


def _words(place: tuple[str | int, ...]) -> str:
    """``releases #1 releasees`` (items counted from 1, as the review names them)."""
    if len(place) == 1:
        return str(place[0])
    name, index, sub = place
    return f"{name} #{int(index) + 1} {sub}"


def null_list_problems(record: Record, scheme: Scheme) -> list[tuple[str, str]]:
    """Each null list of ``record``'s form as validate says it (``form.releases.0.releasees``,
    ``Input should be a valid list``)."""
    return [
        (f"form.{path}", "Input should be a valid list")
        for path in null_list_paths(record.form, scheme)
    ]
