"""What is typed in the event form and not saved yet (``form_panel.EventForm`` is one).

Typing in a field is saved at a pause (``typing_pause``, when it is a value the field takes),
on enter and on leaving the field, and before a key that may open another document
(``typing_to_save``), each time to the document the field's value is of, which may no longer be
the one open; ctrl+z gives back the saved value while the typing is not saved (``undo_typing``).
The first keystroke over a linked value says that saving it unlinks it. A value the field
refused stays shown, and ``unsaved`` names it (d is refused while there is one). The form's
``on_input_*`` handlers call these: no ``on_`` method is defined here, as Textual would call it
besides the form's own.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from weakref import WeakSet

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input

from annotator.core.forms import path_words, typed_fits
from annotator.core.history import NOTE_RUN
from annotator.core.scheme import Scheme
from annotator.core.session import AnnotationSession
from annotator.tui.form_messages import FieldEdited, FormEdited, NoteEdited
from annotator.tui.form_shown import Shown, ShownValues, record_text
from annotator.tui.saving_app import SavingApp
from annotator.tui.typing_pause import TypingPause


class FormTyping(TypingPause, VerticalScroll):
    """The event form's typing not saved yet (see the module docstring)."""

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scheme = scheme
        self._shown = ShownValues()  # each input's saved value and the document it is of
        self._session: AnnotationSession | None = None  # the session last shown
        self._told: set[str] = set()  # fields whose typing over their links was said
        # Inputs saved at a pause while focused: the redraw after that save leaves what is
        # typed there as it is (the saved value is trimmed; the typing goes on).
        self._saved_typing: WeakSet[Input] = WeakSet()

    def _typed(self, widget: Input) -> None:
        """A keystroke in ``widget``: its pause starts again."""
        self.pause_from_now(partial(self._save_pause, widget))
        self._tell_typing_over(widget)

    def typing_to_save(self, widget: Widget | None) -> FormEdited | None:
        """The save of typing not saved yet in ``widget`` (its pause not come), for a key that
        may open another document to make first, to this one; None without such typing."""
        if not isinstance(widget, Input) or self not in widget.ancestors:
            return None
        if not self._shown.changed(widget):
            return None
        self.stop_pause()
        return self._edit_of(widget)

    def undo_typing(self, widget: Widget | None) -> str | None:
        """ctrl+z in a field with typing not saved yet: the saved value again, links kept; None
        without such typing (ctrl+z undid the fill before it, link and all, in a trial), or
        when the run of typing was saved at a pause: the session's undo takes it all back."""
        if not isinstance(widget, Input) or self not in widget.ancestors:
            return None
        key = widget.id or widget.name or ""
        shown = self._shown.of(widget)
        if shown is None or widget.value == shown.saved:
            return None
        saved = shown.saved
        self.stop_pause()
        session, run = self._session, NOTE_RUN if widget.id == "note" else widget.name
        if session is not None and run and session.typing_run() == run:
            # Saved at a pause already: the run, this typing with it, is one undo step, which
            # ctrl+z undoes (a trial's "3", pause, "0" took two to give back 31 and its link).
            self._saved_typing.discard(widget)
            return None
        with widget.prevent(Input.Changed):
            widget.value = saved
        widget.cursor_position = len(saved)
        widget.remove_class("-invalid")
        self._told.discard(key)  # typing over it again says so again
        return saved

    def unsaved(self) -> list[tuple[str, str]]:
        """(field path or "note", what it shows) for each input of the open document holding
        text it does not hold (a value the field refused, left shown): d is refused while
        there is one (``session_finish.unsaved_words``). Text that reads as the value held
        is saved, whatever its words: a count typed '1,200', saved at a pause as 1200 and
        still shown so in focus, refused d, and enter (saving nothing) did not help."""
        session = self._session
        if session is None or not session.loaded:
            return []
        return [
            (widget.name or widget.id or "", widget.value)
            for widget in self.query(Input)
            if (shown := self._shown.of(widget)) is not None
            and shown.doc_id == session.document.id
            and self._shown.typed(widget)
            and not session.typed_is_saved(
                None if widget.id == "note" else widget.name, widget.value
            )
        ]

    def _commit(self, widget: Input, typing: bool = False) -> None:
        """Post what ``widget`` holds, for the document its value is of. Nothing when it is
        another document's and nothing is typed: leaving it is not a change of that one."""
        edit = self._edit_of(widget, typing)
        if edit is None:
            return
        session = self._session
        open_id = session.document.id if session is not None and session.loaded else None
        if edit.doc_id != open_id and not self._shown.typed(widget):
            return
        if self._record_moved_on(widget):
            return
        self.post_message(edit)

    def _record_moved_on(self, widget: Input) -> bool:
        """Whether the record's value of ``widget``'s field is no longer the one it shows, and
        nothing is typed over it: a change (a span taken in a list) whose redraw is on its
        way. Leaving the field then saved the old value over the new: on a loaded machine,
        enter then escape typed in a list field's list unlinked the span just taken."""
        session, shown = self._session, self._shown.of(widget)
        if session is None or shown is None or self._shown.changed(widget):
            return False
        if not session.loaded or shown.doc_id != session.document.id:
            return False
        now = record_text(session, widget)
        return now is not None and now.text != shown.saved

    def _edit_of(self, widget: Input, typing: bool = False) -> FieldEdited | NoteEdited | None:
        """The message saying what ``widget`` holds, typed on the document its value is of;
        None for an input not shown yet (it holds nothing of any document)."""
        shown = self._shown.of(widget)
        if shown is None:
            return None
        if widget.id == "note":
            return NoteEdited(shown.doc_id, widget.value, widget, typing)
        if widget.name:
            return FieldEdited(shown.doc_id, widget.name, widget.value, widget, typing)
        return None

    def _save_left(self, widget: Input, shown: Shown) -> None:
        """Save typing left in ``widget`` when another document is shown, to the document its
        value is of (the session says so). An input shown while no document was open takes
        no typing (it is disabled): said, should it ever hold some."""
        edit = self._edit_of(widget)
        if shown.doc_id is not None and edit is not None:
            self.post_message(edit)
            return
        self.app.notify(
            f"not saved: {widget.value!r} typed in {path_words(widget.id or widget.name or '')} "
            "while no document was open",
            severity="warning",
        )

    def _save_pause(self, widget: Input) -> None:
        if not widget.is_mounted or not widget.has_focus:
            return  # left: leaving saved it
        if not self._shown.changed(widget):
            return
        if widget.id != "note" and not typed_fits(self.scheme, widget.name or "", widget.value):
            return  # half typed (a date, a number): saved, or refused, on enter or leaving
        self._saved_typing.add(widget)
        self._commit(widget, typing=True)

    def _tell_typing_over(self, widget: Input) -> None:
        """Say at the first keystroke that typing over a linked value unlinks it
        (``typing_unlinks``), once until the field is shown anew or typed back to its saved
        value: the save a pause later said it, a second late, and a trial's stray "d" went
        unseen.

        Typed back (a letter, then backspace), the link stays and what was said is no longer
        true: it goes, and the next keystroke says it again. A trial's letter typed and taken
        back left the field told, and later, after escape closed ctrl+l's list (the focus
        stays in the field), an o meant to open the form made "o120 prisoners" of a linked
        releasee, unsaid until the save a second later unlinked it."""
        path = widget.name
        if self._session is None or not path or widget.id == "note":
            return
        app = self.app
        assert isinstance(app, SavingApp)
        if not self._shown.changed(widget):
            if path in self._told:
                self._told.discard(path)
                app.withdraw(path)
            return
        if path in self._told:
            return
        said = self._session.typing_unlinks(path, widget.value)
        if said is not None:
            self._told.add(path)
            # As text (the app's tell_about makes every message plain): "Ilse [Ringo] Tamm".
            # About the field: the save that unlinks takes it away (it said "once saved"),
            # and says what it did ("typed over 187 from s1, now unlinked").
            app.tell_about(path, said, "warning", timeout=8)
