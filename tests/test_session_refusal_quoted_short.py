"""Labelling a span's extent again with its own label is refused in one line: the words are
quoted cut to a line, as every message quotes a span (a span of 1,791 characters quoted whole
filled the screen over the form)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.session import AnnotationSession
from tests.test_session_data import open_on, where

LONG = "The talks went on for days. " * 20


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, LONG + "Kestria freed them.\n")


def test_a_long_span_labelled_again_is_quoted_cut(session: AnnotationSession) -> None:
    end = len(LONG.rstrip())
    session.label_selection(0, end, "releasee")
    with pytest.raises(AnnotatorError) as refused:
        session.label_selection(0, end, "releasee")
    said = str(refused.value)
    assert said.endswith("' is already labelled releasee")
    assert said.startswith("'The talks went on")
    assert "…" in said
    assert len(said) < 80


def test_a_short_span_is_quoted_whole(session: AnnotationSession) -> None:
    start, end = where(session, "Kestria")
    session.label_selection(start, end, "actor")
    with pytest.raises(AnnotatorError) as refused:
        session.label_selection(start, end, "actor")
    assert str(refused.value) == "'Kestria' is already labelled actor"
