"""``annotator stats``: per annotator, what is done, skipped, in progress, flagged, and spans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.journal import read_journal
from annotator.core.models import GoldRecord, Record
from annotator.core.scheme import Scheme
from annotator.core.stats_corpus import CorpusStanding, corpus_standings, unfit_notes
from annotator.core.validate_shape import not_a_journal


def annotator_stats(records: list[Record]) -> dict[str, dict[str, Any]]:
    """Figures per annotator over the latest record of each document; a reviewer's gold
    records also give ``open_conflicts``, the conflicts still to settle."""
    out: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.holds_nothing() and not isinstance(record, GoldRecord):
            continue  # not started: every change undone (the list says "new" too)
        entry = out.setdefault(
            record.annotator,
            {
                "done": 0,
                "skipped": 0,
                "in_progress": 0,
                "flagged": 0,
                "spans": Counter(),
                "seconds": 0.0,
            },
        )
        entry[record.status] += 1
        entry["flagged"] += int(record.flagged)
        entry["spans"].update(span.label for span in record.spans)
        entry["seconds"] += record.seconds_spent
        if isinstance(record, GoldRecord):
            entry["open_conflicts"] = entry.get("open_conflicts", 0) + len(record.conflicts)
    for entry in out.values():
        entry["spans"] = dict(sorted(entry["spans"].items()))
        entry["seconds"] = round(entry["seconds"], 3)
    return dict(sorted(out.items()))


def label_columns(
    figures: dict[str, dict[str, Any]], scheme: Scheme | None
) -> tuple[list[str], list[str]]:
    """The labels of the spans-per-label table, and those of them ``scheme`` lacks. Without a
    scheme, the labels counted, as the annotators' figures first hold them; with one (``stats
    --scheme``: a lead gives it to every command), each of its labels in its order, one no
    one marked counted 0, then the labels it lacks (kept from another scheme), to be marked:
    a trial's table put a label the scheme had dropped among the others, unsaid."""
    counted = list(dict.fromkeys(label for entry in figures.values() for label in entry["spans"]))
    if scheme is None:
        return counted, []
    known = [label.name for label in scheme.labels]
    lacked = [label for label in counted if scheme.label(label) is None]
    return [*known, *lacked], lacked


def stats_of_files(
    files: list[Path], on_note: Callable[[str], None] | None = None
) -> dict[str, dict[str, Any]]:
    """Stats over journals and gold files (``read_stats``), per annotator."""
    return read_stats(files, on_note).figures


@dataclass(frozen=True)
class FilesStats:
    """The figures per annotator (``annotator_stats``) and how many documents' latest
    records the files hold, so that files without records, or whose records all hold nothing
    (every change undone, or a stale record started over: annotate lists them new), are told
    apart from an empty table."""

    figures: dict[str, dict[str, Any]]
    records: int
    # Per annotator in ``figures``, how their records stand against the corpus given.
    standings: dict[str, CorpusStanding] | None = None
    # A name whose records more than one file holds (two gold files by one reviewer, a
    # journal copied under another name), with those files in the order given: its figures
    # are one row, said (``one_name_in_files``), where agree, diff and merge refuse it.
    in_several_files: dict[str, list[Path]] = field(default_factory=dict)

    def empty_words(self, files: list[Path]) -> str | None:
        """What to say instead of a table without rows; None when it has some."""
        if self.figures:
            return None
        named = ", ".join(map(str, files))
        if not self.records:
            return f"no records in {named}"
        return (
            f"no annotator's work in {named}: its {self.records} record(s) hold nothing "
            "(every change undone, or started over with ctrl+r)"
        )


def read_stats(
    files: list[Path],
    on_note: Callable[[str], None] | None = None,
    corpus: Corpus | None = None,
) -> FilesStats:
    """Stats over journals and gold files; a damaged line is an error naming file and line.

    Each file's latest record of each document counts (``JournalContents.latest``: in a gold
    file, whoever the reviewer). An incomplete last line (an interrupted write) is left out and
    said through ``on_note``, one line, never dropped silently. With ``corpus``, the statuses
    are those of its documents (``corpus_standings``): a record made for another text is stale,
    a document without one new, and records of documents it lacks are counted apart; flagged,
    spans and time still count every record.
    """
    latest: dict[tuple[str, str], Record] = {}
    file_of: dict[tuple[str, str], Path] = {}  # the file each latest record is from
    files_of: dict[str, list[Path]] = {}
    held_again: dict[str, set[str]] = {}  # name -> documents an earlier file held too
    for file in files:
        contents = read_journal(file)
        # A corpus or another tool's file is said so (a JSON array on one line without a line
        # end read as an incomplete last line, its file "no records").
        shape = not_a_journal(file, contents)
        if shape is not None:
            raise AnnotatorError(shape)
        if contents.problems:
            raise AnnotatorError(contents.problems[0].format(file))
        if contents.torn is not None and on_note is not None:
            on_note(
                f"{file}:{contents.torn.line}: incomplete last line (an interrupted write) left out"
            )
        in_file = contents.latest()
        for key, record in in_file.items():
            if latest.pop(key, None) is not None:
                held_again.setdefault(key[0], set()).add(key[1])
            latest[key] = record
            file_of[key] = file
        for name in dict.fromkeys(annotator for annotator, _doc in in_file):
            files_of.setdefault(name, []).append(file)
    several = {name: given for name, given in sorted(files_of.items()) if len(given) > 1}
    if on_note is not None:
        for name, given in several.items():
            on_note(one_name_in_files(name, given, len(held_again.get(name, ()))))
    figures = annotator_stats(list(latest.values()))
    if corpus is None:
        return FilesStats(figures, len(latest), in_several_files=several)
    standings, hashes = corpus_standings(latest.values(), corpus)
    if on_note is not None:
        for said in unfit_notes(
            ((file_of[key], one) for key, one in latest.items()), corpus, hashes
        ):
            on_note(said)
    for annotator, entry in figures.items():
        statuses = standings[annotator].figures()
        figures[annotator] = {**statuses, **{k: v for k, v in entry.items() if k not in statuses}}
    kept = {annotator: standings[annotator] for annotator in figures}
    return FilesStats(figures, len(latest), kept, several)


def one_name_in_files(name: str, files: list[Path], held_again: int) -> str:
    """The note of ``name``'s records in ``files`` (two or more), counted as one annotator;
    ``held_again``: how many of its documents more than one of them holds, of which the later
    file's record counts. Unsaid, a row mixing two gold files, or a journal and an older copy of
    it, read as the figures of one file."""
    named = list(map(str, files))
    listed = f"{', '.join(named[:-1])} and {named[-1]}"
    same = len({path.resolve() for path in files}) < len(files)
    said = f"annotator {name!r} has records in {listed}"
    said += " (the same file given twice?)" if same else ""
    said += ": counted as one annotator"
    if held_again:
        said += (
            f"; of the {held_again} document(s) more than one of them holds, the record in the "
            "later file counts"
        )
    return said
