"""ctrl+s and ctrl+o in the event form (mixed into ``annotate_screen.AnnotateScreen``): in a
field that has a pair in its item (``form_item_edits.paired_fields``: the giver and the
receiver), ctrl+s swaps the two, values and links; in a list field, ctrl+o removes the item at
the cursor with its link. The focused input binds them, and shows each only where it acts
(``form_rows.SpanFieldInput``); the session makes the change (one undo step) and says it.
Pressed away from a form field (the article, an item's "remove" button), the screen's hidden
bindings say where they work: there they did nothing, silently (a trial).

Typing not saved yet in the field is saved first, as leaving it would: the swap or the removal
is of what the field shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from annotator.core.form_item_edits import item_start
from annotator.core.session_form_elsewhere import listed
from annotator.tui.form_messages import FieldEdited
from annotator.tui.form_panel import EventForm
from annotator.tui.session_view import SessionView
from annotator.tui.session_view_changes import FAILED

SWAPS = "swaps the field with its pair in the item"
REMOVES = "removes the item at the cursor from a list"


class FormItemKeys(SessionView):
    """ctrl+s and ctrl+o on the focused form field (see the module docstring)."""

    if TYPE_CHECKING:
        # AnnotateScreen's (declared for the type checker only: see the house rules).
        def on_field_edited(self, message: FieldEdited) -> None: ...

    if TYPE_CHECKING:
        # FieldKeys' (declared for the type checker only: see the house rules).
        def _focused_path(self, action: str, key: str, what: str) -> str | None: ...

    async def _field_in_form(self, action: str, key: str, what: str) -> str | None:
        """The path of the focused form field, its typing saved first; None when there is
        none (a hint says where ``key`` works) or its typing was refused (said). A choice
        (event_type) is a field too: the session says why it takes no ctrl+s or ctrl+o."""
        path = self._focused_path(action, key, what)
        if path is None:
            return None
        form = self.query_one("#form", EventForm)
        focused = self.focused
        if isinstance(focused, Input) and not await self._save_typing(form, focused):
            return None
        return path

    async def _save_typing(self, form: EventForm, field: Input) -> bool:
        """Save typing left in ``field`` first; False when it was refused (said)."""
        pending = form.typing_to_save(field)
        if isinstance(pending, FieldEdited):
            self.on_field_edited(pending)
            await self.update_form()
        return not field.has_class("-invalid")

    async def action_swap_sides(self) -> None:
        path = await self._field_in_form("swap_sides", "ctrl+s", SWAPS)
        if path is None:
            return
        form = self.query_one("#form", EventForm)
        swapped = self.change(self.session.swap_sides, path, form.doc_id, about="swap_sides")
        if swapped is not FAILED:
            await self.update_form()

    async def action_remove_list_item(self) -> None:
        # What it shows, as typed: saved, it reads as the items it holds (``set_field``).
        field = self.focused
        text, cursor = (field.value, field.cursor_position) if isinstance(field, Input) else ("", 0)
        path = await self._field_in_form("remove_list_item", "ctrl+o", REMOVES)
        if path is None:
            return
        form = self.query_one("#form", EventForm)
        removed = self.change(
            self.session.remove_list_item, path, text, cursor, form.doc_id, about=path
        )
        if removed is FAILED or not isinstance(field, Input):
            return
        await self.update_form()
        # The cursor on the item that took the removed one's place (or at the end): ctrl+o
        # again removes it, as delete does a character.
        known = listed(self.session.record, path, self.session.scheme)
        place = item_start(field.value, removed, known)

        def put_cursor() -> None:
            field.cursor_position = place

        field.call_after_refresh(put_cursor)
