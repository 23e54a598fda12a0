"""The stretches of words a field conflict's linked spans make (``linked_stretches``): the review
selects a field conflict's linked words when they are one stretch, as it selects a span
conflict's, and only brings spans apart into view.

A trial's form conflict was linked to "95 prisoners of war" (66–85) by alice and "95
prisoners" (66–78) by bob: one stretch. Givers "Russia" (16–22) and "Ukraine" (27–34) are two:
selected from the first to the last, " and " would be taken for the field's too."""

from __future__ import annotations

from typing import Any

from annotator.core.review_views import ConflictView, Place, VersionView, linked_stretches


def field_conflict(*linked: list[tuple[int, int]], kind: str = "field") -> ConflictView:
    """A field conflict whose versions are linked to the spans ``linked`` (one list each)."""
    versions = tuple(
        VersionView(
            index=index,
            letter=None,
            annotators=(f"ann{index + 1}",),
            spans=(),
            value=None,
            links=(("releases[0].releasees", tuple(_body(*span) for span in spans)),),
        )
        for index, spans in enumerate(linked)
    )
    return ConflictView(
        place=Place("d1", "c1"),
        kind=kind,
        region=None,
        path="releases[0].releasees",
        versions=versions,
        position=1,
        in_document=1,
        can_take_all=False,
        can_reject=True,
    )


def _body(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "label": "releasee", "text": "x" * (end - start)}


def test_overlapping_links_are_one_stretch() -> None:
    assert linked_stretches(field_conflict([(66, 85)], [(66, 78)])) == [(66, 85)]


def test_touching_links_are_one_stretch_and_apart_two_in_text_order() -> None:
    assert linked_stretches(field_conflict([(30, 40)], [(20, 30)])) == [(20, 40)]
    assert linked_stretches(field_conflict([(27, 34)], [(16, 22)])) == [(16, 22), (27, 34)]


def test_no_links_or_a_span_conflict_have_none() -> None:
    assert linked_stretches(field_conflict([], [])) == []
    assert linked_stretches(field_conflict([(16, 22)], kind="span")) == []
