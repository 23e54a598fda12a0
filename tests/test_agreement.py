"""Agreement figures on small hand-worked examples (the working is in the comments)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from annotator.core.agreement import agreement_of_files, lowest_documents
from annotator.core.categories import cohen_kappa
from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    TEXT,
    record,
    scheme,
    span,
    write_corpus,
    write_journal,
)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs"


def figures(tmp_path: Path, *journals: list[dict[str, Any]], corpus: bool = False) -> Any:
    files = [
        write_journal(tmp_path / f"j{number}.jsonl", *records)
        for number, records in enumerate(journals)
    ]
    texts = open_corpus(write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})) if corpus else None
    return agreement_of_files(files, scheme(tmp_path), texts)


def test_hand_worked_pair(tmp_path: Path) -> None:
    report = figures(
        tmp_path,
        [record("alice", spans=ALICE_SPANS)],
        [record("bob", spans=BOB_SPANS)],
        corpus=True,
    )
    spans = report["spans"]
    # Exact: only actor "Russia" 0-6 is in both. TP = 1, |A| = |B| = 4: F1 = 2*1/8 = 0.25.
    assert spans["exact_f1"] == pytest.approx(0.25)
    # Overlap: alice's Russia (by bob's Russia) and count 13-16 (by bob's count 13-26) are
    # overlapped by a same-label span of bob; her actor Ukraine and releasee 17-26 are not:
    # recall 2/4. Bob's Russia and count 13-26 are overlapped by alice's; his releasee 31-38 and
    # count 45-47 are not: precision 2/4. F1 = 0.5.
    assert spans["overlap_f1"] == pytest.approx(0.5)
    by_label = spans["by_label"]
    # actor: alice {0-6, 31-38}, bob {0-6}: exact 2*1/3; overlap recall 1/2, precision 1/1,
    # F1 = 2*(1/2)*1/(3/2) = 2/3.
    assert by_label["actor"] == {
        "exact_f1": pytest.approx(2 / 3, abs=1e-6),
        "overlap_f1": pytest.approx(2 / 3, abs=1e-6),
        "spans": 3,
        "value_agreement": None,  # actor has no value type
        "has_values": False,
    }
    # count: alice {13-16}, bob {13-26, 45-47}: exact 0; overlap recall 1/1, precision 1/2: 2/3.
    assert by_label["count"]["exact_f1"] == 0
    assert by_label["count"]["overlap_f1"] == pytest.approx(2 / 3, abs=1e-6)
    # releasee: alice {17-26}, bob {31-38}: nothing in common.
    assert (by_label["releasee"]["exact_f1"], by_label["releasee"]["overlap_f1"]) == (0, 0)
    # date: neither marked one: 1.0.
    assert (by_label["date"]["exact_f1"], by_label["date"]["overlap_f1"]) == (1.0, 1.0)
    # Token kappa over the 12 tokens (Russia freed 146 prisoners and Ukraine freed 12 soldiers
    # on Sunday .):
    #   alice: actor, O, count, releasee, O, actor,    O, O,     O, O, O, O
    #   bob:   actor, O, count, count,    O, releasee, O, count, O, O, O, O
    # agree on 9 of 12: p_o = 0.75. Marginals alice actor 2, count 1, releasee 1, O 8; bob
    # actor 1, count 3, releasee 1, O 7: p_e = (2*1 + 1*3 + 1*1 + 8*7)/144 = 62/144.
    # kappa = (108/144 - 62/144) / (1 - 62/144) = 46/82.
    assert spans["token_kappa"] == pytest.approx(46 / 82, abs=1e-6)
    assert report["pairs"] == [
        {
            "a": "alice",
            "b": "bob",
            "documents": 1,
            "exact_f1": 0.25,
            "overlap_f1": 0.5,
            "token_kappa": pytest.approx(46 / 82, abs=1e-6),
            "value_agreement": None,  # no count or date span is in both
        }
    ]
    # Both left the form empty: code (an empty answer is one) and releases (no frames) equal,
    # number (an integer: empty is missing) not compared: 2 of 2 equal.
    assert report["per_document"] == [
        {
            "doc_id": "d1",
            "annotators": ["alice", "bob"],
            "exact_f1": 0.25,
            "overlap_f1": 0.5,
            "value_agreement": None,
            "form_agreement": 1.0,
            "score": 0.625,  # the mean of exact F1 and form (no value to compare)
        }
    ]
    assert report["lowest"] == ["d1"]
    # Character alpha (67 characters, 2 coders): checked against the package in test_alpha;
    # here only that it is a figure.
    assert -1 <= spans["char_alpha"] <= 1


def test_pooled_over_documents_and_both_empty(tmp_path: Path) -> None:
    # d1 as above (TP 1 of 4 + 4); d2: both marked only "Russia": TP 1 of 1 + 1.
    # Pooled exact: 2*(1+1)/(5+5) = 0.4 (not the mean of 0.25 and 1.0).
    russia = [span("s1", 0, 6, "actor")]
    report = figures(
        tmp_path,
        [record("alice", spans=ALICE_SPANS), record("alice", "d2", spans=russia)],
        [record("bob", spans=BOB_SPANS), record("bob", "d2", spans=russia)],
    )
    assert report["spans"]["exact_f1"] == pytest.approx(0.4)
    assert [row["exact_f1"] for row in report["per_document"]] == [0.25, 1.0]
    # Without a corpus kappa and alpha are null, with a note saying why.
    assert report["spans"]["token_kappa"] is None
    assert report["spans"]["char_alpha"] is None
    assert any("--corpus" in note for note in report["notes"])
    empty = figures(tmp_path, [record("alice")], [record("bob")])
    assert empty["spans"]["exact_f1"] == 1.0
    assert empty["spans"]["overlap_f1"] == 1.0


def test_three_annotators_matrix_and_mean(tmp_path: Path) -> None:
    # carol marks exactly what alice marks. Pairs: alice-bob 0.25, alice-carol 1.0,
    # bob-carol 0.25; mean over pairs 0.5.
    report = figures(
        tmp_path,
        [record("alice", spans=ALICE_SPANS)],
        [record("bob", spans=BOB_SPANS)],
        [record("carol", spans=ALICE_SPANS)],
    )
    assert [(row["a"], row["b"], row["exact_f1"]) for row in report["pairs"]] == [
        ("alice", "bob", 0.25),
        ("alice", "carol", 1.0),
        ("bob", "carol", 0.25),
    ]
    assert report["spans"]["exact_f1"] == pytest.approx(0.5)
    assert report["annotators"] == ["alice", "bob", "carol"]


def test_cohen_kappa_edges() -> None:
    assert cohen_kappa(Counter()) is None
    assert cohen_kappa(Counter({("O", "O"): 5})) is None  # p_e = 1: undefined, not NaN
    assert cohen_kappa(Counter({("a", "a"): 1, ("b", "b"): 1})) == 1.0


def test_mismatched_hashes_are_excluded_and_reported(tmp_path: Path) -> None:
    other = TEXT.replace("146", "147")
    report = figures(
        tmp_path,
        [record("alice"), record("alice", "d2")],
        [record("bob"), record("bob", "d2", text=other)],
    )
    assert report["documents"] == 1
    assert report["excluded"] == [
        {
            "doc_id": "d2",
            "reason": "doc_sha256 differs: the annotators saw different texts",
            "annotators": ["alice", "bob"],
            "still_compared": False,
        }
    ]


def test_stale_records_against_the_corpus(tmp_path: Path) -> None:
    other = TEXT.replace("146", "147")
    report = figures(
        tmp_path,
        [record("alice"), record("alice", "d2")],
        [record("bob"), record("bob", "d2")],
        [record("carol"), record("carol", "d2", text=other)],
        corpus=True,
    )
    assert report["documents"] == 2
    assert report["excluded"][0]["annotators"] == ["carol"]
    assert report["excluded"][0]["still_compared"] is True  # d2, between alice and bob
    assert report["per_document"][1]["annotators"] == ["alice", "bob"]


def test_only_done_records_and_latest_line_count(tmp_path: Path) -> None:
    report = figures(
        tmp_path,
        [record("alice", spans=BOB_SPANS), record("alice", spans=ALICE_SPANS)],
        [record("bob", spans=ALICE_SPANS), record("bob", "d2", status="in_progress")],
    )
    assert report["documents"] == 1
    assert report["spans"]["exact_f1"] == 1.0
    # Left out, but not silently.
    assert "records not done are not compared: bob 1 in progress (d2)" in report["notes"]


def test_an_annotator_sharing_no_document_is_named(tmp_path: Path) -> None:
    # dave finished only d9, which nobody else did: he is left out of every figure, and the
    # notes say so (before, the report just had two annotators, as if he had not been given).
    report = figures(
        tmp_path,
        [record("alice"), record("alice", "d2")],
        [record("bob"), record("bob", "d2")],
        [record("dave", "d9"), *(record("dave", f"e{n}", status="skipped") for n in range(5))],
    )
    assert report["annotators"] == ["alice", "bob"]
    assert (
        f"{tmp_path / 'j2.jsonl'}: dave shares no done document with another annotator: "
        "not compared" in report["notes"]
    )
    assert (
        "records not done are not compared: dave 5 skipped (e0, e1, e2 and 2 more)"
        in (report["notes"])
    )


def test_a_corpus_holding_none_of_the_documents_is_named_as_the_cause(tmp_path: Path) -> None:
    files = [
        write_journal(tmp_path / "a.jsonl", record("alice", spans=ALICE_SPANS)),
        write_journal(tmp_path / "b.jsonl", record("bob", spans=BOB_SPANS)),
    ]
    other = open_corpus(write_corpus(tmp_path, {"elsewhere": TEXT}))
    with pytest.raises(AnnotatorError) as caught:
        agreement_of_files(files, scheme(tmp_path), other)
    assert str(caught.value).endswith(
        "none of the 1 document(s) done by two or more annotators can be compared: "
        f"1 not in the corpus {other.path} (first: d1): "
        f"is {other.path} the corpus these journals were made on?"
    )


def test_lowest_documents(tmp_path: Path) -> None:
    russia = [span("s1", 0, 6, "actor")]
    report = figures(
        tmp_path,
        [record("alice", spans=ALICE_SPANS), record("alice", "d2", spans=russia)],
        [record("bob", spans=BOB_SPANS), record("bob", "d2", spans=russia)],
    )
    assert [row["doc_id"] for row in lowest_documents(report, 1)] == ["d1"]


def test_a_document_whose_form_answers_differ_ranks_low_though_its_spans_agree(
    tmp_path: Path,
) -> None:
    russia = [span("s1", 0, 6, "actor")]
    exchange = {"code": "1"}
    report = figures(
        tmp_path,
        [
            record("alice", "d1", spans=russia, form=exchange),
            record("alice", "d2", spans=russia, form={"code": "2"}),
            record("alice", "d3", spans=[*russia, span("s2", 13, 16, "count", 146)], form=exchange),
        ],
        [
            record("bob", "d1", spans=russia, form=exchange),
            record("bob", "d2", spans=russia, form={"code": "1", "number": 250}),
            record("bob", "d3", spans=russia, form=exchange),
        ],
    )
    shares = {row["doc_id"]: row["form_agreement"] for row in report["per_document"]}
    # code, number and releases, one pair: d2 differs in code, and in number (alice left it
    # empty, bob gave 250: an empty answer is an answer here, as diff says).
    assert shares == {"d1": 1.0, "d2": 0.333333, "d3": 1.0}
    # d2: spans 1.0, form 1/3 (mean 0.667); d3: spans 2/3, form 1.0 (mean 0.833); d1: 1.0.
    assert [row["doc_id"] for row in lowest_documents(report)] == ["d2", "d3", "d1"]


def test_token_categories_equal_those_of_the_whole_tokenization() -> None:
    # Counting chunk by chunk and tokenizing only what spans cover relies on tokenization
    # being local; check both against tokenize(text) on the sample articles (emoji,
    # combining marks, CRLF, U+2028) and on random text with random spans.
    import random
    from bisect import bisect_left, bisect_right

    from annotator.core.annotation import SpanView
    from annotator.core.categories import (
        TokenCounts,
        covered_tokens,
        token_categories,
    )
    from annotator.core.tokens import tokenize

    texts = [path.read_text(encoding="utf-8") for path in SAMPLES.glob("*.txt")]
    rng = random.Random(3)
    alphabet = "ab1.,'’-  \n\r\x0b\x85\t\u00a0\u2028é\u0301🇺🇦👩\u200d👧U.S.'s"
    texts += ["".join(rng.choice(alphabet) for _ in range(200)) for _ in range(200)]
    counts = TokenCounts()
    for text in texts * 2:  # the second time from the cache
        tokens = tokenize(text)
        assert counts.of(text) == len(tokens)
        records = []
        for _ in range(3):
            spans = []
            for number in range(rng.randint(0, 6)):
                start = rng.randrange(len(text))
                end = rng.randint(start + 1, min(len(text), start + 30))
                label = rng.choice(["actor", "count"])
                spans.append(SpanView(f"s{number}", start, end, label, text[start:end], None))
            records.append(spans)
        starts, ends = covered_tokens(text, records)
        for spans in records:
            ours = {
                starts[index]: category
                for index, category in token_categories(spans, starts, ends).items()
            }
            expected: dict[int, set[str]] = {}
            for one in spans:
                first = bisect_right([t.end for t in tokens], one.start)
                last = bisect_left([t.start for t in tokens], one.end)
                for token in tokens[first:last]:
                    expected.setdefault(token.start, set()).add(one.label)
            assert ours == {start: "+".join(sorted(labels)) for start, labels in expected.items()}


def test_only_latest_lines_must_fit_the_scheme_and_a_torn_tail_is_noted(tmp_path: Path) -> None:
    from annotator.core.errors import AnnotatorError

    stray = [span("s1", 0, 6, "place")]  # not a label of the scheme
    fixed = figures(
        tmp_path,
        [record("alice", spans=stray), record("alice", spans=ALICE_SPANS)],
        [record("bob", spans=ALICE_SPANS)],
    )
    assert fixed["spans"]["exact_f1"] == 1.0
    with pytest.raises(
        AnnotatorError, match=r"j0.jsonl holds label 'place' \(1 span in 1 record, line 2\)"
    ):
        figures(
            tmp_path,
            [record("alice", spans=ALICE_SPANS), record("alice", spans=stray)],
            [record("bob", spans=ALICE_SPANS)],
        )
    alice = write_journal(tmp_path / "a.jsonl", record("alice"))
    with alice.open("ab") as handle:
        handle.write(b'{"schema_version": 1, "doc_id": "d')  # an interrupted append
    bob = write_journal(tmp_path / "b.jsonl", record("bob"))
    report = agreement_of_files([alice, bob], scheme(tmp_path))
    assert report["notes"][0] == (
        f"{alice}:2: incomplete last line (an interrupted write) left out"
    )


def test_a_pair_with_no_shared_document_has_no_figures(tmp_path: Path) -> None:
    # alice and bob share d1, bob and carol share d2; alice and carol share nothing: their
    # figures are null and left out of the means (not 1.0 as two empty sets would give).
    report = figures(
        tmp_path,
        [record("alice", spans=ALICE_SPANS)],
        [record("bob", spans=BOB_SPANS), record("bob", "d2")],
        [record("carol", "d2")],
    )
    rows = {(row["a"], row["b"]): row for row in report["pairs"]}
    assert rows[("alice", "carol")]["documents"] == 0
    assert rows[("alice", "carol")]["exact_f1"] is None
    # Means over the two pairs that share a document: (0.25 + 1.0) / 2.
    assert report["spans"]["exact_f1"] == pytest.approx(0.625)
