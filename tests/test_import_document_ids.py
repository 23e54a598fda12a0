"""A document id that cannot be a file name is refused at import, naming file, line and field.

A trial imported a doccano row with ``"id": "../evil"``: accepted, exit 0; the brat export then
refused it with a line naming neither the source file nor its line. Ids become file names
(brat's ``ID.txt`` and ``ID.ann``), so an id that would leave the folder is the source's to fix,
said where it is. Ids with ``/`` inside are folders, and fine.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.test_agreement_data import run_cli as cli


def rows(path: Path, *ids: object) -> Path:
    path.write_bytes(
        b"".join(
            orjson.dumps({"id": ident, "text": "Kestria freed 12.", "label": [[0, 7, "actor"]]})
            + b"\n"
            for ident in ids
        )
    )
    return path


@pytest.mark.parametrize("bad", ["../evil", "a/../b", "a//b", "/abs", "x\\y", "."])
def test_an_id_that_cannot_be_a_file_name_is_refused_where_it_is(tmp_path: Path, bad: str) -> None:
    source = rows(tmp_path / "dc.jsonl", "ok", "a/b", bad)
    out = tmp_path / "o"
    result = cli("import", source, "--format", "doccano", "-o", out / "c.jsonl",
                 "--annotations", out / "a.jsonl", "--annotator", "cur")  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{source}:3: id: {bad!r} cannot be a file name (empty, '.', '..' or '\\' parts), which "
        "a document id must be (a brat export writes ID.txt): give it another id in the source"
    ]
    assert not out.exists()


def test_ids_with_folders_are_imported_and_exported_to_brat(tmp_path: Path) -> None:
    source = rows(tmp_path / "dc.jsonl", "ok", "a/b")
    out = tmp_path / "o"
    result = cli("import", source, "--format", "doccano", "-o", out / "c.jsonl",
                 "--annotations", out / "a.jsonl", "--annotator", "cur")  # fmt: skip
    assert result.returncode == 0, result.stderr
    result = cli("export", out / "a.jsonl", "--format", "brat", "--corpus", out / "c.jsonl",
                 "-o", tmp_path / "brat")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "brat" / "a" / "b.ann").read_text() == "T1\tactor 0 7\tKestria\n"
