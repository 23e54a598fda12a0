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

import os
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from annotator.core.corpus import normalise_txt
from bench._common import ms
from bench.tui_latency_articles import (
    BIG_SPANS,
    ROOT,
    SAMPLE_DOCS,
    SMALL_ARTICLE,
    SMALL_SPANS,
    big_text,
    spans_for,
    write_corpus,
)
from bench.tui_latency_drive import OTHER_SIZE, SIZE, STARTS, Timings, run_rounds, startup

ROUNDS = 3
GOALS = {"press": 0.050, "resize": 0.300, "start": 1.0}


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


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
