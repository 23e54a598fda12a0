"""Time and peak memory to open a 10,000-document corpus and fetch one document.

Goal: under 1 s and 200 MB. Each measurement runs in a fresh interpreter so peak memory (max RSS)
is this work's own; the baseline is the same interpreter importing annotator and doing nothing.
Run from the project folder: python -m bench.corpus_open
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

WORDS = ["prisoners", "were", "exchanged", "at", "the", "border", "on", "Sunday", "said"]

PROBE = r"""
import resource, sys, time
start = time.perf_counter()
from annotator.core.corpus import open_corpus
if sys.argv[2] == "open":
    corpus = open_corpus(__import__("pathlib").Path(sys.argv[1]))
    doc = corpus.get(corpus.ids[len(corpus) // 2])
    assert doc.text
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def make_corpora(folder: Path) -> tuple[Path, Path]:
    text = " ".join(WORDS * 60)  # about 3.5 KB per article
    jsonl = folder / "docs.jsonl"
    txt = folder / "txt"
    txt.mkdir()
    with jsonl.open("wb") as handle:
        for number in range(10_000):
            body = f"date 2025-08-24 Article {number}. {text}\n"
            handle.write(orjson.dumps({"id": f"d{number:05d}", "text": body}) + b"\n")
            (txt / f"d{number:05d}.txt").write_text(body, encoding="utf-8")
    return jsonl, txt


def measure(path: Path, mode: str, runs: int = 5) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", PROBE, str(path), mode],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(output[0]))
        peaks.append(float(output[1]))
    return statistics.median(times), statistics.median(peaks)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        jsonl, txt = make_corpora(Path(folder))
        base_time, base_peak = measure(jsonl, "baseline")
        print("open a 10,000-document corpus and fetch one document (median of 5 fresh processes)")
        print(
            f"  baseline (import only):   {base_time * 1000:7.1f} ms  {base_peak:6.1f} MB max RSS"
        )
        for name, path in (("jsonl (35 MB)", jsonl), ("folder of .txt", txt)):
            elapsed, peak = measure(path, "open")
            print(f"  {name:<24} {elapsed * 1000:7.1f} ms  {peak:6.1f} MB max RSS")


if __name__ == "__main__":
    main()
