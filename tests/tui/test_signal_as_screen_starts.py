"""Pilot: a SIGTERM as the app starts, before its screen is mounted, closes the session as one
that comes later does (``SavingApp._hung_up``): the lock released, the app ended with no error.
The app took the signals only once mounted, after pushing its screen: one before ended the
process where it stood, the lock left behind; one just after, with the screen not put together
yet, raised in ``save_typing`` (NoMatches: no form yet), and the app ran on holding the lock.
Now they are taken as it loads, and an exit waits for a screen being put together."""

from __future__ import annotations

import asyncio

import pytest
from annotate_helpers import wait_for
from test_sigterm_closes_first import terminate, watch_the_end

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


@pytest.mark.parametrize("moment", ["before the screen is pushed", "before it is mounted"])
def test_a_sigterm_as_the_app_starts_closes_the_session(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    ending = watch_the_end(session.journal, monkeypatch)
    mounting = AnnotatorApp.on_mount

    def on_mount(app: AnnotatorApp) -> None:
        if moment == "before the screen is pushed":
            terminate()
        mounting(app)
        if moment == "before it is mounted":
            assert not app.screen.is_mounted
            terminate()

    monkeypatch.setattr(AnnotatorApp, "on_mount", on_mount)

    async def main() -> None:
        app = AnnotatorApp(session)
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: not app.is_running)

    asyncio.run(main())  # an error in the app would be raised here
    [(_seconds, status, locked, lines)] = ending
    assert (status, locked, lines) == (0, False, [])
