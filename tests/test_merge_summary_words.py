"""merge's summary line counts its open conflicts by kind in words: ``(1 span, 2 fields)``,
not ``(1 span, 2 field)``; a kind without any is left out."""

from __future__ import annotations

import pytest

from annotator.commands.merge_cmd import conflict_kinds


@pytest.mark.parametrize(
    ("span", "field", "said"),
    [
        (1, 2, " (1 span, 2 fields)"),
        (0, 1, " (1 field)"),
        (3, 0, " (3 spans)"),
        (2, 1, " (2 spans, 1 field)"),
        (0, 0, ""),
    ],
)
def test_conflicts_by_kind(span: int, field: int, said: str) -> None:
    assert conflict_kinds({"span": span, "field": field}) == said
