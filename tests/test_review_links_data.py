"""Hand-built records on TEXT for the links tests: a scheme with linked fields, annotators, gold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import GoldRecord, Record
from annotator.core.scheme import Scheme, load_scheme
from tests.test_agreement_data import record, span

# Top-level fields filled from spans, a list field, and a group.
LINK_SCHEME = """
name = "link_scheme"

[[labels]]
name = "actor"
key = "1"
color = "#4e79a7"

[[labels]]
name = "count"
key = "2"
color = "#f28e2b"
value_type = "integer"

[[labels]]
name = "releasee"
key = "4"
color = "#e15759"

[[fields]]
name = "total"
type = "integer"
from_label = "count"

[[fields]]
name = "freed_by"
type = "list"
from_label = "actor"

[[fields]]
name = "releases"
type = "group"

  [[fields.fields]]
  name = "released_by"
  type = "text"
  from_label = "actor"

  [[fields.fields]]
  name = "count"
  type = "integer"
  from_label = "count"
"""

RUSSIA = (0, 6, "actor")
COUNT_146 = (13, 16, "count", 146)
UKRAINE = (31, 38, "actor")
COUNT_12 = (45, 47, "count", 12)


def write_link_scheme(tmp_path: Path) -> Scheme:
    """LINK_SCHEME written to ``links.toml`` in ``tmp_path`` (review sessions open it there)."""
    path = tmp_path / "links.toml"
    path.write_text(LINK_SCHEME, encoding="utf-8")
    return load_scheme(path)


def spans(*made: tuple[str, tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [span(span_id, *where) for span_id, where in made]


def body(where: tuple[Any, ...]) -> dict[str, Any]:
    """A span as a conflict's version lists it (no id)."""
    made = span("x", *where)
    del made["id"]
    made.setdefault("value", None)
    return made


def only_bob_marks_12() -> dict[str, Any]:
    """Conflict c1 of both cases: bob's count "12" at 45-47, which alice did not mark."""
    return {
        "id": "c1",
        "kind": "span",
        "region": [45, 47],
        "versions": [
            {"spans": [], "annotators": ["alice"]},
            {"spans": [body(COUNT_12)], "annotators": ["bob"]},
        ],
    }


def annotator(
    name: str, made: list[dict[str, Any]], form: dict[str, Any], links: dict[str, list[str]]
) -> Record:
    return Record.model_validate(record(name, spans=made, form=form, links=links))


def gold(
    made: list[dict[str, Any]],
    form: dict[str, Any],
    links: dict[str, list[str]],
    conflicts: list[dict[str, Any]],
    annotators: tuple[str, ...] = ("alice", "bob"),
) -> GoldRecord:
    return GoldRecord.model_validate(
        record(
            "rita",
            spans=made,
            form=form,
            status="in_progress",
            links=links,
            sources={
                "annotators": list(annotators),
                "spans": {one["id"]: list(annotators) for one in made},
            },
            conflicts=conflicts,
        )
    )


# alice: total 146 from her "146"; bob: total 12 from his "12", which nobody else marked.
ALICE_TOTAL = annotator(
    "alice", spans(("a1", RUSSIA), ("a2", COUNT_146)), {"total": 146}, {"total": ["a2"]}
)
BOB_TOTAL = annotator(
    "bob",
    spans(("b1", RUSSIA), ("b2", COUNT_146), ("b3", COUNT_12)),
    {"total": 12},
    {"total": ["b3"]},
)
TOTALS = {"alice": ALICE_TOTAL, "bob": BOB_TOTAL}
# What merge leaves of them: Russia and 146 agreed; c1 bob's "12", c2 the field total.
GOLD_TOTAL = gold(
    spans(("s1", RUSSIA), ("s2", COUNT_146)),
    {},
    {},
    [
        only_bob_marks_12(),
        {
            "id": "c2",
            "kind": "field",
            "path": "total",
            # Each version with its annotator's link, as an item's field's (``merge_form``).
            "versions": [
                {"value": 146, "annotators": ["alice"], "links": {"total": [body(COUNT_146)]}},
                {"value": 12, "annotators": ["bob"], "links": {"total": [body(COUNT_12)]}},
            ],
        },
    ],
)


# Three annotators, merged with K = 2: alice and bob agree on "146" = 146 and total 146 (linked);
# carol gives the same "146" the value 140. Taking carol's version changes gold s2's value. (bob
# also marks "146 prisoners" a count, a version of the same question: else alice and bob, K,
# marking nothing more there would outvote carol and leave no conflict.)
CAROL = annotator("carol", spans(("c1", (13, 16, "count", 140))), {"total": 140}, {})
ALICE_146 = annotator("alice", spans(("a2", COUNT_146)), {"total": 146}, {"total": ["a2"]})
BOB_146 = annotator(
    "bob",
    spans(("b2", COUNT_146), ("b3", (13, 26, "count", 146))),
    {"total": 146},
    {"total": ["b2"]},
)
THREE = {"alice": ALICE_146, "bob": BOB_146, "carol": CAROL}
GOLD_VALUES = gold(
    spans(("s1", COUNT_146)),
    {"total": 146},
    {"total": ["s1"]},
    [
        {
            "id": "c1",
            "kind": "span",
            "region": [13, 26],
            "versions": [
                {"spans": [], "annotators": ["alice"]},
                {"spans": [body((13, 26, "count", 146))], "annotators": ["bob"]},
                {"spans": [body((13, 16, "count", 140))], "annotators": ["carol"]},
            ],
        }
    ],
    annotators=("alice", "bob", "carol"),
)


# Groups: both give Russia -> 146 (agreed, linked from alice's spans); bob also gives
# Ukraine -> 12, from his "Ukraine" (agreed) and his "12" (bob's only).
ALICE_RELEASES = annotator(
    "alice",
    spans(("a1", RUSSIA), ("a2", COUNT_146), ("a3", UKRAINE)),
    {"releases": [{"released_by": "Russia", "count": 146}]},
    {"releases[0].released_by": ["a1"], "releases[0].count": ["a2"]},
)
BOB_RELEASES = annotator(
    "bob",
    spans(("b1", RUSSIA), ("b2", COUNT_146), ("b3", UKRAINE), ("b4", COUNT_12)),
    {
        "releases": [
            {"released_by": "Ukraine", "count": 12},
            {"released_by": "Russia", "count": 146},
        ]
    },
    {
        "releases[0].released_by": ["b3"],
        "releases[0].count": ["b4"],
        "releases[1].released_by": ["b1"],
        "releases[1].count": ["b2"],
    },
)
RELEASES = {"alice": ALICE_RELEASES, "bob": BOB_RELEASES}
GOLD_RELEASES = gold(
    spans(("s1", RUSSIA), ("s2", COUNT_146), ("s3", UKRAINE)),
    {"releases": [{"released_by": "Russia", "count": 146}]},
    {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]},
    [
        only_bob_marks_12(),
        {
            "id": "c2",
            "kind": "field",
            "path": "releases",
            # bob's release, which alice did not give: its one version (alice in none).
            "versions": [
                {
                    "value": [{"released_by": "Ukraine", "count": 12}],
                    "annotators": ["bob"],
                    # The version's item's links, its index in the version's own items, the
                    # spans as a span version lists them ("12" is not gold yet).
                    "links": {
                        "releases[0].released_by": [body(UKRAINE)],
                        "releases[0].count": [body(COUNT_12)],
                    },
                },
            ],
        },
    ],
)


def old_left_over_list(record: GoldRecord) -> GoldRecord:
    """``record`` as the merge before items of their own wrote it: the group's items fewer
    than K hold in one conflict, a version per annotator (an empty list for one holding none),
    as gold files written then still hold."""
    conflicts = []
    for conflict in record.conflicts:
        if conflict.get("path") == "releases":
            given = {name for version in conflict["versions"] for name in version["annotators"]}
            nothing = [name for name in record.sources.annotators if name not in given]
            versions = [{"value": [], "annotators": nothing}] if nothing else []
            conflict = {**conflict, "versions": versions + conflict["versions"]}
        conflicts.append(conflict)
    return record.model_copy(update={"conflicts": conflicts})


# GOLD_RELEASES as the older merge wrote it: c2's versions alice's [] and bob's Ukraine.
OLD_GOLD_RELEASES = old_left_over_list(GOLD_RELEASES)
