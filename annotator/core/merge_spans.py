"""One document's spans merged (``GoldBuilder``'s part, by the rules in ``merge``'s docstring).

This runs once per compared document, tens of thousands of times for a large corpus: spans are
compared as (start, end, label, value) keys taken from each record's span structs in C
(``map`` with ``attrgetter``), and a dict is made only for each span that is kept (one per accepted
span, one per span left in a conflict), never one per span of every annotator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from itertools import groupby, islice
from operator import attrgetter, eq, itemgetter
from typing import Any

from annotator.core.compare import Unit
from annotator.core.merge_outvoted import OutvotedNotes
from annotator.core.merge_versions import Versions, ordered_versions, settled_by_nothing
from annotator.core.record_lines import SpanLine

SpanKey = tuple[int, int, str, Hashable]
# A span left out of the accepted ones, sortable as the conflicts need it: (start, end, label,
# its annotator's index in the unit, rank of its key, its index in the record, text, value).
LeftSpan = tuple[int, int, str, int, int, int, str, Hashable]


_PLACE = itemgetter(0, 1, 2)  # a span key's (start, end, label)
_KEY_VALUE = attrgetter("start", "end", "label", "value")  # a span's key
_ID = attrgetter("id")
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


def _left(keys: list[SpanKey], mine: set[SpanKey], agreed: set[SpanKey]) -> list[int]:
    """The indexes of one annotator's spans (``keys``; ``mine``: as a set) not ``agreed``."""
    if mine <= agreed:  # every span agreed: told without making the set of those left
        return []
    # One pass over the keys: finding each left key with ``keys.index`` and sorting the
    # indexes took longer than this over the bench's 30,000 records.
    return [index for index, key in enumerate(keys) if key not in agreed]


def _value_disputes(left: list[LeftSpan], annotators: int) -> list[tuple[list[LeftSpan], int]]:
    """The places (start, end, label) where every annotator left one span, each a conflict of
    its own (with its end): they agree on the span and dispute its value only. Within a run of
    other spans it was lumped with them: a trial's count "95" both marked (95 / 96) inside
    releasees of other bounds could not be kept while drawing the releasee, nor its value
    typed (``v`` types one place's value)."""
    # None when no place holds as many spans as there are annotators, told in C (``left`` is
    # sorted by place): most documents have none, and grouping each one's spans took time.
    places = list(map(_PLACE, left))
    if not any(map(eq, places, islice(places, annotators - 1, None))):
        return []
    found = []
    for _place, group in groupby(left, _PLACE):
        spans = list(group)
        if len(spans) == annotators and len({item[3] for item in spans}) == annotators:
            found.append((spans, spans[0][1]))
    return found


def _compete(one: LeftSpan, other: LeftSpan) -> bool:
    """Whether two overlapping spans answer the same question: under one label (other bounds),
    at the same place (other labels), or crossing. A span of another label inside it (a count
    inside a releasee) is a question of its own."""
    if one[2] == other[2] or (one[0], one[1]) == (other[0], other[1]):
        return True
    inside = (one[0] <= other[0] and other[1] <= one[1]) or (
        other[0] <= one[0] and one[1] <= other[1]
    )
    return not inside


def _questions(run: list[LeftSpan]) -> list[list[LeftSpan]]:
    """A run of overlapping left spans split into the groups of spans competing with each
    other (``_compete``, transitively), each in the run's order."""
    group_of = list(range(len(run)))

    def root(at: int) -> int:
        while group_of[at] != at:
            group_of[at] = group_of[group_of[at]]
            at = group_of[at]
        return at

    for at, one in enumerate(run):
        for later in range(at + 1, len(run)):
            other = run[later]
            if other[0] >= one[1]:
                break  # sorted by start: none after overlaps ``one``
            if _compete(one, other):
                group_of[root(later)] = root(at)
    groups: dict[int, list[LeftSpan]] = {}
    for at, item in enumerate(run):
        groups.setdefault(root(at), []).append(item)
    return list(groups.values())


def _overlap_runs(left: list[LeftSpan]) -> list[tuple[list[LeftSpan], int]]:
    """Runs of overlapping spans (``left`` sorted by start), each with its end."""
    runs: list[tuple[list[LeftSpan], int]] = []
    if not left:
        return runs
    run = [left[0]]
    end = left[0][1]
    for item in left[1:]:
        if item[0] < end:
            run.append(item)
            end = max(end, item[1])
        else:
            runs.append((run, end))
            run = [item]
            end = item[1]
    runs.append((run, end))
    return runs


def _region_order(region: tuple[list[LeftSpan], int]) -> tuple[int, int, LeftSpan]:
    spans, end = region
    return (spans[0][0], end, spans[0])


class SpanMerge:
    """The spans of one document's merge: accepted spans, their sources, span conflicts."""

    unit: Unit
    names: list[str]
    threshold: int
    spans: list[dict[str, Any]]
    sources: dict[str, list[str]]
    span_ids: dict[str, dict[str, str | None]]  # annotator -> their span id -> gold id
    conflicts: list[dict[str, Any]]
    their_links: dict[str, dict[str, list[str]]]
    linked: bool  # some annotator has links
    outvoted: OutvotedNotes  # what K annotators outvoted, left out of gold (said by merge)

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
            # Most accepted spans every annotator marked: theirs is one list (not changed), as
            # above; asking each annotator of each such span cost --min-agree 2 30 ms.
            everyone = set.intersection(*marked)
            all_names = names.copy()
            for gold_id, key in zip(gold_ids, accepted, strict=True):
                if key in everyone:
                    owners.append(0)
                    self.sources[gold_id] = all_names
                    continue
                who = [name for name, mine in zip(names, marked, strict=True) if key in mine]
                owners.append(names.index(who[0]))
                self.sources[gold_id] = who
        self._accept(accepted, gold_ids, owners, keys_of, flats)
        if self.linked:
            # Every span's gold id, None when it is not gold (in C: a loop per span cost a
            # linked merge a tenth of its time).
            gold_of = dict(zip(accepted, gold_ids, strict=True))
            for name, keys, flat in zip(names, keys_of, flats, strict=True):
                self.span_ids[name] = dict(zip(map(_ID, flat), map(gold_of.get, keys), strict=True))
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
        regions = _value_disputes(left, len(self.names)) if len(left) >= len(self.names) else []
        if regions:
            alone = {id(item) for region, _end in regions for item in region}
            left = [item for item in left if id(item) not in alone]
        if self.threshold < len(self.names):
            left = self._not_outvoted(left)
        # Runs of overlapping spans (sorted by start): each run is one conflict's region, the
        # runs in document order as they come (none overlaps the next).
        runs = _overlap_runs(left)
        if regions:
            regions.extend(runs)
            regions.sort(key=_region_order)  # the value disputes put among the runs
        else:
            regions = runs
        for region, end in regions:
            self._span_conflict(region, end)

    def _not_outvoted(self, left: list[LeftSpan]) -> list[LeftSpan]:
        """``left`` without the spans K annotators agree are not there, question by question
        (``_questions``): where K marked none of a question's spans, and more of them than
        gave any one version of it. A region can hold two such questions, each outvoted by
        other annotators (a count of 96 by one, a longer releasee around it by another): as a
        whole it had no K annotators marking nothing, and stayed in conflict for nobody."""
        kept: list[LeftSpan] = []
        for run, _end in _overlap_runs(left):
            questions = _questions(run) if len(run) > 1 else [run]
            for question in questions:
                if len(question) == 1:
                    # One annotator's one span, the others' nothing (most questions): settled
                    # as ``settled_by_nothing`` settles those two versions, without making them.
                    nothing = len(self.names) - 1
                    if nothing < self.threshold or nothing <= 1:
                        kept.extend(question)
                    else:
                        self._outvote(question)
                    continue
                versions: Versions = {}
                for at, name in enumerate(self.names):
                    given = tuple(_FINGERPRINT(item) for item in question if item[3] == at)
                    versions.setdefault(given, ([], []))[1].append(name)
                if not settled_by_nothing(versions, self.threshold):
                    kept.extend(question)
                else:
                    self._outvote(question)
        kept.sort()
        return kept

    def _outvote(self, spans: list[LeftSpan]) -> None:
        """Note ``spans``, left out of gold as outvoted, each with who marked it."""
        names = self.names
        for start, stop, label, at, _rank, _index, text, value in spans:
            self.outvoted.span(start, stop, label, text, value, [names[at]])

    def _span_conflict(self, region: list[LeftSpan], end: int) -> None:
        """The conflict of one region (``end``: its end), each annotator's spans there one
        version, alike versions one."""
        names = self.names
        # (``who`` made by hand, not by a comprehension: three in five regions come here.)
        if len(region) == 1:
            if len(names) > 1:
                self._one_span_conflict(region, end, [names[region[0][3]]])
                return
        elif (
            len(region) == 2
            and region[0][3] != region[1][3]
            and _FINGERPRINT(region[0]) == _FINGERPRINT(region[1])
            and len(names) > 2
        ):
            self._one_span_conflict(region, end, [names[region[0][3]], names[region[1][3]]])
            return
        # fingerprint -> (the spans of the first annotator giving it, who gave it)
        versions: Versions = {}
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
        if settled_by_nothing(versions, self.threshold):
            self._outvote(region)
            return
        self.conflicts.append(
            {
                "id": "",
                "kind": "span",
                "region": [region[0][0], end],
                "versions": [
                    {"spans": spans, "annotators": who} for spans, who in ordered_versions(versions)
                ],
            }
        )

    def _one_span_conflict(self, region: list[LeftSpan], end: int, who: list[str]) -> None:
        """``_span_conflict`` of a region that is one span, marked alike by ``who`` (one span
        each) and by nobody else: its two versions made directly. Three in five conflicts of
        three annotators are such (two marked a span the third did not, or one marked it),
        and the general way (its dicts, its sort) took a tenth longer over them
        (``bench.compare``)."""
        nobody = self.names.copy()  # (by hand, as ``who`` is)
        for name in who:
            nobody.remove(name)
        if len(nobody) >= self.threshold and len(who) < len(nobody):
            # settled by nothing (``settled_by_nothing``): K and more marked none
            self._outvote(region)
            return
        start, stop, label, _at, _rank, _index, text, value = region[0]
        marked = {
            "spans": [{"start": start, "end": stop, "label": label, "text": text, "value": value}],
            "annotators": who,
        }
        empty = {"spans": [], "annotators": nobody}
        # As ``ordered_versions`` orders them: more annotators first, then by the first name.
        first = len(who) > len(nobody) or (len(who) == len(nobody) and who[0] < nobody[0])
        self.conflicts.append(
            {
                "id": "",
                "kind": "span",
                "region": [start, end],
                "versions": [marked, empty] if first else [empty, marked],
            }
        )
