"""Form changes made on another document than the open one (mixed into ``SessionForm``).

The screen's form posts what was typed as a message, handled a moment later, and names the
document the form showed then (``doc_id``). A message handled after another document opened
(the typing left in a field as a key opened the next) is never applied to that one: typing is
saved to its own document, through the store's ordered writer, and said (``typed_elsewhere``);
when its record cannot take it, the refusal says exactly what was not saved. Anything else (a
link, an item added) is refused (``_on_open``): span ids and items are a document's own. A
span's value typed there is saved to that span of its own document (``set_value``): a value
typed with v and left by ctrl+p "Next doc" was lost, unsaid. The same reading of typing
tells whether text a field shows is what the open record holds (``typed_is_saved``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotator.core import forms, span_links
from annotator.core.errors import AnnotatorError
from annotator.core.history import NOTE_RUN, History, value_run
from annotator.core.models import Document, Record, Span
from annotator.core.note_parts import typed_note
from annotator.core.record_unallowed import shown_value
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused, SessionEdits
from annotator.core.session_status import status_after_change
from annotator.core.span_words import span_words
from annotator.core.store import Store
from annotator.core.typed_value import set_typed_value

if TYPE_CHECKING:
    from annotator.core.session_finish import Finished, FinishedBefore, Unfinished


def listed(record: Record, path: str, scheme: Scheme) -> list[str]:
    """A list field's items and its linked spans' texts: items that may hold a comma. A list
    the field does not take (an item a count, ``record_unallowed``) is shown empty: none."""
    items = shown_value(record, path, scheme) or []
    linked = [record.span_by_id(span_id) for span_id in record.links.get(path, [])]
    return [*items, *(span_words(span) for span in linked if span is not None)]


class SessionFormElsewhere(SessionEdits):
    """See the module docstring."""

    store: Store
    _histories: dict[str, History]
    _changed: set[str]
    _closed: bool
    _looked: dict[str, float]
    _finished: Finished | None
    _finished_before: FinishedBefore | None
    _finish_undone: Unfinished | None

    if TYPE_CHECKING:
        # SessionProgress's, declared for the type checker only (a stub would shadow it).
        def is_stale(self, record: Record) -> bool: ...

        # AnnotationSession's.
        def read(self, doc_id: str) -> Document: ...

    def elsewhere(self, doc_id: str) -> bool:
        """Whether ``doc_id``, the document a change was made on, is not the open one."""
        return not self.loaded or doc_id != self.document.id

    def _open_words(self) -> str:
        return f"{self.document.id} opened" if self.loaded else "it was closed"

    def _on_open(self, doc_id: str | None, what: str) -> None:
        """Refuse ``what``, asked on the form of ``doc_id``, when that is not the open
        document: span ids and items are each document's own (s3 of the next is not s3)."""
        if doc_id is not None and self.elsewhere(doc_id):
            raise Refused(
                f"not done: {what}, asked on {doc_id}'s form after {self._open_words()}; "
                f"open {doc_id} to do it there"
            )

    def typed_elsewhere(self, doc_id: str, path: str | None, raw: str | None) -> bool:
        """Save ``raw``, typed in the field at ``path`` (None: the note) of ``doc_id`` while
        another document is open, to ``doc_id``'s own record, saying so: ctrl+z there undoes
        it. Its status follows as ``_commit``'s would (done with a required field emptied is in
        progress). Refused, saying what was not saved, when its record cannot take it (stale,
        a value the field refuses). False when it holds that already: nothing is saved, and
        nothing said (a field left as it was shown is no typing)."""
        where = f"{doc_id}'s {'note' if path is None else forms.path_words(path)}"
        saved = self._save_elsewhere(
            doc_id,
            where,
            raw,
            lambda record: (self._typed_into(record, path, raw), []),
            run=NOTE_RUN if path is None else path,
        )
        return saved is not None

    def set_value(
        self,
        raw: str,
        span_id: str | None = None,
        doc_id: str | None = None,
        typing: bool = False,
    ) -> Span:
        """``SessionEdits.set_value``; ``doc_id``: the document the value was typed on. When
        another is open, it is saved to that span of its own record, its linked fields
        following, and said (refused, saying so, when that record cannot take it), ending
        the value's run of typing there (``typing``: as ``SessionEdits.set_value``'s)."""
        if doc_id is None or not self.elsewhere(doc_id) or span_id is None:
            return super().set_value(raw, span_id, typing=typing)
        where = f"{doc_id}'s value of {span_id}"

        def typed(record: Record) -> tuple[Record, list[str]]:
            # Read at that document's span, with its text and dateline, as if it were open.
            document = self.read(doc_id)
            if document.sha256 != record.doc_sha256:
                # Its file changed on disk since: the span's offsets are the old text's.
                raise AnnotatorError(f"{doc_id}'s text changed on disk since it was open")
            doc_date = document.meta.get("date")
            changed, said = set_typed_value(
                record, document.text, span_id, raw, self.scheme, doc_date
            )
            changed, notices = span_links.follow_span(record, changed, span_id, self.scheme)
            return changed, [*said, *notices]

        saved = self._save_elsewhere(doc_id, where, raw, typed, run=value_run(span_id))
        record = saved if saved is not None else self._record_of(doc_id)
        span = record.span_by_id(span_id) if record is not None else None
        if span is None:
            raise Refused(f"not saved: {raw!r} typed as {where}: {doc_id} has no {span_id}")
        return span

    def _record_of(self, doc_id: str) -> Record | None:
        """``doc_id``'s record as stored, else (a blank not saved yet) its history's."""
        history = self._histories.get(doc_id)
        stored = self.store.records.get(doc_id)
        return stored if stored is not None else history.record if history else None

    def _save_elsewhere(
        self,
        doc_id: str,
        where: str,
        raw: str | None,
        typed: Callable[[Record], tuple[Record, list[str]]],
        run: str | None = None,
    ) -> Record | None:
        """Save ``typed`` (the record with what was typed, and what to say of it) to
        ``doc_id``, not the open document (``typed_elsewhere``); the record saved, or None
        when it held that already. ``run``: the field's run of typing (``History.apply``),
        which it ends: typing saved at a pause there, then left by a key that opened
        another document, is one undo step (a trial's '9', a pause, then 'Kaldera gov' and
        ctrl+p "Next doc" took two ctrl+z)."""
        lost = f"not saved: {raw!r} typed in {where} before {self._open_words()}"
        history = self._histories.get(doc_id)
        record = self._record_of(doc_id)
        if history is None or record is None:
            raise Refused(f"{lost} ({doc_id} was not open in this session)")
        try:
            changed, notices = typed(record)
        except (AnnotatorError, ValueError, IndexError, KeyError) as error:
            # Fields named as the form shows them (a trial read releases[0].date there).
            raise Refused(f"{lost}: {forms.path_words(str(error))}") from None
        if changed == record:
            return None  # nothing typed: nothing to save, nor to say
        if self._closed:
            raise Refused(f"{lost} (the session is closed)")
        if doc_id in self.store.records and self.is_stale(record):
            raise Refused(f"{lost} (its record is stale: carry it over or start over first)")
        history.apply(changed, run)
        history.end_run()
        # A change of that document after its d or s: ctrl+z undoes the change, not the d or s.
        if self._finished is not None and self._finished.doc_id == doc_id:
            self._finished = None
        if self._finished_before is not None and self._finished_before.finished.doc_id == doc_id:
            self._finished_before = None
        if self._finish_undone is not None and self._finish_undone.finished.doc_id == doc_id:
            self._finish_undone = None
        self._undone_done.discard(doc_id)
        # The status follows as on the open document: one rule (``session_status``).
        changed, said = status_after_change(record, changed, self.scheme, elsewhere=True)
        self._notices.extend(said)
        self._changed.add(doc_id)
        # The time spent on it, kept when it was left (its typing not saved yet, its record
        # as entered: ``_leave``), is counted with this change: 40 s of typing a note, then
        # n, were never written.
        seconds = round(changed.seconds_spent + self._looked.pop(doc_id, 0.0), 3)
        saved = changed.model_copy(update={"updated_at": self._stamp(), "seconds_spent": seconds})
        self.store.save(saved)
        self._notices.append(
            f"saved to {where}: {raw!r}, typed there before {self._open_words()} "
            f"(ctrl+z on {doc_id} undoes it)"
        )
        # What followed from it is of that document too, not of the one open now (a trial
        # read "releases #1 count follows s3" on an article with no releases).
        self._notices.extend(f"{doc_id}: {notice}" for notice in notices)
        return saved

    def value_fits(self, raw: str, span_id: str, doc_id: str | None = None) -> bool:
        """Whether ``raw``, typed so far as span ``span_id``'s value on ``doc_id`` (None: the
        open document), is a value its label takes, as ``set_value`` reads it: the screen saves
        a pause in that typing only then, as a form field's (``forms.typed_fits``): a date half
        typed is not refused while it is still being typed. False on another document than the
        open one: the typing left there is saved as the screen shows the next one."""
        if doc_id is not None and self.elsewhere(doc_id):
            return False
        try:
            doc_date = self.document.meta.get("date")
            set_typed_value(self.record, self.text, span_id, raw, self.scheme, doc_date)
        except (AnnotatorError, ValueError, IndexError, KeyError):
            return False
        return True

    def typed_is_saved(self, path: str | None, raw: str) -> bool:
        """Whether the open document's record holds what ``raw``, typed in the field at
        ``path`` (None: the note), reads as, through the field's own reading (``set_field``
        saves nothing for it): a count typed '1,200' and saved as 1200, a list typed
        'Layla,Yusuf'. The screen's fields keep showing such typing, and d was refused for
        it as text not saved. False for text the field refuses, or with no document open."""
        try:
            record = self.record
            return self._typed_into(record, path, raw) == record
        except (AnnotatorError, ValueError, IndexError, KeyError):
            return False

    def _typed_into(self, record: Record, path: str | None, raw: str | None) -> Record:
        if path is None:
            # As the note field shows it (``SessionForm.set_note``): the brat lines kept.
            return record.model_copy(update={"note": typed_note(record.note, raw or "")})
        field = forms.resolve_path(self.scheme, path)[2]
        value: Any = raw
        if field.type == "list" and isinstance(raw, str):
            value = forms.typed_list(raw, listed(record, path, self.scheme))
        return forms.set_field(record, path, value, self.scheme)
