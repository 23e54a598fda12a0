"""The keys that tie a form field to spans (mixed into ``AnnotateScreen``): ctrl+l fills the
focused field from a span and links it, ctrl+t links one with the value kept, ctrl+n unlinks.

ctrl+l and ctrl+t offer the spans of the label the field is filled from (``span_pick``), the one
in the article's selection, else one no field is linked to yet, highlighted
(``span_offer.pick_order``): the field is filled without leaving the form, and never from a
span the annotator did not see picked. tab in the list takes the span as enter does and goes on
to the next field, as tab in the form (``SidePanel.field_after``); that field's own list opens
at once when it is filled from spans and there are spans of its label, so a release is ctrl+l
then a tab per field (the list of the same key: ctrl+t's goes on linking). A field not filled
from spans just gets the focus: the tab only moves on. A field filled from spans with no span
of its label gets the focus and the line ctrl+l says there (``no place span to fill …``): a
trial, with no list and nothing said, pressed escape for the list she expected, left the form,
and her next words ran as commands. escape in a list opened so leaves the focus in its field."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import events, on
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Input, Select

from annotator.core.forms import path_words
from annotator.core.span_offer import offer
from annotator.tui.form_panel import EventForm
from annotator.tui.session_view import SessionView
from annotator.tui.session_view_changes import FAILED
from annotator.tui.side_panel import SidePanel
from annotator.tui.span_pick import Picked, SpanPickScreen

# The kinds of message about the keys' action on a field (its refusals, a hint to move to one).
FIELD_KEYS = ("fill_from_span", "link_span", "unlink")


class FieldSpanKeys(SessionView):
    """ctrl+l, ctrl+t and ctrl+n on the focused form field (see the module docstring)."""

    # The field (its path) the keys last acted on, None from outside a field: what they said
    # is about it, and goes once the focus is in another field, or a list opens.
    _keys_field: str | None = None

    @on(events.DescendantFocus)
    def _keys_left_their_field(self, event: events.DescendantFocus) -> None:
        """What the keys said of a field goes once another field has the focus: at 80x24 a
        refusal about released_by ("no actor span …") stayed, and was drawn over the date's
        list, opened next. The article and the search keep it: the refusal says to label
        the span there."""
        widget = event.widget
        in_panel = self.query_one(SidePanel) in widget.ancestors
        if in_panel and isinstance(widget, Input | Select) and widget.name != self._keys_field:
            self.settled(*FIELD_KEYS)

    def hint(self, action: str, message: str, severity: SeverityLevel = "information") -> None:
        raise NotImplementedError

    def _focused_path(self, action: str, key: str, what: str) -> str | None:
        """The path of the form field with the focus; None (with a hint) when there is none."""
        focused = self.focused
        # A field's widget is in its row: the item's "remove" button is named by the item's
        # number, which was read as a field's path (ctrl+l on it closed the screen).
        in_row = focused is not None and any(
            widget.has_class("field-row") for widget in focused.ancestors_with_self
        )
        path = getattr(focused, "name", None) if in_row else None
        in_note = focused is not None and focused.id == "note"
        self._keys_field = str(path) if path and not in_note else None
        if in_note:  # o there is typed: the way out is tab
            self.hint(action, f"the note is no form field: tab to one, then {key} {what}")
            return None
        if not path or focused is None:
            self.hint(action, f"move to a form field (o), then {key} {what}", "warning")
            return None
        return str(path)

    def action_fill_from_span(self) -> None:
        what = "fills it from a span"
        self._on_field_span("ctrl+l", what, self.session.fill_from_span, "fill")

    def action_link_span(self) -> None:
        what = "links a span to it, value kept"
        self._on_field_span("ctrl+t", what, self.session.link_span, "link")

    def action_unlink(self) -> None:
        self._on_field("ctrl+n", "unlinks the span at the cursor from it", self.session.unlink)

    def _on_field(self, key: str, what: str, action: Callable[..., object]) -> None:
        """Run a field's key on the focused field (its refusals and hints are about the key's
        action: the first that works takes them away)."""
        path = self._focused_path(action.__name__, key, what)
        if path:
            # The article's selection, if any, names the span (``session_form._span_in``).
            selection = self.article.selection_offsets()
            # The document the field shows: the key is refused if another opened meanwhile.
            asked = partial(action, selection=selection, doc_id=self._form_doc_id())
            self.change(asked, path, about=action.__name__)

    def _on_field_span(self, key: str, what: str, action: Callable[..., object], verb: str) -> None:
        """The spans the focused field can take, to pick from (``span_pick``), the likeliest
        (``pick_order``) highlighted."""
        path = self._focused_path(action.__name__, key, what)
        if not path:
            return
        session, about = self.session, action.__name__
        field = session.form_field(path)
        label = field.from_label
        if label is None:
            # A choice is chosen, not typed: a trial's "type its value" on event_type, a list.
            how = (
                "choose its value (space or enter opens the list)"
                if field.type == "choice"
                else "type its value"
            )
            self.tell_about(about, f"{path_words(path)} is not filled from spans; {how}")
            return
        if not self._offer(path, action, verb):  # none of the label (a list's own are listed)
            self._say_no_span(path, label, about, verb)

    def _say_no_span(self, path: str, label: str, about: str, verb: str) -> None:
        """The line for a field filled from ``label``'s spans when there are none: said by
        ctrl+l (ctrl+t) on it, and by tab into it from the key's list (one wording)."""
        self.tell_about(
            about,
            f"no {label} span to {verb} {path_words(path)} from: label one first (escape "
            "to the article, select its words, press its key)",
        )

    def _offer(self, path: str, action: Callable[..., object], verb: str) -> bool:
        """The list of the spans the field at ``path`` can take (it is filled from spans), the
        likeliest highlighted; the one taken goes through ``action``. False, and no list, when
        there are none."""
        session, about = self.session, action.__name__
        selection = self.article.selection_offsets()
        field = session.form_field(path)
        # The span is picked on the document the field shows: refused on any other.
        on_its_document = partial(action, doc_id=self._form_doc_id())

        async def chosen(picked: Picked | None) -> None:
            if picked is None:
                return
            if picked.span_id is not None and (
                self.change(on_its_document, path, picked.span_id, about=about) is FAILED
            ):
                return  # refused (said): the focus stays in the field, as after enter
            if picked.step:
                await self._go_on(path, picked.step, action, verb)

        title = f"{verb.capitalize()} {path_words(path)}"
        # The highlight: a span in the selection, else one no field has yet (span_offer).
        offered = offer(session, path, selection, self.article.cursor_offset)
        if not offered.choices:
            return False
        held = (
            frozenset(session.record.links.get(path, [])) if field.type == "list" else frozenset()
        )
        picker = SpanPickScreen(
            title, offered.choices, session.text, offered.order, held, offered.none_fits
        )
        # What the keys said of a field before is not about this list (a refusal on the field
        # before covered its rows at 80x24): it goes.
        self.settled(*FIELD_KEYS)
        self.app.push_screen(picker, chosen)
        return True

    async def _go_on(self, path: str, step: int, action: Callable[..., object], verb: str) -> None:
        """After tab (1) or shift+tab (-1) in the list of the field at ``path``: the field
        tab goes to from it; its list opens when it is filled from spans and has some."""
        # Leaving a field saves what it shows: it must show the value just filled first.
        await self.update_form()
        here = self._field_at(path)
        following = self.query_one(SidePanel).field_after(here, step)
        if following is None:
            return
        going = following.name if isinstance(following, Input) else None
        # What is said of the field tab lands in stays once it has the focus
        # (``_keys_left_their_field``); a field without one lets it go.
        self._keys_field = going
        self.set_focus(following)
        label = self.session.form_field(going).from_label if going else None
        if going and label and not self._offer(going, action, verb):
            self._say_no_span(going, label, action.__name__, verb)

    def _form_doc_id(self) -> str | None:
        """The document the form's fields show (``EventForm.doc_id``)."""
        return self.query_one("#form", EventForm).doc_id

    def _field_at(self, path: str) -> Widget | None:
        """The form's input or choice of the field at ``path``."""
        return next((widget for widget in self.query("Input, Select") if widget.name == path), None)
