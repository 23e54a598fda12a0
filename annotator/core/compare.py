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
- A document is compared when two or more annotators have a ``done`` record of it with the same
  ``doc_sha256``. Without a corpus, a document whose annotators saw different texts is excluded
  whole; with one, records whose hash is not the corpus text's are excluded as stale and the
  rest compared. Every exclusion is reported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.journal import read_journal
from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.validate import scheme_problems


@dataclass(frozen=True)
class Excluded:
    """A document (or some records of it) left out of the comparison, and why."""

    doc_id: str
    reason: str
    annotators: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "reason": self.reason, "annotators": list(self.annotators)}


@dataclass(frozen=True)
class Unit:
    """One compared document: the ``done`` record of each annotator who finished it."""

    doc_id: str
    sha256: str
    records: dict[str, Record]  # annotator -> record, annotators in sorted order


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

    def text(self, unit: Unit) -> str | None:
        """The text the unit's annotators saw, when a corpus was given."""
        if self.corpus is None:
            return None
        return self.corpus.get(unit.doc_id).text


@dataclass
class _Latest:
    """The latest record of each (annotator, doc_id) over all files, with where it came from."""

    records: dict[tuple[str, str], tuple[Path, int, Record]] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _read_latest(files: list[Path], scheme: Scheme) -> _Latest:
    latest = _Latest()
    for file in files:
        contents = read_journal(file)
        if contents.problems:
            first = contents.problems[0]
            more = len(contents.problems) - 1
            extra = f" (and {more} more; run `annotator validate {file}`)" if more else ""
            raise AnnotatorError(first.format(file) + extra)
        if contents.torn is not None:
            latest.notes.append(
                f"{file}:{contents.torn.line}: incomplete last line (an interrupted write) left out"
            )
        in_file: dict[tuple[str, str], tuple[Path, int, Record]] = {}
        for line, record in contents.records:
            in_file[(record.annotator, record.doc_id)] = (file, line, record)
        for name in sorted({annotator for annotator, _doc in in_file}):
            other = latest.files.get(name)
            if other is not None:
                same = " (the same file given twice?)" if other.resolve() == file.resolve() else ""
                raise AnnotatorError(
                    f"{file}: annotator {name!r} also has records in {other}{same}: each "
                    "annotator's work must come from one journal; two people sharing a name "
                    "must be renamed before they can be compared"
                )
            latest.files[name] = file
        for (_name, _doc), (_file, line, record) in in_file.items():
            _check_against_scheme(file, line, record, scheme)
        latest.records.update(in_file)
    return latest


def _check_against_scheme(file: Path, line: int, record: Record, scheme: Scheme) -> None:
    for path, message in scheme_problems(record, scheme):
        hint = ""
        if message.startswith("unknown label"):
            hint = "; were these journals made with another scheme? pass it with --scheme FILE"
        raise AnnotatorError(f"{file}:{line}: {path}: {message}{hint}")


def load_comparison(files: list[Path], scheme: Scheme, corpus: Corpus | None = None) -> Comparison:
    """Read journals and pair up their ``done`` records (see the module docstring)."""
    if not files:
        raise AnnotatorError("no journals given")
    latest = _read_latest(files, scheme)
    names = sorted(latest.files)
    where = ", ".join(str(file) for file in files)
    if len(names) < 2:
        who = f"only one annotator ({names[0]})" if names else "no records"
        raise AnnotatorError(
            f"{where}: {who}: comparing needs the journals of two or more annotators"
        )
    done: dict[str, dict[str, Record]] = defaultdict(dict)
    for (name, doc_id), (_file, _line, record) in latest.records.items():
        if record.status == "done":
            done[doc_id][name] = record
    units: list[Unit] = []
    excluded: list[Excluded] = []
    single: list[str] = []
    for doc_id in sorted(done):
        by_name = done[doc_id]
        if len(by_name) < 2:
            single.append(doc_id)
            continue
        unit = _unit(doc_id, by_name, corpus, excluded)
        if unit is not None:
            units.append(unit)
    if not units:
        raise AnnotatorError(_nothing_to_compare(where, names, done, excluded))
    compared = sorted({name for unit in units for name in unit.records})
    return Comparison(
        annotators=compared,
        units=units,
        excluded=excluded,
        notes=latest.notes,
        files=latest.files,
        corpus=corpus,
        single=single,
    )


def _unit(
    doc_id: str, by_name: dict[str, Record], corpus: Corpus | None, excluded: list[Excluded]
) -> Unit | None:
    names = tuple(sorted(by_name))
    if corpus is not None:
        if doc_id not in corpus:
            excluded.append(Excluded(doc_id, f"not in the corpus {corpus.path}", names))
            return None
        sha = corpus.get(doc_id).sha256
        stale = tuple(name for name in names if by_name[name].doc_sha256 != sha)
        if stale:
            excluded.append(Excluded(doc_id, "stale: doc_sha256 is not the corpus text's", stale))
        kept = {name: by_name[name] for name in names if name not in stale}
        return Unit(doc_id, sha, kept) if len(kept) >= 2 else None
    hashes = {record.doc_sha256 for record in by_name.values()}
    if len(hashes) > 1:
        excluded.append(
            Excluded(doc_id, "doc_sha256 differs: the annotators saw different texts", names)
        )
        return None
    return Unit(doc_id, hashes.pop(), {name: by_name[name] for name in names})


def _nothing_to_compare(
    where: str, names: list[str], done: dict[str, dict[str, Record]], excluded: list[Excluded]
) -> str:
    counts = {name: 0 for name in names}
    for by_name in done.values():
        for name in by_name:
            counts[name] += 1
    per_name = ", ".join(f"{name}: {count} done" for name, count in counts.items())
    why = ""
    if excluded:
        first = excluded[0]
        why = f"; {len(excluded)} excluded (first: {first.doc_id}, {first.reason})"
    return (
        f"{where}: no document is done by two or more annotators ({per_name}{why}): "
        "nothing to compare"
    )
