"""Span operations: snapping selections, adding/changing/deleting spans."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.core import spans as spans_module
from annotator.core.errors import AnnotatorError
from annotator.core.models import Record, Span, sha256_text
from annotator.core.scheme import load_default_scheme
from annotator.core.span_focus import spans_at
from annotator.core.spans import (
    add_span,
    delete_span,
    is_edge_punctuation,
    is_left_out_at_edge,
    next_span_id,
    rebound_span,
    relabel_span,
    set_span_value,
    snap_selection,
)
from annotator.core.tokens import Token, character_around, tokenize

SCHEME = load_default_scheme()
TEXT = "“Mark Kaliush,” said Ukraine’s ombudsman: 146 prisoners came home on Sunday 🕊️."


def blank(text: str) -> Record:
    return Record(
        schema_version=1,
        doc_id="d1",
        doc_sha256=sha256_text(text),
        annotator="alice",
        status="in_progress",
        spans=[],
    )


def where(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


# ------------------------------------------------------------------ snapping


def test_snap_drops_quotes_and_comma_at_the_edges() -> None:
    assert snap_selection(TEXT, 0, 15) == (1, 13)
    assert TEXT[1:13] == "Mark Kaliush"


def test_snap_extends_a_boundary_inside_a_token_and_accepts_any_order() -> None:
    # "rk Kal" lies inside "Mark Kaliush"
    assert snap_selection(TEXT, 9, 3) == (1, 13)
    assert snap_selection(TEXT, 3, 4) == (1, 5)
    start, end = where(TEXT, "46 prison")
    assert snap_selection(TEXT, start, end) == where(TEXT, "146 prisoners")


def test_snap_keeps_emoji_drops_the_full_stop_and_a_possessive_at_an_edge() -> None:
    start, _ = where(TEXT, "Sunday")
    assert snap_selection(TEXT, start, len(TEXT)) == where(TEXT, "Sunday 🕊️")
    start, end = where(TEXT, " Ukraine’s ")
    assert snap_selection(TEXT, start, end) == where(TEXT, "Ukraine")  # test_possessive_words
    assert snap_selection(TEXT, *where(TEXT, "said Ukraine’s ombudsman")) == where(
        TEXT, "said Ukraine’s ombudsman"
    )


def test_snap_returns_none_when_only_spaces_or_punctuation_are_selected() -> None:
    assert snap_selection(TEXT, 13, 16) is None  # ',” '
    assert snap_selection(TEXT, 5, 5) is None
    assert snap_selection("  \n ", 0, 4) is None
    assert snap_selection("a — b", 1, 4) is None


def test_snap_char_mode_only_trims_whitespace() -> None:
    assert snap_selection(TEXT, 0, 16, mode="char") == (0, 15)
    assert snap_selection(" x\u2028", 3, 0, mode="char") == (1, 2)
    assert snap_selection(" \t", 0, 2, mode="char") is None
    assert snap_selection(TEXT, 3, 4, mode="char") == (3, 4)


def test_snap_keeps_meaningful_punctuation() -> None:
    assert snap_selection("freed 50% of them", 6, 9) == (6, 9)
    assert snap_selection("(#FreeThem)", 0, 11) == (1, 10)
    assert is_edge_punctuation("“") and is_edge_punctuation("\u200b")
    assert not is_edge_punctuation("%") and not is_edge_punctuation("'s")


def test_snap_leaves_out_half_a_bracketed_tag() -> None:
    """A search for ``[bold red]303[/]`` (markup copied into an article) snapped to
    ``bold red]303``: the edge bracket was trimmed, its other half inside stayed. A bracket
    trimmed at an edge comes back when the selection holds its other half, unless the pair is
    markup (a square or curly bracket against the word beside it): then it goes whole, and the
    count is "303" as the guidelines' example 11 says."""
    text = (
        "walk out: [bold red]303[/] of them, said (Kestria) the poet Ilse [Ringo] [b]FREE[/b]. "
        "{n}41 more; (re)election of prisoner(s); [i][b]Oru; Maro’s[x] [b][i]Tavi[/i][/b]. "
        '"[T]hey were freed," said the envoy of the prisoner[s] held, [a]nd more.'
    )
    for selected, snapped in [
        ("[bold red]303[/]", "303"),  # markup: the tag and the one after it go
        ("[bold red]303", "303"),
        ("bold red]303", "303"),
        ("[b]FREE[/b]", "FREE"),
        ("[b]FREE[/b].", "FREE"),
        ("{n}41", "41"),
        ("[i][b]Oru", "Oru"),  # tags one after another go together
        ("Maro’s[x]", "Maro"),  # the possessive left at the edge goes too
        ("[b][i]Tavi[/i][/b]", "Tavi"),
        ("(Kestria) the", "(Kestria) the"),  # not "Kestria) the"
        ("said (Kestria)", "said (Kestria)"),
        ("the poet Ilse [Ringo]", "the poet Ilse [Ringo]"),  # a space: not markup
        ("[Ringo]", "Ringo"),  # a pair trimmed whole still goes
        ("[bold red]303[/] of them,", "303[/] of them"),  # markup inside a span stays
        ("(re)election", "(re)election"),  # parentheses are prose, never markup
        ("prisoner(s)", "prisoner(s)"),
        # One letter in brackets that goes with its word is an editor's change in a quote.
        ("[T]hey were freed", "[T]hey were freed"),
        ("[T]hey", "[T]hey"),
        ("[a]nd", "[a]nd"),
        ("prisoner[s] held", "prisoner[s] held"),
    ]:
        assert snap_selection(text, *where(text, selected)) == where(text, snapped), selected


def test_snap_leaves_out_html_tags_and_closing_tags_after_punctuation() -> None:
    """A trial's span of sample 08 kept ``.[/i]`` ("cells.[/i]") and another ended in half an
    HTML tag (``Oru</b``): the guidelines' spans hold no markup. A tag at an edge goes, whole or
    cut; a tag inside a span, and prose's ``<``, stay."""
    text = (
        "“[i]Not one more night in the cells.[/i]” and “<b>Next: the 41 still in Oru</b> [/] "
        "#FreeThemAll”; <i><b>Tavi</b></i> said 3 < 4 and <br/>Kestria <a href='x'>freed</a>."
    )
    for selected, snapped in [
        ("[i]Not one more night in the cells.[/i]", "Not one more night in the cells"),
        ("cells.[/i]", "cells"),
        ("in Oru</b>", "in Oru"),
        ("in Oru</b", "in Oru"),  # a tag cut by the selection goes too
        ("<b>Next", "Next"),
        ("“<b>Next: the 41 still in Oru</b> [/]", "Next: the 41 still in Oru"),
        ("<i><b>Tavi</b></i>", "Tavi"),  # tags one after another
        ("Oru</b> [/] #FreeThemAll", "Oru</b> [/] #FreeThemAll"),  # inside a span: kept
        ("3 < 4", "3 < 4"),  # prose's <, no tag
        ("<br/>Kestria", "Kestria"),
        ("<a href='x'>freed</a>.", "freed"),
    ]:
        assert snap_selection(text, *where(text, selected)) == where(text, snapped), selected
    assert snap_selection(text, *where(text, "</b></i>")) is None  # nothing but tags


def test_snap_in_text_converted_from_crlf() -> None:
    crlf = "date 2025-08-24 MARO\r\nFishermen freed.\r\n“Eight came home.”\r\n"
    text = crlf.replace("\r\n", "\n")
    start = text.index("freed")
    assert snap_selection(text, start, text.index("Eight") + 2) == (start, start + 13)
    assert text[start : start + 13] == "freed.\n“Eight"
    assert snap_selection(text, start + 5, start + 8) is None  # ".\n“"


def test_snap_checks_offsets() -> None:
    with pytest.raises(AnnotatorError, match="outside the text"):
        snap_selection("abc", 0, 4)
    with pytest.raises(AnnotatorError, match="integer offset"):
        snap_selection("abc", 0, True)


def test_snap_tokenizes_only_around_the_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Free the prisoners now. " * 45_000  # about 1 MB
    middle = len(text) // 2
    start = text.index("prisoners", middle)
    produced: list[Token] = []
    real = spans_module.iter_tokens

    def counting(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
        for token in real(text, start, end):
            produced.append(token)
            yield token

    monkeypatch.setattr(spans_module, "iter_tokens", counting)
    assert snap_selection(text, start + 2, start + 13) == (start, start + 13)
    assert text[start : start + 13] == "prisoners now"
    assert len(produced) < 10


text_strategy = st.text(
    alphabet=st.sampled_from(
        [*"abs Z9.,'’-“”()[]{}\n\t%", "\u0301", "🕊", "\ufe0f", "\u200d", "👩", "🇺", "🇦", "\u2028"]
    ),
    max_size=40,
)


@given(text_strategy, st.integers(0, 40), st.integers(0, 40))
@example("“Mark Kaliush,”", 0, 15)
@example("Zs’s a", 0, 3)  # "Zs’" snapped to "Zs’s"
@example("[b]FREE[/b]", 0, 11)
@settings(max_examples=400)
def test_snapped_bounds_sit_on_token_edges(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(b, len(text))
    tokens = tokenize(text)
    starts = {token.start for token in tokens}
    ends = {token.end for token in tokens}
    snapped = snap_selection(text, a, b)
    if a == b:
        assert snapped is None  # an empty selection is not a selection
        return
    touched = [t for t in tokens if t.end > min(a, b) and t.start < max(a, b)]
    content = [t for t in touched if not is_left_out_at_edge(t.text)]
    if not content:
        assert snapped is None
        return
    assert snapped is not None
    start, end = snapped
    # The words at both edges, with a bracket trimmed there taken back when its other half is
    # inside ("(Kestria) said"): nothing but punctuation is added, within the selection (a
    # possessive "’s" never: it is left out at an edge, and a bracket is not one). A markup
    # pair cut in half goes whole ("[b]FREE[/b]" gives "FREE"): words before a "]" or "}"
    # touching the span's first word, or after a "[" or "{" touching its last, are left out.
    assert touched[0].start <= start and end <= touched[-1].end
    if start > content[0].start:
        assert text[start - 1] in "]}" and text[start].isalnum()
    if end < content[-1].end:
        assert text[end] in "[{" and text[end - 1].isalnum()
    added = [
        t
        for t in touched
        if (start <= t.start and t.end <= content[0].start) or content[-1].end <= t.start < end
    ]
    assert all(is_edge_punctuation(t.text) for t in added)
    assert 0 <= start < end <= len(text)
    assert start in starts and end in ends
    assert not text[start].isspace() and not text[end - 1].isspace()


@given(text_strategy, st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=200)
def test_char_snapping_never_keeps_edge_whitespace(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(b, len(text))
    snapped = snap_selection(text, a, b, mode="char")
    if snapped is None:
        assert text[min(a, b) : max(a, b)].strip() == ""
        return
    start, end = snapped
    low, high = min(a, b), max(a, b)
    kept = text[low:high]
    first = low + len(kept) - len(kept.lstrip())
    last = high - (len(kept) - len(kept.rstrip()))
    # The trimmed selection, widened only by pieces of the characters at its ends.
    assert start <= first and last <= end
    assert not text[start].isspace() and not text[end - 1].isspace()
    # Widened only to the whole characters at its ends (the tokenizer's: character_around).
    assert character_around(text, start) is None and character_around(text, end) is None
    assert start == first or (character_around(text, first) or (-1, -1))[0] == start
    assert end == last or (character_around(text, last) or (-1, -1))[1] == end


@pytest.mark.parametrize(
    ("start", "end"),
    [(12, 15), (15, 16), (11, 14), (16, 17)],  # ends inside "Rene\u0301e", or on its accent
)
def test_token_snapping_keeps_a_letter_with_its_accent(start: int, end: int) -> None:
    text = "Ambassador Rene\u0301e Castellan-Moor"
    assert snap_selection(text, start, end) == (11, 17)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Rene\u0301e", 0, 4, (0, 5)),  # an end between e and its accent takes the accent
        ("Rene\u0301e", 4, 6, (3, 6)),  # a start on the accent takes its base letter
        ("a 🕊\ufe0f b", 2, 3, (2, 4)),  # dove without its variation selector
        ("x 👩\u200d👩\u200d👧 y", 2, 4, (2, 7)),  # one person of a family sequence
        ("x 👍🏽 y", 2, 3, (2, 4)),  # thumb without its skin tone
        ("  ab  ", 0, 6, (2, 4)),
        (" \ufe0f", 0, 2, (1, 2)),  # a selector after a space does not pull the space in
        ("a\u200d b", 0, 1, (0, 2)),  # nor does a joiner before one
        ("x 🇺🇦 y", 2, 3, (2, 4)),  # half a flag (the arrows, the tokenizer: one character)
        ("x 🇺🇦 y", 3, 4, (2, 4)),
    ],
)
def test_char_mode_never_cuts_a_character(
    text: str, start: int, end: int, expected: tuple[int, int]
) -> None:
    assert snap_selection(text, start, end, mode="char") == expected


# ------------------------------------------------------------------ span operations


def test_add_span_builds_sorted_spans_with_fresh_ids() -> None:
    record = blank(TEXT)
    record, count = add_span(record, TEXT, *where(TEXT, "146"), "count", SCHEME)
    record, actor = add_span(record, TEXT, *where(TEXT, "Mark Kaliush"), "actor", SCHEME)
    record, day = add_span(
        record, TEXT, *where(TEXT, "on Sunday"), "date", SCHEME, doc_date="2025-08-26"
    )
    assert count == Span(id="s1", start=42, end=45, label="count", text="146", value=146)
    assert actor == Span(id="s2", start=1, end=13, label="actor", text="Mark Kaliush")
    assert day.value == "2025-08-24"
    assert [span.id for span in record.spans] == ["s2", "s1", "s3"]
    assert record.span_by_id("s1") == count


def test_ids_are_never_refilled_but_follow_the_largest() -> None:
    record = blank(TEXT)
    for part in ("Mark", "Kaliush", "Ukraine"):
        record, _ = add_span(record, TEXT, *where(TEXT, part), "actor", SCHEME)
    record = delete_span(record, "s1")
    assert next_span_id(record) == "s4"
    record = delete_span(record, "s3")
    assert next_span_id(record) == "s3"  # no span or link refers to the deleted s3 any more


def test_add_span_refusals() -> None:
    record, _ = add_span(blank(TEXT), TEXT, 1, 5, "actor", SCHEME)
    with pytest.raises(AnnotatorError, match="already labelled actor"):
        add_span(record, TEXT, 1, 5, "actor", SCHEME)
    with pytest.raises(AnnotatorError, match="unknown label 'person'"):
        add_span(record, TEXT, 1, 5, "person", SCHEME)
    with pytest.raises(AnnotatorError, match="outside the text"):
        add_span(record, TEXT, 1, len(TEXT) + 1, "actor", SCHEME)
    with pytest.raises(AnnotatorError, match="end > start"):
        add_span(record, TEXT, 5, 5, "actor", SCHEME)
    with pytest.raises(AnnotatorError, match="stale"):
        add_span(record, TEXT + " ", 1, 5, "actor", SCHEME)
    same_place, span = add_span(record, TEXT, 1, 5, "releasee", SCHEME)
    assert span.id == "s2" and len(same_place.spans) == 2


@given(st.text(min_size=1, max_size=30), st.data())
@settings(max_examples=200)
def test_added_span_text_is_the_text_between_its_offsets(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    label = data.draw(st.sampled_from(["actor", "count", "date", "releasee"]))
    record, span = add_span(blank(text), text, start, end, label, SCHEME)
    assert span.text == text[start:end]
    assert record.spans == [span]
    assert set_span_value(record, span.id, None, SCHEME).spans[0].value is None


def test_relabel_clears_a_value_the_new_label_cannot_hold() -> None:
    record, span = add_span(blank(TEXT), TEXT, *where(TEXT, "146"), "count", SCHEME)
    as_date = relabel_span(record, span.id, "date", SCHEME)
    assert as_date.spans == [span.model_copy(update={"label": "date", "value": None})]
    # Back to a count, it has no value: it gets the one its words give, as a new count would.
    back = relabel_span(as_date, span.id, "count", SCHEME)
    assert back.spans[0].value == 146
    assert relabel_span(record, span.id, "count", SCHEME) is record
    record, _ = add_span(record, TEXT, *where(TEXT, "146"), "actor", SCHEME)
    with pytest.raises(AnnotatorError, match="already labelled actor"):
        relabel_span(record, "s1", "actor", SCHEME)
    with pytest.raises(AnnotatorError, match="no span 's9'"):
        relabel_span(record, "s9", "actor", SCHEME)


def test_relabel_to_a_label_with_values_reads_the_value_from_the_words() -> None:
    text = "Two journalists were freed on Sunday."
    record, freed = add_span(blank(text), text, *where(text, "Two journalists"), "releasee", SCHEME)
    assert freed.value is None
    as_count = relabel_span(record, freed.id, "count", SCHEME)
    assert as_count.spans[0].value == 2
    record, sunday = add_span(as_count, text, *where(text, "Sunday"), "actor", SCHEME)
    as_date = relabel_span(record, sunday.id, "date", SCHEME, doc_date="2024-03-19")
    assert as_date.span_by_id(sunday.id).value == "2024-03-17"  # the Sunday before the dateline


def test_rebound_keeps_id_label_and_value() -> None:
    record, span = add_span(blank(TEXT), TEXT, *where(TEXT, "146"), "count", SCHEME)
    moved = rebound_span(record, TEXT, span.id, *where(TEXT, "146 prisoners"), SCHEME)
    assert moved.spans == [
        Span(id="s1", start=42, end=55, label="count", text="146 prisoners", value=146)
    ]
    with pytest.raises(AnnotatorError, match="end > start"):
        rebound_span(record, TEXT, span.id, 50, 42, SCHEME)


def test_rebound_gives_a_span_without_value_the_one_its_new_words_give() -> None:
    text = "[bold red]303[/] were freed; 303 in all."
    record, span = add_span(blank(text), text, 1, 13, "count", SCHEME)  # drawn by hand
    assert (span.text, span.value) == ("bold red]303", None)
    moved = rebound_span(record, text, span.id, 10, 13, SCHEME)
    assert (moved.spans[0].text, moved.spans[0].value) == ("303", 303)
    # A value it has stays (it may have been typed): moved back, it is still 303.
    back = rebound_span(moved, text, span.id, 1, 13, SCHEME)
    assert back.spans[0].value == 303


def test_delete_removes_links_and_empty_link_entries() -> None:
    record = blank(TEXT)
    record, _ = add_span(record, TEXT, *where(TEXT, "Mark Kaliush"), "releasee", SCHEME)
    record, _ = add_span(record, TEXT, *where(TEXT, "Ukraine"), "releasee", SCHEME)
    record = record.model_copy(
        update={"links": {"releases[0].releasees": ["s1", "s2"], "releases[0].count": ["s1"]}}
    )
    after = delete_span(record, "s1")
    assert [span.id for span in after.spans] == ["s2"]
    assert after.links == {"releases[0].releasees": ["s2"]}
    with pytest.raises(AnnotatorError, match="no span 's1'"):
        delete_span(after, "s1")


def test_set_span_value_reads_typed_text() -> None:
    record = blank(TEXT)
    record, count = add_span(record, TEXT, *where(TEXT, "prisoners"), "count", SCHEME)
    record, day = add_span(record, TEXT, *where(TEXT, "Sunday"), "date", SCHEME)
    record, actor = add_span(record, TEXT, *where(TEXT, "Ukraine"), "actor", SCHEME)
    assert count.value is None and day.value is None
    assert set_span_value(record, "s1", " 146 ", SCHEME).spans[1].value == 146
    assert set_span_value(record, "s1", "1,200", SCHEME).spans[1].value == 1200
    assert set_span_value(record, "s1", 7, SCHEME).spans[1].value == 7
    dated = set_span_value(record, "s2", "2025-08-24", SCHEME)
    assert dated.span_by_id("s2") == day.model_copy(update={"value": "2025-08-24"})
    assert set_span_value(dated, "s2", "", SCHEME).span_by_id("s2") == day
    with pytest.raises(AnnotatorError, match=r"s1 \(count\): expected a whole number"):
        set_span_value(record, "s1", "many", SCHEME)
    with pytest.raises(AnnotatorError, match="expected an integer"):
        set_span_value(record, "s1", True, SCHEME)
    with pytest.raises(AnnotatorError, match="not a calendar date"):
        set_span_value(record, "s2", "2025-02-30", SCHEME)
    with pytest.raises(AnnotatorError, match="expected a date string"):
        set_span_value(record, "s2", 2025, SCHEME)
    with pytest.raises(AnnotatorError, match="label takes no value"):
        set_span_value(record, actor.id, "Kyiv", SCHEME)
    assert set_span_value(record, actor.id, "  ", SCHEME) is record


def test_spans_at_lists_innermost_first_for_nested_and_crossing_spans() -> None:
    text = "Ukraine freed 146 prisoners"
    record = blank(text)
    record, outer = add_span(record, text, 0, 27, "actor", SCHEME)
    record, inner = add_span(record, text, 14, 17, "count", SCHEME)
    record, crossing = add_span(record, text, 8, 17, "releasee", SCHEME)
    assert spans_at(record, 15) == [inner, crossing, outer]
    assert spans_at(record, 8) == [crossing, outer]
    assert spans_at(record, 27) == []
    assert [s.id for s in record.spans] == ["s1", "s3", "s2"]
