"""The annotation screen's status line at 80 columns: decoration goes before the annotator's name
(a trial's line dropped the name as soon as a document was flagged), and the document id is cut
before the status's and the progress's words go (a trial's read a bare "○ · root · 6/14")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from annotate_helpers import press, screen_of, wait_for
from test_annotate_small_terminal import SMALL, drive_small
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_status import AnnotateProgress, status_line
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

LONG_ID = "03-drava-disputed-figures"  # the sample article of the trial

FLAGGED = AnnotateProgress(
    position=3,
    documents=14,
    doc_id=LONG_ID,
    date="2024-06-09",
    status="in_progress",
    flagged=True,
    char_mode=False,
    annotator="alice",
    done=0,
    save_state="saved",
)


def line(progress: AnnotateProgress, width: int) -> str:
    text = status_line(progress, width).plain
    assert len(text) == width, text
    return text


def test_everything_is_said_when_it_fits() -> None:
    assert line(FLAGGED, 100) == (
        " 3/14  03-drava-disputed-figures · 2024-06-09 · ✎ started · ⚑ flagged · alice · "
        "done 0/14   ● saved "
    )


def test_the_date_goes_and_the_id_is_cut_before_the_status_words() -> None:
    assert line(FLAGGED, 80) == (
        " 3/14  03-drava-disputed-f… · ✎ started · ⚑ flagged · alice · done 0/14 ● saved "
    )
    # The marks' wordings shorten once the id is down to 16 characters.
    in_char_mode = replace(FLAGGED, char_mode=True)
    assert line(in_char_mode, 80) == (
        " 3/14  03-drava-disput… · ✎ started · ⚑ · CHAR MODE · alice · done 0/14 ● saved "
    )
    new = replace(FLAGGED, doc_id="10-pravonia-vellmark-swap-combining-accent", flagged=False)
    assert line(replace(new, status="new", done=6), 80) == (
        " 3/14  10-pravonia-vellmark-swap-combining… · ○ new · alice · done 6/14 ● saved "
    )


def test_the_document_id_is_cut_to_the_room_left_before_the_name_goes() -> None:
    # The status's and the progress's words go once the id is down to 12 characters.
    assert line(FLAGGED, 60) == " 3/14  03-drava-disput… · ✎ · ⚑ · alice · done 0/14 ● saved "
    # A long name is shortened first; the id keeps 8 characters before the name is dropped,
    # and then takes the room the name leaves.
    long_name = replace(FLAGGED, annotator="alexandra.konstantinopoulou", char_mode=True)
    assert line(long_name, 80) == (
        " 3/14  03-drava-disp… · ✎ started · ⚑ · CHAR · alexandra.k… · done 0/14 ● saved "
    )
    assert line(long_name, 60) == " 3/14  03-drava-disputed-fig… · ✎ · ⚑ · CHAR · 0/14 ● saved "


def test_the_position_progress_and_save_state_stay_at_40_columns() -> None:
    assert line(replace(FLAGGED, char_mode=True), 40) == " 3/14  0… · ✎ · ⚑ · CHAR · 0/14 ● saved "
    assert line(FLAGGED, 40) == " 3/14  03-drava… · ✎ · ⚑ · 0/14 ● saved "


@pytest.fixture
def long_id_session(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "date 2024-06-09 Ostreva said 187 soldiers had been returned.\n"
    (corpus / f"{LONG_ID}.txt").write_text(text, encoding="utf-8")
    opened = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def test_flagging_at_80_columns_keeps_the_annotator_s_name(
    long_id_session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        status = screen_of(app).query_one("#status", Static)
        await wait_for(pilot, lambda: "saved" in str(status.render()))
        assert status.size.width == SMALL[0]
        assert str(status.render()) == (
            " 1/1  03-drava-disputed-figures · 2024-06-09 · ○ new · alice · done 0/1 ● saved "
        )
        await press(pilot, "f")
        await wait_for(pilot, lambda: long_id_session.record.flagged)
        assert str(status.render()) == (
            " 1/1  03-drava-disputed-fig… · ✎ started · ⚑ flagged · alice · done 0/1 ● saved "
        )
        await press(pilot, "c")  # character mode
        assert str(status.render()) == (
            " 1/1  03-drava-disputed… · ✎ started · ⚑ · CHAR MODE · alice · done 0/1 ● saved "
        )

    drive_small(long_id_session, scenario)
