"""Round trips through every format over hard text (hypothesis).

Texts mix emoji (🕊️, 👩‍👩‍👧, 🇺🇦), combining marks, curly quotes, ``\\n`` and U+2028 line breaks,
U+FEFF, abbreviations and arbitrary characters (no CR: corpora hold LF text). Formats that carry
the text give back exactly the spans written, overlapping ones included; token formats get
token-aligned spans and must write the same file again after an import.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record
from annotator.core.tokens import character_pattern, tokenize
from tests.test_formats_support import need, out_path, record, spans_of, texts_of, write_case

PIECES = [
    "🕊️", "👩‍👩‍👧", "🇺🇦", "e\u0301", "“", "”", "’", "\n", "\u2028", " ", "  ", "[b]", "ß",
    "Kyiv", "146", ".", ",", "Mr.", "U.S.", "'s", "-", "(", ")", "J.", "Ukraine", "1,200", "\ufeff",
]  # fmt: skip
LABELS = ["actor", "count", "date", "releasee"]
IDS = ["a", "b/c", "d-1", "Ω"]


def texts_from(pieces: list[str]) -> st.SearchStrategy[str]:
    """Texts made of ``pieces`` (the hard cases) and short random runs between them."""
    return st.lists(
        st.one_of(
            st.sampled_from(pieces),
            st.text(st.characters(exclude_characters="\r", exclude_categories=["Cs"]), max_size=3),
        ),
        max_size=25,
    ).map("".join)


texts = texts_from(PIECES)
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def text_cases(draw: st.DrawFn) -> list[tuple[str, str, Record]]:
    """Documents with any spans whose ends are not line breaks (overlaps allowed), on the edges
    of whole characters (import refuses a span that cuts one: bad data)."""
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=3, unique=True))
    out = []
    for doc_id in ids:
        text = draw(texts)
        chars = [m.span() for m in character_pattern().finditer(text) if "\n" not in m.group()]
        spans: set[tuple[int, int, str]] = set()
        for _ in range(draw(st.integers(0, 5)) if chars else 0):
            start = draw(st.sampled_from([low for low, _high in chars]))
            ends = [high for low, high in chars if low >= start]
            spans.add((start, draw(st.sampled_from(ends)), draw(st.sampled_from(LABELS))))
        out.append((doc_id, text, record(doc_id, text, sorted(spans))))
    return out


@st.composite
def token_cases(draw: st.DrawFn, overlap: bool) -> list[tuple[str, str, Record]]:
    """Documents with spans on token edges; overlapping only when ``overlap``."""
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=3, unique=True))
    out = []
    for doc_id in ids:
        text = draw(texts)
        tokens = tokenize(text)
        spans: set[tuple[int, int, str]] = set()
        taken: set[int] = set()
        for _ in range(draw(st.integers(0, 5)) if tokens else 0):
            first = draw(st.integers(0, len(tokens) - 1))
            last = draw(st.integers(first, min(first + 3, len(tokens) - 1)))
            if not overlap and taken & set(range(first, last + 1)):
                continue
            taken |= set(range(first, last + 1))
            label = draw(st.sampled_from(LABELS))
            spans.add((tokens[first].start, tokens[last].end, label))
        out.append((doc_id, text, record(doc_id, text, sorted(spans))))
    return out


def round_trip(folder: Path, fmt: str, case: list[tuple[str, str, Record]], **options: str) -> None:
    docs = [(doc_id, text) for doc_id, text, _record in case]
    corpus, gold = write_case(folder, docs, [r for _i, _t, r in case])
    first = out_path(folder, fmt, "first")
    extra = {"with_text": True} if fmt == "jsonl" else {}
    export_records(gold, fmt, first, corpus=corpus, **extra, **options)  # type: ignore[arg-type]
    back, records = folder / "back.jsonl", folder / "back-records.jsonl"
    import_documents(first, fmt, back, annotations=records, annotator="gold",
                     offsets=options.get("offsets", "codepoints"))  # fmt: skip
    expected = {doc_id: {(s.start, s.end, s.label) for s in r.spans} for doc_id, _t, r in case}
    if fmt in ("jsonl", "prodigy", "doccano", "labelstudio", "brat", "spacy"):
        assert spans_of(records) == expected
        assert texts_of(back) == dict(docs)
    second = out_path(folder, fmt, "second")
    export_records(records, fmt, second, corpus=back, **extra, **options)  # type: ignore[arg-type]
    assert _content(first) == _content(second)


def _content(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}
    return {"": path.read_bytes()}


@SETTINGS
@given(text_cases())
def test_jsonl_round_trip(case: list[tuple[str, str, Record]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "jsonl", case)


@SETTINGS
@given(text_cases())
def test_prodigy_round_trip(case: list[tuple[str, str, Record]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "prodigy", case)


@SETTINGS
@given(
    text_cases(), st.sampled_from(["label", "entities"]), st.sampled_from(["codepoints", "utf16"])
)
def test_doccano_round_trip(case: list[tuple[str, str, Record]], style: str, offsets: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "doccano", case, style=style, offsets=offsets)


@SETTINGS
@given(text_cases(), st.sampled_from(["codepoints", "utf16"]))
def test_labelstudio_round_trip(case: list[tuple[str, str, Record]], offsets: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "labelstudio", case, offsets=offsets)


@SETTINGS
@given(text_cases())
def test_brat_round_trip(case: list[tuple[str, str, Record]]) -> None:
    # A .txt file beginning with U+FEFF begins with a byte order mark, which its import drops,
    # as the export says (test_export_byte_order_mark): not a round trip.
    assume(not any(text.startswith("\ufeff") for _id, text, _record in case))
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "brat", case)


@SETTINGS
@given(token_cases(overlap=False))
def test_conll_round_trip(case: list[tuple[str, str, Record]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "conll", case)


@SETTINGS
@given(token_cases(overlap=False))
def test_hf_round_trip(case: list[tuple[str, str, Record]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "hf", case)


@SETTINGS
@given(token_cases(overlap=True))
def test_spacy_round_trip(case: list[tuple[str, str, Record]]) -> None:
    need("spacy")
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "spacy", case)
