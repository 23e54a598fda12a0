"""Export 10,000 gold documents to each format: documents per second against a floor.

The floor is orjson's plain parse-and-dump of the same gold records in the same run (read the
file, parse each line, dump it, write the result): no checking, no text, no tokens. Each export
is ``export_records`` end to end: reading and checking every record against its text, rendering,
and the crash-safe write. The documents are the seed article (about 2,100 characters, 20 spans,
a filled form) under 10,000 ids, each with its own first line.
Run from the project folder: python -m bench.formats
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

import orjson

from annotator.core.formats import EXPORT_FORMATS
from annotator.core.formats.export import export_records
from annotator.core.models import sha256_text
from bench._common import median_seconds

ROOT = Path(__file__).resolve().parent.parent
COUNT = 10_000


def make_inputs(folder: Path) -> tuple[Path, Path]:
    text = (ROOT / "seeds" / "article.txt").read_text(encoding="utf-8")
    seed = orjson.loads((ROOT / "seeds" / "article.gold.jsonl").read_bytes())
    corpus, gold = folder / "corpus.jsonl", folder / "gold.jsonl"
    with corpus.open("wb") as docs, gold.open("wb") as records:
        for number in range(COUNT):
            prefix = f"Report {number:05d}.\n"
            body = prefix + text
            doc_id = f"doc{number:05d}"
            docs.write(orjson.dumps({"id": doc_id, "text": body, "meta": {}}) + b"\n")
            spans = [
                dict(span, start=span["start"] + len(prefix), end=span["end"] + len(prefix))
                for span in seed["spans"]
            ]
            record = dict(seed, doc_id=doc_id, doc_sha256=sha256_text(body), spans=spans)
            records.write(orjson.dumps(record) + b"\n")
    return corpus, gold


def floor(gold: Path, out: Path) -> None:
    lines = gold.read_bytes().splitlines()
    out.write_bytes(b"".join(orjson.dumps(orjson.loads(line)) + b"\n" for line in lines))


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus, gold = make_inputs(folder)
        base = median_seconds(lambda: floor(gold, folder / "floor.jsonl"), runs=5)
        rows = []
        for fmt in EXPORT_FORMATS:
            if fmt == "spacy" and importlib.util.find_spec("spacy") is None:
                rows.append((fmt, None))
                continue
            out = folder / f"out-{fmt}"

            def run(fmt: str = fmt, out: Path = out) -> None:
                # Each run replaces the records the one before wrote (a file of records is
                # replaced only with --force).
                export_records(gold, fmt, out, corpus=corpus, on_warning=None, force=True)

            rows.append((fmt, median_seconds(run, runs=3)))
    print(f"export of {COUNT:,} gold documents (seed article, 20 spans each), median of 3 runs")
    print(f"  {'floor: orjson parse + dump':28} {COUNT / base:>10,.0f} docs/s")
    for fmt, seconds in rows:
        if seconds is None:
            print(f"  {fmt:28} {'skipped: spaCy is not installed':>10}")
            continue
        rate, share = COUNT / seconds, base / seconds
        print(f"  {fmt:28} {rate:>10,.0f} docs/s  {seconds:6.2f} s  {share:6.3f} x floor")


if __name__ == "__main__":
    main()
