"""Pilot: letters typed on a choice of the event form go to the choice they begin, as in any
select list (they were refused, "letters do nothing here", then dropped unsaid): closed, the
list opens with it highlighted; the same letter again goes round the choices it begins; a few
letters typed quickly narrow it; enter takes it. A letter no choice begins with is said."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import OptionList, Select

from annotator.core.scheme import default_scheme_path
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_choice import ChoiceSelect, choice_typed
from tests.test_session_data import fixed_now

DEFAULT_CHOICES = [
    "exchange",
    "unilateral_release",
    "repatriation_of_remains",
    "announcement",
    "not_relevant",
]
# Two choices in "u", two in "un": going round and narrowing have something to do.
CHOICES = ["exchange", "unilateral_release", "unconfirmed", "undisclosed", "not_relevant"]


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


def highlighted(select: Select[str]) -> str | None:
    """The choice highlighted in the open list (None: the list is closed, or on the prompt)."""
    if not select.expanded:
        return None
    overlay = select.query_one("SelectOverlay", OptionList)
    index = overlay.highlighted
    return None if not index else str(overlay.get_option_at_index(index).prompt)


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Letters typed in a test always come within the pause (a loaded machine's keys may be
    seconds apart): narrowing is what is tested."""
    monkeypatch.setattr(ChoiceSelect, "TYPING_PAUSE", 3600.0)


@pytest.fixture
def more_choices(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    text = default_scheme_path().read_text(encoding="utf-8")
    old = "choices = [" + ", ".join(f'"{choice}"' for choice in DEFAULT_CHOICES) + "]"
    assert old in text
    scheme = tmp_path / "more_choices.toml"
    scheme.write_text(
        text.replace(old, "choices = [" + ", ".join(f'"{c}"' for c in CHOICES) + "]"),
        encoding="utf-8",
    )
    guidelines = default_scheme_path().with_name("prisoner_exchange.md")
    (tmp_path / guidelines.name).write_text(guidelines.read_text(encoding="utf-8"))
    opened = open_session(corpus, "alice", scheme, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def test_choice_typed_goes_round_one_letter_and_narrows_with_more() -> None:
    assert choice_typed(CHOICES, "u", None) == 1
    assert choice_typed(CHOICES, "U", None) == 1  # case aside
    assert choice_typed(CHOICES, "uu", 1) == 2
    assert choice_typed(CHOICES, "uuu", 2) == 3
    assert choice_typed(CHOICES, "uuuu", 3) == 1  # round to the first again
    assert choice_typed(CHOICES, "u", 0) == 1  # from another letter's choice: its first
    assert choice_typed(CHOICES, "und", 1) == 3
    assert choice_typed(CHOICES, "uni", 1) == 1  # the one highlighted still fits: it stays
    assert choice_typed(CHOICES, "n", 1) == 4
    assert choice_typed(CHOICES, "x", None) is None
    assert choice_typed(CHOICES, "unz", 1) is None


def test_a_letter_opens_the_list_at_its_choice_and_enter_takes_it(
    session: AnnotationSession, quick: None
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()  # the welcome
        await press(pilot, "o")
        select = screen_of(app).query_one(ChoiceSelect)
        assert select.has_focus and not select.expanded
        before = journal(session)

        # u, the way a person picks from a select list: unilateral_release, highlighted only.
        await press(pilot, "u")
        await wait_for(pilot, lambda: select.expanded)
        assert highlighted(select) == "unilateral_release"
        assert select.value is Select.NULL and journal(session) == before
        assert not any("letters do nothing" in text for text in said(app))

        # Letters narrow while the list is open: "r", "e" is repatriation_of_remains, never
        # exchange; enter takes it and closes the list, the focus back on the choice.
        await press(pilot, "escape")
        await wait_for(pilot, lambda: not select.expanded and select.has_focus)
        await press(pilot, "r", "e")
        assert highlighted(select) == "repatriation_of_remains"
        await press(pilot, "enter")
        await wait_for(pilot, lambda: select.value == "repatriation_of_remains")
        assert not select.expanded and select.has_focus
        assert journal(session)[-1]["form"]["event_type"] == "repatriation_of_remains"
        assert session.record.form["event_type"] == "repatriation_of_remains"

    drive(session, scenario, notifications=True)


def test_a_letter_no_choice_begins_with_is_said_and_changes_nothing(
    session: AnnotationSession, quick: None
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()
        await press(pilot, "o")
        select = screen_of(app).query_one(ChoiceSelect)
        before = journal(session)

        # Closed: nothing opens, and the message says enter lists the choices; said again
        # for the next such letter (never only once per control, as "do nothing" was).
        await press(pilot, "z")
        await wait_for(pilot, lambda: bool(said(app)))
        assert said(app) == ["no choice of event_type begins with 'z' (enter lists them)"]
        assert not select.expanded and select.has_focus
        await press(pilot, "x")
        assert said(app) == ["no choice of event_type begins with 'x' (enter lists them)"]

        # Open: the letter is not kept, so the next one adds to those before it ("a", "z"
        # refused, "n": announcement), and the message goes once a letter is taken.
        await press(pilot, "a")
        await wait_for(pilot, lambda: select.expanded)
        assert said(app) == []
        await press(pilot, "z")
        assert said(app) == ["no choice of event_type begins with 'az'"]
        assert highlighted(select) == "announcement"
        await press(pilot, "n")
        assert highlighted(select) == "announcement"
        assert said(app) == []
        assert journal(session) == before and select.value is Select.NULL

    drive(session, scenario, notifications=True)


def test_the_same_letter_goes_round_its_choices(
    more_choices: AnnotationSession, quick: None
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o")
        select = screen_of(app).query_one(ChoiceSelect)
        seen = []
        for _ in range(4):
            await press(pilot, "u")
            await wait_for(pilot, lambda: select.expanded)
            seen.append(highlighted(select))
        assert seen == ["unilateral_release", "unconfirmed", "undisclosed", "unilateral_release"]
        await press(pilot, "enter")
        await wait_for(pilot, lambda: select.value == "unilateral_release")

        # Closed on a choice: its letter goes on to the next choice it begins, and letters
        # that follow narrow from there ("u", "n", "d": undisclosed).
        await press(pilot, "u")
        await wait_for(pilot, lambda: select.expanded)
        assert highlighted(select) == "unconfirmed"
        await press(pilot, "n", "d", "enter")
        await wait_for(pilot, lambda: select.value == "undisclosed")
        assert journal(more_choices)[-1]["form"]["event_type"] == "undisclosed"

    drive(more_choices, scenario)


def test_after_a_pause_a_letter_starts_anew(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every key after a pause: "r", "e" is exchange, the "r" forgotten.
    monkeypatch.setattr(ChoiceSelect, "TYPING_PAUSE", -1.0)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o", "r")
        select = screen_of(app).query_one(ChoiceSelect)
        await wait_for(pilot, lambda: select.expanded)
        assert highlighted(select) == "repatriation_of_remains"
        await press(pilot, "e", "enter")
        await wait_for(pilot, lambda: select.value == "exchange")
        assert journal(session)[-1]["form"]["event_type"] == "exchange"

    drive(session, scenario)
