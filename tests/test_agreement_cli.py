"""``annotator agree`` as a person runs it: output, exit status, one clear line for bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    TEXT,
    record,
    run_cli,
    span,
    write_corpus,
    write_journal,
)

DEFAULT_FORM = {"event_type": "exchange"}


def journals(tmp_path: Path) -> tuple[Path, Path]:
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", spans=ALICE_SPANS, form=DEFAULT_FORM),
        record("alice", "[bold]x[/bold]", form=DEFAULT_FORM),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record("bob", spans=BOB_SPANS, form=DEFAULT_FORM),
        record("bob", "[bold]x[/bold]", form={"event_type": "announcement"}),
    )
    return alice, bob


def test_json_has_the_keys_of_the_issue(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT, "[bold]x[/bold]": TEXT})
    result = run_cli("agree", alice, bob, "--corpus", corpus, "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)  # exactly one JSON object
    assert report["annotators"] == ["alice", "bob"]
    assert report["documents"] == 2
    assert set(report["spans"]) >= {
        "exact_f1",
        "overlap_f1",
        "token_kappa",
        "char_alpha",
        "by_label",
    }
    assert set(report["spans"]["by_label"]["actor"]) >= {"exact_f1", "overlap_f1"}
    assert set(report["form"]["event_type"]) >= {"alpha", "agreement"}
    assert set(report["pairs"][0]) >= {"a", "b", "exact_f1", "overlap_f1", "token_kappa"}
    assert set(report["per_document"][0]) >= {"doc_id", "exact_f1"}
    assert report["spans"]["token_kappa"] is not None
    assert "NaN" not in result.stdout


def test_human_tables_show_doc_ids_as_written(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    result = run_cli("agree", alice, bob)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for title in ("Agreement: 2 document(s)", "Per label", "Pairs", "Form fields", "Lowest"):
        assert title in out
    assert "[bold]x[/bold]" in out  # markup-like ids are shown, not interpreted
    assert "note: token_kappa and char_alpha need the article texts" in out
    # The ranking's own figure is shown: "[bold]x[/bold]" has no spans (exact F1 1.0), and of
    # its two fields the event types differ and the releases (none) agree (form 0.5), so its
    # score is 0.75.
    lowest = out[out.index("Lowest") :]
    assert "score: the mean of exact F1, values and form" in lowest
    row = next(line for line in lowest.splitlines() if "[bold]x[/bold]" in line)
    assert row.split("│")[3].strip() == "0.750"


def other_scheme(tmp_path: Path) -> Path:
    path = tmp_path / "places.toml"
    path.write_text(
        'name = "places"\n[[labels]]\nname = "place"\nkey = "1"\ncolor = "#000000"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("command", ["agree", "diff", "merge"])
def test_bad_input_is_one_clear_line(tmp_path: Path, command: str) -> None:
    alice, bob = journals(tmp_path)
    extra = ["-o", str(tmp_path / "gold.jsonl")] if command == "merge" else []
    cases: list[tuple[list[str | Path], str]] = [
        # journals of another scheme than the one in force
        (
            [alice, bob, "--scheme", other_scheme(tmp_path)],
            f"{alice} holds field 'event_type' (2 records, first line 1), label 'actor' (2 "
            f"spans in 1 record, line 1), label 'count' (1 span in 1 record, "
            f"line 1) and label 'releasee' (1 span in 1 record, line 1); {bob} holds field "
            f"'event_type' (2 records, first line 1), label 'actor' (1 span in 1 record, line "
            f"1), label 'count' (2 spans in 1 record, line 1) and label 'releasee' (1 span in 1 "
            f"record, line 1): not in scheme {tmp_path / 'places.toml'} (its labels: place; its "
            "fields: none), made under another scheme",
        ),
        # one annotator only
        # one annotator only (no file was empty: said without "( hold no records)")
        (
            [alice],
            f"{alice}: only one annotator (alice): comparing needs the journals of two or more "
            "annotators",
        ),
        # the same annotator in two files
        (
            [
                alice,
                write_journal(tmp_path / "alice2.jsonl", record("alice", "d9", form=DEFAULT_FORM)),
                bob,
            ],
            f"{tmp_path / 'alice2.jsonl'}: annotator 'alice' also has records in {alice}: each "
            "annotator's work must come from one journal; two people sharing a name must be "
            f"renamed before they can be compared: annotator rename {tmp_path / 'alice2.jsonl'} "
            f"--from alice --to NEW -o {tmp_path / 'NEW.jsonl'}",
        ),
        # no document done by both
        (
            [
                alice,
                write_journal(
                    tmp_path / "carol.jsonl", record("carol", "elsewhere", form=DEFAULT_FORM)
                ),
            ],
            "no document is done by two or more annotators (alice: 2 done, carol: 1 done)",
        ),
        # a damaged line
        (
            [alice, write_journal(tmp_path / "bad.jsonl", record("bob", spans=[{"id": "s1"}]))],
            f"{tmp_path / 'bad.jsonl'}:1: spans.0.start: required field is missing",
        ),
    ]
    if command == "diff":
        # diff takes exactly two journals: its own cases are in test_diff.
        cases = [cases[0], cases[3], cases[4]]
    for args, message in cases:
        result = run_cli(command, *args, *extra)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert message in lines[0]
        assert "Traceback" not in result.stderr
    if command != "diff":
        # The line ends there: no file was empty, and "( hold no records)" was said after it.
        one = f"{alice}: only one annotator (alice): comparing needs the journals of two or more "
        assert run_cli(command, alice, *extra).stderr.rstrip().endswith(f"{one}annotators")


@pytest.mark.parametrize("command", ["agree", "diff", "merge"])
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (span("s1", 0, 6, "actor"), "spans.0.end: 6 is past the end of the text (4)"),
        (
            {**span("s1", 0, 3, "actor"), "text": "Rus "},
            "spans.0.text: 'Rus ' does not match the text at 0..3: 'Rus'",
        ),
    ],
)
def test_a_span_that_is_not_the_corpus_text_is_refused(
    tmp_path: Path, command: str, bad: dict[str, Any], message: str
) -> None:
    """With the corpus the annotators saw, a span whose offsets or text do not fit it is a
    damaged record: one line naming file, line and field, as validate gives it."""
    good = span("s1", 0, 4, "actor", text="Russ")
    alice = write_journal(
        tmp_path / "a.jsonl", record("alice", spans=[good], form=DEFAULT_FORM, text="Russ")
    )
    bob = write_journal(
        tmp_path / "b.jsonl",
        record("bob", doc_id="d0", spans=[], form=DEFAULT_FORM, text="Russ"),
        record("bob", spans=[bad], form=DEFAULT_FORM, text="Russ"),
    )
    corpus = write_corpus(tmp_path, {"d1": "Russ"})
    extra = ["-o", str(tmp_path / "gold.jsonl")] if command == "merge" else []
    result = run_cli(command, alice, bob, "--corpus", corpus, *extra)
    assert result.returncode == 1, result.stdout
    assert result.stderr.splitlines() == [f"{bob}:2: {message}"]


def test_the_json_object_comes_whole_before_the_notes(tmp_path: Path) -> None:
    """Read through one pipe (``2>&1 | less``), the notes on stderr came out before the object
    still in stdout's buffer, or ran on after its last line."""
    alice, bob = journals(tmp_path)
    # Buffered as a user's Python buffers a pipe (this machine's environment may not).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    both = subprocess.run(
        [sys.executable, "-m", "annotator", "agree", str(alice), str(bob), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        env=env,
    )
    first, *rest = both.stdout.splitlines()
    assert orjson.loads(first)["annotators"] == ["alice", "bob"]
    assert rest and all(line.startswith("note: ") for line in rest)


def test_agree_names_documents_done_by_one_annotator_only(tmp_path: Path) -> None:
    # A curator's trial: carol's finished document was missing from the figures, unsaid.
    alice, bob = journals(tmp_path)
    with bob.open("ab") as handle:
        handle.write(orjson.dumps(record("bob", "d7", form=DEFAULT_FORM)) + b"\n")
    result = run_cli("agree", alice, bob, "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["documents"] == 2
    assert "note: done by one annotator only, so left out: bob 1 (d7)\n" in result.stderr
