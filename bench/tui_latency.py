"""Annotation screen latency: labelling and resizing in a 1 MB article holding 5,000 spans, and
start-up. Each figure is measured in the same run as a 2 KB article (seeds/article.txt).

1. Key press to repaint while labelling (shift+right, shift+right, shift+right, then a label key,
   then ctrl+z, at 30 unlabelled words). Pilot's ``press`` + ``pause`` has a fixed cost of its
   own (about 80 ms), so the figure is the p95 above the 2 KB article's p95.
   Goal: no more than 50 ms above. The render path is timed on its own too: ``set_spans`` of
   every span, then rendering every visible line of the article (``render_lines``).
2. Window resize (160x45 <-> 130x40), ``resize_terminal`` then ``pause``, to the last repaint
   of the article; a resize of the height alone (160x45 <-> 160x44, as when the search line
   opens under the article); and the text area's re-wrap of the whole text alone.
   Goal: under 300 ms.
3. Start-up to the first painted article: wall time from starting ``annotator annotate`` in a
   tmux pane to the article's first line on screen, on sample_docs/ and on a one-article 2 KB
   corpus. Goal: under 1 s. Without tmux, only the in-process time (app start to the article
   painted, imports not counted) is printed.

Run from the project folder: python -m bench.tui_latency
"""

from __future__ import annotations

import asyncio
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.corpus import normalise_txt
from annotator.core.models import SCHEMA_VERSION, Record, Span, record_line, sha256_text
from annotator.core.tokens import tokenize
from bench._common import ms

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = ROOT / "sample_docs"
SMALL_ARTICLE = ROOT / "seeds" / "article.txt"
BIG_SIZE = 1_000_000
BIG_SPANS = 5_000
SMALL_SPANS = 12
SIZE = (160, 45)
OTHER_SIZE = (130, 40)
ROUNDS = 3
LABELS_PER_ROUND = 30
RESIZES_PER_ROUND = 10
STARTS = 5
GOALS = {"press": 0.050, "resize": 0.300, "start": 1.0}


# ---------------------------------------------------------------- the articles
def big_text() -> str:
    """About 1 MB of news prose: the sample articles' paragraphs (datelines left out), shuffled
    and repeated, under one dateline. Their emoji, combining accents and odd characters stay."""
    paragraphs = []
    for path in sorted(SAMPLE_DOCS.glob("*.txt")):
        text = normalise_txt(path.read_bytes(), path)
        for paragraph in text.split("\n\n"):
            paragraph = paragraph.strip("\n")
            if paragraph and not paragraph.startswith("date "):
                paragraphs.append(paragraph)
    chooser = random.Random(7)
    out = ["date 2025-08-24 Large-scale exchange reporting, collected."]
    length = len(out[0])
    while length < BIG_SIZE:
        paragraph = chooser.choice(paragraphs)
        out.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


def spans_for(text: str, count: int) -> list[Span]:
    """``count`` spans spread evenly over the words, the way a person labels: single words
    (actors, counts, dates) and, every tenth, a longer releasee holding the word before it."""
    words = [token for token in tokenize(text) if token.text[0].isalnum()]
    step = max(1, len(words) // count)
    spans: list[Span] = []
    kinds = ["actor", "count", "date", "actor"]
    index = 0
    while len(spans) < count and index < len(words):
        word = words[index]
        if len(spans) % 10 == 9 and spans:
            last = spans[-1]
            end_word = words[min(index + 2, len(words) - 1)]
            start, end, label = last.start, end_word.end, "releasee"
        else:
            start, end, label = word.start, word.end, kinds[len(spans) % len(kinds)]
        value: int | None = None
        if label == "count" and text[start:end].isdigit():
            value = int(text[start:end])
        spans.append(
            Span(
                id=f"s{len(spans) + 1}",
                start=start,
                end=end,
                label=label,
                text=text[start:end],
                value=value,
            )
        )
        index += step
    return spans


def free_words(text: str, spans: list[Span], wanted: int) -> list[int]:
    """Starts of ``wanted`` words of four letters or more under no span, spread over the text."""
    covered = sorted((span.start, span.end) for span in spans)
    words = [t for t in tokenize(text) if t.text.isalpha() and len(t.text) >= 4]
    chooser = random.Random(11)
    chooser.shuffle(words)
    found: list[int] = []
    for word in words:
        if not any(start < word.end and word.start < end for start, end in covered):
            found.append(word.start)
        if len(found) == wanted:
            break
    return sorted(found)


@dataclass
class Article:
    name: str
    text: str
    spans: list[Span]
    folder: Path
    targets: list[int] = field(default_factory=list)

    @property
    def size(self) -> str:
        return f"{len(self.text.encode()) / 1000:,.0f} KB, {len(self.spans):,} spans"


def write_corpus(folder: Path, name: str, text: str, spans: list[Span]) -> Article:
    corpus = folder / f"corpus-{name}"
    corpus.mkdir()
    (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    article = Article(name, text, spans, corpus)
    article.targets = free_words(text, spans, LABELS_PER_ROUND)
    return article


def write_journal(out: Path, article: Article) -> None:
    """A record holding the article's spans, in progress, as if labelled earlier."""
    record = Record(
        schema_version=SCHEMA_VERSION,
        doc_id=article.name,
        doc_sha256=sha256_text(article.text),
        annotator="bench",
        status="in_progress",
        spans=article.spans,
    )
    journal = out / "annotations" / "bench.jsonl"
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_bytes(record_line(record))


# -------------------------------------------------------------- measuring
def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


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


# ---------------------------------------------------------------- printing
def line(label: str, small: float, big: float, goal: str = "") -> str:
    return f"  {label:<34} {ms(small):>11}  {ms(big):>11}  {ms(big - small):>11}{goal}"


def verdict(value: float, limit: float) -> str:
    return f"   goal < {ms(limit)}: {'met' if value <= limit else 'MISSED'}"


def median_of(rounds: list[Timings], pick: Callable[[Timings], list[float]], share: float) -> float:
    return statistics.median(percentile(pick(t), share) for t in rounds)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small_text = normalise_txt(SMALL_ARTICLE.read_bytes(), SMALL_ARTICLE)
        small = write_corpus(folder, "small", small_text, spans_for(small_text, SMALL_SPANS))
        text = big_text()
        big = write_corpus(folder, "big", text, spans_for(text, BIG_SPANS))

        results: dict[str, list[Timings]] = {"small": [], "big": []}
        for number in range(ROUNDS):
            for article in (small, big):
                timings = Timings()
                run_rounds(article, folder, timings, number)
                results[article.name].append(timings)

        sample_one = folder / "corpus-2kb-start"
        sample_one.mkdir()
        shutil.copy(SMALL_ARTICLE, sample_one / "article.txt")
        starts = startup(folder, {"2 KB article": sample_one, "sample_docs/": SAMPLE_DOCS})

    s, b = results["small"], results["big"]

    def pair(pick: Callable[[Timings], list[float]], share: float) -> tuple[float, float]:
        return median_of(s, pick, share), median_of(b, pick, share)

    print(
        f"annotation screen latency, {SIZE[0]}x{SIZE[1]}, median over {ROUNDS} rounds "
        f"(each round: a fresh app per article); {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f} at the end"
    )
    print(f"  small: {SMALL_ARTICLE.relative_to(ROOT)} ({small.size})")
    print(f"  big:   generated news text ({big.size}, every tenth span nested)")
    print()
    header = f"  {'':<34} {'2 KB':>11}  {'1 MB':>11}  {'difference':>11}"
    print("1. key press to repaint (30 words a round: 3 x shift+right, 1, ctrl+z)")
    print("   first screen refresh that drew the article after the key:")
    print(header)
    small95, big95 = pair(lambda t: t.repaint, 0.95)
    print(line("every press, p50", *pair(lambda t: t.repaint, 0.5)))
    print(line("every press, p95", small95, big95, verdict(big95 - small95, GOALS["press"])))
    print(line("shift+right, p95", *pair(lambda t: t.repaint_shift_right, 0.95)))
    print(line("label key (1), p50", *pair(lambda t: t.repaint_label, 0.5)))
    print(line("label key (1), p95", *pair(lambda t: t.repaint_label, 0.95)))
    print(line("ctrl+z, p95", *pair(lambda t: t.repaint_undo, 0.95)))
    print("   Pilot press + pause (until the app is idle again; about 80 ms of its own):")
    print(line("every press, p50", *pair(lambda t: t.presses, 0.5)))
    print(line("every press, p95", *pair(lambda t: t.presses, 0.95)))
    print(line("label key (1), p95", *pair(lambda t: t.label, 0.95)))
    print("   the render path alone (set_spans of every span + render the visible lines):")
    print(line("p50", *pair(lambda t: t.render, 0.5)))
    print(line("p95", *pair(lambda t: t.render, 0.95)))
    print()
    print(f"2. window resize {SIZE[0]}x{SIZE[1]} <-> {OTHER_SIZE[0]}x{OTHER_SIZE[1]}")
    print(header)
    resize50 = pair(lambda t: t.resize_repaint, 0.5)
    print(line("resize to last repaint, p50", *resize50, verdict(resize50[1], GOALS["resize"])))
    print(line("resize to last repaint, p95", *pair(lambda t: t.resize_repaint, 0.95)))
    print(line("one row shorter (as / opens), p50", *pair(lambda t: t.shorter_repaint, 0.5)))
    print(line("resize_terminal + pause, p50", *pair(lambda t: t.resize, 0.5)))
    print(line("re-wrap of the whole text alone, p50", *pair(lambda t: t.rewrap, 0.5)))
    print()
    print("3. start-up to the first painted article")
    in_process = pair(lambda t: t.startup_in_process, 0.5)
    print(f"  {'':<34} {'2 KB':>11}  {'1 MB':>11}")
    print(
        f"  {'in process (app start, no imports)':<34} {ms(in_process[0]):>11}  "
        f"{ms(in_process[1]):>11}"
    )
    if starts is None:
        print("  tmux is not installed: no wall-clock start-up figure")
        return
    print(f"  wall clock in tmux, process start to article text, median of {STARTS}:")
    for name, times in starts.items():
        median = statistics.median(times)
        print(f"    {name:<32} {ms(median):>11}{verdict(median, GOALS['start'])}")


if __name__ == "__main__":
    main()
