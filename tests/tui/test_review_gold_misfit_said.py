"""Pilot: a document whose gold line does not fit its text (edited by hand) is said as it
opens, with the way out: every decision on it is refused (``review_gold_fit``), and a trial
learnt of it only when one was."""

from __future__ import annotations

from pathlib import Path

import orjson
from annotate_helpers import toasts, wait_for
from test_review_keys import NOW, drive
from textual.pilot import Pilot

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from tests.test_review_data import CORPUS, FIRST, two_journals


def test_a_gold_line_off_the_text_is_said_as_its_document_opens(tmp_path: Path) -> None:
    alice, bob = two_journals(tmp_path)
    gold = tmp_path / "gold.jsonl"
    open_review([alice, bob], CORPUS, gold, "rita", now=lambda: NOW).close()
    lines = [orjson.loads(line) for line in gold.read_bytes().splitlines()]
    first = next(line for line in lines if line["doc_id"] == FIRST)
    first["spans"][0]["text"] += "X"  # a hand edit
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(first) + b"\n")
    session = open_review([alice, bob], CORPUS, gold, "rita", now=lambda: NOW)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await wait_for(pilot, lambda: any("does not fit the text" in t for t in toasts(app)))
        (said,) = [t for t in toasts(app) if "does not fit the text" in t]
        assert said.startswith(f"{FIRST}: its gold line does not fit the text (spans.0.text: ")
        assert "merge the document anew from the journals (l, then ctrl+r twice)" in said

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()
