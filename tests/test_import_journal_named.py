"""Records imported into a journal annotate opens for another name are refused, and the
import's last line is the annotate command that opens the records. A lead imported root's
records into pa/annotations/alice.jsonl: annotate for alice showed "new", done 0/3, nothing said
of root's records in that file, and after her labelling the file mixed two annotators."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_import_replacing_work import ROWS, run

ALICE = ["--annotations", "pa/annotations/alice.jsonl"]
IMPORT = ["import", "doccano.jsonl", "--format", "doccano", "-o", "pa/corpus.jsonl"]


def _source(folder: Path) -> None:
    (folder / "doccano.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in ROWS))


def test_records_of_the_login_name_are_refused_in_another_annotators_journal(
    tmp_path: Path,
) -> None:
    _source(tmp_path)
    result = run(tmp_path, *IMPORT, *ALICE)
    assert result.returncode == 1
    assert result.stderr == (
        "pa/annotations/alice.jsonl: annotate opens it as alice's journal and shows alice's "
        "records alone, but they are root's (your login name, as annotate takes it); nothing "
        "written: import them with --annotations pa/annotations/root.jsonl, or with "
        "--annotator alice if they are alice's\n"
    )
    assert not (tmp_path / "pa").exists()


def test_records_named_by_annotator_are_refused_before_the_source_is_read(
    tmp_path: Path,
) -> None:
    # No source at all: the refusal comes first.
    result = run(tmp_path, *IMPORT, *ALICE, "--annotator", "bob")
    assert result.returncode == 1
    assert result.stderr == (
        "pa/annotations/alice.jsonl: annotate opens it as alice's journal and shows alice's "
        "records alone, but --annotator bob makes them bob's; nothing written: import them "
        "with --annotations pa/annotations/bob.jsonl, or with --annotator alice if they are "
        "alice's\n"
    )


def test_records_of_the_annotator_our_jsonl_names_keep_their_name(tmp_path: Path) -> None:
    _source(tmp_path)
    first = run(tmp_path, *IMPORT, "--annotations", "carol.jsonl", "--annotator", "carol")
    assert first.returncode == 0, first.stderr
    # An import of our jsonl reads the texts with the records: an export --with-text.
    exported = run(
        tmp_path, "export", "carol.jsonl", "--format", "jsonl", "--with-text",
        "--corpus", "pa/corpus.jsonl", "-o", "ex.jsonl", "--status", "all",
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    result = run(
        tmp_path, "import", "ex.jsonl", "--format", "jsonl", "-o", "pb/corpus.jsonl",
        "--annotations", "pb/annotations/alice.jsonl",
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.endswith(
        "pb/annotations/alice.jsonl: annotate opens it as alice's journal and shows alice's "
        "records alone, but they are carol's (the annotator the records in ex.jsonl name); "
        "nothing written: import them with --annotations pb/annotations/carol.jsonl, or with "
        "--annotator alice if they are alice's\n"
    )


def test_the_last_line_opens_the_imported_records(tmp_path: Path) -> None:
    _source(tmp_path)
    result = run(tmp_path, *IMPORT, "--annotations", "pa/annotations/root.jsonl")
    assert result.returncode == 0, result.stderr
    # root is the login name, annotate's default: no --annotator.
    assert result.stdout.splitlines()[-1] == (
        "annotate them: annotator annotate pa/corpus.jsonl --scheme pa/corpus.scheme.toml --out pa"
    )
    named = run(
        tmp_path, *IMPORT, "--annotations", "pa/annotations/alice.jsonl",
        "--annotator", "alice", "--force",
    )  # fmt: skip
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines()[-1] == (
        "annotate them: annotator annotate pa/corpus.jsonl --scheme pa/corpus.scheme.toml "
        "--annotator alice --out pa"
    )


def test_records_written_where_annotate_does_not_look_are_told_where_to_go(
    tmp_path: Path,
) -> None:
    _source(tmp_path)
    (tmp_path / "out" / "annotations").mkdir(parents=True)
    (tmp_path / "out" / "annotations" / "root.jsonl").write_bytes(b"")
    result = run(tmp_path, *IMPORT, "--annotations", "out/x.jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "annotate them: annotate opens root's journal at OUT/annotations/root.jsonl, not "
        "out/x.jsonl: move it to out/annotations/root.jsonl (out/annotations/root.jsonl "
        "exists: add these lines to it, or import into another folder), then: annotator "
        "annotate pa/corpus.jsonl --scheme pa/corpus.scheme.toml --out out"
    )
