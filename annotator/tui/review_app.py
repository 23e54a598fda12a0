"""The review app: one ReviewScreen over a ReviewSession (``annotator review``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from annotator.core.review import ReviewSession
from annotator.tui.keys import declared
from annotator.tui.review_bindings import SAID_IN_FULL, take_keys
from annotator.tui.review_field_edit import SettlingScreen
from annotator.tui.review_screen import ReviewScreen, review_screen_for
from annotator.tui.review_toasts import clear
from annotator.tui.saving_app import SavingApp
from annotator.tui.toasts_under import hide_toasts_under_top


class ReviewApp(SavingApp):
    CSS_PATH = "review.tcss"
    TITLE = "annotator review"
    SAVED_WHAT = "decisions"
    SAVED_WHERE = "gold file"
    UNSAVED_ADVICE = "enter settles the conflict with {it}"
    # Not the screen below a box but its toast rack is marked (toasts_under), as annotate
    # does: a class on the screen restyled all of it as each box opened and again as it closed.
    SUSPENDED_SCREEN_CLASS = ""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session
        self.quit_flush_seconds = 3.0

    def on_mount(self) -> None:
        self.relay_save_status()
        hide_toasts_under_top(self)
        self.push_screen(review_screen_for(self.session))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """One toast at a time, whoever tells (a saving error too): a new one replaces the
        one before, which stacked above it otherwise (review_toasts)."""
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                clear(screen)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        """The footer's keys; the number keys' as the current conflict has versions."""
        if binding.action == "take(0)":
            return take_keys(self.session)
        return super().get_key_display(binding)

    def save_typing(self) -> list[str]:
        """Typing in an editor is no decision until enter settles with it: a quit with an
        editor holding some stops once, as the annotation app's does for a refused value (it
        left at once, the typing gone unsaid)."""
        editors = [
            screen
            for screen in self.screen_stack
            if isinstance(screen, SettlingScreen) and screen.is_mounted  # else nothing typed
        ]
        return [typed for editor in editors if (typed := editor.unsettled()) is not None]

    def refresh_save_indicator(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.refresh_status()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReviewScreen):
            return
        seen = {"Quit"}
        for binding in declared(type(screen)):
            title = SAID_IN_FULL.get(binding.action, binding.description)
            if not title or title in seen or binding.action.startswith("label("):
                continue
            seen.add(title)
            yield SystemCommand(
                title,
                f"key: {binding.key_display or binding.key}",
                partial(self.run_action, binding.action, screen),
            )
