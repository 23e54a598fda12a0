"""The review screen: keys of ``annotator review`` as calls on the ReviewSession, and its views.

The article (agreed spans painted plainly, the current conflict's versions in their colours),
the conflict panel beside it, a status line with the progress on top, keys in the footer. Every
decision goes through the session, which saves it; the views are then redrawn from it.

Number keys take versions; while drawing a span (``e``) the scheme's label keys settle the
conflict with the selection instead (each binding is only active in its mode, so a label key
that is also a version number does the right thing). The drawn span is snapped to whole tokens
as the annotation screen snaps its selections; ``c`` switches to character mode (the selection
kept exactly) and back, for every span drawn from then on (the status line says CHAR MODE while
one is drawn, and that ``e`` draws in it between drawings). On a form-field conflict ``e``
opens ``FieldEditScreen`` instead, to type the value that settles it (on a group's conflict
``ItemsEditScreen``, to edit a version's items). The key actions are ``review_screen_keys``'
(``ReviewKeys``), the editors they open ``review_editors``'; this module draws. The class is
made per scheme by ``review_screen_for``.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import Footer, Static, TextArea
from textual.worker import get_current_worker

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.review_value_words import value_words
from annotator.core.review_views import (
    ConflictView,
    linked_region,
    linked_stretches,
    notes_authors,
)
from annotator.tui.form_panel import Legend
from annotator.tui.keys import with_label_keys
from annotator.tui.messages import DocumentLoaded, LoadFailed
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_bindings import REVIEW_BINDINGS
from annotator.tui.review_help import review_key_sections
from annotator.tui.review_layout import layout_classes
from annotator.tui.review_notes import NotesLine, notes_room
from annotator.tui.review_panel import ConflictPanel
from annotator.tui.review_screen_keys import ReviewKeys
from annotator.tui.review_status import ReviewProgress, status_line
from annotator.tui.review_toasts import (
    fitted,
    opening,
    place,
    tell,
    text_width,
)
from annotator.tui.review_versions_box import VersionsBox
from annotator.tui.screen_classes import ClassesRestyleFew
from annotator.tui.screens import HelpScreen


def review_screen_for(session: ReviewSession) -> ReviewScreen:
    """The review screen of ``session``, its label keys (for drawing) taken from the scheme."""
    return with_label_keys(ReviewScreen, session.scheme)(session)


# ClassesRestyleFew: the screen's classes (``-editing`` under each editor, the toasts'
# ``-toasts-on-top``, the sizes') restyle only what the rules naming them style, not the whole
# screen, as on the annotation screen (screen_classes).
class ReviewScreen(ReviewKeys, ClassesRestyleFew):
    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.scheme = session.scheme
        self._shown: Document | None = None  # the document in the article
        self._reading: str | None = None
        self.char_mode = False
        """A drawn span keeps the selection's exact characters instead of whole tokens."""

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield NotesLine(id="notes")
        with Horizontal(id="main"):
            yield ReviewArticle(self.scheme, id="article")
            with Vertical(id="side"):
                yield Legend(self.scheme, id="legend")
                with VersionsBox(id="conflict-box"):
                    with VerticalScroll(id="conflict-versions"):
                        yield ConflictPanel(id="conflict")
                    yield Static(id="conflict-keys")
        yield Footer(compact=True)

    @property
    def article(self) -> ReviewArticle:
        return self.query_one("#article", ReviewArticle)

    @property
    def panel(self) -> ConflictPanel:
        return self.query_one("#conflict", ConflictPanel)

    def on_mount(self) -> None:
        self.fit_size()
        self.query_one("#conflict-box").border_title = "Conflict"
        if self.session.messages:
            self.tell(opening(self.session.messages, self.session.store.journal))
        self.show_current()
        self.article.focus()
        self.watch(self.article, "scroll_y", self.place_toasts, init=False)

    def on_key(self, event: events.Key) -> None:
        # Not stopped: every key the reviewer presses is active time (``ReviewSession.timer``).
        self.session.activity()

    # ------------------------------------------------------------- drawing
    def show_current(self, select: bool = True) -> None:
        """Draw the session's current conflict, reading its document first when needed."""
        doc_id = self.session.doc_id
        if doc_id is None and self._shown is None and self.session.records:
            # Every conflict settled on opening (a finished gold file resumed): the first
            # document's gold, not an empty pane beside "Every conflict is settled".
            doc_id = next(iter(self.session.records))
        if doc_id is not None and (self._shown is None or self._shown.id != doc_id):
            if self._reading != doc_id:
                self._reading = doc_id
                self.article.loading = True
                self._read(doc_id)
            return
        self.redraw()
        if select:
            self.select_region()

    @work(thread=True, exclusive=True, group="read")
    def _read(self, doc_id: str) -> None:
        try:
            message: Message = DocumentLoaded(self.session.read(doc_id))
        except AnnotatorError as error:
            message = LoadFailed(doc_id, str(error))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_document_loaded(self, message: DocumentLoaded) -> None:
        self._reading = None
        document = message.document
        self.session.enter(document)
        self._shown = document
        misfit = self.session.misfit(document)
        if misfit is not None:  # no decision on it will be written: said as it opens
            self.tell(misfit, severity="error")
        article = self.article
        article.load_text(document.text)
        article.loading = False
        self.show_current(select=False)
        # Scrolling to the region needs the article's new layout: select after the refresh.
        self.call_after_refresh(self.select_region)

    def on_load_failed(self, message: LoadFailed) -> None:
        self._reading = None
        self.article.loading = False
        self.tell(
            f"cannot read {message.doc_id}: {message.problem}; n / p move on", severity="error"
        )

    def redraw(self) -> None:
        session = self.session
        article = self.article
        record = session.record
        if self._record_shown() and record is not None:
            article.set_spans(record.spans)
            article.set_versions(session.version_marks(), session.other_regions())
        elif record is None:
            # No conflict current: every one settled, or a settled document looked at (l):
            # its gold plainly.
            article.set_versions([], [])
            if self._shown is not None:
                kept = session.records.get(self._shown.id)
                article.set_spans(kept.spans if kept else [])
        self.redraw_panel()

    def redraw_panel(self) -> None:
        """The conflict panel, its keys and the status line (the article left as it is)."""
        session = self.session
        shown = self._record_shown()
        # While drawing, the panel says what the span starts from: the article's selection.
        selection = self.article.selection_offsets() if session.editing else None
        title, keys = self.panel.show(
            session,
            shown.text if shown else None,
            self.char_mode,
            selection,
            compact=self.has_class("-narrow"),
            short=self.has_class("-short"),
        )
        box = self.query_one(VersionsBox)
        box.border_title = title
        box.show_from_top(session.current)
        self.query_one("#conflict-keys", Static).update(keys)
        noted = self._record_of_article()
        notes = self.query_one(NotesLine)
        notes.authors = tuple(notes_authors(noted.note, noted.sources.annotators) if noted else ())
        notes.note = noted.note if noted else ""
        self.refresh_status()
        self.refresh_bindings()

    def _record_of_article(self) -> GoldRecord | None:
        """The gold record of the document in the article: the current conflict's, or, once
        every conflict is settled, the one left on screen (its notes are still asked for)."""
        record = self.session.record
        if record is None and self._shown is not None:
            return self.session.records.get(self._shown.id)
        return record

    def _record_shown(self) -> Document | None:
        """The article's document when it is the current record's (None: another, or none)."""
        record = self.session.record
        shown = self._shown
        return shown if record and shown and shown.id == record.doc_id else None

    def select_region(self) -> None:
        """Select the current conflict's words: a span conflict's, or a field conflict's linked
        spans, or else the words its versions typed (``_field_words``), brought into view;
        linked spans apart are brought into view unselected, and with no words the article
        stays where it is, nothing selected. Never the words of the conflict before: a trial's
        article kept the span conflict just settled selected (281–304) while the panel's field
        conflict was about other words (66–85), the reviewer taking it to be about those."""
        view = self.session.view()
        # The review placing the selection is not the reviewer moving the cursor: collapsed
        # inside a span conflict's words, it would make that conflict the current one.
        with self.prevent(TextArea.SelectionChanged):
            self._place_selection(view)
        self.place_toasts()

    def _place_selection(self, view: ConflictView | None) -> None:
        article = self.article
        words = self._field_words(view) if view is not None else None
        if view is not None and view.region is not None:
            article.select_offsets(*view.region)
            article.scroll_cursor_visible(center=True)
        elif view is not None and words is not None:
            if len(linked_stretches(view)) > 1:
                article.clear_selection()
            else:
                article.select_offsets(*words)
            article.bring_into_view(*words)
        else:
            # Nothing to show: the view stays. Putting the cursor back where it was scrolled
            # to it, where the span conflict before had left it (or where the reviewer had
            # scrolled away from): a trial's article jumped to a paragraph about something else.
            shown = article.scroll_y
            article.move_to_offset(article.cursor_offset)  # drops a selection left
            article.scroll_to(y=shown, animate=False)

    def _field_words(self, view: ConflictView) -> tuple[int, int] | None:
        """What of a field conflict the article shows: the spans its versions are linked to,
        else where the words its versions typed are (the place in view, if any, else the first
        in the text); None: a span conflict, its document not in the article, or neither."""
        if view.region is not None or not self._article_is_current():
            return None
        linked = linked_region(view)
        if linked is not None:
            return linked
        places = value_words(view, self.article.text_original, self.scheme)
        height = self.article.scrollable_content_region.height
        for start, end in places:
            first, last = self.article.rows_in_view(start, end)
            if first >= 0 and last < height:
                return start, end
        return places[0] if places else None

    def place_toasts(self) -> None:
        """Toasts over the article's foot, or its top while the words are low in it."""
        place(self, self.article, self._words())

    def _words(self) -> tuple[int, int] | None:
        """What the reviewer looks at in the article: the current conflict's words (a form
        field's: the spans its versions are linked to, or the words they typed), or while
        drawing the selection (None: a field's conflict with neither, or its document not read
        yet)."""
        if not self._article_is_current():
            return None
        if self.session.editing:
            start, end = self.article.selection_offsets()
            if start < end:
                return start, end
        view = self.session.view()
        if view is None:
            return None
        return view.region if view.region is not None else self._field_words(view)

    def notes_room(self) -> tuple[Region, bool] | None:
        """Where the whole note (N) goes: over the article, away from what ``_words`` says
        the reviewer looks at (``review_notes.NotesScreen``)."""
        return notes_room(self.article, self._words())

    def on_review_article_resized(self) -> None:
        # A resize rewraps the article: the words it showed were then out of view at 64x24.
        words = self._words()
        if words is not None:
            self.article.bring_into_view(*words)
        self.place_toasts()

    def refresh_status(self) -> None:
        shown = self._shown.id if self._shown is not None else None
        progress = ReviewProgress.of(self.session, self.char_mode, shown)
        status = self.query_one("#status", Static)
        width = status.size.width or self.app.size.width
        status.update(status_line(progress, width))

    def on_resize(self) -> None:
        self.fit_size()
        self.refresh_status()
        self.call_after_refresh(self.place_toasts)

    def fit_size(self) -> None:
        """Set the screen's size classes (``-narrow``, ``-short``: review_layout says what
        each does), redrawing the panel, which is drawn for them, when one changes."""
        classes = layout_classes(self.app.size.width, self.app.size.height)
        if any(on != self.has_class(name) for name, on in classes.items()):
            for name, on in classes.items():
                self.set_class(on, name)
            if self.is_mounted:
                self.redraw()

    def show_notices(self) -> None:
        notices = self.session.take_notices()
        if notices:
            width = text_width(self.article.region.width, self.has_class("-narrow"))
            self.tell(fitted(notices, width))

    def tell(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None:
        """Show ``message`` in the review's one toast (review_toasts: for how long, where)."""
        tell(self, message, severity, timeout)

    # ------------------------------------------------------------- keys (review_screen_keys)
    def _article_is_current(self) -> bool:
        """The article shows the current conflict's document (not one still being read)."""
        return self._shown is not None and self._shown.id == self.session.doc_id

    @on(TextArea.SelectionChanged, "#article")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        # The cursor put inside another conflict's words makes it the one in the panel.
        start, end = self.article.selection_offsets()
        if start == end and self._article_is_current() and self.session.focus_at(end):
            self.redraw()
        elif self.session.editing:
            self.redraw_panel()  # it says what is selected: never a selection gone
            self.place_toasts()  # off the selection, which may reach where the toast is

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.key_sections()))

    def key_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of the review, for the help screen."""
        return review_key_sections(self)
