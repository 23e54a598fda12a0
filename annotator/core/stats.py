"""``annotator stats``: per annotator, what is done, skipped, in progress, flagged, and spans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.journal import read_journal
from annotator.core.models import GoldRecord, Record
from annotator.core.scheme import Scheme
from annotator.core.stats_corpus import CorpusStanding, corpus_standings


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
    for file in files:
        contents = read_journal(file)
        if contents.problems:
            raise AnnotatorError(contents.problems[0].format(file))
        if contents.torn is not None and on_note is not None:
            on_note(
                f"{file}:{contents.torn.line}: incomplete last line (an interrupted write) left out"
            )
        for key, record in contents.latest().items():
            latest.pop(key, None)
            latest[key] = record
    figures = annotator_stats(list(latest.values()))
    if corpus is None:
        return FilesStats(figures, len(latest))
    standings = corpus_standings(latest.values(), corpus)
    for annotator, entry in figures.items():
        statuses = standings[annotator].figures()
        figures[annotator] = {**statuses, **{k: v for k, v in entry.items() if k not in statuses}}
    kept = {annotator: standings[annotator] for annotator in figures}
    return FilesStats(figures, len(latest), kept)
