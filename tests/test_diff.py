"""Diff kinds, their pairing order, form differences, and ``annotator diff`` itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.annotation import Annotation
from annotator.core.diff import span_differences
from annotator.core.form_differences import form_differences
from annotator.core.models import Record
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    TEXT,
    record,
    run_cli,
    scheme,
    span,
    write_corpus,
    write_journal,
)


def kinds(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    found = span_differences(
        Annotation(Record.model_validate(record("alice", spans=a))),
        Annotation(Record.model_validate(record("bob", spans=b))),
    )
    return [(kind, x.id if x else "-", y.id if y else "-") for kind, x, y in found]


def test_each_kind_on_the_hand_worked_pair() -> None:
    # alice / bob of test_agreement_data: Russia agrees; 146 vs "146 prisoners" is a boundary;
    # "prisoners" only alice; Ukraine actor vs releasee is a label; "12" only bob.
    assert kinds(ALICE_SPANS, BOB_SPANS) == [
        ("boundary", "s2", "s2"),
        ("only_a", "s4", "-"),
        ("label", "s3", "s3"),
        ("only_b", "-", "s4"),
    ]


def test_value_differs_only_when_normalised_values_differ() -> None:
    a = [span("a1", 13, 16, "count", 146), span("a2", 45, 47, "count", 12)]
    b = [span("b1", 13, 16, "count", 145), span("b2", 45, 47, "count", 12)]
    assert kinds(a, b) == [("value", "a1", "b1")]
    assert kinds(a, a) == []


def test_same_offsets_pair_by_label_before_boundaries() -> None:
    # a1 actor 0-6 could be a boundary partner of b2 (actor 0-12) or a label partner of b1
    # (releasee 0-6): same offsets come first, so a1-b1 is a label difference and b2 is left.
    a = [span("a1", 0, 6, "actor")]
    b = [span("b1", 0, 6, "releasee"), span("b2", 0, 12, "actor")]
    assert kinds(a, b) == [("label", "a1", "b1"), ("only_b", "-", "b2")]


def test_largest_overlap_pairs_first() -> None:
    # a1 = 13-26 "146 prisoners" overlaps b1 = 13-16 (3 characters) and b2 = 17-30 (9):
    # a1 pairs with b2; b1 is left over.
    a = [span("a1", 13, 26, "releasee")]
    b = [span("b1", 13, 16, "releasee"), span("b2", 17, 30, "releasee")]
    assert kinds(a, b) == [("only_b", "-", "b1"), ("boundary", "a1", "b2")]


def test_overlap_of_other_labels_is_not_a_boundary() -> None:
    a = [span("a1", 13, 26, "releasee")]
    b = [span("b1", 13, 16, "count")]
    # Both are left over, in document order (start, then end).
    assert kinds(a, b) == [("only_b", "-", "b1"), ("only_a", "a1", "-")]


def test_form_differences_with_paths(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    form_a = {
        "code": "1",
        "number": 3,
        "releases": [
            {"released_by": "Russia", "count": 146},
            {"released_by": "Ukraine", "count": 12},
        ],
    }
    # Same frames in another order, text spacing aside: no difference.
    same = {
        "code": "1",
        "number": 3,
        "releases": [
            {"released_by": "Ukraine ", "count": 12},
            {"released_by": "Russia", "count": 146},
        ],
    }
    assert form_differences(form_a, same, test_scheme) == []
    form_b = {
        "code": "2",
        "releases": [
            {"released_by": "Ukraine", "count": 12},
            {"released_by": "Russia", "count": 145},
            {"released_by": "Qatar"},
        ],
    }
    # Russia 146 against Russia 145 agree on 1 of 2 fields, not more than half: not the same
    # release (``align_items``), so each is its annotator's alone.
    assert form_differences(form_a, form_b, test_scheme) == [
        {"field": "code", "b_field": "code", "a": "1", "b": "2", "only": None},
        {"field": "number", "b_field": "number", "a": 3, "b": None, "only": None},
        {
            "field": "releases[0]",
            "b_field": None,
            "a": {"released_by": "Russia", "count": 146},
            "b": None,
            "only": "a",
        },
        {
            "field": "releases[1]",
            "b_field": "releases[1]",
            "a": None,
            "b": {"released_by": "Russia", "count": 145},
            "only": "b",
        },
        {
            "field": "releases[2]",
            "b_field": "releases[2]",
            "a": None,
            "b": {"released_by": "Qatar"},
            "only": "b",
        },
    ]


def journals(tmp_path: Path) -> tuple[Path, Path]:
    form = {"event_type": "exchange"}
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", spans=ALICE_SPANS, form=form),
        record("alice", "d2", form=form),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record("bob", spans=BOB_SPANS, form=form),
        record("bob", "d2", form={"event_type": "announcement"}),
    )
    return alice, bob


def test_json_shape(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    result = run_cli("diff", alice, bob, "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert report["counts"] == {"boundary": 1, "label": 1, "only_a": 1, "only_b": 1, "value": 0}
    assert report["differences"][0] == {
        "doc_id": "d1",
        "kind": "boundary",
        "a": {"id": "s2", "start": 13, "end": 16, "label": "count", "text": "146", "value": 146},
        "b": {
            "id": "s2",
            "start": 13,
            "end": 26,
            "label": "count",
            "text": "146 prisoners",
            "value": 146,
        },
    }
    assert report["form"] == [
        {
            "doc_id": "d2",
            "field": "event_type",
            "b_field": "event_type",
            "a": "exchange",
            "b": "announcement",
            "only": None,
        }
    ]
    only_d2 = orjson.loads(run_cli("diff", alice, bob, "--json", "--doc", "d2").stdout)
    assert only_d2["differences"] == [] and only_d2["documents"] == 1


def test_human_output_marks_spans_in_their_sentence(tmp_path: Path) -> None:
    text = "Talks went on. [bold]Russia[/bold] freed 146 prisoners on Sunday. Nothing else."
    start = text.index("146")
    form = {"event_type": "exchange"}
    alice = write_journal(
        tmp_path / "a.jsonl",
        record(
            "alice", spans=[span("s1", start, start + 3, "count", 146, text)], text=text, form=form
        ),
    )
    bob = write_journal(
        tmp_path / "b.jsonl",
        record(
            "bob", spans=[span("s1", start, start + 13, "count", 146, text)], text=text, form=form
        ),
    )
    corpus = write_corpus(tmp_path, {"d1": text})
    result = run_cli("diff", alice, bob, "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "d1" in lines
    # The sentence, not the whole article; markup-like text shown as written.
    assert "alice │ [bold]Russia[/bold] freed ⟦146⟧ prisoners on Sunday." in result.stdout
    assert "bob │ [bold]Russia[/bold] freed ⟦146 prisoners⟧ on Sunday." in result.stdout
    assert "Talks went on" not in result.stdout


def test_diff_bad_input(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    result = run_cli("diff", alice, alice)
    assert result.returncode == 1
    assert f"annotator 'alice' also has records in {alice} (the same file given twice?)" in (
        result.stderr
    )
    both = write_journal(
        tmp_path / "both.jsonl",
        record("carol", form={"event_type": "exchange"}),
        record("dave", form={"event_type": "exchange"}),
    )
    result = run_cli("diff", alice, both)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{both}: holds the records of 2 annotators (carol, dave): diff compares two journals "
        "of one annotator each (use `annotator agree` for more)"
    )
    result = run_cli("diff", alice, bob, "--doc", "nowhere")
    assert result.returncode == 1
    assert result.stderr.strip() == f"--doc nowhere: no such document in {alice} or {bob}"
    result = run_cli("diff", alice)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_document_not_done_by_both_is_told_apart_from_one_in_neither(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", form=form),
        record("alice", "d2", form=form),
        record("alice", "d3", status="in_progress"),
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    # A document the journals hold is a fair request: what each did is said, exit 0
    # (tests/test_diff_not_compared.py); only one neither holds is refused.
    for doc_id, line in (
        ("d2", "d2: not compared: bob has no record of it; alice done"),
        ("d3", "d3: not compared: alice left it in progress; bob has no record of it"),
    ):
        result = run_cli("diff", alice, bob, "--doc", doc_id)
        assert result.returncode == 0, result.stderr
        assert line in result.stdout
    result = run_cli("diff", alice, bob, "--doc", "d4")
    assert result.returncode == 1
    assert result.stderr.strip() == f"--doc d4: no such document in {alice} or {bob}"


def test_without_corpus_only_the_spans(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    result = run_cli("diff", alice, bob)
    assert result.returncode == 0
    assert 'boundary A: count 13..16 "146" = 146   B: count 13..26 "146 prisoners" = 146' in (
        result.stdout
    )
    assert 'form     event_type: A "exchange"   B "announcement"' in result.stdout
    assert "note: pass --corpus PATH" in result.stdout
    assert TEXT not in result.stdout


def test_sentences_from_one_paragraph_equal_those_of_the_whole_text() -> None:
    import random

    from annotator.core.diff_sentences import SentenceFinder, sentence_around
    from annotator.core.sentences import sentences

    samples = Path(__file__).resolve().parent.parent / "sample_docs"
    rng = random.Random(5)
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        whole = sentences(text)
        finder = SentenceFinder(text)
        visible = [offset for offset, char in enumerate(text) if not char.isspace()]
        for _ in range(50):
            # Like spans: from a visible character to just after one.
            start = rng.choice(visible)
            end = rng.choice([o for o in visible if start <= o < start + 40]) + 1
            assert finder.around(start, end) == sentence_around(whole, start, end), path.name
