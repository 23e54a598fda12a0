"""Pilot: README's "Your first article" walk, key for key, annotates sample_docs/01 whole, as the
README says. The walk's searches and label keys are read from the README itself, so an edit of
the walk that no longer gives this journal (or of the journal that the walk no longer gives)
fails here rather than on a newcomer's first day."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_choice import ChoiceSelect
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import fixed_now

ROOT = Path(__file__).parents[2]
FIRST = "01-arbela-pow-swap"

# Each span step of the walk: the search typed after "/", whether ctrl+shift+← follows, the
# label key. What the README's steps 1 and 2 must say (they are read from it below).
SPAN_STEPS = [
    ("Norvania and", True, "1"),
    ("Kestria", False, "1"),
    ("95 prisoners of war", False, "4"),
    ("95", False, "2"),
    ("Sunday", False, "3"),
]
# The fields of a release the walk fills, in the order the README names them (tab for each
# but the last, enter on the last).
RELEASE_FIELDS = ["released_by", "received_by", "count", "date", "releasees"]


def first_article_text() -> str:
    """The README's "Your first article" section, its lines joined by single spaces."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^### Your first article\n(.*?)^### ", readme, re.DOTALL | re.MULTILINE)
    assert found is not None, 'README.md has no "### Your first article" section'
    return " ".join(found.group(1).split())


def span_steps(walk: str) -> list[tuple[str, bool, str]]:
    """Each "`/words` enter … `N`" of the walk: the words, whether ctrl+shift+← comes between,
    the label key."""
    return [
        (words, "ctrl+shift+←" in between, key)
        for words, between, key in re.findall(r"`/([^`]+)` enter(.*?)`(\d)`", walk)
    ]


def test_the_readme_says_the_walk_this_test_presses() -> None:
    walk = first_article_text()
    for words, _, _ in SPAN_STEPS:
        assert f"`/{words}` enter" in walk
    assert span_steps(walk) == SPAN_STEPS
    for said in (
        "`o` goes to the event form: `e` enter chooses `exchange`.",
        "tab, enter adds a release",
        "its first field ctrl+l lists the spans",
        "tab takes the highlighted one and goes on to the next field with its list open (enter "
        "on the last)",
        "giver, receiver, count, date, releasees, each linked to its span",
        "escape goes back to the article, `d` marks it done",
    ):
        assert said in walk


def list_shown(app: AnnotatorApp) -> str | None:
    """The title of the list of spans on screen ("Fill releases #1 count"), None without."""
    screen = app.screen
    return screen.what if isinstance(screen, SpanPickScreen) else None


def field_of(app: AnnotatorApp, name: str) -> Callable[[], Input | None]:
    """The input of the first release's field ``name`` as the form shows it now (None before
    the release is added)."""
    path = f"releases[0].{name}"
    return lambda: next((w for w in screen_of(app).query(Input) if w.name == path), None)


def adding_a_release(app: AnnotatorApp) -> bool:
    """Whether the focus is on the button that adds a release."""
    focused = screen_of(app).focused
    return isinstance(focused, Button) and str(focused.label) == "+ add to releases"


def span_tuples(line: dict[str, Any]) -> list[tuple[str, int, int, str, Any]]:
    return [
        (span["label"], span["start"], span["end"], span["text"], span.get("value"))
        for span in line["spans"]
    ]


def test_the_first_article_walk_annotates_it_whole(tmp_path: Path) -> None:
    steps = span_steps(first_article_text())
    corpus = tmp_path / "sample_docs"
    shutil.copytree(ROOT / "sample_docs", corpus)
    session = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert session.document.id == FIRST
        article = screen_of(app).article
        # Steps 1 and 2: search, maybe leave the last word out, label.
        for count, (words, word_out, key) in enumerate(steps, start=1):
            await press(pilot, "slash", *words, "enter")
            await wait_for(pilot, lambda words=words: article.selected_text == words)
            if word_out:
                await press(pilot, "ctrl+shift+left")
            await press(pilot, key)
            await wait_for(pilot, lambda count=count: len(session.record.spans) == count)

        # Step 3: the event type by its letter, a release added, its fields filled from lists.
        await press(pilot, "o")
        choice = screen_of(app).query_one(ChoiceSelect)
        await wait_for(pilot, lambda: choice.has_focus)
        await press(pilot, "e")
        await wait_for(pilot, lambda: choice.expanded)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: choice.value == "exchange" and not choice.expanded)
        await press(pilot, "tab")
        await wait_for(pilot, lambda: adding_a_release(app))
        await press(pilot, "enter")
        first = field_of(app, RELEASE_FIELDS[0])
        await wait_for(pilot, lambda: first() is not None and screen_of(app).focused is first())
        await press(pilot, "ctrl+l")
        await wait_for(pilot, lambda: list_shown(app) == f"Fill releases #1 {RELEASE_FIELDS[0]}")
        for name in RELEASE_FIELDS[1:]:
            await press(pilot, "tab")  # takes the highlighted span, opens the next field's list
            await wait_for(pilot, lambda name=name: list_shown(app) == f"Fill releases #1 {name}")
        await press(pilot, "enter")  # the last field's
        await wait_for(pilot, lambda: list_shown(app) is None)
        await wait_for(pilot, lambda: "releases[0].releasees" in session.record.links)

        # Step 4: back to the article, done.
        await press(pilot, "escape")
        await wait_for(pilot, lambda: screen_of(app).focused is article)
        await press(pilot, "d")
        await wait_for(pilot, lambda: session.document.id != FIRST)

    try:
        drive(session, scenario)
        line = [line for line in journal(session) if line["doc_id"] == FIRST][-1]
    finally:
        session.close()

    assert line["status"] == "done"
    # In the journal's order: by offsets, the shorter of two from one start first.
    assert span_tuples(line) == [
        ("actor", 35, 43, "Norvania", None),
        ("actor", 48, 55, "Kestria", None),
        ("count", 66, 68, "95", 95),
        ("releasee", 66, 85, "95 prisoners of war", None),
        ("date", 94, 100, "Sunday", "2024-03-17"),
    ]
    assert line["form"] == {
        "event_type": "exchange",
        "releases": [
            {
                "released_by": "Norvania",
                "received_by": "Kestria",
                "count": 95,
                "date": "2024-03-17",
                "releasees": ["95 prisoners of war"],
            }
        ],
    }
    spans = {span["id"]: (span["label"], span["text"]) for span in line["spans"]}
    linked = {path: [spans[span_id] for span_id in ids] for path, ids in line["links"].items()}
    assert linked == {
        "releases[0].released_by": [("actor", "Norvania")],
        "releases[0].received_by": [("actor", "Kestria")],
        "releases[0].count": [("count", "95")],
        "releases[0].date": [("date", "Sunday")],
        "releases[0].releasees": [("releasee", "95 prisoners of war")],
    }
