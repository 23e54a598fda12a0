"""The annotation screen's messages at start (``SessionView.on_mount``): the Welcome, while the
journal holds no record, and the start-up messages, which say where the work is (a journal
elsewhere, a damaged one set aside)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from annotator.core.journal_elsewhere import NoJournalYet
from annotator.core.journal_summary import welcome_words
from annotator.tui.session_view_sizes import ONE_MESSAGE_UP_TO, PANEL_BESIDE_FROM

if TYPE_CHECKING:
    from annotator.tui.session_view import SessionView

# The Welcome's time on screen, unless a key takes it away first (``SessionView.on_key``).
WELCOME_SECONDS = 10
# Half a minute: the start-up messages say where the work is; at ten seconds a trial's
# annotator, reading the article, missed one.
START_UP_SECONDS = 30
# The kind the start-up messages are told as (``SessionView.settled`` takes them back).
START_UP = "start-up"
# The kind of the one saying there is no journal here yet (``NoJournalYet``): it goes alone,
# at the first save (``journal_saved``), the others staying.
NO_JOURNAL_YET = "no journal yet"


class StartUpMessages:
    """Shows the Welcome and the start-up messages; below 80 columns, one after the other;
    up to 80, only while the article has the focus."""

    def __init__(self) -> None:
        # The start-up messages waiting for the Welcome to go (``welcome_gone``), or up to 80
        # columns for the article's focus (``release``).
        self._held: list[str] = []
        self._welcome_up = False
        # The start-up messages shown, and when: up to 80 columns they are taken back while
        # the focus is away from the article (``focus_moved``).
        self._shown: list[str] = []
        self._shown_at = 0.0

    def show(self, view: SessionView) -> None:
        session = view.session
        messages = session.messages
        welcome = not session.store.records
        # Below 80 columns the toasts go over the panel under the article, whose room (7 rows
        # at 70x30 and at 70x20) the Welcome fills: a start-up message beside it went over the
        # article's last lines. It waits until the Welcome goes (the first key, or its time).
        under = view.app.size.width < PANEL_BESIDE_FROM
        self._welcome_up = welcome and under
        self._held = list(messages)
        self.release(view)
        if not welcome:
            return
        keys = "/".join(label.key for label in session.scheme.labels)
        if under:  # the same in fewer words: it fits the panel's room with a long path
            how = (
                f"Select words (shift+arrows, mouse), {keys} label them, o: event form, "
                "d: article done, ?: every key, ctrl+p: any action."
            )
        else:
            how = (
                f"Select words with shift+arrows or the mouse, press {keys} to label them, "
                "o to fill the event form, d when the article is done. "
                "? lists every key; ctrl+p finds any action by name."
            )
        # Gone at the first key (``welcome_gone``): at 80x24 it covered the top of the article
        # and the document list for its ten seconds. A start-up message beside it stays.
        view.tell_about(
            "welcome",
            f"{welcome_words(session.annotator, session.journal)} {how}",
            "information",
            title="Welcome",
            timeout=WELCOME_SECONDS,
        )
        if self._held:
            view.set_timer(WELCOME_SECONDS, lambda: self.welcome_gone(view))

    def welcome_gone(self, view: SessionView) -> None:
        """The Welcome went (a key took it away, or its time ran out): the start-up messages
        held while it showed, each then with its whole half minute."""
        if self._welcome_up:
            self._welcome_up = False
            self.release(view)

    def release(self, view: SessionView) -> None:
        """Show the messages held, unless the Welcome still shows or the focus is under the
        article (``focus_moved``)."""
        if not self._held or self._welcome_up or one_message_shows(view):
            return
        held, self._held = self._held, []
        self._shown, self._shown_at = held, time.monotonic()
        view.settled(START_UP, NO_JOURNAL_YET)
        for message in held:
            kind = NO_JOURNAL_YET if isinstance(message, NoJournalYet) else START_UP
            view.tell_beside(kind, message, "information", timeout=START_UP_SECONDS)

    def journal_saved(self, view: SessionView) -> None:
        """A save was made: "no journal in …" goes, shown or held, once the journal exists (a
        trial's stayed a minute after the first d, over the form, shown again as the focus
        came back to the article)."""
        untrue = [
            message
            for message in (*self._held, *self._shown)
            if isinstance(message, NoJournalYet) and not message.still_true()
        ]
        if not untrue:
            return
        self._held = [message for message in self._held if message not in untrue]
        self._shown = [message for message in self._shown if message not in untrue]
        view.settled(NO_JOURNAL_YET)

    def focus_moved(self, view: SessionView) -> None:
        """Up to 80 columns, with the focus away from the article (the form, the note), only
        the latest message shows, over the article's foot (annotator.tcss): start-up messages
        still showing are taken back, to show again, each with its whole half minute, once the
        article has the focus. A trial's o, the first key, took the focus to the form as the
        Welcome went and its notice showed: hidden there, it would have run out unseen."""
        if one_message_shows(view):
            showing = time.monotonic() - self._shown_at < START_UP_SECONDS
            if showing and self._shown:
                self._held = self._shown + self._held
                view.settled(START_UP, NO_JOURNAL_YET)
            self._shown = []
        else:
            self.release(view)


def one_message_shows(view: SessionView) -> bool:
    """Whether only the latest message is to show, over the article's foot (``-one-message``,
    set by ``SessionView.place_toasts``): up to 80 columns, with the focus away from the
    article. A start-up message would go unseen there."""
    away = view.has_class("-focus-beside-article")
    return away and view.size.width <= ONE_MESSAGE_UP_TO
