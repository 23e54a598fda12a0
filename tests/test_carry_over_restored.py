"""Carrying over by the old text had back (annotator.core.carry_over_restored): text added in
one place is taken out again at each offset it may be at, and one whose sha256 is the record's
``doc_sha256`` gives every span's place exactly. Else the rules decide, and no span is carried
where the edit did not put it."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.carry_over import CarriedOver, carry_over
from annotator.core.carry_over_restored import added_at
from annotator.core.carry_over_text import Place
from annotator.core.formats.import_offsets import edge_cut
from annotator.core.models import Span
from tests.test_carry_over_edits import misplaced_by_every_edit, record

ARBELA = Path(__file__).parent.parent / "sample_docs" / "01-arbela-pow-swap.txt"
ARTICLE = ARBELA.read_text(encoding="utf-8")
WORD = re.compile(r"\w+")


def span(span_id: str, text: str, words: str, label: str = "actor", nth: int = 0) -> Span:
    """A span on the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(id=span_id, start=start, end=start + len(words), label=label, text=words)


def places(result: CarriedOver) -> dict[str, tuple[int, int]]:
    return {s.id: (s.start, s.end) for s in result.record.spans}


def test_a_source_added_before_spans_on_recurring_words_moves_them_all_exactly() -> None:
    """A trial's article: ' (Reuters)' added after 'ARBELA, Norvania'. The 95 recurs (76,
    291, 458), and without the old text an edit taking Kestria that put both 225 on would read
    alike: both were left out, Kestria said to have no span next to it moved so. The article
    with 10 characters taken out at 32 has the record's sha256: it is the old text."""
    new = ARTICLE.replace("ARBELA, Norvania — ", "ARBELA, Norvania (Reuters) — ", 1)
    spans = [
        span("s1", ARTICLE, "Norvania"),
        span("s2", ARTICLE, "Kestria"),
        span("s3", ARTICLE, "95", "count"),
    ]
    assert [s.start for s in spans] == [24, 48, 66]
    result = carry_over(record(ARTICLE, spans), new)
    assert places(result) == {"s1": (24, 32), "s2": (58, 65), "s3": (76, 78)}
    assert result.question() == "3 of 3 spans would be carried (2 moved); it becomes in progress"
    assert result.lines()[1:] == ["moved s2 'Kestria' from 48 to 58", "moved s3 '95' from 66 to 76"]


def test_without_the_old_text_had_back_the_same_spans_are_left_out_saying_why() -> None:
    """The same spans, the record's sha256 another text's (the old one was not this article
    with text added): the rules leave Kestria and 95 out, and Kestria's reason says that the
    95 stands moved so too but is left out, not that no span next to it moved so."""
    new = ARTICLE.replace("ARBELA, Norvania — ", "ARBELA, Norvania (Reuters) — ", 1)
    spans = [
        span("s1", ARTICLE, "Norvania"),
        span("s2", ARTICLE, "Kestria"),
        span("s3", ARTICLE, "95"),
    ]
    stale = record(ARTICLE, spans).model_copy(update={"doc_sha256": "0" * 64})
    result = carry_over(stale, new)
    assert places(result) == {"s1": (24, 32)}
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        (
            "s2",
            "its words stand moved by 10, and so do those of a span next to it, but that span "
            "is left out (see why), so nothing confirms it: an edit there may have taken them",
        ),
        ("s3", "its words recur and nothing around it tells which: 76, 291, 458 fit"),
    ]


def test_text_cut_before_spans_on_words_found_once_moves_them_together() -> None:
    """Text cut cannot be had back; two spans on words found once moved together by -5."""
    spans = [span("s1", ARTICLE, "exchanged"), span("s2", ARTICLE, "Dolen")]
    result = carry_over(record(ARTICLE, spans), ARTICLE.replace("date ", "", 1))
    assert places(result) == {"s1": (51, 60), "s2": (504, 509)}
    assert result.lines()[1:] == [
        "moved s1 'exchanged' from 56 to 51",
        "moved s2 'Dolen' from 509 to 504",
    ]


def test_a_span_whose_neighbour_moved_with_it_on_words_put_there_is_not_carried() -> None:
    """'95 o' replaced by 'Kestria of 95 ': the last 95 moved by 10, and the text put holds
    'of 95' 5 on. Nothing but the text had back could tell that reading from 'of' and 95
    moved by 5 together, and a replacement cannot be had back: the 95 is not carried to 11."""
    old = "95 of 95."
    spans = [span("s1", old, "95"), span("s2", old, "of"), span("s3", old, "95", nth=1)]
    result = carry_over(record(old, spans), "Kestria of 95 f 95.")
    assert "s3" not in places(result)
    assert [out.reason for out in result.left_out if out.span.id == "s3"] == [
        "its words recur and nothing around it tells which: 11, 16 fit"
    ]


def test_text_added_next_to_alike_text_leaves_out_the_spans_it_may_have_gone_either_side_of() -> (
    None
):
    """'95 ' added to '95 95 Kestria.': taken out at any offset from 0 to 6 it gives the old
    text back alike ('5 9' at 1 too), so each 95 may have moved by 3, or not, or had text put
    inside it; Kestria moved by 3 by every reading."""
    old = "95 95 Kestria."
    spans = [span("s1", old, "95"), span("s2", old, "95", nth=1), span("s3", old, "Kestria")]
    result = carry_over(record(old, spans), "95 95 95 Kestria.")
    assert places(result) == {"s3": (9, 16)}
    why = "the text added (3 characters) may have gone before or after it, or inside it, the "
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        ("s1", why + "text there being alike: 0, 3 fit"),
        ("s2", why + "text there being alike: 3, 6 fit"),
    ]


def test_text_added_inside_a_span_leaves_it_out_and_the_others_carried() -> None:
    old = "Norvania and Kestria exchanged 95 prisoners."
    spans = [
        span("s1", old, "Norvania"),
        span("s2", old, "Kestria exchanged"),
        span("s3", old, "95"),
    ]
    new = old.replace("Kestria exchanged", "Kestria also exchanged")
    assert (
        added_at([Place(s.start, s.end, s.text) for s in spans], new, record(old, spans).doc_sha256)
        is None
    )
    result = carry_over(record(old, spans), new)
    assert "s2" not in places(result)


# ------------------------------------------------- one edit away from spans on words found once
FILLER = st.text(alphabet="ab .,\n“”’🕊", max_size=12)


@st.composite
def marked_text(draw: st.DrawFn) -> tuple[str, list[Span], int, int, str]:
    """A text of filler and markers ⟨0⟩, ⟨1⟩… (each once), a span on each, and one edit away
    from them: where it starts, how much it takes and what it puts (an insertion, a deletion
    or a replacement, of filler)."""
    count = draw(st.integers(min_value=1, max_value=6))
    pieces = [draw(FILLER)]
    spans = []
    for index in range(count):
        start = sum(len(piece) for piece in pieces)
        marker = f"⟨{index}⟩"
        spans.append(
            Span(id=f"s{index}", start=start, end=start + len(marker), label="actor", text=marker)
        )
        pieces += [marker, draw(FILLER)]
    text = "".join(pieces)
    # Between two spans (or a span and an end of the text): both its edges free.
    gaps = [(0, spans[0].start)]
    gaps += [(a.end, b.start) for a, b in pairwise(spans)]
    gaps += [(spans[-1].end, len(text))]
    low, high = draw(st.sampled_from(gaps))
    at = draw(st.integers(min_value=low, max_value=high))
    removed = draw(st.integers(min_value=0, max_value=high - at))
    inserted = draw(FILLER)
    return text, spans, at, removed, inserted


def only_added(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with text added in one place (its head and tail kept)."""
    if len(new) <= len(old):
        return False
    head = next((k for k, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    tail = 0
    while tail < len(old) and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head + tail >= len(old)


@settings(max_examples=300, deadline=None)
@given(marked_text())
def test_one_edit_away_from_spans_carries_each_to_where_it_put_its_words(
    marked: tuple[str, list[Span], int, int, str],
) -> None:
    """Every span kept before the edit and moved by its shift after it, exactly. Text added
    is taken out again (the old text had back): every span is carried. Else only a span alone
    after the edit is left out (nothing but its words says it moved so), saying so."""
    text, spans, at, removed, inserted = marked
    new = text[:at] + inserted + text[at + removed :]
    shift = len(inserted) - removed
    where = {s.id: s.start + (shift if s.start >= at + removed else 0) for s in spans}
    after = [s for s in spans if s.start >= at + removed]
    alone = set()
    if len(after) == 1 and shift != 0 and not only_added(text, new):
        alone = {after[0].id}
    result = carry_over(record(text, spans), new)
    assert {s.id: s.start for s in result.record.spans} == {
        i: start for i, start in where.items() if i not in alone
    }
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        (
            i,
            f"its words stand moved by {shift}, but no span next to it moved so: an edit "
            "there may have taken them",
        )
        for i in sorted(alone)
    ]


# -------------------------------------------------- one edit anywhere in an article, its words
WORDS = [match.start() for match in WORD.finditer(ARTICLE)]


def article_spans(starts: list[int]) -> list[Span]:
    spans = []
    for n, start in enumerate(sorted(starts)):
        match = WORD.match(ARTICLE, start)
        assert match is not None
        spans.append(
            Span(id=f"s{n}", start=start, end=match.end(), label="actor", text=match.group())
        )
    return spans


SPAN_STARTS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6, unique=True)
# What an edit puts: a source, or a stretch of the article's own words (so they recur).
PUT = st.one_of(
    st.just(" (Reuters)"),
    st.tuples(st.sampled_from(WORDS), st.integers(min_value=1, max_value=80)).map(
        lambda word: ARTICLE[word[0] : word[0] + word[1]]
    ),
)


@settings(max_examples=300, deadline=None)
@given(SPAN_STARTS, st.integers(min_value=0, max_value=len(ARTICLE)), PUT)
def test_text_added_anywhere_in_an_article_carries_each_span_where_all_its_readings_agree(
    starts: list[int], at: int, put: str
) -> None:
    """Text added at any offset (inside spans too). Every offset it may be taken out at to
    give the article back is a reading; a span is carried only where every reading puts it,
    and, the old text had back, wherever they all put it unless its edge now cuts a word."""
    spans = article_spans(starts)
    new = ARTICLE[:at] + put + ARTICLE[at:]
    length = len(put)
    readings = [x for x in range(len(ARTICLE) + 1) if new[:x] + new[x + length :] == ARTICLE]
    agreed: dict[str, int] = {}
    for s in spans:
        put_at = {
            s.start if s.end <= x else s.start + length if s.start >= x else None for x in readings
        }
        if len(put_at) == 1 and None not in put_at:
            at_new = put_at.pop()
            edges = ((s.start, at_new), (s.end, at_new + len(s.text)))
            # One whose edge now cuts a word is left out (the word it marks changed).
            if not any(edge_cut(new, n) and not edge_cut(ARTICLE, o) for o, n in edges):
                agreed[s.id] = at_new
    result = carry_over(record(ARTICLE, spans), new)
    carried = {s.id: s.start for s in result.record.spans}
    assert all(agreed.get(i) == start for i, start in carried.items())
    restored = added_at(
        [Place(s.start, s.end, s.text) for s in spans], new, record(ARTICLE, spans).doc_sha256
    )
    if restored is not None:
        assert restored == (readings, length)
        assert carried == agreed


@settings(max_examples=300, deadline=None)
@given(
    SPAN_STARTS,
    st.integers(min_value=0, max_value=len(ARTICLE)),
    st.integers(min_value=0, max_value=60),
    st.one_of(st.just(""), PUT),
)
def test_one_edit_of_an_article_carries_no_span_where_it_did_not_put_it(
    starts: list[int], at: int, removed: int, put: str
) -> None:
    """A source added, words cut, or words replaced by others of the article, anywhere:
    judged by every reading of the edit (a span inside it is carried nowhere it put it)."""
    spans = article_spans(starts)
    new = ARTICLE[:at] + put + ARTICLE[at + removed :]
    result = carry_over(record(ARTICLE, spans), new)
    assert misplaced_by_every_edit(result, spans, ARTICLE, new) == []
    assert all(out.reason for out in result.left_out)
