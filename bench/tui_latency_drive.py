"""Driving the annotation app for the latency bench: Pilot rounds of keys and resizes, start-ups."""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.corpus import normalise_txt
from bench.tui_latency_articles import Article, write_journal

SIZE = (160, 45)
OTHER_SIZE = (130, 40)
RESIZES_PER_ROUND = 10
STARTS = 5


# -------------------------------------------------------------- measuring
@dataclass
class Timings:
    # Pilot press + pause: until the app is idle again (Pilot waits for the CPU to rest).
    presses: list[float] = field(default_factory=list)
    label: list[float] = field(default_factory=list)
    # Key press to the end of the first screen refresh that drew the article again.
    repaint: list[float] = field(default_factory=list)
    repaint_shift_right: list[float] = field(default_factory=list)
    repaint_label: list[float] = field(default_factory=list)
    repaint_undo: list[float] = field(default_factory=list)
    render: list[float] = field(default_factory=list)
    resize: list[float] = field(default_factory=list)
    resize_repaint: list[float] = field(default_factory=list)
    shorter_repaint: list[float] = field(default_factory=list)
    rewrap: list[float] = field(default_factory=list)
    startup_in_process: list[float] = field(default_factory=list)


class PaintClock:
    """When the screen last drew the article: wraps the article's ``render_lines`` and the
    screen's compositor refresh (the step that turns rendered lines into terminal output)."""

    def __init__(self, screen: Any, view: Any) -> None:
        self.painted: list[float] = []
        self._article_rendered = False
        render_lines, refresh = view.render_lines, screen._compositor_refresh

        def timed_render_lines(crop: Any) -> Any:
            self._article_rendered = True
            return render_lines(crop)

        def timed_refresh() -> None:
            refresh()
            if self._article_rendered:
                self._article_rendered = False
                self.painted.append(time.perf_counter())

        view.render_lines = timed_render_lines
        screen._compositor_refresh = timed_refresh

    def since(self, start: float, last: bool = False) -> float | None:
        """Seconds from ``start`` to the first (or the last) paint of the article after it."""
        after = [moment for moment in self.painted if moment >= start]
        self.painted.clear()
        if not after:
            return None
        return (after[-1] if last else after[0]) - start


async def one_round(article: Article, out: Path, timings: Timings) -> None:
    from textual.geometry import Region

    from annotator.core.session import open_session
    from annotator.tui.annotate_screen import AnnotateScreen
    from annotator.tui.app import AnnotatorApp
    from annotator.tui.article import ArticleView

    write_journal(out, article)
    session = open_session(article.folder, "bench", None, out)
    app = AnnotatorApp(session)
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        screen: AnnotateScreen | None = None
        for _ in range(5000):
            if isinstance(app.screen, AnnotateScreen) and session.loaded:
                screen = app.screen
                view = screen.query_one(ArticleView)
                if view.text_original and view.spans and not view.loading:
                    break
            await asyncio.sleep(0.002)
        else:
            raise RuntimeError(f"{article.name}: the article never showed")
        await pilot.pause()
        timings.startup_in_process.append(time.perf_counter() - started)
        assert screen is not None
        view = screen.query_one(ArticleView)
        clock = PaintClock(screen, view)

        async def timed(key: str, repaints: list[float], pilot_times: list[float] | None) -> None:
            await pilot.pause()
            clock.painted.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            settled = time.perf_counter() - start
            timings.presses.append(settled)
            if pilot_times is not None:
                pilot_times.append(settled)
            repaint = clock.since(start)
            if repaint is None:
                raise RuntimeError(f"{article.name}: {key} did not repaint the article")
            repaints.append(repaint)
            timings.repaint.append(repaint)

        for target in article.targets:
            view.move_to_offset(target)
            view.scroll_cursor_visible(center=True)
            before = len(session.record.spans)
            for _ in range(3):
                await timed("shift+right", timings.repaint_shift_right, None)
            await timed("1", timings.repaint_label, timings.label)
            if len(session.record.spans) != before + 1:
                raise RuntimeError(f"{article.name}: the label key made no span at {target}")
            await timed("ctrl+z", timings.repaint_undo, None)

        # The render path alone: paint every span again, then render the visible lines.
        spans = session.record.spans
        visible = Region(0, 0, view.size.width, view.size.height)
        for _ in range(10):
            start = time.perf_counter()
            view.set_spans(spans)
            view.render_lines(visible)
            timings.render.append(time.perf_counter() - start)

        async def resize(width: int, height: int, into: list[float], whole: bool) -> None:
            await pilot.pause()
            clock.painted.clear()
            start = time.perf_counter()
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            if whole:  # resize_terminal + pause, for the width changes
                timings.resize.append(time.perf_counter() - start)
            # The screen may draw the article once at the new size before the text area has
            # re-wrapped it: the last paint is the one that shows the re-wrapped text.
            repaint = clock.since(start, last=True)
            if repaint is not None:
                into.append(repaint)

        for number in range(RESIZES_PER_ROUND):
            size = OTHER_SIZE if number % 2 == 0 else SIZE
            await resize(*size, timings.resize_repaint, whole=True)
        for number in range(RESIZES_PER_ROUND):
            width, height = SIZE
            shorter = height - (1 if number % 2 == 0 else 0)
            await resize(width, shorter, timings.shorter_repaint, whole=False)

        for width in (90, 120, 90, 120, 90):
            start = time.perf_counter()
            view.wrapped_document.wrap(width)
            timings.rewrap.append(time.perf_counter() - start)
    session.close()


def run_rounds(article: Article, folder: Path, timings: Timings, round_number: int) -> None:
    out = folder / f"out-{article.name}-{round_number}"
    out.mkdir()
    asyncio.run(one_round(article, out, timings))


# --------------------------------------------------------------- start-up
def environment() -> dict[str, str]:
    # Textual believes COLUMNS and LINES over the terminal itself (readline sets them).
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}


def start_in_tmux(tmux: str, corpus: Path, out: Path, first_line: str) -> float:
    """Seconds from starting the app in a new tmux pane to ``first_line`` on screen."""
    program = Path(sys.executable).parent / "annotator"
    socket = f"annotator-bench-{uuid.uuid4().hex[:12]}"
    base = [tmux, "-u", "-L", socket, "-f", "/dev/null"]
    command = (
        f"{shlex.quote(str(program))} annotate {shlex.quote(str(corpus))} "
        f"--annotator bench --out {shlex.quote(str(out))}"
    )
    env = environment()
    width, height = SIZE
    start = time.perf_counter()
    subprocess.run(
        [*base, "new-session", "-d", "-s", "s", "-x", str(width), "-y", str(height), command],
        check=True,
        env=env,
    )
    socket_path = subprocess.run(
        [*base, "display", "-p", "#{socket_path}"], capture_output=True, text=True, env=env
    ).stdout.strip()
    try:
        while True:
            shown = subprocess.run(
                [*base, "capture-pane", "-p", "-t", "s"], capture_output=True, text=True, env=env
            ).stdout
            if first_line in shown:
                return time.perf_counter() - start
            if time.perf_counter() - start > 20:
                raise RuntimeError(f"the article never showed:\n{shown}")
            time.sleep(0.005)
    finally:
        subprocess.run([*base, "kill-server"], capture_output=True, env=env)
        if socket_path:
            Path(socket_path).unlink(missing_ok=True)


def first_words(corpus: Path) -> str:
    first = sorted(corpus.glob("*.txt"))[0]
    return normalise_txt(first.read_bytes(), first)[:24]


def startup(folder: Path, corpora: dict[str, Path]) -> dict[str, list[float]] | None:
    tmux = shutil.which("tmux")
    if tmux is None:
        return None
    found: dict[str, list[float]] = {name: [] for name in corpora}
    for number in range(STARTS):
        for place, (name, corpus) in enumerate(corpora.items()):
            out = folder / f"start-{place}-{number}"
            out.mkdir()
            found[name].append(start_in_tmux(tmux, corpus, out, first_words(corpus)))
    return found
