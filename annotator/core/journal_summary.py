"""Where the annotator's work is saved, in words: the journal's path as the annotator can use
it, and how many documents of the corpus stand at each status. ``annotate`` prints it after the
screen closes, and the welcome names the journal: a trial's annotator quit and asked "where is
my journal?", nothing printed and the name taken from the login unsaid."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from annotator.core.session_progress import DocStatus

# The statuses in the order the summary names them, each as it reads there.
_STATUS_WORDS: tuple[tuple[DocStatus, str], ...] = (
    ("done", "done"),
    ("skipped", "skipped"),
    ("in_progress", "in progress"),
    ("stale", "stale"),
    ("new", "new"),
)


class Progressing(Protocol):
    """What the summary reads of a session (``AnnotationSession``)."""

    @property
    def ids(self) -> list[str]: ...

    def status_of(self, doc_id: str) -> DocStatus: ...


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` as the annotator can type it from where the command ran: relative to the
    working directory when inside it (``annotations/root.jsonl``), else absolute."""
    here = (cwd or Path.cwd()).resolve()
    absolute = path.resolve()
    if absolute.is_relative_to(here):
        return os.fspath(absolute.relative_to(here))
    return os.fspath(absolute)


def status_counts(session: Progressing) -> dict[DocStatus, int]:
    """How many documents of the corpus stand at each status (every status, 0 too)."""
    counts: dict[DocStatus, int] = {status: 0 for status, _words in _STATUS_WORDS}
    for doc_id in session.ids:
        counts[session.status_of(doc_id)] += 1
    return counts


def saved_summary(session: Progressing, journal: Path, cwd: Path | None = None) -> str:
    """``saved to annotations/root.jsonl (14 documents: 12 done, 1 skipped, 1 in progress)``:
    the statuses held, in a fixed order; with nothing saved yet, where it will be."""
    counts = status_counts(session)
    where = shown_path(journal, cwd)
    total = len(session.ids)
    documents = f"{total} document" + ("" if total == 1 else "s")
    if counts["new"] == total:
        # No journal yet (nothing was changed): "is saved to" named a file that is not there.
        saved = "is saved" if journal.exists() else "will be saved"
        return f"nothing annotated yet ({documents}); your work {saved} to {where}"
    held = [f"{counts[status]} {words}" for status, words in _STATUS_WORDS if counts[status]]
    return f"saved to {where} ({documents}: {', '.join(held)})"


def welcome_words(annotator: str, journal: Path, cwd: Path | None = None) -> str:
    """The welcome's first words: who annotates, and where the work goes as it is done."""
    where = shown_path(journal, cwd)
    return f"Annotating as {annotator}; each change is saved to {where}."
