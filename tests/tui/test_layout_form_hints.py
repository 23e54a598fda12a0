"""The hints in the event form's empty inputs fit them: at 120 columns a trial read
``YYYY-MM-DD, YYYY-MM or YYYY · ctrl+l`` and ``comma-separated · ctrl+l: from``, the label the
field is filled from lost. The least useful part of a hint goes first; the label never."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from rich.cells import cell_len
from test_annotate_small_terminal import drive_small
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_hints import fitting, span_field_hints, value_hints
from annotator.tui.form_links import FieldLinks, FieldName
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import write_texts

SCHEMES = Path(__file__).parents[2] / "schemas"

RELEASE_FIELDS = ["released_by", "received_by", "count", "date", "releasees"]


def test_a_span_field_s_hints_drop_the_long_wording_then_what_it_takes() -> None:
    assert span_field_hints("date", "date") == [
        "YYYY[-MM[-DD]] · ctrl+l: date",
        "YYYY-MM-DD · ctrl+l: date",
        "ctrl+l: date",
    ]
    assert span_field_hints("text", "actor") == ["text · ctrl+l: actor", "ctrl+l: actor"]
    # A span's date reads words too (a form's date field does not): its hint says so.
    assert value_hints("date")[2:4] == [
        "YYYY-MM-DD or words (enter to save)",
        "YYYY-MM-DD (enter to save)",
    ]
    assert value_hints("date")[-1] == "YYYY-MM-DD"
    assert value_hints("integer") == [
        "a whole number (enter to save)",
        "number (enter to save)",
        "a whole number",
        "number",
    ]


def test_the_longest_hint_that_fits_is_taken() -> None:
    hints = span_field_hints("list", "releasee")
    assert fitting(hints, 57) == 'a, "b, c": one item · ctrl+l: releasee'  # 38 cells
    assert fitting(hints, 38) == 'a, "b, c": one item · ctrl+l: releasee'
    assert fitting(hints, 37) == "comma-separated · ctrl+l: releasee"  # 34 cells
    assert fitting(hints, 34) == "comma-separated · ctrl+l: releasee"
    assert fitting(hints, 33) == "a, b, … · ctrl+l: releasee"
    assert fitting(hints, 5) == "ctrl+l: releasee"  # nothing fits: the shortest
    assert fitting([], 10) == ""


def placeholders(app: AnnotatorApp) -> dict[str, tuple[str, int]]:
    """Each input of the first release: its hint and its width."""
    shown = {}
    for field in screen_of(app).query(".group-item Input").results(Input):
        name = (field.name or "").removeprefix("releases[0].")
        shown[name] = (str(field.placeholder), field.content_size.width)
    return shown


async def add_a_release(pilot: Pilot[None], app: AnnotatorApp) -> None:
    # o: the event type; tab: its "+ add to releases" button.
    await press(pilot, "o", "tab", "enter")
    await wait_for(pilot, lambda: len(placeholders(app)) == len(RELEASE_FIELDS))
    await pilot.pause(0.1)


def assert_fitted(shown: dict[str, tuple[str, int]]) -> None:
    for name, (hint, width) in shown.items():
        assert cell_len(hint) <= width, (name, hint, width)


def test_the_hints_fit_a_release_s_inputs_at_120_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await add_a_release(pilot, app)
        shown = placeholders(app)
        assert_fitted(shown)
        assert {name: hint for name, (hint, _) in shown.items()} == {
            "released_by": "text · ctrl+l: actor",
            "received_by": "text · ctrl+l: actor",
            "count": "a whole number · ctrl+l: count",
            # As much as at 70 columns, in fewer cells: the date's other forms, the quotes.
            "date": "YYYY[-MM[-DD]] · ctrl+l: date",
            "releasees": 'a, "b, c": one item · ctrl+l: releasee',
        }
        note = screen_of(app).query_one("#note", Input)
        assert note.placeholder == "anything a reviewer should know"
        assert cell_len(note.placeholder) <= note.content_size.width

    drive(session, scenario, size=(120, 36))


def test_the_hints_fit_at_80_columns_and_follow_a_resize(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await add_a_release(pilot, app)
        shown = placeholders(app)
        assert_fitted(shown)
        assert {name: hint for name, (hint, _) in shown.items()} == {
            "released_by": "text · ctrl+l: actor",
            "received_by": "text · ctrl+l: actor",
            "count": "a whole number · ctrl+l: count",
            "date": "YYYY[-MM[-DD]] · ctrl+l: date",
            "releasees": "a, b, … · ctrl+l: releasee",
        }
        note = screen_of(app).query_one("#note", Input)
        assert note.placeholder == "for a reviewer"
        # Wider, the longer wordings come back: a list's says how an item keeps a comma.
        await pilot.resize_terminal(160, 45)
        await pilot.pause(0.2)
        assert placeholders(app)["releasees"] == ('a, "b, c": one item · ctrl+l: releasee', 40)
        assert note.placeholder == "anything a reviewer should know"

    drive_small(session, scenario)


def test_the_span_value_hint_fits_at_120_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        start = session.text.index("Sunday")
        screen_of(app).change(session.label_selection, start, start + len("Sunday"), "date")
        await pilot.pause(0.1)
        value = screen_of(app).query_one("#span-value", Input)
        assert value.display and value.content_size.width == 42
        # v reads a date's words, and the hint says so where it fits; "YYYY-MM-DD or words
        # (last Sunday) (enter to save)" is 49 cells.
        assert value.placeholder == "YYYY-MM-DD or words (enter to save)"

    drive(session, scenario, size=(120, 36))


LONG_NAME = "released_by_the_side"  # 20 cells: longer than the 14 a name has beside its input


@pytest.fixture
def long_names(tmp_path: Path) -> Iterator[AnnotationSession]:
    """alice's session with a scheme whose ``released_by`` is named ``LONG_NAME``."""
    scheme = (SCHEMES / "prisoner_exchange.toml").read_text(encoding="utf-8")
    assert scheme.count('name = "released_by"') == 1
    scheme_file = tmp_path / "long.toml"
    # The releases group's brief names the field too.
    renamed = scheme.replace('"released_by"', f'"{LONG_NAME}"')
    renamed = renamed.replace("{released_by}", f"{{{LONG_NAME}}}")
    scheme_file.write_text(renamed, encoding="utf-8")
    guidelines = SCHEMES / "prisoner_exchange.md"  # the scheme names them: beside it
    (tmp_path / guidelines.name).write_text(guidelines.read_text(encoding="utf-8"))
    opened = open_session(write_texts(tmp_path), "alice", scheme_file, tmp_path / "out")
    yield opened
    opened.close()


def test_a_long_field_name_goes_above_its_input_whole(long_names: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        start = long_names.text.index("Russia")
        screen_of(app).change(long_names.label_selection, start, start + 6, "actor")
        await press(pilot, "o", "tab", "enter")
        path = f"releases[0].{LONG_NAME}"
        await wait_for(pilot, lambda: any(f.name == path for f in screen_of(app).query(Input)))
        await pilot.pause(0.1)
        name = next(label for label in screen_of(app).query(FieldName) if label.name == path)
        field = next(field for field in screen_of(app).query(Input) if field.name == path)
        assert str(name.render()) == LONG_NAME
        assert name.region.width >= len(LONG_NAME), name.region
        assert field.region.y == name.region.y + 1
        # Its links go on the name's line, as in a stacked item.
        assert app.focused is field
        await press(pilot, "ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, SpanPickScreen))
        await press(pilot, "enter")
        await wait_for(pilot, lambda: long_names.field_value(path) == "Russia")
        assert str(name.render()) == f"{LONG_NAME}  ⛓ s1"
        links = next(shown for shown in screen_of(app).query(FieldLinks) if shown.name == path)
        assert not links.display
        # The other names stay beside their inputs.
        other = next(
            label for label in screen_of(app).query(FieldName) if label.name.endswith("count")
        )
        count = next(f for f in screen_of(app).query(Input) if (f.name or "").endswith("count"))
        assert count.region.y == other.region.y and other.region.width == 14

    drive(long_names, scenario, size=(120, 36))


def test_the_narrow_screens_hints_are_the_wide_ones(session: AnnotationSession) -> None:
    """Under 80 columns the panel goes under the article, and a release's inputs are wider (46
    to 57 cells) than at 120 (38) or beyond (40 at most): at 70 the date read "YYYY-MM-DD,
    YYYY-MM or YYYY" and the list 'a, "b, c" is one item', longer than at 120 for the same
    forms. Each now reads as at 120, and says as much: the date's three forms, the quotes that
    keep a comma in an item."""
    seen: dict[int, dict[str, str]] = {}

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await add_a_release(pilot, app)
        shown = placeholders(app)
        assert_fitted(shown)
        seen[app.size.width] = {name: hint for name, (hint, _) in shown.items()}

    for size in [(70, 30), (79, 30), (120, 36), (160, 36)]:
        drive(session, scenario, size=size)
    for width in (70, 79, 120, 160):
        assert seen[width]["date"] == "YYYY[-MM[-DD]] · ctrl+l: date", width
        assert seen[width]["releasees"] == 'a, "b, c": one item · ctrl+l: releasee', width
