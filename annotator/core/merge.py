"""``annotator merge``: gold records of what annotators agree on, the rest left as open conflicts.

For each compared document (``compare``: ``done`` by two or more annotators, same text), with
a threshold ``K`` (``--min-agree``; by default every annotator of the document):

- A span is accepted when at least K annotators marked it with the same start, end, label and
  normalised value. Accepted spans get new ids ``s1``, ``s2``... in document order, and
  ``sources.spans`` says who marked each.
- The spans that are not accepted are grouped into *regions*: runs of overlapping spans, from
  any annotator. Each region is one open conflict.
- A top-level form field is accepted when at least K annotators give the same normalised answer
  (and no other answer has as many); otherwise it is a conflict. A repeatable group accepts each
  frame (item) that K annotators have; the frames left over form one conflict of the group.
- Links (form path -> span ids) are carried over for accepted fields and frames, from the first
  annotator (by name) who gave the answer, mapped to the gold spans' ids; links to spans that
  were not accepted are dropped.

A gold record with open conflicts (or an empty required field) has status ``in_progress``;
otherwise ``done``. Its ``annotator`` is the reviewer, ``flagged`` is set when any annotator
flagged the document.

Conflict objects (``GoldRecord.conflicts``), which a review settles one by one::

    {"id": "c1", "kind": "span", "region": [13, 26],
     "versions": [{"spans": [{"start": 13, "end": 16, "label": "count", "text": "146",
                              "value": 146}], "annotators": ["alice"]},
                  {"spans": [], "annotators": ["bob"]}]}

    {"id": "c2", "kind": "field", "path": "event_type",
     "versions": [{"value": "exchange", "annotators": ["alice", "carol"]},
                  {"value": "announcement", "annotators": ["bob"]}]}

``id`` is unique within the record (``c1``... span regions in document order, then fields in
scheme order). Every annotator of the document is in exactly one version of each conflict;
versions are ordered by how many annotators gave them, then by name. A span version lists what
that annotator marked within the region beyond the accepted spans (``[]``: nothing); its spans
carry no ids. A field version's ``value`` is the answer as written (null when empty); for a
group (``"path": "releases"``) it is the list of that annotator's frames that were not accepted.
Taking a version adds its spans (or sets its value, or appends its frames) to the gold record;
taking several adds each; rejecting all adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.compare import (
    Comparison,
    SpanView,
    Unit,
    collector_paused,
    load_comparison,
)
from annotator.core.corpus import Corpus
from annotator.core.errors import UsageError
from annotator.core.form_compare import field_value, frame_key
from annotator.core.goldfile import write_gold
from annotator.core.models import SCHEMA_VERSION, GoldRecord
from annotator.core.scheme import FormField, Scheme

SpanKey = tuple[int, int, str, Hashable]


def _key(span: SpanView) -> SpanKey:
    # A span's value is already in its one normal form (an int, or an ISO date: the scheme
    # checks both), so it is compared as it is.
    return (span.start, span.end, span.label, span.value)


def _span_body(span: SpanView) -> dict[str, Any]:
    return {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.text,
        "value": span.value,
    }


def _ordered_versions(
    versions: dict[Hashable, tuple[Any, list[str]]],
) -> list[tuple[Any, list[str]]]:
    return sorted(versions.values(), key=lambda item: (-len(item[1]), item[1][0]))


class _GoldBuilder:
    """One document's merge: accepted spans and fields, conflicts, links."""

    def __init__(self, unit: Unit, threshold: int, scheme: Scheme) -> None:
        self.unit = unit
        self.names = list(unit.records)
        self.threshold = threshold
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
        support: dict[SpanKey, list[tuple[str, SpanView]]] = {}
        for name, record in self.unit.records.items():
            for span in record.spans:
                key: SpanKey = (span.start, span.end, span.label, span.value)  # _key
                marks = support.get(key)
                if marks is None:
                    support[key] = [(name, span)]
                else:
                    marks.append((name, span))
        threshold = self.threshold
        accepted: list[SpanKey] = []
        left: list[tuple[SpanView, str]] = []
        for key, marks in support.items():
            if len(marks) >= threshold and len({name for name, _ in marks}) >= threshold:
                accepted.append(key)
            else:
                left += [(span, name) for name, span in marks]
        accepted.sort(key=lambda key: (key[0], key[1], key[2], repr(key[3])))
        for number, key in enumerate(accepted, start=1):
            gold_id = f"s{number}"
            marks = support[key]  # in annotator order: the first is the first by name
            self.spans.append({"id": gold_id, **_span_body(marks[0][1])})
            self.sources[gold_id] = list(dict.fromkeys([name for name, _ in marks]))
            for name, span in marks:
                self.span_ids[(name, span.id)] = gold_id
        left.sort(key=lambda item: (item[0].start, item[0].end, item[0].label, item[1]))
        for region in _regions(left):
            self._span_conflict(region)

    def _span_conflict(self, region: list[tuple[SpanView, str]]) -> None:
        mine: dict[str, list[dict[str, Any]]] = {name: [] for name in self.names}
        for span, name in region:
            mine[name].append(_span_body(span))
        versions: dict[Hashable, tuple[Any, list[str]]] = {}
        for name in self.names:
            spans = mine[name]
            fingerprint = tuple((s["start"], s["end"], s["label"], s["value"]) for s in spans)
            versions.setdefault(fingerprint, (spans, []))[1].append(name)
        self.conflicts.append(
            {
                "id": "",
                "kind": "span",
                "region": [min(s.start for s, _ in region), max(s.end for s, _ in region)],
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
        items = {
            name: [
                item for item in self.forms[name].get(group.name) or [] if isinstance(item, dict)
            ]
            for name in self.names
        }
        keys = {name: [frame_key(item, group) for item in items[name]] for name in self.names}
        if self._same_frames(group, items, keys):
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
        if len(versions) > 1 or next(iter(versions)) != ():
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

    def _same_frames(
        self,
        group: FormField,
        items: dict[str, list[dict[str, Any]]],
        keys: dict[str, list[tuple[Hashable, ...]]],
    ) -> bool:
        """The common case of ``_merge_group``: every annotator gave the same frames in the
        same order. Every frame is accepted, from the first annotator, with no conflict."""
        names = self.names
        first = keys[names[0]]
        if self.threshold > len(names) or any(keys[name] != first for name in names[1:]):
            return False
        source = min(names)
        gold_items = items[source]
        if self.their_links[source]:
            for index in range(len(gold_items)):
                paths = [f"{group.name}[{index}].{sub.name}" for sub in group.fields]
                self._carry_links(source, {path: path for path in paths})
        if gold_items or any(group.name in self.forms[name] for name in names):
            self.form[group.name] = gold_items
        return True

    def _carry_links(self, source: str, paths: dict[str, str]) -> None:
        """Copy ``source``'s links of ``paths`` (its path -> gold path) to gold span ids."""
        links = self.their_links[source]
        for their_path, gold_path in paths.items():
            ids = [
                self.span_ids[(source, span_id)]
                for span_id in links.get(their_path, [])
                if (source, span_id) in self.span_ids
            ]
            if ids:
                self.links[gold_path] = ids

    def build(self, reviewer: str, now: str) -> GoldRecord:
        self.merge_spans()
        self.merge_form()
        for number, conflict in enumerate(self.conflicts, start=1):
            conflict["id"] = f"c{number}"
        empty_required = any(
            field.required and self.form.get(field.name) in (None, "", [])
            for field in self.scheme.fields
        )
        records = self.unit.records.values()
        return GoldRecord.model_validate(
            {
                "schema_version": SCHEMA_VERSION,
                "doc_id": self.unit.doc_id,
                "doc_sha256": self.unit.sha256,
                "annotator": reviewer,
                "status": "in_progress" if self.conflicts or empty_required else "done",
                "spans": self.spans,
                "flagged": any(record.flagged for record in records),
                "form": self.form,
                "links": self.links,
                "updated_at": now,
                "sources": {"annotators": self.names, "spans": self.sources},
                "conflicts": self.conflicts,
            }
        )


def _regions(left: list[tuple[SpanView, str]]) -> list[list[tuple[SpanView, str]]]:
    """Runs of overlapping spans (sorted by start): each run is one conflict's region."""
    regions: list[list[tuple[SpanView, str]]] = []
    end = -1
    for span, name in left:
        if regions and span.start < end:
            regions[-1].append((span, name))
            end = max(end, span.end)
        else:
            regions.append([(span, name)])
            end = span.end
    return regions


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def merge_units(
    units: Iterable[Unit], scheme: Scheme, reviewer: str, min_agree: int | None = None
) -> Iterator[GoldRecord]:
    """One gold record per unit, made as asked for; K = ``min_agree``, or all annotators."""
    now = utc_now()
    for unit in units:
        yield _GoldBuilder(unit, min_agree or len(unit.records), scheme).build(reviewer, now)


class _Tally:
    """Counts of the gold records as they pass on their way to the file."""

    def __init__(self) -> None:
        self.documents = self.done = self.spans = 0
        self.conflicts: Counter[str] = Counter()

    def count(self, records: Iterable[GoldRecord]) -> Iterator[GoldRecord]:
        for record in records:
            self.documents += 1
            self.done += record.status == "done"
            self.spans += len(record.spans)
            self.conflicts.update(conflict["kind"] for conflict in record.conflicts)
            yield record


def _refuse_bad_request(files: list[Path], output: Path, min_agree: int | None) -> None:
    if min_agree is not None and min_agree < 2:
        raise UsageError(f"--min-agree {min_agree}: agreement needs at least 2 annotators")
    resolved = output.resolve()
    if any(file.resolve() == resolved for file in files):
        raise UsageError(f"-o {output}: is one of the journals being merged; choose another file")


def _refuse_min_agree_over(min_agree: int | None, comparison: Comparison) -> None:
    if min_agree is not None and min_agree > len(comparison.annotators):
        raise UsageError(
            f"--min-agree {min_agree}: only {len(comparison.annotators)} annotators are compared"
        )


def merge_in_memory(
    files: list[Path],
    output: Path,
    scheme: Scheme,
    reviewer: str,
    min_agree: int | None = None,
    corpus: Corpus | None = None,
) -> tuple[Comparison, list[GoldRecord]]:
    """The gold records ``merge_files`` would write to ``output``, built in memory and not
    written (a review starts from them); the same checks, the same refusals."""
    _refuse_bad_request(files, output, min_agree)
    with collector_paused():
        comparison = load_comparison(files, scheme, corpus)
        _refuse_min_agree_over(min_agree, comparison)
        gold = list(merge_units(comparison.units, scheme, reviewer, min_agree))
    return comparison, gold


def merge_files(
    files: list[Path],
    output: Path,
    scheme: Scheme,
    reviewer: str,
    min_agree: int | None = None,
    force: bool = False,
    corpus: Corpus | None = None,
) -> dict[str, Any]:
    """Read journals, merge them and write the gold file (the core of ``annotator merge``)."""
    _refuse_bad_request(files, output, min_agree)
    with collector_paused():
        comparison = load_comparison(files, scheme, corpus)
        _refuse_min_agree_over(min_agree, comparison)
        tally = _Tally()
        gold = merge_units(comparison.units, scheme, reviewer, min_agree)
        write_gold(output, tally.count(gold), force)
    return {
        "output": str(output),
        "documents": tally.documents,
        "done": tally.done,
        "in_progress": tally.documents - tally.done,
        "conflicts": {"span": tally.conflicts["span"], "field": tally.conflicts["field"]},
        "spans": tally.spans,
        "single_annotator": len(comparison.single),
        "excluded": [item.as_json() for item in comparison.excluded],
        "notes": comparison.notes,
    }
