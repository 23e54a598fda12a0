"""The annotation session: everything the annotation screen changes, without a terminal.

One annotator works through one corpus. The session holds the scheme, the store (which holds the
journal's lock), the document on screen and its record, one undo history per document (kept while
the program runs) and the active-time clock. Every change goes through a method here and is saved
at once through the store's ordered writer; the screen only turns keys into these calls.

A document without a record gets a blank working record that is first written at its first change.
A stored record whose ``doc_sha256`` no longer matches the text is *stale*: it is not applied, the
document is read-only, and only ``start_over()`` replaces it.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from annotator.core import forms, spans
from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.models import SCHEMA_VERSION, Document, Record, Span, record_line
from annotator.core.scheme import FormField, Scheme, default_scheme_path, load_scheme
from annotator.core.store import Store
from annotator.core.timer import ActiveTimer
from annotator.core.writer import append_durably

DocStatus = Literal["new", "in_progress", "done", "skipped"]
SaveListener = Callable[[str, str | None], None]

# Time spent only passing through a document (n, n, n) is not worth a journal line.
_MIN_SECONDS_TO_SAVE_ON_LEAVE = 2.0
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")


class Refused(AnnotatorError):
    """An action the session declines; the message says why and what to do instead."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc_text(moment: dt.datetime) -> str:
    """``2025-08-24T10:00:00Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class DocumentState:
    """The document on screen and its working record."""

    document: Document
    record: Record
    saved: bool  # the record is in the journal
    stale: Record | None = None  # the stored record, when the text changed since


@dataclass(frozen=True)
class DocEntry:
    """One line of the document list."""

    doc_id: str
    position: int
    status: DocStatus
    flagged: bool


class _StatusRelay:
    """Passes the writer's state on to whoever listens (set once the screen exists)."""

    def __init__(self) -> None:
        self.listener: SaveListener | None = None

    def __call__(self, state: str, error: str | None) -> None:
        if self.listener is not None:
            self.listener(state, error)


@dataclass
class AnnotationSession:
    corpus: Corpus
    scheme: Scheme
    scheme_path: Path
    store: Store
    annotator: str
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], dt.datetime] = utc_now
    messages: list[str] = field(default_factory=list)
    char_mode: bool = False
    selected: str | None = None  # id of the span the detail panel shows
    _relay: _StatusRelay = field(default_factory=_StatusRelay)
    _state: DocumentState | None = None
    _histories: dict[str, History] = field(default_factory=dict)
    _notices: list[str] = field(default_factory=list)
    _changed: set[str] = field(default_factory=set)  # documents saved while the session runs
    _closed: bool = False

    def __post_init__(self) -> None:
        self.timer = ActiveTimer(self.clock)

    # ----------------------------------------------------------------- documents
    @property
    def ids(self) -> list[str]:
        return self.corpus.ids

    @property
    def state(self) -> DocumentState:
        if self._state is None:
            raise AnnotatorError("no document is open")
        return self._state

    @property
    def loaded(self) -> bool:
        return self._state is not None

    @property
    def document(self) -> Document:
        return self.state.document

    @property
    def record(self) -> Record:
        return self.state.record

    @property
    def stale(self) -> Record | None:
        return self.state.stale

    @property
    def position(self) -> int:
        return self.corpus.position(self.document.id)

    def status_of(self, doc_id: str) -> DocStatus:
        record = self.store.records.get(doc_id)
        return "new" if record is None else record.status

    def entries(self) -> list[DocEntry]:
        out = []
        for position, doc_id in enumerate(self.ids):
            record = self.store.records.get(doc_id)
            status: DocStatus = "new" if record is None else record.status
            out.append(DocEntry(doc_id, position, status, bool(record and record.flagged)))
        return out

    def progress(self) -> tuple[int, int]:
        """(documents done, documents in the corpus)."""
        done = sum(
            1
            for doc_id, record in self.store.records.items()
            if record.status == "done" and doc_id in self.corpus
        )
        return done, len(self.ids)

    def first_unfinished_id(self) -> str:
        """Where a session starts: the first unfinished document, else the first one."""
        for doc_id in self.ids:
            if self._unfinished(doc_id):
                return doc_id
        return self.ids[0]

    def next_unfinished_id(self) -> str | None:
        """The next document after this one (wrapping) with no record or still in progress."""
        start = self.position if self.loaded else -1
        count = len(self.ids)
        for step in range(1, count + 1):
            doc_id = self.ids[(start + step) % count]
            if doc_id != (self.document.id if self.loaded else None) and self._unfinished(doc_id):
                return doc_id
        return None

    def next_id(self) -> str | None:
        position = self.position + 1
        return self.ids[position] if position < len(self.ids) else None

    def previous_id(self) -> str | None:
        position = self.position - 1
        return self.ids[position] if position >= 0 else None

    def _unfinished(self, doc_id: str) -> bool:
        return self.status_of(doc_id) in ("new", "in_progress")

    def read(self, doc_id: str) -> Document:
        """Read a document from the corpus (safe to call from a worker thread)."""
        if doc_id not in self.corpus:
            raise Refused(f"no document {doc_id!r} in {self.corpus.path}")
        return self.corpus.get(doc_id)

    def enter(self, document: Document) -> None:
        """Make ``document`` the one on screen (time spent on the previous one is kept)."""
        self._leave()
        stored = self.store.records.get(document.id)
        if stored is not None and stored.doc_sha256 != document.sha256:
            self._state = DocumentState(document, self._blank(document), False, stale=stored)
            self._notices.append(
                f"{document.id}: the text changed since your record of "
                f"{stored.updated_at or 'an earlier session'} ({len(stored.spans)} spans, "
                f"{stored.status}); it is stale and not shown. Start over to annotate anew."
            )
        elif stored is not None:
            self._state = DocumentState(document, stored, True)
        else:
            self._state = DocumentState(document, self._blank(document), False)
        history = self._histories.get(document.id)
        if history is None or self._state.stale is not None:
            history = History(self._state.record)
            self._histories[document.id] = history
        self.selected = None
        self.timer.restart()

    def open(self, doc_id: str) -> None:
        """Read and enter a document in one go (the screen reads in a worker instead)."""
        self.enter(self.read(doc_id))

    def _blank(self, document: Document) -> Record:
        return Record(
            schema_version=SCHEMA_VERSION,
            doc_id=document.id,
            doc_sha256=document.sha256,
            annotator=self.annotator,
            status="in_progress",
            spans=[],
        )

    def _leave(self) -> None:
        state = self._state
        if state is None or not state.saved or state.stale is not None:
            return
        self.timer.activity()
        if self.timer.pending >= _MIN_SECONDS_TO_SAVE_ON_LEAVE:
            self._save(state.record)

    def start_over(self) -> None:
        """Replace a stale record by a blank one for the current text (explicit, saved now)."""
        state = self.state
        state.stale = None
        record = self._blank(state.document)
        self._histories[state.document.id] = History(record)
        self._save(record)

    # -------------------------------------------------------------- activity
    def activity(self) -> None:
        """A key press or click: active time keeps running."""
        self.timer.activity()

    def take_notices(self) -> list[str]:
        """Things the screen should tell the person (then forgotten)."""
        notices, self._notices = self._notices, []
        return notices

    # ------------------------------------------------------------------ spans
    @property
    def text(self) -> str:
        return self.document.text

    def span(self, span_id: str | None) -> Span | None:
        return None if span_id is None else self.record.span_by_id(span_id)

    def spans_under(self, offset: int) -> list[Span]:
        """Spans at the cursor, innermost first; a cursor just after a span's end counts too."""
        found = spans.spans_at(self.record, offset)
        if not found and offset > 0:
            ending = [s for s in self.record.spans if s.end == offset]
            found = sorted(ending, key=lambda s: (s.end - s.start, s.start))
        return found

    def select_at(self, offset: int) -> Span | None:
        """Follow the cursor: keep the selected span while the cursor is in it."""
        under = self.spans_under(offset)
        current = self.span(self.selected)
        if current is not None and current in under:
            return current
        self.selected = under[0].id if under else None
        return under[0] if under else None

    def _target(self, span_id: str | None) -> Span:
        span = self.span(span_id if span_id is not None else self.selected)
        if span is None:
            raise Refused("no span under the cursor")
        return span

    def ordered_spans(self) -> list[Span]:
        return sorted(self.record.spans, key=lambda s: (s.start, s.end, s.id))

    def step_span(self, offset: int, forward: bool = True) -> Span | None:
        """The next (or previous) span from the selected one or the cursor, wrapping."""
        ordered = self.ordered_spans()
        if not ordered:
            return None
        current = self.span(self.selected)
        if current is not None:
            index = ordered.index(current) + (1 if forward else -1)
        elif forward:
            index = next((i for i, s in enumerate(ordered) if s.start >= offset), 0)
        else:
            index = next((i for i in reversed(range(len(ordered))) if ordered[i].end <= offset), -1)
        span = ordered[index % len(ordered)]
        self.selected = span.id
        return span

    def label_selection(self, start: int, end: int, label: str) -> Span:
        """Label the selection (snapped unless in character mode), or relabel the selected span."""
        self._writable()
        if self.scheme.label(label) is None:
            raise Refused(f"unknown label {label!r}")
        if start == end:
            span = self._target(None)
            if span.label == label:
                return span
            self._commit(self._call(spans.relabel_span, self.record, span.id, label, self.scheme))
            return self._target(span.id)
        start, end = min(start, end), max(start, end)
        snapped = spans.snap_selection(self.text, start, end, "char" if self.char_mode else "token")
        if snapped is None:
            raise Refused("the selection holds no word to label (only spaces or punctuation)")
        same = [s for s in self.record.spans if (s.start, s.end) == snapped]
        if any(s.label == label for s in same):
            raise Refused(f"{self.text[snapped[0] : snapped[1]]!r} is already labelled {label}")
        if len(same) == 1:
            self._notices.append(f"relabelled {same[0].id}: {same[0].label} → {label}")
            self.selected = same[0].id
            return self.label_selection(snapped[0], snapped[0], label)
        record, span = self._call(
            spans.add_span,
            self.record,
            self.text,
            *snapped,
            label,
            self.scheme,
            doc_date=self.document.meta.get("date"),
        )
        self._commit(record)
        self.selected = span.id
        return self._target(span.id)

    def rebound(self, start: int, end: int, span_id: str | None = None) -> Span:
        """Give the selected span the selection's boundaries (snapped); label and id kept."""
        self._writable()
        if start == end:
            raise Refused("select the new extent first, then press r")
        start, end = min(start, end), max(start, end)
        if span_id is None and self.span(self.selected) is None:
            overlapping = [s for s in self.record.spans if s.start < end and start < s.end]
            if overlapping:
                best = max(overlapping, key=lambda s: min(s.end, end) - max(s.start, start))
                span_id = best.id
        span = self._target(span_id)
        snapped = spans.snap_selection(self.text, start, end, "char" if self.char_mode else "token")
        if snapped is None:
            raise Refused("the selection holds no word (only spaces or punctuation)")
        self._commit(self._call(spans.rebound_span, self.record, self.text, span.id, *snapped))
        self.selected = span.id
        return self._target(span.id)

    def delete(self, span_id: str | None = None) -> Span:
        self._writable()
        span = self._target(span_id)
        self._commit(self._call(spans.delete_span, self.record, span.id))
        self.selected = None
        return span

    def set_value(self, raw: str, span_id: str | None = None) -> Span:
        """Set a span's normalised value from what was typed ('' clears it)."""
        self._writable()
        span = self._target(span_id)
        self._commit(self._call(spans.set_span_value, self.record, span.id, raw, self.scheme))
        return self._target(span.id)

    def find(self, query: str, offset: int) -> tuple[int, int] | None:
        """The next match of ``query`` (case-insensitive) at or after ``offset``, wrapping."""
        if not query:
            return None
        haystack, needle = self.text.casefold(), query.casefold()
        if len(haystack) != len(self.text):  # casefold changed lengths: match exactly
            haystack, needle = self.text, query
        found = haystack.find(needle, offset)
        if found == -1:
            found = haystack.find(needle)
        return None if found == -1 else (found, found + len(needle))

    # ------------------------------------------------------------------- form
    def form_field(self, path: str) -> FormField:
        return self._call(forms.resolve_path, self.scheme, path)[2]  # type: ignore[no-any-return]

    def field_value(self, path: str) -> Any:
        """The value at ``path`` (None, or [] for a list, when not filled in)."""
        return self._call(forms.field_value, self.record, path, self.scheme)

    def group_size(self, group: str) -> int:
        items = self.record.form.get(group)
        return len(items) if isinstance(items, list) else 0

    def set_field(self, path: str, raw: str | None) -> None:
        """Set a form field from what was typed or chosen; a list takes comma-separated text."""
        self._writable()
        field = self.form_field(path)
        value: Any = raw
        if field.type == "list" and isinstance(raw, str):
            value = [item.strip() for item in raw.split(",") if item.strip()]
        if self._call(forms.coerce_field_value, field, value) == self.field_value(path):
            return
        self._commit(self._call(forms.set_field, self.record, path, value, self.scheme))

    def add_group_item(self, group: str) -> int:
        self._writable()
        self._commit(self._call(forms.add_group_item, self.record, group, self.scheme))
        return self.group_size(group) - 1

    def remove_group_item(self, group: str, index: int) -> None:
        self._writable()
        self._commit(self._call(forms.remove_group_item, self.record, group, index))

    def fill_from_span(self, path: str, span_id: str | None = None) -> None:
        """Fill a field from the selected span and record the link."""
        self._writable()
        span = self._target(span_id)
        self._commit(self._call(forms.fill_from_span, self.record, path, span.id, self.scheme))

    def set_note(self, note: str) -> None:
        self._writable()
        if note != self.record.note:
            self._commit(self.record.model_copy(update={"note": note}))

    def missing_required(self) -> list[str]:
        return list(forms.missing_required(self.record, self.scheme))

    # ---------------------------------------------------------------- history
    def can_undo(self) -> bool:
        return self._history().can_undo

    def can_redo(self) -> bool:
        return self._history().can_redo

    def undo(self) -> bool:
        self._writable()
        return self._restore(self._history().undo())

    def redo(self) -> bool:
        self._writable()
        return self._restore(self._history().redo())

    def _history(self) -> History:
        return self._histories[self.document.id]

    def _restore(self, earlier: Record | None) -> bool:
        if earlier is None:
            return False
        content = {key: getattr(earlier, key) for key in ("spans", "form", "links", "note")}
        self._commit(self.record.model_copy(update=content), undoable=False)
        if self.span(self.selected) is None:
            self.selected = None
        return True

    # ----------------------------------------------------------------- status
    def mark_done(self) -> str | None:
        """Mark done (refused while required fields are empty); the next unfinished id."""
        self._writable()
        missing = self.missing_required()
        if missing:
            raise Refused(
                f"not done: fill the required field{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} first (o opens the form)"
            )
        self._set_status("done")
        return self._after_finishing()

    def skip(self) -> str | None:
        """Mark skipped; the next unfinished id."""
        self._writable()
        self._set_status("skipped")
        return self._after_finishing()

    def toggle_flag(self) -> bool:
        self._writable()
        flagged = not self.record.flagged
        self._commit(self.record.model_copy(update={"flagged": flagged}), undoable=False)
        return flagged

    def _set_status(self, status: str) -> None:
        if self.record.status != status or not self.state.saved:
            self._commit(self.record.model_copy(update={"status": status}), undoable=False)

    def _after_finishing(self) -> str | None:
        following = self.next_unfinished_id()
        if following is None:
            done, total = self.progress()
            self._notices.append(f"every document is finished ({done}/{total} done)")
        return following

    # ----------------------------------------------------------------- saving
    def _writable(self) -> None:
        if self.stale is not None:
            raise Refused(
                "this document's record is stale (its text changed): start over to annotate it"
            )
        if self._closed:
            raise Refused("the session is closed")

    def _call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Refused:
            raise
        except (AnnotatorError, ValueError, KeyError, IndexError) as error:
            raise Refused(str(error).strip("'\"")) from None

    def _commit(self, record: Record, undoable: bool = True) -> None:
        state = self.state
        if record == state.record and state.saved:
            return
        if undoable:
            self._history().apply(record)
        if record.status == "done":
            missing = list(forms.missing_required(record, self.scheme))
            if missing:
                record = record.model_copy(update={"status": "in_progress"})
                self._notices.append(
                    f"{', '.join(missing)} is empty now: the document is back to in progress"
                )
        self._save(record)
        state.saved = True

    def _save(self, record: Record) -> None:
        self.timer.activity()
        seconds = round(record.seconds_spent + self.timer.take(), 3)
        record = record.model_copy(
            update={"updated_at": utc_text(self.now()), "seconds_spent": seconds}
        )
        self.state.record = record
        self.state.saved = True
        self._changed.add(record.doc_id)
        self.store.save(record)

    def on_save_status(self, listener: SaveListener | None) -> None:
        """Call ``listener(state, error)`` when saving starts, ends or fails (any thread)."""
        self._relay.listener = listener

    @property
    def save_state(self) -> str:
        return self.store.state

    @property
    def save_error(self) -> str | None:
        return self.store.error

    @property
    def journal(self) -> Path:
        return self.store.journal

    def flush(self, timeout: float | None = None) -> bool:
        return self.store.flush(timeout)

    def rescue(self, folders: list[Path]) -> Path | None:
        """When the journal cannot be written: put the latest record of every document changed
        in this session into a new file in the first folder that takes it (last line wins, so
        appending it to the journal later is safe). None when no folder took it."""
        lines = b"".join(
            record_line(self.store.records[doc_id])
            for doc_id in sorted(self._changed)
            if doc_id in self.store.records
        )
        name = f"annotator-rescue-{self.annotator}-{utc_now().strftime('%Y%m%dT%H%M%SZ')}.jsonl"
        for folder in folders:
            path = folder / name
            try:
                append_durably(path, lines)
            except OSError:
                continue
            return path
        return None

    def close(self, timeout: float | None = 10.0) -> bool:
        """Save the time on the open document, write everything, release the lock.

        False when lines could not be written in time (the lock is then kept)."""
        if self._closed:
            return True
        self._leave()
        written = self.store.close(timeout)
        self._closed = written
        return written


def open_session(
    corpus_path: Path,
    annotator: str,
    scheme_path: Path | None,
    out_dir: Path,
    *,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], dt.datetime] = utc_now,
) -> AnnotationSession:
    """Open a corpus for ``annotator``: journal ``out_dir/annotations/<annotator>.jsonl``.

    Raises AnnotatorError (one line) for a bad corpus, scheme or name, a damaged journal, or a
    journal another running session holds."""
    if not _NAME_RE.match(annotator):
        raise AnnotatorError(
            f"annotator name {annotator!r}: use letters, digits, '.', '_', '-' or '@' "
            "(it names the journal file)"
        )
    scheme_file = scheme_path if scheme_path is not None else default_scheme_path()
    scheme = load_scheme(scheme_file)
    corpus = open_corpus(corpus_path)
    journal = out_dir / "annotations" / f"{annotator}.jsonl"
    relay = _StatusRelay()
    try:
        store = Store(journal, annotator, on_status=relay)
    except OSError as error:
        raise AnnotatorError(f"{journal}: cannot open: {error.strerror or error}") from None
    session = AnnotationSession(
        corpus, scheme, scheme_file, store, annotator, clock=clock, now=now, _relay=relay
    )
    session.messages.extend(store.messages)
    elsewhere = sorted(doc_id for doc_id in store.records if doc_id not in corpus)
    if elsewhere:
        session.messages.append(
            f"{journal}: {len(elsewhere)} record(s) for documents not in {corpus_path} "
            f"(kept; first: {elsewhere[0]})"
        )
    return session
