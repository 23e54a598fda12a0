"""The review app: one ReviewScreen over a ReviewSession (``annotator review``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from annotator.core.review import ReviewSession
from annotator.tui.keys import declared
from annotator.tui.review_screen import ReviewScreen, review_screen_for
from annotator.tui.screens import QuitScreen


class SaveStatus(Message):
    """The gold file's writer changed state (posted from any thread)."""

    def __init__(self, state: str, error: str | None) -> None:
        super().__init__()
        self.state, self.error = state, error


class ReviewApp(App[None]):
    CSS_PATH = "review.tcss"
    TITLE = "annotator review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self._told_error: str | None = None
        self.quit_flush_seconds = 3.0

    def on_mount(self) -> None:
        def relay(state: str, error: str | None) -> None:
            self.post_message(SaveStatus(state, error))

        self.session.on_save_status(relay)
        self.push_screen(review_screen_for(self.session))

    def on_save_status(self, message: SaveStatus) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.refresh_status()
        if message.state == "error" and message.error != self._told_error:
            self.notify(
                f"{message.error}. Your decisions are kept and saving is retried.",
                title="cannot save",
                severity="error",
                timeout=15,
            )
        self._told_error = message.error

    async def action_quit(self) -> None:
        """Write every decision first (off the UI thread); say so when the disk refuses."""
        self._flush_then_quit()

    @work(thread=True, exclusive=True, group="quit")
    def _flush_then_quit(self) -> None:
        written = self.session.flush(timeout=self.quit_flush_seconds)
        self.call_from_thread(self._after_flush, written)

    def _after_flush(self, written: bool) -> None:
        if written:
            self.exit()
            return
        problem = (
            f"Decisions are not on disk yet: {self.session.save_error or 'still writing'}.\n\n"
            "They are kept in memory and saving keeps retrying. If you quit anyway, the gold "
            "records of the documents you settled are written to a rescue file instead."
        )

        def decided(leave: bool | None) -> None:
            if leave:
                rescued = self.session.rescue([Path.home(), Path("/tmp")])
                where = f"rescued to {rescued}" if rescued else "COULD NOT be rescued"
                self.exit(message=f"Unsaved decisions {where}; append them to the gold file.")

        self.push_screen(QuitScreen(problem), decided)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReviewScreen):
            return
        seen = {"Quit"}
        for binding in declared(type(screen)):
            title = binding.description
            if not title or title in seen or binding.action.startswith("label("):
                continue
            seen.add(title)
            yield SystemCommand(
                title,
                f"key: {binding.key_display or binding.key}",
                partial(self.run_action, binding.action, screen),
            )
