"""Agreement, diff and merge over 10,000 documents annotated by 3 annotators.

Generates a corpus of 10,000 articles (about 1.6 KB each) and three journals of ``done``
records (about 10 spans each, with realistic disagreements: missed and extra spans, other
boundaries, other labels, other counts, other event types and releases). Then, in the same run:

- the floor: reading the three journals and parsing every line with orjson, nothing else
  (and the same for the two journals ``diff`` reads: its figures are against that floor);
- in-process, the core function behind each command (medians of 3 runs): ``agree`` without
  and with the corpus (token kappa and character alpha need the texts), ``diff`` of two
  journals with the corpus, ``merge`` of the three into a gold file;
- each whole command as a person runs it (``python -m annotator ...``, output to /dev/null),
  wall time and peak memory (the peak resident memory, VmHWM, of that process).

Goal (issue 4): within 4x the floor and under 200 MB peak. Reading a journal validates every
line as a Record (pydantic), which alone costs several times the orjson floor; the script
prints that too, and the cost of the check agree, diff and merge use instead (the same
constraints and the scheme's, without making models; ``record_check``), so the figures say
what the comparing itself adds.
Run from the project folder: python -m bench.compare
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from annotator.core.models import sha256_text
from bench._common import median_seconds

DOCUMENTS = 10_000
ANNOTATORS = ("alice", "bob", "carol")
ACTORS = ["Russia", "Ukraine", "the Ministry of Defence", "the UAE", "the Red Cross", "Kyiv"]
FILLER = (
    "Officials said the talks had lasted several weeks and were mediated by third parties. "
    "Families gathered near the border crossing, waiting for news of relatives. "
    "The statement gave no further details about the conditions of the transfer. "
)
EVENT_TYPES = ["exchange", "unilateral_release", "repatriation_of_remains", "announcement"]


def article(rng: random.Random) -> tuple[str, list[tuple[int, int, str, Any]]]:
    """An article and its true spans (start, end, label, value)."""
    parts: list[str] = ["date 2025-08-24 "]
    spans: list[tuple[int, int, str, Any]] = []

    def add(piece: str, label: str | None = None, value: Any = None) -> None:
        start = sum(len(part) for part in parts)
        parts.append(piece)
        if label is not None:
            spans.append((start, start + len(piece), label, value))

    for _ in range(3):
        giver, taker = rng.sample(ACTORS, 2)
        count = rng.randint(2, 400)
        add(giver, "actor")
        add(" released ")
        add(f"{count} prisoners", "count", count)
        add(" to ")
        add(taker, "actor")
        add(" on ")
        add("24 August 2025", "date", "2025-08-24")
        add(", among them ")
        add(f"Sergeant {rng.choice('ABCDEFGH')}. Kovalenko", "releasee")
        add(". ")
        add(FILLER * rng.randint(1, 2))
    return "".join(parts), spans


def annotate(
    rng: random.Random, name: str, doc_id: str, text: str, truth: list[tuple[int, int, str, Any]]
) -> dict[str, Any]:
    spans = []
    for start, end, label, value in truth:
        roll = rng.random()
        if roll < 0.04:
            continue  # missed
        if roll < 0.08 and label == "count":
            end = text.index(" ", start)  # "146" instead of "146 prisoners"
        elif roll < 0.10:
            label = "releasee" if label == "actor" else label
        elif roll < 0.12 and label == "count":
            value = value + 1
        spans.append((start, end, label, value if label in ("count", "date") else None))
    if rng.random() < 0.3:
        start = text.index("Families")
        spans.append((start, start + 8, "releasee", None))  # an extra span
    frames = [
        {"released_by": text[truth[i][0] : truth[i][1]], "count": truth[i + 1][3]}
        for i in range(0, len(truth), 5)
        if rng.random() > 0.1
    ]
    event = "exchange" if rng.random() < 0.9 else rng.choice(EVENT_TYPES)
    return {
        "schema_version": 1,
        "doc_id": doc_id,
        "doc_sha256": sha256_text(text),
        "annotator": name,
        "status": "done",
        "spans": [
            {"id": f"s{n}", "start": s, "end": e, "label": lab, "text": text[s:e], "value": v}
            for n, (s, e, lab, v) in enumerate(spans, start=1)
        ],
        "form": {"event_type": event, "releases": frames},
        "updated_at": "2025-08-24T10:00:00Z",
        "seconds_spent": 120.0,
    }


def generate(folder: Path) -> tuple[Path, list[Path]]:
    """The corpus and the three journals, written in ``folder`` (made when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4)
    corpus = folder / "corpus.jsonl"
    journals = [folder / f"{name}.jsonl" for name in ANNOTATORS]
    handles = [path.open("wb") for path in journals]
    with corpus.open("wb") as out:
        for number in range(DOCUMENTS):
            doc_id = f"d{number:05d}"
            text, truth = article(rng)
            out.write(orjson.dumps({"id": doc_id, "text": text, "meta": {}}) + b"\n")
            for name, handle in zip(ANNOTATORS, handles, strict=True):
                handle.write(orjson.dumps(annotate(rng, name, doc_id, text, truth)) + b"\n")
    for handle in handles:
        handle.close()
    return corpus, journals


def parse_floor(journals: list[Path]) -> None:
    for path in journals:
        for line in path.read_bytes().splitlines():
            orjson.loads(line)


def validation_floor(journals: list[Path]) -> None:
    """Parse and validate every line as a Record (what reading a journal must do), no more."""
    from annotator.core.journal import parse_record_line

    for path in journals:
        for number, line in enumerate(path.read_bytes().splitlines(), start=1):
            parse_record_line(line, number)


def checked_floor(journals: list[Path]) -> None:
    """The same through the bulk readers' check (``record_lines.LineCheck``: the Record
    model's constraints and the scheme's, without making models), as agree/diff/merge read."""
    from annotator.core.record_lines import LineCheck
    from annotator.core.scheme import load_default_scheme

    check = LineCheck(load_default_scheme())
    for path in journals:
        for line in path.read_bytes().splitlines():
            check.line(line)


def median_of(action: Callable[[], object]) -> float:
    """Median of 3 runs: each run here takes seconds."""
    return median_seconds(action, runs=3)


# Runs a command in a fresh interpreter and reports that interpreter's peak resident memory.
# VmHWM belongs to the process's own memory map, which exec starts anew; ru_maxrss would
# also count the pages of this (large) benchmark process that the child was forked from.
PROBE = r"""
import runpy, sys
sys.argv = ["annotator", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("annotator", run_name="__main__")
except SystemExit as stop:
    code = stop.code
finally:
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM"))
    sys.stderr.write(f"peak {int(peak.split()[1]) / 1024:.1f}\n")
sys.exit(code)
"""


def whole_command(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of ``python -m annotator ARGS``."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *args], stdout=sink, stderr=subprocess.PIPE, check=False
        )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"annotator {' '.join(args)} failed: {result.stderr.decode()}")
    peak = float(result.stderr.decode().split("peak ")[-1])
    return elapsed, peak


def main() -> None:
    from annotator.core.agreement import agreement_of_files
    from annotator.core.corpus import open_corpus
    from annotator.core.diff import diff_of_files
    from annotator.core.merge import merge_files
    from annotator.core.scheme import load_default_scheme

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus_path, journals = generate(folder)
        size = sum(path.stat().st_size for path in journals) / 1e6
        scheme = load_default_scheme()
        gold = folder / "gold.jsonl"
        floor = median_of(lambda: parse_floor(journals))
        # diff reads two journals: its floor is parsing those two.
        floor_two = median_of(lambda: parse_floor(journals[:2]))
        validated = median_of(lambda: validation_floor(journals))
        checked = median_of(lambda: checked_floor(journals))
        timings = {
            "agree (no corpus)": median_of(lambda: agreement_of_files(journals, scheme)),
            "agree --corpus": median_of(
                lambda: agreement_of_files(journals, scheme, open_corpus(corpus_path))
            ),
            "diff --json (2 journals)": median_of(
                lambda: diff_of_files(journals[0], journals[1], scheme)
            ),
            "diff --corpus, with sentences": median_of(
                lambda: diff_of_files(
                    journals[0], journals[1], scheme, open_corpus(corpus_path), context=True
                )
            ),
            "merge (3 journals)": median_of(
                lambda: merge_files(journals, gold, scheme, "bench", force=True)
            ),
        }
        commands = {
            "agree --json": ["agree", *map(str, journals), "--json"],
            "agree --corpus --json": [
                "agree",
                *map(str, journals),
                "--corpus",
                str(corpus_path),
                "--json",
            ],
            "diff --json": ["diff", str(journals[0]), str(journals[1]), "--json"],
            "diff --corpus (rich output)": [
                "diff",
                str(journals[0]),
                str(journals[1]),
                "--corpus",
                str(corpus_path),
            ],
            "merge": ["merge", *map(str, journals), "-o", str(gold), "--force"],
        }
        whole = {title: whole_command(args) for title, args in commands.items()}
    print(
        f"{DOCUMENTS:,} documents x {len(ANNOTATORS)} annotators, "
        f"{size:.1f} MB of journals; medians of 3 runs"
    )
    print(f"  floor: read + orjson.loads every line      {floor * 1000:8.0f} ms")
    print(f"  the same for the two journals diff reads   {floor_two * 1000:8.0f} ms")
    print(
        f"  read + validate every line as a Record     {validated * 1000:8.0f} ms   "
        f"{validated / floor:5.1f}x floor"
    )
    print(
        f"  read + check every line (LineCheck)        {checked * 1000:8.0f} ms   "
        f"{checked / floor:5.1f}x floor"
    )
    print("core functions, in-process (x the floor of the journals each reads):")
    for title, seconds in timings.items():
        base = floor_two if title.startswith("diff") else floor
        print(f"  {title:<36} {seconds * 1000:8.0f} ms   {seconds / base:5.1f}x")
    print("whole commands (python -m annotator ...): wall time, peak memory (VmHWM)")
    for title, (seconds, peak) in whole.items():
        print(f"  {title:<36} {seconds * 1000:8.0f} ms   {peak:6.0f} MB")


if __name__ == "__main__":
    main()
