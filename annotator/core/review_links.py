"""Links (form path -> span ids) through review decisions: ``merge``'s rule, kept after each one.

``merge`` carries an accepted answer's links from the first annotator (by name) who gave the
answer and linked there a span that is gold, mapped to the gold spans' ids, and drops links
to spans that were not accepted. A review decision changes the gold record's spans and form,
so its links are worked out again by the same rule, given the annotators' records
(``annotations``, by name):

- A gold path's links are those of the first annotator by name whose answer there is the gold
  answer (the normalised value, as merge compares answers; for a field of a repeatable
  group's item, an annotator whose item is gold's and gives its value there: gold's items
  merge made are the annotators' items merge aligned, ``form_compare.align_items`` run
  again as merge runs it, and an item appended later is the annotators' other items with
  its frame (``item_holders``); none while a conflict over the field is open) and whose
  links there reach a gold span of the field's label (one may link a span only they marked
  where another links the one that is gold), their span ids mapped to the gold spans with
  the same start, end, label and value. A linked span that is not gold is left out; a path
  left with none has no links.
- So taking a field's version brings its annotator's links; taking (or drawing) a span makes
  the links to it hold where the gold answer is the linking annotator's; a span whose value a
  decision changes loses the links made to the old value; rejecting makes no link.
  ``carried_links`` of a fresh merge is that merge's own links.
- Items no annotator gave whole (typed by the reviewer, ``review_typed``) have no source by
  that rule: the decision that adds them gives their links (``made``: field by field, those of
  the version items they were edited from), and later decisions keep them while they hold.
- Without the records of every annotator of the document (a gold line reviewed from other
  annotators than are compared now), a decision only keeps the links that still hold: those
  whose path's gold value and linked spans it left as they were, and those it gives the items
  it adds (a group version's own links: ``merge_form``).
- A link is only ever to a span of the gold record, of the label its field is filled from
  (``fitting_links``). A list field's links are in the order of its items (each item's span
  at its place, then those no item holds), as the annotation screen keeps them
  (``list_links.ids_in_items_order``). Undo puts the whole record back, links included.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from functools import partial
from typing import Any, Protocol

from annotator.core import forms
from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import (
    Item,
    align_items,
    field_value,
    frame_key,
    has_no_value,
    items_in,
    sub_value,
)
from annotator.core.links_most import most_linked
from annotator.core.list_links import links_in_items_order
from annotator.core.merge_form import accepted
from annotator.core.merge_versions import Versions, ordered_versions
from annotator.core.models import GoldRecord
from annotator.core.scheme import FormField, Scheme


class SpanFields(Protocol):
    """What carrying links reads of an annotator's span (``Span``, or compare's ``SpanView``)."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> int | str | None: ...


class AnnotatorWork(Protocol):
    """An annotator's record of the document (a ``Record``, or compare's ``Annotation``)."""

    @property
    def spans(self) -> Sequence[SpanFields]: ...
    @property
    def form(self) -> dict[str, Any]: ...
    @property
    def links(self) -> dict[str, list[str]]: ...


Annotations = Mapping[str, AnnotatorWork]  # annotator -> their record of the document


def links_after(
    before: GoldRecord,
    after: GoldRecord,
    scheme: Scheme,
    annotations: Annotations | None,
    made: Mapping[str, list[str]] | None = None,
) -> dict[str, list[str]]:
    """The links of ``after``, the record a decision made of ``before`` (module docstring);
    ``made``: the links the decision gives the items it adds (a version's, or those of the
    version items typed ones were edited from)."""
    links = _links_still_holding(before, after)
    links.update(made or {})
    names = after.sources.annotators
    if annotations is not None and all(name in annotations for name in names):
        links.update(carried_links(after, annotations, scheme))
    # A list's links at its items' places, as the annotation screen keeps them: carried, they
    # were an annotator's order (``["s4", "s2"]`` of a list gold holds Aïssatou first).
    return links_in_items_order(fitting_links(links, after, scheme), after, scheme)


def fitting_links(
    links: Mapping[str, list[str]], record: GoldRecord, scheme: Scheme
) -> dict[str, list[str]]:
    """``links`` to ``record``'s spans of the label each field is filled from, and no other."""
    labels = {span.id: span.label for span in record.spans}
    out = {}
    for path, span_ids in links.items():
        try:
            leaf = forms.resolve_path(scheme, path)[2]
        except AnnotatorError:
            continue  # no field of the scheme: nothing to link
        kept = [one for one in span_ids if labels.get(one, "") == leaf.from_label]
        if kept:
            out[path] = kept
    return out


# A span as a version's link names it (start, end, label, value: the body a conflict's version
# lists): a link is carried to the gold span alike in all four, its value as given (a gold
# span at the place with another value does not keep it). ``review_unkept_links`` says which
# links a decision does not keep by this same rule; ``review_kept.span_key`` is it too, read
# off a gold record's own spans.
LinkedSpan = tuple[Any, Any, Any, Any]


def linked_span(body: Mapping[str, Any]) -> LinkedSpan:
    return (body.get("start"), body.get("end"), body.get("label"), body.get("value"))


def gold_ids_of(
    record: GoldRecord, bodies: Sequence[Mapping[str, Any]], field: FormField
) -> list[str]:
    """The gold spans of ``record`` that are the spans ``bodies`` (as a conflict's version
    lists them: ``linked_span``) of the label ``field`` is filled from (a link to a span of
    another label fills nothing there)."""
    gold_ids: dict[LinkedSpan, str] = {
        (s.start, s.end, s.label, s.value): s.id for s in record.spans
    }
    found = []
    for body in bodies:
        key = linked_span(body)
        gold_id = gold_ids.get(key)
        if gold_id is not None and key[2] == field.from_label and gold_id not in found:
            found.append(gold_id)
    return found


def carried_links(
    record: GoldRecord, annotations: Annotations, scheme: Scheme
) -> dict[str, list[str]]:
    """The links ``merge`` gives a gold record with ``record``'s spans and form (see the module
    docstring), from the records of ``record``'s annotators in ``annotations``."""
    names = sorted(name for name in record.sources.annotators if name in annotations)
    gold_ids: dict[tuple[int, int, str, Hashable], str] = {}
    for span in record.spans:
        gold_ids.setdefault((span.start, span.end, span.label, span.value), span.id)
    labels = {span.id: span.label for span in record.spans}
    place = {span.id: (span.start, span.end) for span in record.spans}
    links: dict[str, list[str]] = {}
    to_gold: dict[str, dict[str, str]] = {}  # annotator -> their span id -> gold's, when needed

    def carry(holders: Sequence[tuple[str, str]], gold_path: str, field: FormField) -> None:
        # The gold spans of the field's label the most holders linked there, as merge
        # chooses them (``links_most``).
        found: list[list[str]] = []
        for name, their_path in holders:
            theirs = annotations[name]
            linked = theirs.links.get(their_path) if theirs.links else None
            if not linked:
                continue
            mapped = to_gold.get(name)
            if mapped is None:
                mapped = to_gold[name] = {
                    span.id: gold_ids[key]
                    for span in theirs.spans
                    if (key := (span.start, span.end, span.label, span.value)) in gold_ids
                }
            ids = [
                mapped[one]
                for one in linked
                if one in mapped and labels[mapped[one]] == field.from_label
            ]
            if ids:
                found.append(ids)
        if found:
            links[gold_path] = most_linked(found, place)

    for field in scheme.fields:
        if field.type == "group":
            for gold_path, sub, holders in _item_sources(record, field, names, annotations):
                carry(holders, gold_path, sub)
            continue
        if field.name not in record.form:
            continue
        answer = field_value(record.form, field)
        givers = [
            (name, field.name)
            for name in names
            if field_value(annotations[name].form, field) == answer
        ]
        carry(givers, field.name, field)
    # Fitting already (``fitting_links`` would keep every one): ``carry`` keeps only gold spans
    # of the label of the scheme field each path names.
    return links


def _item_sources(
    record: GoldRecord, group: FormField, names: list[str], annotations: Annotations
) -> list[tuple[str, FormField, list[tuple[str, str]]]]:
    """(gold path, its field, [(annotator, their path)]) for the fields of ``group``'s items
    in gold, as ``merge`` carries them: each gold item known to be annotators' items
    (``item_holders``), each field's holders those of them, by name, whose item there gives
    gold's value (its links are the first's that reach gold). A field with a conflict open
    has none until it is settled."""
    open_paths = {c.get("path") for c in record.conflicts if c.get("kind") == "field"}
    held_in_gold = record.form.get(group.name) or []
    out = []
    for gold_index, holders in item_holders(record, group, annotations):
        gold_item = held_in_gold[gold_index]
        for sub in group.fields:
            gold_path = f"{group.name}[{gold_index}].{sub.name}"
            if gold_path in open_paths:
                continue
            answer = sub_value(gold_item.get(sub.name), sub)
            givers = [
                (name, f"{group.name}[{held[0]}].{sub.name}")
                for name in names
                if (held := holders.get(name)) is not None
                and sub_value(held[1].get(sub.name), sub) == answer
            ]
            out.append((gold_path, sub, givers))
    return out


def item_holders(
    record: GoldRecord, group: FormField, annotations: Annotations
) -> list[tuple[int, dict[str, Item]]]:
    """The items of ``group`` in gold that are known to be annotators' items, each with them:
    (gold's index, annotator -> their item with its index in their form), in gold's order;
    none without the records of every annotator of ``record``.

    - Gold's first items are those merge made: the clusters K annotators hold, in merge's
      order, of the annotators' items aligned as merge aligns them (``align_items``, the
      annotators by name; K is ``sources.min_agree``, every annotator when "all" or not
      said). A cluster's gold item holds what merge made of it, a field in dispute aside (a
      decision settles it); one that does not (a gold line merged from other records, or by
      an older rule) ends them. Merge leaves out of done gold an item with no value and no
      link: a cluster of items with no value whose gold item is not one (its place holds the
      next) is passed over.
    - An item after them (appended from a group version, or typed; every item of a line
      merged otherwise) is the annotators' other items with its frame: gold's n-th copy of a
      frame among these, each annotator's n-th such item. A typed item alike no one's is
      none's."""
    names = sorted(record.sources.annotators)
    if not all(name in annotations for name in names):
        return []
    rule = record.sources.min_agree
    threshold = rule if isinstance(rule, int) else len(names)
    theirs = [
        items_in(annotations[name].form, group, partial(getattr, annotations[name], "links"))
        for name in names
    ]
    gold_items = record.form.get(group.name) or []
    out: list[tuple[int, dict[str, Item]]] = []
    others: dict[str, dict[Hashable, list[Item]]] = {name: {} for name in names}
    known = True  # gold's items so far are merge's
    for cluster in align_items(theirs, group):
        held = {name: item for name, item in zip(names, cluster, strict=True) if item is not None}
        if known and len(held) >= threshold:
            at = len(out)
            gold_item = gold_items[at] if at < len(gold_items) else None
            if isinstance(gold_item, dict) and _made_of(gold_item, held, group, threshold):
                out.append((at, held))
                continue
            if isinstance(gold_item, dict) and all(has_no_value(one) for _i, one in held.values()):
                continue  # merge left the empty item out of done gold: the next is at its place
            known = False
        for name, item in held.items():
            others[name].setdefault(frame_key(item[1], group), []).append(item)
    copies: dict[Hashable, int] = {}
    for at in range(len(out), len(gold_items)):
        item = gold_items[at]
        if not isinstance(item, dict):
            continue
        key = frame_key(item, group)
        copy = copies[key] = copies.get(key, -1) + 1
        holders = {
            name: same[copy] for name in names if len(same := others[name].get(key, [])) > copy
        }
        if holders:
            out.append((at, holders))
    return out


def _made_of(
    gold_item: dict[str, Any], held: dict[str, Item], group: FormField, threshold: int
) -> bool:
    """Whether ``gold_item`` is what merge made of the annotators' items ``held``: each field
    whose value merge accepts among them (``merge_form.accepted``) holds that value (the
    others merge left in dispute, for a decision to settle)."""
    for sub in group.fields:
        given: Versions = {}
        for name in sorted(held):
            value = held[name][1].get(sub.name)
            given.setdefault(sub_value(value, sub), (value, []))[1].append(name)
        best = accepted(ordered_versions(given), threshold)
        if best is not None and sub_value(gold_item.get(sub.name), sub) != sub_value(best[0], sub):
            return False
    return True


_ABSENT = object()


def _value_at(form: dict[str, Any], path: str) -> Any:
    """The form's value at a link path (``_ABSENT`` when it has none)."""
    place = forms.item_path(path)
    if place is None:
        return form.get(path, _ABSENT)
    group, index, name = place
    items = form.get(group)
    if not isinstance(items, list) or index >= len(items) or not isinstance(items[index], dict):
        return _ABSENT
    return items[index].get(name, _ABSENT)


def _links_still_holding(before: GoldRecord, after: GoldRecord) -> dict[str, list[str]]:
    """``before``'s links that ``after`` leaves standing, when the annotators' records are not
    at hand: a path whose value changed loses its links, a span whose value changed its links
    (whose they were is not known here)."""
    was = {span.id: span for span in before.spans}
    unchanged = {span.id for span in after.spans if was.get(span.id) == span}
    links = {}
    for path, span_ids in before.links.items():
        value = _value_at(after.form, path)
        if value is _ABSENT or value != _value_at(before.form, path):
            continue
        kept = [span_id for span_id in span_ids if span_id in unchanged]
        if kept:
            links[path] = kept
    return links
