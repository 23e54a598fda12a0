"""The review decisions a merge anew keeps: those whose conflict the new merge still has, alike.

A merge anew (ctrl+r, ``review_documents``) used to drop every decision made on the document,
also on conflicts the annotators' change did not touch: a trial's reviewer, whose annotator
had fixed one span, had to settle again a dozen conflicts nobody had changed. A decision is
now kept when the new merge has its conflict unchanged (the same versions from the same
annotators, ``conflict_key``); the others (their conflict changed, or gone: the annotators
agree now) are dropped and named.

A gold record holds only the conflicts still open, so what a decision settled, and what it
did, is read from the document's history (``kept_decisions``): its records in order (the
gold file's lines, then this review's), each step from one to the next a decision (it settles
a conflict: ``Decision`` is what it changed, spans by their bodies, fields by path, a group
item's fields and links by the item's content, ``review_kept_form``), an undo
(the record of an earlier step again), or a merge anew (another text or other annotators'
records, or conflicts open that were not), after which a decision stands while the record
still holds what it did. ``kept_merge`` applies the kept decisions, in the order they were
made, to the new merge's record, and leaves their conflicts out of it.

Spans are told by their bodies, so a decision is tied to the spans it changed only while its
records hold one span of each such body. A gold file edited by hand can hold two alike (merge
never writes them, nor do the review's decisions): a decision whose spans had, or were given,
an alike twin (``Decision.alike``) cannot say which copy it meant. It is not kept, and is
named for that ("two alike spans"), its conflict open again; the document's other decisions
are kept as ever. (Such a decision was said kept, and wrote one copy of what it wrote twice.)
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core import forms
from annotator.core.form_compare import without_empty_items
from annotator.core.form_complete import missing_required
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict_key import conflict_key
from annotator.core.review_kept_form import (
    NotApplicable,
    form_changes,
    with_changes,
    with_empty_items_back,
)
from annotator.core.scheme import Scheme
from annotator.core.value_links import words_linked

Conflict = dict[str, Any]
# What every save of a document's record changes: left out when records are compared.
SAVED_ANEW = ("annotator", "updated_at", "seconds_spent")
# A span by what it is, whatever its id: start, end, label, value.
SpanKey = tuple[int, int, str, int | str | None]


def span_key(span: Span) -> SpanKey:
    """A gold span by what it is: the rule a version's link is carried by
    (``review_links.linked_span``, raw value), read off a ``Span``."""
    return span.start, span.end, span.label, span.value


@dataclass(frozen=True)
class Decision:
    """What one decision changed of its record: the conflict it settled (as it was open),
    spans taken away and added (with who marked them), fields set, each with its value before
    and after (whole fields by name, None: emptied; a group item's field by path,
    ``releases[0].count``, its item told by the form before, ``form_before``), items appended
    to a group, and the links that changed (path -> the spans linked, by body, after and
    before). Item paths index the form as the decision left it, empty items taken away as it
    settled the last conflict put back (``review_kept_form``)."""

    conflict: Conflict
    removed: frozenset[SpanKey]
    added: tuple[Span, ...]
    sources: Mapping[SpanKey, Sequence[str]]
    form_before: Mapping[str, Any]
    whole: Mapping[str, tuple[Any, Any]]
    item_fields: Mapping[str, tuple[Any, Any]]
    appended: Mapping[str, tuple[int, list[Any]]]  # group -> (its items before, items added)
    links: Mapping[str, Sequence[SpanKey]]
    links_before: Mapping[str, Sequence[SpanKey]]  # of the paths in ``links``
    # The bodies it changed (their copies, copies' annotators, links) that its record before
    # or after holds twice or more: told by body, the decision cannot say which copy it meant.
    alike: frozenset[SpanKey] = frozenset()

    @classmethod
    def of(cls, conflict: Conflict, before: GoldRecord, after: GoldRecord) -> Decision:
        old, new = _keyed(before), _keyed(after)
        who_before, who_after = _sources(before), _sources(after)
        links_before, links_after = _links(before), _links(after)
        form_after = after.form
        if not after.conflicts:
            form_after, links_after = with_empty_items_back(before.form, form_after, links_after)
        whole, item_fields, appended = form_changes(before.form, form_after)
        changed = {
            path
            for path in links_before.keys() | links_after.keys()
            if links_before.get(path) != links_after.get(path)
        }
        copies_before, copies_after = _copies(before), _copies(after)
        linked = {
            key
            for path in changed
            for key in [*links_before.get(path, ()), *links_after.get(path, ())]
        }
        alike = frozenset(
            key
            for key in copies_before.keys() | copies_after.keys()
            if max(len(copies_before.get(key, ())), len(copies_after.get(key, ()))) > 1
            and (copies_before.get(key) != copies_after.get(key) or key in linked)
        )
        return cls(
            conflict=conflict,
            removed=frozenset(old.keys() - new.keys()),
            added=tuple(span for key, span in new.items() if key not in old),
            sources={
                key: who
                for key, who in who_after.items()
                if key not in old or who_before.get(key) != who
            },
            form_before=before.form,
            whole=whole,
            item_fields=item_fields,
            appended=appended,
            links={path: links_after.get(path, []) for path in changed},
            links_before={path: links_before.get(path, []) for path in changed},
            alike=alike,
        )

    def holds_in(self, record: GoldRecord) -> bool:
        """Whether ``record`` still has what the decision did (and not its conflict open):
        its spans, its whole fields, each item field's value in some item of its group."""
        spans = _keyed(record)
        if any(key in spans for key in self.removed):
            return False
        if any(span_key(span) not in spans for span in self.added):
            return False
        key = conflict_key(self.conflict)
        if any(conflict_key(conflict) == key for conflict in record.conflicts):
            return False
        if any(record.form.get(name) != value for name, (_was, value) in self.whole.items()):
            return False
        return all(
            _held_by_an_item(record.form, path, value)
            for path, (_was, value) in self.item_fields.items()
        )


def kept_decisions(history: Iterable[GoldRecord]) -> dict[bytes, Decision]:
    """The decisions standing in the last of ``history`` (a document's records, oldest first),
    by their conflict's ``conflict_key``, in the order they were made (see the module
    docstring)."""
    states: list[tuple[dict[str, Any], GoldRecord, dict[bytes, Decision]]] = []
    for record in history:
        content = record.model_dump(exclude=set(SAVED_ANEW))
        back = next((n for n in range(len(states) - 1, -1, -1) if states[n][0] == content), None)
        if back is not None:
            del states[back + 1 :]  # written again, or an undo back to that record
            continue
        if not states:
            states.append((content, record, {}))
            continue
        _content, before, decided = states[-1]
        if _merged_anew_or_reopened(before, record):
            now = {key: made for key, made in decided.items() if made.holds_in(record)}
        else:
            now = dict(decided)
            still_open = {conflict.get("id") for conflict in record.conflicts}
            for conflict in before.conflicts:
                if conflict.get("id") not in still_open:
                    now[conflict_key(conflict)] = Decision.of(conflict, before, record)
        states.append((content, record, now))
    return states[-1][2] if states else {}


def _merged_anew_or_reopened(before: GoldRecord, after: GoldRecord) -> bool:
    """Whether ``after`` is no decision on ``before`` but a merge anew: of another text or
    other records, or of the same ones (every decision dropped: conflicts open that were not).
    ``review_history._merged_from_other_records`` counts only the first: to its undo, a merge
    anew of the same records is one more step back, which undo takes like a decision."""
    if after.doc_sha256 != before.doc_sha256 or after.sources.versions != before.sources.versions:
        return True
    was_open = {conflict_key(conflict) for conflict in before.conflicts}
    return any(conflict_key(conflict) not in was_open for conflict in after.conflicts)


@dataclass
class KeptMerge:
    """A new merge's record with the decisions kept (span ids not given yet: the caller's),
    and the decisions kept and dropped, each by the conflict it settled: ``dropped`` those of
    conflicts changed or gone, ``unapplied`` those whose conflict is alike but a field or link
    they set holds another value now (or its item is gone), ``untied`` those whose conflict is
    alike but which changed one of two alike spans (``Decision.alike``). ``links_left_out``:
    a kept decision's conflict and the path of a link its step made to a field it did not set
    (taking a span links the fields that name it), left out because that field's item is not
    in the new merge as it was, nor linked again by the words rule (``with_changes``)."""

    record: GoldRecord
    kept: list[Conflict] = field(default_factory=list)
    dropped: list[Conflict] = field(default_factory=list)
    unapplied: list[Conflict] = field(default_factory=list)
    untied: list[Conflict] = field(default_factory=list)
    links_left_out: list[tuple[Conflict, str]] = field(default_factory=list)


def kept_merge(merged: GoldRecord, decided: Mapping[bytes, Decision], scheme: Scheme) -> KeptMerge:
    """``merged`` (a fresh merge) with each decision of ``decided`` whose conflict it has
    alike applied, that conflict left out (see the module docstring). A decision that set a
    field to the value of a span the new record does not hold (``_value_of_a_span_gone``) is
    not applied."""
    spans = _keyed(merged)
    open_now = {conflict_key(conflict): conflict for conflict in merged.conflicts}
    out = KeptMerge(merged)
    if len(spans) != len(merged.spans):
        # Two spans alike in the new merge (merge writes none): a record made of bodies would
        # lose a copy, so it stays as merged, each decision named for what keeps it out.
        for key, made in decided.items():
            (out.untied if key in open_now else out.dropped).append(made.conflict)
        return out
    sources = _sources(merged)
    form = copy.deepcopy(merged.form)
    links = _links(merged)
    settled: set[str] = set()
    left_out: list[tuple[Conflict, str, list[SpanKey]]] = []
    for key, made in decided.items():
        conflict = open_now.get(key)
        if conflict is None:
            out.dropped.append(made.conflict)
            continue
        if made.alike:
            out.untied.append(made.conflict)
            continue
        held = (spans.keys() - made.removed) | {span_key(span) for span in made.added}
        if _value_of_a_span_gone(made, held):
            out.unapplied.append(made.conflict)
            continue
        unplaced: list[str] = []
        try:
            form, links = with_changes(form, links, made, scheme, unplaced)
        except NotApplicable:
            out.unapplied.append(made.conflict)
            continue
        left_out += [(made.conflict, path, list(made.links[path])) for path in unplaced]
        for gone in made.removed:
            spans.pop(gone, None)
            sources.pop(gone, None)
        for span in made.added:
            spans[span_key(span)] = span
        for span_of, who in made.sources.items():
            sources[span_of] = list(who)
        settled.add(conflict["id"])
        out.kept.append(made.conflict)
    out.record = _record(merged, spans, sources, form, links, settled, scheme)
    # Said only where the record does not link those spans anyway (the words rule may have).
    linked_now = {key for keys in _links(out.record).values() for key in keys}
    out.links_left_out = [
        (conflict, path)
        for conflict, path, keys in left_out
        if any(key not in linked_now for key in keys)
    ]
    return out


def _value_of_a_span_gone(made: Decision, held: set[SpanKey]) -> bool:
    """Whether ``made`` set a field to the value of a span it linked it to that the record no
    longer holds (``held``): a count typed as the words "95" of a span given 97 with ``v`` is
    97 linked to it; once a merge anew drops that ``v`` (the span back to 95), the 97 came from
    nothing the record holds, and was written unlinked (a trial). Its conflict opens again."""
    for path, linked in made.links.items():
        gone = [key for key in linked if key not in held and key[3] is not None]
        value = _value_set(made, path)
        if gone and value is not None and any(value == key[3] for key in gone):
            return True
    return False


def _value_set(made: Decision, path: str) -> Any:
    """The value ``made`` set the field at ``path`` to (None: it set none there)."""
    if path in made.item_fields:
        return made.item_fields[path][1]
    if path in made.whole:
        return made.whole[path][1]
    found = forms.item_path(path)
    if found is None or found[0] not in made.appended:
        return None
    group, index, leaf = found
    before, items = made.appended[group]
    at = index - before
    item = items[at] if 0 <= at < len(items) else None
    return item.get(leaf) if isinstance(item, dict) else None


def _record(
    merged: GoldRecord,
    spans: dict[SpanKey, Span],
    sources: dict[SpanKey, list[str]],
    form: dict[str, Any],
    links: dict[str, list[SpanKey]],
    settled: set[str],
    scheme: Scheme,
) -> GoldRecord:
    """The record the kept decisions make of ``merged``: spans in text order under their
    bodies' ids as they came (the caller gives gold ids), links to spans it no longer has
    left out, its status set as a decision sets it."""
    ordered = sorted(spans.items(), key=lambda item: (item[0][0], item[0][1], item[0][2]))
    # Provisional ids, unique: ``review_span_ids.with_gold_ids`` gives the real ones.
    ids = {key: f"k{number}" for number, (key, _span) in enumerate(ordered, start=1)}
    fields = merged.model_dump()
    fields["spans"] = [
        span.model_copy(update={"id": ids[key]}).model_dump() for key, span in ordered
    ]
    fields["sources"]["spans"] = {ids[key]: who for key, who in sources.items() if key in ids}
    fields["links"] = {
        path: [ids[key] for key in linked if key in ids]
        for path, linked in links.items()
        if any(key in ids for key in linked) and _names_a_field_of(form, path)
    }
    fields["form"] = form
    fields["conflicts"] = [c for c in merged.conflicts if c["id"] not in settled]
    draft = GoldRecord.model_validate(fields)
    # A value the kept decisions left unlinked beside a span they added that holds it is
    # linked by its words, as the decision itself now links it (``review_decisions.drafted``):
    # a merge anew of a drawn "Saturday" kept the agreed date unlinked.
    new_labels = {key[2] for key in spans if key not in _keyed(merged)}
    if new_labels:
        fields["form"], fields["links"] = words_linked(
            draft, draft.form, draft.links, scheme, draft.form, new_labels
        )
        draft = GoldRecord.model_validate(fields)
    if not draft.conflicts:
        fields["form"], fields["links"] = without_empty_items(draft.form, draft.links, scheme)
        draft = GoldRecord.model_validate(fields)
    complete = not draft.conflicts and not missing_required(draft, scheme)
    fields["status"] = "done" if complete else "in_progress"
    return GoldRecord.model_validate(fields)


def _keyed(record: GoldRecord) -> dict[SpanKey, Span]:
    return {span_key(span): span for span in record.spans}


def _copies(record: GoldRecord) -> dict[SpanKey, list[list[str]]]:
    """Each span body of ``record`` with its copies' annotators (sorted): one copy, as merge
    and decisions write them, unless the file was edited by hand."""
    who = record.sources.spans
    found: dict[SpanKey, list[list[str]]] = {}
    for span in record.spans:
        found.setdefault(span_key(span), []).append(list(who.get(span.id, ())))
    return {key: sorted(copies) for key, copies in found.items()}


def _sources(record: GoldRecord) -> dict[SpanKey, list[str]]:
    keys = {span.id: span_key(span) for span in record.spans}
    return {keys[one]: list(who) for one, who in record.sources.spans.items() if one in keys}


def _links(record: GoldRecord) -> dict[str, list[SpanKey]]:
    keys = {span.id: span_key(span) for span in record.spans}
    return {
        path: [keys[one] for one in linked if one in keys] for path, linked in record.links.items()
    }


def _names_a_field_of(form: Mapping[str, Any], path: str) -> bool:
    """Whether a link path names a field ``form`` can hold: a group item's field only while
    the group has that item (a kept decision's link to an item gone links nothing)."""
    found = forms.item_path(path)
    if found is None:
        return True
    items = form.get(found[0])
    return isinstance(items, list) and found[1] < len(items)


def _held_by_an_item(form: Mapping[str, Any], path: str, value: Any) -> bool:
    found = forms.item_path(path)
    assert found is not None, path
    group, _index, leaf = found
    items = form.get(group)
    if not isinstance(items, list):
        return False
    return any(isinstance(item, dict) and item.get(leaf) == value for item in items)
