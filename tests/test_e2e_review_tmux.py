"""End to end in a real terminal: ``annotator review`` in tmux, settled by keys, checked on disk.

A reviewer's session in miniature, on tests/test_review_data.py's two journals: take alice's
"Kyiv" with ``a``, draw "146 prisoners of war" by hand (``e``, shift+left, ``4``), take bob's
"eight citizens…" with ``b``, take every release with ``t``, choose bob's event type with ``2``,
quit; then the gold file must hold those decisions and pass ``annotator validate --corpus``.
Like tests/test_e2e_tmux.py it runs its own tmux server, is skipped without tmux, and fails
without it in CI (CI=true).
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_e2e_tmux import Terminal, last_records
from tests.test_review_data import CORPUS, FIRST, SECOND, two_journals

pytestmark = pytest.mark.tmux


def test_review_settles_conflicts_with_keys_and_validates(tmux: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    alice, bob = two_journals(tmp_path / "work", corpus)
    gold = tmp_path / "gold.jsonl"
    program = Path(sys.executable).parent / "annotator"
    status_file = tmp_path / "exit-status"
    command = (
        f"{shlex.quote(str(program))} review {shlex.quote(str(alice))} {shlex.quote(str(bob))} "
        f"--corpus {shlex.quote(str(corpus))} -o {shlex.quote(str(gold))} --reviewer e2e; "
        f"echo $? > {shlex.quote(str(status_file))}"
    )
    terminal = Terminal(tmux, command)
    try:
        terminal.wait_for_text("Conflict c1 · 4 open")
        shown = terminal.screen()
        assert "5 conflict(s) left in 2 document(s)" in shown
        assert "reviewer e2e" in shown

        # c1 "Kyiv": alice's version.
        terminal.keys("a")
        terminal.wait_for_text("Conflict c2 · 3 open")
        # c2: draw bob's shorter span by hand: the region 818..868 is selected; shift+left
        # thirty times leaves "146 prisoners of war", 4 labels it releasee.
        terminal.keys("e")
        terminal.wait_for_text("DRAWING A SPAN")
        terminal.keys("S-Left", times=30)
        terminal.keys("4")
        terminal.wait_for_text("Conflict c3 · 2 open")
        # c3 "eight…": bob's version; then c4, the release only bob gave: its number takes it
        # (t is for several versions giving something).
        terminal.keys("b")
        terminal.wait_for_text("Conflict c4 · 1 open")
        terminal.keys("1")
        terminal.wait_for_text(SECOND)
        terminal.wait_for_text("event_type")
        # The event type: bob's "exchange".
        terminal.keys("2")
        terminal.wait_for_text("Every conflict is settled")
        terminal.wait_for_text("0 conflict(s) left")
        terminal.keys("q")
        terminal.wait_until_ended()
    finally:
        terminal.kill()

    assert status_file.read_text().strip() == "0"
    records = last_records(gold)
    assert set(records) == {FIRST, SECOND}
    first, second = records[FIRST], records[SECOND]
    assert first["annotator"] == "e2e" and first["status"] == "done"
    assert first["conflicts"] == []
    spans = {(s["start"], s["end"], s["label"]) for s in first["spans"]}
    assert {(780, 784, "actor"), (818, 838, "releasee"), (978, 1018, "releasee")} <= spans
    assert (818, 868, "releasee") not in spans and (978, 983, "count") not in spans
    assert [r["released_by"] for r in first["form"]["releases"]] == ["Ukraine", "Russia"]
    assert second["form"]["event_type"] == "exchange" and second["status"] == "done"

    validated = subprocess.run(
        [str(program), "validate", str(gold), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
