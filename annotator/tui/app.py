"""The annotation app: one AnnotateScreen over an AnnotationSession."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from annotator.core.forms import path_words
from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen, annotate_screen_for
from annotator.tui.export_screen import ExportScreen
from annotator.tui.keys import declared
from annotator.tui.saving_app import SavingApp
from annotator.tui.toasts_under import hide_toasts_under_top


class AnnotatorApp(SavingApp):
    CSS_PATH = "annotator.tcss"
    TITLE = "annotator"
    # The complete list (help and the palette read it): the base's quit key, and export.
    BINDINGS: ClassVar[list[BindingType]] = [
        *SavingApp.BINDINGS,
        Binding("e", "export", "Export annotations…", show=False),
    ]
    # Not the screen below a box but its toast rack is marked (toasts_under): cheaper to restyle.
    SUSPENDED_SCREEN_CLASS = ""

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__(session)
        self.session = session
        self.sub_title = f"{session.annotator} · {session.corpus.path}"

    def on_mount(self) -> None:
        # A large article's record holds thousands of objects; full collections over them made
        # key presses stutter (p95 190 ms above a small article in bench/tui_latency.py). The
        # oldest generation is collected a hundred times less often (measured: p95 +39 ms).
        gc.set_threshold(700, 10, 1000)

        self.relay_save_status()
        hide_toasts_under_top(self)
        self.push_screen(annotate_screen_for(self.session))

    def refresh_save_indicator(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, AnnotateScreen):
                screen.refresh_status()
                screen.start_up.journal_saved(screen)  # the first save makes the journal

    def save_typing(self) -> list[str]:
        # A screen not mounted yet holds no typing, nor the fields to ask (a SIGTERM as the app
        # started raised NoMatches, and the session was left open).
        screens = [
            screen
            for screen in self.screen_stack
            if isinstance(screen, AnnotateScreen) and screen.is_mounted
        ]
        unsaved = [shown for screen in screens for shown in screen.save_typing()]
        return [f"{path_words(path)} shows {text!r}" for path, text in unsaved]

    # ---------------------------------------------------------------- export
    def action_export(self) -> None:
        # The messages showing are said in the dialog's box (screens.MessagesSaid), not over
        # its options: cleared as it opened, a refusal pressed just before e was lost unread.
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


# Textual's own screen keys, which the annotation screen keeps (keys.with_label_keys), do not do
# here what they say: in the article tab is the next span ("Focus Next: tab" in the palette
# misled a trial), and ctrl+c copies the article's selected words, not the screen's.
_TEXTUAL_SCREEN_ACTIONS = {binding.action for binding in declared(Screen)}


def _in_palette(action: str, node: object) -> bool:
    """Actions worth finding by name: the screen's own and copying, not cursor moves."""
    if isinstance(node, AnnotateScreen):
        return action not in ("focus_article", *_TEXTUAL_SCREEN_ACTIONS)
    return action.startswith(("screen.", "cursor_article")) or action == "copy"
