"""The panel beside the article: legend and the event form (the panel itself, its focus round
and its guard against letters, is ``side_panel.SidePanel``; the span list is in ``span_list``,
the span detail, the current span and its value, in ``span_detail``; typing in the form not
saved yet, in ``form_typing``).

Everything here is built from the scheme. Widgets only show the session's state and post
messages saying what the person typed or chose (``form_messages``), each naming the document
the form showed; the screen applies them through the session.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from annotator.core.list_links import added_item_place, list_size, marker_words
from annotator.core.note_parts import kept_lines_words
from annotator.core.record_unallowed import shown_value
from annotator.core.scheme import Scheme
from annotator.core.session import AnnotationSession
from annotator.tui.form_hints import NOTE_HINTS, NoteInput
from annotator.tui.form_links import FieldLinks, FieldName
from annotator.tui.form_messages import FieldEdited
from annotator.tui.form_rows import GroupBox, KeptFields, field_row, kept_words, row_of
from annotator.tui.form_shown import record_text
from annotator.tui.form_typing import FormTyping
from annotator.tui.panel_legend import Legend as Legend  # imported from here
from annotator.tui.panel_legend import short as short

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


class EventForm(FormTyping):
    """The scheme's form and the note (typing in them not saved yet: ``FormTyping``).

    Under ``STACK_BELOW`` cells (80 columns, or beside the guidelines) it is ``-stacked``: group
    items' names go above their inputs (beside, inputs get 15 cells); that never changes width."""

    STACK_BELOW = 50

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(scheme, **kwargs)
        self._items: dict[str, object] = {}  # each input's saved value itself (a list's items)
        self._doc_id: str | None = None  # the document the fields show (``doc_id``)
        # One ``show`` at a time, each to its end (``show``).
        self._showing = asyncio.Lock()
        # The field last in focus (its path, or "note"): ``o`` comes back to it, so that filling
        # a field from a span (escape, find the span, o, ctrl+l) needs no walk down the form.
        self._last_field: str | None = None
        # A field the next focus of which is not o's to come back to (``focus_unchosen``).
        self._unchosen: Widget | None = None

    def focus_unchosen(self, widget: Widget) -> None:
        """Focus ``widget``, a field of the form, leaving the field ``o`` comes back to as it
        was: the focus is the screen's doing, not the person's (s's question puts it in the
        note). A trial's o after escaping the question went to the note, where o went to the
        first field without it."""
        self._unchosen = widget
        widget.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        unchosen, self._unchosen = self._unchosen, None
        if widget is unchosen:
            pass  # not the person's choice: o goes where it went before
        elif isinstance(widget, Input | Select) and (widget.name or widget.id):
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
            yield NoteInput(NOTE_HINTS, id="note", compact=True, select_on_focus=False)
        # The brat lines an import kept in the note: not in the field (``note_parts``), said.
        yield Label("", id="note-kept")
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
            shows = record_text(session, widget)
            if shows is None:
                continue
            value, items, known = shows.text, shows.items, list(shows.known)
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
            # item just added, the cursor after it (``_cursor_after_item``); its name counts
            # its items.
            start = end = 0
            if widget.has_focus and isinstance(items, list) and isinstance(before, list):
                start, end = added_item_place(before, items, known) or (0, 0)
            widget.cursor_position = start
            # Once laid out: the input's width for its new value is not known yet.
            place = partial(_cursor_after_item, widget, value, start, end)
            widget.call_after_refresh(place)
            widget.remove_class("-invalid")
        record, scheme = session.record, session.scheme
        for marker in self.query("FieldName, FieldLinks"):
            if isinstance(marker, FieldName | FieldLinks) and marker.name:
                words = marker_words(record, marker.name, scheme)
                marker.show_links(words, list_size(record, marker.name, scheme))
        for select in self.query(Select):
            # A choice the scheme no longer has is shown as none chosen (Textual's Select
            # raised, and the screen ended as it opened: a trial's renamed "sit_in").
            current = shown_value(record, select.name or "", scheme)
            with select.prevent(Select.Changed):
                if current is None:
                    select.clear()
                else:
                    select.value = current
        self._doc_id = doc_id
        self.query_one(KeptFields).show_kept(kept_words(record, scheme) if doc_id else [])
        brat = kept_lines_words(record.note) if doc_id else ""
        note_kept = self.query_one("#note-kept", Label)
        note_kept.update(brat)
        note_kept.display = bool(brat)
        read_only = session.stale is not None
        for control in self.query("Input, Select, Button"):
            control.disabled = read_only

    @property
    def doc_id(self) -> str | None:
        """The document the fields show, which what is typed in them belongs to (it lags the
        session's open document until ``show`` has shown the new one)."""
        return self._doc_id

    def doc_of(self, widget: Widget | None) -> str | None:
        """The document the value ``widget`` shows is of (the form's, for any other)."""
        shown = self._shown.of(widget) if isinstance(widget, Input) else None
        return shown.doc_id if shown is not None else self._doc_id

    def disable(self) -> None:
        for control in self.query("Input, Select, Button"):
            control.disabled = True

    def first_field(self, prefix: str = "") -> Widget | None:
        """The first field that can take input (whose path starts with ``prefix``)."""
        for widget in self.query("Input, Select"):
            if not widget.disabled and (widget.name or "").startswith(prefix):
                return widget
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        # Not stopped: the screen counts it as activity.
        self._typed(event.input)

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


def _cursor_after_item(widget: Input, value: str, start: int, end: int) -> None:
    """The field shown from ``start`` (the item a list just took: its words in sight), the
    cursor after that item (``end``) when the item fits the field's width, so what is typed
    next (``, `` and a name) goes after it: at its start a trial's ", X" went into the name
    taken, and its link went on saving. An item wider than the field keeps the cursor at
    its start, where its first words show."""
    width = widget.content_size.width
    if start < end and width and cell_len(value[start:end]) + 1 <= width:
        widget.cursor_position = end
    widget.scroll_to(x=cell_len(value[:start]), animate=False, immediate=True)
