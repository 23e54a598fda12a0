"""A document's ``meta.date`` given by its JSONL line or an import's source is a day
``YYYY-MM-DD`` (``dateline.meta_date_problem``), else refused in one line naming the file, the
line and the field: as the corpus opens (annotate, review, agree... all open it so), as a line
edited mid-session is read, and by import, before anything is written. A trial's
``"date": 20240512`` crashed annotate's status line, and ``"12 May 2024"`` took the place of a
good dateline ("Sunday" said to have no dateline); ``null`` is no date: the dateline gives it.

The dateline itself is read after a byte order mark a JSONL text kept, and before a CRLF: the
same text as a ``.txt`` (whose mark is the file's, dropped) was read, as a JSONL line not."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.dateline import dateline_date, meta_date_problem
from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from annotator.core.normalise_relative import relative_date
from annotator.core.session import open_session
from tests.test_session_data import FakeClock, fixed_now, where

TEXT = "date 2024-05-12\nOn Sunday the talks."
SAID = (
    'is not a day written as a string "YYYY-MM-DD" (a day of the calendar); write it so, or '
    "leave it out to take the text's dateline"
)


def write_jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        (20240512, "20240512"),  # the trial's: a number
        ("12 May 2024", "'12 May 2024'"),  # a date in another form
        ("2024-02-30", "'2024-02-30'"),  # no day of the calendar
        ("2024-05", "'2024-05'"),  # a month
        (" 2024-05-12", "' 2024-05-12'"),
        ("２０２４-05-12", "'２０２４-05-12'"),  # digits, but not ASCII ones
        (True, "True"),
        ({"day": 12}, "{'day': 12}"),
        ("x" * 60, "'" + "x" * 38 + "…"),  # cut to a line
    ],
)
def test_a_meta_date_that_is_no_day_is_said_with_its_value(date: Any, shown: str) -> None:
    assert meta_date_problem({"date": date}) == f"{shown} {SAID}"


@pytest.mark.parametrize(
    "meta", [{}, {"date": None}, {"date": "2024-05-12"}, {"date": "2024-02-29"}]
)
def test_a_day_or_no_date_is_no_problem(meta: dict[str, Any]) -> None:
    assert meta_date_problem(meta) is None


@pytest.mark.parametrize(
    ("date", "shown"), [(20240512, "20240512"), ("12 May 2024", "'12 May 2024'")]
)
def test_a_jsonl_corpus_with_a_meta_date_that_is_no_day_is_refused_as_it_opens(
    tmp_path: Path, date: Any, shown: str
) -> None:
    corpus = write_jsonl(
        tmp_path / "num.jsonl",
        [{"id": "a", "text": "x"}, {"id": "n1", "text": TEXT, "meta": {"date": date}}],
    )
    with pytest.raises(AnnotatorError) as refused:
        open_corpus(corpus)
    assert str(refused.value) == f"{corpus}:2: meta.date: {shown} {SAID}"
    with pytest.raises(AnnotatorError) as refused:  # annotate's opening, before any screen
        open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    assert str(refused.value) == f"{corpus}:2: meta.date: {shown} {SAID}"
    assert not (tmp_path / "out").exists()


def test_a_meta_date_null_is_no_date_the_dateline_gives_it(tmp_path: Path) -> None:
    corpus = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": "dated", "text": TEXT, "meta": {"date": None}},
            {"id": "undated", "text": "On Sunday.", "meta": {"date": None, "source": "x"}},
        ],
    )
    opened = open_corpus(corpus)
    assert opened.get("dated").meta == {"date": "2024-05-12"}
    assert opened.get("undated").meta == {"date": None, "source": "x"}  # kept as given
    session = open_session(
        corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now
    )
    try:
        session.open("dated")
        span = session.label_selection(*where(session, "Sunday"), "date")
        assert span.value == "2024-05-12"  # counted from the dateline: said to have none before
    finally:
        session.close()


def test_a_line_edited_mid_session_to_a_bad_date_is_refused_as_it_is_read(tmp_path: Path) -> None:
    corpus = write_jsonl(
        tmp_path / "c.jsonl", [{"id": "a", "text": "x"}, {"id": "b", "text": TEXT}]
    )
    opened = open_corpus(corpus)
    before = corpus.stat().st_mtime_ns
    write_jsonl(corpus, [{"id": "a", "text": "x"}, {"id": "b", "text": TEXT, "meta": {"date": 7}}])
    os.utime(corpus, ns=(before + 10**9, before + 10**9))
    assert opened.get("a").meta == {}  # the others are read as before
    with pytest.raises(AnnotatorError) as refused:
        opened.get("b")
    assert str(refused.value) == f"{corpus}:2: meta.date: 7 {SAID}"


def test_import_refuses_a_meta_date_that_is_no_day_and_writes_nothing(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "num.jsonl", [{"id": "n1", "text": TEXT, "meta": {"date": 20240512}}]
    )
    written = tmp_path / "imported" / "c.jsonl"
    with pytest.raises(AnnotatorError) as refused:
        import_documents(source, "jsonl", written)
    assert str(refused.value) == f"{source}:1: meta.date: 20240512 {SAID}"
    assert not written.exists()


def test_import_refuses_a_prodigy_task_s_meta_date_naming_its_line(tmp_path: Path) -> None:
    source = tmp_path / "tasks.jsonl"
    task = {"text": TEXT, "meta": {"doc_id": "p1", "date": "12 May 2024"}, "spans": []}
    source.write_bytes(orjson.dumps(task) + b"\n")
    with pytest.raises(AnnotatorError) as refused:
        import_documents(source, "prodigy", tmp_path / "c.jsonl")
    assert str(refused.value) == f"{source}:1: meta.date: '12 May 2024' {SAID}"


def test_import_takes_null_as_no_date_the_dateline_gives_it(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "s.jsonl", [{"id": "n1", "text": TEXT, "meta": {"date": None}}])
    written = tmp_path / "c.jsonl"
    import_documents(source, "jsonl", written)
    assert orjson.loads(written.read_bytes())["meta"] == {"date": "2024-05-12"}


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffdate 2024-05-12\nOn Sunday.",  # a byte order mark kept in the text
        "\ufeffdate 2024-05-12\r\nOn Sunday.",  # and CRLF: the trial's
        "date 2024-05-12\r\nOn Sunday.",
        "\ufeffdate 2024-05-12",
    ],
)
def test_the_dateline_is_read_after_a_byte_order_mark_and_before_crlf(text: str) -> None:
    assert dateline_date(text) == "2024-05-12"


def test_a_jsonl_text_with_a_mark_and_crlf_is_dated_and_kept_exact(tmp_path: Path) -> None:
    text = "\ufeffdate 2024-05-12\r\nCRLF on Sunday."
    corpus = write_jsonl(
        tmp_path / "c.jsonl", [{"id": "f4", "text": text, "meta": {"source": "x"}}]
    )
    document = open_corpus(corpus).get("f4")
    assert document.text == text  # only the reading of the dateline changed
    assert document.meta == {"source": "x", "date": "2024-05-12"}


def test_a_dateline_after_a_mark_is_not_a_date_of_the_text() -> None:
    # "two days later" is counted from the dateline's day (the doc_date given), never from the
    # dateline's own words read as a date in the text (said so, as a date written there).
    text = "\ufeffdate 2024-05-12\nTalks. Two days later they ended."
    start = text.index("Two days later")
    with_mark = relative_date(text, start, start + 14, [], "2024-05-12")
    without = relative_date(text[1:], start - 1, start + 13, [], "2024-05-12")
    assert with_mark == without
