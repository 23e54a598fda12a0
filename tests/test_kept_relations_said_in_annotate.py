"""Changing in annotate a span that relations kept on import name (re-bound, relabelled or
deleted) says at once that exports no longer write those relations, and which: a curator's
trial re-bound doccano's 'Larry Page' to 'Page' and relabelled 'Sergey Brin', was told only
're-bound T3 …' and 'relabelled T4 …', and found the four relations gone at export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.formats.importing import import_documents
from annotator.core.session import AnnotationSession, open_session
from tests.test_formats_support import FIXTURES
from tests.test_session_data import fixed_now

RELATION_EXAMPLE = FIXTURES / "doccano" / "import_examples" / "relation_extraction.example.jsonl"
DOC = "relation_extraction.example-000001"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    """doccano's example imported (T1 ORG Google, T2 DATE, T3 'Larry Page', T4 'Sergey Brin';
    R1 foundedAt T1 T2, R2 foundedBy T1 T3, R3 foundedBy T1 T4), open in annotate."""
    corpus = tmp_path / "c.jsonl"
    records = tmp_path / "annotations" / "cur.jsonl"
    import_documents(RELATION_EXAMPLE, "doccano", corpus, annotations=records, annotator="cur")
    opened = open_session(corpus, "cur", tmp_path / "c.scheme.toml", tmp_path, now=fixed_now)
    try:
        opened.open(DOC)
        opened.take_notices()
        yield opened
    finally:
        opened.close()


def test_a_re_bound_span_says_the_relations_exports_leave_out(session: AnnotationSession) -> None:
    session.rebound(50, 54, "T3")
    assert (
        "exports leave out R2 foundedBy, kept on import, which names T3 as import gave it; "
        "ctrl+z gives it back"
    ) in session.take_notices()


def test_a_relabel_and_a_delete_say_it_too(session: AnnotationSession) -> None:
    session.selected = "T4"
    session.label_selection(59, 59, "ORG")
    assert (
        "exports leave out R3 foundedBy, kept on import, which names T4 as import gave it; "
        "ctrl+z gives it back"
    ) in session.take_notices()
    session.delete("T1")
    assert (
        "exports leave out R1 foundedAt, R2 foundedBy, kept on import, which name T1 as import "
        "gave it; ctrl+z gives it back"
    ) in session.take_notices()


def test_a_span_no_kept_line_names_says_nothing_more(session: AnnotationSession) -> None:
    session.label_selection(11, 18, "DATE")  # 'founded', a new span
    session.take_notices()
    session.delete(session.selected)
    assert not [line for line in session.take_notices() if "kept on import" in line]
