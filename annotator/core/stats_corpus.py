"""``annotator stats --corpus``: each annotator's records against the corpus, by the rule and in
the words of annotate's exit line (``journal_summary``). A trial's stats said "done 3,
in progress 4" of a journal whose exit line had said "2 done, 3 in progress, 1 stale, 9 new":
stats took a record made for a text since edited at its status (done), and counted a record of
a document no longer in the corpus (its file renamed) in progress, without a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.corpus import Corpus
from annotator.core.journal_summary import (
    RecordsInCorpus,
    status_counts,
    status_said,
    status_words,
)
from annotator.core.models import Record
from annotator.core.validate_text import span_text_problems

if TYPE_CHECKING:
    from annotator.core.session_progress import DocStatus

# What ``stats`` says without --corpus (once, on stderr), so that its figures are not taken
# for the exit line's.
WITHOUT_CORPUS_NOTE = (
    "without --corpus, a record made for a text since edited (stale) counts as its status "
    "says, and records of documents not in the corpus count too; --corpus PATH tells them apart"
)


@dataclass(frozen=True)
class CorpusStanding:
    """How one annotator's records stand against a corpus: its documents' statuses
    (``status_counts``: stale not done, no record new) and the records of documents it lacks."""

    counts: dict[DocStatus, int]
    not_in_corpus: list[str]  # doc ids, sorted

    def figures(self) -> dict[str, Any]:
        """The statuses as ``stats --json`` gives them (they replace done, skipped and
        in_progress, which without a corpus count every record at its word)."""
        counts = self.counts
        return {
            "done": counts["done"],
            "skipped": counts["skipped"],
            "in_progress": counts["in_progress"],
            "stale": counts["stale"],
            "new": counts["new"],
            "not_in_corpus": len(self.not_in_corpus),
            "not_in_corpus_ids": self.not_in_corpus,
        }

    def words(self, annotator: str, corpus_name: str) -> str:
        """``alice (15 documents: 2 done, 3 in progress, 1 stale, 9 new); 1 record(s) for
        documents not in docs (first: 15-new-border-release)``: the exit line's figures and
        words, and the line annotate opens with for such records."""
        said = f"{annotator} ({status_words(self.counts)})"
        if self.not_in_corpus:
            said += (
                f"; {len(self.not_in_corpus)} record(s) for documents not in {corpus_name} "
                f"(first: {self.not_in_corpus[0]})"
            )
        return said


def text_hashes(corpus: Corpus, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc id -> sha256 of its text now, for each of ``doc_ids`` the corpus holds, each text
    read once. A text that cannot be read is an error naming it (``Corpus.get``)."""
    wanted = sorted({doc_id for doc_id in doc_ids if doc_id in corpus}, key=corpus.position)
    with corpus.kept_open():
        return {doc_id: corpus.get(doc_id).sha256 for doc_id in wanted}


def corpus_standings(
    records: Iterable[Record], corpus: Corpus
) -> tuple[dict[str, CorpusStanding], dict[str, str]]:
    """Per annotator, how their records (the latest of each document) stand against
    ``corpus``; and the sha256 of each of their documents' text now (``text_hashes``)."""
    by_annotator: dict[str, dict[str, Record]] = {}
    for record in records:
        by_annotator.setdefault(record.annotator, {})[record.doc_id] = record
    hashes = text_hashes(corpus, (doc_id for held in by_annotator.values() for doc_id in held))
    standings = {
        annotator: CorpusStanding(
            status_counts(RecordsInCorpus(corpus.ids, held, hashes)),
            sorted(doc_id for doc_id in held if doc_id not in corpus),
        )
        for annotator, held in sorted(by_annotator.items())
    }
    return standings, hashes


# How many records not fitting their text are named, each in its own note; more are counted.
UNFIT_NAMED = 3


def unfit_notes(
    records: Iterable[tuple[Path, Record]], corpus: Corpus, hashes: dict[str, str]
) -> list[str]:
    """Notes naming the records made for the corpus's text whose spans do not fit it (a line
    edited by hand): counted at their status, as annotate lists them until one is opened
    (read-only then, "Does not fit the text"). stats said nothing of them."""
    unfit: list[str] = []
    with corpus.kept_open():
        for file, record in records:
            if hashes.get(record.doc_id) != record.doc_sha256:
                continue  # stale or not in the corpus: counted as such already
            text = corpus.get(record.doc_id).text
            problem = next(span_text_problems(record.spans, text), None)
            if problem is not None:
                unfit.append(
                    f"{file}: {record.annotator}'s record of {record.doc_id} does not fit its "
                    f"text ({problem[0]}: {problem[1]}), yet counts as "
                    f"{status_said(record.status)}; annotator validate {file} --corpus "
                    f"{corpus.path} names each such line"
                )
    if len(unfit) > UNFIT_NAMED:
        more = len(unfit) - UNFIT_NAMED
        return [*unfit[:UNFIT_NAMED], f"and {more} more record(s) that do not fit their text"]
    return unfit
