"""Pilot: ctrl+s in released_by swaps it with received_by, values and links; ctrl+o in
releasees removes the item at the cursor with its link. Each key shows in the footer only in
a field where it acts; one ctrl+z undoes each."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, notices_heard, press, screen_of, wait_for
from pytest import MonkeyPatch
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "Maro freed two Pravonian nationals and Ilse Tamm to Tenvar on Monday.\n"
BY, TO, WHO = "releases[0].released_by", "releases[0].received_by", "releases[0].releasees"


def labelled(tmp_path: Path) -> AnnotationSession:
    session = session_on(tmp_path, TEXT)
    session.open("d")
    for words, label in (
        ("Maro", "actor"),
        ("Tenvar", "actor"),
        ("two Pravonian nationals", "releasee"),
        ("Ilse Tamm", "releasee"),
    ):
        start = TEXT.index(words)
        session.label_selection(start, start + len(words), label)
    session.add_group_item("releases")
    session.fill_from_span(BY, "s2")  # the wrong way round
    session.fill_from_span(TO, "s1")
    session.fill_from_span(WHO, "s3")
    session.fill_from_span(WHO, "s4")
    session.take_notices()
    return session


async def focus_field(pilot: Pilot[None], app: AnnotatorApp, path: str) -> Input:
    screen = screen_of(app)
    await wait_for(pilot, lambda: any(w.name == path for w in screen.query(Input)))
    field = next(w for w in screen.query(Input) if w.name == path)
    field.focus()
    await pilot.pause()
    return field


def footer_keys(app: AnnotatorApp) -> set[str]:
    return {key.key for key in screen_of(app).query("FooterKey")}  # type: ignore[attr-defined]


def test_ctrl_s_swaps_the_giver_and_the_receiver(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    session = labelled(tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        field = await focus_field(pilot, app, TO)
        assert "ctrl+s" in footer_keys(app) and "ctrl+o" not in footer_keys(app)
        await press(pilot, "ctrl+s")
        await wait_for(pilot, lambda: field.value == "Tenvar")
        assert session.field_value(BY) == "Maro" and session.field_value(TO) == "Tenvar"
        assert session.record.links[BY] == ["s1"] and session.record.links[TO] == ["s2"]
        assert "releases #1 swapped: released_by 'Maro', received_by 'Tenvar'" in told
        assert field.has_focus
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: field.value == "Maro")
        assert session.record.links[BY] == ["s2"] and session.record.links[TO] == ["s1"]
        await focus_field(pilot, app, "releases[0].count")  # no pair: not shown
        assert "ctrl+s" not in footer_keys(app)

    try:
        drive(session, scenario)
    finally:
        session.close()


def test_ctrl_o_removes_the_item_at_the_cursor(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    session = labelled(tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        field = await focus_field(pilot, app, WHO)
        assert field.value == "two Pravonian nationals, Ilse Tamm"
        assert "ctrl+o" in footer_keys(app) and "ctrl+s" not in footer_keys(app)
        field.cursor_position = 5  # in "two Pravonian nationals"
        await press(pilot, "ctrl+o")
        await wait_for(pilot, lambda: field.value == "Ilse Tamm")
        assert session.field_value(WHO) == ["Ilse Tamm"]
        assert session.record.links[WHO] == ["s4"]
        assert "releases #1 releasees: removed 'two Pravonian nationals' (s3)" in told
        assert field.has_focus and field.cursor_position == 0  # on the item now first
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: field.value == "two Pravonian nationals, Ilse Tamm")
        assert session.record.links[WHO] == ["s3", "s4"]

    try:
        drive(session, scenario)
    finally:
        session.close()


def test_ctrl_o_saves_typing_first_and_removes_a_typed_item(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    session = labelled(tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        field = await focus_field(pilot, app, WHO)
        await press(pilot, "end", *", Ana Roe")  # typed, not saved yet; the cursor on it
        await press(pilot, "ctrl+o")
        await wait_for(pilot, lambda: field.value == "two Pravonian nationals, Ilse Tamm")
        assert session.field_value(WHO) == ["two Pravonian nationals", "Ilse Tamm"]
        assert session.record.links[WHO] == ["s3", "s4"]
        assert "releases #1 releasees: removed 'Ana Roe'" in told

    try:
        drive(session, scenario)
    finally:
        session.close()
