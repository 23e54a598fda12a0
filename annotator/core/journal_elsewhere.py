"""A journal of this corpus elsewhere: said when ``annotate`` would start a new journal.

``annotate`` keeps the journal at ``DIR/annotations/NAME.jsonl``, DIR being ``--out`` (default the
current folder). Started once from the project folder and later from another one, it would open
a new, empty journal and the work done looks lost (a user trial saw ``done 0/14``). The rule
stays; but when the journal to be used does not exist yet, the obvious other places are looked
at: the ``annotations/`` folder beside the corpus folder (in its parent, where ``annotate`` run
from the project folder puts it) and the one inside the corpus folder. A journal there holding
records of this corpus's documents is named, with the ``--out`` that opens it.

For a corpus that is a ``.jsonl`` file, the corpus folder is the folder holding the file.

It runs at every start before anything is saved (and at the exit, when nothing was: the line
is said again only while it is true), so the journals are not read as the session
reads them (each line a validated record): only each line's ``doc_id``, ``annotator`` and
whether it is a gold line are looked at, and a journal that only has to hold some record of
the corpus is read up to the first one.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from annotator.core.corpus import Corpus
from annotator.core.journal import bom_length


@dataclass(frozen=True)
class JournalElsewhere:
    """Another journal holding records of the corpus: ``records`` documents of it, written by
    ``annotator`` (the journal's name, as ``annotate`` names journals); ``more``: how many other
    journals in those places hold records of it too."""

    path: Path
    annotator: str
    records: int
    more: int = 0

    @property
    def out_dir(self) -> Path:
        """The ``--out`` that opens this journal (it is ``OUT/annotations/NAME.jsonl``)."""
        return self.path.parent.parent


class NoJournalYet(str):
    """The line ``elsewhere_message`` says, marked by its type (as ``UndoneElsewhere`` is) so
    that the screen can tell it from the other start-up messages: it is true only while the
    journal to be used (``journal``) does not exist. The first save makes it, and the line
    goes then (a trial's stayed on screen a minute after the first ``d``, over the form, and
    was printed again above the exit's "your work is saved to" that journal)."""

    journal: Path

    def __new__(cls, text: str, journal: Path) -> NoJournalYet:
        said = super().__new__(cls, text)
        said.journal = journal
        return said

    def still_true(self) -> bool:
        return not self.journal.exists()


def places_to_look(corpus_path: Path) -> list[Path]:
    """The ``annotations/`` folders next to the corpus folder and inside it, in that order."""
    folder = corpus_path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    return [folder.parent / "annotations", folder / "annotations"]


def _lines_of_corpus(journal: Path, corpus: Corpus) -> Iterator[tuple[str, bool]]:
    """(doc_id, a gold line?) of each line of the journal by the annotator it is named after
    (``annotate`` opening it would load only those) about a document of ``corpus``, in order.
    A line that is no JSON object with those names is passed over, a file that cannot be read
    has none: the records are not validated (``read_journal`` would), only pointed to."""
    try:
        # Line by line: a caller that needs only the first record stops reading there.
        with journal.open("rb") as handle:
            handle.read(bom_length(handle.peek(3)))  # a hand edit's mark: the first line counts
            for raw in handle:
                try:
                    line = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    continue
                if not isinstance(line, dict) or line.get("annotator") != journal.stem:
                    continue
                doc_id = line.get("doc_id")
                if isinstance(doc_id, str) and doc_id in corpus:
                    # Gold files hold records with provenance (``journal.parse_record_line``).
                    yield doc_id, "sources" in line
    except OSError:
        return


def _records_of_corpus(journal: Path, corpus: Corpus) -> int:
    """Documents of ``corpus`` the journal has records of, a gold one aside (the document's
    last line says which it is, as in ``JournalContents.latest``). 0 for a file that cannot
    be read."""
    gold: dict[str, bool] = {}
    for doc_id, is_gold in _lines_of_corpus(journal, corpus):
        gold[doc_id] = is_gold
    return sum(1 for is_gold in gold.values() if not is_gold)


def _holds_records_of(journal: Path, corpus: Corpus) -> bool:
    """Whether the journal has a record of ``corpus``, read up to the first one. (A gold line
    further on replacing it, in a file mixing gold and journal lines, which neither ``annotate``
    nor ``review`` writes, is not looked for.)"""
    return any(not is_gold for _doc_id, is_gold in _lines_of_corpus(journal, corpus))


def find_journal_elsewhere(
    corpus_path: Path, corpus: Corpus, annotator: str, journal: Path
) -> JournalElsewhere | None:
    """The journal to point to when ``journal`` (the one to be used) does not exist yet: this
    annotator's journal in one of the ``places_to_look`` if it has records of the corpus, else
    the journal there with the most; None when ``journal`` exists or there is none."""
    if journal.exists():
        return None
    here = journal.parent.resolve()
    journals = [
        other
        for place in places_to_look(corpus_path)
        if place != here and place.is_dir()
        for other in sorted(place.glob("*.jsonl"))
    ]
    # Their own journal first (one in each place at most), then the one with most records;
    # the nearer place on a tie. With one of their own found, the others are only counted in
    # ``more``: each is read up to its first record of the corpus.
    own = [other for other in journals if other.stem == annotator]
    found = [(count, other) for other in own if (count := _records_of_corpus(other, corpus))]
    if found:
        others = (other for other in journals if other.stem != annotator)
        more = sum(1 for other in others if _holds_records_of(other, corpus))
    else:
        counted = ((_records_of_corpus(other, corpus), other) for other in journals)
        found = [(count, other) for count, other in counted if count]
        more = 0
    if not found:
        return None
    records, best = max(found, key=lambda item: item[0])
    return JournalElsewhere(best, best.stem, records, more=more + len(found) - 1)


def _shown(folder: Path) -> str:
    """A folder as the person typed it: ``./annotations`` rather than ``annotations``."""
    text = str(folder)
    return text if folder.is_absolute() or text.startswith(".") else f"./{text}"


def elsewhere_message(
    found: JournalElsewhere,
    journal: Path,
    corpus_arg: str,
    annotator: str,
    *,
    annotator_given: bool = False,
    scheme_arg: str | None = None,
) -> NoJournalYet:
    """One line: no journal where ``journal`` is, the other journal, and the command opening
    it (``--annotator`` said when given or when the journal is another name's)."""
    command = ["annotator", "annotate", corpus_arg]
    if annotator_given or found.annotator != annotator:
        command += ["--annotator", found.annotator]
    if scheme_arg is not None:
        command += ["--scheme", scheme_arg]
    command += ["--out", str(found.out_dir)]
    whose = "" if found.annotator == annotator else f" ({found.annotator}'s, not {annotator}'s)"
    more = f" ({found.more} more journal(s) there hold records of it)" if found.more else ""
    return NoJournalYet(
        f"no journal in {_shown(journal.parent)}; {found.path}{whose} has "
        f"{found.records} record(s) of this corpus{more}: {shlex.join(command)}",
        journal,
    )
