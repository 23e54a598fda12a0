"""Pilot, 80x24: a trial's "Vellmark’s" (sample_docs/01, 1041–1051). ctrl+left from after it
stopped at the "’" (1049), inside what snapping had taken as one word, and a span of "Vellmark"
took escape, ← ×16, c, shift+→ ×8, r, c. Snapping now leaves a possessive out of a span's
edges, so 1049 is the end of the word it keeps: ctrl+shift+left from there selects "Vellmark",
and a selection of all of "Vellmark’s" is labelled "Vellmark" (core: test_possessive_words)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

ARTICLE = Path(__file__).parents[2] / "sample_docs" / "01-arbela-pow-swap.txt"


def test_ctrl_left_stops_where_snapping_ends_vellmark_and_its_span_leaves_out_the_s(
    tmp_path: Path,
) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert text[1041:1058] == "Vellmark’s deputy" and text[1957:1967] == "Vellmark’s"
    session = session_on(tmp_path, text)

    async def scenario(pilot, app: AnnotatorApp) -> None:  # type: ignore[no-untyped-def]
        article = screen_of(app).article
        await press(pilot, "slash", *"deputy", "enter", "escape")
        assert article.cursor_offset == 1058 and article.selected_text == ""
        await press(pilot, "ctrl+left", "left")  # just after "Vellmark’s", as in the trial
        assert article.cursor_offset == 1051
        await press(pilot, "ctrl+left")
        assert article.cursor_offset == 1049  # the end of "Vellmark", the "’s" crossed
        await press(pilot, "ctrl+right")
        assert article.cursor_offset == 1052  # "deputy": no stop after the "’s" (1051)
        await press(pilot, "ctrl+left")
        assert article.cursor_offset == 1049
        await press(pilot, "ctrl+shift+left")
        assert article.selection_offsets() == (1041, 1049)
        await press(pilot, "1")
        # The trial's way of selecting: the whole of "Vellmark’s" (shift+arrows), labelled.
        article.move_to_offset(1957)
        await press(pilot, *["shift+right"] * 10)
        assert article.selected_text == "Vellmark’s"
        await press(pilot, "1")
        spans = journal(session)[-1]["spans"]
        assert [(span["start"], span["end"], span["text"], span["label"]) for span in spans] == [
            (1041, 1049, "Vellmark", "actor"),
            (1957, 1965, "Vellmark", "actor"),
        ]

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
