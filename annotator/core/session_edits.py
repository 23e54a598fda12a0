"""Span operations of the annotation session (mixed into AnnotationSession through
SessionForm; undo and redo are ``session_history``'s, the form's ``session_form``).

Each method checks the document may be changed, calls the core operation (spans, forms) and
hands the new record to ``_commit``, which saves it. A refusal raises Refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core import forms, search, span_focus, span_links, spans
from annotator.core.display import quoted
from annotator.core.errors import AnnotatorError
from annotator.core.history import quoted_pair, value_run
from annotator.core.kept_lines_lost import kept_lines_lost
from annotator.core.models import Record, Span
from annotator.core.normalise_relative import relative_date
from annotator.core.scheme import Scheme
from annotator.core.session_history import SessionHistory
from annotator.core.typed_value import set_typed_value
from annotator.core.value_unread import no_value_reason


class Refused(AnnotatorError):
    """An action the session declines; the message says why and what to do instead."""


class SessionEdits(SessionHistory):
    """What the session can do to the open document's record (see AnnotationSession)."""

    scheme: Scheme
    char_mode: bool
    selected: str | None
    _notices: list[str]
    # The document, folded query, start and end of the last match ``find`` returned: the cursor
    # at its end alone cannot tell "enter again" from "just labelled the match at the cursor".
    _found: tuple[str, str, int, int] | None = None
    # Where the cursor last rested with nothing selected, and the span current when a selection
    # began there (``follow``): a selection grown from a span keeps it current.
    _resting: int | None = None
    _grown_from: str | None = None

    def _call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Refused:
            raise
        except KeyError as error:  # str() of a KeyError is its message in quotes
            raise Refused(str(error.args[0]) if error.args else str(error)) from None
        except (AnnotatorError, ValueError, IndexError) as error:
            # Not stripped of quotes: a message may end in a quoted value ("got 'd'").
            raise Refused(str(error)) from None

    # ------------------------------------------------------------------ spans
    @property
    def text(self) -> str:
        return self.document.text

    def span(self, span_id: str | None) -> Span | None:
        return None if span_id is None else self.record.span_by_id(span_id)

    def spans_overlapping(self, span_id: str) -> list[tuple[str, Span]]:
        """The other spans sharing a character with span ``span_id`` and how each lies
        (``spans.overlapping``); none when there is no such span."""
        span = self.record.span_by_id(span_id)
        return [] if span is None else spans.overlapping(self.record, span)

    def select_at(self, offset: int) -> Span | None:
        """Follow the cursor (no selection): see ``follow``."""
        return self.follow(offset, offset, offset)

    def follow(self, start: int, end: int, cursor: int) -> Span | None:
        """Make the span in focus for this selection and cursor the selected one, and return it.

        The rule is ``span_focus.span_in_focus``; the selection counts as it stands and as it snaps
        to words (as a label key would label it), so a drag that takes a space too still
        names the span it covers. A selection that began where the cursor rested (shift+arrows
        or a drag from there) keeps the span current then, while it touches it."""
        selections = [(start, end)]
        if start == end:
            self._resting, self._grown_from = cursor, None
        else:
            snapped = self._call(self.snapped, start, end)
            if snapped is not None:
                selections.append(snapped)
            if self._resting is not None:  # the selection's first step
                anchor = end if cursor == start else start
                self._grown_from = self.selected if anchor == self._resting else None
                self._resting = None
        span = span_focus.span_in_focus(
            self.record, selections, cursor, self.selected, self._grown_from
        )
        self.selected = span.id if span is not None else None
        return span

    def snapped(self, start: int, end: int) -> tuple[int, int] | None:
        """The selection start..end snapped as a label key would label it (character mode or
        whole words)."""
        return spans.snap_selection(self.text, start, end, "char" if self.char_mode else "token")

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

    def span_to_relabel(self, start: int, end: int) -> Span | None:
        """The span a label key relabels with the selection start..end (the readout names it)."""
        start, end = min(start, end), max(start, end)
        snapped = self.snapped(start, end) if start != end else None
        return span_focus.span_to_relabel(self.record, (start, end), snapped, self.selected)

    def label_selection(self, start: int, end: int, label: str) -> Span:
        """Label the selection (snapped unless in character mode), or relabel the span
        ``span_to_relabel`` names."""
        self._writable()
        if self.scheme.label(label) is None:
            raise Refused(f"unknown label {label!r}")
        start, end = min(start, end), max(start, end)
        snapped = self.snapped(start, end)
        if start != end:
            if snapped is None:
                raise Refused("the selection holds no word to label (only spaces or punctuation)")
            same = [s for s in self.record.spans if (s.start, s.end) == snapped]
            if any(s.label == label for s in same):
                # Cut to a line: a span across a long article quoted whole took the screen.
                words = quoted(self.text[snapped[0] : snapped[1]], 40)
                raise Refused(f"{words} is already labelled {label}")
        span = self.span_to_relabel(start, end)
        if span is not None:
            return self._relabel(span, label)
        if snapped is None:  # nothing selected, and no span current
            # What to do instead: a trial's label key, the guidelines open, said only this.
            raise Refused(
                "no span under the cursor: select words first (shift+arrows or a mouse drag)"
            )
        record, span = self._call(
            spans.add_span,
            self.record,
            self.text,
            *snapped,
            label,
            self.scheme,
            doc_date=self.document.meta.get("date"),
            span_id=self._new_span_id(),
        )
        record, counted = self._counted_date(record, span.id)
        self._commit(record)
        self._notices.extend(counted)
        self.selected = span.id
        return self._target(span.id)

    def _relabel(self, span: Span, label: str) -> Span:
        """Relabel ``span`` ``label`` and make it the current span (said like a delete)."""
        self.selected = span.id
        if span.label == label:
            return span
        relabelled = self._call(
            spans.relabel_span,
            self.record,
            span.id,
            label,
            self.scheme,
            self.document.meta.get("date"),
        )
        relabelled, counted = self._counted_date(relabelled, span.id)
        self._notices.append(self._relabelled(span, relabelled, explained=bool(counted)))
        self._notices.extend(counted)
        self._commit_span_change(relabelled, span.id)
        return self._target(span.id)

    def _counted_date(self, record: Record, span_id: str) -> tuple[Record, list[str]]:
        """``record`` with date span ``span_id``, when it has no value and its words count from
        an earlier date ("two days earlier"), given the value counted from the nearest date
        before it (``normalise_relative``), and the notice saying where from; for a count or
        date span left with no value, the notice saying why, when it can (``value_unread``:
        "14 mars" and "trois" got none, unsaid)."""
        span = record.span_by_id(span_id)
        if span is None or span.value is not None:
            return record, []
        doc_date = self.document.meta.get("date")
        if self._is_date(span):
            dated = [other for other in record.spans if self._is_date(other)]
            counted = relative_date(self.text, span.start, span.end, dated, doc_date)
            if counted is not None and counted.value is not None:
                said = [f"{span.id} {quoted(span.text)}: {counted.explanation}; v changes it"]
                value = counted.value
                return self._call(spans.set_span_value, record, span_id, value, self.scheme), said
        why = no_value_reason(self.text, span, record.spans, self.scheme, doc_date)
        if why is None:
            return record, []
        return record, [f"{span.id} {quoted(span.text)}: {why}; v sets it"]

    def _is_date(self, span: Span) -> bool:
        label = self.scheme.label(span.label)
        return label is not None and label.value_type == "date"

    def _relabelled(self, span: Span, changed: Record, explained: bool = False) -> str:
        """What a relabel of ``span`` (giving ``changed``) did, said like a delete: a trial's
        relabel by a label key with no selection went unseen. A label that takes a value
        and got none from the words says how to give it one, unless a notice of its own
        (``explained``: a date counted from an earlier one, or why not) says it already."""
        now = changed.span_by_id(span.id) or span
        said = f"relabelled {span.id} {quoted(span.text)} {span.label} → {now.label}"
        label = self.scheme.label(now.label)
        if not explained and now.value is None and label is not None and label.value_type != "none":
            said += "; no value read from its words: v sets it"
        return said

    def rebound(self, start: int, end: int, span_id: str | None = None) -> Span:
        """Give a span the selection's boundaries (snapped); label and id kept. A span with no
        value gets the one its new words give (``spans.rebound_span``), a date counted from an
        earlier one ("two days later") as when labelled (``_counted_date``, said as then).

        The span is ``span_id``, else the one the selection touches (``rebound_target``)."""
        self._writable()
        if start == end:
            raise Refused("select the new extent first, then press r")
        start, end = min(start, end), max(start, end)
        span = self._target(span_id) if span_id is not None else self.rebound_target(start, end)
        snapped = self.snapped(start, end)
        if snapped is None:
            raise Refused("the selection holds no word (only spaces or punctuation)")
        moved = self._call(
            spans.rebound_span,
            self.record,
            self.text,
            span.id,
            *snapped,
            self.scheme,
            self.document.meta.get("date"),
        )
        # Counted where rebound_span reads the new words, a span with no value: a value it
        # has stays, whether read or typed with v (the session keeps no record of which).
        moved, counted = self._counted_date(moved, span.id)
        told = len(self._notices)
        self._commit_span_change(moved, span.id)
        now = self._target(span.id)
        # Said as its undo says it ("undid: re-bound s6 back to …"), before what followed it
        # (a linked field): a trial's r said nothing.
        was_words, now_words = quoted_pair(span.text, now.text)
        said = f"re-bound {span.id} {span.label} {was_words} → {now_words} ({now.start}–{now.end})"
        self._notices.insert(told, said)
        self._notices.extend(counted)
        self.selected = span.id
        return now

    def rebound_target(self, start: int, end: int) -> Span:
        """The span ``r`` moves to the selection start..end: one the selection overlaps.

        The current span (the panel shows it) when the selection overlaps it, else the one
        ``span_focus.span_to_rebound`` chooses. A span the selection does not touch is never
        moved: a search or a drag elsewhere followed by r would silently carry it off and
        lose its text."""
        touched = [s for s in self.record.spans if s.start < end and start < s.end]
        current = self.span(self.selected)
        if current is not None and current in touched:
            return current
        chosen = span_focus.span_to_rebound(self.record, start, end)
        if chosen is not None:
            return chosen
        if touched:
            names = ", ".join(named(s) for s in touched)
            raise Refused(
                f"r: which span? The selection overlaps {names}; tab until the panel shows "
                "the one to re-bound, select from its start, then press r"
            )
        if current is not None:
            raise Refused(
                f"r would move {named(current)}, but the selection does not touch it: select "
                f"over part of {current.id} (it may grow or shrink), then press r"
            )
        raise Refused("r: the selection touches no span; select over part of the span first")

    def delete(self, span_id: str | None = None) -> Span:
        self._writable()
        span = self._target(span_id)
        return self._delete(span)

    def delete_in(self, start: int, end: int) -> Span:
        """Delete the span ``x`` means with the selection start..end: the selected span when
        there is no selection, else the span the selection (or its snapped words) covers
        exactly, else the only span the selection overlaps (a search for "Pravonian men"
        selects past the span "Pravonian"). Several overlapped: refused, naming them; none
        is deleted, not even the one just labelled."""
        self._writable()
        if start == end:
            return self._delete(self._target(None))
        start, end = min(start, end), max(start, end)
        exact = {(start, end), self.snapped(start, end)}
        touched = [s for s in self.record.spans if s.start < end and start < s.end]
        covered = [s for s in touched if (s.start, s.end) in exact]
        if len(touched) == 1 or covered:
            return self._delete((covered or touched)[0])
        if touched:
            names = ", ".join(named(s) for s in touched)
            raise Refused(
                f"x: the selection overlaps {names}; none deleted: select inside the one span "
                "to delete (or put the cursor on it), then press x"
            )
        raise Refused("x: the selection touches no span; select over part of the span first")

    def _delete(self, span: Span) -> Span:
        linked = [path for path, ids in self.record.links.items() if span.id in ids]
        deleted = self._call(spans.delete_span, self.record, span.id)
        lost = kept_lines_lost(self.record, deleted, self.text, span.id)
        self._commit(deleted)
        self.selected = None
        self._notices.append(f"deleted {span.id} {span.label} {quoted(span.text)}; ctrl+z undoes")
        self._notices.extend([lost] if lost else [])
        if linked:
            # The link goes with the span, the value it gave stays: a trial's count kept 187
            # with nothing said.
            fields = ", ".join(forms.path_words(path) for path in linked)
            self._notices.append(
                f"{span.id} was linked from {fields}: unlinked, the value stays (empty the "
                "field to clear it)"
            )
        return span

    def set_value(self, raw: str, span_id: str | None = None, *, typing: bool = False) -> Span:
        """Set a span's normalised value from what was typed ('' clears it): words of a date
        read as review's ``v`` reads them (``typed_value``), and said as read.

        ``typing``: saved at a pause, the typing going on. As a form field's (``set_field``),
        the saves of one run of typing in the value, up to the save of enter or leaving it,
        are one undo step (``History.apply``)."""
        self._writable()
        span = self._target(span_id)
        doc_date = self.document.meta.get("date")
        changed, said = self._call(
            set_typed_value, self.record, self.text, span.id, raw, self.scheme, doc_date
        )
        self._notices.extend(said)
        self._commit_span_change(changed, span.id, run=value_run(span.id))
        if not typing:
            self._history().end_run()
        return self._target(span.id)

    def _commit_span_change(self, changed: Record, span_id: str, run: str | None = None) -> None:
        """Commit ``changed`` (span ``span_id`` changed) with the form fields linked to that
        span following it (``span_links.follow_span``), in one commit: one ctrl+z undoes the
        span and its fields together. ``run``: as ``_commit``'s."""
        followed, notices = span_links.follow_span(self.record, changed, span_id, self.scheme)
        lost = kept_lines_lost(self.record, followed, self.text, span_id)
        self._commit(followed, run=run)
        self._notices.extend([*notices, lost] if lost else notices)

    def find(self, query: str, offset: int) -> search.Found | None:
        """The match of ``query`` the search goes to from the cursor at ``offset`` (from the start
        of the span at the cursor, when there is one): the first ending at or after it (the one
        the cursor is on counts), or, when the cursor still sits
        at the end of the match this query found last, the next one; wrapping (see
        ``search.find_match``: case, accents, quotes and dashes do not matter), with its place
        among the matches and whether it wrapped (``search.find_counted``)."""
        key = search.fold(query)
        last = self._found
        after = None
        if last is not None and last[:2] == (self.document.id, key) and last[3] == offset:
            after = last[2]
        span = self.span(self.selected)
        if after is None and span is not None and span.start <= offset <= span.end:
            # From the start of the span at the cursor: a trial's /Three, just after labelling
            # "Three Vellmark citizens", went past the "Three" in it to the next one.
            offset = span.start
        found = search.find_counted(self.text, query, offset, after)
        self._found = None if found is None else (self.document.id, key, found.start, found.end)
        return found


def named(span: Span) -> str:
    """``s5 (date 'Sunday')``: a span as messages name it."""
    return f"{span.id} ({span.label} {quoted(span.text)})"
