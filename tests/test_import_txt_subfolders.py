"""``import --format txt`` on a folder with subfolders: each document's ``meta.source`` is its
file's path within the folder, as its id is (a trial's ``sub/e.txt`` came in as ``e.txt``, the
name of ``e.txt`` beside it too), and ids stay one per file. An empty ``.txt`` came in as an
empty document without a word: it is named."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.corpus import open_corpus
from tests.test_agreement_data import run_cli


def _import(folder: Path, out: Path) -> tuple[str, list[dict[str, object]]]:
    result = run_cli("import", folder, "--format", "txt", "-o", out)
    assert result.returncode == 0, result.stderr
    return result.stderr, [orjson.loads(raw) for raw in out.read_bytes().splitlines()]


def test_a_file_in_a_subfolder_keeps_its_path(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / "e.txt").write_text("Hello.\n", encoding="utf-8")
    (folder / "sub" / "e.txt").write_text("World.\n", encoding="utf-8")
    (folder / "sub" / "deeper" / "e.txt").write_text("Again.\n", encoding="utf-8")
    _said, docs = _import(folder, tmp_path / "c.jsonl")
    assert [(doc["id"], doc["meta"]) for doc in docs] == [
        ("e", {"source": "e.txt"}),
        ("sub/deeper/e", {"source": "sub/deeper/e.txt"}),
        ("sub/e", {"source": "sub/e.txt"}),
    ]
    # The folder read as a corpus (annotate, validate) gives the same meta.
    assert open_corpus(folder).get("sub/e").meta == {"source": "sub/e.txt"}


def test_empty_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Hello.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub" / "blank.txt").write_bytes(b" \r\n\n")
    said, docs = _import(folder, tmp_path / "c.jsonl")
    assert (
        f"{folder}: 2 .txt file(s) hold no words (empty, or whitespace only), imported as "
        "documents with nothing to annotate: empty.txt, sub/blank.txt"
    ) in said.splitlines()
    assert [doc["text"] for doc in docs] == ["Hello.\n", "", " \n\n"]


def test_nothing_said_when_every_file_has_words(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.txt").write_text("Hello.\n", encoding="utf-8")
    said, _docs = _import(folder, tmp_path / "c.jsonl")
    assert said == ""
