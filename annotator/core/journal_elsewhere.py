"""A journal of this corpus elsewhere: said when ``annotate`` would start a new journal.

``annotate`` keeps the journal at ``DIR/annotations/NAME.jsonl``, DIR being ``--out`` (default the
current folder). Started once from the project folder and later from another one, it would open
a new, empty journal and the work done looks lost (a user trial saw ``done 0/14``). The rule
stays; but when the journal to be used does not exist yet, the obvious other places are looked
at: the ``annotations/`` folder beside the corpus folder (in its parent, where ``annotate`` run
from the project folder puts it) and the one inside the corpus folder. A journal there holding
records of this corpus's documents is named, with the ``--out`` that opens it.

For a corpus that is a ``.jsonl`` file, the corpus folder is the folder holding the file.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.journal import read_journal
from annotator.core.models import GoldRecord


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


def places_to_look(corpus_path: Path) -> list[Path]:
    """The ``annotations/`` folders next to the corpus folder and inside it, in that order."""
    folder = corpus_path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    return [folder.parent / "annotations", folder / "annotations"]


def _records_of_corpus(journal: Path, corpus: Corpus) -> int:
    """Documents of ``corpus`` the journal has records of, by the annotator it is named after
    (``annotate`` opening it would load only those). 0 for a file that cannot be read."""
    try:
        contents = read_journal(journal)
    except AnnotatorError:
        return 0
    return sum(
        1
        for (who, doc_id), record in contents.latest().items()
        if who == journal.stem and doc_id in corpus and not isinstance(record, GoldRecord)
    )


def find_journal_elsewhere(
    corpus_path: Path, corpus: Corpus, annotator: str, journal: Path
) -> JournalElsewhere | None:
    """The journal to point to when ``journal`` (the one to be used) does not exist yet: this
    annotator's journal in one of the ``places_to_look`` if it has records of the corpus, else
    the journal there with the most; None when ``journal`` exists or there is none."""
    if journal.exists():
        return None
    here = journal.parent.resolve()
    found: list[tuple[bool, int, Path]] = []
    for place in places_to_look(corpus_path):
        if place == here or not place.is_dir():
            continue
        for other in sorted(place.glob("*.jsonl")):
            records = _records_of_corpus(other, corpus)
            if records:
                found.append((other.stem == annotator, records, other))
    if not found:
        return None
    # Their own journal first, then the one with most records; the nearer place on a tie.
    best = max(found, key=lambda item: (item[0], item[1]))
    return JournalElsewhere(best[2], best[2].stem, best[1], more=len(found) - 1)


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
) -> str:
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
    return (
        f"no journal in {_shown(journal.parent)}; {found.path}{whose} has "
        f"{found.records} record(s) of this corpus{more}: {shlex.join(command)}"
    )
