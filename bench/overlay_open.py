"""Opening the annotation screen's overlays: help (``?``), the document list (``l``) and the
guidelines pane (``g``), at 160x45, in process (``App.run_test``, headless), on sample_docs/ and
on one generated article of 1 MB holding 5,000 spans (bench/tui_latency_articles.py).

Each figure is the time from the key press to the end of the first screen refresh that painted
the overlay (the screen on top is the overlay, its content arranged with a size, so drawn in
that refresh); closing it (escape, or g again) is timed the same way, to the first refresh of
the annotation screen without it. Pilot's press + pause waits for the CPU to rest as well (about
80 ms of its own): the paint, not the pause, is what is timed.

Baseline, measured in the same run: a trivial ModalScreen (one Label in a box) pushed by a key
bound on the app for the bench, and the same with a compact Footer, which every overlay of the
app has. The first opening of each is given apart (help's keys gathered, the guidelines' file
read and parsed); the others are medians of RUNS.

Goal: each overlay within 2x the trivial screen.
Run from the project folder: python -m bench.overlay_open
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Label

from annotator.core.session import open_session
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.guidelines_view import GuidelinesView
from annotator.tui.screens import DocListScreen, HelpScreen
from bench._common import ms
from bench.tui_latency_articles import BIG_SPANS, big_text, spans_for, write_corpus, write_journal

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = ROOT / "sample_docs"
SIZE = (160, 45)
RUNS = 9
GOAL_RATIO = 2.0


class TrivialScreen(ModalScreen[None]):
    """The baseline: a box with one line of text, escape closes it."""

    DEFAULT_CSS = """
    TrivialScreen { align: center middle; }
    TrivialScreen > Vertical { width: 60; height: auto; border: round $primary; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]
    with_footer = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("a trivial screen", id="trivial")
        if self.with_footer:
            yield Footer(compact=True)


class TrivialWithFooter(TrivialScreen):
    with_footer = True


class BenchApp(AnnotatorApp):
    """The annotation app with two more keys, for the baselines."""

    # A relative CSS_PATH is read beside the module of the class that names it: this one's.
    CSS_PATH = str(ROOT / "annotator" / "tui" / AnnotatorApp.CSS_PATH)

    BINDINGS: ClassVar[list[BindingType]] = [
        *AnnotatorApp.BINDINGS,
        Binding("f9", "trivial(0)", "Trivial screen", show=False),
        Binding("f10", "trivial(1)", "Trivial screen with a footer", show=False),
    ]

    def action_trivial(self, footer: int) -> None:
        self.push_screen(TrivialWithFooter() if footer else TrivialScreen())


def sized(widget: Widget) -> bool:
    return widget.region.width > 0 and widget.region.height > 0


@dataclass
class Overlay:
    name: str
    key: str
    close: str
    # True once the overlay is on screen with its content arranged (app, annotation screen).
    shown: Callable[[Any, AnnotateScreen], bool]
    first: float = 0.0
    opens: list[float] = field(default_factory=list)
    closes: list[float] = field(default_factory=list)


def _help_shown(app: Any, _screen: AnnotateScreen) -> bool:
    return isinstance(app.screen, HelpScreen) and sized(app.screen.query_one("#help-table"))


def _list_shown(app: Any, _screen: AnnotateScreen) -> bool:
    if not isinstance(app.screen, DocListScreen):
        return False
    options = app.screen.query_one("#doc-options")
    return options.option_count > 0 and sized(options)


def _guidelines_shown(_app: Any, screen: AnnotateScreen) -> bool:
    view = screen.query_one(GuidelinesView)
    return bool(view.display and sized(view) and view.children and sized(view.children[0]))


def _trivial_shown(kind: type[TrivialScreen]) -> Callable[[Any, AnnotateScreen], bool]:
    def shown(app: Any, _screen: AnnotateScreen) -> bool:
        return type(app.screen) is kind and sized(app.screen.query_one("#trivial"))

    return shown


def overlays() -> list[Overlay]:
    return [
        Overlay("trivial ModalScreen (baseline)", "f9", "escape", _trivial_shown(TrivialScreen)),
        Overlay("trivial + compact Footer", "f10", "escape", _trivial_shown(TrivialWithFooter)),
        Overlay("? help", "question_mark", "escape", _help_shown),
        Overlay("l document list", "l", "escape", _list_shown),
        Overlay("g guidelines", "g", "g", _guidelines_shown),
    ]


class RefreshClock:
    """When a refresh of the screen on top last ended in a state ``want`` accepts: wraps every
    screen's compositor refresh (the step that writes the arranged screen to the terminal)."""

    def __init__(self, app: Any, screen: AnnotateScreen) -> None:
        self.app, self.screen = app, screen
        self.want: Callable[[Any, AnnotateScreen], bool] | None = None
        self.when: float | None = None
        clock = self
        refresh = Screen._compositor_refresh

        def timed_refresh(screen_self: Screen[Any]) -> None:
            refresh(screen_self)
            want = clock.want
            if want is not None and clock.when is None and screen_self is app.screen:
                clock.when = time.perf_counter() if want(app, clock.screen) else None

        Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
        self._restore = refresh

    def restore(self) -> None:
        Screen._compositor_refresh = self._restore  # type: ignore[method-assign]

    async def time_key(self, pilot: Any, key: str, want: Callable[..., bool]) -> float:
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


def _closed(overlay: Overlay) -> Callable[[Any, AnnotateScreen], bool]:
    def closed(app: Any, screen: AnnotateScreen) -> bool:
        if overlay.key == "g":
            return not screen.query_one(GuidelinesView).display
        return app.screen is screen

    return closed


async def measure(corpus: Path, out: Path, found: list[Overlay]) -> None:
    session = open_session(corpus, "bench", None, out)
    app = BenchApp(session)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5000):
            if isinstance(app.screen, AnnotateScreen) and session.loaded:
                view = app.screen.query_one(ArticleView)
                if view.text_original and not view.loading:
                    break
            await asyncio.sleep(0.002)
        else:
            raise RuntimeError("the article never showed")
        screen = app.screen
        assert isinstance(screen, AnnotateScreen)
        clock = RefreshClock(app, screen)
        try:
            for number in range(RUNS + 1):
                for overlay in found:
                    opened = await clock.time_key(pilot, overlay.key, overlay.shown)
                    closed = await clock.time_key(pilot, overlay.close, _closed(overlay))
                    if number == 0:
                        overlay.first = opened
                    else:
                        overlay.opens.append(opened)
                        overlay.closes.append(closed)
        finally:
            clock.restore()
    session.close()


def report(title: str, found: list[Overlay]) -> None:
    baseline = statistics.median(found[0].opens)
    print(f"{title}:")
    print(f"  {'':<32} {'open':>10} {'x baseline':>11} {'first':>10} {'close':>10}")
    for overlay in found:
        opened = statistics.median(overlay.opens)
        closed = statistics.median(overlay.closes)
        ratio = opened / baseline
        goal = ""
        if overlay.key not in ("f9", "f10"):
            goal = f"   goal <= {GOAL_RATIO:.0f}x: {'met' if ratio <= GOAL_RATIO else 'MISSED'}"
        print(
            f"  {overlay.name:<32} {ms(opened):>10} {ratio:>10.1f}x {ms(overlay.first):>10} "
            f"{ms(closed):>10}{goal}"
        )


def main() -> None:
    results: dict[str, list[Overlay]] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        articles = len(list(SAMPLE_DOCS.glob("*.txt")))
        small = results[f"{SAMPLE_DOCS.name}/ ({articles} articles)"] = overlays()
        (folder / "out-small").mkdir()
        asyncio.run(measure(SAMPLE_DOCS, folder / "out-small", small))
        text = big_text()
        article = write_corpus(folder, "big", text, spans_for(text, BIG_SPANS))
        write_journal(folder / "out-big", article)
        big = results[f"one generated article of {article.size}"] = overlays()
        asyncio.run(measure(article.folder, folder / "out-big", big))
    print(
        f"overlays of the annotation screen, {SIZE[0]}x{SIZE[1]}: key press to the first "
        f"refresh that painted it, median of {RUNS} (first opening apart); {os.cpu_count()} "
        f"CPUs, load average {os.getloadavg()[0]:.2f} at the end"
    )
    for title, found in results.items():
        report(title, found)


if __name__ == "__main__":
    main()
