"""Export and import take the lock of each file they replace, as merge and compact do. A trial
found ``export -o gold.jsonl`` while ``review -o gold.jsonl`` ran said "replaced the file that
was there", exit 0: the reviewer's decisions were gone and the review's next key crashed. Now a
file a live process holds is refused in one line naming it and the holder, nothing written; a
lock whose process is gone is taken over and said; and while the write runs its lock is held,
so no session starts on the file mid-write.

A live holder is a sleeping child process named in the lock file, as ``test_store`` holds one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import LockedError
from annotator.core.formats import export as export_module
from annotator.core.formats import importing
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.lock import JournalLock, lock_path
from annotator.core.models import sha256_text

TEXTS = {"a": "Kyiv freed 5 people.\n", "b": "Kyiv freed 6 people.\n", "c": "Kyiv freed 7.\n"}
SOURCE = b'{"id":"d1","text":"Russia freed 146 prisoners.","label":[[0,6,"actor"]]}\n'
GOLD = b'{"a reviewer\'s decisions": true}\n'


def journal(path: Path) -> Path:
    rows = [
        {
            "schema_version": 1,
            "doc_id": doc_id,
            "doc_sha256": sha256_text(text),
            "annotator": "alice",
            "status": "done",
            "spans": [{"id": "s1", "start": 0, "end": 4, "label": "actor", "text": "Kyiv"}],
        }
        for doc_id, text in TEXTS.items()
    ]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def corpus(path: Path) -> Path:
    rows = [{"id": doc_id, "text": text, "meta": {}} for doc_id, text in TEXTS.items()]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, hidden ones too, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def hold(path: Path, pid: int, **more: Any) -> Path:
    """``path``'s lock file, as process ``pid`` on this machine writes it."""
    lock = lock_path(path)
    facts = {"host": socket.gethostname(), "pid": pid, "since": 0, **more}
    lock.write_bytes(orjson.dumps(facts))
    return lock


def locked_line(path: Path, pid: int, doing: str = "another annotator process") -> str:
    return (
        f"{path}: locked by process {pid} on this machine: {doing} is writing it "
        f"(if it is gone, as `ps -p {pid}` shows, remove {lock_path(path)}; a stopped "
        "process is not gone)"
    )


def test_an_export_onto_a_gold_file_a_review_holds_is_refused(tmp_path: Path, holder: int) -> None:
    source = journal(tmp_path / "alice.jsonl")
    gold = tmp_path / "g" / "gold.jsonl"
    gold.parent.mkdir()
    gold.write_bytes(GOLD)
    hold(gold, holder, doing="a review of this gold file")
    before = listing(tmp_path)
    said: list[str] = []
    with pytest.raises(LockedError) as refused:
        export_records(source, "jsonl", gold, on_warning=said.append)
    assert str(refused.value) == locked_line(gold, holder, "a review of this gold file")
    assert said == []  # the refusal is the one line said
    assert listing(tmp_path) == before  # the gold file and its holder's lock as they were


def test_a_lock_file_that_does_not_say_what_holds_it_is_another_process(
    tmp_path: Path, holder: int
) -> None:
    source = journal(tmp_path / "alice.jsonl")
    live = tmp_path / "o1" / "annotations" / "bob.jsonl"
    live.parent.mkdir(parents=True)
    live.write_bytes(b"")
    hold(live, holder)  # as a session before ``doing`` writes it
    with pytest.raises(LockedError) as refused:
        export_records(source, "jsonl", live)
    assert str(refused.value) == locked_line(live, holder)
    assert live.read_bytes() == b""


def test_a_split_export_with_one_file_held_writes_none(tmp_path: Path, holder: int) -> None:
    source = journal(tmp_path / "alice.jsonl")
    out = tmp_path / "splits"
    out.mkdir()
    held = out / "dev.jsonl"
    held.write_bytes(GOLD)
    hold(held, holder)
    before = listing(out)
    with pytest.raises(LockedError) as refused:
        export_records(source, "jsonl", out, split="train=0.4,dev=0.3,test=0.3")
    assert str(refused.value) == locked_line(held, holder)
    assert listing(out) == before
    assert not (out / "train.jsonl").exists()  # taken locks let go, nothing written


def test_a_brat_document_held_is_refused(tmp_path: Path, holder: int) -> None:
    source = journal(tmp_path / "alice.jsonl")
    out = tmp_path / "brat"
    out.mkdir()
    hold(out / "b.ann", holder)
    before = listing(out)
    with pytest.raises(LockedError) as refused:
        export_records(source, "brat", out, corpus=corpus(tmp_path / "c.jsonl"))
    assert str(refused.value) == locked_line(out / "b.ann", holder)
    assert listing(out) == before


def test_a_stale_lock_is_taken_over_and_said(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    source = journal(tmp_path / "alice.jsonl")
    gold = tmp_path / "gold.jsonl"
    hold(gold, gone.pid)
    said: list[str] = []
    result = export_records(source, "jsonl", gold, on_warning=said.append)
    line = (
        f"{gold}: took over the lock of process {gone.pid} on {socket.gethostname()}, "
        "which is no longer running"
    )
    assert said == [line]
    assert result.warnings == [line]
    assert len(gold.read_bytes().splitlines()) == 3
    assert not lock_path(gold).exists()  # the export's own lock let go


def test_the_export_holds_the_lock_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = journal(tmp_path / "alice.jsonl")
    gold = tmp_path / "gold.jsonl"
    refusals: list[str] = []
    real = export_module.write

    def write(out: Path, files: dict[str, bytes], fmt: str) -> list[Path]:
        with pytest.raises(LockedError) as refused:  # a review starting now
            JournalLock(gold).acquire()
        refusals.append(str(refused.value))
        return real(out, files, fmt)

    monkeypatch.setattr(export_module, "write", write)
    export_records(source, "jsonl", gold)
    assert refusals == [locked_line(gold, os.getpid(), "an export")]
    assert sorted(listing(tmp_path)) == ["alice.jsonl", "gold.jsonl"]  # no lock file left


def test_an_import_onto_a_held_file_is_refused_before_reading(tmp_path: Path, holder: int) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(SOURCE)
    out = tmp_path / "o1"
    (out / "annotations").mkdir(parents=True)
    records = out / "annotations" / "alice.jsonl"
    records.write_bytes(GOLD)
    hold(records, holder, doing="an annotate session of this journal")
    before = listing(tmp_path)
    said: list[str] = []
    with pytest.raises(LockedError) as refused:
        import_documents(src, "doccano", out / "corpus.jsonl", annotations=records,
                         annotator="alice", force=True, on_warning=said.append)  # fmt: skip
    assert str(refused.value) == locked_line(records, holder, "an annotate session of this journal")
    assert said == []
    assert listing(tmp_path) == before


def test_the_import_holds_every_lock_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(SOURCE)
    corpus_out, records = tmp_path / "corpus.jsonl", tmp_path / "alice.jsonl"
    scheme_out = tmp_path / "corpus.scheme.toml"
    held: list[list[str]] = []
    real = importing.write_together

    def write_together(writes: list[tuple[Path, bytes]]) -> list[str]:
        held.append(sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".lock"))
        for path in (corpus_out, records, scheme_out):
            with pytest.raises(LockedError, match="an import is writing it"):
                JournalLock(path).acquire()
        return real(writes)

    monkeypatch.setattr(importing, "write_together", write_together)
    import_documents(src, "doccano", corpus_out, annotations=records, annotator="alice")
    assert held == [["alice.jsonl.lock", "corpus.jsonl.lock", "corpus.scheme.toml.lock"]]
    assert sorted(listing(tmp_path)) == [
        "alice.jsonl",
        "corpus.jsonl",
        "corpus.scheme.toml",
        "in.jsonl",
    ]
