"""A repeatable group's item only one annotator has: said to be theirs alone, never shown as
the other's empty item at its index (the other may have an item there, paired elsewhere)."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.form_differences import form_differences
from tests.test_agreement_data import record, run_cli, scheme, write_journal, write_scheme

UAE = {"released_by": "the UAE", "count": 36}
RUSSIA = {"released_by": "Russia", "count": 319}


def test_an_item_only_a_has_is_marked_so_in_json(tmp_path: Path) -> None:
    # Bob's releases[0] (the UAE) pairs with Alice's releases[1]; Alice's releases[0] is hers
    # alone, though Bob has a releases[0] too.
    found = form_differences({"releases": [RUSSIA, UAE]}, {"releases": [UAE]}, scheme(tmp_path))
    assert found == [{"field": "releases[0]", "b_field": None, "a": RUSSIA, "b": None, "only": "a"}]
    found = form_differences({"releases": [UAE]}, {"releases": [UAE, RUSSIA]}, scheme(tmp_path))
    assert found == [
        {"field": "releases[1]", "b_field": "releases[1]", "a": None, "b": RUSSIA, "only": "b"}
    ]


def journals(tmp_path: Path) -> tuple[Path, Path, Path]:
    alice = write_journal(
        tmp_path / "alice.jsonl", record("alice", form={"releases": [RUSSIA, UAE]})
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form={"releases": [UAE]}))
    return write_scheme(tmp_path), alice, bob


def test_the_report_says_whose_item_it_is(tmp_path: Path) -> None:
    test_scheme, alice, bob = journals(tmp_path)
    result = run_cli("diff", alice, bob, "--scheme", test_scheme)
    assert result.returncode == 0, result.stderr
    assert 'form     releases: only A has {released_by "Russia" · count 319}' in result.stdout
    assert "releases[0]" not in result.stdout and "no value" not in result.stdout
    result = run_cli("diff", bob, alice, "--scheme", test_scheme)
    assert 'form     releases: only B has {released_by "Russia" · count 319}' in result.stdout


def test_json_keeps_the_contract_and_says_only(tmp_path: Path) -> None:
    test_scheme, alice, bob = journals(tmp_path)
    result = run_cli("diff", alice, bob, "--scheme", test_scheme, "--json")
    assert result.returncode == 0, result.stderr
    [change] = orjson.loads(result.stdout)["form"]
    assert {key: change[key] for key in ("doc_id", "field", "a", "b", "only")} == {
        "doc_id": "d1",
        "field": "releases[0]",
        "a": RUSSIA,
        "b": None,
        "only": "a",
    }
