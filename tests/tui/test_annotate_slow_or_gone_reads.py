"""Pilot: an article read slowly (a network disk) or from a corpus gone mid-session. ctrl+q
did nothing while an article was being read (the keys were held for it), and a JSONL corpus
deleted after the app opened closed the app with a traceback."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import orjson
import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, type_fast, wait_for
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.models import Document
from annotator.core.session import AnnotationSession, open_session
from annotator.tui import annotate_reading
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from tests.test_session_data import fixed_now

# From the article: o goes to the form's first field (the event type), two tabs to the note.
TO_THE_NOTE = ("o", "tab", "tab")


def test_ctrl_q_quits_while_an_article_is_still_being_read(
    session: AnnotationSession, b_read_when_let: threading.Event
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = screen_of(app).query_one("#note", Input)
        await press(pilot, *TO_THE_NOTE, *"kept", "enter", "escape")
        type_fast(app, "n", *TO_THE_NOTE, *"lost", "ctrl+q")
        for _ in range(200):  # up to 2 s, b still being read all along
            if app.return_code is not None:
                break
            await asyncio.sleep(0.01)
        assert not b_read_when_let.is_set()
        assert app.return_code == 0  # quit, without b ever shown
        assert (session.document.id, note.value) == ("a", "kept")  # "lost" went nowhere
        assert [(line["doc_id"], line["note"]) for line in journal(session)] == [("a", "kept")]

    drive(session, scenario)


def test_a_slow_article_is_said_once_and_keys_typed_meanwhile_go_to_it(
    session: AnnotationSession, b_read_when_let: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        note = screen_of(app).query_one("#note", Input)
        # Short only once a is shown: under a loaded CI a's own opening took longer than 0.3 s
        # and was said too.
        await wait_for(pilot, lambda: form.doc_id == "a")
        monkeypatch.setattr(annotate_reading, "SLOW_READ_SECONDS", 0.3)
        type_fast(app, "n", *TO_THE_NOTE, *"late")
        await wait_for(pilot, lambda: any("Still opening b" in toast for toast in toasts(app)))
        await asyncio.sleep(0.5)
        assert [" ".join(toast.split()) for toast in toasts(app)] == [
            "Still opening b… keys typed wait for it; ctrl+q quits."
        ]  # once
        assert (form.doc_id, note.value) == ("a", "")  # the keys still wait for b
        b_read_when_let.set()
        await wait_for(pilot, lambda: note.value == "late")
        assert form.doc_id == "b"
        assert toasts(app) == []  # gone as b shows
        await press(pilot, "enter")
        assert [(line["doc_id"], line["note"]) for line in journal(session)] == [("b", "late")]

    drive(session, scenario, notifications=True)


def test_a_paste_while_the_next_article_opens_goes_to_it(
    session: AnnotationSession, b_read_when_let: threading.Event
) -> None:
    """A paste into the note of the article asked for was lost while it was being read (it
    went to the article being left, which takes none)."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = screen_of(app).query_one("#note", Input)
        type_fast(app, "n", *TO_THE_NOTE)
        app.post_message(events.Paste("pasted words"))
        type_fast(app, "enter")
        await asyncio.sleep(0.3)
        assert (session.document.id, note.value) == ("a", "")  # waiting for b
        b_read_when_let.set()
        await wait_for(pilot, lambda: bool(journal(session)))
        assert [(line["doc_id"], line["note"]) for line in journal(session)] == [
            ("b", "pasted words")
        ]

    drive(session, scenario)


def test_the_still_opening_message_goes_once_the_article_shows(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first article read slowly: its "Still opening" stayed over it once shown (only
    the messages of an article before were cleared when one showed)."""
    let = threading.Event()
    read = session.read

    def gated(doc_id: str) -> Document:
        if doc_id == "a":
            let.wait(30)
        return read(doc_id)

    monkeypatch.setattr(session, "read", gated)
    monkeypatch.setattr(annotate_reading, "SLOW_READ_SECONDS", 0.1)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: any("Still opening a" in toast for toast in toasts(app)))
        let.set()
        await wait_for(pilot, lambda: session.loaded)
        assert session.document.id == "a"
        assert not any("Still opening" in toast for toast in toasts(app))

    drive(session, scenario, wait=False, notifications=True)


def test_an_article_of_a_jsonl_corpus_gone_mid_session_says_it_cannot_be_read(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "docs.jsonl"
    docs = [{"id": doc_id, "text": doc_id * 3} for doc_id in ("a", "b", "c")]
    corpus.write_bytes(b"".join(orjson.dumps(doc) + b"\n" for doc in docs))
    session = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        banner = screen_of(app).query_one("#banner", Static)
        corpus.unlink()  # a network disk gone, say
        await press(pilot, "n")
        await wait_for(pilot, lambda: banner.display)
        assert " ".join(str(banner.render()).split()) == (
            f"✖ Cannot read b: {corpus}: cannot read: No such file or directory "
            "n / p / u / l move on."
        )
        corpus.write_bytes(b"".join(orjson.dumps(doc) + b"\n" for doc in docs))  # back
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "c")
        assert not banner.display

    try:
        drive(session, scenario)
    finally:
        session.close()
