"""One document's merge, by the rules in ``merge``'s docstring: the gold record's fields.

``GoldBuilder(unit, min_agree, scheme).data(reviewer, now)`` is the gold record as a plain
dict with every field of ``GoldRecord`` in the model's order (span dicts and ``sources`` too),
so that it can be checked and written as a line without making a model (``goldfile.gold_line``)
or made into one (``merge.merge_units``); both give the same line.

This runs once per compared document, tens of thousands of times for a large corpus: spans are
compared as (start, end, label, value) keys taken from each record's span structs in C
(``map`` with ``attrgetter``), and a dict is made only for each span that is kept (one per accepted
span, one per span left in a conflict), never one per span of every annotator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from operator import attrgetter, itemgetter
from typing import Any

from annotator.core.compare import Unit
from annotator.core.form_compare import field_value, frame_key, items_in
from annotator.core.models import SCHEMA_VERSION
from annotator.core.record_lines import SpanLine
from annotator.core.scheme import FormField, Scheme

SpanKey = tuple[int, int, str, Hashable]
# A span left out of the accepted ones, sortable as the conflicts need it: (start, end, label,
# its annotator's index in the unit, rank of its key, its index in the record, text, value).
LeftSpan = tuple[int, int, str, int, int, int, str, Hashable]


_PLACE = itemgetter(0, 1, 2)  # a span key's (start, end, label)
_KEY_VALUE = attrgetter("start", "end", "label", "value")  # a span's key
_FINGERPRINT = itemgetter(0, 1, 2, 7)  # a left span's (start, end, label, value)
_GOLD_SPAN_IDS: list[str] = []


def _gold_span_ids(count: int) -> list[str]:
    """``s1`` ... ``s{count}`` (made once: every document needs the same few)."""
    if len(_GOLD_SPAN_IDS) < count:
        _GOLD_SPAN_IDS.extend(f"s{n}" for n in range(len(_GOLD_SPAN_IDS) + 1, count + 1))
    return _GOLD_SPAN_IDS[:count]


def _accepted_order(key: SpanKey) -> tuple[int, int, str, str]:
    # Values mix ints, dates and None: their repr orders them (and no two share one).
    return (key[0], key[1], key[2], repr(key[3]))


def _ordered_versions(
    versions: dict[Hashable, tuple[Any, list[str]]],
) -> list[tuple[Any, list[str]]]:
    return sorted(versions.values(), key=lambda item: (-len(item[1]), item[1][0]))


def _settled_by_nothing(versions: dict[Hashable, tuple[Any, list[str]]], threshold: int) -> bool:
    """Whether K (``threshold``) annotators gave nothing beyond what is accepted, and more of
    them than gave any other version: then they agree there is nothing more, as K annotators
    giving one answer to a field agree on it, and no conflict is left. (With K = every
    annotator, only when nobody gave anything more.)"""
    nothing = versions.get(())
    if nothing is None or len(nothing[1]) < threshold:
        return False
    return all(len(who) < len(nothing[1]) for key, (_body, who) in versions.items() if key != ())


def _left(keys: list[SpanKey], mine: set[SpanKey], agreed: set[SpanKey]) -> list[int]:
    """The indexes of one annotator's spans (``keys``; ``mine``: as a set) not ``agreed``."""
    extra = mine - agreed
    if not extra:
        return []
    if len(mine) == len(keys):  # no key twice: find each in C
        return sorted(map(keys.index, extra))
    return [index for index, key in enumerate(keys) if key not in agreed]


class GoldBuilder:
    """One document's merge: accepted spans and fields, conflicts, links."""

    def __init__(self, unit: Unit, min_agree: int | None, scheme: Scheme) -> None:
        """``min_agree``: K, or None for every annotator of the document."""
        self.unit = unit
        self.names = list(unit.records)  # sorted by name (``Unit``)
        self.rule: int | str = min_agree or "all"
        self.threshold = min_agree or len(unit.records)
        self.scheme = scheme
        self.spans: list[dict[str, Any]] = []
        self.sources: dict[str, list[str]] = {}
        self.span_ids: dict[tuple[str, str], str] = {}  # (annotator, their span id) -> gold id
        self.conflicts: list[dict[str, Any]] = []
        self.form: dict[str, Any] = {}
        self.links: dict[str, list[str]] = {}
        self.forms = {name: record.form for name, record in unit.records.items()}
        self.their_links = {name: record.links for name, record in unit.records.items()}

    def merge_spans(self) -> None:
        names = self.names
        flats = [self.unit.records[name].span_lines for name in names]
        keys_of = [list(map(_KEY_VALUE, spans)) for spans in flats]
        marked = [set(keys) for keys in keys_of]
        threshold = self.threshold
        if threshold == len(names):  # the default: every annotator, so a plain intersection
            agreed = set.intersection(*marked)
        else:
            held: Counter[SpanKey] = Counter()  # key -> how many annotators marked it
            for mine in marked:
                held.update(mine)
            agreed = {key for key, count in held.items() if count >= threshold}
        accepted = list(agreed)
        if len(set(map(_PLACE, accepted))) == len(accepted):
            accepted.sort(key=_PLACE)  # no two at one place under one label: in C
        else:
            accepted.sort(key=_accepted_order)
        gold_ids = _gold_span_ids(len(accepted))
        if threshold == len(names):  # every annotator marked each
            owners = [0] * len(accepted)
            self.sources = dict.fromkeys(gold_ids, names.copy())  # one list: it is not changed
        else:
            owners = []
            for gold_id, key in zip(gold_ids, accepted, strict=True):
                who = [name for name, mine in zip(names, marked, strict=True) if key in mine]
                owners.append(names.index(who[0]))
                self.sources[gold_id] = who
        self._accept(accepted, gold_ids, owners, keys_of, flats)
        if any(self.their_links.values()):
            gold_of = dict(zip(accepted, gold_ids, strict=True))
            for name, keys, flat in zip(names, keys_of, flats, strict=True):
                for index, key in enumerate(keys):
                    if key in gold_of:
                        self.span_ids[(name, flat[index].id)] = gold_of[key]
        left_at = [_left(keys, mine, agreed) for keys, mine in zip(keys_of, marked, strict=True)]
        if any(left_at):
            self._span_conflicts(keys_of, flats, left_at)

    def _accept(
        self,
        accepted: list[SpanKey],
        gold_ids: list[str],
        owners: list[int],
        keys_of: list[list[SpanKey]],
        flats: list[list[SpanLine]],
    ) -> None:
        """A gold span for each accepted key, with the text of the first span with that key
        of its owner (the first annotator by name who marked it: their index in ``names``)."""
        # per owner: key -> index of its first span (the last write of a key wins: going
        # backwards, the first index is left)
        firsts = {
            at: dict(zip(reversed(keys_of[at]), range(len(keys_of[at]) - 1, -1, -1), strict=True))
            for at in set(owners)
        }
        self.spans = [
            {
                "id": gold_id,
                "start": key[0],
                "end": key[1],
                "label": key[2],
                "text": flats[at][firsts[at][key]].text,
                "value": key[3],
            }
            for gold_id, key, at in zip(gold_ids, accepted, owners, strict=True)
        ]

    def _span_conflicts(
        self, keys_of: list[list[SpanKey]], flats: list[list[SpanLine]], left_at: list[list[int]]
    ) -> None:
        """One conflict per region of the spans not accepted (``left_at``: their indexes, per
        annotator), in document order."""
        # Spans at one place under one label by one annotator (other values) keep the order
        # their keys were first met in, over every annotator's spans in order.
        rank: dict[SpanKey, int] = {}
        left: list[LeftSpan] = []
        for at, indexes in enumerate(left_at):
            keys, flat = keys_of[at], flats[at]
            for index in indexes:
                key = keys[index]
                order = rank.setdefault(key, len(rank))
                left.append((key[0], key[1], key[2], at, order, index, flat[index].text, key[3]))
        left.sort()  # (start, end, label, annotator, rank, index) settles every comparison
        # Runs of overlapping spans (sorted by start): each run is one conflict's region.
        region = [left[0]]
        end = left[0][1]
        for item in left[1:]:
            if item[0] < end:
                region.append(item)
                end = max(end, item[1])
            else:
                self._span_conflict(region, end)
                region = [item]
                end = item[1]
        self._span_conflict(region, end)

    def _span_conflict(self, region: list[LeftSpan], end: int) -> None:
        """The conflict of one region (``end``: its end), each annotator's spans there one
        version, alike versions one."""
        names = self.names
        # fingerprint -> (the spans of the first annotator giving it, who gave it)
        versions: dict[Hashable, tuple[Any, list[str]]] = {}
        marking = {item[3] for item in region}
        if len(marking) == len(region):
            # The common case: no annotator has two spans here, so a version is one span
            # (its fingerprint is the span's) or none; the spans come in annotator order.
            for start, stop, label, at, _rank, _index, text, value in region:
                known = versions.get((start, stop, label, value))
                if known is not None:
                    known[1].append(names[at])
                    continue
                body = {"start": start, "end": stop, "label": label, "text": text, "value": value}
                versions[(start, stop, label, value)] = ([body], [names[at]])
            nobody = [name for at, name in enumerate(names) if at not in marking]
            if nobody:
                versions[()] = ([], nobody)
        else:
            mine: list[list[LeftSpan]] = [[] for _name in names]
            for item in region:
                mine[item[3]].append(item)
            for name, theirs in zip(names, mine, strict=True):
                fingerprint = tuple(map(_FINGERPRINT, theirs))
                known = versions.get(fingerprint)
                if known is not None:
                    known[1].append(name)
                    continue
                spans = [
                    {"start": start, "end": stop, "label": label, "text": text, "value": value}
                    for start, stop, label, _at, _rank, _index, text, value in theirs
                ]
                versions[fingerprint] = (spans, [name])
        if _settled_by_nothing(versions, self.threshold):
            return
        self.conflicts.append(
            {
                "id": "",
                "kind": "span",
                "region": [region[0][0], end],
                "versions": [
                    {"spans": spans, "annotators": who}
                    for spans, who in _ordered_versions(versions)
                ],
            }
        )

    def merge_form(self) -> None:
        for field in self.scheme.fields:
            if field.type == "group":
                self._merge_group(field)
                continue
            answers: dict[Hashable, tuple[Any, list[str]]] = {}
            for name in self.names:
                form = self.forms[name]
                answer = field_value(form, field)
                answers.setdefault(answer, (form.get(field.name), []))[1].append(name)
            ordered = _ordered_versions(answers)
            best, runner_up = ordered[0], ordered[1] if len(ordered) > 1 else None
            if len(best[1]) >= self.threshold and (
                runner_up is None or len(runner_up[1]) < len(best[1])
            ):
                if field.name in self.forms[best[1][0]]:
                    self.form[field.name] = best[0]
                    self._carry_links(best[1][0], {field.name: field.name})
                continue
            self.conflicts.append(
                {
                    "id": "",
                    "kind": "field",
                    "path": field.name,
                    "versions": [{"value": value, "annotators": who} for value, who in ordered],
                }
            )

    def _merge_group(self, group: FormField) -> None:
        items = {name: items_in(self.forms[name], group) for name in self.names}
        names = self.names
        reachable = self.threshold <= len(names)
        # Equal items make equal frames, so there is no need to make them to see that every
        # annotator gave the same ones (the common case).
        if reachable and all(items[name] == items[names[0]] for name in names[1:]):
            self._take_same_frames(group, items)
            return
        keys = {name: [frame_key(item, group) for item in items[name]] for name in names}
        if reachable and all(keys[name] == keys[names[0]] for name in names[1:]):
            self._take_same_frames(group, items)
            return
        counts = {name: Counter(keys[name]) for name in self.names}
        # A frame is accepted as many times as at least K annotators have it.
        accepted: dict[tuple[Hashable, ...], int] = {}
        for candidate in {frame for name in self.names for frame in counts[name]}:
            held = sorted((counts[name][candidate] for name in self.names), reverse=True)
            if len(held) >= self.threshold and held[self.threshold - 1] > 0:
                accepted[candidate] = held[self.threshold - 1]
        chosen: list[tuple[int, str, str]] = []  # (index, annotator, repr of the frame)
        for frame, copies in accepted.items():
            source = min(name for name in self.names if counts[name][frame] >= copies)
            places = [index for index, key in enumerate(keys[source]) if key == frame][:copies]
            chosen.extend((index, source, repr(frame)) for index in places)
        chosen.sort(key=lambda item: (item[0], item[2], item[1]))
        gold_items = []
        for gold_index, (index, source, _frame) in enumerate(chosen):
            gold_items.append(items[source][index])
            if not self.their_links[source]:
                continue
            self._carry_links(
                source,
                {
                    f"{group.name}[{index}].{sub.name}": f"{group.name}[{gold_index}].{sub.name}"
                    for sub in group.fields
                },
            )
        if gold_items or any(group.name in self.forms[n] for n in self.names):
            self.form[group.name] = gold_items
        versions: dict[Hashable, tuple[Any, list[str]]] = {}
        for name in self.names:
            still = dict(accepted)
            rest = []
            rest_keys = []
            for item, key in zip(items[name], keys[name], strict=True):
                if still.get(key, 0) > 0:
                    still[key] -= 1
                else:
                    rest.append(item)
                    rest_keys.append(key)
            fingerprint = tuple(sorted(rest_keys, key=repr))
            versions.setdefault(fingerprint, (rest, []))[1].append(name)
        if not _settled_by_nothing(versions, self.threshold):
            self.conflicts.append(
                {
                    "id": "",
                    "kind": "field",
                    "path": group.name,
                    "versions": [
                        {"value": value, "annotators": who}
                        for value, who in _ordered_versions(versions)
                    ],
                }
            )

    def _take_same_frames(self, group: FormField, items: dict[str, list[dict[str, Any]]]) -> None:
        """The common case of ``_merge_group``: every annotator gave the same frames in the
        same order (and K is at most their number). Every frame is accepted, from the first
        annotator, with no conflict."""
        names = self.names
        source = min(names)
        gold_items = items[source]
        if self.their_links[source]:
            for index in range(len(gold_items)):
                paths = [f"{group.name}[{index}].{sub.name}" for sub in group.fields]
                self._carry_links(source, {path: path for path in paths})
        if gold_items or any(group.name in self.forms[name] for name in names):
            self.form[group.name] = gold_items

    def _carry_links(self, source: str, paths: dict[str, str]) -> None:
        """Copy ``source``'s links of ``paths`` (its path -> gold path) to gold span ids."""
        links = self.their_links[source]
        if not links:
            return
        for their_path, gold_path in paths.items():
            ids = [
                self.span_ids[(source, span_id)]
                for span_id in links.get(their_path, [])
                if (source, span_id) in self.span_ids
            ]
            if ids:
                self.links[gold_path] = ids

    def notes(self) -> str:
        """The annotators' notes for the reviewer, each beginning a line with its author's name
        (``alice: figures disputed``); a note's further lines are indented under it, so that
        every line not indented names who wrote what follows. Then the notes of records not
        done, their status beside the name (``carol (skipped): no release``)."""
        notes = [(name, record.note) for name, record in self.unit.records.items()]
        for name, (status, note) in self.unit.unfinished_notes.items():
            notes.append((f"{name} ({status.replace('_', ' ')})", note))
        return "\n".join(
            f"{who}: " + "\n  ".join(note.splitlines()) for who, note in notes if note.strip()
        )

    def data(self, reviewer: str, now: str) -> dict[str, Any]:
        """The gold record's fields, every one in ``GoldRecord``'s order (see the docstring)."""
        self.merge_spans()
        self.merge_form()
        for number, conflict in enumerate(self.conflicts, start=1):
            conflict["id"] = f"c{number}"
        empty_required = any(
            field.required and self.form.get(field.name) in (None, "", [])
            for field in self.scheme.fields
        )
        return {
            "schema_version": SCHEMA_VERSION,
            "doc_id": self.unit.doc_id,
            "doc_sha256": self.unit.sha256,
            "annotator": reviewer,
            "status": "in_progress" if self.conflicts or empty_required else "done",
            "spans": self.spans,
            "flagged": any(record.flagged for record in self.unit.records.values()),
            "form": self.form,
            "links": self.links,
            "note": self.notes(),
            "updated_at": now,
            "seconds_spent": 0.0,
            "sources": {
                "annotators": self.names,
                "spans": self.sources,
                "versions": {name: record.version for name, record in self.unit.records.items()},
                "min_agree": self.rule,
            },
            "conflicts": self.conflicts,
        }
