"""``annotate`` says at the start when its journal holds other annotators' records, which it
does not show: counted, named, and what to do. A lead's import had written root's records to
pa/annotations/alice.jsonl; annotate for alice showed "new", done 0/3, nothing said of them."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import orjson
import pytest

import annotator.commands as commands
from annotator.commands import annotate_cmd
from annotator.core.session import AnnotationSession
from tests.test_import_replacing_work import ROWS, run


def _imported_as_alices(tmp_path: Path) -> Path:
    """root's records of three documents in pa/annotations/alice.jsonl, as an import wrote
    them before it refused such a name."""
    (tmp_path / "doccano.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in ROWS))
    result = run(
        tmp_path, "import", "doccano.jsonl", "--format", "doccano", "-o", "pa/corpus.jsonl",
        "--annotations", "pa/annotations/root.jsonl",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    journals = tmp_path / "pa" / "annotations"
    shutil.move(journals / "root.jsonl", journals / "alice.jsonl")
    return journals / "alice.jsonl"


def _start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the screen opens with, for annotate as the lead ran it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    seen: list[list[str]] = []

    def run_screen(session: AnnotationSession, run_app: object) -> bool:
        seen.append(list(session.messages))
        return bool(session.close())

    monkeypatch.setattr(commands, "run_screen", run_screen)
    args = argparse.Namespace(
        corpus="pa/corpus.jsonl",
        annotator="alice",
        scheme="pa/corpus.scheme.toml",
        out="pa",
        command="annotate",
    )
    assert annotate_cmd.run(args) == 0
    return seen[0]


def test_another_annotators_records_are_said_with_the_rename_that_takes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _imported_as_alices(tmp_path)
    said = _start(tmp_path, monkeypatch)
    assert said == [
        "pa/annotations/alice.jsonl also holds other annotators' records, not shown here "
        "(annotate shows alice's alone): 3 document(s) of 'root'; to work on them as alice's, "
        "quit and run: annotator rename pa/annotations/alice.jsonl --from root --to alice -o "
        "pa/annotations/alice.jsonl --force"
    ]
    # As it says: renamed, they are alice's, and the start says nothing more.
    words = said[0].rpartition("quit and run: annotator ")[2].split()
    renamed = run(tmp_path, *words)
    assert renamed.returncode == 0, renamed.stderr
    assert {orjson.loads(line)["annotator"] for line in journal.read_bytes().splitlines()} == {
        "alice"
    }
    assert _start(tmp_path, monkeypatch) == []


def test_with_records_of_their_own_the_start_says_to_keep_one_annotator_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _imported_as_alices(tmp_path)
    line = orjson.loads(journal.read_bytes().splitlines()[0])
    with journal.open("ab") as handle:
        handle.write(orjson.dumps({**line, "annotator": "alice"}) + b"\n")
    assert _start(tmp_path, monkeypatch) == [
        "pa/annotations/alice.jsonl also holds other annotators' records, not shown here "
        "(annotate shows alice's alone): 3 document(s) of 'root'; export, agree and merge take "
        "one annotator's records a file: keep each annotator's in their own journal (annotator "
        "rename gives records another name)"
    ]
