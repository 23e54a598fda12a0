"""Pilot at 160x45: a message showing when the document list opens is said once, in the
list's box; the annotation screen's toast, below the box there (at 80x24 and 120x36 the box
covers it), is not drawn through the list's see-through background. Its toast rack is marked,
not the screen (toasts_under): a class on the screen restyled every widget in it as a box
opened and closed."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import DocListScreen, MessagesSaid
from annotator.tui.toasts_under import SUSPENDED

REFUSED = "not done"


def drawn(app: AnnotatorApp, words: str) -> int:
    return app.export_screenshot().replace("&#160;", " ").count(words)


def test_the_toast_under_the_list_is_hidden_by_its_rack(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()  # the Welcome
        await pilot.pause()
        screen = screen_of(app)
        rack = screen.query_one("ToastRack")
        assert not rack.has_class(SUSPENDED)
        # Refused (the first article's event_type is empty), and the list opened at once.
        await press(pilot, "d", "l")
        await wait_for(pilot, lambda: isinstance(app.screen, DocListScreen))
        said = app.screen.query_one(MessagesSaid)
        await wait_for(pilot, lambda: said.display and said.region.height > 0)
        await pilot.pause()
        assert str(said.render()).startswith(f"▌ {REFUSED}: ")
        assert drawn(app, REFUSED) == 1
        assert rack.has_class(SUSPENDED) and not screen.has_class(SUSPENDED)
        await press(pilot, "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen))
        assert not rack.has_class(SUSPENDED)
        await wait_for(pilot, lambda: any(REFUSED in toast for toast in toasts(app)))
        assert drawn(app, REFUSED) == 1

    drive(session, scenario, size=(160, 45), notifications=True)
