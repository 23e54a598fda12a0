"""Loading annotators' journals side by side: which records are compared, and why others are not.

``agree``, ``diff`` and ``merge`` all start here. The rules (design.md, "Agreement, diff,
adjudication"):

- Each journal is read whole; a damaged line is an error naming file and line. An incomplete
  last line (an interrupted write, perhaps by a session still running) is left out with a note.
- The last line of each (annotator, document) wins. One annotator's records must come from one
  file: the same name in two files is refused (the same journal given twice, or two people
  sharing a name), since a person cannot be compared with themselves.
- Every latest record is checked against the scheme in force, so journals made with another
  scheme are refused with the file, line and the unknown label, not compared into zeroes.
  Under a scheme given, what the journals hold that it does not know (a label removed, a
  choice renamed) is refused once, each part counted in each journal, or with
  ``--leave-out-unknown`` compared without it, each part said (``journals_kept``).
- A document is compared when two or more annotators have a ``done`` record of it with the same
  ``doc_sha256``. Without a corpus, a document whose annotators saw different texts is excluded
  whole; with one, records whose hash is not the corpus text's are excluded as stale and the
  rest compared. Every exclusion is reported.

How the journals are read, and why records are kept as ``Annotation`` objects:
``latest_records``.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.latest_records import read_latest_records
from annotator.core.names_alike import names_alike_notes
from annotator.core.scheme import Scheme
from annotator.core.validate import span_text_problems

_SHA256 = attrgetter("doc_sha256")


@dataclass(frozen=True)
class Excluded:
    """A document (or some records of it) left out of the comparison, and why."""

    doc_id: str
    reason: str
    annotators: tuple[str, ...]
    # Only these annotators' records are left out: the document is compared between the
    # others (a trial read "1 document(s) left out: 01 (bob)" of a document still compared).
    still_compared: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "reason": self.reason,
            "annotators": list(self.annotators),
            "still_compared": self.still_compared,
        }


@dataclass(frozen=True)
class Unit:
    """One compared document: the ``done`` record of each annotator who finished it."""

    doc_id: str
    sha256: str
    records: dict[str, Annotation]  # annotator -> record, annotators in sorted order
    # annotator -> (status, note) of the records of this text not done that hold a note (a
    # skip's reason): merge carries them to the reviewer with the done records' notes.
    unfinished_notes: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Comparison:
    """What is compared: annotators, units in doc id order, exclusions, and notes to show."""

    annotators: list[str]
    units: list[Unit]
    excluded: list[Excluded] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # every annotator -> their journal
    corpus: Corpus | None = None
    single: list[str] = field(default_factory=list)  # docs done by one annotator only
    # Gold files among the journals (file -> a reviewer's name): compared as an annotator by
    # agree and diff (how far alice agrees with gold), refused by merge.
    gold: dict[Path, str] = field(default_factory=dict)
    # The latest record of each (annotator, doc id), done or not, compared or not: diff tells
    # what each annotator did of a document it does not compare (a skip and its reason).
    latest: dict[tuple[str, str], Annotation] = field(default_factory=dict)

    def text(self, unit: Unit) -> str | None:
        """The text the unit's annotators saw, when a corpus was given."""
        if self.corpus is None:
            return None
        return self.corpus.get(unit.doc_id).text


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of objects are kept.

    Every kept object counts towards the collector's next pass, and each pass walks all of
    them again: loading 30,000 records took a third longer with it running. Nothing made here
    is cyclic, so reference counting frees it all the same; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_comparison(
    files: list[Path],
    scheme: Scheme,
    corpus: Corpus | None = None,
    doing: str = "compared",
    need_compared: bool = True,
    leave_out_unknown: bool = False,
) -> Comparison:
    """Read journals and pair up their ``done`` records (see the module docstring).

    ``doing`` is the word the notes use for what becomes of the records paired ("merged" for
    merge and review: a reviewer read "not compared" where records were left out of gold).
    No document compared is refused, saying why, unless not ``need_compared``: ``diff --doc``
    says what each annotator did of one document whether or not any other is compared.
    ``leave_out_unknown``: the records are read without what the scheme does not know, each
    part said in a note (``journals_kept``), rather than refused."""
    if not files:
        raise AnnotatorError("no journals given")
    # Paused while the records are read and paired too: pairing 10,000 documents made the
    # collector walk the 30,000 records kept several times over.
    with collector_paused():
        return _load(files, scheme, corpus, doing, need_compared, leave_out_unknown)


def _load(
    files: list[Path],
    scheme: Scheme,
    corpus: Corpus | None,
    doing: str,
    need_compared: bool,
    leave_out_unknown: bool,
) -> Comparison:
    latest = read_latest_records(
        files,
        scheme,
        corpus=corpus.path if corpus is not None else None,
        doing=doing,
        leave_out_unknown=leave_out_unknown,
    )
    names = sorted(latest.files)
    where = ", ".join(str(file) for file in files)
    # Each file given without a record is named: a trial's empty journal was dropped unsaid.
    empty = [f"{file}: holds no records: nothing of it is {doing}" for file in latest.empty]
    if len(names) < 2:
        who = f"only one annotator ({names[0]})" if names else "no records"
        verb = "holds" if len(latest.empty) == 1 else "hold"
        none_in = (
            f" ({', '.join(map(str, latest.empty))} {verb} no records)"
            if names and latest.empty
            else ""
        )
        raise AnnotatorError(
            f"{where}: {who}: comparing needs the journals of two or more annotators{none_in}"
        )
    done: dict[str, dict[str, Annotation]] = defaultdict(dict)
    not_done: defaultdict[tuple[str, str], list[str]] = defaultdict(list)  # (name, status)
    noted: list[Annotation] = []  # records not done that hold a note
    for (name, doc_id), record in latest.records.items():
        if record.status == "done":
            done[doc_id][name] = record
        else:
            not_done[(name, record.status)].append(doc_id)
            if record.note.strip():
                noted.append(record)
    units: list[Unit] = []
    excluded: list[Excluded] = []
    single: list[str] = []
    single_by_name: defaultdict[str, list[str]] = defaultdict(list)
    with corpus.kept_open() if corpus is not None else nullcontext():
        for doc_id in sorted(done):
            by_name = done[doc_id]
            if len(by_name) < 2:
                single.append(doc_id)
                single_by_name[next(iter(by_name))].append(doc_id)
                continue
            unit = _unit(doc_id, by_name, corpus, excluded, latest.files)
            if unit is not None:
                units.append(unit)
    if not units and need_compared:
        said = _nothing_to_compare(where, names, done, excluded, corpus)
        # A gold file given as a journal, fresh from merge, has no document done: say what
        # it is, or its reviewer reads as an annotator who finished nothing.
        for file, reviewer in latest.gold.items():
            said += f"; {file} is a gold file (reviewer {reviewer}), not an annotator's journal"
        for file in latest.empty:
            said += f"; {file} holds no records"
        raise AnnotatorError(said)
    _attach_unfinished_notes(units, noted)
    compared = sorted({name for unit in units for name in unit.records})
    # Names alike (bob, Bob) are two annotators, said: they may be one person.
    notes = [*latest.notes, *empty, *names_alike_notes(latest.files, latest.gold)]
    for file, reviewer in latest.gold.items():
        notes.append(f"{file}: a gold file: its records are {doing} as {reviewer}'s")
    if not_done:
        counts = "; ".join(
            f"{name} {len(doc_ids)} {status.replace('_', ' ')} ({some_of(doc_ids)})"
            for (name, status), doc_ids in sorted(not_done.items())
        )
        notes.append(f"records not done are not {doing}: {counts}")
    if single_by_name:
        # Said by agree too: a trial's curator saw carol's finished document missing from
        # the figures with no word why (merge and review said it, agree did not).
        notes.append(done_by_one_note(single_by_name))
    for name in names:
        if name not in compared:
            notes.append(
                f"{latest.files[name]}: {name} shares no done document with another "
                f"annotator: not {doing}"
            )
    return Comparison(
        annotators=compared,
        units=units,
        excluded=excluded,
        notes=notes,
        files=latest.files,
        corpus=corpus,
        single=single,
        gold=latest.gold,
        latest=latest.records,
    )


def refuse_reviewer_among_annotators(comparison: Comparison, reviewer: str) -> None:
    """Refuse a reviewer (merge, review) named as an annotator whose journal is read: gold
    records bear the reviewer's name, so a trial's gold by alice, beside alice's journal, was
    refused by agree and diff as one name in two files, and rename takes no gold file. The
    login name is both names' default, so one person annotating and reviewing met it unasked."""
    journal = comparison.files.get(reviewer)
    if journal is not None:
        raise UsageError(
            f"reviewer {reviewer!r} is one of the annotators ({journal}): gold records bear "
            f"the reviewer's name, so agree and diff could not tell gold from {reviewer}'s "
            "journal; name the reviewer otherwise with --reviewer NAME (without it, the "
            "reviewer is the login name)"
        )


def _attach_unfinished_notes(units: list[Unit], noted: list[Annotation]) -> None:
    """Give each unit the notes of its text's records not done (``Unit.unfinished_notes``);
    a trial's skip reason was in no gold note, and review said no annotator wrote one."""
    if not noted:
        return
    by_doc = {unit.doc_id: unit for unit in units}
    for record in sorted(noted, key=lambda record: record.annotator):
        unit = by_doc.get(record.doc_id)
        if unit is not None and record.doc_sha256 == unit.sha256:
            unit.unfinished_notes[record.annotator] = (record.status, record.note)


def done_by_one_note(by_name: Mapping[str, list[str]]) -> str:
    """The note on documents done by one annotator only: each one's count and first ids."""
    counts = "; ".join(
        f"{name} {len(doc_ids)} ({some_of(doc_ids)})" for name, doc_ids in sorted(by_name.items())
    )
    return f"done by one annotator only, so left out: {counts}"


def some_of(doc_ids: list[str], shown: int = 3) -> str:
    """The first ``shown`` of ``doc_ids`` in order, and how many more (for notes)."""
    ordered = sorted(doc_ids)
    more = f" and {len(ordered) - shown} more" if len(ordered) > shown else ""
    return ", ".join(ordered[:shown]) + more


def _unit(
    doc_id: str,
    by_name: dict[str, Annotation],
    corpus: Corpus | None,
    excluded: list[Excluded],
    files: dict[str, Path],
) -> Unit | None:
    names = tuple(sorted(by_name))
    if corpus is not None:
        if doc_id not in corpus:
            excluded.append(Excluded(doc_id, f"not in the corpus {corpus.path}", names))
            return None
        document = corpus.get(doc_id)
        sha = document.sha256
        stale = tuple(name for name in names if by_name[name].doc_sha256 != sha)
        kept = {name: by_name[name] for name in names if name not in stale}
        if stale:
            reason = "stale: doc_sha256 is not the corpus text's"
            excluded.append(Excluded(doc_id, reason, stale, still_compared=len(kept) >= 2))
        # The annotators saw this very text, so a span that is not what the text holds at
        # its offsets is a damaged record: refused as validate refuses it, never compared.
        for name, record in kept.items():
            problem = _text_problem(record, document.text)
            if problem is not None:
                raise AnnotatorError(f"{files[name]}:{record.line}: {problem}")
        return Unit(doc_id, sha, kept) if len(kept) >= 2 else None
    hashes = set(map(_SHA256, by_name.values()))  # in C: this runs for every document
    if len(hashes) > 1:
        excluded.append(
            Excluded(doc_id, "doc_sha256 differs: the annotators saw different texts", names)
        )
        return None
    return Unit(doc_id, hashes.pop(), {name: by_name[name] for name in names})


def _text_problem(record: Annotation, text: str) -> str | None:
    """``path: message`` of the record's first span that does not fit ``text``, or None."""
    spans = record.span_lines
    # The common case in one loop (a review opening on 30,000 records spent a quarter of a
    # second in the full check): when no character of the text is at U+0300 or above, none
    # joins the one before it (``tokens.character_around``'s own shortcut), so no span edge
    # can cut one, and a span fits when the text at its offsets is its text.
    if text.isascii() or max(text) < "\u0300":
        size = len(text)
        if all(span.end <= size and text[span.start : span.end] == span.text for span in spans):
            return None
    problem = next(span_text_problems(spans, text), None)
    return None if problem is None else f"{problem[0]}: {problem[1]}"


def _nothing_to_compare(
    where: str,
    names: list[str],
    done: dict[str, dict[str, Annotation]],
    excluded: list[Excluded],
    corpus: Corpus | None,
) -> str:
    shared = sum(1 for by_name in done.values() if len(by_name) >= 2)
    if shared:
        # Done by two or more, yet every one excluded: say why, most common reason first.
        reasons = Counter(item.reason for item in excluded)
        why = "; ".join(
            f"{count} {reason} (first: {next(i.doc_id for i in excluded if i.reason == reason)})"
            for reason, count in reasons.most_common()
        )
        hint = ""
        if corpus is not None:
            hint = f": is {corpus.path} the corpus these journals were made on?"
        return (
            f"{where}: none of the {shared} document(s) done by two or more annotators can be "
            f"compared: {why}{hint}"
        )
    counts = {name: 0 for name in names}
    for by_name in done.values():
        for name in by_name:
            counts[name] += 1
    per_name = ", ".join(f"{name}: {count} done" for name, count in counts.items())
    return (
        f"{where}: no document is done by two or more annotators ({per_name}): nothing to compare"
    )
