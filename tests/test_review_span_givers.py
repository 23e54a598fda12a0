"""A span taken in review is credited to every annotator whose version holds that very span
(``sources.spans``; ``review_span_sources``). A trial's Drava (03), merged anew: conflict c3
had version 1 (ann1: count "187" 315–318 and releasee 315–350), 2 (ann2: a shorter
releasee), 3 (ann3: count "187" 315–318); taking version 1 wrote the count as ann1's alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_review_alike_direction import DRAVA, drava_journals, open_case


def region_conflict(session: Any) -> dict[str, Any]:
    """The span conflict over 315–350 (the count "187" and the releasees)."""
    return next(
        conflict
        for conflict in session.records[DRAVA].conflicts
        if conflict.get("kind") == "span"
        and any(body["start"] == 315 for v in conflict["versions"] for body in v["spans"])
    )


def givers(session: Any, start: int, end: int, label: str) -> list[str]:
    record = session.records[DRAVA]
    (span,) = [s for s in record.spans if (s.start, s.end, s.label) == (start, end, label)]
    return list(record.sources.spans[span.id])


def version_of(conflict: dict[str, Any], name: str) -> int:
    return next(place for place, v in enumerate(conflict["versions"]) if name in v["annotators"])


def test_a_span_taken_names_every_annotator_whose_version_holds_it(tmp_path: Path) -> None:
    session = open_case(tmp_path, DRAVA, drava_journals())
    try:
        conflict = region_conflict(session)
        assert [v["annotators"] for v in conflict["versions"]] == [["ann1"], ["ann2"], ["ann3"]]
        session.go_to(DRAVA, conflict["id"])
        session.take(version_of(conflict, "ann1"))
        assert givers(session, 315, 318, "count") == ["ann1", "ann3"]  # the trial: ['ann1']
        assert givers(session, 315, 350, "releasee") == ["ann1"]  # ann2's is shorter
    finally:
        assert session.close()


def test_the_version_of_fewer_spans_taken_names_the_others_giving_it(tmp_path: Path) -> None:
    session = open_case(tmp_path, DRAVA, drava_journals())
    try:
        conflict = region_conflict(session)
        session.go_to(DRAVA, conflict["id"])
        session.take(version_of(conflict, "ann3"))
        assert givers(session, 315, 318, "count") == ["ann1", "ann3"]
        assert [(s.start, s.end) for s in session.records[DRAVA].spans if s.start == 315] == [
            (315, 318)
        ]
    finally:
        assert session.close()
