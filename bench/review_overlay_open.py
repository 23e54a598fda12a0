"""Opening the review screen's overlays: help (``?``), the document list (``l``), the gold
form (``g``), at 160x45, in process (``App.run_test``, headless), on the review of
tests/test_review_session_data.py (two documents, two annotators: the screen's widgets do not
grow with the corpus).

Beside the times, the nodes restyled (``Stylesheet.update_nodes``) at each opening and closing,
which the machine's load does not change, and the time that took. Each time is from the key
press to the end of the first refresh of the screen on top that shows the overlay (or, closing
it with escape, the review screen again): medians of RUNS, the first opening apart.
bench/overlay_open.py times the annotation screen's likewise.
Run from the project folder: python -m bench.review_overlay_open
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_screen import ReviewScreen
from bench._common import ms
from tests.test_review_session_data import write_review_case

ROOT = Path(__file__).resolve().parent.parent
SIZE = (160, 45)
RUNS = 9
KEYS = [("? help", "question_mark"), ("l documents", "l"), ("g gold form", "g")]


@dataclass
class Overlay:
    name: str
    key: str
    first: float = 0.0
    opens: list[float] = field(default_factory=list)
    closes: list[float] = field(default_factory=list)
    restyled: list[int] = field(default_factory=list)  # nodes, an opening and closing
    restyling: list[float] = field(default_factory=list)  # the seconds restyling them took


def _on_top(app: Any) -> bool:
    """An overlay is on top, laid out: its first widget has a size."""
    screen = app.screen
    if isinstance(screen, ReviewScreen) or not screen.children:
        return False
    return bool(screen.children[0].region.width)


def _back(app: Any) -> bool:
    return isinstance(app.screen, ReviewScreen)


class RefreshClock:
    """When a refresh of the screen on top last ended in a state ``want`` accepts; and how
    many nodes were restyled since ``restyled`` was last set to 0."""

    def __init__(self, app: Any) -> None:
        self.want: Callable[[Any], bool] | None = None
        self.when: float | None = None
        self.restyled = 0
        self.restyling = 0.0  # seconds in ``update_nodes``, since ``restyled`` was set to 0
        clock, refresh, update = self, Screen._compositor_refresh, Stylesheet.update_nodes

        def counted_update(
            sheet: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False
        ) -> None:
            nodes = list(nodes)
            clock.restyled += len(nodes)
            start = time.perf_counter()
            update(sheet, nodes, animate)
            clock.restyling += time.perf_counter() - start

        def timed_refresh(screen_self: Screen[Any]) -> None:
            refresh(screen_self)
            want = clock.want
            if want is not None and clock.when is None and screen_self is app.screen:
                clock.when = time.perf_counter() if want(app) else None

        Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
        Stylesheet.update_nodes = counted_update  # type: ignore[method-assign]
        self._restore = refresh, update

    def restore(self) -> None:
        Screen._compositor_refresh = self._restore[0]  # type: ignore[method-assign]
        Stylesheet.update_nodes = self._restore[1]  # type: ignore[method-assign]

    async def time_key(self, pilot: Any, key: str, want: Callable[[Any], bool]) -> float:
        await pilot.pause()
        self.want, self.when = want, None
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        for _ in range(500):  # a refresh still to come after the pause
            if self.when is not None:
                break
            await asyncio.sleep(0.01)
        self.want = None
        if self.when is None:
            raise RuntimeError(f"{key}: the screen never showed what was expected")
        return self.when - start


async def measure(folder: Path, found: list[Overlay]) -> int:
    """Time each overlay of ``found``; the number of widgets on the review screen."""
    case = write_review_case(folder)
    files = [case["alice"], case["bob"]]
    session = open_review(files, case["corpus"], case["gold"], "bench", scheme_path=case["scheme"])
    app = ReviewApp(session)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5000):
            if isinstance(app.screen, ReviewScreen) and app.screen.query_one("#article").region:
                break
            await asyncio.sleep(0.002)
        await pilot.pause()
        widgets = len(list(app.screen.walk_children()))
        clock = RefreshClock(app)
        try:
            for number in range(RUNS + 1):
                for overlay in found:
                    await pilot.pause()
                    clock.restyled, clock.restyling = 0, 0.0
                    opened = await clock.time_key(pilot, overlay.key, _on_top)
                    closed = await clock.time_key(pilot, "escape", _back)
                    await pilot.pause()
                    overlay.restyled.append(clock.restyled)
                    overlay.restyling.append(clock.restyling)
                    if number == 0:
                        overlay.first = opened
                    else:
                        overlay.opens.append(opened)
                        overlay.closes.append(closed)
        finally:
            clock.restore()
    session.close()
    return widgets


def main() -> None:
    found = [Overlay(name, key) for name, key in KEYS]
    with tempfile.TemporaryDirectory() as name:
        widgets = asyncio.run(measure(Path(name), found))
    print(
        f"overlays of the review screen ({widgets} widgets), {SIZE[0]}x{SIZE[1]}: key press to "
        f"the first refresh that painted it, median of {RUNS} (first opening apart); "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end"
    )
    heads = f"{'open':>10} {'first':>10} {'close':>10} {'nodes restyled':>15} {'in':>10}"
    print(f"  {'':<16} {heads}")
    for overlay in found:
        opened, closed = statistics.median(overlay.opens), statistics.median(overlay.closes)
        restyled = statistics.median(overlay.restyled)
        restyling = statistics.median(overlay.restyling)
        times = f"{ms(opened):>10} {ms(overlay.first):>10} {ms(closed):>10}"
        print(f"  {overlay.name:<16} {times} {restyled:>15.0f} {ms(restyling):>10}")


if __name__ == "__main__":
    main()
