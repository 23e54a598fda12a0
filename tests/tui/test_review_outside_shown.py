"""Pilot: a review whose every conflict is settled while the gold file holds open conflicts in
documents outside it (their annotators' records left out by ``--leave-out-unknown``) does not
say "Every conflict is settled" nor "all settled": the panel and the status line say what is
left outside (tests/test_review_outside.py's gold file)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import wait_for
from test_review_keys import NOW, panel_text, status_line
from textual.pilot import Pilot

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_status import ReviewProgress
from annotator.tui.review_status import status_line as status_line_of
from tests.test_review_outside import NEW_SCHEME, d1_conflicts, made_gold


def test_the_settled_panel_and_status_line_say_the_open_conflicts_left_outside(
    tmp_path: Path,
) -> None:
    files, corpus, gold = made_gold(tmp_path)
    conflicts = d1_conflicts(gold)
    new = tmp_path / "new.toml"
    new.write_text(NEW_SCHEME, encoding="utf-8")
    session = open_review(
        files, corpus, gold, "rita", scheme_path=new, now=lambda: NOW, leave_out_unknown=True
    )
    seen: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: "settled" in panel_text(app))
            await Pilot(app).pause()
            seen.extend([status_line(app), panel_text(app)])

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    status, panel = seen
    assert status.startswith(f" review  settled here, {conflicts} open outside · 0 conflict(s)")
    assert "all settled" not in status
    assert "Every conflict is settled" not in panel
    words = " ".join(panel.split())
    assert words.startswith(
        "✓ Every conflict of this review is settled. The gold file still holds "
        f"{conflicts} open conflict(s) in 1 document(s) outside this review (d1): their "
        "annotators' records are not merged now (the opening's notes say why); their lines "
        "stay as they are. 1 of 1 document(s) are done gold."
    ), words


def test_the_status_line_keeps_the_count_outside_when_narrow() -> None:
    settled = ReviewProgress(
        doc_id="02-tamore-hostages-freed",
        position=1,
        documents=1,
        conflicts_left=0,
        documents_left=0,
        reviewer="rita",
        drawing=False,
        char_mode=False,
        save_state="saved",
        outside=2,
    )
    lines = [status_line_of(settled, width).plain for width in (80, 40)]
    assert lines == [
        " review  2 open outside · 0 left in 0 doc(s) · 02-tamore-hostages-freed ● saved ",
        " 2 outside · 0 left · 02-tamo…  ● saved ",
    ]
