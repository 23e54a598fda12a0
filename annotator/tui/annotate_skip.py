"""The annotation screen's s (a mixin of ``annotate_screen.AnnotateScreen``): on an article whose
note is empty it puts the focus in the note and asks why, since the guidelines want the reason
there; enter in the note then skips with it (``session_skip.skip_with_reason``), and s again,
from the article, skips without it: the guidelines ask, the tool does not force. A trial's
reason took p, o, tab three times, the typing, escape and s, after the skip had moved on.
ctrl+z while it asks undoes the question (``skip_question_undone``), as escape leaves it."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from annotator.core.models import Record
from annotator.core.note_parts import person_text, shown_note
from annotator.core.session_skip import skip_with_reason
from annotator.tui.annotate_guidelines import GuidelinesActions
from annotator.tui.form_panel import EventForm
from annotator.tui.session_view_changes import CHANGE_NOTICES, FAILED

# The question, and when to skip at all, as the guidelines keep it ("only when the document
# cannot be annotated": unreadable, truncated, a duplicate); an article about something else
# is annotated as such and done. Short: the toast is over the article.
ASK_WHY = (
    "why skip? type the reason, enter skips (escape: back, not skipped)\n"
    "skip only an article that cannot be annotated"
)
# Below 80 columns the form takes most rows and the question stands over the article's few
# (7 at 70x30), of which it took 4: one line says the question and when to skip (the reason
# is why the article cannot be annotated); the footer says escape's "Back to article".
ASK_WHY_UNDER = "why skip? type why it cannot be annotated; enter skips"


# Only in the note, after s asked why (``SkipAsksWhy.check_action``): it saves and skips. The
# footer says so beside escape's "Back to article" (a trial's showed only that while asked).
# In AnnotateScreen.BINDINGS (``keys.with_label_keys`` keeps only those); the help leaves it
# out: s's row says it.
SKIP_WITH_REASON = Binding("enter", "skip_with_reason", "Skip", key_display="enter", priority=True)


class SkipAsksWhy(GuidelinesActions):
    """s, and enter in the note after s asked why (``skip_with_reason``, bound on the screen:
    ``SKIP_WITH_REASON``)."""

    # The document whose s asked why (the focus went to its note): s again skips it.
    _skip_asked: str | None = None
    # The same, while its note has kept the focus since: enter there skips. Once left (escape,
    # tab), enter in the note only saves it, as anywhere: a trial's enter, long after the
    # question had gone, skipped with no reason.
    _asking_in_note: str | None = None
    # Its note then: the note before the reason, although a pause in the typing saved it.
    _note_asked: str | None = None
    # The document enter in its note skips, once leaving the note has saved it.
    _skip_on_leaving_note: str | None = None
    # The document whose question ctrl+z undid, the focus leaving its note.
    _question_undone: str | None = None
    # The document and its record when ctrl+z said it was not skipped (nothing changed since).
    _not_skipped_told: tuple[str, Record] | None = None

    # Provided by AnnotateScreen (first in its order).
    def _go(self, doc_id: str | None, none_message: str | None) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip_with_reason":  # else enter is the note's own (saves it)
            focused = self.focused
            asked = self.session.loaded and self._asking_in_note == self.session.document.id
            return asked and isinstance(focused, Input) and focused.id == "note"
        return super().check_action(action, parameters)

    def open_document(self, doc_id: str) -> None:
        self._skip_asked = self._asking_in_note = None  # asked again on coming back to it
        super().open_document(doc_id)

    def action_skip(self) -> None:
        session = self.session
        note = self.query_one("#note", Input)
        ask = (
            session.loaded
            and session.stale is None  # s is refused there, and says why
            and not session.already_skipped  # so it is there
            and not person_text(session.record.note).strip()  # brat lines kept are no reason
            and self._skip_asked != session.document.id
            and not note.disabled
        )
        if ask:
            told = self._not_skipped_told
            if told is not None and told[0] == session.document.id and told[1] is session.record:
                # ctrl+z's "not skipped" (a change's message) is the only one since: s asks
                # again, and it is not true any longer that nothing is asked.
                self.settled(CHANGE_NOTICES)
            self._skip_asked, self._note_asked = session.document.id, session.record.note
            self._asking_in_note = session.document.id
            if not self.query_one("#side").display:  # a narrow screen shows the guidelines there
                self.action_close_guidelines()
            # o goes to the field it went to before the question (the note only once the
            # person goes to it).
            self.query_one("#form", EventForm).focus_unchosen(note)
            self.tell_about("skip", self._ask_why(), "information", timeout=10)
            return
        self._skip_asked = None
        following = self.change(session.skip)
        if following is not FAILED:
            self._go(following, None)  # none left: the session says so, once

    def _ask_why(self) -> str:
        return ASK_WHY_UNDER if self.has_class("-under") else ASK_WHY

    def skip_question_undone(self) -> bool:
        """ctrl+z while s asks why (the focus in the note, nothing typed in it): the
        question is what ctrl+z undoes, as escape would: back to the article, not skipped,
        and s asks again. True when it did. A trial's ctrl+z there undid the d of the article
        before, unsaid, and left "why skip?" up over it; a second ctrl+z does that now."""
        focused = self.focused
        session = self.session
        asking = (
            session.loaded
            and self._asking_in_note == session.document.id
            and isinstance(focused, Input)
            and focused.id == "note"
            and not focused.value.strip()
            and not person_text(session.record.note).strip()  # brat lines kept are no reason
        )
        if not asking:
            return False
        self._skip_asked = None
        self._question_undone = session.document.id
        self.action_focus_article()
        # What a change says (the next one takes it away): the question goes. Leaving the
        # note saves nothing (``skipped_on_leaving_note``), which would have taken it away.
        self.settled("skip")
        self._not_skipped_told = (session.document.id, session.record)
        said = f"undid: s; {session.document.id} is not skipped (s asks why again)"
        self._tell(CHANGE_NOTICES, said, "information")
        return True

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, Input) and event.widget.id == "note":
            asked = self._asking_in_note
            self._asking_in_note = None  # the note left: enter there no longer skips
            session = self.session
            if session.loaded and asked == session.document.id == self._skip_asked:
                # Left by escape or tab, not by enter (which skips) nor ctrl+z (which says
                # so): the question goes with the note. A trial's stayed up for 10 s over the
                # article, asking for a reason that would have been typed as its keys.
                # Said as the question's kind, in its place: the note's typing, saved on
                # leaving, is a change, whose message would take a change's kind away.
                reason = "the note its reason" if event.widget.value.strip() else "no reason given"
                said = (
                    f"{session.document.id} is not skipped (s, in the article, skips it, {reason})"
                )
                self.tell_about("skip", said, "information")

    def still_asking_why(self) -> None:
        """After a ctrl+z that left s's question standing (the reason's typing undone, the
        focus still in the note, where enter skips): the question is said again, under what
        was undone. A trial's went with the undo, and enter skipped with no reason unwarned.
        (It stays, rather than go with the typing: ctrl+z undoes one thing at a time, and the
        next one, the note empty, takes the question back.)"""
        focused = self.focused
        if (
            self.session.loaded
            and self._asking_in_note == self.session.document.id
            and isinstance(focused, Input)
            and focused.id == "note"
        ):
            self.tell_about("skip", self._ask_why(), "information", timeout=10)

    def action_skip_with_reason(self) -> None:
        """enter in the note s asked for: leaving the note saves it, then it skips
        (``skipped_on_leaving_note``). Skipped only after the note is saved: the next article,
        opened first, would get this one's note."""
        self._skip_on_leaving_note = self.session.document.id
        self._skip_asked = None
        self.action_focus_article()

    def skipped_on_leaving_note(self, note: str) -> bool:
        """The note was left (``NoteEdited``): skip with it when enter asked to. True when it
        did (or was refused, saying why): the note needs saving no more."""
        doc_id, self._skip_on_leaving_note = self._skip_on_leaving_note, None
        undone, self._question_undone = self._question_undone, None
        loaded = self.session.loaded
        if undone is not None and loaded and undone == self.session.document.id:
            # Left by ctrl+z undoing the question: the note as it was, nothing to save.
            return note == shown_note(self.session.record.note)
        if doc_id is None or not loaded or doc_id != self.session.document.id:
            return False
        asked = self._note_asked
        following = self.change(skip_with_reason, self.session, note, asked, about="skip")
        if following is not FAILED:
            self._go(following, None)  # none left: the session says so, once
        return True
