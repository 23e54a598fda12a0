"""What a decision put in gold, read from the record before it and the record after it
(``decision_outcome``): ``took bob's version``, ``rejected every version``, ``count = 200 (typed)``.

This session's ctrl+z says the decision's own notice (``review_deciding.undone_words``); a
decision of an earlier session, read back from the gold file, has no notice, and ctrl+y of such
an undo had none either: a trial read "undid a decision of an earlier session: 02 c5 is open
again" and "redid: 02 c5 settled again" without a word of what had been decided. The records
tell it.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable
from dataclasses import dataclass
from typing import Any

from annotator.core import forms
from annotator.core.form_compare import normal
from annotator.core.item_brief import DATE, lone_item_of, names_said, whose
from annotator.core.models import GoldRecord
from annotator.core.review_decisions import short, value_text
from annotator.core.review_item_links import item_links_said
from annotator.core.span_words import only_words_alike, single_spaced, span_words


def decision_outcome(before: GoldRecord, after: GoldRecord, conflict_id: str) -> str | None:
    """What settling ``conflict_id`` (open in ``before``, settled in ``after``) put in gold;
    None when the conflict is not open in ``before``."""
    conflict = next((c for c in before.conflicts if c.get("id") == conflict_id), None)
    if conflict is None:
        return None
    versions = conflict.get("versions") or []
    if conflict.get("kind") == "span":
        return _span_outcome(before, after, conflict)
    path = conflict.get("path") or ""
    if lone_item_of(conflict) is not None and "[" not in path:
        return _item_outcome(before, after, path, versions)
    value = _value_at(after.form, path)
    taken = [v for v in versions if normal(v.get("value")) == normal(value)]
    if value in (None, "", []):
        return "rejected every version" if not taken else f"took {_whose(taken)} version"
    return _value_outcome(after, path, versions, value)


def _value_outcome(after: GoldRecord, path: str, versions: list[dict[str, Any]], value: Any) -> str:
    """A field's value: typed when no version gave it, nor every version together (a list
    takes their union), as its own notice says it; else the versions' value, whose. Gold
    keeps no word of how a value came, and a value typed as a version gave it makes the very
    record taking that version makes: "took bob's version (210)" told a trial's reviewer of
    a version they never took, so such a value is said as what is true of both. Its link no
    longer tells them apart: a version taken is linked by its words as a value typed is
    (``value_links``)."""
    said = f"{forms.path_words(path)} = {_said(value)}"
    linked = after.links.get(path) or []
    given = given_by(versions, value, linked_words(after, linked))
    if given is not None:
        return f"{said} ({given})"
    return f"{said} (typed), linked to {' '.join(linked)}" if linked else f"{said} (typed)"


def given_by(
    versions: list[dict[str, Any]], value: Any, linked: LinkedWords | None = None
) -> str | None:
    """Whose value ``value`` is among a field conflict's ``versions`` (``bob's value``,
    ``alice and carol's value``, ``every version's items``: a list that is their union);
    None when no version gave it: typed. ``linked``: the words of the spans gold links
    there, which a version's text (or list item) of those words at its best tier is stored
    as (``review_typed_words.as_linked_words``): bob's "Drava People's Authority" taken is
    gold's "Drava People’s Authority", and was said "(typed)"."""
    key = normal(value)
    giving = [v for v in versions if normal(_as_linked(v.get("value"), linked)) == key]
    if giving:
        return f"{_whose(giving)} value"
    if isinstance(value, list) and normal(value) == normal(_every_item(versions)):
        return "every version's items"
    return None


@dataclass(frozen=True)
class LinkedWords:
    """The words of the spans gold links a field to, and of every gold span of their labels:
    a version's "Jozef Nowak" is s3's "Jozef Nowak", not linked s2's "Józef Nowak"."""

    linked: frozenset[str]
    labelled: tuple[str, ...]


def linked_words(record: GoldRecord, span_ids: Collection[str]) -> LinkedWords:
    """The words (``span_words``) of ``record``'s spans of ``span_ids``, and of its spans of
    their labels."""
    linked = [span for span in record.spans if span.id in span_ids]
    labels = {span.label for span in linked}
    return LinkedWords(
        frozenset(span_words(span) for span in linked),
        tuple(span_words(span) for span in record.spans if span.label in labels),
    )


def _as_linked(given: Any, words: LinkedWords | None) -> Any:
    """A version's value as gold stores it linked to spans of ``words.linked``: each text that
    is one's words at its best tier among the spans of their labels
    (``span_words.only_words_alike``) those words."""
    if words is None or not words.linked:
        return given

    def stored(one: Any) -> Any:
        if not isinstance(one, str) or single_spaced(one) in words.linked:
            return one  # a span's words as they are come first ("Russia" beside "RUSSIA")
        found = only_words_alike(one, words.labelled)
        return found if found in words.linked else one

    return [stored(one) for one in given] if isinstance(given, list) else stored(given)


def _every_item(versions: list[dict[str, Any]]) -> list[Any]:
    """The items of every version of a list field, each once (as taking them all gives)."""
    merged: dict[Hashable, Any] = {}
    for version in versions:
        for item in version.get("value") or []:
            merged.setdefault(normal(item), item)
    return list(merged.values())


def outcomes(before: GoldRecord, after: GoldRecord, conflict_ids: list[str]) -> str | None:
    """What settling ``conflict_ids`` put in gold (``decision_outcome``): one conflict's as
    it is, several each after its id (``c4: took alice's version; c5: rejected every
    version``); None when none says. A line of an earlier session may settle several (a
    merge anew by an older rule): "c4, c5 settled again (took alice's version)" said c4's
    alone, as if it were both's."""
    if len(conflict_ids) == 1:
        return decision_outcome(before, after, conflict_ids[0])
    said = [
        f"{conflict_id}: {outcome}"
        for conflict_id in conflict_ids
        if (outcome := decision_outcome(before, after, conflict_id))
    ]
    return "; ".join(said) or None


def with_detail(head: str, detail: str | None) -> str:
    """``head (detail)``: what an undo or a redo did, then what the decision was. A detail
    ending in a bracket of its own follows a dash instead: ``… is open again (count “146” =
    146 (read from its words))`` ended in two."""
    if not detail:
        return head
    if detail.endswith((")", "]")):
        return f"{head} — {detail}"
    return f"{head} ({detail})"


def detail_after(said: str, head: str) -> str | None:
    """The detail ``with_detail`` put after ``head`` in ``said`` (None: none, or another
    head)."""
    if said.startswith(f"{head} (") and said.endswith(")"):
        return said[len(head) + 2 : -1]
    if said.startswith(f"{head} — "):
        return said[len(head) + 3 :]
    return None


def _span_outcome(before: GoldRecord, after: GoldRecord, conflict: dict[str, Any]) -> str:
    versions: list[dict[str, Any]] = conflict.get("versions") or []
    held = {(s.start, s.end, s.label, normal(s.value)) for s in after.spans}
    had = {(s.start, s.end, s.label, normal(s.value)) for s in before.spans}
    giving = [v for v in versions if v.get("spans")]
    taken = [v for v in giving if all(_body_key(body) in held for body in v["spans"])]
    if taken and len(taken) == len(giving) and len(giving) > 1:
        return "took every version"
    if taken:
        return f"took {_whose(taken)} version"
    added = sorted(held - had)
    if added:
        start, end, label, _value = added[0]
        span = next(s for s in after.spans if (s.start, s.end, s.label) == (start, end, label))
        marked = {(b["start"], b["end"], b["label"]) for v in giving for b in v["spans"]}
        if (start, end, label) in marked:
            # The versions' words and label with a value none gave: typed (v), as its own
            # notice says it; "drew" hid the value gold holds.
            return f"{label} {short(span.text)} = {value_text(span.value)} (typed)"
        return f"drew {label} {short(span.text)} {start}–{end}"
    empty = [v for v in versions if not v.get("spans")]
    if empty:
        # Taking the version that marked nothing makes the very record rejecting them all
        # makes, and gold keeps no word of which it was: said as what is true of both, whose
        # version gold is now, as a field's empty value is. A trial's undo after a resume said
        # "rejected every version" of ann1 and ann3's version taken. Another's after a resume
        # said "took bob's version (nothing here)" of alice's rejected with r: both are said.
        nothing = f"{_whose(empty)} version ({nothing_marked(before, conflict)})"
        return f"rejected {_whose(giving)} version, took {nothing}" if giving else f"took {nothing}"
    return "rejected every version"


def nothing_marked(record: GoldRecord, conflict: dict[str, Any]) -> str:
    """What a span version holding no span gave, as the review's panel says it: ``nothing
    here``, or beside gold's spans in the conflict's region ``nothing beyond gold here`` (a
    version holds what its annotators marked beyond gold)."""
    region = conflict.get("region") or [0, 0]
    start, end = region[0], region[1]
    beside = any(span.start < end and span.end > start for span in record.spans)
    return "nothing beyond gold here" if beside else "nothing here"


def _said(value: Any) -> str:
    """A field's value as a message says it: a figure or a date as it is, text quoted."""
    if isinstance(value, list):
        return short(", ".join(str(item) for item in value), 40)
    if isinstance(value, str) and not DATE.match(value):
        return short(value, 30)
    return str(value)


def _body_key(body: dict[str, Any]) -> tuple[int, int, str, Any]:
    return body["start"], body["end"], body["label"], normal(body.get("value"))


def _item_outcome(
    before: GoldRecord, after: GoldRecord, group: str, versions: list[dict[str, Any]]
) -> str:
    """An item only some gave (each version one item): whose version gold holds one more copy
    of than before (gold may hold the same item already: one annotator gave it twice), else
    the items typed in its place, else none (left out). A copy is the version's item as gold
    stores it taken (``_same_item``): bob's "Drava People's Authority" taken is gold's
    "Drava People’s Authority" linked, and a trial's undo after a resume said "typed 1 item"
    of bob's item taken."""

    def copies(record: GoldRecord, given: Any) -> int:
        items = record.form.get(group) or []
        return sum(
            1
            for at, item in enumerate(items)
            if isinstance(item, dict) and _same_item(record, group, at, item, given)
        )

    def held(record: GoldRecord) -> int:
        return sum(1 for item in record.form.get(group) or [] if isinstance(item, dict))

    added = [
        v
        for v in versions
        if isinstance(given := v["value"][0], dict) and copies(after, given) > copies(before, given)
    ]
    if added:
        return f"added the item {names_said(_annotators(added))} gave to gold's {group}"
    grown = held(after) - held(before)
    if grown > 0:
        typed = f"typed {grown} item{'s' if grown > 1 else ''} into gold's {group}"
        # Their links too, as a typed value's (``(typed), linked to s2``) and as this
        # session's undo says a typed item's: after a resume, the undo named none (a trial).
        links = item_links_said(before, after, group)
        return f"{typed}; {links}" if links else typed
    return f"left out the item {names_said(_annotators(versions))} gave"


def _same_item(
    record: GoldRecord, group: str, at: int, item: dict[str, Any], given: dict[str, Any]
) -> bool:
    """Whether gold's item ``at`` of ``group`` is the version item ``given`` as taking it
    stores it: each field alike (an empty one, null or absent alike), a text in the words of
    the spans gold links it to (``_as_linked``)."""
    for name in item.keys() | given.keys():
        words = linked_words(record, record.links.get(f"{group}[{at}].{name}") or [])
        if _held(item.get(name)) != _held(_as_linked(given.get(name), words)):
            return False
    return True


def _held(value: Any) -> Hashable:
    """A field's value normalised, every empty one (null, absent, "", []) alike."""
    return None if value in (None, "", []) else normal(value)


def _value_at(form: dict[str, Any], path: str) -> Any:
    """The value at a field's path (``event_type``, ``releases[0].count``); None if none."""
    place = forms.item_path(path)
    if place is None:
        return form.get(path)
    group, index, name = place
    items = form.get(group) or []
    item = items[index] if index < len(items) else None
    return item.get(name) if isinstance(item, dict) else None


def _whose(versions: list[dict[str, Any]]) -> str:
    """``bob's``, ``alice and carol's``: the versions' annotators."""
    return whose(_annotators(versions))


def _annotators(versions: list[dict[str, Any]]) -> list[str]:
    return [str(name) for version in versions for name in version.get("annotators") or []]
