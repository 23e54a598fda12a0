"""With ``--min-agree K``, what fewer than K gave while K others gave something else or nothing
is left out of gold: a trial's gold lost a real second release, a span and an extra actor, and
merge's summary said "5 agreed span(s); 1 done". The merge now notes each thing it so leaves
out (``GoldBuilder.outvoted``), with who gave it; what stays a conflict is not noted.

Hand-made records of three annotators on the default scheme, K = 2.
"""

from __future__ import annotations

from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merged_data, outvoted_in
from annotator.core.merge_outvoted import Outvoted, outvoted_line
from annotator.core.models import Record, sha256_text
from annotator.core.scheme import load_default_scheme

TEXT = "Kestria handed 6 prisoners to Norvania on Sunday; Ostreva watched the exchange."
SCHEME = load_default_scheme()


def span(number: int, words: str, label: str, value: Any = None) -> dict[str, Any]:
    start = TEXT.index(words)
    return {
        "id": f"s{number}",
        "start": start,
        "end": start + len(words),
        "label": label,
        "text": words,
        "value": value,
    }


KESTRIA = span(1, "Kestria", "actor")
NORVANIA = span(2, "Norvania", "actor")
OSTREVA = span(3, "Ostreva", "actor")
SIX = span(4, "6", "count", 6)


def release(giver: str, taker: str, count: int | None = 6) -> dict[str, Any]:
    return {
        "released_by": giver,
        "received_by": taker,
        "count": count,
        "date": None,
        "releasees": [],
    }


FIRST = release("Kestria", "Norvania")


def record(
    name: str,
    spans: list[dict[str, Any]],
    releases: list[dict[str, Any]],
    event_type: str | None = "exchange",
) -> Annotation:
    form: dict[str, Any] = {"releases": releases}
    if event_type is not None:
        form["event_type"] = event_type
    return Annotation(
        Record.model_validate(
            {
                "schema_version": 1,
                "doc_id": "d1",
                "doc_sha256": sha256_text(TEXT),
                "annotator": name,
                "status": "done",
                "spans": spans,
                "form": form,
                "links": {},
            }
        )
    )


def merged(
    records: dict[str, Annotation], min_agree: int | None = 2
) -> tuple[dict[str, Any], list[Outvoted]]:
    outvoted: list[Outvoted] = []
    unit = Unit("d1", sha256_text(TEXT), dict(sorted(records.items())))
    (data,) = merged_data([unit], SCHEME, "rita", min_agree, "2026-01-01T00:00:00Z", outvoted)
    # The review asks for one document's alone, from the same merge.
    assert outvoted_in(unit, SCHEME, min_agree) == outvoted
    return data, outvoted


def test_a_span_an_answer_and_an_item_outvoted_are_noted() -> None:
    data, outvoted = merged(
        {
            "alice": record("alice", [KESTRIA, NORVANIA], [FIRST]),
            "bob": record("bob", [KESTRIA, NORVANIA], [FIRST]),
            "carol": record(
                "carol",
                [KESTRIA, NORVANIA, OSTREVA],
                [FIRST, release("Norvania", "Ostreva", None)],
                event_type="announcement",
            ),
        }
    )
    # Gold as before: none of carol's is in it, and no conflict is left.
    assert data["conflicts"] == []
    assert [one["text"] for one in data["spans"]] == ["Kestria", "Norvania"]
    assert data["form"] == {"event_type": "exchange", "releases": [FIRST]}
    assert [one.as_json() for one in outvoted] == [
        {
            "doc_id": "d1",
            "kind": "span",
            "what": "actor “Ostreva” 50–57",
            "annotators": ["carol"],
        },
        {
            "doc_id": "d1",
            "kind": "field",
            "what": "event_type = announcement",
            "annotators": ["carol"],
        },
        {
            "doc_id": "d1",
            "kind": "item",
            "what": "releases: Norvania → Ostreva",
            "annotators": ["carol"],
        },
    ]
    line = outvoted_line([one.as_json() for one in outvoted], 2)
    assert line.startswith("outvoted under --min-agree 2, left out of gold")
    assert "1 span(s), 1 answer(s), 1 item(s)" in line
    assert "d1: actor “Ostreva” 50–57 (carol)" in line


def test_an_item_s_field_and_a_span_s_value_outvoted_name_every_giver() -> None:
    six_more = {**SIX, "value": 7}
    _data, outvoted = merged(
        {
            "alice": record("alice", [SIX], [FIRST]),
            "bob": record("bob", [six_more], [release("Kestria", "Norvania", 7)]),
            "carol": record("carol", [SIX], [FIRST]),
        }
    )
    assert [(one.kind, one.what, one.annotators) for one in outvoted] == [
        ("span", "count “6” = 7 15–16", ("bob",)),
        ("field", "releases #1 count = 7", ("bob",)),
    ]


def test_two_giving_it_alike_are_one_outvoted_naming_both() -> None:
    # Five annotators, K = 3: carol and dave's second release (a real second transfer) lost
    # to three without it, as in the trial.
    second = release("Norvania", "Ostreva", None)
    data, outvoted = merged(
        {
            "alice": record("alice", [], [FIRST]),
            "bob": record("bob", [], [FIRST]),
            "carol": record("carol", [], [FIRST, second]),
            "dave": record("dave", [], [FIRST, second]),
            "erin": record("erin", [], [FIRST]),
        },
        min_agree=3,
    )
    assert data["form"]["releases"] == [FIRST]
    assert [(one.kind, one.what, one.annotators) for one in outvoted] == [
        ("item", "releases: Norvania → Ostreva", ("carol", "dave")),
    ]


def test_an_answer_only_one_gave_the_others_leaving_it_empty_is_outvoted() -> None:
    # Nobody gave another answer; K annotators left it empty, which merge accepts: gold's
    # event_type is empty, so alice's answer is left out, and said.
    data, outvoted = merged(
        {
            "alice": record("alice", [], [], event_type="exchange"),
            "bob": record("bob", [], [], event_type=None),
            "carol": record("carol", [], [], event_type=None),
        }
    )
    assert "event_type" not in data["form"]
    assert [(one.kind, one.what) for one in outvoted] == [("field", "event_type = exchange")]


def test_what_fewer_than_k_gave_with_fewer_than_k_against_stays_a_conflict() -> None:
    # carol did not finish the document: alice alone gave Ostreva, an answer and an item, bob
    # nothing; one against one is no decision, so each is a conflict, nothing outvoted.
    data, outvoted = merged(
        {
            "alice": record("alice", [KESTRIA, OSTREVA], [FIRST], event_type="exchange"),
            "bob": record("bob", [KESTRIA], [], event_type=None),
        }
    )
    assert outvoted == []
    assert sorted((one["kind"], one.get("path")) for one in data["conflicts"]) == [
        ("field", "event_type"),
        ("field", "releases"),
        ("span", None),
    ]


def test_nothing_is_outvoted_without_min_agree() -> None:
    data, outvoted = merged(
        {
            "alice": record("alice", [KESTRIA], [FIRST]),
            "bob": record("bob", [KESTRIA], [FIRST]),
            "carol": record("carol", [KESTRIA, OSTREVA], [FIRST], event_type="announcement"),
        },
        min_agree=None,
    )
    assert outvoted == []
    assert len(data["conflicts"]) == 2  # carol's span and answer are conflicts
