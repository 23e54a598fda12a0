"""Journal append time with 10 and with 100,000 records already in the journal.

Appends must never rewrite the file, so the two figures should agree within noise.
Run from the project folder: python -m bench.journal_append
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from annotator.core.models import Record, record_line
from annotator.core.store import Store
from bench._common import median_seconds, ms


def record(number: int) -> Record:
    start = 16
    return Record.model_validate(
        {
            "schema_version": 1,
            "doc_id": f"doc{number:06d}",
            "doc_sha256": "0" * 64,
            "annotator": "bench",
            "status": "in_progress",
            "spans": [
                {
                    "id": f"s{k}",
                    "start": start + 10 * k,
                    "end": start + 10 * k + 6,
                    "label": "actor",
                    "text": "Russia",
                }
                for k in range(8)
            ],
        }
    )


def time_appends(existing: int, folder: Path, batch: int = 50) -> float:
    journal = folder / f"j{existing}.jsonl"
    line = record_line(record(0))
    journal.write_bytes(line * existing)
    store = Store(journal, "bench")
    samples = [record(n) for n in range(batch)]

    def append_batch() -> None:
        for sample in samples:
            store.save(sample)
        store.flush()

    per_batch = median_seconds(append_batch, runs=7)
    store.close()
    return per_batch / batch


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        small = time_appends(10, Path(folder))
        large = time_appends(100_000, Path(folder))
    print("journal append (append + fsync through the ordered writer), median of 7 x 50 appends")
    print(f"  journal of 10 records:      {ms(small)} per append")
    print(f"  journal of 100,000 records: {ms(large)} per append")
    print(f"  ratio large/small:          {large / small:.2f}")


if __name__ == "__main__":
    main()
