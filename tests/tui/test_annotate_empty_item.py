"""Pilot: an item of a group added by a slip of enter and left empty (a user trial: enter on
"+ add to releases" by accident, then d accepted the article with the empty item) stops d,
which says how to remove it; tab reaches the item's remove button, enter removes it, and d
then marks the article done, its refusal gone."""

from __future__ import annotations

from typing import Any

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

EMPTY = (
    "not done: releases #2 is empty; fill it, or tab to its remove button and press enter "
    "(o opens the form)"
)


def said(app: AnnotatorApp) -> str:
    return " ".join(" ".join(toasts(app)).split())  # a toast wraps its lines


def last_of_a(session: AnnotationSession) -> dict[str, Any]:
    return [line for line in journal(session) if line["doc_id"] == "a"][-1]


def test_d_refuses_an_empty_item_until_tab_and_enter_remove_it(
    session: AnnotationSession,
) -> None:
    for doc_id in ("b", "c"):  # a is the last unfinished one: d stays on it
        session.open(doc_id)
        session.skip()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await wait_for(pilot, lambda: session.document.id == "a")

        def has(path: str) -> bool:
            return any(w.name == path for w in screen.query(Input))

        # "Russia" labelled actor, the event type chosen, a release filled from the span.
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1", "left")
        await press(pilot, "o", "enter", "down", "down", "enter", "tab", "enter")
        await wait_for(pilot, lambda: has("releases[0].released_by"))
        await press(pilot, "ctrl+l", "enter")
        # Past its fields and its remove button, enter on "+ add to releases" by a slip.
        await press(pilot, *["tab"] * 6)
        add = screen.focused
        assert isinstance(add, Button) and add.has_class("add-item")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: has("releases[1].released_by"))

        # d from the article: refused, saying which item and how to remove it.
        await press(pilot, "escape", "d")
        await wait_for(pilot, lambda: EMPTY in said(app))
        line = last_of_a(session)
        assert line["status"] == "in_progress"
        assert len(line["form"]["releases"]) == 2

        # As it says: back to the form (the empty item's first field), tab past its fields to
        # its remove button, enter.
        await press(pilot, "o", *["tab"] * 5)
        remove = screen.focused
        assert isinstance(remove, Button) and remove.has_class("remove-item")
        assert remove.name == "1"
        await press(pilot, "enter")
        await wait_for(pilot, lambda: not has("releases[1].released_by"))
        # The place is kept: the item before's first field, not the top of the form, nor a
        # remove button (a second enter would remove another item).
        kept = screen.focused
        assert isinstance(kept, Input) and kept.name == "releases[0].released_by"
        line = last_of_a(session)
        assert line["form"]["releases"] == [
            {
                "released_by": "Russia",
                "received_by": None,
                "count": None,
                "date": None,
                "releasees": [],
            }
        ]
        assert line["links"] == {"releases[0].released_by": ["s1"]}
        assert EMPTY not in said(app)  # no longer true: d works now

        # Back to the article, d: done.
        await press(pilot, "escape")
        assert screen.query_one(ArticleView).has_focus
        await press(pilot, "d")
        await wait_for(pilot, lambda: "every document is finished" in said(app))
        assert last_of_a(session)["status"] == "done"
        assert EMPTY not in said(app)

    drive(session, scenario, notifications=True)
