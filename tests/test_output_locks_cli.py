"""``annotator export`` and ``annotator import`` refuse a file a running session holds: one
line naming the file and the holder, exit 1, nothing written (a trial found the export said
"replaced the file that was there", exit 0, over a review's gold file)."""

from __future__ import annotations

from pathlib import Path

from tests.test_agreement_data import run_cli
from tests.test_output_locks import GOLD, SOURCE, hold, journal, listing, locked_line


def test_export_onto_a_gold_file_under_review_is_refused(tmp_path: Path, holder: int) -> None:
    source = journal(tmp_path / "ann1.jsonl")
    gold = tmp_path / "g" / "gold.jsonl"
    gold.parent.mkdir()
    gold.write_bytes(GOLD)
    hold(gold, holder, doing="a review of this gold file")
    before = listing(tmp_path)
    result = run_cli("export", source, "--format", "jsonl", "-o", gold)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == locked_line(gold, holder, "a review of this gold file") + "\n"
    assert listing(tmp_path) == before


def test_import_onto_a_journal_being_annotated_is_refused(tmp_path: Path, holder: int) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(SOURCE)
    records = tmp_path / "o1" / "annotations" / "alice.jsonl"
    records.parent.mkdir(parents=True)
    records.write_bytes(GOLD)
    hold(records, holder)
    before = listing(tmp_path)
    result = run_cli("import", src, "--format", "doccano", "-o", tmp_path / "c.jsonl",
                     "--annotations", records, "--annotator", "alice", "--force")  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == locked_line(records, holder) + "\n"
    assert listing(tmp_path) == before
