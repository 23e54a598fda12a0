"""The review screen on 80x24 and the drawing hint: the status line keeps the save state and
the conflicts left; toasts stay off the conflict panel's versions; ``e`` says the conflict's
words are selected to start with, and an arrow alone starts afresh.

The journals are tests/test_review_data.py's alice and bob: the first conflict is "Kyiv"
(780-784), which alice marked as an actor and bob left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import (
    drive,
    gold,
    panel_text,
    review_of_two,
    screen_of,
    shown,
    spans_of,
    status_line,
)
from textual.geometry import Region

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_status import ReviewProgress
from annotator.tui.review_status import status_line as line_for
from annotator.tui.screens import HelpScreen
from tests.test_review_data import FIRST, SECOND

KYIV = (780, 784)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path, "rita-the-reviewer")


def progress(**changes: object) -> ReviewProgress:
    fields: dict[str, object] = {
        "doc_id": "2025/08/24/kyiv-independent-prisoner-exchange",
        "position": 1234,
        "documents": 10000,
        "conflicts_left": 18765,
        "documents_left": 4321,
        "reviewer": "rita-the-reviewer",
        "drawing": True,
        "char_mode": True,
        "save_state": "saved",
    }
    fields.update(changes)
    return ReviewProgress(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160, 240])
@pytest.mark.parametrize("state", ["saved", "saving", "error"])
def test_the_status_line_fits_with_the_save_state_and_the_conflicts_left(
    width: int, state: str
) -> None:
    text = line_for(progress(save_state=state), width).plain
    assert len(text) == width
    mark = {"saved": "● saved", "saving": "◌ saving…", "error": "✖ NOT SAVED (retrying)"}[state]
    assert text.endswith(f"{mark} ")
    assert "18765 " in text
    if width >= 80 and state != "error":  # the long error mark takes 22 columns
        assert "18765 left in 4321 doc(s)" in text or "18765 conflict(s) left" in text
        assert "DRAWING" in text
    if width >= 240:
        assert "18765 conflict(s) left in 4321 document(s)" in text
        assert "(1234/10000) · reviewer rita-the-reviewer" in text


def test_a_short_line_keeps_its_whole_wording() -> None:
    text = line_for(progress(doc_id="d1", drawing=False, char_mode=False), 120).plain
    assert text.startswith(" review  18765 conflict(s) left in 4321 document(s) · d1 (1234/10000)")
    assert "reviewer rita-the-reviewer" in text
    settled = line_for(progress(doc_id=None, drawing=False, char_mode=False), 80).plain
    assert settled.startswith(" review  all settled · 18765 ")


@pytest.mark.parametrize("width", [80, 160])
def test_char_mode_is_in_force_only_while_drawing(width: int) -> None:
    drawing = line_for(progress(doc_id="d1", drawing=True, char_mode=True), width).plain
    assert "CHAR" in drawing and "DRAWING" in drawing
    # Between drawings the mode is kept for the next span, said in lower case.
    between = line_for(progress(doc_id="d1", drawing=False, char_mode=True), width).plain
    assert "CHAR" not in between and "DRAWING" not in between
    assert "e draws in char mode" in between or "e: char mode" in between
    token = line_for(progress(doc_id="d1", drawing=False, char_mode=False), width).plain
    assert "char" not in token.lower()


def test_at_80x24_status_and_toasts_leave_the_versions_visible(session: ReviewSession) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        assert status_line(app).rstrip().endswith("● saved")
        assert "conflict(s) left" in status_line(app) or " left in " in status_line(app)
        app.clear_notifications()
        # p from the first conflict rounds to the last one: said in a toast beside the panel.
        await press(pilot, "p")
        await wait_for(pilot, lambda: bool(app.screen.query("Toast")))
        await pilot.pause()
        panel = screen_of(app).query_one("#conflict-box").region
        toasts = [toast for toast in app.screen.query("Toast") if toast.region]
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(panel), (toast.region, panel)

    drive(session, scenario, (80, 24), notifications=True)


def toasts_shown(app: ReviewApp) -> list[str]:
    """The text of every toast drawn on the screen on top."""
    # A toast hidden by its holder keeps the region it had: the holder says.
    return [
        str(toast.render())
        for toast in app.screen.query("Toast")
        if toast.region and toast.parent is not None and toast.parent.display
    ]


def test_at_80x24_one_toast_at_a_time_and_none_over_help(session: ReviewSession) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        # The opening messages (the new gold file) are one toast.
        await wait_for(pilot, lambda: bool(toasts_shown(app)))
        (opening,) = toasts_shown(app)
        assert "new gold file" in opening
        # p rounds to the last conflict, c switches character mode on: each said, the last
        # replacing the one before (stacked, three hid two thirds of the article).
        await press(pilot, "p")
        await pilot.pause()
        assert [" ".join(text.split()) for text in toasts_shown(app)] == [
            "no open conflict before this one: went round to the last open one"
        ]
        await press(pilot, "c")
        await pilot.pause()
        (told,) = toasts_shown(app)
        assert told.startswith("character mode, until c again")
        # None over the help screen; the one still due is back when it closes.
        await press(pilot, "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        assert toasts_shown(app) == []
        await press(pilot, "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))
        await pilot.pause()
        assert toasts_shown(app) == [told]
        # A decision is confirmed in the same one toast: the review moves on at once.
        await press(pilot, "b")
        await pilot.pause()
        (told,) = toasts_shown(app)
        assert told.startswith("settled c1: took bob's version")

    drive(session, scenario, (80, 24), notifications=True)


def test_drawing_says_the_region_is_selected_and_an_arrow_starts_afresh(
    session: ReviewSession,
) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        article = screen_of(app).query_one(ReviewArticle)
        assert article.selection_offsets() == KYIV
        await press(pilot, "e", "c")
        said = panel_text(app)
        assert "The conflict's words (780–784) are selected to start with" in said
        assert "← or → alone drops it, to select afresh" in said
        # What the user did: three shift+left take three characters off the region's end.
        await press(pilot, "shift+left", "shift+left", "shift+left")
        assert article.selection_offsets() == (780, 781)
        # Starting afresh: left drops the selection at its start; three shift+right, three
        # characters.
        await press(pilot, "left", "shift+right", "shift+right", "shift+right")
        assert article.selection_offsets() == (780, 783)
        # The panel follows the selection, and says how to start again from the region.
        said = " ".join(panel_text(app).split())
        assert "Selected: “Kyi” 780–783." in said
        assert "Escape, then e, starts again from the conflict's words." in said
        await press(pilot, "1")
        drawn = [s for s in gold(session)[-1]["spans"] if (s["start"], s["end"]) == (780, 783)]
        assert [(s["label"], s["text"]) for s in drawn] == [("actor", "Kyi")]

    drive(session, scenario, (80, 24), notifications=True)


def test_escape_gives_up_a_stray_selection_and_e_starts_from_the_conflict_s_words(
    session: ReviewSession,
) -> None:
    # A user trial: a wrong selection, escape, e again and a label key was refused as outside
    # the conflict, and the panel still said "the selection (…) is kept".
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        article = screen_of(app).query_one(ReviewArticle)
        await press(pilot, "e", "left", *["ctrl+shift+left"] * 3)
        stray = article.selection_offsets()
        assert stray != KYIV and stray[0] != stray[1]
        assert f"Selected: {min(stray)}–{max(stray)}" in " ".join(panel_text(app).split())
        await press(pilot, "escape")
        assert article.selection_offsets() == KYIV
        assert "Selected:" not in panel_text(app)
        # Moved off the region before e: drawing still starts from the conflict's words.
        await press(pilot, "shift+left", "e")
        assert article.selection_offsets() == KYIV
        assert "The conflict's words (780–784) are selected to start with" in panel_text(app)
        await press(pilot, "1")
        assert (780, 784, "actor") in spans_of(gold(session)[-1])

    drive(session, scenario, (140, 40), notifications=True)


def test_drawing_with_nothing_selected_says_to_select(session: ReviewSession) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        await press(pilot, "e", "left")  # e selects the region; an arrow drops it
        assert "Select the span with shift+arrows or the mouse" in panel_text(app)

    drive(session, scenario, (140, 40), notifications=True)


def keys_in_sight(app: ReviewApp) -> str:
    """The text of the panel's keys, which must lie whole inside the conflict box."""
    box = screen_of(app).query_one("#conflict-box")
    keys = screen_of(app).query_one("#conflict-keys")
    assert keys.region.height and box.region.contains_region(keys.region), (keys.region, box)
    strips = keys.render_lines(Region(0, 0, keys.size.width, keys.region.height))
    return " ".join(" ".join(strip.text for strip in strips).split())


def test_at_80x24_the_drawing_keys_are_in_sight(session: ReviewSession) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        # c2: alice's long releasee around bob's shorter one, as in the user trial.
        await press(pilot, "n", "e")
        seen = keys_in_sight(app)
        for shown_text in ("1 actor", "4 releasee", "escape cancels", "replaces every version"):
            assert shown_text in seen, shown_text

    drive(session, scenario, (80, 24), notifications=True)


def test_at_80x24_a_form_field_lists_r_in_sight(session: ReviewSession) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        # c4, the releases (not required): r rejects; its key list is in sight below the frames.
        await press(pilot, "n", "n", "n")
        assert session.current == Place(FIRST, "c4")
        seen = keys_in_sight(app)
        # Below 30 rows, in a paragraph (review_layout.SHORT_BELOW).
        # bob's second release alone, one version: t (its number) is not offered.
        assert "r reject" in seen and "t all" not in seen
        # The second article's event_type is required and empty: r is listed, and why not.
        await press(pilot, "n")
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert "r not here: event_type is required" in keys_in_sight(app)

    drive(session, scenario, (80, 24), notifications=True)


def footer_keys(app: ReviewApp) -> dict[str, Region]:
    """The footer's keys (by action) that are drawn whole, left of the palette key."""
    keys = list(app.screen.query("FooterKey"))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return {
        str(getattr(key, "action", "")): key.region
        for key in keys
        if key is not palette and key.region.width and key.region.right <= palette.region.x
    }


def test_at_80_columns_the_footer_keeps_help_and_quit(session: ReviewSession) -> None:
    async def scenario(pilot, app: ReviewApp) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        shown_keys = footer_keys(app)
        assert {"help", "quit", "edit"} <= set(shown_keys), shown_keys
        # Drawing: the label keys, escape, help and quit.
        await press(pilot, "e")
        await pilot.pause()
        shown_keys = footer_keys(app)
        labels = {f"label('{name}')" for name in ("actor", "count", "date", "releasee")}
        assert labels | {"cancel_edit", "help", "quit"} <= set(shown_keys), shown_keys

    drive(session, scenario, (80, 24), notifications=True)
