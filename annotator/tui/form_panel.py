"""The panel beside the article: legend and the event form (the panel itself, its focus round
and its guard against letters, is ``side_panel.SidePanel``; the span list is in ``span_list``,
the span detail, the current span and its value, in ``span_detail``).

Everything here is built from the scheme. Widgets only show the session's state and post
messages saying what the person typed or chose (``form_messages``), each naming the document
the form showed; the screen applies them through the session.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any
from weakref import WeakSet

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from annotator.core.forms import path_words, typed_fits, typed_text
from annotator.core.history import NOTE_RUN
from annotator.core.list_links import added_item_start, list_size, marker_words
from annotator.core.scheme import Scheme
from annotator.core.session import AnnotationSession
from annotator.core.session_form_elsewhere import listed
from annotator.tui.form_hints import NOTE_HINTS, HintedInput
from annotator.tui.form_links import FieldLinks, FieldName
from annotator.tui.form_messages import FieldEdited, FormEdited, NoteEdited
from annotator.tui.form_rows import GroupBox, KeptFields, field_row, kept_words, row_of
from annotator.tui.form_shown import Shown, ShownValues
from annotator.tui.panel_legend import Legend as Legend  # imported from here
from annotator.tui.panel_legend import short as short
from annotator.tui.saving_app import SavingApp

# The keys of the panel and its event form, for the help screen (the widgets' own keys: Textual
# declares them on its Input, Select and Button; the panel's tab and escape are its BINDINGS).
PANEL_KEYS = [
    ("tab / shift+tab", "next / previous field, round the panel"),
    ("escape", "back to the article (where letters are commands)"),
    ("enter", "save the field (also saved on leaving it, at a pause and on quitting)"),
    ("enter, space", "on a choice: open it; arrows and enter choose"),
    ("letters", "on a choice: go to the one they begin (again: the next); enter takes it"),
    ("enter", "on + add / remove: add an item to a group / remove it (ctrl+z undoes)"),
    ("ctrl+l", "fill the field from a span picked in a list and link it (⛓ ids beside it)"),
    ("tab in its list", "take the span and go on to the next field (shift+tab: the one before)"),
    ("ctrl+t", "link a span picked in a list to the field, its value kept (disputed figures)"),
    ("ctrl+n", "unlink the span at the cursor from the field, or all its links"),
    ("ctrl+s", "in either of an item's two fields of one label (giver, receiver): swap them"),
    ("ctrl+o", "in a list field: remove the item at the cursor, with its link"),
]


class EventForm(VerticalScroll):
    """The scheme's form and the note.

    Under ``STACK_BELOW`` cells (80 columns, or beside the guidelines) it is ``-stacked``: group
    items' names go above their inputs (beside, inputs get 15 cells); that never changes width."""

    STACK_BELOW = 50
    # A pause this long in typing is saved, when what is typed is a value the field takes: a
    # terminal closed (or an SSH session dropped) mid-note loses at most the last second.
    IDLE_SAVE_SECONDS = 1.0

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scheme = scheme
        self._shown = ShownValues()  # each input's saved value and the document it is of
        self._items: dict[str, object] = {}  # each input's saved value itself (a list's items)
        self._session: AnnotationSession | None = None  # the session last shown
        self._doc_id: str | None = None  # the document the fields show (``doc_id``)
        self._told: set[str] = set()  # fields whose typing over their links was said
        # Inputs saved at a pause while focused: the redraw after that save leaves what is
        # typed there as it is (the saved value is trimmed; the typing goes on).
        self._saved_typing: WeakSet[Input] = WeakSet()
        # One ``show`` at a time, each to its end (``show``).
        self._showing = asyncio.Lock()
        self._idle: Timer | None = None
        # The field last in focus (its path, or "note"): ``o`` comes back to it, so that filling
        # a field from a span (escape, find the span, o, ctrl+l) needs no walk down the form.
        self._last_field: str | None = None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, Input | Select) and (widget.name or widget.id):
            self._last_field = widget.name or widget.id
        if isinstance(widget, Input):
            widget.cursor_position = len(widget.value)  # typing goes on at its end
        # Textual scrolls to a focused widget before the next layout: a field just mounted (a
        # new item's first) had no place yet, and the form went on scrolling toward the field
        # focused while its group was rebuilt. Once laid out, the field is brought into view.
        self.call_after_refresh(self._keep_in_sight, widget)

    def _keep_in_sight(self, widget: Widget) -> None:
        if widget.has_focus:
            self.app.animator.force_stop_animation(self, "scroll_y")
            self.scroll_to_widget(row_of(widget), animate=False, immediate=True)

    def reveal(self, path: str) -> None:
        """Scroll the field at ``path`` (or the item ``releases[2]``, or the note) into view,
        the focus left where it is: an undo names the field it changed and shows it."""
        for widget in self.query("Input, Select"):
            name = widget.name or widget.id or ""
            if name == path or name.startswith(f"{path}."):
                self.scroll_to_widget(row_of(widget), animate=False, immediate=True)
                return

    def forget_last_field(self) -> None:
        self._last_field = None

    def field_to_return_to(self) -> Widget | None:
        """The field last in focus, when it is still there and enabled; else the first."""
        for widget in self.query("Input, Select"):
            named = widget.name or widget.id
            if named is not None and named == self._last_field and not widget.disabled:
                return widget
        return self.first_field()

    def on_resize(self, event: events.Resize) -> None:
        stacked = self.outer_size.width < self.STACK_BELOW
        if stacked != self.has_class("-stacked"):
            self.set_class(stacked, "-stacked")
            for name in self.query(FieldName):  # links go on the name's line, or leave it
                name.refresh()
        # The field being filled stays in sight: a trial's resize to 80x24 left it scrolled
        # out of view, its row's tint with it.
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.call_after_refresh(self._keep_in_sight, focused)

    def compose(self) -> ComposeResult:
        yield Label("event form (o) · escape: back", classes="title")
        for field in self.scheme.fields:
            if field.type == "group":
                yield GroupBox(field)
            else:
                yield from field_row(field, field.name)
        with Horizontal(classes="field-row"):
            yield Label("note", classes="field-name")
            # Not selected on focus (Textual's default): a word typed after tab would replace
            # the whole note, which may be sentences long.
            yield HintedInput(NOTE_HINTS, id="note", compact=True, select_on_focus=False)
        yield KeptFields(id="kept-fields")

    async def show(self, session: AnnotationSession) -> None:
        """Show ``session``'s open document. Shown to the end, one at a time: a redraw while
        a group's items were rebuilt cancelled it half way (a trial's 14 lost its releases
        box), and cancelling the wait for old items' removal cancelled their inputs, which
        ended the app as a quit would (another trial's exit 0, unsaid). The next one waits."""
        await asyncio.shield(self._show_in_turn(session))

    async def _show_in_turn(self, session: AnnotationSession) -> None:
        async with self._showing:
            if self.is_attached:
                await self._show(session)

    async def _show(self, session: AnnotationSession) -> None:
        self._session = session
        doc_id = session.document.id if session.loaded else None
        # Typing left in an input whose value is of another document than the one shown now
        # is not this one's: it is saved to its own (``typing_to_save`` does before a key that
        # opens another; else here), before a group's items are rebuilt, their typing with
        # them. An input with nothing typed says nothing.
        for widget in self.query(Input):
            shown = self._shown.of(widget)
            if shown is not None and shown.doc_id != doc_id and self._shown.typed(widget):
                self._save_left(widget, shown)
        for box in self.query(GroupBox):
            await box.resize(session.group_size(box.group.name))
        for widget in self.query(Input):
            items: object = None
            known: list[str] = []
            if widget.id == "note":
                value = session.record.note
            elif widget.name:
                items = session.field_value(widget.name)
                # Read back as the same items, not joined as a linked span's words (shown_list).
                lists = isinstance(items, list)
                known = listed(session.record, widget.name, session.scheme) if lists else []
                value = typed_text(items, known)
            else:
                continue
            key = widget.id or widget.name or ""
            before, self._items[key] = self._items.get(key), items
            saved_typing = widget in self._saved_typing
            self._saved_typing.discard(widget)
            shown = self._shown.of(widget)
            here = shown is not None and shown.doc_id == doc_id
            focused = self.screen.focused is widget and here
            unchanged = here and shown is not None and shown.saved == value
            # A value the field refused stays shown, marked, until corrected or ctrl+z: a
            # redraw put the saved 1 back over a trial's refused '1x' unsaid (d then refuses).
            refused = unchanged and widget.has_class("-invalid") and self._shown.typed(widget)
            if (focused and (saved_typing or unchanged)) or refused:
                # Its saved value did not change (another field's did), or it is what was
                # typed here, saved at a pause: what is being typed here stays, however soon
                # after a tab it was typed.
                self._shown.shown(widget, doc_id, value)
                continue
            self._shown.shown(widget, doc_id, value)
            self._told.discard(key)
            with widget.prevent(Input.Changed):
                widget.value = value
            # A value reads from its start, in focus or not (a trial's field filled by
            # ctrl+l showed "5 Norvanian servicemen", its end); a list in focus from the
            # item just added (``added_item_start``), its name counts its items.
            start = 0
            if widget.has_focus and isinstance(items, list) and isinstance(before, list):
                start = added_item_start(before, items, known) or 0
            widget.cursor_position = start
            # Once laid out: the input's width for its new value is not known yet.
            scroll = partial(widget.scroll_to, x=cell_len(value[:start]), animate=False)
            widget.call_after_refresh(scroll, immediate=True)
            widget.remove_class("-invalid")
        record, scheme = session.record, session.scheme
        for marker in self.query("FieldName, FieldLinks"):
            if isinstance(marker, FieldName | FieldLinks) and marker.name:
                words = marker_words(record, marker.name, scheme)
                marker.show_links(words, list_size(record, marker.name, scheme))
        for select in self.query(Select):
            current = session.field_value(select.name or "")
            with select.prevent(Select.Changed):
                if current is None:
                    select.clear()
                else:
                    select.value = current
        self._doc_id = doc_id
        self.query_one(KeptFields).show_kept(kept_words(record, scheme) if doc_id else [])
        read_only = session.stale is not None
        for control in self.query("Input, Select, Button"):
            control.disabled = read_only

    @property
    def doc_id(self) -> str | None:
        """The document the fields show, which what is typed in them belongs to (it lags the
        session's open document until ``show`` has shown the new one)."""
        return self._doc_id

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

    def doc_of(self, widget: Widget | None) -> str | None:
        """The document the value ``widget`` shows is of (the form's, for any other)."""
        shown = self._shown.of(widget) if isinstance(widget, Input) else None
        return shown.doc_id if shown is not None else self._doc_id

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

    def disable(self) -> None:
        for control in self.query("Input, Select, Button"):
            control.disabled = True

    def first_field(self, prefix: str = "") -> Widget | None:
        """The first field that can take input (whose path starts with ``prefix``)."""
        for widget in self.query("Input, Select"):
            if not widget.disabled and (widget.name or "").startswith(prefix):
                return widget
        return None

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
        self.post_message(edit)

    def on_input_changed(self, event: Input.Changed) -> None:
        # Not stopped: the screen counts it as activity.
        if self._idle is not None:
            self._idle.stop()
        self._idle = self.set_timer(self.IDLE_SAVE_SECONDS, partial(self._save_pause, event.input))
        self._tell_typing_over(event.input)

    def _tell_typing_over(self, widget: Input) -> None:
        """Say at the first keystroke that typing over a linked value unlinks it
        (``typing_unlinks``), once until the field is shown anew: the save a pause later
        said it, a second late, and a trial's stray "d" went unseen."""
        path = widget.name
        if self._session is None or not path or widget.id == "note" or path in self._told:
            return
        said = self._session.typing_unlinks(path, widget.value)
        if said is not None:
            self._told.add(path)
            # As text (the app's tell_about makes every message plain): "Ilse [Ringo] Tamm".
            # About the field: the save that unlinks takes it away (it said "once saved"),
            # and says what it did ("typed over 187 from s1, now unlinked").
            app = self.app
            assert isinstance(app, SavingApp)
            app.tell_about(path, said, "warning", timeout=8)

    def typing_to_save(self, widget: Widget | None) -> FormEdited | None:
        """The save of typing not saved yet in ``widget`` (its pause not come), for a key that
        may open another document to make first, to this one; None without such typing."""
        if not isinstance(widget, Input) or self not in widget.ancestors:
            return None
        if not self._shown.changed(widget):
            return None
        if self._idle is not None:
            self._idle.stop()
            self._idle = None
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
        if self._idle is not None:
            self._idle.stop()
            self._idle = None
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

    def _save_pause(self, widget: Input) -> None:
        self._idle = None
        if not widget.is_mounted or not widget.has_focus:
            return  # left: leaving saved it
        if not self._shown.changed(widget):
            return
        if widget.id != "note" and not typed_fits(self.scheme, widget.name or "", widget.value):
            return  # half typed (a date, a number): saved, or refused, on enter or leaving
        self._saved_typing.add(widget)
        self._commit(widget, typing=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._commit(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._commit(event.input)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else str(event.value)
        if event.select.name:
            self.post_message(FieldEdited(self._doc_id, event.select.name, value, event.select))
