"""Three annotators' items of one transfer are one item, whatever the annotators' order, and
each field of it is decided among all three (a trial's ``merge --min-agree 2``).

02: ann1 and ann2 gave "An armed group", ann3 "armed group"; ann1 and ann3 "eight foreign
hostages", ann2 "Zoë N'Diaye"; all three 8 and 2023-11-11. ann1's item agrees with each other
on 3 of 4 fields, ann2's with ann3's on 2 of 4. ann1's joined ann2's (the first pair in order)
and ann3's, alone, was left out unsaid: the reviewer saw "eight foreign hostages" by ann1
against "Zoë N'Diaye" by ann2, and the review said ann3 gave "nothing beyond gold here".
03: ann2's 210 of 8 June (alike ann1's, 3 of 5; not ann3's, 2 of 5) was never set against
ann1's and ann3's 187 of 7 June.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.form_compare import align_items, items_in
from tests.test_agreement_data import run_cli
from tests.test_group_align_data import DRAVA, SCHEME, merged, record, write_case

RELEASES = next(field for field in SCHEME.fields if field.name == "releases")


def hostages(released_by: str, releasees: list[str]) -> dict[str, Any]:
    return {
        "released_by": released_by,
        "received_by": None,
        "count": 8,
        "date": "2023-11-11",
        "releasees": releasees,
    }


HOSTAGES = {
    "ann1": hostages("An armed group", ["eight foreign hostages"]),
    "ann2": hostages("An armed group", ["Zo\u00eb N'Diaye"]),
    "ann3": hostages("armed group", ["eight foreign hostages"]),
}


def drava(count: int, date: str, releasees: list[str]) -> dict[str, Any]:
    return {
        "released_by": DRAVA,
        "received_by": "government of Ostreva",
        "count": count,
        "date": date,
        "releasees": releasees,
    }


DRAVA_RELEASES = {
    "ann1": drava(187, "2024-06-07", ["187 Ostrevan soldiers and civilians"]),
    "ann2": drava(210, "2024-06-08", ["187 Ostrevan soldiers"]),
    "ann3": drava(187, "2024-06-07", []),
}


def journals(items: dict[str, dict[str, Any]], names: tuple[str, ...]) -> dict[str, Any]:
    """Each annotator's record of one release, under ``names`` (ann1's item to names[0]...):
    the same items under other names come to merge in another order."""
    return {
        name: record(name, [item], None, {})
        for name, item in zip(names, items.values(), strict=True)
    }


ORDERS = list(itertools.permutations(("ann1", "ann2", "ann3")))


@pytest.mark.parametrize("order", ORDERS)
def test_the_three_items_of_one_release_are_one_item_in_any_order(order: tuple[int, ...]) -> None:
    for items in (HOSTAGES, DRAVA_RELEASES):
        parties = [items_in({"releases": [items[name]]}, RELEASES, None) for name in order]
        assert [len(one) for one in align_items(parties, RELEASES)] == [3]


@pytest.mark.parametrize("names", ORDERS)
def test_two_of_three_agreeing_on_the_releasees_give_gold_its_releasees(
    names: tuple[str, str, str],
) -> None:
    gold = merged(journals(HOSTAGES, names), 2)
    # ann1 and ann3 on the releasees, ann1 and ann2 on the giver: two of three each time;
    # ann2's Zoë and ann3's "armed group" are outvoted, as any answer two of three do not give.
    assert gold.form["releases"] == [hostages("An armed group", ["eight foreign hostages"])]
    assert [c for c in gold.conflicts if c["kind"] == "field"] == []


def test_every_annotator_required_the_releasees_conflict_has_all_three() -> None:
    gold = merged(journals(HOSTAGES, ("ann1", "ann2", "ann3")), None)
    assert gold.form["releases"] == [hostages(None, [])]  # type: ignore[arg-type]
    assert [
        (c["path"], [(v["value"], v["annotators"]) for v in c["versions"]]) for c in gold.conflicts
    ] == [
        (
            "releases[0].released_by",
            [("An armed group", ["ann1", "ann2"]), ("armed group", ["ann3"])],
        ),
        (
            "releases[0].releasees",
            [(["eight foreign hostages"], ["ann1", "ann3"]), (["Zo\u00eb N'Diaye"], ["ann2"])],
        ),
    ]


@pytest.mark.parametrize("names", ORDERS)
def test_a_count_and_date_one_of_three_gave_are_set_against_the_others(
    names: tuple[str, str, str],
) -> None:
    gold = merged(journals(DRAVA_RELEASES, names), 2)
    first, second, third = names  # who gave ann1's, ann2's, ann3's item
    # 187 and 7 June by two of three; the releasees three ways, each annotator's in a version
    # (ann2's 210 item was left out unsaid: nobody saw "187 Ostrevan soldiers").
    assert gold.form["releases"] == [drava(187, "2024-06-07", [])]
    (conflict,) = gold.conflicts
    assert conflict["path"] == "releases[0].releasees"
    assert sorted((v["annotators"], v["value"]) for v in conflict["versions"]) == sorted(
        [
            ([first], ["187 Ostrevan soldiers and civilians"]),
            ([second], ["187 Ostrevan soldiers"]),
            ([third], []),
        ]
    )


def test_merge_writes_the_release_two_of_three_agree_on(tmp_path: Path) -> None:
    corpus, paths = write_case(tmp_path, journals(HOSTAGES, ("ann1", "ann2", "ann3")))
    gold = tmp_path / "gold" / "k2.jsonl"
    result = run_cli(
        "merge", *paths, "--corpus", corpus, "-o", gold, "--reviewer", "rev", "--min-agree", "2"
    )
    assert result.returncode == 0, result.stderr
    (line,) = gold.read_bytes().splitlines()
    written = orjson.loads(line)
    assert written["form"]["releases"] == [hostages("An armed group", ["eight foreign hostages"])]
    assert written["conflicts"] == []
