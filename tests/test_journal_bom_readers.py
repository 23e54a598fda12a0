"""A journal or gold file with a byte order mark (a hand edit in a Windows editor) is read by
every reader as ``read_journal`` reads it (``journal.bom_length``): validate, stats, agree,
diff, merge and annotate took it where export refused it ("invalid JSON: UTF-8 byte order
mark (BOM) is not supported"), merge refused to replace such a gold file as "not a gold
file", and annotate did not point to such a journal elsewhere holding one record."""

from __future__ import annotations

from codecs import BOM_UTF8
from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.journal_elsewhere import JournalElsewhere, find_journal_elsewhere
from tests.conftest import ARTICLE, make_record
from tests.test_agreement_data import run_cli

DONE = {"status": "done", "form": {"event_type": "exchange"}}


def _marked(path: Path, *records: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BOM_UTF8 + b"".join(orjson.dumps(item) + b"\n" for item in records))
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "hf", "conll", "brat", "prodigy"])
def test_export_reads_a_journal_with_a_mark(tmp_path: Path, fmt: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    journal = _marked(tmp_path / "alice.jsonl", make_record(**DONE))
    out = tmp_path / "out"
    result = run_cli("export", journal, "--format", fmt, "-o", out, "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    assert "byte order mark" not in result.stderr


def test_export_keeps_the_files_line_numbers(tmp_path: Path) -> None:
    journal = _marked(tmp_path / "alice.jsonl", make_record(**DONE))
    with journal.open("ab") as handle:
        handle.write(b"{not json}\n")
    result = run_cli("export", journal, "--format", "jsonl", "-o", tmp_path / "x.jsonl")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{journal}:2: invalid JSON"), result.stderr


def test_merge_replaces_a_gold_file_with_a_mark(tmp_path: Path) -> None:
    alice = _marked(tmp_path / "alice.jsonl", make_record(**DONE))
    bob = _marked(tmp_path / "bob.jsonl", make_record(annotator="bob", **DONE))
    gold = tmp_path / "gold.jsonl"
    assert run_cli("merge", alice, bob, "-o", gold).returncode == 0
    gold.write_bytes(BOM_UTF8 + gold.read_bytes())
    again = run_cli("merge", alice, bob, "-o", gold)
    assert again.returncode == 0, again.stderr
    exported = run_cli("export", gold, "--format", "jsonl", "-o", tmp_path / "x.jsonl")
    assert exported.returncode == 0, exported.stderr


def test_merge_still_refuses_a_marked_gold_file_with_decisions(tmp_path: Path) -> None:
    alice = _marked(tmp_path / "alice.jsonl", make_record(**DONE))
    bob = _marked(tmp_path / "bob.jsonl", make_record(annotator="bob", **DONE))
    gold = tmp_path / "gold.jsonl"
    assert run_cli("merge", alice, bob, "-o", gold).returncode == 0
    line = gold.read_bytes()
    decided = orjson.loads(line)
    decided["note"] = "settled"  # a review's decision: the document's line again, changed
    gold.write_bytes(BOM_UTF8 + line + orjson.dumps(decided) + b"\n")
    again = run_cli("merge", alice, bob, "-o", gold)
    assert again.returncode == 1
    assert "holds reviewer decisions on 1 document(s)" in again.stderr, again.stderr


def test_annotate_points_to_a_marked_journal_elsewhere(tmp_path: Path) -> None:
    docs = tmp_path / "proj" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    other = _marked(tmp_path / "proj" / "annotations" / "alice.jsonl", make_record())
    wanted = tmp_path / "elsewhere" / "annotations" / "alice.jsonl"
    found = find_journal_elsewhere(docs, open_corpus(docs), "alice", wanted)
    assert found == JournalElsewhere(other, "alice", 1)


def test_a_jsonl_corpus_with_a_mark_is_read_as_import_reads_it(tmp_path: Path) -> None:
    """``import --format jsonl`` took such a corpus file; validate, export and annotate refused
    it (``invalid JSON: UTF-8 byte order mark (BOM) is not supported``)."""
    corpus = _marked(tmp_path / "c.jsonl", {"id": "a", "text": ARTICLE}, {"id": "b", "text": "B."})
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(orjson.dumps(make_record(**DONE)) + b"\n")
    validated = run_cli("validate", journal, "--corpus", corpus)
    said = f"ok: 1 file(s) valid: {journal} (journal); texts checked against the corpus {corpus}\n"
    assert (validated.returncode, validated.stderr) == (0, said)
    exported = run_cli(
        "export", journal, "--format", "conll", "-o", tmp_path / "x.conll", "--corpus", corpus
    )
    assert exported.returncode == 0, exported.stderr
    opened = open_corpus(corpus)
    assert [opened.get(doc_id).text for doc_id in opened.ids] == [ARTICLE, "B."]
