"""List fields holding null, as earlier reviews wrote them into gold, and the ``[]`` written
in their place.

A review before this check took an item whose journal item had no ``releasees`` and wrote
``"releasees": null`` into gold. The form model takes no null for a list field (a list, or a
group's items): validate refuses such a line (``form.releases.0.releasees: Input should be a
valid list``), and export, checking a record's form against the scheme as validate does
(``validate.form_model_problems``), refuses it too, naming the null (``null_list_paths``). Newer
reviews refuse to write one (``review_gold_fit``). Every line the review writes goes through
``written_by_review``, which writes ``[]`` there, as annotate and merge write an empty list:
a decision's, an undo's, a take-over's. A document the review never wrote again (no conflict
left, the same reviewer) kept its null, and export refused it for good: so the review's
opening writes again, with ``[]``, each document whose latest line holds such a null
(``null_list_lines`` finds them), and says once how many it set right (``null_lists_notice``).
Such a line differs from the one before only in ``[]`` and ``updated_at``: the review's
history reads the two alike (``nulls_alike``), so it is no decision to undo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

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


def written_by_review(
    record: GoldRecord, scheme: Scheme, reviewer: str, stamp: str, seconds: float | None = None
) -> GoldRecord:
    """``record`` as the review writes its line (a decision's, an undo's, a take-over's, the
    opening's setting right): ``[]`` for each list held null (``lists_filled``), the reviewer
    as ``annotator``, ``updated_at`` ``stamp``, and ``seconds``, when given, as its
    ``seconds_spent``. Nothing else of it changes."""
    update: dict[str, Any] = {"annotator": reviewer, "updated_at": stamp}
    if seconds is not None:
        update["seconds_spent"] = seconds
    return lists_filled(record, scheme).model_copy(update=update)


def nulls_alike(form: Any) -> Any:
    """``form`` with each empty list, its own or a group item's, read as null: a line written
    again with ``[]`` for a list an earlier review wrote null compares alike to the line before
    it (``review_history``: it is no decision). Scheme-free and safe so: a field that is not a
    list never holds ``[]``, and a list holds null only as those reviews wrote it."""
    if not isinstance(form, dict):
        return form
    return {name: _alike(value) for name, value in form.items()}


def _alike(value: Any) -> Any:
    if value == []:
        return None
    if isinstance(value, list):
        return [
            {key: None if one == [] else one for key, one in item.items()}
            if isinstance(item, dict)
            else item
            for item in value
        ]
    return value


class NullListLine(NamedTuple):
    """A document's latest gold line holding null lists: its number, its document, and
    where (``releases #1 releasees``)."""

    number: int
    doc_id: str
    places: list[str]


def null_list_lines(
    records: Iterable[tuple[int, GoldRecord | bytes]], scheme: Scheme
) -> list[NullListLine]:
    """The lines of ``records`` (each document's latest line as the file holds it: its
    number and its record or bytes) that hold null lists, in line order."""
    found: list[NullListLine] = []
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
            found.append(NullListLine(number, str(doc_id), [_words(place) for place in places]))
    return sorted(found)


def null_lists_notice(name: str, found: list[NullListLine]) -> str | None:
    """The review's opening's one line saying how many documents it set right, their lines
    holding null lists (``null_list_lines``) written again with ``[]``; None when none was."""
    if not found:
        return None
    named = [f"{line.doc_id} {', '.join(line.places)}" for line in found[:SHOWN]]
    more = ", …" if len(found) > SHOWN else ""
    # The lines before stay in the file (appended to, never rewritten), and validate reads
    # every line: said, so that its naming them is not taken for the review failing.
    return (
        f"{name}: {len(found)} document(s) held null lists ({'; '.join(named)}{more}), which "
        "validate and export refuse: set right, each line written again with [] as the review "
        "opened (the older lines stay as history, which validate counts in one line, not as "
        "problems)"
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


# What a list held as null is said as (validate, export, the review's refusals): pydantic's
# "Input should be a valid list" named neither its cause nor the way out.
NULL_LIST_WORDS = (
    "null where the scheme wants a list (earlier reviews wrote it so; annotator review, opened "
    "on the gold file, writes it again with [])"
)


def null_list_words(error: Any) -> str | None:
    """``NULL_LIST_WORDS`` for a pydantic error ``item`` of a list given as null, else None."""
    return NULL_LIST_WORDS if error["type"] == "list_type" and error["input"] is None else None
