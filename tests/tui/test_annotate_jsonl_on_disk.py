"""Pilot: a JSONL corpus edited while annotate has it open. Each article opens as its own line
holds it now (never another's, whose line took its place), and the open article's text changed
is said as a ``.txt`` article's is, naming it and the file; another line's edit says nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot

from annotator.core.models import sha256_text
from annotator.core.session import AnnotationSession, open_session
from annotator.tui import annotate_reading
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import TEXTS, fixed_now

NEW_A = "date 2025-08-24 Ukraine and Russia swapped 146 prisoners on Sunday.\n"
NEW_B = "date 2024-03-17 Norvania freed 12 fishermen on Monday.\n"


def write_lines(path: Path, texts: dict[str, str]) -> None:
    """``texts`` as the lines of ``path``, in that order; its mtime moved on by a second when
    it was there before (a fast write may not move it)."""
    before = path.stat().st_mtime_ns if path.exists() else None
    lines = (orjson.dumps({"id": doc_id, "text": text}) + b"\n" for doc_id, text in texts.items())
    path.write_bytes(b"".join(lines))
    if before is not None:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    write_lines(path, TEXTS)
    return path


@pytest.fixture
def on_jsonl(jsonl: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(jsonl, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def test_a_jsonl_corpus_edited_while_open_reads_each_article_as_its_line_is_now(
    on_jsonl: AnnotationSession, jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = on_jsonl
    monkeypatch.setattr(annotate_reading, "FILE_CHECK_SECONDS", 0.05)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        assert session.document.id == "a"
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2")  # "146", saved for a
        # b's line first and longer: a's and c's lines moved; a's text is the same.
        write_lines(jsonl, {"b": NEW_B, "a": TEXTS["a"], "c": TEXTS["c"]})
        await pilot.pause(0.4)
        assert [line for line in told if "changed on disk" in line] == []
        write_lines(jsonl, {"b": NEW_B, "a": NEW_A, "c": TEXTS["c"]})
        await wait_for(pilot, lambda: any("changed on disk" in line for line in told))
        [said] = [line for line in told if "changed on disk" in line]
        assert said.startswith("a in c.jsonl changed on disk since it opened at ")
        assert screen.article.text == TEXTS["a"]  # labelled as it opened, saved for it
        told.clear()
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        assert screen.article.text == NEW_B
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.document.id == "a")
        assert screen.article.text == NEW_A
        assert session.stale is not None
        assert session.stale.doc_sha256 == sha256_text(TEXTS["a"])
        [said] = [line for line in told if "changed on disk" in line]
        assert said.startswith("a in c.jsonl changed on disk since it opened at ")
        assert said.endswith(
            ": this is its new text, and your record (1 span), saved for the text as it was, "
            "is stale here: ctrl+k twice carries it over"
        )
        assert [line["doc_sha256"] for line in journal(session)] == [sha256_text(TEXTS["a"])]

    drive(session, scenario)


def test_an_article_gone_from_the_jsonl_corpus_cannot_be_read_said_in_one_line(
    on_jsonl: AnnotationSession, jsonl: Path
) -> None:
    session = on_jsonl

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        write_lines(jsonl, {"a": TEXTS["a"], "c": TEXTS["c"]})
        await press(pilot, "n")
        banner = screen_of(app).query_one("#banner")
        await wait_for(pilot, lambda: banner.display and not session.loaded)
        assert str(banner.render()) == (
            f"✖ Cannot read b: {jsonl}: no document 'b' in it now: the file changed on disk "
            "since it was opened\nn / p / u / l move on."
        )
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "c")
        assert screen_of(app).article.text == TEXTS["c"]

    drive(session, scenario)
