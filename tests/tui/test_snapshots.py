"""SVG snapshots of the annotation screen, the help screen and the document list (140x40).

The corpus is fixed (tests/fixtures/snapshot_docs), the annotator is "snap" and the session's
clocks are fixed, so nothing on screen depends on who runs the tests or when. The first article
gets a span-rich record before the app starts: the gold spans of its first paragraphs (two of
them nested in longer ones) and an event form with one release filled from spans.

The snapshots were made with textual 8.2 (pyproject pins ``textual>=8.2,<8.3``). After a change to
the screen, regenerate and look at them: ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.screens import DocListScreen, HelpScreen

SIZE = (140, 40)
CORPUS = Path(__file__).parent.parent / "fixtures" / "snapshot_docs"
FIRST = "01-russia-ukraine-swap"

# (start, end, label) in the first article: the seed's gold spans of its first five paragraphs.
SPANS = [
    (16, 22, "actor"),  # s1 Russia
    (27, 34, "actor"),  # s2 Ukraine
    (75, 81, "date"),  # s3 Sunday
    (663, 687, "actor"),  # s4 Russian defence ministry
    (710, 713, "count"),  # s5 146, inside s6
    (710, 732, "releasee"),  # s6 146 Russian servicemen
    (780, 784, "actor"),  # s7 Kyiv
    (818, 821, "count"),  # s8 146, inside s9
    (818, 868, "releasee"),  # s9 146 prisoners of war of the Ukrainian armed forces
    (893, 900, "actor"),  # s10 Ukraine
    (956, 962, "actor"),  # s11 Russia
    (978, 983, "count"),  # s12 eight, inside s13
    (978, 1018, "releasee"),  # s13 eight citizens of the Russian Federation
    (1063, 1067, "actor"),  # s14 Kyiv
]
# The first release, each field filled from a span (ctrl+l in the form).
RELEASE = {
    "released_by": "s2",
    "received_by": "s1",
    "count": "s5",
    "date": "s3",
    "releasees": "s6",
}
CURSOR = 711  # inside "146" (s5), itself inside s6: the detail panel shows both


def fixed_now() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 10, 0, tzinfo=dt.UTC)


def new_session(out: Path) -> AnnotationSession:
    return open_session(CORPUS, "snap", None, out, clock=lambda: 0.0, now=fixed_now)


def prepare_journal(out: Path) -> None:
    """Write the first article's span-rich record, as a person would have made it."""
    session = new_session(out)
    try:
        session.open(FIRST)
        for start, end, label in SPANS:
            session.label_selection(start, end, label)
        session.set_field("event_type", "exchange")
        session.add_group_item("releases")
        for name, span_id in RELEASE.items():
            session.fill_from_span(f"releases[0].{name}", span_id)
        assert [(s.start, s.end, s.label) for s in session.record.spans] == SPANS
    finally:
        assert session.close()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    prepare_journal(tmp_path)
    opened = new_session(tmp_path)
    yield opened
    opened.close()


def annotate_screen(app: Any) -> AnnotateScreen:
    for screen in app.screen_stack:
        if isinstance(screen, AnnotateScreen):
            return screen
    raise AssertionError("no annotation screen")


def article_shown(session: AnnotationSession, pilot: Pilot[Any]) -> Callable[[], bool]:
    def shown() -> bool:
        if not session.loaded:
            return False
        article = annotate_screen(pilot.app).query_one(ArticleView)
        return not article.loading and bool(article.text_original) and bool(article.spans)

    return shown


async def on_the_nested_span(session: AnnotationSession, pilot: Pilot[Any]) -> None:
    """Wait for the first article, then put the cursor inside the nested count span."""
    await wait_for(pilot, article_shown(session, pilot))
    assert session.document.id == FIRST
    annotate_screen(pilot.app).query_one(ArticleView).move_to_offset(CURSOR)
    await wait_for(pilot, lambda: session.selected == "s5")


def test_annotation_screen(snap_compare: Any, session: AnnotationSession) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await on_the_nested_span(session, pilot)

    assert snap_compare(AnnotatorApp(session), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare: Any, session: AnnotationSession) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await on_the_nested_span(session, pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert snap_compare(AnnotatorApp(session), terminal_size=SIZE, run_before=run_before)


def test_document_list(snap_compare: Any, session: AnnotationSession) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await on_the_nested_span(session, pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DocListScreen))
        # A steady cursor in the filter, so the picture does not depend on the blink phase.
        pilot.app.screen.query_one("#doc-filter", Input).cursor_blink = False

    assert snap_compare(AnnotatorApp(session), terminal_size=SIZE, run_before=run_before)
