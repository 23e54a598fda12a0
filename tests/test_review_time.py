"""The reviewer's active time reaches the gold records (``seconds_spent``), as an annotator's
reaches theirs: ``stats`` on a gold file showed 0.0 minutes after a whole review."""

from __future__ import annotations

from pathlib import Path

from annotator.core.timer import ActiveTimer
from tests.test_agreement_data import run_cli
from tests.test_review_session_data import latest, open_it, write_review_case


def test_each_decision_adds_the_active_time_since_the_last_one(tmp_path: Path) -> None:
    setup = write_review_case(tmp_path)
    clock = [1000.0]
    session = open_it(setup)
    session.timer = ActiveTimer(lambda: clock[0], idle_limit=60)
    try:
        session.activity()  # the screen opens: a key
        clock[0] += 20  # reading the conflict, then a key to scroll
        session.activity()
        clock[0] += 15
        session.take(0)  # settled 35 s after the first key
        assert session.flush(5)
        assert latest(setup["gold"])["d1"]["seconds_spent"] == 35.0
        clock[0] += 600  # a long pause (lunch) counts for nothing
        session.activity()
        clock[0] += 10
        session.take(1)
        assert session.flush(5)
        assert latest(setup["gold"])["d1"]["seconds_spent"] == 45.0
    finally:
        assert session.close()
    summary = run_cli("stats", setup["gold"])
    assert summary.returncode == 0, summary.stderr
    assert "0.8 min" in summary.stdout  # 45 s
