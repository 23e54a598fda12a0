"""Reading documents for the annotation screen (a base of ``session_view.SessionView``): each
is read in a thread worker and entered into the session once read; one that cannot be read
is said in the banner, and n / p / u / l move on from it. The texts of documents with records
are hashed in the background once the first article shows, so stale records stop counting as
done without delaying it.

Keys typed while a document opens are for it: they wait (``KeysInOrderApp.hold_keys``) until
its article and form show, then go on in turn. A trial's keys typed 20-30 ms after n or ctrl+p
"Next doc" (o and a word, say) went into the form of the article being left, and were saved
there. The focus leaves that form at once, as leaving a field does: what was typed there is
saved to its own article, as before. A document still being read after ``SLOW_READ_SECONDS``
is said once ("still opening b…"); the keys keep waiting for it, since handed on they would go
to the article being left, and ctrl+q quits meanwhile (a hung disk kept the app open).

An article's file edited on disk is said (``text_on_disk``): while it is open, its file is
looked at every ``FILE_CHECK_SECONDS`` in a worker; when it opens again with another text.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar, cast

from rich.text import Text
from textual import work
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import Scheme
from annotator.core.session import AnnotationSession
from annotator.core.text_on_disk import TextsOnDisk
from annotator.tui.article import ArticleView
from annotator.tui.form_panel import EventForm
from annotator.tui.keys_in_order import KeysInOrderApp
from annotator.tui.messages import DocumentLoaded, LoadFailed
from annotator.tui.span_detail import SpanDetail
from annotator.tui.span_list import SpanList

# How long a document may take to read before the screen says it is still opening it.
SLOW_READ_SECONDS = 2.0
# How often the open article's file is looked at (a stat; hashed only when that changed).
FILE_CHECK_SECONDS = 2.0
# The kind of the message saying an article's file changed on disk (``tell_about``).
TEXT_ON_DISK = "text on disk"
# Its kind when it says the record is stale on the new text, offering ctrl+k: taken away once
# ctrl+k or ctrl+r settles that record (``annotate_carry``), no longer true then.
STALE_ON_DISK = "text on disk, record stale"

T = TypeVar("T")


async def in_daemon_thread(read: Callable[[], T]) -> T:
    """What ``read`` returns (or raises), called in a thread of its own that does not keep the
    app from ending: a worker's thread did, and a read hung on a network disk kept the process
    running after ctrl+q closed the screen."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():
            return  # cancelled meanwhile: another document asked for
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(cast(T, result))

    def run() -> None:
        try:
            result, error = read(), None
        except BaseException as raised:  # handed to the awaiting side, as a worker does
            result, error = None, raised
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name="annotator-read", daemon=True).start()
    return await done


class ReadsDocuments(Screen[None]):
    """Opening a document: read off the screen's thread, then shown (see the module)."""

    session: AnnotationSession
    scheme: Scheme
    _failed_id: str | None = None  # a document that could not be read
    _records_check_started = False  # the texts of documents with records are hashed once
    _shown_one = False  # a document was shown (its messages go when another opens)
    _queries_by_doc: dict[str, str] | None = None
    # The document asked for last, until it is entered; then until its form shows it. Keys
    # wait meanwhile (see the module docstring).
    _opening: str | None = None
    _entered_opening: str | None = None
    _slow_read: Timer | None = None  # says the document asked for is still opening
    _texts_read: TextsOnDisk | None = None
    _file_check: Timer | None = None  # looks at the open article's file now and then
    _looking_at_file = False  # a look at it is on its way

    @property
    def _texts(self) -> TextsOnDisk:
        """The texts read of each article file (made on first use, as ``_queries``)."""
        if self._texts_read is None:
            session = self.session
            self._texts_read = TextsOnDisk(session.read, session.corpus.file_of)
        return self._texts_read

    @property
    def _queries(self) -> dict[str, str]:
        """Each article's last search query (doc id -> query), given back when it opens
        again (made on first use: this base has no ``__init__`` of its own)."""
        if self._queries_by_doc is None:
            self._queries_by_doc = {}
        return self._queries_by_doc

    # Provided by SessionView (show_notices, tell_about, settled: by its base
    # session_view_changes.TellsChanges).
    @property
    def article(self) -> ArticleView:
        raise NotImplementedError

    def redraw(self) -> None:
        raise NotImplementedError

    def refresh_status(self) -> None:
        raise NotImplementedError

    def show_notices(self, of_a_change: bool = False) -> None:
        raise NotImplementedError

    def tell_about(
        self, kind: str, message: str, severity: SeverityLevel = "warning", **shown: Any
    ) -> None:
        raise NotImplementedError

    def settled(self, *kinds: str) -> None:
        raise NotImplementedError

    def _keep_query(self) -> None:
        """Keep the open article's search query before another takes its place (one that
        cannot be read too: the query was lost going on from it)."""
        if self.session.loaded:
            self._queries[self.session.document.id] = self.query_one("#search", Input).value

    def open_document(self, doc_id: str) -> None:
        if self.focused is not None and self.focused is not self.article:
            # Leaving the field saves its typing to the article it was typed on, still open.
            self.set_focus(None)
        self._hold_keys(doc_id)
        self.article.loading = True
        self._read(doc_id)

    def _hold_keys(self, doc_id: str) -> None:
        self._opening, self._entered_opening = doc_id, None
        app = self.app
        if isinstance(app, KeysInOrderApp):
            app.hold_keys(self)
        if self._slow_read is not None:
            self._slow_read.stop()
        self._slow_read = self.set_timer(SLOW_READ_SECONDS, lambda: self._say_still_opening(doc_id))

    def _say_still_opening(self, doc_id: str) -> None:
        if self._opening == doc_id:
            # Taken away once a document shows or cannot be read (a CI run's slow first
            # article left "Still opening a…" over the article it had opened).
            self.tell_about(
                "opening",
                f"Still opening {doc_id}… keys typed wait for it; ctrl+q quits.",
                "information",
            )

    def keys_go_on(self, form_shows: str | None) -> None:
        """The form shows ``form_shows`` now: once that is the document asked for last,
        entered, the keys typed meanwhile go on to it."""
        if self._entered_opening is not None and form_shows == self._entered_opening:
            self._release_keys()

    def _release_keys(self) -> None:
        self._opening = self._entered_opening = None
        if self._slow_read is not None:
            self._slow_read.stop()
            self._slow_read = None
        app = self.app
        if isinstance(app, KeysInOrderApp):
            app.release_keys()

    @work(exclusive=True, group="read")
    async def _read(self, doc_id: str) -> None:
        try:
            document = await in_daemon_thread(partial(self._texts.read, doc_id))
        except AnnotatorError as error:
            message: Message = LoadFailed(doc_id, str(error))
        except OSError as error:
            # The core says which file it could not read; this is a backstop, so a disk that
            # fails in a way it does not expect still leaves the app open, saying so.
            message = LoadFailed(doc_id, f"cannot read: {error.strerror or error}")
        else:
            message = DocumentLoaded(document)
        self.post_message(message)  # not when cancelled: the await above raised then

    async def on_document_loaded(self, message: DocumentLoaded) -> None:
        if self._shown_one:
            # The previous document's messages go: a "flagged for review" or a refused done
            # left over made the next article look flagged or refused (a trial).
            self.app.clear_notifications()
        self._shown_one = True
        self.settled("opening")
        self._failed_id = None
        search = self.query_one("#search", Input)
        self._keep_query()
        self.session.enter(message.document)
        stale = self.session.stale
        changed = self._texts.entered(message.document, len(stale.spans) if stale else None)
        if message.document.id == self._opening:
            self._entered_opening = self._opening  # keys go on once its form shows it
        # o goes to the form's first field in a document just opened, not to the field last
        # used in the one before (a trial's event type went into the previous note).
        self.query_one("#form", EventForm).forget_last_field()
        # The search's query is the article's (enter again: its next match): another article's
        # search starts with its own, empty until searched (a trial's / on 02 showed 01's '95';
        # another's, back on 07, found its /Maro gone).
        search.value = self._queries.get(message.document.id, "")
        article = self.article
        article.load_text(message.document.text)
        article.loading = False
        self.redraw()
        article.move_to_offset(0)
        article.scroll_home(animate=False)
        article.focus()
        self.show_notices()
        if changed is not None:
            kind = TEXT_ON_DISK if stale is None else STALE_ON_DISK
            self.tell_about(kind, changed, "warning", timeout=20)
        if self._file_check is None:
            self._file_check = self.set_interval(FILE_CHECK_SECONDS, self._look_at_open_file)
        if not self._records_check_started:
            self._records_check_started = True
            # Once the article is painted, so hashing a large corpus never delays it.
            self.call_after_refresh(self._start_checking_records)

    def _start_checking_records(self) -> None:
        self._check_records(self.session.texts_to_check())

    @work(thread=True, exclusive=True, group="check-records")
    def _check_records(self, doc_ids: list[str]) -> None:
        """Hash the texts of the documents with records, so stale ones stop counting as done."""
        worker = get_current_worker()
        hashes: dict[str, str] = {}
        for doc_id, sha256 in self.session.text_hashes(doc_ids):
            if worker.is_cancelled:
                return
            hashes[doc_id] = sha256
        # Even with none read: where the session started is said then (``start_id``).
        self.app.call_from_thread(self._learn_text_hashes, hashes)

    def _learn_text_hashes(self, hashes: dict[str, str]) -> None:
        if self.session.learn_text_hashes(hashes):
            self.refresh_status()
        self.show_notices()

    def _look_at_open_file(self) -> None:
        # Not while the last look is still on its way: a hung disk would gather a thread a tick.
        if self.session.loaded and self._opening is None and not self._looking_at_file:
            self._looking_at_file = True
            self._check_open_file(self.session.document.id, self.session.stale is not None)

    @work(group="check-open-file")
    async def _check_open_file(self, doc_id: str, stale: bool) -> None:
        """Whether the open article's file holds another text now (``text_on_disk``), looked
        at in a thread that does not keep the app from ending (``in_daemon_thread``)."""
        try:
            said = await in_daemon_thread(partial(self._texts.changed_while_open, doc_id, stale))
        finally:
            self._looking_at_file = False
        if said is not None:
            self._say_file_changed(doc_id, said)

    def _say_file_changed(self, doc_id: str, said: str) -> None:
        if self.session.loaded and self.session.document.id == doc_id:
            self.settled(STALE_ON_DISK)  # "this is its new text": another is now
            self.tell_about(TEXT_ON_DISK, said, "warning", timeout=20)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Show that the document cannot be read; n / p / u move on from it."""
        self._keep_query()
        self.settled("opening")
        self.session.close_document()
        self._failed_id = message.doc_id
        article = self.article
        article.loading = False
        article.load_text("")
        self.query_one("#spans", SpanList).show(self.scheme, None, None)
        self.query_one("#detail", SpanDetail).show(None, [])
        self.query_one("#form", EventForm).disable()
        banner = self.query_one("#banner", Static)
        banner.update(f"✖ Cannot read {message.doc_id}: {message.problem}\nn / p / u / l move on.")
        banner.display = True
        position = self.session.ids.index(message.doc_id) + 1
        self.query_one("#status", Static).update(
            Text(f" {position}/{len(self.session.ids)}  {message.doc_id} · cannot be read")
        )
        self.refresh_bindings()
        # The focus is the article's, as when a document shows: taken from a field as this
        # opened, it was left nowhere (no cursor to be seen; n / p / u / l still worked).
        article.focus()
        if message.doc_id == self._opening:
            self._release_keys()  # to n / p / u / l, which move on from it
