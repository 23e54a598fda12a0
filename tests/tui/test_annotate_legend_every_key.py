"""Pilot: the legend shows every label key, at 80x24 as wide, whatever the scheme's labels.

A trial's scheme had five labels: at 80 columns the legend was cut at ``4 date`` and the footer
leaves label keys out there, so key 5 was shown nowhere but in ``?``. The legend now takes the
rows its keys need, each key beside its name."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from annotate_helpers import screen_of, wait_for
from textual.geometry import Region

from annotator.core.scheme import default_scheme_path
from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

# Labels added to the shipped scheme's four (actor, count, date, releasee).
MORE_LABELS = [
    ("5", "arrests", "#76b7b2"),
    ("6", "location", "#b07aa1"),
    ("7", "organiser", "#ff9da7"),
]


def scheme_with(tmp_path: Path, extra: int) -> Path:
    """The shipped scheme with ``extra`` more labels (no guidelines file beside it)."""
    text = default_scheme_path().read_text(encoding="utf-8")
    text = re.sub(r'(?m)^guidelines = ".*"\n', "", text)
    labels = "".join(
        f'[[labels]]\nname = "{name}"\nkey = "{key}"\ncolor = "{color}"\n'
        f'value_type = "none"\ndescription = "More."\n\n'
        for key, name, color in MORE_LABELS[:extra]
    )
    text = text.replace("[[fields]]", labels + "[[fields]]", 1)
    path = tmp_path / "more_labels.toml"
    path.write_text(text, encoding="utf-8")
    return path


def drawn_legend(corpus: Path, tmp_path: Path, extra: int, size: tuple[int, int]) -> list[str]:
    """The legend's rows as drawn, at its laid-out size, with ``extra`` labels more."""
    session = open_session(
        corpus, "alice", scheme_with(tmp_path, extra), tmp_path / "out", now=fixed_now
    )
    rows: list[str] = []

    async def main() -> None:
        app = AnnotatorApp(session)
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: session.loaded)
            legend = screen_of(app).query_one("#legend")
            side = screen_of(app).query_one("#side")
            assert side.region.contains_region(legend.region)
            strips = legend.render_lines(Region(0, 0, *legend.size))
            rows.extend(strip.text for strip in strips)

    try:
        asyncio.run(main())
    finally:
        session.close()
    return rows


@pytest.mark.parametrize(
    ("extra", "drawn"),
    [
        # Spaced out where that takes no more rows than packed.
        (1, ["  1  actor   2  count   3  date", "  4  releasee   5  arrests"]),
        (3, [" 1 actor 2 count 3 date 4 releasee", " 5 arrests 6 location 7 organiser"]),
    ],
)
def test_every_label_key_is_in_the_legend_at_80x24(
    corpus: Path, tmp_path: Path, extra: int, drawn: list[str]
) -> None:
    rows = drawn_legend(corpus, tmp_path, extra, (80, 24))
    keys = [("1", "actor"), ("2", "count"), ("3", "date"), ("4", "releasee")]
    keys += [(key, name) for key, name, _colour in MORE_LABELS[:extra]]
    for key, name in keys:
        # Each key on the same row as its name, the name whole.
        assert any(re.search(rf"(^| ){key} +{name}( |$)", row) for row in rows), (key, rows)
    assert [row.rstrip() for row in rows] == drawn


def test_the_legend_keeps_one_row_where_it_fits(corpus: Path, tmp_path: Path) -> None:
    rows = drawn_legend(corpus, tmp_path, 1, (160, 45))
    # Spaced out (each key a block of colour), on the one row it fits.
    assert [row.rstrip() for row in rows] == [
        "  1  actor   2  count   3  date   4  releasee   5  arrests"
    ]
