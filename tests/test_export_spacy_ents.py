"""spaCy export: each document's ``doc.ents`` holds its spans when they do not overlap, whatever
other documents hold; every span is in ``doc.spans["sc"]``, and an import gets them all back.

A user trial exported a gold file in which one document had overlapping spans: every document's
``doc.ents`` came out empty, so named-entity training got no entities at all.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given

from annotator.core.formats.common import DETAIL_UP_TO
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record
from tests.test_formats_roundtrip import SETTINGS, token_cases
from tests.test_formats_support import (
    ROOT,
    need,
    record,
    seed_case,
    spans_of,
    texts_of,
    write_case,
)

# "146 Russian servicemen" holds the count "146": the two overlap.
OVERLAP_TEXT = "Ukraine freed 146 Russian servicemen on Sunday."
OVERLAP_SPANS = [(0, 7, "actor"), (14, 17, "count"), (14, 36, "releasee"), (40, 46, "date")]
PLAIN_TEXT = "Russia returned 84 Ukrainians."
PLAIN_SPANS = [(0, 6, "actor"), (16, 18, "count"), (19, 29, "releasee")]


def read_docs(path: Path) -> dict[str, Any]:
    """The exported Docs by document id."""
    need("spacy")
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    docs = DocBin().from_bytes(path.read_bytes()).get_docs(Vocab())
    return {doc.user_data["doc_id"]: doc for doc in docs}


def spans(group: Any) -> set[tuple[int, int, str]]:
    return {(s.start_char, s.end_char, s.label_) for s in group}


def two_documents(folder: Path) -> tuple[Path, Path]:
    docs = [("overlap", OVERLAP_TEXT), ("plain", PLAIN_TEXT)]
    records = [
        record("overlap", OVERLAP_TEXT, OVERLAP_SPANS),
        record("plain", PLAIN_TEXT, PLAIN_SPANS),
    ]
    return write_case(folder, docs, records)


def export(folder: Path, corpus: Path, gold: Path, **options: Any) -> tuple[Path, list[str]]:
    out = folder / "out.spacy"
    warnings: list[str] = []
    export_records(gold, "spacy", out, corpus=corpus, on_warning=warnings.append, **options)
    return out, warnings


def test_a_document_without_overlaps_keeps_its_ents_beside_one_with_them(tmp_path: Path) -> None:
    need("spacy")
    corpus, gold = two_documents(tmp_path)
    out, warnings = export(tmp_path, corpus, gold)
    docs = read_docs(out)
    assert spans(docs["plain"].ents) == set(PLAIN_SPANS)
    # Of the overlapping pair the longer, as conll and hf keep it; the rest all fit.
    assert spans(docs["overlap"].ents) == set(OVERLAP_SPANS) - {(14, 17, "count")}
    assert spans(docs["plain"].spans["sc"]) == set(PLAIN_SPANS)
    assert spans(docs["overlap"].spans["sc"]) == set(OVERLAP_SPANS)
    assert warnings == [
        "spacy: 1 document(s) with overlapping spans have an incomplete doc.ents (overlap): "
        "doc.ents cannot overlap, so 1 span(s) overlapping another are left out of it; "
        "every span is in doc.spans['sc']"
    ]


def test_without_any_overlap_nothing_is_said(tmp_path: Path) -> None:
    need("spacy")
    corpus, gold = write_case(
        tmp_path, [("plain", PLAIN_TEXT)], [record("plain", PLAIN_TEXT, PLAIN_SPANS)]
    )
    out, warnings = export(tmp_path, corpus, gold)
    assert warnings == []
    (doc,) = read_docs(out).values()
    assert spans(doc.ents) == spans(doc.spans["sc"]) == set(PLAIN_SPANS)


def test_the_round_trip_keeps_every_span_of_both_documents(tmp_path: Path) -> None:
    need("spacy")
    corpus, gold = two_documents(tmp_path)
    out, _ = export(tmp_path, corpus, gold)
    back, records = tmp_path / "back.jsonl", tmp_path / "back-records.jsonl"
    import_documents(out, "spacy", back, annotations=records, annotator="gold")
    assert spans_of(records) == {"overlap": set(OVERLAP_SPANS), "plain": set(PLAIN_SPANS)}
    assert texts_of(back) == {"overlap": OVERLAP_TEXT, "plain": PLAIN_TEXT}


def test_past_the_threshold_the_line_names_the_first_documents_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    need("spacy")
    count = DETAIL_UP_TO + 2
    ids = [f"d{n}" for n in range(1, count + 1)]
    docs = [(doc_id, OVERLAP_TEXT) for doc_id in ids]
    corpus, gold = write_case(
        tmp_path, docs, [record(doc_id, OVERLAP_TEXT, OVERLAP_SPANS) for doc_id in ids]
    )
    _out, warnings = export(tmp_path, corpus, gold)
    named = ", ".join(ids[:DETAIL_UP_TO])
    assert warnings == [
        f"spacy: {count} document(s) with overlapping spans have an incomplete doc.ents "
        f"({named} and 2 more): doc.ents cannot overlap, so {count} span(s) overlapping another "
        "are left out of it; every span is in doc.spans['sc']"
    ]


def test_verbose_adds_each_documents_line(tmp_path: Path) -> None:
    need("spacy")
    corpus, gold = two_documents(tmp_path)
    out = tmp_path / "out.spacy"
    warnings: list[str] = []
    result = export_records(
        gold, "spacy", out, corpus=corpus, on_warning=warnings.append, verbose=True
    )
    line = (
        "overlap: spacy: doc.ents holds 3 of 4 spans (1 overlap another, and doc.ents cannot "
        "overlap); all 4 are in doc.spans['sc']"
    )
    assert warnings[1:] == [line]
    assert result.details == [line]


def test_the_seed_article_keeps_all_but_the_counts_inside_releasees_in_ents(
    tmp_path: Path,
) -> None:
    need("spacy")
    corpus, gold = seed_case(tmp_path)
    out, warnings = export(tmp_path, corpus, gold)
    (doc,) = read_docs(out).values()
    every = spans(doc.spans["sc"])
    assert {label for _s, _e, label in every - spans(doc.ents)} == {"count"}
    assert len(every - spans(doc.ents)) == 3
    line = (
        "spacy: 1 document(s) with overlapping spans have an incomplete doc.ents (article): "
        "doc.ents cannot overlap, so 3 span(s) overlapping another are left out of it; every "
        "span is in doc.spans['sc']"
    )
    assert line in warnings
    # docs/formats.md gives this line as its example.
    assert f"`{line}`" in " ".join((ROOT / "docs" / "formats.md").read_text().split())


def token_overlap(case_record: Record, text: str) -> bool:
    from annotator.core.tokens import tokenize

    tokens = tokenize(text)
    covered = [
        {n for n, t in enumerate(tokens) if t.start < s.end and s.start < t.end}
        for s in case_record.spans
    ]
    return any(a & b for i, a in enumerate(covered) for b in covered[i + 1 :])


@SETTINGS
@given(token_cases(overlap=True))
def test_ents_are_whole_unless_the_document_itself_overlaps(
    case: list[tuple[str, str, Record]],
) -> None:
    need("spacy")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus, gold = write_case(folder, [(i, t) for i, t, _r in case], [r for _i, _t, r in case])
        out, _ = export(folder, corpus, gold)
        docs = read_docs(out)
        for doc_id, text, case_record in case:
            every = {(s.start, s.end, s.label) for s in case_record.spans}
            doc = docs[doc_id]
            assert spans(doc.spans["sc"]) == every
            if not token_overlap(case_record, text):
                assert spans(doc.ents) == every
            else:
                assert spans(doc.ents) < every
