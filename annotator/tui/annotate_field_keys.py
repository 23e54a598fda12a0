"""The keys that tie a form field to spans (mixed into ``AnnotateScreen``): ctrl+l fills the
focused field from a span and links it, ctrl+t links one with the value kept, ctrl+n unlinks.

ctrl+l and ctrl+t offer the spans of the label the field is filled from (``span_pick``), the one
in the article's selection, else one no field is linked to yet, highlighted
(``span_offer.pick_order``): the field is filled without leaving the form, and never from a
span the annotator did not see picked."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.notifications import SeverityLevel

from annotator.core.forms import path_words
from annotator.core.span_offer import pick_order
from annotator.tui.session_view import SessionView
from annotator.tui.span_pick import SpanPickScreen


class FieldSpanKeys(SessionView):
    """ctrl+l, ctrl+t and ctrl+n on the focused form field (see the module docstring)."""

    def hint(self, action: str, message: str, severity: SeverityLevel = "information") -> None:
        raise NotImplementedError

    def _focused_path(self, action: str, key: str, what: str) -> str | None:
        """The path of the form field with the focus; None (with a hint) when there is none."""
        focused = self.focused
        path = getattr(focused, "name", None) if focused is not None else None
        if not path or focused is None or focused.id == "note":
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
            self.change(partial(action, selection=selection), path, about=action.__name__)

    def _on_field_span(self, key: str, what: str, action: Callable[..., object], verb: str) -> None:
        """The spans the focused field can take, to pick from (``span_pick``), the likeliest
        (``pick_order``) highlighted."""
        path = self._focused_path(action.__name__, key, what)
        if not path:
            return
        session, about = self.session, action.__name__
        selection = self.article.selection_offsets()
        field = session.form_field(path)
        label = field.from_label
        if label is None:
            self.tell_about(about, f"{path_words(path)} is not filled from spans; type its value")
            return
        choices = session.spans_to_fill(path)
        if not choices:  # no span of the label at all (those a list holds are listed)
            self.tell_about(
                about,
                f"no {label} span to {verb} {path_words(path)} from: label one first (escape "
                "to the article, select its words, press its key)",
            )
            return

        def chosen(span_id: str | None) -> None:
            if span_id is not None:
                self.change(action, path, span_id, about=about)

        title = f"{verb.capitalize()} {path_words(path)}"
        # The highlight: a span in the selection, else one no field has yet, near the cursor.
        preferred = pick_order(session, path, selection, self.article.cursor_offset)
        held = (
            frozenset(session.record.links.get(path, [])) if field.type == "list" else frozenset()
        )
        picker = SpanPickScreen(title, choices, session.text, preferred, held)
        self.app.push_screen(picker, chosen)
