"""Journals whose labels are not the scheme's: the hint fits what the user did. Without
``--scheme`` it asks whether they were made with another; with it, it names the file given
(whose ``name`` may be the default's, in a copy), never asking for ``--scheme`` again."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from annotator.core.scheme import default_scheme_path
from tests.test_agreement_data import TEXT, record, run_cli, span, write_journal

FORM = {"event_type": "exchange"}


def place_journals(tmp_path: Path) -> tuple[Path, Path]:
    """Two journals labelling a ``place``, a label of no scheme in this test."""
    spans = [span("s1", 0, 6, "place")]
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=spans, form=FORM))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=spans, form=FORM))
    return alice, bob


def edited_copy_of_the_default(tmp_path: Path) -> Path:
    """The default scheme under its own name, ``releasee`` renamed ``freed``."""
    text = default_scheme_path().read_text(encoding="utf-8").replace('"releasee"', '"freed"')
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    guidelines = default_scheme_path().with_name("prisoner_exchange.md")  # it names them
    (tmp_path / guidelines.name).write_text(guidelines.read_text(encoding="utf-8"))
    return path


def command(name: str, tmp_path: Path, alice: Path, bob: Path) -> list[str | Path]:
    extra = ["-o", tmp_path / "gold.jsonl"] if name == "merge" else []
    return [name, alice, bob, *extra]


@pytest.mark.parametrize("name", ["agree", "diff", "merge"])
def test_without_scheme_the_hint_asks_for_one(tmp_path: Path, name: str) -> None:
    alice, bob = place_journals(tmp_path)
    result = run_cli(*command(name, tmp_path, alice, bob))
    assert result.returncode == 1
    assert result.stderr == (
        f"{alice}:1: spans.0.label: unknown label 'place' (scheme prisoner_exchange: actor, "
        "count, date, releasee); were these journals made with another scheme? pass it with "
        "--scheme FILE\n"
    )


@pytest.mark.parametrize("name", ["agree", "diff", "merge"])
def test_with_scheme_the_file_given_is_named(tmp_path: Path, name: str) -> None:
    """Every journal holding the label is named, the spans counted (``journals_kept``)."""
    alice, bob = place_journals(tmp_path)
    mine = edited_copy_of_the_default(tmp_path)
    result = run_cli(*command(name, tmp_path, alice, bob), "--scheme", mine)
    assert result.returncode == 1
    doing = "merged" if name == "merge" else "compared"
    validate = shlex.join(["annotator", "validate", "--scheme", str(mine), str(alice), str(bob)])
    assert result.stderr == (
        f"{alice} holds label 'place' (1 span in 1 record, line 1); {bob} holds label 'place' "
        f"(1 span in 1 record, line 1): not in scheme {mine} (its labels: actor, count, date, "
        f"freed), made under another scheme and kept as they are, so nothing was {doing}. "
        f"Ways forward: --leave-out-unknown ({doing} without them, each said), or --scheme "
        f"FILE, the scheme they were made with, if one knows all of it; {validate} lists every "
        "line\n"
    )


def test_the_default_scheme_given_by_name_is_named_too(tmp_path: Path) -> None:
    alice, bob = place_journals(tmp_path)
    result = run_cli("agree", alice, bob, "--scheme", "prisoner_exchange")
    assert result.returncode == 1
    assert "pass it with --scheme" not in result.stderr
    assert f"not in scheme {default_scheme_path()} (" in result.stderr


def test_a_journal_of_the_scheme_given_passes(tmp_path: Path) -> None:
    spans = [span("s1", 0, 6, "actor"), span("s2", 17, 26, "freed", text=TEXT)]
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=spans, form=FORM))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=spans, form=FORM))
    mine = edited_copy_of_the_default(tmp_path)
    result = run_cli("agree", alice, bob, "--scheme", mine, "--json")
    assert result.returncode == 0, result.stderr


def test_validate_names_the_scheme_file_given(tmp_path: Path) -> None:
    alice, _bob = place_journals(tmp_path)
    mine = edited_copy_of_the_default(tmp_path)
    result = run_cli("validate", alice, "--scheme", mine)
    assert result.returncode == 1
    assert f"unknown label 'place' (scheme {mine}: actor, count, date, freed)" in result.stdout
