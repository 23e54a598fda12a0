"""With K annotators agreeing, each question a region of disputed spans holds is decided on its
own: a trial's three annotators agreed 2-1 on a count's value (95) and 2-1 on a releasee's
bounds, a count of 96 by one and a longer releasee by another, and merge left a conflict no
one needed to settle, the document in progress. Spans that compete for one question (one
label, other bounds; one place, other labels; crossing) still make a conflict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from tests.test_agreement_data import record, scheme, span

TEXT = "Kestria freed 95 Kestrian soldiers captured during the fighting."
COUNT = (14, 16)
SHORT = (14, 34)  # "95 Kestrian soldiers"
LONG = (14, 63)  # "... captured during the fighting"


def marked(name: str, *spans: tuple[tuple[int, int], str, Any]) -> Record:
    return Record.model_validate(
        record(
            name,
            text=TEXT,
            spans=[
                span(f"{name[0]}{n}", where[0], where[1], label, value=value, text=TEXT)
                for n, (where, label, value) in enumerate(spans, start=1)
            ],
            form={},
        )
    )


def merged(tmp_path: Path, *records: Record, min_agree: int = 2) -> GoldRecord:
    works = {one.annotator: Annotation(one) for one in records}
    (made,) = merge_units(
        [Unit("d1", sha256_text(TEXT), works)], scheme(tmp_path), "rita", min_agree=min_agree
    )
    return made


def kept(made: GoldRecord) -> set[tuple[int, int, str, Any]]:
    return {(one.start, one.end, one.label, one.value) for one in made.spans}


def test_two_questions_each_outvoted_leave_no_conflict(tmp_path: Path) -> None:
    made = merged(
        tmp_path,
        marked("a1", (COUNT, "count", 95), (SHORT, "releasee", None)),
        marked("a2", (COUNT, "count", 96), (SHORT, "releasee", None)),
        marked("a3", (COUNT, "count", 95), (LONG, "releasee", None)),
    )
    assert made.conflicts == []
    assert made.status == "done"
    assert kept(made) == {(*COUNT, "count", 95), (*SHORT, "releasee", None)}


def test_bounds_all_different_stay_one_conflict(tmp_path: Path) -> None:
    made = merged(
        tmp_path,
        marked("a1", (SHORT, "releasee", None)),
        marked("a2", (LONG, "releasee", None)),
        marked("a3", ((14, 25), "releasee", None)),
    )
    (conflict,) = made.conflicts
    assert conflict["region"] == [14, 63]
    assert len(conflict["versions"]) == 3


def test_one_place_two_labels_stays_a_conflict(tmp_path: Path) -> None:
    # a1 and a2 answer "what is 95 Kestrian soldiers" otherwise; a3 marked nothing: two
    # versions of one question against one "nothing", short of K.
    made = merged(
        tmp_path,
        marked("a1", (SHORT, "releasee", None)),
        marked("a2", (SHORT, "actor", None)),
        marked("a3"),
    )
    (conflict,) = made.conflicts
    assert [one["annotators"] for one in conflict["versions"]] == [["a1"], ["a2"], ["a3"]]


def test_a_count_inside_another_ones_releasee_are_two_questions(tmp_path: Path) -> None:
    # One annotator each: K=2 others left each out.
    made = merged(
        tmp_path,
        marked("a1", (COUNT, "count", 95)),
        marked("a2", (SHORT, "releasee", None)),
        marked("a3"),
    )
    assert made.conflicts == []
    assert kept(made) == set()


def test_every_annotator_needed_keeps_the_region(tmp_path: Path) -> None:
    made = merged(
        tmp_path,
        marked("a1", (COUNT, "count", 95), (SHORT, "releasee", None)),
        marked("a2", (COUNT, "count", 96), (SHORT, "releasee", None)),
        marked("a3", (COUNT, "count", 95), (LONG, "releasee", None)),
        min_agree=3,
    )
    assert made.conflicts != []
    assert made.status == "in_progress"
