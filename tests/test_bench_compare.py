"""``bench.compare.generate`` writes its corpus and journals wherever it is pointed."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from bench import compare


def test_generate_makes_a_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare, "DOCUMENTS", 3)
    folder = tmp_path / "not" / "there"
    corpus, journals = compare.generate(folder)
    assert corpus == folder / "corpus.jsonl"
    assert [path.name for path in journals] == ["alice.jsonl", "bob.jsonl", "carol.jsonl"]
    assert len(corpus.read_bytes().splitlines()) == 3
    for journal in journals:
        lines = journal.read_bytes().splitlines()
        assert [orjson.loads(line)["doc_id"] for line in lines] == ["d00000", "d00001", "d00002"]
