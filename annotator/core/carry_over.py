"""Carrying a stale record over to the document's new text, span by span, only where sure.

A record is stale when the text it was made for changed (``doc_sha256`` differs): a typo fixed
in the corpus shifts every offset after it. The old text is not kept anywhere. When text was
only added, in one place, it is had back, though: the new text with those characters taken out
again has the record's sha256 (``carry_over_restored`` tries the offsets the spans leave it),
and every span is carried by it exactly (kept before the text added, moved by its length after
it, left out when it lies inside it or the text added may have gone either side of it, or
when its words now run into a word). Else each span is placed anew from what the record
holds: its words (``text``) and its old offsets. A span is carried to a place only when that
place is sure; else it is left out and named, with why. The rule (offsets are code points, end
exclusive; spans on the same offsets move together; ``carry_over_places`` holds its steps):

1. **One edit.** A text changed by one edit (a typo fixed, a line added, a sentence cut) kept
   its offsets before the edit and moved by one shift after it; spans the edit touched lost
   their words. Whatever the rest of the old text was, a span can then be whole at its old
   offsets only when it and every span ending before it stand there (their words are the new
   text's at their offsets), and at a shift only when it and every span starting after it
   stand at that shift. A span with exactly one such place is carried there. A span with
   several (its words recur) is carried at the shift of the spans carried before it when that
   is the only one in order with them and they were kept where they were, or two of them moved
   together (the last span on recurring words, "Kestria" a third time, an edit after every
   span); else it is left out, "its words recur and nothing around it tells which". ("Kestria"
   and the "95" after it moved by 10, a source added before them, the 95 recurring: an edit
   taking Kestria that put both words 225 on, with the 95 whole there, would read alike.)
2. **Several edits.** A span that no one edit leaves whole (its words changed, or the text
   changed in several places and it lies between the first change and the last) is carried
   with a run: spans like it in a row, between the same two spans carried, standing together
   at one shift there and at no other (the spans between two changes moved by the first one
   alone; one span alone, when its words are there once). The longest run goes first; the
   spans around it are looked at again with it carried. Else it is left out ("its words are
   not where the spans around it put it"). Two spans carried one after the other at two
   shifts have a change between them: when one of them (and every span between them) stands
   at the other's shift too, the change may as well lie beyond it, and it is left out. Spans
   carried are never out of order: of two that are, the one at the shift fewer spans moved
   by is left out (both, when as many did), until none are.
3. **A witness.** Words recur, so a span's words standing at a shift prove little alone: a
   sentence rewritten may leave "said" where it was, an edit may take a span's words and leave
   the same words further on. A span is carried only when the span carried next to it (before
   or after, not on the same words) moved by the same shift, no edit between them; the text's
   start is such a witness for a span kept where it was. A span alone between two edits, or
   alone after the last, is left out with where its words stand ("its words stand moved by
   -10, but no span next to it moved so"; when a span next to it stands so too but is left
   out, that is said). A span whose whitespace changed otherwise than
   tidied (two spaces or a line break where one space was) needs a witness on both sides.
   (``carry_over_confirmed``; a fuzz of realistic edits found spans without one to be most of
   those carried onto other words.)
4. **Whole words.** A span whose place would cut a character is left out ('Jose' before a
   combining accent), and one that would cut a word too ('Kestria' of 'Kestria n navy' in
   'Kestrian navy': its words now run into a word, and what it marks changed), unless its
   witness on that side confirms the letters there were there before: a span drawn inside a
   word in character mode ('Kestri' of 'Kestrian') is carried with the span after it.

Words are compared with their whitespace runs treated alike within a paragraph (a tab or a
line break now a space, two spaces now one: the text's whitespace tidied), and a paragraph
break only like a paragraph break, so that no span is carried across a paragraph break an
edit added; a span so carried takes the new text's words, and the record is looked at again
like one with a span moved.

So after one edit, of any size, anywhere, a span is carried only where that edit put its
words (a property test edits texts of recurring words to check it); after several edits,
where the spans around it say (tests/test_carry_over_fuzz.py counts, over articles edited one
to three times, the few spans carried onto other words that no record could tell apart).
Every carried span's words are checked against the new text.

The result (``CarriedOver``) is a new Record for the new text with the same span ids, values,
form, note and flag (the T lines a brat import kept in the note, ``brat_kept``, moved with the
spans moved on the same words, so that a brat export writes back the lines naming them); links
to spans left out are dropped and named (the form keeps their value as if typed). Its status
is ``in_progress`` (the annotator should look again) unless every span kept its offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from annotator.core.carry_over_places import place_all
from annotator.core.carry_over_restored import place_restored
from annotator.core.carry_over_text import Place
from annotator.core.display import STATUS_WORDS, middle_cut, quoted
from annotator.core.errors import AnnotatorError
from annotator.core.formats.brat_kept import with_spans_moved
from annotator.core.forms import path_words
from annotator.core.invisible_said import visible_words
from annotator.core.models import Record, Span, sha256_text
from annotator.core.spans import sort_key


@dataclass(frozen=True)
class Moved:
    """A span found at new offsets, or with its words' whitespace changed: ``span`` as
    carried, and where it was and its words there."""

    span: Span
    old_start: int
    old_end: int
    old_words: str


@dataclass(frozen=True)
class LeftOut:
    """A span not carried: ``span`` as the stale record holds it (old offsets), and why."""

    span: Span
    reason: str


@dataclass(frozen=True)
class DroppedLink:
    """A form field's link to a span left out: the field keeps its value, typed."""

    path: str
    span_id: str


@dataclass(frozen=True)
class CarriedOver:
    """A stale record carried over to a new text, and what became of each span."""

    record: Record
    kept: tuple[Span, ...]  # at their old offsets
    moved: tuple[Moved, ...]
    left_out: tuple[LeftOut, ...]
    dropped_links: tuple[DroppedLink, ...]
    stale_status: str  # the stale record's status (``record`` has the one it becomes)

    @property
    def carried(self) -> int:
        return len(self.kept) + len(self.moved)

    @property
    def unchanged(self) -> bool:
        """Every span kept its offsets (the record keeps its status)."""
        return not self.moved and not self.left_out

    def summary(self, would: bool = False) -> str:
        """One line: ``5 of 7 spans carried (2 moved), 2 left out``; ``would``: ``5 of 7 spans
        would be carried (2 moved), 2 left out``, before it is done."""
        total = self.carried + len(self.left_out)
        verb = "would be carried" if would else "carried"
        moved = f" ({len(self.moved)} moved)" if self.moved else ""
        left = f", {len(self.left_out)} left out" if self.left_out else ""
        return f"{self.carried} of {total} span{'' if total == 1 else 's'} {verb}{moved}{left}"

    def question(self) -> str:
        """What carrying it over would do, asked before it is done: the summary, the spans
        left out by id and words, and the status it would take when that changes (``2 of 3
        spans would be carried (2 moved), 1 left out (s2 'Ukraine'); it becomes in
        progress``)."""
        said = self.summary(would=True)
        if self.left_out:
            named = (f"{out.span.id} {words_as_written(out.span.text)}" for out in self.left_out)
            said += f" ({', '.join(named)})"
        if self.record.status != self.stale_status:
            becomes = STATUS_WORDS.get(self.record.status, self.record.status)
            said += f"; it becomes {becomes}"
        return said

    def lines(self) -> list[str]:
        """The report: the summary, then each span moved or left out, and each link dropped."""
        said = [self.summary()]
        said += [_moved_line(m) for m in self.moved]
        said += [
            f"left out {out.span.id} {out.span.label} {words_as_written(out.span.text)} "
            f"(was at {out.span.start}–{out.span.end}): {out.reason}"
            for out in self.left_out
        ]
        said += [
            f"link dropped: {path_words(link.path)} from {link.span_id} (left out); "
            "its value stays, as typed"
            for link in self.dropped_links
        ]
        return said


def _moved_line(moved: Moved) -> str:
    span = moved.span
    if span.text == moved.old_words:
        return f"moved {span.id} {quoted(span.text)} from {moved.old_start} to {span.start}"
    return (
        f"moved {span.id} {words_as_written(moved.old_words)} from {moved.old_start}–"
        f"{moved.old_end} to {span.start}–{span.end}, as {words_as_written(span.text)} (its "
        "whitespace changed)"
    )


# Whitespace other than a space, named as Python writes it in a string (``\t``).
_ODD_WHITESPACE = re.compile(r"[^\S ]")


def words_as_written(text: str, limit: int = 24) -> str:
    """A span's words quoted with their whitespace as it is: a tab as ``\t``, a line break as
    ``\n``, two spaces as two (``quoted`` makes every run one space, which would hide why a
    span's words are not found). Cut in the middle past ``limit`` characters (``middle_cut``),
    an invisible character shown as its escape (``visible_words``), as ``quoted`` shows it."""
    written = _ODD_WHITESPACE.sub(lambda m: repr(m.group())[1:-1], text)
    return f"'{visible_words(middle_cut(written, limit))}'"


def carry_over(stale: Record, text: str) -> CarriedOver:
    """``stale`` placed on ``text`` by the module's rule (see its docstring)."""
    places = sorted({_place_of(span) for span in stale.spans})
    placed = place_restored(places, text, stale.doc_sha256) or place_all(places, text)
    kept, moved, left_out, carried = [], [], [], []
    moves: list[tuple[Span, Span]] = []  # (as the stale record holds it, as carried)
    for span in stale.spans:
        place = _place_of(span)
        start = placed.starts.get(place)
        if start is None:
            left_out.append(LeftOut(span, placed.reasons[place]))
            continue
        # Its words are the new text's, whose whitespace may differ (carry_over_places).
        end = placed.ends[place]
        new = span.model_copy(update={"start": start, "end": end, "text": text[start:end]})
        carried.append(new)
        if start == span.start and new.text == span.text:
            kept.append(new)
        else:
            moved.append(Moved(new, span.start, span.end, span.text))
            moves.append((span, new))
    gone = {out.span.id for out in left_out}
    links, dropped = _links_without(stale.links, gone)
    status = stale.status if not moved and not left_out else "in_progress"
    fields: dict[str, Any] = dict(stale)
    fields.update(
        doc_sha256=sha256_text(text),
        status=status,
        spans=sorted(carried, key=sort_key),
        links=links,
        # The T lines a brat import kept there follow the spans moved (same change, one undo).
        note=with_spans_moved(stale.note, moves),
    )
    record = type(stale).model_validate(fields)
    _check_words(record, text)
    return CarriedOver(
        record, tuple(kept), tuple(moved), tuple(left_out), dropped, stale_status=stale.status
    )


def _place_of(span: Span) -> Place:
    return Place(span.start, span.end, span.text)


def _links_without(
    links: dict[str, list[str]], gone: set[str]
) -> tuple[dict[str, list[str]], tuple[DroppedLink, ...]]:
    """``links`` without the spans ``gone``, a field left with none losing its entry."""
    kept: dict[str, list[str]] = {}
    dropped: list[DroppedLink] = []
    for path, span_ids in links.items():
        dropped += [DroppedLink(path, span_id) for span_id in span_ids if span_id in gone]
        remaining = [span_id for span_id in span_ids if span_id not in gone]
        if remaining:
            kept[path] = remaining
    return kept, tuple(dropped)


def _check_words(record: Record, text: str) -> None:
    """Every carried span's words are the text's at its offsets (a wrong place is a bug)."""
    for span in record.spans:
        if text[span.start : span.end] != span.text:
            raise AnnotatorError(
                f"{record.doc_id}: carrying {span.id} over put it at {span.start}–{span.end}, "
                f"where the text is {text[span.start : span.end]!r}, not {span.text!r}"
            )
