"""``export --force`` over a journal keeps the journal aside (``<file>.replaced-TIME``) and says
so, as import and rename do: ``export --format jsonl -o annotations/carol.jsonl --force``
replaced carol's journal with nothing kept. An earlier export (each document once) and a file
whose bytes are the export's are replaced as before, nothing kept."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.export_request import ExportRequest, Outcome
from annotator.core.formats.export import ExportResult, export_records
from annotator.core.formats.export_keep import journal_why
from annotator.core.formats.import_outputs import KeptAside
from tests.test_formats_cli import cli
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."


def case(folder: Path) -> tuple[Path, Path]:
    return write_case(folder, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])


def lines_of(annotator: str, doc_ids: list[str], **extra: object) -> bytes:
    """One record line per doc id, as annotate saves them (a doc id twice: saved twice)."""
    out = b""
    for doc_id in doc_ids:
        line = record(doc_id, TEXT, [(11, 14, "count")]).model_dump(mode="json")
        out += orjson.dumps({**line, "annotator": annotator, **extra}) + b"\n"
    return out


def asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.replaced-*"))


def test_an_annotators_journal_replaced_with_force_is_kept_aside_and_said(
    tmp_path: Path,
) -> None:
    _corpus, source = case(tmp_path)
    journal = tmp_path / "annotations" / "carol.jsonl"
    journal.parent.mkdir()
    held = lines_of("carol", ["d7"])  # one line: told by its place, annotate's journal
    journal.write_bytes(held)
    forced = cli("export", source, "--format", "jsonl", "-o", journal, "--force")
    assert forced.returncode == 0, forced.stderr
    [aside] = asides(journal)
    assert aside.read_bytes() == held
    assert (
        f"replaced {journal}; it is carol's journal, the file annotate opens for carol, so the "
        f"file as it was is kept as {aside}\n"
    ) in forced.stderr
    assert "replaced the file that was there" not in forced.stderr
    assert orjson.loads(journal.read_bytes())["doc_id"] == "d1"


def test_a_journal_elsewhere_is_told_by_a_document_saved_twice(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    journal = tmp_path / "work.jsonl"
    held = lines_of("bob", ["d7", "d8", "d7"])
    journal.write_bytes(held)
    result = export_records(source, "jsonl", journal, force=True)
    [aside] = asides(journal)
    assert aside.read_bytes() == held
    assert [(kept.path, kept.aside) for kept in result.kept_aside] == [(journal, aside)]
    assert "it is a journal (a document's record saved more than once)" in result.kept_aside[0].why
    assert result.replaced_unkept() == []


def test_a_reviewed_gold_file_is_kept_aside_too(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    held = lines_of("rita", ["d1", "d1"], sources={})
    gold.write_bytes(held)
    why = journal_why(gold, held)
    assert (
        why
        == "it is a review's gold file (a document's record saved more than once), not an export"
    )


def test_a_compacted_reviewed_gold_file_is_kept_aside(tmp_path: Path) -> None:
    # Each document once (compacted), its decision told by the reviewer's time: a trial's
    # export --force replaced one with nothing kept, where merge --force keeps it.
    _corpus, source = case(tmp_path)
    gold = tmp_path / "g2.jsonl"
    held = lines_of("rita", ["d7", "d8"], sources={}, seconds_spent=12.5)
    gold.write_bytes(held)
    result = export_records(source, "jsonl", gold, force=True)
    [aside] = asides(gold)
    assert aside.read_bytes() == held
    assert result.kept_aside[0].why == (
        "it is a gold file a review worked on (its records hold a reviewer's time)"
    )
    # A gold file merge wrote, no review's time in it, is replaced with nothing kept.
    merged = tmp_path / "g3.jsonl"
    merged.write_bytes(lines_of("rita", ["d7", "d8"], sources={}))
    assert export_records(source, "jsonl", merged, force=True).kept_aside == []


def test_an_earlier_export_is_replaced_with_nothing_kept(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_bytes(lines_of("bob", ["d7", "d8"]))  # each document once: an export
    result = export_records(source, "jsonl", out, force=True)
    assert (result.kept_aside, result.replaced_unkept()) == ([], [out])
    assert asides(out) == []
    again = export_records(source, "jsonl", out, force=True)  # the same bytes: nothing to keep
    assert again.kept_aside == []
    assert asides(out) == []


def test_a_journal_holding_the_exports_bytes_is_not_copied(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    journal = tmp_path / "annotations" / "gold.jsonl"
    journal.parent.mkdir()
    export_records(source, "jsonl", journal, force=True)
    result = export_records(source, "jsonl", journal, force=True)
    assert result.kept_aside == []
    assert asides(journal) == []


def test_the_export_screens_summary_says_where_the_journal_is_kept(tmp_path: Path) -> None:
    journal, aside = tmp_path / "annotations" / "bob.jsonl", tmp_path / "kept"
    why = "it is bob's journal, the file annotate opens for bob"
    result = ExportResult(
        1, [journal], replaced=[journal], kept_aside=[KeptAside(journal, aside, why)]
    )
    request = ExportRequest(tmp_path / "a.jsonl", "jsonl", journal, None, "alice", None)
    assert Outcome(request, result=result).summary() == (
        f"exported 1 document(s) as jsonl to {journal}; replaced {journal}; {why}, so the file "
        f"as it was is kept as {aside}"
    )
