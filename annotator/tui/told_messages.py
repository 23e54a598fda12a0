"""Messages that can be taken back: ``ToldMessagesApp``, the base of the annotation and review
apps (``saving_app.SavingApp``).

A message says what happened or why a key did nothing; once that is no longer true (an action
of its kind worked) it goes (``tell_about``, ``withdraw``), and the others stay for the rest of
their time. Every message is plain text, and counts as showing from the moment it is told.
"""

from __future__ import annotations

from textual import on
from textual.notifications import Notification, Notify, SeverityLevel

from annotator.tui.keys_in_order import KeysInOrderApp


class ToldMessagesApp(KeysInOrderApp):
    """An app whose messages are plain text and can be taken back by kind."""

    def __init__(self) -> None:
        super().__init__()
        self._showing: list[Notification] = []  # told since the last clear (some expired)
        # Told, and not yet handed to the screen (``_showing_one_more``); and of those, the
        # ones taken away meanwhile, never to be shown.
        self._on_the_way: set[str] = set()
        self._taken_on_the_way: set[str] = set()
        self._told_about: dict[str, set[str]] = {}  # a kind of action: the messages about it

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every message is plain text, whatever ``markup`` a caller passes (a widget's notify
        passes True): messages quote the article's words, and words in brackets are text, not
        tags. As markup, 'Ilse [Ringo] Tamm' lost '[Ringo]', and a quoted '[/]' (markup copied
        into an article) raised MarkupError when the toast was drawn.

        Counted as showing from now, not from when the app handles its Notify a moment later
        (Textual's own notify): a message taken away in between was missed, and stayed. A
        trial's ctrl+s saved the typing in received_by ("typed over Sefaria from s3, now
        unlinked") and swapped in one turn; the swap's withdrawal missed that message, and it
        stayed up after two ctrl+z had given the link back."""
        if timeout is None:
            timeout = self.NOTIFICATION_TIMEOUT
        notification = Notification(message, title, severity, timeout, markup=False)
        self._showing.append(notification)
        self._on_the_way.add(notification.identity)
        self.post_message(Notify(notification))

    def tell_about(
        self,
        kind: str,
        message: str,
        severity: SeverityLevel = "warning",
        title: str = "",
        timeout: float | None = None,
    ) -> None:
        """A message about an action of ``kind`` (its refusal, a hint how to use its key):
        ``withdraw(kind)`` takes it away once such an action works. Told again while it
        still shows, it takes the place of the one before rather than stacking below it."""
        self._take_away({message})
        self._told_about.setdefault(kind, set()).add(message)
        self.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def withdraw(self, *kinds: str) -> None:
        """Take away the messages about ``kinds`` still showing: they are no longer true (a
        failed r's warning stayed up after an r that worked, a refused d's beside "done").
        Several kinds at once: a second call in the same turn does not see the toasts the
        first one showed again, and would leave its own."""
        taken: set[str] = set()
        for kind in kinds:
            taken |= self._told_about.pop(kind, set())
        self._take_away(taken)

    def _take_away(self, messages: set[str]) -> None:
        """Take ``messages`` away; the others stay for the rest of their time. Textual clears
        only every toast at once, so the others are shown again."""
        showing = [shown for shown in self._showing if not shown.has_expired]
        if not any(shown.message in messages for shown in showing):
            return
        self.clear_notifications()
        for shown in showing:
            if shown.message not in messages:
                self.notify(
                    shown.message,
                    title=shown.title,
                    severity=shown.severity,
                    timeout=shown.time_left,
                    markup=shown.markup,
                )

    @on(Notify)
    def _showing_one_more(self, event: Notify) -> None:
        """A message told reaches the screen, unless it was taken away on its way."""
        identity = event.notification.identity
        self._on_the_way.discard(identity)
        if identity in self._taken_on_the_way:
            self._taken_on_the_way.discard(identity)
            event.prevent_default()  # Textual's own handler would show it
            return
        self._showing = [shown for shown in self._showing if not shown.has_expired]
        if all(shown.identity != identity for shown in self._showing):
            self._showing.append(event.notification)  # told by another way than ``notify``

    def clear_notifications(self) -> None:
        # Textual removes a cleared toast but not its holder, and each holder left put the
        # next toasts a line lower: at 80x24 they came down over the span panel and the form.
        for screen in self.screen_stack:
            screen.query("ToastHolder").remove()
        self._showing.clear()
        self._taken_on_the_way |= self._on_the_way  # cleared as well, before they show
        self._on_the_way.clear()
        super().clear_notifications()
