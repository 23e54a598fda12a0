"""``annotator merge``: gold records of what annotators agree on, the rest left as open conflicts.

For each compared document (``compare``: ``done`` by two or more annotators, same text), with
a threshold ``K`` (``--min-agree``; by default every annotator of the document):

- A span is accepted when at least K annotators marked it with the same start, end, label and
  normalised value. Accepted spans get new ids ``s1``, ``s2``... in document order, and
  ``sources.spans`` says who marked each.
- The spans that are not accepted are grouped into *regions*: runs of overlapping spans, from
  any annotator. Each region is one open conflict, unless at least K annotators marked nothing
  there beyond the accepted spans (and more of them than gave any other version): they agree
  there is nothing more, as K annotators giving one answer to a field agree on it, and the
  region is settled without the spans the others marked. (With K = every annotator this never
  happens: somebody marked the spans that make the region.) With K below every annotator this
  is first asked question by question: the spans of a run that compete (one label, other
  bounds; one place, other labels; crossing) are one question, a span of another label inside
  one (a count inside a releasee) another, and a question K annotators left empty (and more
  than gave any one version of it) is settled so, whatever the rest of the run holds. A place
  (start, end, label) where every annotator left one span, its value alone disputed, is a
  conflict of its own, its region the span's, even inside another region (``merge_spans``): a
  review settles its value apart.
- A top-level form field is accepted when at least K annotators give the same normalised answer
  (and no other answer has as many); otherwise it is a conflict. A repeatable group's items are
  first aligned into "the same item" across annotators (``form_compare.align_items``: equal
  frames, then items agreeing on more than half of the fields either filled, so a release
  with a count of 187 and the same release with 210 are one item). An item that K annotators
  or more hold is gold's (in the order of the first annotator holding it), each of its fields
  merged as a top-level field is among those annotators: a value at least K of them give (and
  more than any other) is accepted; otherwise gold leaves the field empty (null, or [] for a
  list) and a conflict at its path (``releases[0].count``) holds the values given. An item
  that fewer than K annotators hold is a conflict of its own at the group's path
  (``releases``), taken or rejected on its own, whatever is decided about the others: its
  versions are the item as its holders gave it, unless at least K annotators do not hold it
  (and more of them than gave any version of it), who agree it is not there. An empty item
  (no value in any field, no link: ``form_compare``) is no frame: left out, it never reaches
  gold, and a done gold record holds none (an item whose only link is to a span that is not
  gold holds nothing there).
- Links (form path -> span ids) are carried over for accepted fields (an item's field by
  field), from the first annotator (by name) who gave the answer, mapped to the gold spans'
  ids; links to spans that were not accepted are dropped.

What K annotators outvoted so (a span, an answer, an item left out with no conflict) is noted
by the merge that decides it (``merge_outvoted``): ``merge_files`` returns it (``outvoted``),
``annotator merge`` and the review say it.

A gold record with open conflicts (or an empty required field) has status ``in_progress``;
otherwise ``done``. Its ``annotator`` is the reviewer, ``flagged`` is set when any annotator
flagged the document, and its ``note`` holds the annotators' notes for the reviewer, each
beginning a line with its author (``alice: figures disputed``; its further lines indented by
two spaces; empty when none wrote one), then the notes of the document's records not done, the
status beside the name (``carol (skipped): no release``: a skip's reason is for the reviewer).

Conflict objects (``GoldRecord.conflicts``), which a review settles one by one::

    {"id": "c1", "kind": "span", "region": [13, 26],
     "versions": [{"spans": [{"start": 13, "end": 16, "label": "count", "text": "146",
                              "value": 146}], "annotators": ["alice"]},
                  {"spans": [], "annotators": ["bob"]}]}

    {"id": "c2", "kind": "field", "path": "event_type",
     "versions": [{"value": "exchange", "annotators": ["alice", "carol"]},
                  {"value": "announcement", "annotators": ["bob"]}]}

    {"id": "c3", "kind": "field", "path": "releases[0].count",
     "versions": [{"value": 187, "annotators": ["alice", "carol"],
                   "links": {"releases[0].count": [{"start": 40, "end": 43, "label": "count",
                                                    "text": "187", "value": 187}]}},
                  {"value": 210, "annotators": ["bob"]}]}

``id`` is unique within the record (``c1``... span regions in document order, then fields in
scheme order: a group's item fields, item by item, before the conflicts of the items fewer
than K hold, in the order of the first annotator holding each). Every annotator of the
document is in exactly one version of each conflict, except a conflict over a field of an
item, whose versions are those of the annotators holding the item (at least K), and a
conflict over an item fewer than K hold, whose versions are those of its holders (the others
gave no such item: ``review_views`` names them); versions are ordered by how many annotators
gave them, then by name. A span version lists what that annotator marked within the region
beyond the accepted spans (``[]``: nothing); its spans carry no ids. A field version's
``value`` is the answer as written (null when empty); for a group (``"path": "releases"``) it
is a list of the item as those annotators gave it, one item::

    {"id": "c4", "kind": "field", "path": "releases",
     "versions": [{"value": [{"released_by": "Ukraine", "count": 12}],
                   "annotators": ["bob"]}]}

(a gold file an older merge wrote may hold one group conflict whose versions are each
annotator's every item not accepted, an empty list for none: it is settled the same way,
taking a version appending all of its items), and ``links``, when any of them is linked, their
links: ``{"releases[0].count": [{"start": 13, "end": 21, "label": "count", "text":
"hundreds", "value": null}]}`` (an item's index in the version's list; the spans as a span
version lists them, gold or not; ``merge_form``). A version of an item's field carries its
links likewise, under the conflict's path. Where not every annotator of a version linked a
field's spans so (one typed the value by hand, or linked another span), ``linked_by`` names
who did, by the same paths: ``{"releases[0].received_by": ["alice"]}``.
Taking a version adds its spans (or sets its value, or appends its item) to the gold record;
taking several adds each; rejecting all adds nothing.

One document's merge is ``merge_document.GoldBuilder``'s; it gives the gold record's fields,
which are written as a line without making a model when they are valid as they stand
(``goldfile.gold_line``: the same bytes as the model's, the same refusals).
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.compare import (
    Comparison,
    Unit,
    collector_paused,
    load_comparison,
    refuse_reviewer_among_annotators,
    some_of,
)
from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.export_out import make_folders
from annotator.core.goldfile import gold_line, write_gold_lines
from annotator.core.merge_document import GoldBuilder
from annotator.core.merge_outvoted import Outvoted
from annotator.core.models import GoldRecord
from annotator.core.real_path import real_path
from annotator.core.rescue_taken import judge_rescues
from annotator.core.scheme import Scheme
from annotator.core.texts_alike import refuse_texts_that_differ
from annotator.core.write_target import write_target


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def merged_data(
    units: Iterable[Unit],
    scheme: Scheme,
    reviewer: str,
    min_agree: int | None = None,
    now: str | None = None,
    outvoted: list[Outvoted] | None = None,
) -> Iterator[dict[str, Any]]:
    """Each unit's gold record as a dict of its fields (``GoldBuilder.data``), made as asked
    for; K = ``min_agree``, or all annotators; ``updated_at`` is ``now`` (default: the time);
    what K annotators outvoted, left out of gold, is added to ``outvoted`` when given."""
    stamp = now or utc_now()
    for unit in units:
        builder = GoldBuilder(unit, min_agree, scheme)
        data = builder.data(reviewer, stamp)
        if outvoted is not None:
            outvoted.extend(builder.outvoted.found())
        yield data


def outvoted_in(unit: Unit, scheme: Scheme, min_agree: int | None) -> list[Outvoted]:
    """What merging ``unit`` with K = ``min_agree`` leaves out of gold as outvoted (none with
    every annotator agreeing): the review says it for the document on screen."""
    if min_agree is None or min_agree >= len(unit.records):
        return []  # settled only by every annotator: nothing is outvoted
    builder = GoldBuilder(unit, min_agree, scheme)
    builder.data("", utc_now())
    return builder.outvoted.found()


def merge_units(
    units: Iterable[Unit], scheme: Scheme, reviewer: str, min_agree: int | None = None
) -> Iterator[GoldRecord]:
    """One gold record (model) per unit, made as asked for; K = ``min_agree``, or all."""
    for data in merged_data(units, scheme, reviewer, min_agree):
        yield GoldRecord.model_validate(data)


def merged_lines(
    units: Iterable[Unit],
    scheme: Scheme,
    reviewer: str,
    min_agree: int | None = None,
    now: str | None = None,
    outvoted: list[Outvoted] | None = None,
) -> Iterator[tuple[dict[str, Any], bytes]]:
    """Each unit's gold record as (its fields, its checked line): the line
    ``record_line(model)`` would give, made without the model (``goldfile.gold_line``);
    ``outvoted`` as ``merged_data`` takes it."""
    for data in merged_data(units, scheme, reviewer, min_agree, now, outvoted):
        yield data, gold_line(data)


class _Tally:
    """Counts of the gold records as they pass on their way to the file."""

    def __init__(self) -> None:
        self.documents = self.done = self.spans = 0
        self.conflicts: Counter[str] = Counter()

    def count(self, lines: Iterable[tuple[dict[str, Any], bytes]]) -> Iterator[bytes]:
        for data, line in lines:
            self.documents += 1
            self.done += data["status"] == "done"
            self.spans += len(data["spans"])
            self.conflicts.update(conflict["kind"] for conflict in data["conflicts"])
            yield line


def refuse_bad_request(files: list[Path], output: Path, min_agree: int | None) -> None:
    """A usage error for a ``--min-agree`` under 2 or an output that is one of the journals."""
    if min_agree is not None and min_agree < 2:
        raise UsageError(
            f"--min-agree {min_agree}: K is how many annotators must agree, at least 2"
        )
    # real_path: a loop of links is one line (Path.resolve raised RuntimeError for it).
    resolved = real_path(output, "cannot write")
    if any(real_path(file, "cannot read") == resolved for file in files):
        raise UsageError(f"-o {output}: is one of the journals being merged; choose another file")
    write_target(output)  # a named pipe or a device refused before a journal is read


def refuse_gold_files(comparison: Comparison, command: str = "merge") -> None:
    """An error for a gold file given as a journal to merge or review (``command``): merged
    as one more annotator, its reviewer's decisions would count as a vote."""
    for file in comparison.gold:
        # A reviewer who gave the gold file to resume among the journals: it goes after -o.
        resume = "; a gold file to go on with is given with -o" if command == "review" else ""
        raise AnnotatorError(
            f"{file}: is a gold file (its records have sources and conflicts), not an "
            f"annotator's journal: {command} takes the annotators' journals{resume}"
        )


def refuse_min_agree_over(min_agree: int | None, comparison: Comparison) -> None:
    """A usage error for a ``--min-agree`` over the number of annotators compared."""
    if min_agree is not None and min_agree > len(comparison.annotators):
        raise UsageError(
            f"--min-agree {min_agree}: only {len(comparison.annotators)} annotators are compared"
        )


def merge_files(
    files: list[Path],
    output: Path,
    scheme: Scheme,
    reviewer: str,
    min_agree: int | None = None,
    force: bool = False,
    corpus: Corpus | None = None,
    leave_out_unknown: bool = False,
) -> dict[str, Any]:
    """Read journals, merge them and write the gold file (the core of ``annotator merge``);
    ``leave_out_unknown`` as ``load_comparison`` takes it."""
    refuse_bad_request(files, output, min_agree)
    # The records are freed (by the helper's return) before the collector resumes: alive,
    # its first pass would walk every one of them (tens of milliseconds) for nothing.
    with collector_paused():
        return _merge(files, output, scheme, reviewer, min_agree, force, corpus, leave_out_unknown)


def _merge(
    files: list[Path],
    output: Path,
    scheme: Scheme,
    reviewer: str,
    min_agree: int | None,
    force: bool,
    corpus: Corpus | None,
    leave_out_unknown: bool = False,
) -> dict[str, Any]:
    comparison = load_comparison(
        files, scheme, corpus, doing="merged", leave_out_unknown=leave_out_unknown
    )
    refuse_gold_files(comparison)
    refuse_reviewer_among_annotators(comparison, reviewer)
    refuse_min_agree_over(min_agree, comparison)
    refuse_texts_that_differ(comparison)
    refuse_gold_with_rescue(output)
    tally = _Tally()
    outvoted: list[Outvoted] = []
    lines = merged_lines(comparison.units, scheme, reviewer, min_agree, outvoted=outvoted)
    # Written over only when it holds no review decisions, or with ``force``.
    replaced = output.is_file()
    made = make_folders([output])  # as import and export make a missing folder, said
    kept, other_names_kept = write_gold_lines(output, tally.count(lines), force)
    return {
        "output": str(output),
        "replaced": replaced,
        "forced": force,
        # A gold file a review worked on, replaced with --force: where it is kept (``gold_kept``).
        "kept_aside": str(kept.aside) if kept else None,
        "documents": tally.documents,
        "done": tally.done,
        "in_progress": tally.documents - tally.done,
        "conflicts": {"span": tally.conflicts["span"], "field": tally.conflicts["field"]},
        "spans": tally.spans,
        "single_annotator": len(comparison.single),
        "excluded": [item.as_json() for item in comparison.excluded],
        "notes": [
            *comparison.notes,
            *_too_few_notes(comparison, min_agree),
            *([kept.said()] if kept else []),
            *([other_names_kept] if other_names_kept else []),
        ],
        "made_folders": [str(folder) for folder in made],
        # Left out of gold with no conflict: said, never silently dropped.
        "outvoted": [one.as_json() for one in outvoted],
    }


def refuse_gold_with_rescue(output: Path) -> None:
    """Refuse to replace a gold file whose review decisions wait in a rescue file (a review
    that could not write them): replaced, the decisions were left behind, and the next review
    refused to open over them (a trial's merge said only "no review decisions in it"). rename
    refuses a journal with one the same way."""
    if not output.is_file():
        return
    for rescue in judge_rescues(output).rescues:
        if rescue.in_journal:
            continue
        count = len(rescue.records)
        held = "1 review decision" if count == 1 else f"{count} review decisions"
        path = shlex.quote(str(rescue.path))
        raise AnnotatorError(
            f"{output}: its rescue file {rescue.path} ({held} a review could not write) is "
            "not in it yet: replaced now, they would be left behind; run `annotator review` "
            f"writing it first (which appends the file), or set the file aside (mv {path} "
            f"{path}.kept), then merge (nothing was written)"
        )


def _too_few_notes(comparison: Comparison, min_agree: int | None) -> list[str]:
    """A note on the documents that fewer than ``min_agree`` annotators finished: nothing in
    them can be accepted, so every span and answer is a conflict for the review."""
    if min_agree is None:
        return []
    few = [unit.doc_id for unit in comparison.units if len(unit.records) < min_agree]
    if not few:
        return []
    return [
        f"{len(few)} document(s) finished by fewer than --min-agree {min_agree} annotators "
        f"({some_of(few)}): nothing in them is accepted; every span and answer is left to the "
        "review"
    ]
