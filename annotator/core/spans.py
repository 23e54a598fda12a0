"""Span operations the annotation screen calls: snapping a selection, adding, changing, deleting.

Every operation takes a record and returns a new one (records are frozen); the record passes
its validators again, so a broken record can never come out. A refused operation raises
AnnotatorError with one line a person can act on, and changes nothing. Spans are kept sorted by
``(start, end, label, id)``. Operations that take the document text check that it is the text the
record was made for (``doc_sha256``), so a stale record is never extended blindly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Literal

from annotator.core.errors import AnnotatorError
from annotator.core.models import Record, Span, sha256_text
from annotator.core.normalise import (
    parse_count,
    parse_date,
    typed_span_value,
)
from annotator.core.scheme import Label, Scheme
from annotator.core.span_brackets import markup_pairs_left_out, with_whole_brackets
from annotator.core.span_tags import tags_at_edges_left_out
from annotator.core.tokens import (
    Token,
    character_around,
    chunk_end,
    chunk_start,
    is_possessive,
    iter_tokens,
)
from annotator.core.value_range import in_range_or_none, label_value_problem, within_range

SnapMode = Literal["token", "char"]

# Punctuation that carries meaning at the edge of a span ("50%", "#FreeThem", "AT&T") is kept.
_KEPT_PUNCTUATION = frozenset("%‰‱#@&§")
_SPAN_NUMBER = re.compile(r"s(\d+)")


def is_edge_punctuation(token_text: str) -> bool:
    """Whether a token is only punctuation (quotes, commas, brackets, dashes) or invisible."""
    seen = False
    for char in token_text:
        category = unicodedata.category(char)
        if category[0] == "M":
            continue
        if category == "Cf" or (category[0] == "P" and char not in _KEPT_PUNCTUATION):
            seen = True
            continue
        return False
    return seen


def is_left_out_at_edge(token_text: str) -> bool:
    """Whether token snapping drops a token at a span's edge: punctuation, or a possessive
    ``’s`` / ``'s``, which a name does not take (the worked example's actor in "Ukraine’s
    Coordination Headquarters" leaves "Ukraine’s" out; a trial's span came out "Vellmark’s" and
    took 28 keys to make "Vellmark"). Inside a span it stays: ``Vellmark’s deputy minister``."""
    return is_edge_punctuation(token_text) or is_possessive(token_text)


def snap_selection(
    text: str, start: int, end: int, mode: SnapMode = "token"
) -> tuple[int, int] | None:
    """The span a raw selection stands for, or None when it holds nothing to label.

    ``token`` mode widens each end to whole tokens (an end inside a token takes all of it), then
    drops punctuation-only tokens and possessives at both edges (``is_left_out_at_edge``):
    ``“Mark Kaliush,”`` gives ``Mark Kaliush``, ``Vellmark’s`` gives ``Vellmark``; a bracket
    pair cut in half there goes whole when it is markup (``[bold red]303[/]`` gives ``303``),
    else comes back whole (``(Kestria) said``): ``span_brackets``; an HTML tag at an edge is
    left out (``in Oru</b>`` gives ``in Oru``): ``span_tags``.
    ``char`` mode keeps the characters, without the whitespace around them, and never cuts a
    character in two: an end inside ``é`` written with a combining accent, or inside an emoji
    sequence (modifiers, joiners, a flag), moves to the edge of the whole character (the
    tokenizer's, ``tokens.character_around``, as the arrows count them). ``start`` may be
    greater than ``end``. Only the stretch around each end is tokenized, so this is cheap in a
    long text.
    """
    _check_offset(text, start, "start")
    _check_offset(text, end, "end")
    low, high = min(start, end), max(start, end)
    if mode == "char":
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        if low == high:
            return None
        # Characters as the tokenizer, the arrows and the validator count them
        # (``tokens.character_around``): a flag's two halves, an emoji's tags and the pictograph
        # after a joiner stay together too. Whitespace is never part of one.
        around = character_around(text, low)
        low = low if around is None else around[0]
        around = character_around(text, high)
        high = high if around is None else around[1]
        return low, high
    if mode != "token":
        raise AnnotatorError(f"unknown selection mode {mode!r} (token or char)")
    if low == high:
        return None
    first = _first_content_token(text, low, high)
    if first is None:
        return None
    last = _last_content_token(text, low, high)
    assert last is not None  # the first content token is a candidate
    start, end = markup_pairs_left_out(text, first.start, last.end)
    if (start, end) != (first.start, last.end):
        # What is left begins and ends with a word (a letter or digit touched the bracket).
        first = _first_content_token(text, start, end) or first
        last = _last_content_token(text, start, end) or last
    snapped = with_whole_brackets(text, low, high, first.start, last.end)
    untagged = tags_at_edges_left_out(text, *snapped)
    if untagged == snapped:
        return snapped
    # A tag left out at an edge: what it leaves is snapped again (punctuation beside it goes).
    return snap_selection(text, *untagged) if untagged[0] < untagged[1] else None


def _first_content_token(text: str, low: int, high: int) -> Token | None:
    for token in iter_tokens(text, chunk_start(text, low)):
        if token.start >= high:
            return None
        if token.end > low and not is_left_out_at_edge(token.text):
            return token
    return None


def _last_content_token(text: str, low: int, high: int) -> Token | None:
    """Scan whitespace-free stretches backwards from ``high``; each is tokenized on its own."""
    stretch_end = high
    while stretch_end > low:
        while stretch_end > low and text[stretch_end - 1].isspace():
            stretch_end -= 1
        if stretch_end <= low:
            break
        stretch_start = chunk_start(text, stretch_end - 1)
        stop = chunk_end(text, stretch_end - 1)
        tokens = list(iter_tokens(text, stretch_start, stop))
        for token in reversed(tokens):
            if token.start < high and token.end > low and not is_left_out_at_edge(token.text):
                return token
        stretch_end = stretch_start
    return None


def _check_offset(text: str, offset: Any, name: str) -> None:
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise AnnotatorError(f"{name} must be an integer offset, got {offset!r}")
    if not 0 <= offset <= len(text):
        raise AnnotatorError(f"{name} {offset} is outside the text (0..{len(text)})")


def _check_bounds(text: str, start: Any, end: Any) -> None:
    _check_offset(text, start, "start")
    _check_offset(text, end, "end")
    if end <= start:
        raise AnnotatorError(f"a span needs end > start, got {start}..{end}")


def _check_text(record: Record, text: str) -> None:
    if sha256_text(text) != record.doc_sha256:
        raise AnnotatorError(
            f"{record.doc_id}: the text is not the one this record was made for "
            "(doc_sha256 differs); the record is stale"
        )


def _label(scheme: Scheme, name: str) -> Label:
    label = scheme.label(name)
    if label is None:
        known = ", ".join(label.name for label in scheme.labels)
        raise AnnotatorError(f"unknown label {name!r} (the scheme has {known})")
    return label


def _span(record: Record, span_id: str) -> Span:
    span = record.span_by_id(span_id)
    if span is None:
        raise AnnotatorError(f"{record.doc_id}: no span {span_id!r}")
    return span


def sort_key(span: Span) -> tuple[int, int, str, str]:
    return span.start, span.end, span.label, span.id


def _with_spans(record: Record, spans: Iterable[Span], **changes: Any) -> Record:
    """A new record of the same kind with ``spans`` (sorted) and ``changes``, validated."""
    fields = dict(record)
    fields.update(changes, spans=sorted(spans, key=sort_key))
    return type(record).model_validate(fields)


def _refuse_duplicate(record: Record, start: int, end: int, label: str, span_id: str) -> None:
    for other in record.spans:
        if other.id != span_id and (other.start, other.end, other.label) == (start, end, label):
            raise AnnotatorError(
                f"{other.text!r} at {start}..{end} is already labelled {label} ({other.id})"
            )


def span_number(span_id: str) -> int:
    """N of a span id ``sN`` (0 for any other id: kept as imported, never made)."""
    found = _SPAN_NUMBER.fullmatch(span_id)
    return int(found.group(1)) if found else 0


def highest_span_number(span_ids: Iterable[str]) -> int:
    """The highest N of the ids ``sN`` among ``span_ids`` (0: none)."""
    return max(map(span_number, span_ids), default=0)


def next_span_id(record: Record) -> str:
    """``sN`` with N one more than the largest ``sN`` in the record (gaps are not refilled)."""
    return f"s{highest_span_number(span.id for span in record.spans) + 1}"


def add_span(
    record: Record,
    text: str,
    start: int,
    end: int,
    label: str,
    scheme: Scheme,
    *,
    doc_date: str | None = None,
    span_id: str | None = None,
) -> tuple[Record, Span]:
    """Add a span labelled ``label`` over ``text[start:end]``; its value is ``suggest_value``.

    ``doc_date`` (the article's ``meta.date``) lets relative dates ("on Sunday") get a value.
    ``span_id``: its id (the annotation session's, which never gives one again); by default
    ``next_span_id``.
    """
    _check_bounds(text, start, end)
    label_def = _label(scheme, label)
    _check_text(record, text)
    span_id = span_id if span_id is not None else next_span_id(record)
    _refuse_duplicate(record, start, end, label, span_id)
    span_text = text[start:end]
    span = Span(
        id=span_id,
        start=start,
        end=end,
        label=label,
        text=span_text,
        value=in_range_or_none(label_def, suggest_value(span_text, label_def.value_type, doc_date)),
    )
    return _with_spans(record, [*record.spans, span]), span


def relabel_span(
    record: Record, span_id: str, label: str, scheme: Scheme, doc_date: str | None = None
) -> Record:
    """Give a span another label. A value the new label cannot hold (nor has in its range) is
    cleared; a span left
    without a value gets the one its words give the new label (``suggest_value``), as a span
    labelled so from the start would: "two journalists" relabelled a count is 2."""
    span = _span(record, span_id)
    label_def = _label(scheme, label)
    if span.label == label:
        return record
    _refuse_duplicate(record, span.start, span.end, label, span.id)
    value = span.value if label_value_problem(label_def, span.value) is None else None
    if value is None:
        value = in_range_or_none(
            label_def, suggest_value(span.text, label_def.value_type, doc_date)
        )
    changed = span.model_copy(update={"label": label, "value": value})
    return _replace(record, changed)


def rebound_span(
    record: Record,
    text: str,
    span_id: str,
    start: int,
    end: int,
    scheme: Scheme,
    doc_date: str | None = None,
) -> Record:
    """Move a span's boundaries; id, label and value stay, its text follows the new bounds. A
    span without a value whose label takes one gets the value its new words give: a count
    over "bold red]303" moved onto "303" is 303, as it would be new."""
    span = _span(record, span_id)
    _check_bounds(text, start, end)
    _check_text(record, text)
    _refuse_duplicate(record, start, end, span.label, span.id)
    value = span.value
    label = scheme.label(span.label)
    if value is None and label is not None:
        value = in_range_or_none(label, suggest_value(text[start:end], label.value_type, doc_date))
    changed = Span(
        id=span.id, start=start, end=end, label=span.label, text=text[start:end], value=value
    )
    return _replace(record, changed)


def delete_span(record: Record, span_id: str) -> Record:
    """Remove a span and every link to it (a link left empty goes too); form values stay."""
    _span(record, span_id)
    links = {
        path: kept
        for path, ids in record.links.items()
        if (kept := [linked for linked in ids if linked != span_id])
    }
    remaining = [span for span in record.spans if span.id != span_id]
    return _with_spans(record, remaining, links=links)


def set_span_value(record: Record, span_id: str, value: Any, scheme: Scheme) -> Record:
    """Set a span's normalised value: an int or date string, or text a person typed.

    Typed text: "146" or "1,200" for an integer label, ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` for a
    date label; "" (or None) clears the value.
    """
    span = _span(record, span_id)
    label_def = scheme.label(span.label)
    if label_def is None:
        raise AnnotatorError(f"{span_id}: label {span.label!r} is not in the scheme")
    try:
        value = within_range(label_def, typed_span_value(label_def.value_type, value))
    except AnnotatorError as error:
        raise AnnotatorError(f"{span_id} ({span.label}): {error}") from None
    if value == span.value and type(value) is type(span.value):
        return record
    return _replace(record, span.model_copy(update={"value": value}))


def _replace(record: Record, changed: Span) -> Record:
    spans = [changed if span.id == changed.id else span for span in record.spans]
    return _with_spans(record, spans)


def overlapping(record: Record, span: Span) -> list[tuple[str, Span]]:
    """The other spans sharing a character with ``span``, in document order, each with how it
    lies: ``inside`` it, ``around`` it (or at the very same place), or ``overlapping``."""
    out: list[tuple[str, Span]] = []
    for other in sorted(record.spans, key=sort_key):
        if other.id == span.id or not (other.start < span.end and other.end > span.start):
            continue
        if (
            span.start <= other.start
            and other.end <= span.end
            and other.end - other.start < (span.end - span.start)
        ):
            out.append(("inside", other))
        elif other.start <= span.start and span.end <= other.end:
            out.append(("around", other))
        else:
            out.append(("overlapping", other))
    return out


# How many lines the spans sharing characters with a span take at most where it is shown (the
# annotation screen's span panel): a span over a paragraph holding 22 spans listed each on a
# line, its box ran off the screen's foot, the event form gone.
OVERLAPPING_LINES = 4

# The spans named first when not all are: those around and across the span say where it lies.
_NAMED_FIRST = {"around": 0, "overlapping": 1, "inside": 2}


def overlapping_named(
    others: list[tuple[str, Span]], lines: int = OVERLAPPING_LINES
) -> tuple[list[tuple[str, Span]], str]:
    """Which of ``others`` (``overlapping``'s) to name in at most ``lines`` lines, in document
    order, and the line saying the rest (empty when every one is named): with more than
    ``lines``, ``lines - 1`` of them, those around and across the span before those inside
    it, and "… and 19 more inside" ("… and 19 more: 18 inside, 1 overlapping")."""
    if len(others) <= lines:
        return others, ""
    ranked = sorted(range(len(others)), key=lambda index: _NAMED_FIRST[others[index][0]])
    kept = sorted(ranked[: max(lines - 1, 0)])
    named = [others[index] for index in kept]
    left: dict[str, int] = {}
    for index in ranked[len(kept) :]:
        where = others[index][0]
        left[where] = left.get(where, 0) + 1
    count = sum(left.values())
    if len(left) == 1:
        return named, f"… and {count} more {next(iter(left))}"
    kinds = sorted(left, key=_NAMED_FIRST.__getitem__)
    return named, f"… and {count} more: " + ", ".join(f"{left[kind]} {kind}" for kind in kinds)


def suggest_value(span_text: str, label_value_type: str, doc_date: str | None) -> int | str | None:
    """The value a new span gets by default (None when its words say no exact value).

    Integer labels read digits and number words ("146", "1,200", "two dozen"); vague amounts
    ("hundreds", "more than 100") give None. Date labels read ISO and written dates, and
    weekdays, "today" and "yesterday" against ``doc_date``. The rules are in
    ``annotator.core.normalise``.
    """
    if label_value_type == "integer":
        return parse_count(span_text)
    if label_value_type == "date":
        return parse_date(span_text, doc_date)
    return None
