"""Pilot fixtures: a small corpus and a session on it (helpers in annotate_helpers.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import constants

from annotator.core.models import Document
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now, write_texts


@pytest.fixture(autouse=True)
def truecolour_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's console as a truecolour terminal's, whatever TERM the tests run under: span
    styles follow the terminal's colours (``span_styles.few_colours``), and with TERM=xterm
    (16 colours) tests and snapshots would draw otherwise. A test may ask for another."""
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "truecolor")


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


@pytest.fixture
def b_read_when_let(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> Iterator[threading.Event]:
    """Document b's reading waits until the event yielded is set (a slow or hung disk until
    then)."""
    let = threading.Event()
    read = session.read

    def gated(doc_id: str) -> Document:
        if doc_id == "b":
            let.wait(30)
        return read(doc_id)

    monkeypatch.setattr(session, "read", gated)
    yield let
    let.set()
