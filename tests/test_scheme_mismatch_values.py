"""Journals holding values a field of the scheme no longer takes (a choice renamed, a count
made text: ``annotate`` keeps such a value, ``record_unallowed``): agree, diff, merge and
review refuse them alike, in one line naming file, line, field and value, with the way
forward. A count made text was said as pydantic's "Input should be a valid string", without
the value, and none of them said what to do."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from annotator.core.scheme import default_scheme_path
from tests.test_agreement_data import TEXT, record, run_cli, write_corpus, write_journal


def command(name: str, tmp_path: Path, alice: Path, bob: Path) -> list[str | Path]:
    if name == "merge":
        return [name, alice, bob, "-o", tmp_path / "gold.jsonl"]
    if name == "review":
        corpus = write_corpus(tmp_path, {"d1": TEXT})
        return [name, alice, bob, "--corpus", corpus, "-o", tmp_path / "gold.jsonl"]
    return [name, alice, bob]


def journals_with(tmp_path: Path, form: dict[str, object]) -> tuple[Path, Path]:
    """alice's record holding ``form``, bob's a form every scheme here takes: alice's is
    the one refused, whichever file is read first."""
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form={"event_type": "exchange"}))
    return alice, bob


def changed_copy_of_the_default(tmp_path: Path) -> Path:
    """The default scheme with ``unilateral_release`` renamed ``release`` and a release's
    count made text."""
    text = default_scheme_path().read_text(encoding="utf-8")
    text = text.replace('"unilateral_release"', '"release"')
    count = 'name = "count"\n  type = "integer"'
    assert count in text
    text = text.replace(count, 'name = "count"\n  type = "text"')
    ranged = 'from_label = "count"\n  min = 0\n'
    assert ranged in text  # a text field has no range: its min goes with its type
    text = text.replace(ranged, 'from_label = "count"\n')
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    guidelines = default_scheme_path().with_name("prisoner_exchange.md")  # it names them
    (tmp_path / guidelines.name).write_text(guidelines.read_text(encoding="utf-8"))
    return path


COMMANDS = ["agree", "diff", "merge", "review"]


@pytest.mark.parametrize("name", COMMANDS)
def test_without_scheme_the_value_is_named_and_the_scheme_asked_for(
    tmp_path: Path, name: str
) -> None:
    release = {"count": "many"}
    alice, bob = journals_with(tmp_path, {"event_type": "exchange", "releases": [release]})
    result = run_cli(*command(name, tmp_path, alice, bob))
    assert result.returncode == 1
    assert result.stderr == (
        f"{alice}:1: form.releases.0.count: 'many' is not a whole number (scheme "
        "prisoner_exchange); were these journals made with another scheme? pass it with "
        "--scheme FILE\n"
    )
    assert not (tmp_path / "gold.jsonl").exists()


@pytest.mark.parametrize("name", COMMANDS)
def test_with_scheme_a_renamed_choice_is_named_with_the_way_forward(
    tmp_path: Path, name: str
) -> None:
    alice, bob = journals_with(tmp_path, {"event_type": "unilateral_release"})
    mine = changed_copy_of_the_default(tmp_path)
    result = run_cli(*command(name, tmp_path, alice, bob), "--scheme", mine)
    assert result.returncode == 1
    validate = shlex.join(["annotator", "validate", "--scheme", str(mine), str(alice)])
    doing = "compared" if name in ("agree", "diff") else "merged"
    # The annotate command whole: the corpus (review's; CORPUS said without one), the name,
    # the scheme and the folder annotate keeps annotations/ in.
    corpus = str(tmp_path / "corpus.jsonl") if name == "review" else "CORPUS"
    words = ["annotator", "annotate", corpus, "--annotator", "alice", "--scheme", str(mine)]
    annotate = shlex.join([*words, "--out", str(tmp_path)])
    if name != "review":
        annotate += f" (CORPUS: the folder or file of the articles annotated in {alice})"
    assert result.stderr == (
        f"{alice} holds value 'unilateral_release' of event_type (1 record, line 1): not in "
        f"scheme {mine} (event_type's choices: exchange, release, repatriation_of_remains, "
        "announcement, not_relevant), made under another scheme and kept as they are, so "
        f"nothing was {doing}. Ways forward: --leave-out-unknown ({doing} without them, each "
        "said), or --scheme FILE, the scheme they were made with, if one knows all of it; "
        f"{validate} lists every line; a choice value it does not take (renamed since?) can "
        "be chosen anew in annotate, which keeps it till then, the field shown empty: alice: "
        f"annotate opens {tmp_path / 'annotations' / 'alice.jsonl'}, not {alice}: move it "
        f"there, then: {annotate}\n"
    )
    assert not (tmp_path / "gold.jsonl").exists()


def test_a_count_made_text_and_an_item_that_is_none_say_their_values(tmp_path: Path) -> None:
    mine = changed_copy_of_the_default(tmp_path)
    alice, bob = journals_with(tmp_path, {"event_type": "exchange", "releases": [{"count": 3}]})
    result = run_cli("agree", alice, bob, "--scheme", mine)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{alice}:1: form.releases.0.count: 3 is not text: a value the scheme given, {mine}, "
        "does not take"
    )
    alice, bob = journals_with(tmp_path, {"event_type": "exchange", "releases": ["an item"]})
    result = run_cli("diff", alice, bob)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{alice}:1: form.releases.0: 'an item' is not an item (scheme prisoner_exchange); "
    )


def test_a_later_line_setting_the_value_right_is_taken(tmp_path: Path) -> None:
    """Only the latest record of a document counts: the annotator chose another value since."""
    mine = changed_copy_of_the_default(tmp_path)
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", form={"event_type": "unilateral_release"}),
        record("alice", form={"event_type": "release"}),
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form={"event_type": "release"}))
    result = run_cli("merge", alice, bob, "-o", tmp_path / "gold.jsonl", "--scheme", mine)
    assert result.returncode == 0, result.stderr
    assert b'"event_type":"release"' in (tmp_path / "gold.jsonl").read_bytes()


def test_a_gold_file_given_is_sent_to_its_review(tmp_path: Path) -> None:
    """A gold file compared with a journal: no annotator chooses anew in it; its review says
    such a document and merges it anew (``review_gold_scheme``)."""
    mine = changed_copy_of_the_default(tmp_path)
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form={"event_type": "release"}))
    sources = {"annotators": ["alice", "bob"]}
    gold_line = record("rita", form={"event_type": "unilateral_release"}, sources=sources)
    gold = write_journal(tmp_path / "gold.jsonl", gold_line)
    result = run_cli("agree", alice, gold, "--scheme", mine)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{gold} holds value 'unilateral_release' of event_type (1 record, line 1): not in "
    )
    assert result.stderr.endswith(
        f"lists every line; {gold} is a gold file: annotator review says such a value and "
        "merges the document anew with l, ctrl+r twice\n"
    )
