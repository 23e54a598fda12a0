"""A record holding nothing is "new" everywhere: after ctrl+r twice on a stale record, the
record line written (in progress, no span) is said new by the status line, the list (l), the
exit line and ``stats``. A trial took the status line's "○ new" for untrue, a record having
been written; the rule is one (``journal_summary.doc_status``: opened, it is a blank)."""

from __future__ import annotations

import time
from pathlib import Path

import orjson

from annotator.core.corpus import open_corpus
from annotator.core.journal_summary import exit_summary
from annotator.core.stats import read_stats
from annotator.tui.annotate_status import AnnotateProgress
from tests.conftest import make_record
from tests.test_session_data import journal_lines, open_alice_on, statuses, write_texts


def test_a_stale_record_started_over_is_new_in_the_status_line_list_exit_and_stats(
    tmp_path: Path,
) -> None:
    corpus = write_texts(tmp_path)
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    stale = make_record("date 2025-08-24 Russia and Ukraine swapped 145 prisoners.\n")
    journal.write_bytes(orjson.dumps(stale) + b"\n")
    started = time.time_ns()
    session = open_alice_on(corpus, tmp_path, "a")
    try:
        assert session.stale is not None
        assert AnnotateProgress.of(session).status == "stale"
        session.start_over()
        assert session.flush(5)
        written = journal_lines(session)[-1]
        assert (written["status"], written["spans"]) == ("in_progress", [])
        assert AnnotateProgress.of(session).status == "new"
        assert statuses(session) == {"a": "new", "b": "new", "c": "new"}
        assert exit_summary(session, journal, started, tmp_path) == (
            "nothing annotated yet (3 documents); your work is saved to out/annotations/alice.jsonl"
        )
    finally:
        session.close()
    stats = read_stats([journal], corpus=open_corpus(corpus))
    assert stats.empty_words([journal]) == (
        f"no annotator's work in {journal}: its 1 record(s) hold nothing (every change undone, "
        "or started over with ctrl+r)"
    )
