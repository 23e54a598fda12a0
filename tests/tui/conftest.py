"""Pilot fixtures: a small corpus and a session on it (helpers in annotate_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now, write_texts


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_texts(tmp_path)


@pytest.fixture
def session(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(
        corpus,
        "alice",
        None,
        tmp_path / "out",
        now=fixed_now,
    )
    yield opened
    opened.close()
