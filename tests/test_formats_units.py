"""The pieces of the formats: UTF-16 offsets, Prodigy hashes, splits, tags, text from tokens."""

from __future__ import annotations

import tomllib

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.common import Reporter
from annotator.core.formats.labels import KEYS, build_scheme, parse_map, scheme_name, value_type
from annotator.core.formats.offsets import Utf16Offsets, written_spans
from annotator.core.formats.prodigy import input_hash, murmurhash3_32
from annotator.core.formats.splits import assign, parse_split, split_of
from annotator.core.formats.tokenlabels import decode_tags, join_tokens
from annotator.core.models import Span
from annotator.core.scheme import RESERVED_KEYS, Scheme
from annotator.core.sentences import sentences
from annotator.core.tokens import tokenize
from tests.test_formats_support import FIXTURES

EMOJI = "Peace 🕊️ for 👩‍👩‍👧 in 🇺🇦 e\u0301 ok"


def test_utf16_offsets_land_on_the_same_characters() -> None:
    offsets = Utf16Offsets(EMOJI)
    encoded = EMOJI.encode("utf-16-le")
    assert offsets.units * 2 == len(encoded)
    for start in range(len(EMOJI) + 1):
        unit = offsets.to_utf16(start)
        assert offsets.from_utf16(unit) == start
        for end in range(start, len(EMOJI) + 1):
            low, high = unit, offsets.to_utf16(end)
            assert encoded[2 * low : 2 * high].decode("utf-16-le") == EMOJI[start:end]


def test_utf16_offset_inside_a_surrogate_pair_is_refused() -> None:
    text = "a🕊b"
    offsets = Utf16Offsets(text)
    assert [offsets.from_utf16(unit) for unit in range(5)] == [0, 1, None, 2, 3]


def test_doccano_and_label_studio_write_spans_in_text_order_in_the_units_asked() -> None:
    text = "a🕊b c"
    later = Span(id="s1", start=4, end=5, label="x", text="c")
    earlier = Span(id="s2", start=2, end=3, label="x", text="b")
    spans = [later, earlier]
    assert written_spans(text, spans, False) == [(earlier, 2, 3), (later, 4, 5)]
    assert written_spans(text, spans, True) == [(earlier, 3, 4), (later, 5, 6)]


def test_murmurhash_matches_mmh3_reference_values() -> None:
    # Published examples of mmh3.hash: 'foo' → -156908512, with seed 42 → -1322301282.
    assert murmurhash3_32(b"foo") == -156908512
    assert murmurhash3_32(b"foo", 42) == -1322301282
    assert murmurhash3_32(b"") == 0


def test_input_hash_is_prodigys_on_every_real_task() -> None:
    files = [
        FIXTURES / "prodigy" / "annotated_news_headlines-ORG-PERSON-LOCATION-ner.first200.jsonl",
        FIXTURES / "spacy" / "ner_tweets.demo.jsonl",
    ]
    tasks = [orjson.loads(line) for f in files for line in f.read_bytes().splitlines()]
    assert len(tasks) == 201
    assert all(input_hash(task["text"]) == task["_input_hash"] for task in tasks)


def test_split_is_deterministic_and_keeps_documents_whole() -> None:
    parts = parse_split("train=0.8,dev=0.1,test=0.1")
    ids = [f"doc{n:04d}" for n in range(2000)]
    first = assign(ids, 7, parts)
    assert first == assign(ids, 7, parts)
    assert sorted(p for positions in first.values() for p in positions) == list(range(2000))
    assert 1450 < len(first["train"]) < 1750 and 120 < len(first["test"]) < 280
    assert first != assign(ids, 8, parts)
    # A document's split does not depend on the other documents.
    assert all(split_of(ids[p], 7, parts) == "dev" for p in first["dev"])
    assert assign(ids[:10], 7, parts)["dev"] == [p for p in first["dev"] if p < 10]


@pytest.mark.parametrize(
    "spec",
    ["train=0.8,dev=0.1", "train", "train=x", "train=0.5,train=0.5", "a b=1", "train=0"],
)
def test_bad_split_specs_are_one_clear_line(spec: str) -> None:
    with pytest.raises(AnnotatorError, match=r"^--split: "):
        parse_split(spec)


def where(index: int) -> str:
    return f"f:{index + 1}"


@pytest.mark.parametrize(
    ("scheme", "tags", "expected"),
    [
        ("iob2", "B-PER I-PER O B-LOC B-LOC I-LOC", [(0, 1, "PER"), (3, 3, "LOC"), (4, 5, "LOC")]),
        ("iob1", "I-PER I-PER B-PER O I-LOC", [(0, 1, "PER"), (2, 2, "PER"), (4, 4, "LOC")]),
        ("bioes", "S-PER B-LOC I-LOC E-LOC O S-LOC", [(0, 0, "PER"), (1, 3, "LOC"), (5, 5, "LOC")]),
    ],
)
def test_decode_tags(scheme: str, tags: str, expected: list[tuple[int, int, str]]) -> None:
    report = Reporter()
    spans = decode_tags(tags.split(), scheme, where, report)
    assert [(s.first, s.last, s.label) for s in spans] == expected
    assert report.lines == []


def test_decode_tags_reports_what_it_reads_leniently() -> None:
    report = Reporter()
    spans = decode_tags(["O", "I-PER", "I-LOC"], "iob2", where, report)
    assert [(s.first, s.last, s.label) for s in spans] == [(1, 1, "PER"), (2, 2, "LOC")]
    assert report.lines == [
        "f:2: I-PER does not continue a PER span; read as the start of one",
        "f:3: I-LOC does not continue a LOC span; read as the start of one",
    ]
    with pytest.raises(AnnotatorError, match=r"^f:1: tag: 'SOCCERO' is not a tag of IOB2"):
        decode_tags(["SOCCERO"], "iob2", where, report)
    with pytest.raises(AnnotatorError, match="is not a tag of IOB2"):
        decode_tags(["S-PER"], "iob2", where, report)


def test_a_bioes_tag_read_as_iob_names_the_option_that_reads_it() -> None:
    """A BIOES file imported without --tags stopped at its first S- tag, naming IOB2's tags
    alone; the line now names --tags bioes. A tag of no scheme gets no such words."""
    report = Reporter()
    for tags in (["S-PER"], ["B-PER", "E-PER"]):
        with pytest.raises(AnnotatorError) as caught:
            decode_tags(tags, "iob1", where, report)
        prefix = tags[-1][0]
        assert str(caught.value).endswith(
            f"is not a tag of IOB1 (B-X, I-X or O) ({prefix}-X is a BIOES tag: import with "
            "--tags bioes)"
        )
    with pytest.raises(AnnotatorError) as caught:
        decode_tags(["X-PER"], "iob2", where, report)
    assert "--tags" not in str(caught.value)


def test_join_tokens_reads_like_text_and_keeps_the_tokens() -> None:
    words = ["Mr", ".", "Smith", "said", ":", "“", "146", "(", "all", ")", "freed", "”", "."]
    text, starts = join_tokens(words)
    assert text == "Mr. Smith said: “146 (all) freed”."
    assert [t.text for t in tokenize(text)] == words
    assert [text[s : s + len(w)] for s, w in zip(starts, words, strict=True)] == words
    assert len(sentences(text)) == 1


def test_a_full_stop_before_a_number_leans_on_it_to_keep_one_sentence() -> None:
    # Hypothesis found "1 .1": joined "1. 1" read as two sentences, and "1.1" as one token.
    assert join_tokens(["1", ".", "1"]) == ("1 .1", [0, 2, 3])
    assert len(sentences("1 .1")) == 1


@given(st.text(alphabet=st.sampled_from(list("ab.B ,:1-'’s🕊️\u0301")), max_size=30))
def test_join_tokens_gives_back_the_tokens_of_any_sentence(text: str) -> None:
    for start, end in sentences(text):
        words = [t.text for t in tokenize(text[start:end])]
        joined, _starts = join_tokens(words)
        assert [t.text for t in tokenize(joined)] == words
        assert len(sentences(joined)) <= 1


def test_scheme_written_on_import_loads_and_avoids_screen_keys() -> None:
    assert not set(KEYS) & RESERVED_KEYS
    labels = [(scheme_name(n), "none", "") for n in ["ORG", "Transfer-money", "présent", "1st"]]
    text = build_scheme("imported", 'Labels "found"', labels)
    scheme = Scheme.model_validate(tomllib.loads(text))
    assert [label.name for label in scheme.labels] == ["ORG", "Transfer_money", "present", "_1st"]
    assert [label.key for label in scheme.labels] == ["1", "2", "3", "4"]
    with pytest.raises(AnnotatorError, match="more than the"):
        build_scheme("x", "", [(f"L{n}", "none", "") for n in range(len(KEYS) + 1)])


def test_value_types_are_inferred_from_the_values() -> None:
    assert value_type([146, 8]) == "integer"
    assert value_type(["2025-08-24", "2025"]) == "date"
    assert value_type(["2025-02-30"]) == "none"
    assert value_type([1, "2025"]) == "none"


def test_label_map() -> None:
    assert parse_map(["ORG=actor", "MISC="]) == {"ORG": "actor", "MISC": ""}
    with pytest.raises(UsageError):
        parse_map(["ORG"])


def test_compiled_murmurhash_when_installed_agrees_with_ours() -> None:
    import os

    from annotator.core.formats.prodigy import _hasher

    for size in range(70):
        data = os.urandom(size)
        assert _hasher()(data) == murmurhash3_32(data)
