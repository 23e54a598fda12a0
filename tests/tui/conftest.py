"""Pilot fixtures: a small corpus and a session on it (helpers in annotate_helpers.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session

TEXTS = {
    "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n",
    "b": "date 2024-03-17 Norvania freed 12 fishermen.\n",
    "c": "Kestria said talks would continue.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def session(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(
        corpus,
        "alice",
        None,
        tmp_path / "out",
        now=lambda: dt.datetime(2025, 8, 24, 10, 0, tzinfo=dt.UTC),
    )
    yield opened
    opened.close()
