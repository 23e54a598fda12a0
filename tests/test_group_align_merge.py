"""merge pairs a group's items by ``align_items``: one release whose count is disputed is one
gold release with a conflict over its count, never two releases (the curator's trial)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.models import Record
from annotator.core.review_decisions import take
from tests.test_agreement_data import run_cli
from tests.test_group_align_data import (
    COUNT_187,
    COUNT_210,
    DRAVA,
    SCHEME,
    body,
    merged,
    record,
    release,
    trial,
    write_case,
)

# Gold's spans when the count spans are accepted or left in conflict: s1 Drava, s2 187 or
# Ostreva, ... (gold numbers its spans in document order).
AGREED_LINKS = {
    "releases[0].released_by": ["s1"],
    "releases[0].received_by": ["s3"],
    "releases[0].count": ["s2"],
    "releases[0].date": ["s4"],
}


def test_two_of_three_agreeing_on_the_count_is_one_release_with_their_count() -> None:
    gold = merged(trial(), 2)
    assert gold.form["releases"] == [release(187)]
    assert gold.links == AGREED_LINKS  # the count linked to "187", alice's link
    assert gold.conflicts == []  # bob's 210 span: alice and carol marked nothing there
    assert gold.status == "done"


def test_all_annotators_disagreeing_on_the_count_is_a_conflict_over_the_count() -> None:
    gold = merged(trial(), None)
    assert gold.form["releases"] == [release(None)]  # one release, its count left empty
    # The sides and the date are accepted with their links (gold: s1 Drava, s2 Ostreva, s3
    # the date: the count spans are in conflict).
    assert gold.links == {
        "releases[0].released_by": ["s1"],
        "releases[0].received_by": ["s2"],
        "releases[0].date": ["s3"],
    }
    span_conflicts = [c["id"] for c in gold.conflicts if c["kind"] == "span"]
    assert span_conflicts == ["c1", "c2"]  # "187" and "210"
    assert gold.conflicts[2] == {
        "id": "c3",
        "kind": "field",
        "path": "releases[0].count",
        "versions": [
            {
                "value": 187,
                "annotators": ["alice", "carol"],
                "links": {"releases[0].count": [body(COUNT_187)]},
            },
            {
                "value": 210,
                "annotators": ["bob"],
                "links": {"releases[0].count": [body(COUNT_210)]},
            },
        ],
    }
    assert len(gold.conflicts) == 3  # no conflict of the group: nobody gave another release
    assert gold.status == "in_progress"


def test_an_item_one_annotator_lacks_is_merged_among_those_holding_it() -> None:
    records = trial()
    records["carol"] = record("carol", [], None, {})  # carol gave no release
    gold = merged(records, 2)
    # alice and bob hold it (2 = K), their counts differ: the count is in conflict, and its
    # versions are theirs only (carol gave no such item).
    assert gold.form["releases"] == [release(None)]
    (count,) = [c for c in gold.conflicts if c["path"] == "releases[0].count"]
    assert [(v["value"], v["annotators"]) for v in count["versions"]] == [
        (187, ["alice"]),
        (210, ["bob"]),
    ]
    assert not [c for c in gold.conflicts if c.get("path") == "releases"]
    # With every annotator required, two of three is not enough: the item is a conflict of
    # its own, a version each way its holders gave it (carol, who did not, in none).
    gold = merged(records, None)
    assert gold.form["releases"] == []
    (group,) = [c for c in gold.conflicts if c.get("path") == "releases"]
    assert [(v["value"], v["annotators"]) for v in group["versions"]] == [
        ([release(187)], ["alice"]),
        ([release(210)], ["bob"]),
    ]


def test_two_releases_of_a_week_stay_two() -> None:
    # Same sides, other date and count: 2 of 4 fields, not the same release.
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    records = {
        "alice": record("alice", [monday], None, {}),
        "bob": record("bob", [wednesday], None, {}),
    }
    gold = merged(records, None)
    assert gold.form["releases"] == []
    assert gold.conflicts == [
        {
            "id": "c1",
            "kind": "field",
            "path": "releases",
            "versions": [{"value": [monday], "annotators": ["alice"]}],
        },
        {
            "id": "c2",
            "kind": "field",
            "path": "releases",
            "versions": [{"value": [wednesday], "annotators": ["bob"]}],
        },
    ]
    # With carol giving monday too, two of three hold it: it is gold, and bob's wednesday,
    # which the two others have none of, is left out.
    records["carol"] = record("carol", [monday], None, {})
    gold = merged(records, 2)
    assert gold.form["releases"] == [monday]
    assert gold.conflicts == []


def test_a_list_no_value_wins_is_left_empty_with_its_conflict() -> None:
    records = trial()
    records["alice"] = record("alice", [release(187, releasees=["Ivan Petrenko"])], COUNT_187)
    records["bob"] = record("bob", [release(187)], COUNT_187)
    records["carol"] = record("carol", [release(187, releasees=["Olena Koval"])], COUNT_187)
    gold = merged(records, 2)
    assert gold.form["releases"] == [release(187)]  # releasees: [] while in dispute
    (conflict,) = gold.conflicts
    assert conflict["path"] == "releases[0].releasees"
    assert [(v["value"], v["annotators"]) for v in conflict["versions"]] == [
        (["Ivan Petrenko"], ["alice"]),
        ([], ["bob"]),
        (["Olena Koval"], ["carol"]),
    ]


def test_reordered_items_are_merged_item_by_item() -> None:
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    records = {
        "alice": record("alice", [monday, wednesday], None, {}),
        "bob": record("bob", [release(70, "2024-06-05", received_by="Ostreva City"), monday]),
    }
    records["bob"]["links"] = {}
    gold = merged(records, None)
    # Bob's first is alice's second with another receiver (4 of 5 fields agree).
    assert gold.form["releases"] == [monday, release(70, "2024-06-05", received_by=None)]
    assert [(c["path"], [v["value"] for v in c["versions"]]) for c in gold.conflicts] == [
        ("releases[1].received_by", ["Ostreva", "Ostreva City"])
    ]


def test_the_gold_file_is_valid(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, trial())
    gold = tmp_path / "gold.jsonl"
    result = run_cli("merge", *journals, "-o", gold, "--reviewer", "rita")
    assert result.returncode == 0, result.stderr
    assert "(2 spans, 1 field)" in result.stdout
    result = run_cli("validate", gold, "--corpus", corpus)
    assert result.returncode == 0, result.stdout + result.stderr
    assert DRAVA in gold.read_text(encoding="utf-8")


def test_a_release_alike_two_others_is_decided_among_all_three() -> None:
    # Alice: Monday's release of 50, carol: Wednesday's of 70 (2 of 4 alike); bob: 50 on
    # Wednesday, alike each (3 of 4). Gold was once one release, 50 on Wednesday, done, with
    # carol's release unsaid; then alice's and bob's (the first pair in order), carol's left
    # out unsaid with K=2, as two of three "did not give it". Now the three are one release
    # (``align_items``, step 3) and each field is decided among the three.
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    records = {
        "alice": record("alice", [monday], None, {}),
        "bob": record("bob", [release(50, "2024-06-05")], None, {}),
        "carol": record("carol", [wednesday], None, {}),
    }
    # K=2: the count alice and bob gave, the date bob and carol gave, each two of three.
    gold = merged(records, 2)
    assert gold.form["releases"] == [release(50, "2024-06-05")]
    assert gold.conflicts == []
    # Every annotator required: the count and the date in dispute, every annotator's answer
    # in a version.
    gold = merged(records, None)
    assert gold.form["releases"] == [release(None, None)]
    assert [
        (c["path"], [(v["value"], v["annotators"]) for v in c["versions"]]) for c in gold.conflicts
    ] == [
        ("releases[0].count", [(50, ["alice", "bob"]), (70, ["carol"])]),
        ("releases[0].date", [("2024-06-05", ["bob", "carol"]), ("2024-06-03", ["alice"])]),
    ]


def test_items_holding_only_names_are_one_item_when_one_list_holds_the_other() -> None:
    # [Ivan, Olena] against [Ivan, Olena, Petro], nothing else filled: they never paired, so
    # the group's conflict held both and t appended two releases of the same people.
    def named(*names: str) -> dict[str, Any]:
        return {
            **release(None, None),
            "released_by": None,
            "received_by": None,
            "releasees": list(names),
        }

    records = {
        "alice": record("alice", [named("Ivan", "Olena")], None, {}),
        "bob": record("bob", [named("Ivan", "Olena", "Petro")], None, {}),
    }
    gold = merged(records, None)
    assert gold.form["releases"] == [named()]
    (conflict,) = gold.conflicts
    assert conflict["path"] == "releases[0].releasees"
    assert [(v["value"], v["annotators"]) for v in conflict["versions"]] == [
        (["Ivan", "Olena"], ["alice"]),
        (["Ivan", "Olena", "Petro"], ["bob"]),
    ]
    annotations = {name: Annotation(Record.model_validate(made)) for name, made in records.items()}
    settled = take(gold, conflict["id"], [0, 1], SCHEME, annotations)
    assert settled.form["releases"] == [named("Ivan", "Olena", "Petro")]
