"""``import --format txt`` reads each ``.txt`` file once.

It listed the folder as a corpus and read every text (made LF), then read each file again, by a
path rebuilt from its id, to keep its CRs for the line-ending rule: two reads of every article.
Now each file is read once, as written, and its meta is what the corpus gives it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.formats.importing import import_documents


def test_each_txt_file_is_read_once_and_keeps_the_corpus_meta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(b"date 2023-08-10\r\nKestria freed 12 soldiers.\r\n")
    (folder / "sub" / "b.txt").write_bytes(b"\xef\xbb\xbfNorvania freed 8.\n")
    reads: Counter[Path] = Counter()
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path.suffix == ".txt":
            reads[path] += 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    result = import_documents(folder, "txt", tmp_path / "c.jsonl")
    monkeypatch.undo()
    assert reads == {folder / "a.txt": 1, folder / "sub" / "b.txt": 1}
    assert result.line_endings == 1
    written = [orjson.loads(line) for line in (tmp_path / "c.jsonl").read_bytes().splitlines()]
    as_corpus = [d.model_dump(mode="json") for d in open_corpus(folder)]
    assert written == as_corpus
    assert [d["meta"] for d in written] == [
        {"source": "a.txt", "date": "2023-08-10"},
        {"source": "sub/b.txt"},  # its path in the folder, as its id "sub/b"
    ]
