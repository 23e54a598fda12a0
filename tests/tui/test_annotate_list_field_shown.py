"""Pilot, at 100x30 as a user trial: a field ctrl+l fills reads from its start, and a list
field holding several items says how many and which came from spans.

The trial saw ``5 Norvanian servicemen`` for "95 Norvanian servicemen" (the input showed the
value's end), and ``d Norvanian soldiers ⛓ s8`` for a list of two items, one typed: nothing
said there were two, nor that one had no link."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_links import FieldLinks, FieldName
from tests.test_session_data import session_on

TEXT = (
    "date 2024-03-17 Kestria said 95 Norvanian servicemen had been returned, and six wounded "
    "Norvanian soldiers crossed an hour later.\n"
)
PATH = "releases[0].releasees"


async def two_releasees_and_a_release(
    pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession
) -> Input:
    """Label the two releasees, add a release; the focus in its releasees."""
    screen = screen_of(app)
    for words in ("95 Norvanian servicemen", "six wounded Norvanian soldiers"):
        start = TEXT.index(words)
        screen.change(session.label_selection, start, start + len(words), "releasee")
    screen.change(session.add_group_item, "releases")
    await screen.update_form()
    await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
    field = next(w for w in screen.query(Input) if w.name == PATH)
    field.focus()
    await pilot.pause()
    return field


def shown(app: AnnotatorApp, kind: type[FieldName] | type[FieldLinks]) -> str:
    widget = next(w for w in screen_of(app).query(kind) if w.name == PATH)
    return str(widget.render())


def test_a_field_filled_from_a_span_reads_from_its_start(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        field = await two_releasees_and_a_release(pilot, app, session)
        await press(pilot, "ctrl+l", *"95", "enter")
        assert field.value == "95 Norvanian servicemen"
        assert field.has_focus
        assert field.cursor_position == 0 and field.scroll_x == 0  # "95 Norvanian…" shows

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()


def test_a_list_field_says_how_many_items_it_holds_and_which_are_linked(
    tmp_path: Path,
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        field = await two_releasees_and_a_release(pilot, app, session)
        await press(pilot, "ctrl+l", *"95", "enter")
        assert shown(app, FieldName) == "releasees"  # one item: as before
        await press(pilot, "end", *", Pavel Ostrovin", "enter")
        assert field.value == "95 Norvanian servicemen, Pavel Ostrovin"
        assert shown(app, FieldName) == "releasees (2)"
        assert shown(app, FieldLinks) == "⛓ s1 –"  # the second item typed, unlinked

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()


def test_at_80x24_the_count_and_the_links_share_the_names_line(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await two_releasees_and_a_release(pilot, app, session)
        await press(pilot, "ctrl+l", *"95", "enter", "ctrl+l", *"six", "enter")
        assert shown(app, FieldName) == "releasees (2)  ⛓ s1 s2"

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
