"""Pilot: annotate on a journal whose scheme changed mid-project (a user trial). The start-up
messages count and name the records holding what the scheme lacks and the done ones lacking a
required field; the document list marks them (``· needs location``, ``· ? not in scheme``); the
records set right on screen are no longer said by the exit's lines."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import DocListScreen
from tests.test_journal_scheme_changed import annotated_under_v1
from tests.test_session_data import fixed_now


def reopened(tmp_path: Path, scheme: str) -> AnnotationSession:
    corpus, written = annotated_under_v1(tmp_path)
    return open_session(corpus, "alice", written[scheme], tmp_path / "out", now=fixed_now)


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


def test_the_start_names_the_done_records_a_required_field_is_missing_from(
    tmp_path: Path,
) -> None:
    session = reopened(tmp_path, "v3")
    journal, scheme = session.journal, tmp_path / "v3.toml"

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: any("location in all 3" in text for text in said(app)))
        assert [text for text in said(app) if text.startswith(str(journal))] == [
            f"{journal}: 2 of its 3 records (a, b; l marks them) hold labels, fields or choice "
            f"values not in the scheme given, {scheme}: was this journal made with another "
            "scheme? to go on in that one, quit with q and start again with --scheme FILE; else "
            "opening one says what it holds",
            f"{journal}: all 3 of its done records (a, b, c; l marks them) need fields the "
            "scheme requires: location in all 3, outcome in 1 (b)",
        ]

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_the_list_marks_a_done_record_lacking_a_required_field(tmp_path: Path) -> None:
    """Each row said ``✓ done`` alone: the three records lacking location looked finished."""
    session = reopened(tmp_path, "v3")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "l")
        screen = app.screen
        assert isinstance(screen, DocListScreen)
        options = screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(n).prompt) for n in range(3)]
        assert rows == [
            "   1  ✓ done       a · needs location · ? not in scheme",
            "   2  ✓ done       b · needs outcome, location · ? not in scheme",
            "   3  ✓ done       c · needs location",
        ]
        await press(pilot, *"needs outcome")  # the marks filter as the status does
        assert options.option_count == 1

    try:
        drive(session, scenario)
    finally:
        session.close()


def test_spans_deleted_on_screen_are_not_said_at_exit(tmp_path: Path) -> None:
    """bob's trial: ``/`` to each mediator span, x, q, and the exit still said the records
    held labels not in the scheme (the start's line, printed before the screen)."""
    session = reopened(tmp_path, "v2")
    journal, scheme = session.journal, tmp_path / "v2.toml"
    assert session.scheme_notices(at_exit=True)[0].startswith(
        f"{journal}: 2 of its 3 records (a, b; annotate's l marks them) hold labels, "
    )

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert session.document.id == "a"
        await press(pilot, "slash", *"Ukraine", "enter", "x")
        await wait_for(pilot, lambda: all(s.label != "mediator" for s in session.record.spans))

    try:
        drive(session, scenario)
        assert session.scheme_notices(at_exit=True) == [
            f"{journal}: 1 of its 3 records (b; annotate's l marks it) holds labels, fields or "
            f"choice values not in the scheme given, {scheme}: kept as they are; annotator "
            f"validate --scheme {scheme} {journal} lists them",
            f"{journal}: 1 of its 3 done records (b; annotate's l marks it) needs outcome, "
            "which the scheme requires",
        ]
    finally:
        session.close()
