"""Pilot: a JSONL line whose ``meta.date`` is no day ``YYYY-MM-DD``. A trial's
``"date": 20240512`` closed annotate with a traceback from its status line; such a corpus is
refused as it opens, before any screen (``test_meta_date_refused``), and a line edited so while
annotate runs is said as the article cannot be read, the app running on."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

TEXT = "date 2024-05-12\nOn Sunday the talks."


def write_lines(path: Path, lines: list[dict[str, object]]) -> None:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))


def test_a_line_given_a_number_for_its_date_mid_session_is_said_not_a_crash(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "num.jsonl"
    write_lines(corpus, [{"id": "a", "text": "aaa"}, {"id": "n1", "text": TEXT}])
    session = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        banner = screen.query_one("#banner", Static)
        before = corpus.stat().st_mtime_ns
        write_lines(
            corpus,
            [{"id": "a", "text": "aaa"}, {"id": "n1", "text": TEXT, "meta": {"date": 20240512}}],
        )
        os.utime(corpus, ns=(before + 10**9, before + 10**9))
        await press(pilot, "n")
        await wait_for(pilot, lambda: banner.display)
        assert " ".join(str(banner.render()).split()) == (
            f"✖ Cannot read n1: {corpus}:2: meta.date: 20240512 is not a day written as a "
            'string "YYYY-MM-DD" (a day of the calendar); write it so, or leave it out to take '
            "the text's dateline n / p / u / l move on."
        )
        assert app.return_code is None  # running on
        status = str(screen.query_one("#status", Static).render())
        assert status == " 2/2  n1 · cannot be read"  # drawn, with no date to show
        await press(pilot, "p")  # and on to another article
        await wait_for(pilot, lambda: session.loaded and session.document.id == "a")
        assert not banner.display

    try:
        drive(session, scenario)
    finally:
        session.close()
