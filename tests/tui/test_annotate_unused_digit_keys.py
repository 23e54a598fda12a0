"""Pilot: a digit no label of the scheme takes says so and which keys label (a trial's 5, with
the default scheme's four labels, did nothing and said nothing while a selection showed). The
digits come from the scheme."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.scheme import load_default_scheme
from annotator.tui.app import AnnotatorApp
from annotator.tui.keys import unused_digit_bindings
from tests.test_session_data import session_on

TEXT = "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
SAID_OF_5 = "5 is not a label key here (1 actor, 2 count, 3 date, 4 releasee)"


def test_a_digit_no_label_takes_says_so_and_labels_nothing(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).article
        await press(pilot, "slash", *"146 prisoners", "enter")
        app.clear_notifications()  # the search's
        await press(pilot, "5")
        assert toasts(app) == [SAID_OF_5]
        assert session.record.spans == [] and journal(session) == []
        assert article.selected_text == "146 prisoners" and article.has_focus
        await press(pilot, "9", "0")  # each says it in the place of the one before
        assert toasts(app) == [SAID_OF_5.replace("5", "0", 1)]
        # A label key that labels takes it away: no longer what is true.
        await press(pilot, "4")
        assert [span["label"] for span in journal(session)[-1]["spans"]] == ["releasee"]
        # The message goes as the label is drawn: waited for (a loaded CI's run asserted
        # before the screen had caught up with the journal).
        await wait_for(pilot, lambda: not any("is not a label key" in s for s in toasts(app)))

    try:
        drive(session, scenario, size=(80, 24), notifications=True)
    finally:
        session.close()


def test_the_digits_said_are_those_the_schemes_labels_leave() -> None:
    scheme = load_default_scheme()
    assert [binding.key for binding in unused_digit_bindings(scheme)] == [*"56789", "0"]
    first = scheme.labels[0].model_copy(update={"key": "7"})
    other = scheme.model_copy(update={"labels": [first, *scheme.labels[1:]]})
    keys = [binding.key for binding in unused_digit_bindings(other)]
    assert keys == [*"1568", "9", "0"]
    assert unused_digit_bindings(other)[0].action == "not_a_label_key('1')"
