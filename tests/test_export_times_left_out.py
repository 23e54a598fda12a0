"""Only jsonl and labelstudio write a record's ``updated_at`` and ``seconds_spent``; the
others drop them, and the export says so once (they are dropped for every record, not per document).
prodigy writes ``updated_at`` as ``_timestamp`` (test_export_prodigy_timestamp): it drops only
the time spent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_agreement_data import run_cli
from tests.test_formats_support import record, write_case

# labelstudio keeps both (test_labelstudio_roundtrip_ids_times).
FORMATS = ["doccano", "brat", "conll", "hf"]


def case(folder: Path, count: int, **times: Any) -> tuple[Path, Path]:
    docs = [(f"d{n}", f"Kyiv freed {n} people.") for n in range(count)]
    records = [record(i, t, [(0, 4, "actor")], **times) for i, t in docs]
    return write_case(folder, docs, records)


def export(corpus: Path, gold: Path, fmt: str, out: Path, *more: str) -> list[str]:
    result = run_cli("export", gold, "--format", fmt, "--corpus", corpus, "-o", out, *more)
    assert result.returncode == 0, result.stderr
    return result.stderr.splitlines()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_format_without_times_says_once_that_it_drops_them(tmp_path: Path, fmt: str) -> None:
    corpus, gold = case(tmp_path, 7, updated_at="2025-08-25T09:00:00Z", seconds_spent=431.0)
    said = export(corpus, gold, fmt, tmp_path / "out", "-v")
    line = (
        f"{fmt} cannot carry updated_at and seconds_spent (time spent) of any record: "
        "not written for 7 document(s) (jsonl and labelstudio keep them)"
    )
    assert said.count(line) == 1  # once, with -v too: not a line per document
    assert not any("updated_at" in other for other in said if other != line)


def test_prodigy_says_once_that_it_drops_the_time_spent(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path, 7, updated_at="2025-08-25T09:00:00Z", seconds_spent=431.0)
    said = export(corpus, gold, "prodigy", tmp_path / "out", "-v")
    line = (
        "prodigy cannot carry seconds_spent (time spent) of any record: not written for 7 "
        "document(s) (jsonl and labelstudio keep them)"
    )
    assert said.count(line) == 1
    assert not any("updated_at" in other for other in said)


def test_only_what_the_records_have_is_named(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "a", 2, updated_at="2025-08-25T09:00:00Z")
    assert export(corpus, gold, "brat", tmp_path / "a" / "out") == [
        "brat cannot carry updated_at of any record: not written for 2 document(s) "
        "(jsonl and labelstudio keep them)",
        "1 warning(s): see above",
    ]
    corpus, gold = case(tmp_path / "b", 2)  # neither: nothing is lost, nothing said
    assert export(corpus, gold, "brat", tmp_path / "b" / "out") == []


def test_jsonl_keeps_the_times_and_says_nothing(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path, 3, updated_at="2025-08-25T09:00:00Z", seconds_spent=5.0)
    out = tmp_path / "out.jsonl"
    assert export(corpus, gold, "jsonl", out, "--with-text") == []
    assert out.read_text().count('"seconds_spent":5.0') == 3
