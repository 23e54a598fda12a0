"""Undo and redo over one record: a bounded list of the record's earlier and later states.

Records are frozen, so the history keeps whole records rather than inverse operations: undoing
gives back exactly the earlier record object. The screen keeps one history per document.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from annotator.core.display import quoted
from annotator.core.forms import path_words, typed_text
from annotator.core.invisible_said import visible_words
from annotator.core.models import Record, Span

DEFAULT_LIMIT = 500
# The run of typing in the note (``History.apply``): no field's path, which is a name.
NOTE_RUN = "(note)"


def value_run(span_id: str) -> str:
    """The run of typing in span ``span_id``'s value (``History.apply``), typed with v: no
    field's path either."""
    return f"(value of {span_id})"


class History:
    """The current record plus up to ``limit`` states to undo to and the states to redo."""

    def __init__(self, initial: Record, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"history limit must be at least 1, got {limit}")
        self._current = initial
        # A full deque forgets the oldest state; the current one is held apart and never lost.
        self._undo: deque[Record] = deque(maxlen=limit)
        self._redo: list[Record] = []
        # The open run of typing (a field's path): its saves at pauses are one undo step.
        self._run: str | None = None

    @property
    def run(self) -> str | None:
        """The run of typing ``apply`` is joining states of, if one is open."""
        return self._run

    def end_run(self) -> None:
        """The typing of the open run has ended (enter, leaving the field): the next state is
        a step of its own."""
        self._run = None

    @property
    def record(self) -> Record:
        """The current state."""
        return self._current

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def apply(self, new_record: Record, run: str | None = None) -> Record:
        """Make ``new_record`` current; the old one can be undone to, and redo is forgotten.

        A record equal to the current one changes nothing (no empty undo step). With ``run``
        (a field's path, or ``NOTE_RUN``), states of one run of typing there, saved at each
        pause, are one step, as in editors: the run's first state adds it, the others replace
        the current state, until ``end_run`` or a state of another run, or none. (A trial's
        "3", a pause, "0" over a linked 31 took two ctrl+z to give back 31 and its link.)
        """
        if new_record == self._current:
            return self._current
        if run is None or run != self._run:
            self._undo.append(self._current)
        elif self._undo and new_record == self._undo[-1]:
            # Typed back to what was there before the run: no step left to undo.
            self._current, self._run = self._undo.pop(), None
            self._redo.clear()
            return self._current
        self._redo.clear()
        self._current = new_record
        self._run = run
        return new_record

    def forget_redo(self) -> None:
        """Drop the states to redo (the current one and the undo steps stay): a change made
        outside the history, such as finishing the document, leaves nothing to redo after it."""
        self._redo.clear()
        self._run = None

    def undo(self) -> Record | None:
        """Step back; the now current record, or None when there is nothing to undo."""
        self._run = None
        if not self._undo:
            return None
        self._redo.append(self._current)
        self._current = self._undo.pop()
        return self._current

    def redo(self) -> Record | None:
        """Step forward again; the now current record, or None when there is nothing to redo."""
        self._run = None
        if not self._redo:
            return None
        self._undo.append(self._current)
        self._current = self._redo.pop()
        return self._current


@dataclass(frozen=True)
class Step:
    """What one step from ``before`` to ``after`` changed, as undo and redo name it
    (``label s5 count 'two journalists'``), and where: the span or form path to bring into
    view (None when the step changed no span, or no field)."""

    text: str
    span_id: str | None = None
    path: str | None = None
    offset: int | None = None  # where the span changed begins (in either record)
    doc_id: str | None = None  # the document whose d or s was undone (session.undo_finish)


def describe_step(before: Record, after: Record, undone: bool = False) -> Step:
    """The change from ``before`` to ``after``: redo reports it as "redid: …", and undo, with
    ``undone`` (the record is ``before`` again), as "undid: …". An undo that changed a field
    off-screen, or a span far down the article, went unseen in a trial; this names it and
    says where it is.

    Undone, each part says where the undo went, not where the change had gone: a trial read
    "undid: value of s6 2024-03-17 → 2024-03-16" as the value now being 2024-03-16. So a
    value reads ``value of s6 back to 2024-03-17 (was 2024-03-16)``, and a span or item
    added or removed says what became of it (``delete s2 count '64' (s2 is back)``)."""
    parts: list[str] = []
    span_id: str | None = None
    offset: int | None = None
    old = {span.id: span for span in before.spans}
    new = {span.id: span for span in after.spans}
    for sid in sorted(new.keys() - old.keys(), key=_id_order):
        parts.append(f"label {_named(new[sid])}" + (f" ({sid} is gone)" if undone else ""))
        span_id, offset = (sid, new[sid].start) if span_id is None else (span_id, offset)
    for sid in sorted(old.keys() - new.keys(), key=_id_order):
        parts.append(f"delete {_named(old[sid])}" + (f" ({sid} is back)" if undone else ""))
        span_id, offset = (sid, old[sid].start) if span_id is None else (span_id, offset)
    for sid in sorted(old.keys() & new.keys(), key=_id_order):
        was, now = old[sid], new[sid]
        if was.label != now.label:
            parts.append(_change(f"relabel {sid}", was.label, now.label, undone))
        if (was.start, was.end) != (now.start, now.end):
            parts.append(_change(f"re-bound {sid}", *quoted_pair(was.text, now.text), undone))
        elif was.value != now.value and was.label == now.label:
            parts.append(_change(f"value of {sid}", _shown(was.value), _shown(now.value), undone))
        if was != now and span_id is None:
            span_id, offset = sid, now.start
    fields = _changed_fields(before, after, undone)
    if before.note != after.note:
        # Named with its words, and brought into view as a field is (a trial read "undid:
        # note" with the note out of sight).
        said = _change("note", *_value_texts(before.note, after.note), undone)
        fields.append((said, "note"))
    parts.extend(text for text, _path in fields)
    if before.flagged != after.flagged:
        parts.append(_flag_change(after.flagged, undone))
    if not parts:
        return Step("no change")
    shown = parts[:3] + ([f"and {len(parts) - 3} more"] if len(parts) > 3 else [])
    return Step("; ".join(shown), span_id, fields[0][1] if fields else None, offset)


def _changed_fields(before: Record, after: Record, undone: bool) -> list[tuple[str, str]]:
    """``(what, path)`` for each form field whose value or links differ (``releases[9].
    releasees``, twice); a group item added or removed as ``remove releases #3`` (undone,
    ``remove releases #3 (it is back)``), its path that of the item (``releases[2]``)."""
    changed: list[tuple[str, str]] = []
    for name in sorted(before.form.keys() | after.form.keys()):
        was, now = before.form.get(name), after.form.get(name)
        if (was is None and isinstance(now, list)) or (now is None and isinstance(was, list)):
            was, now = was or [], now or []  # a group not in the form yet has no items
        if isinstance(was, list) and isinstance(now, list) and _is_group(was + now):
            if len(was) != len(now):
                verb = "add" if len(now) > len(was) else "remove"
                index = _first_difference(was, now)
                fate = "gone" if verb == "add" else "back"
                said = f"{verb} {name} #{index + 1}" + (f" (it is {fate})" if undone else "")
                changed.append((said, f"{name}[{index}]"))
                continue
            for index, (item, other) in enumerate(zip(was, now, strict=True)):
                for key in sorted(item.keys() | other.keys()):
                    path = f"{name}[{index}].{key}"
                    was_there, now_there = item.get(key), other.get(key)
                    said = _field_change(before, after, path, was_there, now_there, undone)
                    if said:
                        changed.append((said, path))
        else:
            said = _field_change(before, after, name, was, now, undone)
            if said:
                changed.append((said, name))
    return changed


def _field_change(
    before: Record, after: Record, path: str, was: object, now: object, undone: bool
) -> str:
    """``releases #2 count 165 → 142`` (or ``… links s7 → s7 s9``); "" when nothing changed.
    A trial read five undos all saying "releases[0].releasees", none saying what changed."""
    name = path_words(path)
    if was != now:
        return _change(name, *_value_texts(was, now), undone)
    old, new = _links(before, path), _links(after, path)
    if old != new:
        old_ids, new_ids = " ".join(old) or "(none)", " ".join(new) or "(none)"
        return _change(f"{name} links", old_ids, new_ids, undone)
    return ""


def _change(name: str, was: str, now: str, undone: bool) -> str:
    """``value of s6 2024-03-17 → 2024-03-16``, or undone ``value of s6 back to 2024-03-17
    (was 2024-03-16)``: what it is now first, and no arrow to be read the wrong way."""
    if not undone:
        return f"{name} {was} → {now}"
    # Bare "empty" and "none": "(was (none))" nests brackets, and a field's value is quoted
    # (a span's a number or date), so neither word can be taken for a value.
    return f"{name} back to {_bare(was)} (was {_bare(now)})"


def _bare(shown: str) -> str:
    return shown[1:-1] if shown in ("(empty)", "(none)") else shown


def _flag_change(flagged: bool, undone: bool) -> str:
    if not undone:
        return "flag" if flagged else "remove the flag"
    return "flag (unflagged again)" if flagged else "remove the flag (flagged again)"


def _value_texts(was: object, now: object) -> tuple[str, str]:
    """Two values as a step names them, quoted (``quoted_pair``), or ``(empty)``."""
    if was in (None, [], "") or now in (None, [], ""):
        return _value_text(was), _value_text(now)
    return quoted_pair(typed_text(was), typed_text(now), 40)


def _value_text(value: object) -> str:
    if value in (None, [], ""):
        return "(empty)"
    shown = typed_text(value)
    return quoted(shown, 40)


def quoted_pair(was: str, now: str, limit: int = 24) -> tuple[str, str]:
    """``was`` and ``now`` quoted as ``quoted`` does, each at most ``limit`` characters, so
    that they read differently when they differ: two long values cut in the middle alike read
    the same (a trial's "releasees back to 'eight foreign hostages, … Maël Brossard' (was
    'eight foreign hostages, … Maël Brossard')" after a "d" typed at the end). Then each is
    shown around where they differ, ``…`` where it is cut (``'…Maël Brossard'``, ``'…Maël
    Brossardd'``), from the same character on in both."""
    plain = quoted(was, limit), quoted(now, limit)
    first, second = " ".join(was.split()), " ".join(now.split())
    if plain[0] != plain[1] or first == second:
        return plain
    same_start = _common_start(first, second)
    # The ends they share, not reaching into the start they share.
    most = min(len(first), len(second)) - same_start
    same_end = min(_common_start(first[::-1], second[::-1]), most)
    differing = max(len(first), len(second)) - same_start - same_end
    # Before the difference, as much as leaves room for it and what follows it (its end
    # then shows, and the words it belongs to), but at least a third of the room.
    room = limit - 2  # an ellipsis at either side
    after = differing + same_end
    before = min(same_start, max(room - after, room // 3))
    begin = same_start - before
    if 0 < begin < same_start:
        # Start at a word where that loses little of the room.
        space = first.find(" ", begin, same_start)
        if space != -1 and space - begin <= _WORD_SLACK:
            begin = space + 1
    return _window(first, begin, limit), _window(second, begin, limit)


def _window(text: str, begin: int, limit: int) -> str:
    """``text`` from ``begin`` on, quoted, at most ``limit`` characters with the ``…`` that
    say it was cut at its start or its end."""
    head = "…" if begin > 0 else ""
    piece = text[begin:]
    room = limit - len(head)
    if len(piece) > room:
        piece = piece[: max(room - 1, 1)] + "…"
    return "'" + head + visible_words(piece) + "'"


def _common_start(first: str, second: str) -> int:
    """How many characters ``first`` and ``second`` begin with alike."""
    count = 0
    for one, other in zip(first, second, strict=False):
        if one != other:
            break
        count += 1
    return count


# A window starts at a word when that leaves out at most this many characters (a word cut
# at its start, "…luding two", reads worse than a few characters fewer).
_WORD_SLACK = 8


def _is_group(items: list[object]) -> bool:
    return bool(items) and all(isinstance(item, dict) for item in items)


def _first_difference(was: list[object], now: list[object]) -> int:
    for index, (item, other) in enumerate(zip(was, now, strict=False)):
        if item != other:
            return index
    return min(len(was), len(now))


def _links(record: Record, path: str) -> list[str]:
    return record.links.get(path, [])


def _id_order(span_id: str) -> tuple[int, str]:
    digits = span_id.lstrip("s")
    return (int(digits), span_id) if digits.isdigit() else (0, span_id)


def _named(span: Span) -> str:
    return f"{span.id} {span.label} {quoted(span.text)}"


def _shown(value: object) -> str:
    return "(none)" if value is None else str(value)
