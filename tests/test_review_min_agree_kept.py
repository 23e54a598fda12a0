"""A gold file keeps the rule it was merged by (``sources.min_agree``); a review resumed
without ``--min-agree`` merges anew by it. A trial resumed a ``merge --min-agree 2`` file after
an annotator changed a record: its settled documents came back with conflicts, merged by every
annotator, and nothing said so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.review_open import open_review
from tests.test_agreement_data import (
    SCHEME_TOML,
    TEXT,
    record,
    run_cli,
    span,
    write_corpus,
    write_journal,
)
from tests.test_review_session_data import fixed_now, latest

RUSSIA = span("s1", 0, 6, "actor")
UKRAINE = span("s2", 31, 38, "actor")
UKRAINE_FREED = span("s2", 31, 38, "releasee")


@pytest.fixture
def three(tmp_path: Path) -> dict[str, Path]:
    """alice and bob agree on both spans, carol labels Ukraine a releasee."""
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    out = {"scheme": scheme, "corpus": write_corpus(tmp_path, {"d1": TEXT})}
    for name, spans in [
        ("alice", [RUSSIA, UKRAINE]),
        ("bob", [RUSSIA, UKRAINE]),
        ("carol", [RUSSIA, UKRAINE_FREED]),
    ]:
        out[name] = write_journal(tmp_path / f"{name}.jsonl", record(name, spans=spans))
    out["gold"] = tmp_path / "gold.jsonl"
    return out


def journals(case: dict[str, Path]) -> list[Path]:
    return [case["alice"], case["bob"], case["carol"]]


def merge(case: dict[str, Path], *options: str) -> None:
    result = run_cli(
        "merge", *journals(case), "-o", case["gold"], "--scheme", case["scheme"], *options
    )
    assert result.returncode == 0, result.stderr


def review(case: dict[str, Path], min_agree: int | None = None) -> Any:
    return open_review(
        journals(case),
        case["corpus"],
        case["gold"],
        "rita",
        scheme_path=case["scheme"],
        min_agree=min_agree,
        now=fixed_now,
    )


def carol_adds_a_note(case: dict[str, Path]) -> None:
    """A change to carol's record: d1 is merged anew when the review resumes."""
    with case["carol"].open("ab") as handle:
        line = record("carol", spans=[RUSSIA, UKRAINE_FREED], note="Ukraine freed them?")
        handle.write(orjson.dumps(line) + b"\n")


@pytest.mark.parametrize(("options", "rule"), [((), "all"), (("--min-agree", "2"), 2)])
def test_the_gold_line_says_the_rule(
    three: dict[str, Path], options: tuple[str, ...], rule: Any
) -> None:
    merge(three, *options)
    assert latest(three["gold"])["d1"]["sources"]["min_agree"] == rule


def test_a_resume_without_min_agree_merges_anew_by_the_file_s_k(three: dict[str, Path]) -> None:
    merge(three, "--min-agree", "2")
    d1 = latest(three["gold"])["d1"]
    assert (d1["status"], d1["conflicts"]) == ("done", [])  # 2 of 3 agree on every span
    carol_adds_a_note(three)
    session = review(three)
    try:
        assert session.conflicts_left() == 0  # still done: merged anew by K=2, not by all 3
        assert (
            f"{three['gold']}: merged by the gold file's rule, at least 2 annotators agreeing "
            "(--min-agree 2, as `annotator merge` was given)"
        ) in session.messages
    finally:
        assert session.close()
    d1 = latest(three["gold"])["d1"]
    assert (d1["status"], d1["conflicts"], d1["sources"]["min_agree"]) == ("done", [], 2)
    assert "Ukraine freed them?" in d1["note"]  # it was merged anew


def test_a_resume_of_an_all_agreeing_file_stays_all(three: dict[str, Path]) -> None:
    merge(three)
    carol_adds_a_note(three)
    session = review(three)
    try:
        assert session.conflicts_left() == 1  # Ukraine: actor (2) or releasee (1)
        assert not any("gold file's rule" in message for message in session.messages)
    finally:
        assert session.close()
    assert latest(three["gold"])["d1"]["sources"]["min_agree"] == "all"


@pytest.mark.parametrize(
    ("options", "given", "said"),
    [
        (
            ("--min-agree", "2"),
            3,
            "was merged with --min-agree 2, not --min-agree 3: resume it with --min-agree 2",
        ),
        (
            (),
            2,
            "was merged with every annotator agreeing, not --min-agree 2: resume it with "
            "no --min-agree",
        ),
    ],
)
def test_another_rule_given_is_refused(
    three: dict[str, Path], options: tuple[str, ...], given: int, said: str
) -> None:
    merge(three, *options)
    before = three["gold"].read_bytes()
    with pytest.raises(AnnotatorError) as refused:
        review(three, min_agree=given)
    assert str(refused.value) == (
        f"{three['gold']} {said}, or review into a new gold file (-o NEW.jsonl)"
    )
    assert three["gold"].read_bytes() == before
    review(three, min_agree=None).close()  # the lock was let go


def test_a_file_written_before_the_rule_was_kept_follows_what_is_given(
    three: dict[str, Path],
) -> None:
    merge(three, "--min-agree", "2")
    lines = [orjson.loads(line) for line in three["gold"].read_bytes().splitlines()]
    for line in lines:
        del line["sources"]["min_agree"]
    three["gold"].write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    carol_adds_a_note(three)
    session = review(three)  # as before: by every annotator, and said
    try:
        assert session.conflicts_left() == 1
        assert (
            f"{three['gold']}: 1 gold line(s) do not say the rule they were merged by (written "
            "before it was kept): documents merged anew now are merged with every annotator "
            "agreeing; give --min-agree K if the file was merged with one"
        ) in session.messages
    finally:
        assert session.close()


def test_beside_lines_that_say_no_rule_another_rule_is_refused(three: dict[str, Path]) -> None:
    """Documents merged anew by yet another rule would leave the file refused on the next
    resume ("merged by different rules"), so the rule the other lines say holds."""
    merge(three)  # d1's line says "all"
    line = orjson.loads(three["gold"].read_bytes())
    del line["sources"]["min_agree"]
    with three["gold"].open("ab") as handle:  # an older line of a document not compared now
        handle.write(orjson.dumps({**line, "doc_id": "d2"}) + b"\n")
    with pytest.raises(AnnotatorError) as refused:
        review(three, min_agree=2)
    assert str(refused.value) == (
        f"{three['gold']}: 1 of its documents were merged with every annotator agreeing, not "
        "--min-agree 2: resume it with no --min-agree, or review into a new gold file "
        "(-o NEW.jsonl)"
    )
    review(three).close()  # as the file's lines say


def test_lines_merged_by_different_rules_are_refused(three: dict[str, Path]) -> None:
    merge(three, "--min-agree", "2")
    line = orjson.loads(three["gold"].read_bytes())
    line["sources"]["min_agree"] = "all"
    with three["gold"].open("ab") as handle:
        handle.write(orjson.dumps({**line, "doc_id": "d2"}) + b"\n")  # not compared now
    with pytest.raises(AnnotatorError, match="merged by different rules"):
        review(three)
