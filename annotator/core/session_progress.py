"""Where the annotator stands in the corpus (mixed into AnnotationSession): each document's
status, the progress count, and the next document to open.

A stored record is *stale* when its ``doc_sha256`` is not the sha256 of the corpus text: it was
made for an older text, so it counts as not done and its document as unfinished, whatever its
status says. Knowing that needs the text's hash. Opening a corpus reads no texts (a corpus of
10,000 documents opens in a fraction of a second), so hashes are learnt as texts are read: the
document entered on screen, and one pass over the documents that have records
(``texts_to_check`` then ``text_hashes``, meant for a worker thread, then
``learn_text_hashes``). Until a document's text has been hashed, its record is taken at its
word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.journal_another_scheme import holds_what_scheme_lacks, scheme_notices
from annotator.core.journal_done_needs import needs_of
from annotator.core.journal_summary import doc_status
from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.session_parts import SessionParts
from annotator.core.store import Store

DocStatus = Literal["new", "in_progress", "done", "skipped", "stale"]
_UNFINISHED: frozenset[DocStatus] = frozenset(["new", "in_progress", "stale"])


@dataclass(frozen=True)
class DocEntry:
    """One line of the document list."""

    doc_id: str
    position: int
    status: DocStatus
    flagged: bool
    # Why it was skipped: a skipped document's note (the reason s asks for), else empty.
    skip_note: str = ""
    # A done record's required fields left unanswered (``journal_done_needs.needs_of``: a field
    # made required since it was done), and whether the record holds what the scheme lacks
    # (``? not in scheme``): the start names such records, and the list marks them.
    needs: tuple[str, ...] = ()
    not_in_scheme: bool = False


class SessionProgress(SessionParts):
    """Statuses, progress and moving between documents (see AnnotationSession)."""

    corpus: Corpus
    scheme: Scheme
    scheme_given: Path | None
    store: Store
    _notices: list[str]
    _text_sha256: dict[str, str]  # doc id -> sha256 of its corpus text when last read
    # The document the session started on, while what to say of it waits for the hashes.
    _start_untold: str | None

    @property
    def ids(self) -> list[str]:
        return self.corpus.ids

    @property
    def position(self) -> int:
        return self.corpus.position(self.document.id)

    # --------------------------------------------------------------- statuses
    def is_stale(self, record: Record) -> bool:
        """The record was made for another text than the corpus's (as far as it is known)."""
        known = self._text_sha256.get(record.doc_id)
        return known is not None and known != record.doc_sha256

    def status_of(self, doc_id: str) -> DocStatus:
        # One rule with the exit line and ``stats --corpus`` (journal_summary.doc_status).
        return doc_status(self.store.records.get(doc_id), self._text_sha256.get(doc_id))

    def entries(self) -> list[DocEntry]:
        records, scheme = self.store.records, self.scheme
        entries = []
        for position, doc_id in enumerate(self.ids):
            status = self.status_of(doc_id)
            record = records.get(doc_id)
            if record is None:
                entries.append(DocEntry(doc_id, position, status, False))
                continue
            entries.append(
                DocEntry(
                    doc_id,
                    position,
                    status,
                    record.flagged,
                    record.note if status == "skipped" else "",
                    tuple(needs_of(record, scheme)) if status == "done" else (),
                    status != "stale" and holds_what_scheme_lacks(record, scheme),
                )
            )
        return entries

    def scheme_notices(self, at_exit: bool = False) -> list[str]:
        """What the start says of the journal's records under the scheme (what they hold that
        it lacks, the done ones it requires more of), and the exit again, of them as they are
        then (``journal_another_scheme``)."""
        corpus, count = self.corpus, len(self.ids)
        # Named in the list's order; records of documents the corpus lacks after them.
        records = sorted(
            self.store.records.values(),
            key=lambda record: corpus.position(record.doc_id) if record.doc_id in corpus else count,
        )
        return scheme_notices(
            self.journal, records, self.scheme, self.scheme_given, at_exit=at_exit
        )

    def progress(self) -> tuple[int, int]:
        """(documents done, documents in the corpus); a stale record is not done."""
        done = sum(
            1
            for doc_id, record in self.store.records.items()
            if record.status == "done" and doc_id in self.corpus and not self.is_stale(record)
        )
        return done, len(self.ids)

    # ------------------------------------------------------ learning the texts
    def texts_to_check(self) -> list[str]:
        """Documents with a record whose text has not been hashed yet, in corpus order."""
        corpus = self.corpus
        unknown = [
            doc_id
            for doc_id in self.store.records
            if doc_id in corpus and doc_id not in self._text_sha256
        ]
        return sorted(unknown, key=corpus.position)

    def text_hashes(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(doc id, sha256 of its text now) for each document that can be read.

        Reads the corpus only, so it is safe in a worker thread. A text that cannot be read is
        left out: opening that document says what is wrong with it."""
        for doc_id in doc_ids:
            try:
                document = self.corpus.get(doc_id)
            except (AnnotatorError, KeyError):
                continue
            yield doc_id, document.sha256

    def learn_text_hashes(self, hashes: dict[str, str]) -> list[str]:
        """Take hashes from ``text_hashes``; the documents whose records turned out stale."""
        self._text_sha256.update(hashes)
        records = self.store.records
        stale = [
            doc_id
            for doc_id in hashes
            if doc_id in records and records[doc_id].doc_sha256 != hashes[doc_id]
        ]
        # The session has already started elsewhere: the list is where to find them.
        if len(stale) == 1:
            self._notices.append(
                f"{stale[0]}: your record was made for another text, so it is stale and not "
                f"done (l lists it){self._another_corpus()}"
            )
        elif stale:
            self._notices.append(
                f"{len(stale)} of your records were made for other texts (first: {stale[0]}), "
                f"so they are stale and not done (l lists them){self._another_corpus()}"
            )
        # Where the session started, said now that it is known (``start_id``), while the
        # document it opened is still the open one.
        opened, self._start_untold = self._start_untold, None
        if opened is not None and self.loaded and self.document.id == opened:
            self._notices.extend(self._start_words(opened))
        return stale

    def _another_corpus(self) -> str:
        """With records of documents this corpus lacks, the stale ones may be another corpus's
        documents of the same names: the journal is shared (``elsewhere_hint``)."""
        if all(doc_id in self.corpus for doc_id in self.store.records):
            return ""
        return f"; another corpus's? {self.elsewhere_hint()}"

    # ------------------------------------------------------------- moving on
    def start_id(self) -> str:
        """Where a session starts: the document last worked on (``last_worked_id``) while it
        is unfinished, as INCEpTION reopens the last document; else the first unfinished one,
        else the first. A trial quit on 11, in progress, and the next start opened 08, the
        first unfinished. Opening another than the first unfinished says so, naming both.

        Which is the first unfinished may wait for the texts' hashes: a done record before it,
        or the one last worked on, may be stale. Then it is said once they are known
        (``learn_text_hashes``), not guessed now: a trial's start named 06 the first
        unfinished while the same screen said 03's record was stale."""
        first = self.first_unfinished_id()
        last = self.last_worked_id()
        opened = last if last is not None and self._unfinished(last) else first
        if self._start_waits_for_hashes(first, last):
            self._start_untold = opened
        else:
            self._notices.extend(self._start_words(opened))
        return opened

    def _start_waits_for_hashes(self, first: str, last: str | None) -> bool:
        """Whether a text not hashed yet may make another document than ``first`` the first
        unfinished, or ``last`` unfinished: a finished record before ``first``, or ``last``'s,
        made for a text not hashed yet."""
        records, corpus = self.store.records, self.corpus
        first_place = corpus.position(first)
        return any(
            doc_id in corpus
            and doc_id not in self._text_sha256
            and not self._unfinished(doc_id)
            and (doc_id == last or corpus.position(doc_id) < first_place)
            for doc_id in records
        )

    def _start_words(self, opened: str) -> list[str]:
        """What the start says of ``opened``: nothing when it is the first unfinished."""
        first = self.first_unfinished_id()
        if opened == first or not self._unfinished(first):
            return []
        if opened == self.last_worked_id():
            return [
                f"opened {opened}, the article you last worked on; the first unfinished is "
                f"{first} (l lists them)"
            ]
        # Opened as the first unfinished; one before it turned out stale.
        return [
            f"opened {opened}; the first unfinished is {first}, its record stale (l lists them)"
        ]

    def last_worked_id(self) -> str | None:
        """The document of the corpus whose record in the journal was saved last (its
        ``updated_at``; of two saved in the same second an unfinished one, as d moves on
        and the next one is labelled at once, else the one of the later line: the records
        come in the order of their last line), None before any was."""
        latest: tuple[dt.datetime, bool] | None = None
        found = None
        for doc_id, record in self.store.records.items():
            if record.updated_at is None or doc_id not in self.corpus:
                continue
            when = (dt.datetime.fromisoformat(record.updated_at), self._unfinished(doc_id))
            if latest is None or when >= latest:
                latest, found = when, doc_id
        return found

    def first_unfinished_id(self) -> str:
        """The first unfinished document, else the first one."""
        for doc_id in self.ids:
            if self._unfinished(doc_id):
                return doc_id
        return self.ids[0]

    def next_unfinished_id(self, after: str | None = None) -> str | None:
        """The next document after this one (wrapping) with no record, one still in progress,
        or a stale one."""
        start = self._place(after)
        current = self.ids[start] if start >= 0 else None
        count = len(self.ids)
        for step in range(1, count + 1):
            doc_id = self.ids[(start + step) % count]
            if doc_id != current and self._unfinished(doc_id):
                return doc_id
        return None

    def next_id(self, after: str | None = None) -> str | None:
        """The document after ``after`` (default: the open one) in corpus order."""
        position = self._place(after) + 1
        return self.ids[position] if position < len(self.ids) else None

    def previous_id(self, before: str | None = None) -> str | None:
        position = self._place(before) - 1
        return self.ids[position] if 0 <= position < len(self.ids) else None

    def _place(self, doc_id: str | None) -> int:
        if doc_id is not None and doc_id in self.corpus:
            return self.corpus.position(doc_id)
        return self.position if self.loaded else -1

    def _unfinished(self, doc_id: str) -> bool:
        return self.status_of(doc_id) in _UNFINISHED
