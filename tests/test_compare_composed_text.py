"""Text answers differing only in Unicode's form (a precomposed "é", or "e" and a combining
accent) are one answer to agree, diff and merge, as they are one to a reader."""

from __future__ import annotations

from pathlib import Path

from annotator.core.agreement import agreement
from annotator.core.compare import load_comparison
from annotator.core.diff import diff_of_files
from annotator.core.form_compare import frame_key, normal
from annotator.core.merge import merge_units
from tests.test_agreement_data import record, scheme, write_journal

COMPOSED = "Ren\u00e9e Castellan-Moor"
DECOMPOSED = "Rene\u0301e Castellan-Moor"


def journals(tmp_path: Path) -> list[Path]:
    alice = {"releases": [{"released_by": DECOMPOSED, "count": 3}]}
    carol = {"releases": [{"released_by": COMPOSED, "count": 3}]}
    return [
        write_journal(tmp_path / "alice.jsonl", record("alice", form=alice)),
        write_journal(tmp_path / "carol.jsonl", record("carol", form=carol)),
    ]


def test_normal_composes_text_and_keeps_ascii_as_it_is() -> None:
    assert COMPOSED != DECOMPOSED
    assert normal(COMPOSED) == normal(DECOMPOSED) == COMPOSED
    assert normal(" Kyiv \n") == "Kyiv"
    assert normal([DECOMPOSED, "x"]) == normal(["x", COMPOSED])


def test_frames_differing_only_in_form_are_one_frame(tmp_path: Path) -> None:
    group = next(field for field in scheme(tmp_path).fields if field.name == "releases")
    first = frame_key({"released_by": DECOMPOSED, "count": 3}, group)
    assert first == frame_key({"released_by": COMPOSED, "count": 3}, group)


def test_merge_accepts_the_item_and_opens_no_conflict(tmp_path: Path) -> None:
    # Before, carol's item was left over as a conflict whose version looked the same as
    # alice's, and taking both wrote the transfer twice.
    test_scheme = scheme(tmp_path)
    comparison = load_comparison(journals(tmp_path), test_scheme)
    (gold,) = merge_units(comparison.units, test_scheme, "rita")
    assert gold.conflicts == []
    assert gold.form["releases"] == [{"released_by": DECOMPOSED, "count": 3}]  # alice's, first


def test_diff_shows_no_difference(tmp_path: Path) -> None:
    alice, carol = journals(tmp_path)
    report = diff_of_files(alice, carol, scheme(tmp_path))
    assert report["form"] == []


def test_agree_counts_the_same_frames(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    report = agreement(load_comparison(journals(tmp_path), test_scheme), test_scheme)
    assert report["form"]["releases"]["agreement"] == 1.0
    assert report["form"]["releases"]["frame_f1"] == 1.0
