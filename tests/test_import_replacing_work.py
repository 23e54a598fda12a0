"""An import into files that exist: the refusal names every one and what it holds, and
``--force`` keeps a journal's work done since the import aside. A lead re-ran a doccano import
into pd/ after a session had added a span, a note and a skip: the refusal named the corpus
alone, and ``--force`` replaced the journal (8 lines, 5 of them annotate's work) unsaid."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from annotator.core.models import Record
from annotator.core.store import Store

ROWS = [
    {"id": 1, "text": "Kyiv freed 146 people.", "label": [[0, 4, "actor"]]},
    {"id": 2, "text": "Moscow released 90 soldiers.", "label": [[0, 6, "actor"]]},
    {"id": 3, "text": "Talks resumed in Geneva.", "label": []},
]
IMPORT = [
    "import", "doccano.jsonl", "--format", "doccano", "-o", "pd/corpus.jsonl",
    "--annotations", "pd/annotations/root.jsonl",
]  # fmt: skip


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        cwd=folder,
        env={**os.environ, "LOGNAME": "root"},  # whose records they are without --annotator
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _imported(folder: Path) -> Path:
    (folder / "doccano.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in ROWS))
    first = run(folder, *IMPORT)
    assert first.returncode == 0, first.stderr
    return folder / "pd" / "annotations" / "root.jsonl"


def _annotate_work(journal: Path) -> None:
    """Work as a session saves it: a note on one document, another skipped."""
    store = Store(journal, "root")
    note = store.records["1"].model_copy(
        update={"note": "check the count", "updated_at": "2026-11-27T10:00:00Z"}
    )
    skip = store.records["3"].model_copy(
        update={"status": "skipped", "updated_at": "2026-11-27T10:01:00Z"}
    )
    for record in (note, skip):
        store.save(Record.model_validate(record.model_dump()))
    assert store.close()


def test_the_refusal_names_every_existing_output_and_what_it_holds(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    _annotate_work(journal)
    before = journal.read_bytes()
    again = run(tmp_path, *IMPORT)
    assert again.returncode == 1
    assert again.stderr == (
        "pd/corpus.jsonl: already exists (its first line is a corpus document '1'); "
        "pd/annotations/root.jsonl: already exists (its first line is a record of annotator "
        "'root'; 5 line(s)); pd/corpus.scheme.toml: already exists; choose other names or pass "
        "--force to replace them (a file of records holding lines this import does not write "
        "is kept aside first)\n"
    )
    assert again.stdout == ""
    assert journal.read_bytes() == before


def test_force_keeps_the_journal_aside_when_it_holds_work_since(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    imported = journal.read_bytes()
    _annotate_work(journal)
    before = journal.read_bytes()
    again = run(tmp_path, *IMPORT, "--force")
    assert again.returncode == 0, again.stderr
    [aside] = sorted(journal.parent.glob("root.jsonl.replaced-*"))
    assert aside.read_bytes() == before  # the work, as it was
    assert journal.read_bytes() == imported  # the import's records, as --force asked
    assert (
        f"replaced pd/annotations/root.jsonl; 2 of its 5 line(s) are not this import's "
        f"(annotate's work since, or another import's), so the file as it was is kept as "
        f"{aside.relative_to(tmp_path)}"
    ) in again.stdout.splitlines()
    assert "replaced pd/annotations/root.jsonl" not in again.stdout.splitlines()


def test_force_replaces_a_journal_holding_only_the_imports_lines(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    again = run(tmp_path, *IMPORT, "--force")
    assert again.returncode == 0, again.stderr
    assert "replaced pd/annotations/root.jsonl" in again.stdout.splitlines()
    assert sorted(path.name for path in journal.parent.iterdir()) == ["root.jsonl"]
