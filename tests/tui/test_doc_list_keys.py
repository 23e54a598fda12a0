"""The document lists of both apps with 3,000 documents: home and end (ctrl+home, ctrl+end too)
go to the first and the last row while the focus is in the filter (a trial's did nothing), a
filter that leaves none says so, and the filter folds case and accents as ``/`` does."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList

from annotator.core.review_documents import ReviewEntry
from annotator.core.session_progress import DocEntry
from annotator.tui.filtered_list import ROWS_SHOWN
from annotator.tui.review_doc_list import ReviewDocListScreen
from annotator.tui.screens import DocListScreen

COUNT = 3000
IDS = [f"doc-{number:04}" for number in range(COUNT - 1)] + ["Józef-Ćwik-Interview"]


def annotate_list() -> DocListScreen:
    entries = [DocEntry(doc_id, number, "new", False) for number, doc_id in enumerate(IDS)]
    return DocListScreen(entries, IDS[1500])


def review_list() -> ReviewDocListScreen:
    entries = [ReviewEntry(doc_id, number, 1, False) for number, doc_id in enumerate(IDS)]
    return ReviewDocListScreen(entries, IDS[1500])


LISTS = [annotate_list, review_list]


def run(screen: Screen[Any], scenario: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def main() -> None:
        app: App[None] = App()
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(screen)
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


def highlighted_id(screen: Screen[Any]) -> str | None:
    option = screen.query_one("#doc-options", OptionList).highlighted_option
    return None if option is None else option.id


def rows(screen: Screen[Any]) -> list[str]:
    options = screen.query_one("#doc-options", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("make", LISTS)
def test_home_and_end_go_to_the_first_and_last_row(make: Callable[[], Screen[Any]]) -> None:
    screen = make()

    async def scenario(pilot: Pilot[None]) -> None:
        assert isinstance(screen.focused, Input) and highlighted_id(screen) == IDS[1500]
        await pilot.press("end")
        assert highlighted_id(screen) == IDS[-1]
        await pilot.press("home")
        assert highlighted_id(screen) == IDS[0]
        await pilot.press("ctrl+end")
        assert highlighted_id(screen) == IDS[-1]
        await pilot.press("ctrl+home")
        assert highlighted_id(screen) == IDS[0]
        await pilot.press("down")
        assert highlighted_id(screen) == IDS[1]
        # The filter keeps the focus; ctrl+a and ctrl+e still move in it.
        await pilot.press(*"doc-", "ctrl+a", "x")
        await pilot.pause()
        filter_box = screen.query_one("#doc-filter", Input)
        assert filter_box.has_focus and filter_box.value == "xdoc-"
        # The footer says it (its keys looked up by their CSS type name: not public).
        said = " ".join(str(key.render()).strip() for key in screen.query("FooterKey"))
        assert "home First" in said and "end Last" in said, said

    run(screen, scenario)


@pytest.mark.parametrize("make", LISTS)
def test_a_filter_that_leaves_none_says_so(make: Callable[[], Screen[Any]]) -> None:
    screen = make()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press(*"xyz")
        await pilot.pause()
        assert rows(screen) == ["no documents match 'xyz'"]
        # Nothing to move to, nothing to open.
        await pilot.press("down", "end", "enter")
        await pilot.pause()
        assert app_screen_is(screen, pilot)
        assert highlighted_id(screen) is None
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause()
        assert held_in_all(rows(screen)) == COUNT

    run(screen, scenario)


def held_in_all(shown: list[str]) -> int:
    """The documents a list's rows stand for: those it holds, and those its "… N more" lines
    count (it holds ``ROWS_SHOWN`` at most)."""
    more = [row for row in shown if row.startswith("… ")]
    assert len(shown) - len(more) <= ROWS_SHOWN
    return len(shown) - len(more) + sum(int(row.split()[1].replace(",", "")) for row in more)


@pytest.mark.parametrize("make", LISTS)
def test_a_long_list_holds_rows_around_the_one_moved_to(make: Callable[[], Screen[Any]]) -> None:
    # 3,000 documents: the list holds 400 of them at a time (a list of 10,000 took a second or
    # two at each key typed), says how many more are above and below, and moves its rows
    # along when the highlight goes past them.
    screen = make()

    async def scenario(pilot: Pilot[None]) -> None:
        shown = rows(screen)
        assert held_in_all(shown) == COUNT
        assert len(shown) <= ROWS_SHOWN + 2
        await pilot.press("home")
        await pilot.pause()
        assert highlighted_id(screen) == "doc-0000"
        assert rows(screen)[-1] == f"… {COUNT - ROWS_SHOWN:,} more below: type to narrow the list"
        for _ in range(ROWS_SHOWN // 10 + 1):  # page down past the rows held
            await pilot.press("pagedown")
        await pilot.pause()
        assert highlighted_id(screen) == f"doc-{(ROWS_SHOWN // 10 + 1) * 10:04d}"
        assert rows(screen)[0].startswith("… ") and "more above" in rows(screen)[0]
        await pilot.press("up")
        await pilot.pause()
        assert highlighted_id(screen) == f"doc-{(ROWS_SHOWN // 10 + 1) * 10 - 1:04d}"

    run(screen, scenario)


def app_screen_is(screen: Screen[Any], pilot: Pilot[None]) -> bool:
    return pilot.app.screen is screen


@pytest.mark.parametrize("make", LISTS)
@pytest.mark.parametrize("typed", ["jozef cwik", "JÓZEF", "józef-ćwik"])
def test_the_filter_folds_case_and_accents(make: Callable[[], Screen[Any]], typed: str) -> None:
    screen = make()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press(*typed)
        await pilot.pause()
        assert len(rows(screen)) == 1 and highlighted_id(screen) == IDS[-1]

    run(screen, scenario)
