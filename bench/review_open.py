"""Opening a review of 10,000 documents annotated by 3 annotators, core only (no Textual).

Generates the corpus and journals of ``bench.compare`` (50 MB of journals, most documents with
conflicts) in a temporary folder. Then, in the same run:

- the floor: reading the three journals and parsing every line with orjson, nothing else;
- in-process (medians of 3 runs): ``open_review`` up to the first conflict's view (what the
  review screen shows first), on a new gold file (merged and written whole) and resuming on
  the file the first open wrote (read back); beside each, the median CPU time of this process
  (on a machine others are using, wall time counts their work too: CPU time counts less of it);
- each of those in a fresh interpreter, for its peak resident memory (VmHWM), beside that of
  an interpreter that only imports the core's review modules.

Goal: opening under 2 s and under 300 MB.
Run from the project folder: python -m bench.review_open
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.compare import ANNOTATORS, DOCUMENTS, generate, median_of, parse_floor

# Opens a review in a fresh interpreter (or only imports, with "import-only") and reports its
# peak resident memory: VmHWM belongs to the process's own memory map, which exec starts anew.
PROBE = r"""
import sys
from pathlib import Path
from annotator.core.review_open import open_review
corpus, gold, *journals = sys.argv[1:]
if corpus != "import-only":
    session = open_review([Path(j) for j in journals], Path(corpus), Path(gold), "bench")
    session.view()
    assert session.close()
with open("/proc/self/status") as status:
    peak = next(line for line in status if line.startswith("VmHWM"))
print(int(peak.split()[1]) / 1024)
"""


def open_to_first_view(journals: list[Path], corpus: Path, gold: Path) -> tuple[int, int]:
    """Open a review, make the first conflict's view, close; (conflicts, documents) left."""
    from annotator.core.review_open import open_review

    session = open_review(journals, corpus, gold, "bench")
    try:
        assert session.view() is not None
        return session.conflicts_left(), session.documents_left()
    finally:
        assert session.close()


def peak_mb(*args: str) -> float:
    """Peak memory (MB) of a fresh interpreter running PROBE with ``args``."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"probe failed: {result.stderr}")
    return float(result.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus, journals = generate(folder)
        size = sum(path.stat().st_size for path in journals) / 1e6
        gold = folder / "gold.jsonl"
        floor = median_of(lambda: parse_floor(journals))

        cpu: dict[str, list[float]] = {"fresh": [], "resume": []}

        def fresh() -> None:
            gold.unlink(missing_ok=True)
            gc.collect()
            start = time.process_time()
            open_to_first_view(journals, corpus, gold)
            cpu["fresh"].append(time.process_time() - start)

        def resume() -> None:
            gc.collect()
            start = time.process_time()
            open_to_first_view(journals, corpus, gold)
            cpu["resume"].append(time.process_time() - start)

        created = median_of(fresh)
        resumed = median_of(resume)
        conflicts, documents = open_to_first_view(journals, corpus, gold)
        gold_mb = gold.stat().st_size / 1e6
        files = [str(path) for path in journals]
        import_peak = peak_mb("import-only", str(gold))
        resume_peak = peak_mb(str(corpus), str(gold), *files)
        gold.unlink()
        created_peak = peak_mb(str(corpus), str(gold), *files)
    print(
        f"{DOCUMENTS:,} documents x {len(ANNOTATORS)} annotators, {size:.1f} MB of journals, "
        f"a {gold_mb:.1f} MB gold file; {conflicts:,} conflicts in {documents:,} documents; "
        "medians of 3 runs"
    )
    print(f"  floor: read + orjson.loads every journal line  {floor * 1000:8.0f} ms")
    print("open_review to the first conflict's view (x floor), peak memory (VmHWM):")
    created_cpu, resumed_cpu = (statistics.median(cpu[key]) for key in ("fresh", "resume"))
    print(
        f"  new gold file (merged, written whole)          {created * 1000:8.0f} ms   "
        f"{created / floor:5.1f}x   {created_peak:6.0f} MB   (cpu {created_cpu * 1000:.0f} ms)"
    )
    print(
        f"  resuming on that gold file                     {resumed * 1000:8.0f} ms   "
        f"{resumed / floor:5.1f}x   {resume_peak:6.0f} MB   (cpu {resumed_cpu * 1000:.0f} ms)"
    )
    print(f"  (an interpreter that only imports the review core: {import_peak:.0f} MB)")


if __name__ == "__main__":
    main()
