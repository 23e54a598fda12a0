"""brat's .txt files give the meta that ``--format txt`` gives the same files.

A leading ``date YYYY-MM-DD`` line sets ``meta.date`` (date spans take their value from it in the
annotation screen) and ``meta.source`` names the file: after an export to brat and an import
back, the document keeps its date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.models import sha256_text
from tests.test_agreement_data import run_cli as cli

TEXT = "date 2025-08-24\r\nRussia freed 146 prisoners.\r\n"


def corpus_meta(path: Path) -> dict[str, dict[str, Any]]:
    return {d["id"]: d["meta"] for d in map(orjson.loads, path.read_bytes().splitlines())}


def test_brat_text_files_give_the_meta_the_txt_import_gives(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "a.txt").write_bytes(TEXT.encode())
    (folder / "b.txt").write_text("No dateline here.\n", encoding="utf-8")
    for fmt in ("txt", "brat"):  # txt refuses a folder whose .ann files hold annotations
        result = cli("import", folder, "--format", fmt, "-o", tmp_path / f"{fmt}.jsonl")
        assert result.returncode == 0, result.stderr
        (folder / "news" / "a.ann").write_text("T1\tactor 17 23\tRussia\n", encoding="utf-8")
    assert (
        corpus_meta(tmp_path / "brat.jsonl")
        == corpus_meta(tmp_path / "txt.jsonl")
        == {
            "b": {"source": "b.txt"},
            "news/a": {"source": "news/a.txt", "date": "2025-08-24"},  # its path, as its id
        }
    )


def test_an_export_to_brat_and_back_keeps_the_date(tmp_path: Path) -> None:
    text = "date 2025-08-24\nRussia freed 146 prisoners.\n"
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(orjson.dumps({"id": "a", "text": text, "meta": {"date": "2025-08-24"}}))
    start = text.index("Russia")
    record = {"schema_version": 1, "doc_id": "a", "doc_sha256": "", "annotator": "x",
              "status": "done", "spans": [{"id": "s1", "start": start, "end": start + 6,
                                           "label": "actor", "text": "Russia"}]}  # fmt: skip
    record["doc_sha256"] = sha256_text(text)
    journal = tmp_path / "x.jsonl"
    journal.write_bytes(orjson.dumps(record) + b"\n")
    result = cli("export", journal, "--format", "brat", "--corpus", corpus, "-o", tmp_path / "b")
    assert result.returncode == 0, result.stderr
    result = cli("import", tmp_path / "b", "--format", "brat", "-o", tmp_path / "back.jsonl",
                 "--annotations", tmp_path / "r.jsonl", "--annotator", "x")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert corpus_meta(tmp_path / "back.jsonl")["a"]["date"] == "2025-08-24"
