"""Carrying a stale record over after random edits: every span carried is exactly where the
edit put its words, or left out (annotator.core.carry_over). Texts of a few recurring words
(the old property tests' unique markers never made a word recur: a review's fuzz found 131 of
9037 spans carried to the wrong place)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.carry_over import CarriedOver, carry_over
from annotator.core.models import Record, Span, sha256_text

VOCABULARY = ["Kestria", "95", "of", "the", "men", "Norvania", "freed", "12", "s"]


def record(text: str, spans: list[Span]) -> Record:
    return Record(
        schema_version=1,
        doc_id="a",
        doc_sha256=sha256_text(text),
        annotator="alice",
        status="done",
        spans=spans,
    )


def words_and_spans(words: list[str], marked: list[int]) -> tuple[str, list[Span]]:
    """``words`` joined by spaces, with a full stop; a span on each word of ``marked``."""
    text = " ".join(words) + "."
    starts = [sum(len(word) + 1 for word in words[:index]) for index in range(len(words))]
    spans = [
        Span(
            id=f"s{n}", start=starts[k], end=starts[k] + len(words[k]), label="actor", text=words[k]
        )
        for n, k in enumerate(sorted(marked), start=1)
    ]
    return text, spans


def where_the_edit_put(
    spans: list[Span], text: str, at: int, removed: int, inserted: str
) -> dict[str, int | None]:
    """Each span's start after ``text[at:at + removed]`` is replaced by ``inserted``: kept
    before the edit, moved after it, None where the edit touched it. The edit is first made as
    small as it is (characters it put back where they were are not part of it), so that no span
    it left whole counts as touched."""
    old = text[at : at + removed]
    head = 0
    while head < min(len(old), len(inserted)) and old[head] == inserted[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(inserted)) - head and old[-1 - tail] == inserted[-1 - tail]:
        tail += 1
    start, end = at + head, at + removed - tail
    shift = (len(inserted) - head - tail) - (end - start)
    truth: dict[str, int | None] = {}
    for span in spans:
        if span.end <= start:
            truth[span.id] = span.start
        elif span.start >= end:
            truth[span.id] = span.start + shift
        else:
            truth[span.id] = None
    return truth


def misplaced_by_every_edit(
    result: CarriedOver, spans: list[Span], text: str, new: str
) -> list[tuple[str, int, Any]]:
    """The spans carried elsewhere than every edit turning ``text`` into ``new`` would put
    them ([] when one edit puts them all where they were carried). Carry over sees the two
    texts only, so an edit of recurring words has several readings: "95 95 95." made "95
    95." by taking the first "95 " or the last " 95" alike, and a span on the second "95"
    is rightly at 3 by the second reading. The readings: every way of keeping a common head
    and a common tail, the rest being what was replaced."""
    head = 0
    while head < min(len(text), len(new)) and text[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(text), len(new)) and text[-1 - tail] == new[-1 - tail]:
        tail += 1
    smallest: list[tuple[str, int, Any]] | None = None
    for at in range(head + 1):
        for kept in range(min(tail, min(len(text), len(new)) - at) + 1):
            inserted = new[at : len(new) - kept]
            truth = where_the_edit_put(spans, text, at, len(text) - kept - at, inserted)
            wrong = misplaced(result, truth)
            if not wrong:
                return []
            if smallest is None or len(wrong) < len(smallest):
                smallest = wrong
    assert smallest is not None
    return smallest


def misplaced(result: CarriedOver, truth: dict[str, int | None]) -> list[tuple[str, int, Any]]:
    """The spans carried elsewhere than where the edit put them: (id, carried to, put at)."""
    return [
        (span.id, span.start, truth[span.id])
        for span in result.record.spans
        if truth[span.id] is not None and span.start != truth[span.id]
    ]


INSERTED = st.one_of(
    st.lists(st.sampled_from(VOCABULARY), max_size=3)
    .map(" ".join)
    .flatmap(lambda words: st.sampled_from([words, words + " ", " " + words])),
    st.text(alphabet="sn .a", max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=16), st.data())
def test_one_edit_of_a_text_of_recurring_words_carries_spans_only_where_it_put_them(
    words: list[str], data: st.DataObject
) -> None:
    marked = data.draw(
        st.lists(st.integers(0, len(words) - 1), min_size=1, max_size=6, unique=True)
    )
    text, spans = words_and_spans(words, marked)
    if data.draw(st.booleans()):  # a second span on the first one's words moves with it
        spans.append(spans[0].model_copy(update={"id": "t", "label": "releasee"}))
    at = data.draw(st.integers(0, len(text)))
    removed = data.draw(st.integers(0, len(text) - at))
    inserted = data.draw(INSERTED)
    new = text[:at] + inserted + text[at + removed :]
    result = carry_over(record(text, spans), new)
    assert misplaced_by_every_edit(result, spans, text, new) == []
    assert {s.id for s in result.record.spans} | {o.span.id for o in result.left_out} == {
        s.id for s in spans
    }
    assert all(out.reason for out in result.left_out)


def carried_to(spans: list[Span], new: str, *starts: int) -> CarriedOver:
    """``spans`` carried to ``new`` at ``starts``, as a carry over might have put them."""
    placed = [
        span.model_copy(update={"start": at, "end": at + span.end - span.start})
        for span, at in zip(spans, starts, strict=True)
    ]
    return CarriedOver(
        record=record(new, placed),
        kept=(),
        moved=(),
        left_out=(),
        dropped_links=(),
        stale_status="done",
    )


def test_an_edit_of_recurring_words_is_judged_by_every_reading_of_it() -> None:
    """ "95 95 95." made "95 95.": a span on the second "95" is rightly at 3 by one reading
    (the last " 95" taken), though the first reading (the first "95 " taken) puts it at 0."""
    text, spans = words_and_spans(["95", "95", "95"], [0, 1])
    new = "95 95."
    assert misplaced(carried_to(spans, new, 0, 3), where_the_edit_put(spans, text, 0, 3, "")) != []
    assert misplaced_by_every_edit(carried_to(spans, new, 0, 3), spans, text, new) == []


def test_an_edit_with_one_reading_is_judged_by_it() -> None:
    """ "95 Kestria Norvania." made "Kestria Norvania.": every reading puts Norvania at 8."""
    text, spans = words_and_spans(["95", "Kestria", "Norvania"], [2])
    new = "Kestria Norvania."
    assert misplaced_by_every_edit(carried_to(spans, new, 8), spans, text, new) == []
    assert misplaced_by_every_edit(carried_to(spans, new, 11), spans, text, new) == [("s1", 11, 8)]


def test_the_review_s_random_edits_place_no_span_wrongly_and_carry_most() -> None:
    """The review's fuzz (the first 1000 of its 3000 edits): one edit each, up to 12
    characters taken and three words put, anywhere. Over the 3000, before the rework: 9037 of
    10487 spans carried, 131 of them wrongly; after it, 6980 carried, none wrongly, the rest
    left out and named (here 2349 of 3520). A span alone at its shift is now left out unless
    a span next to it moved with it (``carry_over_confirmed``): here 2252 of 3520 (these
    texts of nine words make such spans common)."""
    rng = random.Random(7)
    carried = left_out = 0
    wrong: list[tuple[str, str, list[tuple[str, int, Any]]]] = []
    for _ in range(1000):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(6, 25))]
        marked = rng.sample(range(len(words)), k=min(len(words), rng.randint(1, 6)))
        text, spans = words_and_spans(words, marked)
        at = rng.randint(0, len(text))
        removed = min(len(text), at + rng.randint(0, 12)) - at
        inserted = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(0, 3)))
        if rng.random() < 0.5:
            inserted += " "
        new = text[:at] + inserted + text[at + removed :]
        result = carry_over(record(text, spans), new)
        carried += result.carried
        left_out += len(result.left_out)
        if misplaced_by_every_edit(result, spans, text, new):
            wrong.append((text, new, misplaced_by_every_edit(result, spans, text, new)))
    assert wrong == []
    assert carried >= 0.62 * (carried + left_out)


# ------------------------------------------------- several edits away from spans, unique words
FILLER = st.text(alphabet="ab .,\n“”’é\u0301🕊\ufe0f👩🏽\u200d⚕", max_size=12)


@st.composite
def marked_texts(draw: st.DrawFn) -> tuple[str, list[Span]]:
    """A text of filler and markers ⟨0⟩, ⟨1⟩…, each marker's words unique in it; spans on
    markers (some on two markers and the filler between)."""
    count = draw(st.integers(min_value=1, max_value=6))
    pieces = [draw(FILLER)]
    starts = []
    for index in range(count):
        starts.append(sum(len(piece) for piece in pieces))
        pieces += [f"⟨{index}⟩", draw(FILLER)]
    text = "".join(pieces)
    ends = [start + len(f"⟨{index}⟩") for index, start in enumerate(starts)]
    spans = []
    for index in range(count):
        last = draw(st.sampled_from([index, min(index + 1, count - 1)]))
        start, end = starts[index], ends[last]
        spans.append(
            Span(id=f"s{index}", start=start, end=end, label="actor", text=text[start:end])
        )
    return text, spans


@settings(max_examples=300, deadline=None)
@given(marked_texts(), st.data())
def test_edits_away_from_spans_carry_every_span_to_its_place(
    marked: tuple[str, list[Span]], data: st.DataObject
) -> None:
    """Up to four edits, none inside a span: each span is carried where they put it, unless
    the filler now runs into it (an accent or a joiner after its last character) or no span
    next to it moved with it (an edit on each side of it, or only before it)."""
    text, spans = marked
    new, where = text, {s.id: s.start for s in spans}
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        gaps = [i for i in range(len(new) + 1) if _free(where, spans, i)]
        at = data.draw(st.sampled_from(gaps))
        longest = 0
        while at + longest < len(new) and _free(where, spans, at + longest + 1):
            longest += 1
        removed = data.draw(st.integers(min_value=0, max_value=longest))
        inserted = data.draw(FILLER)
        new = new[:at] + inserted + new[at + removed :]
        where = {
            i: (s + len(inserted) - removed if s >= at + removed else s) for i, s in where.items()
        }
    result = carry_over(record(text, spans), new)
    assert {s.id: s.start for s in result.record.spans} == {
        s.id: where[s.id] for s in spans if s.id not in {o.span.id for o in result.left_out}
    }
    assert all(
        o.reason.startswith(("its words now run into a word", "its words stand "))
        for o in result.left_out
    )


def _free(where: dict[str, int], spans: list[Span], index: int) -> bool:
    """Whether an edit may start at (or take the character before) ``index``: not inside a
    span (its edges are free)."""
    return all(not (where[s.id] < index < where[s.id] + len(s.text)) for s in spans)
