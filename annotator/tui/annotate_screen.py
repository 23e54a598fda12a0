"""The annotation screen: every key of issue 3, as calls on the AnnotationSession.

The class is made per scheme by ``annotate_screen_for``: the scheme's label keys become bindings.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.widgets import Button, Input, OptionList

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_carry import CONFIRM_SECONDS, NOT_STALE_BINDINGS, CarryOverKeys
from annotator.tui.annotate_field_keys import FieldSpanKeys
from annotator.tui.annotate_guidelines import GuidelinesActions
from annotator.tui.annotate_help import annotate_key_sections, show_help
from annotator.tui.annotate_item_keys import FormItemKeys
from annotator.tui.annotate_search import SearchKeys
from annotator.tui.annotate_skip import SKIP_WITH_REASON, SkipAsksWhy
from annotator.tui.annotate_undo import UndoRedoKeys
from annotator.tui.form_messages import FieldEdited, NoteEdited
from annotator.tui.form_panel import EventForm
from annotator.tui.form_rows import GroupBox
from annotator.tui.keys import with_label_keys
from annotator.tui.screen_classes import ClassesRestyleFew
from annotator.tui.screens import DocListScreen
from annotator.tui.session_view import SessionView
from annotator.tui.session_view_changes import FAILED
from annotator.tui.span_detail import SpanDetail, ValueEdited


def annotate_screen_for(session: AnnotationSession) -> AnnotateScreen:
    """The annotation screen of ``session``, its label keys taken from the scheme."""
    return with_label_keys(AnnotateScreen, session.scheme, unused_digits=True)(session)


class AnnotateScreen(
    CarryOverKeys,
    SkipAsksWhy,
    FieldSpanKeys,
    FormItemKeys,
    UndoRedoKeys,
    GuidelinesActions,
    SearchKeys,
    ClassesRestyleFew,
    SessionView,
):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rebound", "Re-bound", show=False),
        Binding("x", "delete_span", "Delete span", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("d", "done", "Done"),
        Binding("s", "skip", "Skip"),
        SKIP_WITH_REASON,
        Binding("f", "flag", "Flag", show=False),
        Binding("n", "next_doc", "Next doc"),
        Binding("p", "previous_doc", "Previous document", show=False),
        Binding("u", "next_unfinished", "Next unfinished", show=False),
        Binding("l", "doc_list", "List"),
        Binding("o", "focus_form", "Go to the form", show=False),
        Binding("v", "edit_value", "Edit the span's value", show=False),
        Binding("slash", "search", "Search", key_display="/", show=False),
        Binding("c", "toggle_char_mode", "Char mode", show=False),
        Binding("g", "guidelines", "Guidelines", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+l", "fill_from_span", "Fill field from span", show=False),
        Binding("ctrl+t", "link_span", "Link span to field, value kept", show=False),
        Binding("ctrl+n", "unlink", "Unlink span from field", show=False),
        # The form's own inputs bind these where they act (form_rows): elsewhere they hint.
        Binding("ctrl+s", "swap_sides", "", show=False),
        Binding("ctrl+o", "remove_list_item", "", show=False),
        Binding("ctrl+k", "carry_over", "Carry over (stale record)"),
        Binding("ctrl+r", "start_over", "Start over (stale record)"),
        *NOT_STALE_BINDINGS,
        Binding("escape", "focus_article", "Back to article", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def hint(self, action: str, message: str, severity: SeverityLevel = "information") -> None:
        """How to use the key of ``action``, which could not act: once it acts, the hint is
        stale and goes (``settled``) rather than stay over the work for seconds."""
        self.tell_about(action, message, severity)

    def action_label(self, label: str) -> None:
        start, end = self.article.selection_offsets()
        if start == end:
            self.follow_article()  # with no selection the key relabels the current span
        span = self.change(self.session.label_selection, start, end, label)
        if span is not FAILED and start != end:
            self.article.move_to_offset(span.end)

    def action_not_a_label_key(self, key: str) -> None:
        """A digit no label takes (``keys.unused_digit_bindings``): which keys label, from the
        scheme. Said as the label key's refusals are: a label that works takes it away."""
        keys = ", ".join(f"{label.key} {label.name}" for label in self.scheme.labels)
        self.tell_about("label_selection", f"{key} is not a label key here ({keys})")

    def action_rebound(self) -> None:
        self.follow_article()  # the selection's last step may still be on its way
        start, end = self.article.selection_offsets()
        span = self.change(self.session.rebound, start, end)
        if span is FAILED:  # said of this selection and these spans: goes once either changes
            self.rebound_refused = (start, end, self.session.selected, self.session.record)
        else:
            self.article.move_to_offset(span.end)

    def action_delete_span(self) -> None:
        self.follow_article()
        self.change(self.session.delete_in, *self.article.selection_offsets())

    def _step(self, forward: bool) -> None:
        span = self.session.step_span(self.article.cursor_offset, forward)
        if span is None:
            self.tell_about("step", "no spans in this document yet", "information")
            return
        self.article.move_to_offset(span.start)
        self.article.scroll_cursor_visible(center=True)
        self.refresh_side()

    def action_next_span(self) -> None:
        self._step(True)

    def action_previous_span(self) -> None:
        self._step(False)

    def action_toggle_char_mode(self) -> None:
        session = self.session
        session.char_mode = not session.char_mode
        self.article.char_mode = session.char_mode
        self.tell_about(
            "toggle_char_mode",
            "character mode: selections are kept as made, never splitting a character "
            "(an emoji with its modifiers is one)"
            if session.char_mode
            else "token mode: selections snap to whole words",
            "information",
        )
        self.refresh_status()
        self.refresh_readout()  # what a label key labels now (a trial's read the old mode's)

    @on(OptionList.OptionSelected, "#spans")
    def _span_chosen(self, event: OptionList.OptionSelected) -> None:
        span = self.session.span(event.option.id)
        if span is not None:
            self.session.selected = span.id
            self.article.move_to_offset(span.start)
            self.article.scroll_cursor_visible(center=True)
            self.refresh_side()
            self.article.focus()

    def action_focus_form(self) -> None:
        if not self.query_one("#side").display:  # a narrow screen shows the guidelines there
            self.action_close_guidelines()
        field = self.query_one("#form", EventForm).field_to_return_to()
        if field is not None:
            field.focus()

    def action_edit_value(self) -> None:
        """Put the focus in the current span's value (enter or escape saves it)."""
        span = self.follow_article()
        if span is None:
            self.hint("edit_value", "no span at the cursor: move onto one (tab: next span), then v")
            return
        label = self.scheme.label(span.label)
        if label is None or label.value_type == "none":
            self.hint("edit_value", f"{span.id} is labelled {span.label}, a label without a value")
            return
        self.settled("edit_value")
        if not self.query_one("#side").display:  # a narrow screen shows the guidelines there
            self.action_close_guidelines()
        self.query_one("#span-value", Input).focus()

    def action_focus_article(self) -> None:
        self.show_search_bar(False)
        self.article.focus()

    def on_field_edited(self, message: FieldEdited) -> None:
        path, here = message.path, message.on_open(self.session)
        edit = (path, message.raw, message.typing, message.doc_id)
        done = self.change(self.session.set_field, *edit, about=path, saves=True, notices=here)
        if here:
            message.widget.set_class(done is FAILED, "-invalid")
        else:
            self.show_notices()  # saved to the document it was typed on: said, apart

    def on_value_edited(self, message: ValueEdited) -> None:
        value = f"value of {message.span_id}"
        typed = (message.raw, message.span_id, message.doc_id)
        if message.typing:
            # A pause in the typing: saved when the label takes it, as a form field's; else
            # (a date half typed, or typed on a document left since: its typing is sent as
            # it is left) nothing is saved or said until enter or leaving it.
            if self.session.value_fits(*typed):
                self.query_one("#detail", SpanDetail).saving_paused_typing = True
                self.change(self.session.set_value, *typed, True, about=value)
            return
        if message.doc_id is not None and self.session.elsewhere(message.doc_id):
            # Typed on another document, left as a key opened this one: saved to its own,
            # or refused, said apart (``session_form_elsewhere``).
            self.change(self.session.set_value, *typed, about=value, notices=False)
            self.show_notices()
            return
        done = self.change(self.session.set_value, *typed, about=value)
        ok = done is not FAILED
        if ok and message.submitted:
            # Saved: the next keys are for the article again (o, d, a label key), never
            # typed into the value or the form by mistake.
            self.action_focus_article()
        elif not ok and message.submitted:
            message.widget.add_class("-invalid")  # still there, to be corrected
        elif not ok:
            self.refresh_side()  # left refused: the panel shows the value the journal holds
            span = self.session.span(message.span_id)
            kept = "no value" if span is None or span.value is None else span.value
            # Escape or tab out of a refused value: a trial read the refusal as saved.
            self.tell_about(value, f"{message.raw!r} not saved: {message.span_id} keeps {kept}")

    def on_note_edited(self, message: NoteEdited) -> None:
        edit = (message.note, message.doc_id, message.typing)
        if not message.on_open(self.session):
            self.change(self.session.set_note, *edit, saves=True, notices=False)
            self.show_notices()  # saved to the document it was typed on: said, apart
        elif not self.skipped_on_leaving_note(message.note):
            self.change(self.session.set_note, *edit, saves=True)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        edit = GroupBox.edit_of(event.button)
        if edit is None:
            return
        event.stop()
        group, removed = edit
        doc_id = self.query_one("#form", EventForm).doc_id  # the document the button is of
        if removed is not None:
            if self.change(self.session.remove_group_item, group, removed, doc_id) is not FAILED:
                # The place is kept: the first field of the item before, else of the one that
                # took the removed one's place, else the group's add button (a trial's focus
                # was nowhere to be seen until tab). Never a remove button: a second enter
                # removed another item.
                await self.update_form()
                size = self.session.group_size(group)
                self._focus_in_group(group, min(max(removed - 1, 0), size - 1) if size else None)
            return
        index = self.change(self.session.add_group_item, group, doc_id)
        if index is not FAILED:
            await self.update_form()  # the new item's fields exist once this returns
            self._focus_in_group(group, index)

    def _focus_in_group(self, group: str, index: int | None) -> None:
        """Focus the first field of item ``index`` of ``group``, or (None) its add button."""
        form = self.query_one("#form", EventForm)
        box = next((box for box in form.query(GroupBox) if box.group.name == group), None)
        first = form.first_field(prefix=f"{group}[{index}].") if index is not None else None
        target = first or (box.query_one(".add-item", Button) if box is not None else None)
        if target is not None:
            target.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.session.activity()

    def save_typing(self) -> list[tuple[str, str]]:
        """Save what is typed in the focused field, as leaving it would (quitting does not
        leave it); then (path, or "note", or "value of s3"; the text) for each field showing
        text its record does not hold: a value refused, in focus or left so (``unsaved``)."""
        focused = self.focused
        form = self.query_one("#form", EventForm)
        if not isinstance(focused, Input) or focused.id == "search":
            return form.unsaved()
        doc_id = form.doc_of(focused)  # what its value is of
        if focused.id == "span-value":
            detail = self.query_one("#detail", SpanDetail)
            if detail.span_id is None or focused.value == detail.saved_value:
                return form.unsaved()
            value = f"value of {detail.span_id}"
            kept = self.change(self.session.set_value, focused.value, detail.span_id, about=value)
            refused = [(value, focused.value)] if kept is FAILED else []
            return refused + form.unsaved()  # not the form's: shown in focus only
        if focused.id == "note":
            self.change(self.session.set_note, focused.value, doc_id)
        elif focused.name:
            typed = (focused.name, focused.value, False, doc_id)
            self.change(self.session.set_field, *typed, about=focused.name)
        return form.unsaved()

    def _go(self, doc_id: str | None, none_message: str | None) -> None:
        """Open ``doc_id``; when there is none, say ``none_message`` (None: the session
        said it, as d's and s's "every document is finished (2/3 done)")."""
        if doc_id is None:
            if none_message is not None:
                self.tell_about("go", none_message, "information")
        else:
            self.open_document(doc_id)

    async def action_done(self) -> None:
        # Typing not saved yet in the focused field is saved first, as leaving it would: a
        # value the field takes is what d accepts. Text a field shows that its record does
        # not hold (refused) refuses d, naming it (``session_finish.unsaved_words``).
        form = self.query_one("#form", EventForm)
        pending = form.typing_to_save(self.focused)
        if isinstance(pending, NoteEdited):
            self.on_note_edited(pending)
        elif isinstance(pending, FieldEdited):
            self.on_field_edited(pending)
        if pending is not None:
            await self.update_form()  # the field shows the value saved, as saved
        following = self.change(self.session.mark_done, form.unsaved())
        if following is not FAILED:
            self._go(following, None)  # none left: the session says so, once

    def action_flag(self) -> None:
        flagged = self.change(self.session.toggle_flag)
        if flagged is not FAILED:
            said = "flagged for review" if flagged else "flag removed"
            self.tell_about("toggle_flag", said, "information")

    def action_next_doc(self) -> None:
        self._go(self.session.next_id(self._failed_id), "this is the last document")

    def action_previous_doc(self) -> None:
        self._go(self.session.previous_id(self._failed_id), "this is the first document")

    def action_next_unfinished(self) -> None:
        self._go(
            self.session.next_unfinished_id(self._failed_id), "every other document is finished"
        )

    # The document and time of a first ctrl+r: a second one within the time starts over.
    _start_over_asked: tuple[str, float] | None = None

    def action_start_over(self) -> None:
        session = self.session
        stale = session.stale
        if stale is None:
            self.tell_about("start_over", "start over is for a stale record; this one is current")
            return
        now, asked = time.monotonic(), self._start_over_asked
        if asked is None or asked[0] != session.document.id or now - asked[1] > CONFIRM_SECONDS:
            # One key replaced a done record at once; it may be another corpus's (a trial).
            self._start_over_asked = (session.document.id, now)
            self.tell_about(
                "start_over",
                f"ctrl+r again to replace your record ({len(stale.spans)} spans, "
                f"{stale.status}) with a blank one (ctrl+z gives it back). If it is another "
                "corpus's work, leave it: quit and open this corpus with --out DIR",
            )
            return
        self._start_over_asked = None
        self.change(session.start_over)

    def action_doc_list(self) -> None:
        # The messages showing are said in the list's box (screens.MessagesSaid), not over it:
        # cleared as it opened, a refusal pressed just before l was lost unread.
        def chosen(doc_id: str | None) -> None:
            if doc_id is not None:
                self.open_document(doc_id)

        current = self.session.document.id if self.session.loaded else None
        self.app.push_screen(DocListScreen(self.session.entries(), current), chosen)

    async def action_quit(self) -> None:
        await self.app.run_action("quit")

    def action_help(self) -> None:
        # The messages showing are said at the help box's foot (screens.MessagesSaid), not
        # over the keys: cleared as help opened, a refusal pressed just before ? was lost
        # unread ("not done: …"). Their toasts are back when help closes, while still due.
        show_help(self)

    def key_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of the article, this screen and the app, for the help screen."""
        return annotate_key_sections(self)
