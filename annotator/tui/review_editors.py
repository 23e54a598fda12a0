"""The review screen's editors and its document list (mixed into ``ReviewScreen``): the
screens it opens over itself to type a field's value or a group's items (``e``), a span's value
(``v``), and to pick a document (``l``), and what it does with what they give back."""

from __future__ import annotations

from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from annotator.core.errors import AnnotatorError
from annotator.core.models import Span
from annotator.core.review import ReviewSession
from annotator.core.review_conflict import is_group_conflict
from annotator.core.review_enter_hint import Reading, span_reading
from annotator.core.review_span_value import no_value_to_type
from annotator.core.scheme import Scheme
from annotator.tui.review_doc_list import Chosen, ReviewDocListScreen
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.review_notes import NotesLine
from annotator.tui.review_span_value_edit import SpanValueScreen
from annotator.tui.review_toasts import clear


class ReviewEditors(Screen[None]):
    """The review screen's actions that open a screen over it (see the module docstring)."""

    session: ReviewSession
    scheme: Scheme

    def tell(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None:
        raise NotImplementedError

    def show_notices(self) -> None:
        raise NotImplementedError

    def show_current(self, select: bool = True) -> None:
        raise NotImplementedError

    def _decide(self, decision: str, *args: object) -> None:
        raise NotImplementedError

    def action_edit_items(self) -> None:
        self.action_type_value()

    def action_type_value(self) -> None:
        conflict = self.session.conflict
        if conflict is None or conflict.get("kind") == "span":
            return  # e draws a span there (reached from the palette only)
        settle = self.session.settle_typed
        # The item editor's box, as tall as the screen below 30 rows, keeps below the notes
        # line too while there is one (review.tcss).
        notes = self.query_one(NotesLine).display
        try:
            editor: ModalScreen[bool] = (
                ItemsEditScreen(self.scheme, conflict, settle, self.session.typed_item_links, notes)
                if is_group_conflict(conflict, self.scheme)
                else FieldEditScreen(self.scheme, conflict, settle, self._gold_spans())
            )
        except AnnotatorError as error:
            self.tell(str(error), severity="warning")
            return
        self.add_class("-editing")
        self.app.push_screen(editor, self._typed)

    def _gold_spans(self) -> list[Span]:
        """Gold's spans in the current record: a count typed as their words is their value."""
        record = self.session.record
        return list(record.spans) if record is not None else []

    def _span_reading(self) -> Reading | None:
        """What v's enter makes of a typed value, read in the current document (its date's
        words too); None where the record or the document is not at hand."""
        session = self.session
        record, conflict = session.record, session.conflict
        if record is None or conflict is None:
            return None
        try:
            document = session.document(record.doc_id)
        except AnnotatorError:
            return None
        # As settle_span_value reads it.
        date = document.meta.get("date")
        return span_reading(record, conflict["id"], self.scheme, document.text, date)

    def action_type_span_value(self) -> None:
        conflict, span = self.session.conflict, self.session.span_value_to_type()
        label = self.scheme.label(span["label"]) if span else None
        if conflict is not None and conflict.get("kind") != "span":
            typed = (
                "e edits its items"
                if is_group_conflict(conflict, self.scheme)
                else "e types its value"
            )
            self.tell(
                "v types a span's value, on a span conflict whose versions differ in the "
                f"value only; this is a form field's conflict: {typed}",
                severity="warning",
            )
            return
        if conflict is None or span is None or label is None:
            self.tell(no_value_to_type(conflict), severity="warning")
            return
        settle = self.session.settle_span_value
        editor = SpanValueScreen(conflict, span, label.value_type, settle, self._span_reading())
        self.add_class("-editing")
        self.app.push_screen(editor, self._typed)

    def _typed(self, settled: bool | None) -> None:
        self.remove_class("-editing")
        if settled:
            self.show_notices()
            self.show_current()

    def action_documents(self) -> None:
        entries = self.session.document_entries()
        listed = ReviewDocListScreen(entries, self.session.doc_id, self.session.anew_refused)
        self.app.push_screen(listed, self._chosen)

    def _chosen(self, chosen: Chosen) -> None:
        if chosen is not None:
            what, doc_id = chosen
            clear(self)  # what the toasts said was of the document left
            self._decide("merge_anew" if what == "anew" else "go_to_document", doc_id)
