"""Export's line about a document's open conflicts never reads ``))``: a list ending in an
item's brief in brackets follows a dash, as review_outcome.with_detail's details do."""

from __future__ import annotations

from typing import Any

from annotator.core.formats.common import Item
from annotator.core.formats.open_conflicts import conflicts_line
from annotator.core.models import SCHEMA_VERSION, Document, GoldRecord, sha256_text
from tests.test_agreement_data import TEXT

LONE_ITEM = {
    "id": "c1",
    "kind": "field",
    "path": "releases",
    "versions": [
        {
            "value": [{"released_by": "Kestria", "received_by": "Norvania", "count": 95}],
            "annotators": ["ann1"],
        },
    ],
}
SPAN = {
    "id": "c2",
    "kind": "span",
    "region": [0, 6],
    "versions": [
        {
            "spans": [{"start": 0, "end": 6, "label": "actor", "text": "Russia", "value": None}],
            "annotators": ["ann1"],
        },
        {"spans": [], "annotators": ["ann2"]},
    ],
}


def line_of(*conflicts: dict[str, Any]) -> str | None:
    record = GoldRecord.model_validate(
        {
            "schema_version": SCHEMA_VERSION,
            "doc_id": "d1",
            "doc_sha256": sha256_text(TEXT),
            "annotator": "rita",
            "status": "in_progress",
            "spans": [],
            "sources": {"annotators": ["ann1", "ann2"]},
            "conflicts": list(conflicts),
        }
    )
    document = Document(id="d1", text=TEXT)
    return conflicts_line(Item(document, record), None)


def test_a_list_ending_in_an_items_brief_follows_a_dash() -> None:
    assert line_of(LONE_ITEM) == (
        "d1: 1 open conflict not written — releases: the item ann1 gave "
        "(Kestria → Norvania, 95); settle it with annotator review"
    )
    said = line_of(SPAN, LONE_ITEM)
    assert said is not None and "))" not in said
    assert said.startswith("d1: 2 open conflicts not written — span 0–6 'Russia', releases:")


def test_other_lists_keep_their_brackets() -> None:
    assert line_of(LONE_ITEM, SPAN) == (
        "d1: 2 open conflicts not written (releases: the item ann1 gave "
        "(Kestria → Norvania, 95), span 0–6 'Russia'); settle them with annotator review"
    )
