"""The annotation app: one AnnotateScreen over an AnnotationSession."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen, Screen

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen, annotate_screen_for
from annotator.tui.export_screen import ExportScreen
from annotator.tui.keys import declared
from annotator.tui.screens import QuitScreen


class SaveStatus(Message):
    """The journal writer's state changed (posted from any thread)."""

    def __init__(self, state: str, error: str | None) -> None:
        super().__init__()
        self.state, self.error = state, error


class AnnotatorApp(App[None]):
    CSS_PATH = "annotator.tcss"
    TITLE = "annotator"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False),
        Binding("e", "export", "Export annotations…", show=False),
    ]

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__()
        self.session = session
        self.sub_title = f"{session.annotator} · {session.corpus.path}"
        self._told_error: str | None = None
        self.quit_flush_seconds = 3.0

    def on_mount(self) -> None:
        # A large article's record holds thousands of objects; full collections over them made
        # key presses stutter (p95 190 ms above a small article in bench/tui_latency.py). The
        # oldest generation is collected a hundred times less often (measured: p95 +39 ms).
        gc.set_threshold(700, 10, 1000)

        def relay(state: str, error: str | None) -> None:
            self.post_message(SaveStatus(state, error))

        self.session.on_save_status(relay)
        self.push_screen(annotate_screen_for(self.session))

    def on_save_status(self, message: SaveStatus) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, AnnotateScreen):
                screen.refresh_status()
        if message.state == "error" and message.error != self._told_error:
            self.notify(
                f"{message.error}. Your changes are kept and saving is retried.",
                title="cannot save",
                severity="error",
                timeout=15,
            )
        self._told_error = message.error

    # ------------------------------------------------------------------ quit
    async def action_quit(self) -> None:
        """Write everything first (off the UI thread); say so when the disk refuses."""
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
            f"Changes are not on disk yet: {self.session.save_error or 'still writing'}.\n\n"
            "They are kept in memory and saving keeps retrying. If you quit anyway, the records "
            "of the documents you changed are written to a rescue file instead."
        )

        def decided(leave: bool | None) -> None:
            if leave:
                rescued = self.session.rescue([Path.home(), Path("/tmp")])
                where = f"rescued to {rescued}" if rescued else "COULD NOT be rescued"
                self.exit(message=f"Unsaved changes {where}; append them to the journal.")

        self.push_screen(QuitScreen(problem), decided)

    # ---------------------------------------------------------------- export
    def action_export(self) -> None:
        self.push_screen(ExportScreen(self.session))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":  # e is free on the annotation screen (a reserved key) only
            return isinstance(self.screen, AnnotateScreen)
        return True

    # ----------------------------------------------------------- the palette
    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ModalScreen):
            key = "key: e · " if isinstance(screen, AnnotateScreen) else ""
            help_text = f"{key}your journal as jsonl, CoNLL, brat, spaCy… (annotator export)"
            yield SystemCommand("Export annotations…", help_text, self.action_export)
        if not isinstance(screen, AnnotateScreen):
            return
        seen: set[str] = {"Quit"}
        for node in (screen.article, screen):
            for binding in declared(type(node)):
                title = binding.description
                if not title or title in seen or not _in_palette(binding.action, node):
                    continue
                if binding.action.startswith("label("):
                    title = f"Label the selection {title}"
                seen.add(title)
                shown = binding.key_display or binding.key
                yield SystemCommand(
                    title[0].upper() + title[1:],
                    f"key: {shown}",
                    partial(self.run_action, binding.action, node),
                )


def _in_palette(action: str, node: object) -> bool:
    """Actions worth finding by name: the screen's own, not cursor moves or copying."""
    if isinstance(node, AnnotateScreen):
        return action not in ("focus_article",)
    return action.startswith("screen.") or action.startswith("cursor_article")
