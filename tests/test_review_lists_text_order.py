"""A list the review writes into gold (``e`` on a list field of an item, ``t`` on its versions,
a group's items typed or taken) keeps its items in the order of their linked spans in the
text, as the annotation screen keeps a list (``list_links.in_text_order``); an item typed
without a span keeps its place. A reviewer's trial typed "Théodore Maël Brossard, Zoë
N'Diaye, Aïssatou Konaré-Diabaté" and gold kept that order, links ``["s3", "s2"]``, though
Aïssatou comes first in the text; ``t`` gave the versions' lists one after the other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_conflict import find_conflict
from annotator.core.review_open import open_review
from annotator.core.review_typed_start import version_items
from tests.test_agreement_data import write_corpus, write_journal

TEXT = (
    "The Front freed eight hostages on Sunday: Aïssatou Konaré-Diabaté, Zoë N'Diaye and "
    "Théodore Maël Brossard, the ministry said."
)
AISSATOU, ZOE, THEODORE = "Aïssatou Konaré-Diabaté", "Zoë N'Diaye", "Théodore Maël Brossard"
PATH = "releases[0].releasees"


def span(span_id: str, words: str, label: str, value: Any = None) -> dict[str, Any]:
    start = TEXT.index(words)
    end = start + len(words)
    return {
        "id": span_id,
        "start": start,
        "end": end,
        "label": label,
        "text": words,
        "value": value,
    }


SPANS = [
    span("s1", "Front", "actor"),
    span("s2", AISSATOU, "releasee"),
    span("s3", ZOE, "releasee"),
    span("s4", THEODORE, "releasee"),
]
IDS = {AISSATOU: "s2", ZOE: "s3", THEODORE: "s4"}


def journal(name: str, releasees: list[str] | None, linked: bool) -> dict[str, Any]:
    """``name``'s record: every span marked; one release of ``releasees`` (None: none),
    each linked to its span when ``linked``."""
    releases = (
        []
        if releasees is None
        else [
            {
                "released_by": "Front",
                "received_by": None,
                "count": 8,
                "date": None,
                "releasees": releasees,
            }
        ]
    )
    links = {"releases[0].released_by": ["s1"]} if releases else {}
    if linked and releasees:
        links[PATH] = [IDS[name_] for name_ in releasees]
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": SPANS,
        "form": {"event_type": "unilateral_release", "releases": releases},
        "links": links,
    }


def opened(
    tmp_path: Path, ann1: list[str] | None, ann2: list[str] | None, linked: bool = False
) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", journal(name, given, linked))
        for name, given in (("ann1", ann1), ("ann2", ann2))
    ]
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")


def conflict_at(session: ReviewSession, path: str) -> str:
    record = session.records["d1"]
    found = next(c for c in record.conflicts if c.get("path") == path)
    session.go_to("d1", found["id"])
    return str(found["id"])


def test_a_list_typed_follows_its_spans_in_the_text(tmp_path: Path) -> None:
    session = opened(tmp_path, [ZOE, THEODORE], [ZOE, AISSATOU])
    try:
        conflict_at(session, PATH)
        session.settle_typed(f"{THEODORE}, {ZOE}, {AISSATOU}")
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == [AISSATOU, ZOE, THEODORE]
        assert gold.links[PATH] == ["s2", "s3", "s4"]
    finally:
        assert session.close()


def test_an_item_typed_without_a_span_keeps_its_place(tmp_path: Path) -> None:
    session = opened(tmp_path, [ZOE, THEODORE], [ZOE, AISSATOU])
    try:
        conflict_at(session, PATH)
        session.settle_typed(f"{THEODORE}, five others, {ZOE}")
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == [ZOE, "five others", THEODORE]
        assert gold.links[PATH] == ["s3", "s4"]
    finally:
        assert session.close()


def test_taking_every_version_of_a_list_follows_their_spans(tmp_path: Path) -> None:
    session = opened(tmp_path, [ZOE, THEODORE], [ZOE, AISSATOU], linked=True)
    try:
        cid = conflict_at(session, PATH)
        record = session.records["d1"]
        taken = decide.take(record, cid, [0, 1], session.scheme, session.annotations["d1"])
        assert taken.form["releases"][0]["releasees"] == [AISSATOU, ZOE, THEODORE]
        assert taken.links[PATH] == ["s2", "s3", "s4"]
    finally:
        assert session.close()


def test_a_groups_item_typed_or_taken_follows_its_spans(tmp_path: Path) -> None:
    # Only ann1 gave the release (its list out of text order, as an older journal may hold
    # it): a conflict over the item, at "releases".
    session = opened(tmp_path, [THEODORE, AISSATOU], None, linked=True)
    try:
        cid = conflict_at(session, "releases")
        record = session.records["d1"]
        conflict = find_conflict(record, cid)
        taken = decide.take(record, cid, [0], session.scheme, session.annotations["d1"])
        assert taken.form["releases"][0]["releasees"] == [AISSATOU, THEODORE]
        # Its links at its items' places: merge's rule carried ann1's ["s4", "s2"].
        assert taken.links[PATH] == ["s2", "s4"]
        items = version_items(conflict, session.scheme, 0)
        items[0]["releasees"] = f"{THEODORE}, {ZOE}, {AISSATOU}"
        session.settle_typed(items)
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == [AISSATOU, ZOE, THEODORE]
        assert gold.links[PATH] == ["s2", "s3", "s4"]
    finally:
        assert session.close()
