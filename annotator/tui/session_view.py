"""The annotation screen's views: layout, and redrawing from the session (reading documents
is ``annotate_reading.ReadsDocuments``).

The keys live in ``annotate_screen.AnnotateScreen``, a subclass; every change goes through the
AnnotationSession and the views are redrawn from it.
"""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static, TextArea

from annotator.core.models import Record, Span
from annotator.core.normalise_relative import how_counted
from annotator.core.session import AnnotationSession
from annotator.core.value_unread import no_value_reason
from annotator.tui.annotate_status import AnnotateProgress
from annotator.tui.annotate_status import status_line as status_line_of
from annotator.tui.article import ArticleView, SearchLine
from annotator.tui.form_panel import EventForm, Legend
from annotator.tui.guidelines_view import GuidelinesView as GuidelinesView  # imported from here
from annotator.tui.session_view_changes import TellsChanges
from annotator.tui.session_view_sizes import FOOTER_LEFT_OUT_FIRST, HEIGHT_CLASSES, WIDTH_CLASSES
from annotator.tui.session_view_start import StartUpMessages, one_message_shows
from annotator.tui.side_panel import SidePanel
from annotator.tui.span_detail import STALE_LABELLING, SpanDetail
from annotator.tui.span_list import SpanList
from annotator.tui.status_fit import FittingFooter

# What the readout says of a selection while the guidelines have the focus (esc closes them,
# shift+tab keeps them open), in the article's border and the panel's line as a stale record's
# ``STALE_LABELLING``: the article's border holds 34 cells at 80 columns, where the footer leaves
# shift+tab out.
READING_GUIDELINES_LABELLING = "labelling waits: esc or shift+tab"

# Actions that need an open document (disabled while none could be read).
_NEEDS_DOCUMENT = {
    "label",
    "rebound",
    "delete_span",
    "undo",
    "redo",
    "next_span",
    "previous_span",
    "toggle_char_mode",
    "search",
    "done",
    "skip",
    "flag",
    "focus_form",
    "edit_value",
    "fill_from_span",
}


class ArticleColumn(Vertical):
    """The article and its search line: the toasts over its foot follow its height
    (``SessionView.place_toasts``), which the focus changes below 80 columns."""

    def on_resize(self) -> None:
        if isinstance(self.screen, SessionView):
            self.screen.place_toasts()


class SessionView(TellsChanges):
    """The article and the panel beside it, drawn from an AnnotationSession."""

    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES
    VERTICAL_BREAKPOINTS = HEIGHT_CLASSES

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__()
        self.session = session
        self.scheme = session.scheme
        self.start_up = StartUpMessages()

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            with ArticleColumn(id="left"):
                yield Static(id="banner")
                yield ArticleView(self.scheme, id="article")
                # Its prompt stays while the query is typed (the placeholder goes): a trial's
                # bar showed only the words typed. Short enough for the article's 40 columns
                # at 80 (a longer hint was cut even at 120); enter again selects the match
                # after, as the help says.
                with Horizontal(id="search-bar"):
                    yield Label("search:", id="search-prompt")
                    yield SearchLine(
                        placeholder="enter: next match · esc: back",
                        id="search",
                        compact=True,
                    )
            guidelines = GuidelinesView(id="guidelines")
            guidelines.border_title = "guidelines"
            yield guidelines
            with SidePanel(id="side"):
                yield Legend(self.scheme, id="legend")
                yield SpanList(id="spans")
                yield SpanDetail(self.scheme, id="detail")
                yield EventForm(self.scheme, id="form")
        yield FittingFooter(FOOTER_LEFT_OUT_FIRST)

    def show_search_bar(self, shown: bool) -> None:
        """The search line (``/``) and its prompt, shown or hidden together."""
        self.query_one("#search-bar").display = shown
        self.query_one("#search").display = shown

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    def on_mount(self) -> None:
        self.show_search_bar(False)
        self.query_one("#guidelines").display = False
        self.query_one("#banner").display = False
        self.open_document(self.session.start_id())
        self.start_up.show(self)

    def on_key(self, event: events.Key) -> None:
        self.settled("welcome")
        self.start_up.welcome_gone(self)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Toasts go to the side away from the focus (annotator.tcss), never over the field
        # being filled.
        beside = self.query_one("#left") not in event.widget.ancestors
        self.set_class(beside, "-focus-beside-article")
        self.place_toasts()
        self.start_up.focus_moved(self)  # up to 80 columns they wait for the article's focus
        # The panel stops letters (SidePanel): its footer offers none.
        in_panel = self.query_one("#side") in event.widget.ancestors
        self.query_one(FittingFooter).leave_out_letters(in_panel)
        if self.session.loaded:
            self.refresh_readout()  # the article's border says it only while keys label

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # An input left with its cursor at the end shows the tail of a long value (the last
        # names of a list of releasees): read unfocused, it starts from its beginning.
        if isinstance(event.widget, Input):
            event.widget.cursor_position = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        loaded = self.session.loaded
        if action == "start_over":  # only offered (and shown) for a stale record
            return loaded and self.session.stale is not None
        if action in _NEEDS_DOCUMENT and not loaded:
            return None
        return True

    def redraw(self) -> None:
        """Draw everything from the session (after a change or a new document)."""
        session = self.session
        self.article.set_spans(session.record.spans)
        self._update_form_soon()
        self.refresh_side()
        self.refresh_readout()
        self.refresh_status()
        self.refresh_bindings()
        banner = self.query_one("#banner", Static)
        stale = session.stale_notice()
        banner.display = stale is not None
        if stale is not None:
            banner.update(f"⚠ {session.stale_title()}. {stale}")

    # A worker made from the method, not from a coroutine made at once: a redraw that replaces
    # one not started yet (exclusive) would leave that coroutine never awaited.
    @work(group="form", exclusive=True)
    async def _update_form_soon(self) -> None:
        await self.update_form()

    async def update_form(self) -> None:
        """The form from the record (a group whose size changed is rebuilt, hence async)."""
        form = self.query_one("#form", EventForm)
        await form.show(self.session)
        self.keys_go_on(form.doc_id)  # a document just opened: its form shows it now

    def refresh_side(self) -> None:
        session = self.session
        span = session.span(session.selected)
        self.article.set_current_span(span.id if span else None)
        others = session.spans_overlapping(span.id) if span else []
        cursor = self.article.cursor_offset
        self.query_one("#spans", SpanList).show(
            self.scheme, session.record, session.selected, cursor
        )
        counted = no_value = None
        if span is not None:
            date = session.document.meta.get("date")
            counted = how_counted(session.text, span, session.record.spans, self.scheme, date)
            no_value = no_value_reason(session.text, span, session.record.spans, self.scheme, date)
        detail = self.query_one("#detail", SpanDetail)
        detail.show(span, others, counted, doc_id=session.document.id, no_value=no_value)
        # The readout names the span a label key relabels, the current one with nothing
        # selected: a tab between spans that begin at one offset moves no cursor, and the
        # readout went on naming the span tabbed away from.
        self.refresh_readout()

    def on_resize(self) -> None:
        self.refresh_status()

    def place_toasts(self) -> None:
        """Below 80 columns (-under) with the focus under the article (the panel, the
        guidelines), toasts stand over the article's foot, inside its frame: the rack, docked at
        the screen's foot, is lifted over what is under the article, as tall as the focus made
        it. (CSS margins take no percentage.) Elsewhere annotator.tcss places them. Up to 80
        columns, with the focus away from the article, only the latest shows (-one-message)."""
        self.set_class(one_message_shows(self), "-one-message")
        lifted = self.has_class("-under") and self.has_class("-focus-beside-article")
        lift = self.size.height - self.query_one("#left").region.bottom + 1
        for rack in self.query("ToastRack"):  # none where toasts are off
            if lifted:
                rack.styles.margin = (0, 0, max(lift, 2), 0)
            else:
                rack.styles.clear_rule("margin")

    def refresh_status(self) -> None:
        if not self.session.loaded:
            return
        status_line = self.query_one("#status", Static)
        width = status_line.size.width or self.app.size.width
        status_line.update(status_line_of(AnnotateProgress.of(self.session), width))

    def follow_article(self) -> Span | None:
        """Make the span in focus in the article (``span_focus.span_in_focus``: the one the
        selection covers exactly, else the one at the cursor) the current one, and return it.

        Actions call it before using the current span: the article's SelectionChanged may
        still be on its way when the next key arrives."""
        session = self.session
        if not session.loaded:
            return None
        start, end = self.article.selection_offsets()
        return session.follow(start, end, self.article.cursor_offset)

    @on(TextArea.SelectionChanged, "#article")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        session = self.session
        if not session.loaded:
            return
        session.activity()
        before = session.selected
        self.follow_article()
        if session.selected != before:
            self.refresh_side()
        self.refresh_readout()

    def refresh_readout(self) -> None:
        """What a label key would do to the selection (``SpanDetail.show_selection``): after
        the selection moved, and after a change (an x leaves the selection over the words
        of the span it deleted)."""
        session = self.session
        start, end = self.article.selection_offsets()
        snapped = session.snapped(start, end) if start != end else None
        relabels = session.span_to_relabel(start, end)  # the one the key acts on
        detail = self.query_one("#detail", SpanDetail)
        # With the focus in the panel a label key types, labels nothing: the article's border
        # says nothing (a trial's "relabels s5 'Sunday'" stayed there through minutes of form
        # work). The panel's own line still says it, beside the span it names.
        focused = self.focused
        in_panel = focused is not None and self.query_one("#side") in focused.ancestors
        frame = None if in_panel else self.article
        # A stale record takes no label (``_writable``): the readout says what comes first.
        waits = STALE_LABELLING if session.stale is not None else None
        if isinstance(focused, GuidelinesView):
            # They hold the label keys back (``guidelines_view.HELD_BACK``): a trial's border
            # read "a label key labels 'of war' 79–85" while 1 said "the guidelines have the
            # focus". The way back comes first; the stale record's turn comes after it.
            waits = READING_GUIDELINES_LABELLING
        detail.show_selection(session.text, (start, end), snapped, frame, relabels, waits)
        if in_panel:
            self.article.border_subtitle = None
        refused = self.rebound_refused
        if refused is not None and refused != (start, end, session.selected, session.record):
            # A refused r said what this selection touches among these spans: a trial's "the
            # selection touches no span" stayed up after the selection was labelled.
            self.rebound_refused = None
            self.settled("rebound")

    # The selection, current span and record a refused r spoke of, while its refusal shows.
    rebound_refused: tuple[int, int, str | None, Record] | None = None
