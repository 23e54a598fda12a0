"""Pilot: ctrl+l in a list field on a span whose words an item was typed as otherwise (the
keyboard's ' for the article's ’, another case, no accent) makes that item the span's words
and links it, as the review links such words (``forms._typed_alike``). It was listed twice:
"zoe n'diaye" typed, then "Zoë N’Diaye" added beside it."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import journal_lines, session_on

ZOE = "Zoë N’Diaye"  # a curly ’, as the article writes it
TEXT = f"date 2024-12-08 The Front freed {ZOE} and Marta Ostrovina on Sunday.\n"
PATH = "releases[0].releasees"


def test_ctrl_l_makes_an_item_typed_alike_the_spans_words(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index(ZOE)
        span = screen.change(session.label_selection, start, start + len(ZOE), "releasee")
        screen.change(session.add_group_item, "releases")
        screen.change(session.set_field, PATH, "zoe n'diaye, Marta Ostrovina")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await pilot.pause()
        await press(pilot, "ctrl+l", *"zo", "enter")
        await wait_for(pilot, lambda: ZOE in field.value)
        assert session.field_value(PATH) == [ZOE, "Marta Ostrovina"]
        assert field.value == f"{ZOE}, Marta Ostrovina"
        line = journal_lines(session)[-1]
        assert line["form"]["releases"][0]["releasees"] == [ZOE, "Marta Ostrovina"]
        assert line["links"] == {PATH: [span.id]}

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()


NOWAK_TEXT = "date 2024-12-08 Kestria freed Józef Nowak and Jozef Nowak to Norvania.\n"


def test_ctrl_l_keeps_an_item_closer_to_another_span(tmp_path: Path) -> None:
    """A typed "józef nowak" is "Józef Nowak" case aside, "Jozef Nowak" only as the search
    folds accents: ctrl+l on "Jozef Nowak" adds it beside the item (a trial's replaced it,
    another person's name, with no word)."""
    session = session_on(tmp_path, NOWAK_TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words in ("Józef Nowak", "Jozef Nowak"):
            start = NOWAK_TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), "releasee")
        plain = next(span for span in session.record.spans if span.text == "Jozef Nowak")
        screen.change(session.add_group_item, "releases")
        screen.change(session.set_field, PATH, "józef nowak")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await pilot.pause()
        await press(pilot, "ctrl+l", "down", "enter")
        await wait_for(pilot, lambda: "Jozef Nowak" in field.value)
        assert session.field_value(PATH) == ["józef nowak", "Jozef Nowak"]
        assert field.value == "józef nowak, Jozef Nowak"
        line = journal_lines(session)[-1]
        assert line["form"]["releases"][0]["releasees"] == ["józef nowak", "Jozef Nowak"]
        assert line["links"] == {PATH: [plain.id]}

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()
