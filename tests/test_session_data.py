"""Builders the session tests share: three texts, a clock moved by hand, the journal read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.core.session import AnnotationSession, open_session

TEXTS = {
    "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n",
    "b": "date 2024-03-17 Norvania freed 12 fishermen.\n",
    "c": "Kestria said talks would continue.\n",
}


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def fixed_now() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 10, 0, 0, tzinfo=dt.UTC)


def write_texts(tmp_path: Path) -> Path:
    """A corpus folder holding TEXTS, one file a document."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def open_alice_on(corpus: Path, tmp_path: Path, doc_id: str) -> AnnotationSession:
    """alice's session on ``corpus`` (journal under ``tmp_path / "out"``, a clock moved by
    hand) with ``doc_id`` open; the caller closes it."""
    opened = open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open(doc_id)
    return opened


def alice_on_a(tmp_path: Path) -> Iterator[AnnotationSession]:
    """For a fixture: ``open_alice_on`` a corpus of TEXTS, a open, closed afterwards."""
    opened = open_alice_on(write_texts(tmp_path), tmp_path, "a")
    yield opened
    opened.close()


def statuses(session: AnnotationSession) -> dict[str, str]:
    """Each document's status as the document list shows it."""
    return {entry.doc_id: entry.status for entry in session.entries()}


def session_on(tmp_path: Path, text: str) -> AnnotationSession:
    """alice's session on a corpus of one document, ``d``, holding ``text`` (the caller
    opens the document and closes the session)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "d.txt").write_text(text, encoding="utf-8")
    # A clock moved by hand: time a loaded run spends between two steps is no change (an
    # undo compared records and found seconds_spent 0.001 where 0.0 was).
    return open_session(folder, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)


def open_on(tmp_path: Path, text: str) -> Iterator[AnnotationSession]:
    """For a fixture: ``session_on`` with its one document open, closed afterwards."""
    opened = session_on(tmp_path, text)
    opened.open("d")
    yield opened
    opened.close()


def journal_lines(session: AnnotationSession) -> list[dict[str, Any]]:
    assert session.flush(5)
    if not session.journal.exists():
        return []
    return [orjson.loads(line) for line in session.journal.read_bytes().splitlines()]


def where(session: AnnotationSession, word: str) -> tuple[int, int]:
    start = session.text.index(word)
    return start, start + len(word)
