"""What the annotation app and the review app share: the save indicator and a quit that loses
nothing.

Both run over a session whose store appends through the core's ordered writer: the writer's
state arrives from its thread as a message; quitting flushes first (off the UI thread) and, when
the disk keeps refusing, asks; quitting anyway leaves at once, and the store's closing writes
what the disk refused to a rescue file (``store_rescue``), said by ``closing_words``. A hangup,
a SIGTERM or a SIGINT saves as a quit does, closes the session itself and ends the process if
Textual, writing to a gone terminal, cannot (``_hung_up``).
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Protocol

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input, Select

from annotator.core.ending_signals import ENDING_SIGNALS, take_kept_signal
from annotator.core.store import Store
from annotator.core.store_rescue import closing_words
from annotator.tui.screens import QuitScreen
from annotator.tui.told_messages import ToldMessagesApp


class SaveStatus(Message):
    """The writer's state changed (posted from any thread)."""

    def __init__(self, state: str, error: str | None) -> None:
        super().__init__()
        self.state, self.error = state, error


class SavingSession(Protocol):
    """The part of a session the app needs for saving and quitting."""

    @property
    def save_error(self) -> str | None: ...

    def on_save_status(self, listener: Callable[[str, str | None], None] | None) -> None: ...

    def flush(self, timeout: float | None = None) -> bool: ...

    def close(self, timeout: float | None = 10.0) -> bool: ...

    @property
    def journal(self) -> Path: ...

    @property
    def store(self) -> Store: ...


class SavingApp(ToldMessagesApp):
    """An app over a session that saves as it goes. Subclasses name what is saved and where."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, as Textual's own: Textual runs no other binding of the app's while
        # a box (a modal screen) is on top, and ctrl+q did nothing, unsaid, in the review's
        # editors, help and document list, and in the annotation screen's boxes.
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]
    # A screen under another (a list over the form) is marked so its .tcss can hide its toasts:
    # the screen on top shows every message itself, and one under its see-through background
    # drew each message twice at 80x24 (ctrl+t's list over the form).
    SUSPENDED_SCREEN_CLASS = "-suspended"
    # Words for the messages: "changes" and "journal", or "decisions" and "gold file".
    SAVED_WHAT = "changes"
    SAVED_WHERE = "journal"
    # What a quit that stops for text not saved says to do with it (``typing_kept``).
    UNSAVED_ADVICE = "correct {it}"
    # Inputs that show no field (a search, a list's filter): typing there re-arms no quit.
    NOT_FIELDS: ClassVar[frozenset[str]] = frozenset({"search", "doc-filter"})

    def __init__(self, session: SavingSession) -> None:
        super().__init__()
        self.saving_session = session
        self._told_error: str | None = None
        self.quit_flush_seconds = 3.0
        # After a hangup or a SIGTERM, the session closed: how long Textual may take to end
        # (``_hung_up``).
        self.hangup_exit_seconds = 3.0
        self._hung_up_once = False
        self._unsaved_told: list[str] = []  # what the last quit stopped for, until re-armed
        # How many of the store's notices the screen had told when the person began to leave
        # (None: staying): the command says those given since at the exit, as the screen goes
        # once the quit's flush ends (a note typed, then ctrl+q: the journal found replaced
        # as the note was saved, said in a toast gone at once).
        self.notices_told: int | None = None

    def relay_save_status(self) -> None:
        """Have the writer's state changes posted to this app."""

        def relay(state: str, error: str | None) -> None:
            if state == "saving":
                # Called as the save is made (on its thread, before the message is handled):
                # a save by the quit that stops is made before it tells, so it re-arms nothing.
                self._rearm_quit()
            self.post_message(SaveStatus(state, error))

        self.saving_session.on_save_status(relay)

    def on_load(self) -> None:
        # Before the terminal is touched: a signal kept as the session opened ends the app
        # before its screen is drawn (``_hung_up`` asks Textual to exit, which then starts
        # nothing).
        self.save_on_hangup()

    def save_on_hangup(self) -> None:
        """Have a hangup (the terminal closed, an SSH connection dropped), a SIGTERM (`kill
        PID`, the system shutting down) and a SIGINT (`kill -INT PID`) save as a quit does;
        one that came as the session opened (``ending_signals``) is taken now.

        Without it the process ended at once: typing not saved yet (a pause saves it after a
        second) was lost, as a trial found by closing the terminal 0.2 s after typing a note.
        A SIGTERM ended it so as well, after SIGHUP no longer did: a count typed, then `kill
        -TERM` within a second, was lost; with the disk refusing, no rescue file was written,
        the lock was left and the terminal not restored. A SIGINT lost the typing, and the
        command said "the screen closed unexpectedly (return code None)"."""
        loop = asyncio.get_running_loop()
        for name, why in ENDING_SIGNALS:
            try:
                loop.add_signal_handler(getattr(signal, name), self._hung_up, why)
            except (NotImplementedError, RuntimeError, AttributeError, ValueError):
                continue  # no such signal here (another platform): nothing to keep
        kept = take_kept_signal()
        if kept is not None:
            self._hung_up(kept)

    def _hung_up(self, why: str = "the hang-up") -> None:
        # Nobody may see the screen any more: save what is typed (a value the field refuses
        # is kept in a note the next start says: no one can be asked), wait for the writer on
        # the loop, close the session (what the disk refused goes to a rescue file; the lock
        # is released), then leave with no question, whatever the flush says, and end the
        # process if Textual cannot. A SIGTERM's terminal is most often still there: Textual's
        # exit restores it, and the command's exit lines are said, well within
        # ``hangup_exit_seconds``.
        if self._hung_up_once:  # the terminal's SIGHUP and another's (tmux, the shell), a
            return  # SIGTERM after it, or a second SIGTERM: the first one is closing
        self._hung_up_once = True
        self._leaving()
        shown = self.save_typing()  # a field's text it refuses: kept for the next start to say
        if shown:
            self.saving_session.store.keep_refused_typing(shown, why)
        self._flush_writer()
        written = self.saving_session.close(timeout=self.quit_flush_seconds)
        self._end_process_after(self.hangup_exit_seconds, 0 if written else 1)
        # A screen still being put together (a signal as the app started) finishes first: an
        # exit under it raised in its first focus, the form gone (a traceback, status 1).
        top = self.screen_stack[-1] if self.screen_stack else None
        if top is None or top.is_mounted or not top.call_later(self.exit):
            self.exit()

    @staticmethod
    def _end_process_after(seconds: float, status: int) -> None:
        """End the process with ``status`` ``seconds`` from now, unless it has ended by then.

        Only after a hangup or a SIGTERM, once the session is closed: the journal written and
        closed, its lock released. Why a hard exit: Textual's output thread dies on its first
        write to the terminal that hung up (EIO), and nothing drains its queue (30 writes) any
        more: the writes after that (redraws, Textual setting the terminal up again at the
        SIGCONT that comes with the hangup, and restoring it at the exit) fill it, and the next
        one waits forever, at the latest the one that stops the thread in Textual's shutdown.
        A trial's process lived on after an SSH drop, holding the lock ("locked by process"),
        1 time in 3 after a flood of PageDown. Textual has no public way to stop or bound that
        wait; what the command would say at the exit goes to that terminal, gone as well. A
        SIGTERM's terminal (a shutdown's) may be gone too; while it is there, Textual ends
        and the command says its lines well before."""

        def end() -> None:
            os._exit(status)

        timer = threading.Timer(seconds, end)
        timer.daemon = True  # the process ending well ends it
        timer.start()

    def _leaving(self) -> int | None:
        """The person began to leave: count the notices told so far (``notices_told``), before
        the typing is saved and the writer flushed, whose notices the screen will not show.
        What it counted before (None: not leaving), to stay with."""
        before = self.notices_told
        if before is None:  # a quit asked again keeps the first: the question hid toasts
            self.notices_told = len(self.saving_session.store.notices)
        return before

    def refresh_save_indicator(self) -> None:
        """Redraw the status lines that show the save state (the subclass knows its screens)."""

    def on_save_status(self, message: SaveStatus) -> None:
        if message.state == "notice":
            # The journal was changed from outside and the store set it right: said once.
            self.notify(message.error or "", title=f"{self.SAVED_WHERE} set right", timeout=30)
            return
        self.refresh_save_indicator()
        if message.state == "error" and message.error != self._told_error:
            self.tell_about(
                "save",
                f"{message.error}. Your {self.SAVED_WHAT} are kept and saving is retried.",
                title="cannot save",
                severity="error",
                timeout=15,
            )
        elif message.state == "saved":
            # No longer true: "cannot save" stayed its 15 s beside "● saved", and came back so
            # when a box it was said in closed.
            self.withdraw("save")
        self._told_error = message.error

    async def action_quit(self) -> None:
        """Write everything first (off the UI thread); say so when the disk refuses."""
        before = self._leaving()
        if self.typing_kept():
            self._flush_then_quit()
        else:
            self.notices_told = before  # staying for text not saved

    def _flush_writer(self) -> bool:
        """Wait for the writer to put every change on disk, up to ``quit_flush_seconds``:
        whether it did. Both ways out save the typing (``save_typing``) and then wait so: a
        quit off the UI thread, its screen still drawn for the question a refusing disk asks; a
        hangup or a SIGTERM on the loop, as nobody may see the screen any more."""
        return self.saving_session.flush(timeout=self.quit_flush_seconds)

    def typing_kept(self) -> bool:
        """Save what is being typed (``save_typing``); False to stay, once, while there is text
        shown that is not saved (a value a field refused), saying which: quitting again with
        the same text shown, nothing saved or typed in a field since, leaves without it. Every
        field counts, not the focused one only: a trial typed 'lots' into a count, escape
        (refused, still shown), then q, and it was gone unsaid, where ctrl+q in the field
        asked. A save or typing in a field re-arms it (``_rearm_quit``): 'lots' told, then
        corrected to 5 and saved, then 'lots' refused again later, and a quit left without it
        unsaid, as the same text had been told once."""
        unsaved = self.save_typing()
        if not unsaved or unsaved == self._unsaved_told:
            return True
        self._unsaved_told = unsaved
        it = "it" if len(unsaved) == 1 else "them"
        message = (
            f"not saved: {'; '.join(unsaved)}; {self.UNSAVED_ADVICE.format(it=it)}, or quit "
            f"again to leave without {it}"
        )
        # Over a box, whose toasts are hidden, the box says it (screens.MessagesSaid): ctrl+q
        # reaches every box, and over a review editor the quit seemed to do nothing.
        self.tell_about("quit", message)
        return False

    def _rearm_quit(self) -> None:
        """The next quit stops again for text not saved, even the same text as the last told."""
        self._unsaved_told = []

    @on(Input.Changed)
    @on(Select.Changed)
    def _field_changed(self, event: Input.Changed | Select.Changed) -> None:
        # Typing or a choice in a field (not stopped on its way up; the palette stops its
        # own). A form drawn anew posts nothing (its values are set unannounced): what
        # changed there was a save, which re-arms it in ``relay_save_status``.
        if event.control.id not in self.NOT_FIELDS:
            self._rearm_quit()

    def save_typing(self) -> list[str]:
        """Save what is being typed into a field (an input saves on enter or on leaving it,
        which quitting is not): then the text still shown and not saved, each as a message
        names it ("count shows 'lots'")."""
        return []

    def closing_words(self) -> list[str]:
        """Once the session is closed (after the app, by the command): what its store could
        not write, the rescue file holding it and how to append it (a trial's "append them to
        the journal" named neither the file nor how), and a lock it could not remove; nothing
        when all was written. Said by the command whatever ended the screen (a quit, a
        hangup, a SIGTERM, an error)."""
        store = self.saving_session.store
        return closing_words(
            self.saving_session.journal,
            store.unsaved,
            store.lock_left,
            self.SAVED_WHAT,
            self.SAVED_WHERE,
        )

    @work(thread=True, exclusive=True, group="quit")
    def _flush_then_quit(self) -> None:
        written = self._flush_writer()
        self.call_from_thread(self._after_flush, written)

    def _after_flush(self, written: bool) -> None:
        if written:
            self.exit()
            return
        error = self.saving_session.save_error or "still writing"
        asked = self.screen if isinstance(self.screen, QuitScreen) else None
        kept = self.saving_session.store.rescue_kept  # kept while saving fails
        problem = (
            f"{self.SAVED_WHAT.capitalize()} are "
            f"{'still not on disk' if asked else 'not on disk yet'}: {error}.\n\n"
            + (
                f"They are kept in memory and in the rescue file {kept} (a crash loses none), "
                "and saving keeps retrying. If you quit anyway, that file is brought up to "
                f"date, and the last lines say how to append it to the {self.SAVED_WHERE}."
                if kept is not None
                else "They are kept in memory and saving keeps retrying. If you quit anyway, "
                "those not on disk are written to a rescue file (in your home folder, else "
                f"/tmp), and the last lines say how to append it to the {self.SAVED_WHERE}."
            )
        )

        if asked is not None:
            # ctrl+q on this question (the key reaches every box): saving was tried again, and
            # the question says how that went, rather than a second one over it.
            asked.ask_again(problem)
            return

        def decided(leave: bool | None) -> None:
            if not leave:
                self.notices_told = None  # staying: the screen tells them from now on
                return
            # At once: the command closes the session, whose store tries the refused lines a
            # few times more, writes the rest to a rescue file and says so.
            self.exit()

        self.push_screen(QuitScreen(problem), decided)
