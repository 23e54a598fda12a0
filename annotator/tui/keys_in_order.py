"""An app that takes keys one after another, as they were typed: ``KeysInOrderApp``.

Textual hands each key to the focused widget at once and runs the bindings the widget leaves
alone only when the key has bubbled back up to the app. Keys that arrive together (a fast
typist, keys batched over SSH, a screen busy saving) were therefore handed out before an
earlier one had done its work: `v` then "24" relabelled the span as a count (`2` went to the
article, since the focus was not in the value yet), `/` then "swap" skipped the document
(`s`), a tab then a word typed the word into the field being left, and in an input "abc",
backspace, "d" gave "abc" (the d typed at once, the backspace's binding run after it).

Here the app hands over the next key only once the previous one has been handled: after each
key a marker (``KeyHandled``) goes to the same widget, behind the key and behind the messages
its handling posts there (an input's Submitted, a button's Pressed); it follows them up to the
app. Those messages may post others on their way up (a button's group posts "add an item"),
which the marker would pass, so from the app it goes round once more, from the widget with the
focus now: every message it meets on that way (the screen busy making the new item, say) is
handled before it. While a widget of the screen still has messages to handle, it goes round
again, a few times at most: the command palette's list passes the command chosen by enter up
to the palette, which closes and runs it, and a key typed at once after enter went into the
palette's line as it closed, lost. The next key is handed over after that, and after what was
asked to be done next (a focus move). Keys typed at a person's pace never wait. Should a marker
not come back (its widget removed meanwhile, or its screen closed), it goes round again from
the focus now; while its widget is still shown, a slow machine's key is waited for; after a
few seconds the next key goes on regardless. A paste
waits its turn among the keys as one of them.

A screen may hold the keys (``hold_keys``) while what they are for is not on screen yet: the
article the last key asked for, still being read. They wait in turn, as keys typed during a
key's handling do, and go on once it shows (``release_keys``). The app's own quit keys (ctrl+q,
and ctrl+c, which says how to quit) are not held: an article read from a slow or hung disk kept
the app from quitting at all. They are handled at once, ahead of the keys waiting, which stay
for the article. The hold is the holding screen's: a screen over it (the question a quit asks
when the disk refuses, a list a click opened) takes the keys typed on it, or it could not be
answered while the article opens. The keys that waited for the article stay for it
(``_screen_changed``), ahead of those typed after, until it is on top again: they went to the
question, where a tab and an enter typed for the form could press "Quit anyway".

Format characters typed into an input are put there too (``typed_format_character``): Textual's
input takes only what Python calls printable, and dropped the zero-width non-joiner inside
Persian words and the joiner inside emoji sequences without a word.
"""

from __future__ import annotations

import time
import unicodedata
from collections import deque
from functools import partial
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

# How long a key's marker may take before it is looked for (``_marker_late``).
STUCK_SECONDS = 0.25
# How long a key holds the next one while the widget it went to is still on a screen shown: a
# loaded machine handles a key's messages late, not never (see ``_marker_late``).
SLOW_KEY_SECONDS = 5.0
# Rounds a marker may go beyond its second while widgets have messages still to handle.
EXTRA_ROUNDS = 3
# The app's actions whose keys are never held (see the module docstring).
UNHELD_ACTIONS = frozenset({"quit", "help_quit"})


def escape_then_key(event: events.Key) -> list[events.Key]:
    """``alt+x`` as the two keys it was: escape, then ``x``.

    A terminal sends alt+x as escape followed by x, so escape and a key typed right after it
    (a fast typist leaving a field, keys batched over SSH) arrive as alt+x. The apps bind no
    alt key with a character, and an input typed the x into the field being left (a trial's
    list got "/Pavel Ostrovin" after escape, /). Other keys are kept as they are. (Textual
    reads escape then a punctuation key as the key alone: that escape cannot be told here.)
    """
    character = event.character
    if not event.key.startswith("alt+") or character is None or len(character) != 1:
        return [event]
    if not character.isprintable():
        return [event]
    key = event.key.removeprefix("alt+")
    if key.startswith("shift+") and character.isupper():
        key = character
    return [events.Key("escape", "\x1b"), events.Key(key, character)]


def typed_format_character(event: events.Key, focused: Widget | None) -> bool:
    """Put a format character (Unicode's Cf: the zero-width joiner and non-joiner, direction
    marks, the word joiner, the soft hyphen) typed into an input there, as the input does with
    a printable character; False when the key is something else (for the app to hand over)."""
    character = event.character
    if not isinstance(focused, Input) or character is None or len(character) != 1:
        return False
    if unicodedata.category(character) != "Cf":
        return False
    selection = focused.selection
    if selection.is_empty:
        focused.insert_text_at_cursor(character)
    else:
        focused.replace(character, *selection)
    return True


def one_line(pasted: str) -> tuple[str, int]:
    """Pasted text as one line, and how many lines it had: a field (an input) holds one line,
    and Textual's input kept only the first of a paste, dropping the rest without a word (a
    note pasted in two lines, a name copied across the article's line break). The lines are
    joined by a space, blank ones left out."""
    lines = [line.strip() for line in pasted.splitlines()]
    kept = [line for line in lines if line]
    return " ".join(kept), len(kept)


class KeyHandled(Message, bubble=True):
    """Sent to the widget a key went to, after it; back at the app after its second round
    (``last``) and any more (``extra``), the key is handled."""

    def __init__(self, number: int, last: bool, extra: int = 0) -> None:
        super().__init__()
        self.number = number
        self.last = last
        self.extra = extra


class KeysInOrderApp(App[None]):
    """An app whose keys are handled one after another (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        # Keys, and pastes among them (a paste is typing too: it went ahead of the keys typed
        # before it, and into the article while the next article was being read, lost).
        self._keys_waiting: deque[events.Key | events.Paste] = deque()
        self._key_in_hand: int | None = None  # the number of the key being handled
        self._keys_counted = 0
        self._stuck: Timer | None = None
        self._keys_held_by: Screen[Any] | None = None  # the screen holding them (hold_keys)
        # The keys that waited for a screen while another is over it, and that screen.
        self._keys_kept: deque[events.Key | events.Paste] = deque()
        self._kept_for: Screen[Any] | None = None
        self._top_screen: Screen[Any] | None = None  # the screen on top (once a screen held)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._keys_waiting.extend(escape_then_key(event))
            if self.keys_held:
                await self._run_unheld_keys()
            elif self._key_in_hand is None:
                await self._hand_over_next_key()
            return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            self._keys_waiting.append(event)
            if not self.keys_held and self._key_in_hand is None:
                await self._hand_over_next_key()
            return
        await super().on_event(event)

    @property
    def keys_pending(self) -> bool:
        """Whether keys typed are still waiting their turn, or one is being handled (not
        counting keys held for a screen, ``hold_keys``, nor kept for it under another)."""
        if self.keys_held:
            return False
        return self._key_in_hand is not None or bool(self._keys_waiting)

    @property
    def keys_held(self) -> bool:
        """Whether keys wait for the screen holding them (it is the screen shown)."""
        return self._keys_held_by is not None and self._keys_held_by is self.screen

    async def _run_unheld_keys(self) -> None:
        """Run the app's quit of each quit key waiting now, though keys are held (one typed
        with the key that asked for the article waits behind it, and is found once it holds);
        the others wait on."""
        for event in list(self._keys_waiting):
            if not isinstance(event, events.Key):
                continue
            bindings = self._bindings.key_to_bindings.get(event.key, [])
            action = next((b.action for b in bindings if b.action in UNHELD_ACTIONS), None)
            if action is not None:
                self._keys_waiting.remove(event)
                await self.run_action(action)

    def hold_keys(self, screen: Screen[Any] | None = None) -> None:
        """Hand over no key until ``release_keys`` while ``screen`` (the one shown when None)
        is shown: they wait, in the order typed; the app's quit keys are not held."""
        if self._top_screen is None:  # told of each screen change from now on, as it happens
            self._top_screen = self.screen
            self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self._keys_held_by = screen if screen is not None else self.screen
        if self._keys_waiting:
            self.call_later(self._run_unheld_keys)

    def release_keys(self) -> None:
        """Hand over the keys that waited (``hold_keys``), one after another."""
        if self._keys_held_by is None:
            return
        self._keys_held_by = None
        if self._key_in_hand is None and self._keys_waiting:
            self.call_later(self._hand_over_next_key)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """A screen over the one holding the keys: the keys waiting are for the holder (typed
        while it was on top, or with the key that held them) and stay for it; back on top (or
        gone), they go back ahead of the keys typed meanwhile."""
        before, self._top_screen = self._top_screen, screen
        holder = self._keys_held_by
        if before is holder and screen is not holder and self._kept_for is None:
            self._keys_kept, self._keys_waiting = self._keys_waiting, deque()
            self._kept_for = holder
            return
        kept_for = self._kept_for
        if kept_for is None or (screen is not kept_for and kept_for in self.screen_stack):
            return
        self._keys_waiting.extendleft(reversed(self._keys_kept))
        self._keys_kept, self._kept_for = deque(), None
        if self._key_in_hand is None and self._keys_waiting:
            self.call_later(self._hand_over_next_key)

    async def _hand_over_next_key(self) -> None:
        if self.keys_held:
            await self._run_unheld_keys()
            return
        if self._key_in_hand is not None or not self._keys_waiting:
            return
        event = self._keys_waiting.popleft()
        self._keys_counted += 1
        number = self._key_in_hand = self._keys_counted
        target = self.focused or self.screen  # where the app hands a key that no binding takes
        if isinstance(event, events.Paste):
            await super().on_event(self._pasted_into_the_focus(event))
        elif not typed_format_character(event, self.focused):
            await super().on_event(event)
        self._send_marker(target, KeyHandled(number, last=False))

    def _pasted_into_the_focus(self, event: events.Paste) -> events.Paste:
        """``event``, its lines joined into one when it goes into an input (``one_line``);
        said, so the annotator knows why the line breaks are gone."""
        if not isinstance(self.focused, Input) or len(event.text.splitlines()) < 2:
            return event
        text, lines = one_line(event.text)
        if lines > 1:
            self.notify(f"pasted {lines} lines as one: a field holds one line", timeout=4)
        return events.Paste(text)

    def _send_marker(
        self, target: Widget | Screen[object], marker: KeyHandled, sent: float | None = None
    ) -> None:
        # Posted by the target itself once it has handled what is queued before (the key, or
        # nothing): so the marker goes behind what that posts to it. ``sent``: when the key's
        # first marker went (a key waits for its markers that long at most).
        target.call_later(target.post_message, marker)
        if self._stuck is not None:
            self._stuck.stop()
        self._look_again(marker.number, target, time.monotonic() if sent is None else sent)

    def _look_again(self, number: int, target: Widget | Screen[object], sent: float) -> None:
        """See in a moment whether the marker of key ``number`` came back (``_marker_late``)."""
        self._stuck = self.set_timer(
            STUCK_SECONDS, partial(self._marker_late, number, target, sent)
        )

    def _marker_late(self, number: int, target: Widget | Screen[object], sent: float) -> None:
        """The marker of key ``number`` is late. Still on a screen shown, the machine is slow:
        it is waited for. Lost with its widget (removed, or on a screen closed since), it goes
        round again from the focus now, behind what that screen has still to do: a list's
        tab hands the taking to the screen below, which then opens the next field's list. The
        next key goes on only after ``SLOW_KEY_SECONDS`` (a marker that never comes).

        A loaded machine let the next key go 0.25 s after a lost marker: the next tab went to
        the form before the next list had opened, and an enter and escape typed after closed
        lists in a muddle, the last closing taking the annotation screen with it (a blank
        screen that took no key)."""
        if self._key_in_hand != number:
            return
        if time.monotonic() - sent >= SLOW_KEY_SECONDS:
            self._key_done(number)
            return
        if not self.screen_stack:
            return  # the app is closing (see ``on_key_handled``)
        if target.is_attached and target.screen in self.screen_stack:
            self._look_again(number, target, sent)
            return
        self._send_marker(self.focused or self.screen, KeyHandled(number, last=True), sent)

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        if self._key_in_hand != message.number:
            return  # its time ran out
        if not self.screen_stack:
            return  # the app is closing: its screens are gone, and no key goes on
        if not message.last:
            self._send_marker(self.focused or self.screen, KeyHandled(message.number, last=True))
            return
        if message.extra < EXTRA_ROUNDS and self._messages_on_their_way():
            again = KeyHandled(message.number, last=True, extra=message.extra + 1)
            self._send_marker(self.focused or self.screen, again)
            return
        # After what the key's bindings asked the app to do next (call_later: a focus move).
        self.call_later(self._key_done, message.number)

    def _messages_on_their_way(self) -> bool:
        """Whether a widget of the screen has messages still to handle (see the module)."""
        return any(node.message_queue_size for node in self.screen.walk_children(with_self=True))

    def _key_done(self, number: int) -> None:
        if self._key_in_hand != number:
            return  # done already (its marker came back, or its time ran out)
        self._key_in_hand = None
        if self._keys_waiting:
            self.call_later(self._hand_over_next_key)
