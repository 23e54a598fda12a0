"""Merge writes an agreed list field (its items and links) in the order of its linked spans in
the text, as a review decision writes one (``list_links``): a trial's ``merge --min-agree 2``
kept ann1's and ann3's ``[Layla, Yusuf]`` with links ``["s5", "s4"]``, though Yusuf comes
first in the text, where review's ``1`` on the same versions wrote ``[Yusuf, Layla]``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import TEXT as LINKS_TEXT
from tests.test_review_links_data import RUSSIA, UKRAINE, annotator, spans, write_link_scheme
from tests.test_review_lists_text_order import AISSATOU, PATH, TEXT, THEODORE, ZOE, journal


def merged(
    works: list[dict[str, Any]] | list[Record], min_agree: int | None, **kw: Any
) -> GoldRecord:
    records = [one if isinstance(one, Record) else Record.model_validate(one) for one in works]
    units = {one.annotator: Annotation(one) for one in records}
    scheme = kw.get("scheme") or load_default_scheme()
    text = kw.get("text", TEXT)
    (made,) = merge_units([Unit("d1", sha256_text(text), units)], scheme, "rita", min_agree)
    return made


def named(made: GoldRecord, ids: list[str]) -> list[str]:
    by_id = {one.id: one.text for one in made.spans}
    return [by_id[one] for one in ids]


def test_an_agreed_items_list_is_in_text_order_with_min_agree() -> None:
    made = merged(
        [
            journal("ann1", [THEODORE, AISSATOU], linked=True),
            journal("ann2", [ZOE, THEODORE], linked=True),
            journal("ann3", [THEODORE, AISSATOU], linked=False),
        ],
        2,
    )
    assert made.form["releases"][0]["releasees"] == [AISSATOU, THEODORE]
    assert named(made, made.links[PATH]) == [AISSATOU, THEODORE]


def test_an_agreed_items_list_is_in_text_order_when_every_annotator_gave_it() -> None:
    made = merged(
        [
            journal("ann1", [THEODORE, ZOE, AISSATOU], linked=True),
            journal("ann2", [THEODORE, ZOE, AISSATOU], linked=True),
        ],
        None,
    )
    assert made.form["releases"][0]["releasees"] == [AISSATOU, ZOE, THEODORE]
    assert named(made, made.links[PATH]) == [AISSATOU, ZOE, THEODORE]


def test_an_agreed_top_level_list_is_in_text_order(tmp_path: Path) -> None:
    def work(name: str) -> Record:
        prefix = name[0]
        return annotator(
            name,
            spans((f"{prefix}1", RUSSIA), (f"{prefix}3", UKRAINE)),
            {"freed_by": ["Ukraine", "Russia"]},
            {"freed_by": [f"{prefix}3", f"{prefix}1"]},
        )

    made = merged(
        [work("alice"), work("bob")], None, scheme=write_link_scheme(tmp_path), text=LINKS_TEXT
    )
    assert made.form["freed_by"] == ["Russia", "Ukraine"]
    assert named(made, made.links["freed_by"]) == ["Russia", "Ukraine"]
