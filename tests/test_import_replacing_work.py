"""An import into files that exist: the refusal names every one and what it holds, and
``--force`` keeps a journal's work done since the import aside. A lead re-ran a doccano import
into pd/ after a session had added a span, a note and a skip: the refusal named the corpus
alone, and ``--force`` replaced the journal (8 lines, 5 of them annotate's work) unsaid. The
scheme file the import wrote, edited since (a label's colour, a form), was replaced without a
copy: it is kept aside too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.formats import importing
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
        "and a scheme file that differs from the one written are kept aside first)\n"
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


def test_force_keeps_an_edited_scheme_aside_on_the_line_of_the_replaced_files(
    tmp_path: Path,
) -> None:
    journal = _imported(tmp_path)
    scheme = tmp_path / "pd" / "corpus.scheme.toml"
    imported = scheme.read_bytes()
    edited = imported + b"# actor: people and states alike, as the guide says\n"
    scheme.write_bytes(edited)
    again = run(tmp_path, *IMPORT, "--force")
    assert again.returncode == 0, again.stderr
    [aside] = sorted(scheme.parent.glob("corpus.scheme.toml.replaced-*"))
    assert aside.read_bytes() == edited  # the edits, as they were
    assert scheme.read_bytes() == imported  # the import's scheme, as --force asked
    lines = again.stdout.splitlines()
    first = lines.index("replaced pd/corpus.jsonl")
    assert lines[first + 1 : first + 3] == [
        f"replaced pd/corpus.scheme.toml; it is not the scheme this import writes (edited "
        f"since, or another import's), so the file as it was is kept as "
        f"{aside.relative_to(tmp_path)}",
        "replaced pd/annotations/root.jsonl",
    ]
    assert sorted(path.name for path in journal.parent.iterdir()) == ["root.jsonl"]


def test_force_keeps_an_edited_scheme_and_a_journal_with_work_aside_each(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    _annotate_work(journal)
    scheme = tmp_path / "pd" / "corpus.scheme.toml"
    scheme.write_bytes(scheme.read_bytes() + b"\n")  # a byte more is an edit too
    again = run(tmp_path, *IMPORT, "--force")
    assert again.returncode == 0, again.stderr
    said = [line for line in again.stdout.splitlines() if "is kept as" in line]
    assert [line.split(";")[0] for line in said] == [
        "replaced pd/corpus.scheme.toml",
        "replaced pd/annotations/root.jsonl",
    ]
    assert len(list(scheme.parent.glob("corpus.scheme.toml.replaced-*"))) == 1
    assert len(list(journal.parent.glob("root.jsonl.replaced-*"))) == 1


def test_force_replaces_the_scheme_it_wrote_without_a_copy(tmp_path: Path) -> None:
    _imported(tmp_path)
    again = run(tmp_path, *IMPORT, "--force")
    assert again.returncode == 0, again.stderr
    assert "replaced pd/corpus.scheme.toml" in again.stdout.splitlines()
    assert sorted(path.name for path in (tmp_path / "pd").iterdir()) == [
        "annotations", "corpus.jsonl", "corpus.scheme.toml",
    ]  # fmt: skip


def test_a_failed_write_leaves_the_files_as_they_were_and_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _imported(tmp_path)
    _annotate_work(journal)
    scheme = tmp_path / "pd" / "corpus.scheme.toml"
    scheme.write_bytes(scheme.read_bytes() + b"\n")
    before = {path: path.read_bytes() for path in (journal, scheme)}

    def disk_full(writes: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importing, "write_together", disk_full)
    with pytest.raises(OSError):
        importing.import_documents(
            tmp_path / "doccano.jsonl",
            "doccano",
            tmp_path / "pd" / "corpus.jsonl",
            annotations=journal,
            annotator="root",
            force=True,
        )
    assert {path: path.read_bytes() for path in before} == before
    assert sorted(path.name for path in (tmp_path / "pd").iterdir()) == [
        "annotations", "corpus.jsonl", "corpus.scheme.toml",
    ]  # fmt: skip
    assert sorted(path.name for path in journal.parent.iterdir()) == ["root.jsonl"]
