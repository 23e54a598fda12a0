"""The review screen's keys (mixed into ``ReviewScreen``): decisions as calls on the
ReviewSession, drawing a span by hand, undo and redo, moving between conflicts, the notes.

Each decision goes through the session, which saves it; the screen then says what it did
(``show_notices``) and draws the conflict it moved on to. The editors a key opens over the
screen are ``ReviewEditors``'; drawing the screen is ``ReviewScreen``'s.
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, GoldRecord
from annotator.core.review_gold_form import gold_form
from annotator.core.review_no_conflict import (
    AT_THE_END,
    AT_THE_TOP,
    EVERY_VERSION_SHOWN,
    no_conflict_here,
)
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_bindings import in_force
from annotator.tui.review_editors import ReviewEditors
from annotator.tui.review_gold_form import GoldFormScreen
from annotator.tui.review_notes import NotesScreen
from annotator.tui.review_toasts import WRAP_SECONDS, clear
from annotator.tui.review_versions_box import VersionsBox

GOLD_FORM_ROWS = 10
"""The fewest rows of the article gold's form is shown over (else in the middle)."""


class ReviewKeys(ReviewEditors):
    """The review screen's key actions (see the module docstring)."""

    char_mode: bool
    _shown: Document | None  # the document in the article (``ReviewScreen``'s)

    # The screen's, which draws (``ReviewScreen``).
    @property
    def article(self) -> ReviewArticle:
        raise NotImplementedError

    def redraw(self) -> None:
        raise NotImplementedError

    def select_region(self) -> None:
        raise NotImplementedError

    def _article_is_current(self) -> bool:
        raise NotImplementedError

    def _record_of_article(self) -> GoldRecord | None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("gold_form", "gold_form_drawing") and self.has_class("-narrow"):
            # Below 72 columns the footer has no room for it ("? Help q Quit" went out of
            # sight at 64): the hidden binding serves g there.
            return action == "gold_form_drawing"
        return in_force(action, self.session, self._article_is_current())

    def _decide(self, decision: str, *args: object) -> None:
        try:
            getattr(self.session, decision)(*args)
        except AnnotatorError as error:
            self.tell(str(error), severity="warning")
            return
        self.show_notices()
        self.show_current()

    def action_take(self, index: int) -> None:
        self._decide("take", index)

    def action_take_letter(self, letter: str) -> None:
        self._decide("take_letter", letter)

    def action_take_all(self) -> None:
        self._decide("take_all")

    def action_reject_all(self) -> None:
        self._decide("reject_all")

    def action_edit(self) -> None:
        try:
            self.session.begin_edit()
        except AnnotatorError as error:
            self.tell(str(error), severity="warning")
            return
        # Drawing starts from the conflict's words, whatever was selected before: a selection
        # left from a drawing given up made the next one refused as outside the conflict.
        self.select_region()
        self.redraw()

    def action_cancel_edit(self) -> None:
        self.session.cancel_edit()
        self.select_region()
        self.redraw()

    def action_label(self, label: str) -> None:
        start, end = self.article.selection_offsets()
        self._decide("edit", start, end, label, "char" if self.char_mode else "token")

    def action_span_value_elsewhere(self) -> None:
        """v where no span's value is to type: says why (``action_type_span_value``)."""
        self.action_type_span_value()

    def action_toggle_char_mode(self) -> None:
        self.char_mode = not self.char_mode
        self.article.char_mode = self.char_mode
        self.tell(
            "character mode, until c again: a drawn span keeps the selection exactly"
            if self.char_mode
            else "token mode: a drawn span snaps to whole words"
        )
        self.redraw()

    def action_undo(self) -> None:
        if not self.session.can_undo:
            self.tell("nothing to undo: no decision is left in the gold file")
            return
        # The toasts said what the undone decision did ("… is settled: done"): now untrue.
        clear(self)
        self._decide("undo")

    def action_redo(self) -> None:
        if not self.session.can_redo:
            self.tell("nothing to redo: ctrl+y puts back what ctrl+z undid, until a decision")
            return
        clear(self)
        self._decide("redo")

    def action_next_conflict(self) -> None:
        after = "no open conflict after this one: went round to the first open one"
        self._move("next_conflict", after)

    def action_previous_conflict(self) -> None:
        before = "no open conflict before this one: went round to the last open one"
        self._move("previous_conflict", before)

    def _move(self, move: str, message: str) -> None:
        try:
            getattr(self.session, move)()
        except AnnotatorError as error:
            self.tell(str(error))  # every conflict is settled: said, not a silent key
            return
        if self.session.wrapped:
            self.tell(message, timeout=WRAP_SECONDS)
        self.show_current()

    def action_no_conflict(self, key: str) -> None:
        """A settling key with no conflict current: says why it does nothing, and what to do
        instead (a trial's were silent there, while n and p answered)."""
        session = self.session
        self.tell(no_conflict_here(key, session.finished, session.looking))

    def action_scroll_versions(self, step: int) -> None:
        box = self.query_one(VersionsBox)
        versions = box.versions
        most = versions.max_scroll_y
        can_scroll = versions.scroll_y < most if step > 0 else versions.scroll_y > 0
        if can_scroll:
            box.scroll_versions(step)
            return
        # A key that cannot scroll says why: a trial's [ and ] were silent where every
        # version fitted the frame.
        if self.session.conflict is None:
            self.action_no_conflict("]" if step > 0 else "[")
        elif most <= 0:
            self.tell(EVERY_VERSION_SHOWN)
        else:
            self.tell(AT_THE_END if step > 0 else AT_THE_TOP)

    def action_show_notes(self) -> None:
        record = self._record_of_article()
        if record is None or not record.note.strip():
            where = f" on {record.doc_id}" if record else ""
            self.tell(f"no annotator wrote a note{where}")
            return
        self.app.push_screen(NotesScreen(record.doc_id, record.note))

    def action_gold_form(self) -> None:
        """Gold's form of the document in the article, read-only, over the article."""
        record = self._record_of_article()
        if record is None:
            self.tell("no document in the article yet: gold's form shows once one is")
            return
        # Inside the article's frame: the panel's versions stay in sight beside it. Where the
        # article is a few rows high (below 72 columns it is above the panel), in the middle:
        # at 64x24 the article's three rows showed the form's head and two fields.
        article = self.article.region.shrink((1, 1, 1, 1))
        room = article if article.height >= GOLD_FORM_ROWS and article.width >= 30 else None
        current = self.session.current
        here = current.conflict_id if current and current.doc_id == record.doc_id else None
        # The document's words quote a span conflict's region as the panel does.
        shown = self._shown
        text = shown.text if shown is not None and shown.id == record.doc_id else None
        form = gold_form(record, self.scheme, here, text)
        self.app.push_screen(GoldFormScreen(form, room))

    def action_gold_form_drawing(self) -> None:
        self.action_gold_form()

    async def action_quit(self) -> None:
        await self.app.run_action("quit")
