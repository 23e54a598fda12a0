"""The export screen's request, without a terminal: paths, the command line, refusals."""

from __future__ import annotations

import dataclasses
import shlex
from pathlib import Path

import orjson
import pytest

from annotator.core.export_request import (
    REPLACE_BOX,
    ExportRequest,
    Outcome,
    default_folder,
    default_out,
    export_now,
    output_hint,
    output_path,
)
from annotator.core.formats.export import ExportResult
from annotator.core.formats.export_result import NothingSelected
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import session_on


def test_default_out_names_a_file_or_a_folder(tmp_path: Path) -> None:
    assert default_out(tmp_path, "ana", "jsonl", False) == tmp_path / "export" / "ana.jsonl"
    assert (
        default_out(tmp_path, "ana", "prodigy", False) == tmp_path / "export" / "ana.prodigy.jsonl"
    )
    assert default_out(tmp_path, "ana", "brat", False) == tmp_path / "export" / "ana-brat"
    assert default_out(tmp_path, "ana", "jsonl", True) == tmp_path / "export" / "ana-jsonl"


def test_output_hint_says_what_is_written() -> None:
    assert output_hint("hf", None) == "a folder: data.jsonl + labels.json"
    assert output_hint("conll", "a=1").startswith("a folder: one file per split (train.conll")
    assert output_hint("jsonl", None) == "one file"


def test_output_hint_says_an_empty_output_is_refused_as_export_refuses_it(tmp_path: Path) -> None:
    # A trial: under an empty output the screen said "one file", and Export stopped with
    # "output: give a file or folder path". As typed in the field, the hint reads it as the
    # export does (output_path).
    for typed in ("", "   "):
        assert output_hint("jsonl", None, typed) == "✖ output: give a file or folder path"
        assert output_hint("brat", "train=1", typed) == "✖ output: give a file or folder path"
    assert output_hint("jsonl", None, f" {tmp_path / 'a.jsonl'} ") == "one new file"
    assert output_path(" ~/a.jsonl ") == Path.home() / "a.jsonl"


RECORD = b'{"doc_id": "d", "annotator": "alice", "status": "done", "spans": []}\n'


def test_output_hint_says_what_becomes_of_the_file_there(tmp_path: Path) -> None:
    # A trial: the hint promised "an existing file of that name is replaced" and the export
    # was refused, the file holding records (export_replacing).
    out = tmp_path / "alice.jsonl"
    assert output_hint("jsonl", None, out) == "one new file"
    out.write_bytes(RECORD)
    assert output_hint("jsonl", None, out) == (  # the line the export stops with
        "✖ its first line is a record of annotator 'alice': choose another name, or tick "
        '"replace existing files" to replace the file'
    )
    assert output_hint("jsonl", None, out, force=True) == (
        "one file; the file there, holding records of annotator 'alice', is replaced"
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(RECORD.replace(b'"spans"', b'"sources": ["a"], "spans"'))
    assert output_hint("prodigy", None, gold).startswith(
        "✖ its first line is a gold record of reviewer 'alice': choose another name, or tick"
    )
    corpus = tmp_path / "articles.jsonl"  # a user's only copy of their articles, say
    corpus.write_bytes(b'{"id": "d", "text": "Kyiv freed 5 people."}\n')
    assert output_hint("jsonl", None, corpus).startswith(
        "✖ its first line is a corpus document 'd': choose another name, or tick"
    )
    conll = tmp_path / "alice.conll"
    conll.write_bytes(b"Kyiv\tB-actor\n")  # an earlier export, perhaps corrected by hand
    assert output_hint("conll", None, conll) == (
        '✖ it holds 13 bytes: choose another name, or tick "replace existing files" to replace '
        "the file"
    )
    assert output_hint("conll", None, conll, force=True) == "one file; the file there is replaced"
    conll.write_bytes(b"")  # nothing in it to lose
    assert output_hint("conll", None, conll) == "one file; the file there is replaced"
    assert output_hint("conll", None, tmp_path) == "✖ is a folder; conll writes one file"


def test_output_hint_looks_at_the_files_a_folder_export_writes(tmp_path: Path) -> None:
    out = tmp_path / "alice-jsonl"
    kind = "a folder: one file per split (train.jsonl, dev.jsonl …)"
    assert output_hint("jsonl", "train=0.5,dev=0.5", out) == f"{kind}; a new folder"
    out.mkdir()
    (out / "dev.jsonl").write_bytes(RECORD)
    assert output_hint("jsonl", "train=0.5,dev=0.5", out) == (
        f"✖ {out / 'dev.jsonl'}: its first line is a record of annotator 'alice': choose "
        'another name, or tick "replace existing files" to replace the file'
    )
    assert output_hint("jsonl", "train=0.5,dev=0.5", out, force=True) == (
        f"{kind}; dev.jsonl there, holding records of annotator 'alice', is replaced"
    )
    # Other names: dev.jsonl would be left beside them, another export's, and is refused.
    mixed = (
        "✖ holds 1 file(s) of an earlier export that are not part of this one (e.g. dev.jsonl), "
        "so the folder would mix two exports; choose an empty folder or remove them"
    )
    assert output_hint("jsonl", "a=0.5,b=0.5", out) == mixed
    assert output_hint("hf", None, out) == mixed
    # A split not yet valid names no file (its box says what is wrong), nor brat's documents.
    same = f"{kind}; the folder is there: its files of the same names are replaced"
    assert output_hint("jsonl", "train=0.5", out) == same
    assert output_hint("brat", None, out).endswith(
        'the folder is there: its files of the same names are replaced only with "replace '
        'existing files" ticked'
    )
    assert output_hint("brat", None, out, force=True).endswith(
        "the folder is there: its files of the same names are replaced"
    )
    (out / "dev.jsonl").unlink()
    (out / "data.jsonl").write_bytes(RECORD)
    hf = "a folder: data.jsonl + labels.json"
    assert output_hint("hf", None, out).startswith(f"✖ {out / 'data.jsonl'}: its first line is")
    assert output_hint("hf", None, out, force=True) == (
        f"{hf}; data.jsonl there, holding records of annotator 'alice', is replaced"
    )
    assert output_hint("brat", None, out / "data.jsonl") == (
        "✖ exists and is not a folder; brat writes a folder here"
    )


def test_the_command_line_names_only_what_differs_from_the_defaults(tmp_path: Path) -> None:
    request = ExportRequest(
        source=tmp_path / "j.jsonl",
        fmt="doccano",
        out=tmp_path / "out dir",
        corpus=tmp_path / "docs",
        annotator="ana",
        scheme_path=tmp_path / "s.toml",
        split="80/10/10",
        style="entities",
    )
    words = shlex.split(request.command_line())
    assert words[:6] == [
        "annotator",
        "export",
        str(tmp_path / "j.jsonl"),
        "--format",
        "doccano",
        "-o",
    ]
    assert words[6] == str(tmp_path / "out dir")
    assert "--status" not in words and "--with-text" not in words and "--offsets" not in words
    assert words[-6:] == ["--split", "80/10/10", "--seed", "0", "--style", "entities"]
    assert "--force" not in words
    forced = dataclasses.replace(request, force=True).command_line()
    assert shlex.split(forced) == [*words, "--force"]


def request_to(session: AnnotationSession, out: Path) -> ExportRequest:
    """The screen's request: alice's journal as jsonl to ``out``."""
    return ExportRequest(
        session.journal, "jsonl", out, session.corpus.path, "alice", session.scheme_path
    )


def test_an_export_never_writes_over_the_journal_or_the_corpus(tmp_path: Path) -> None:
    # The same line as ``annotator export`` says (export_out.refuse_own_inputs).
    opened = session_on(tmp_path, "Kyiv freed 5 people.\n")
    try:
        journal, corpus = opened.journal, opened.corpus.path
        refused = {
            journal: f"{journal}: is the same file as the source ({journal}); write the export "
            "to another file (nothing was written)",
            journal.parent: f"{journal.parent}: holds the source ({journal}); write the export "
            "to a folder that does not (nothing was written)",
            corpus / "in.jsonl": f"{corpus / 'in.jsonl'}: is inside the corpus folder "
            f"({corpus}); write the export outside it (nothing was written)",
        }
        for out, line in refused.items():
            assert export_now(request_to(opened, out), opened).error == line
        assert sorted(p.name for p in corpus.iterdir()) == ["d.txt"]
        opened.open("d")
        opened.label_selection(0, 4, "actor")
        elsewhere = export_now(request_to(opened, tmp_path / "alice.jsonl"), opened)
        # Nothing to export is refused as the command refuses it (no empty file written),
        # naming the screen's box to tick where the command names its --status.
        assert (elsewhere.error, elsewhere.summary()) == (
            line := f"{journal}: no records with status done to export (left out 1 "
            'document(s) whose status is not done: 1 in progress; tick "in progress" in '
            "statuses to export them too); nothing was written",
            line,
        )
        assert not (tmp_path / "alice.jsonl").exists()
    finally:
        opened.close()


def test_the_default_folder_is_not_made_inside_the_corpus(tmp_path: Path) -> None:
    # Texts and annotations/ in one folder: the screen's export/ would be inside the corpus.
    (tmp_path / "d.txt").write_text("Kyiv freed 5 people.\n", encoding="utf-8")
    opened = open_session(tmp_path, "alice", None, tmp_path)
    try:
        out = default_folder(opened.journal) / "alice.jsonl"
        outcome = export_now(request_to(opened, out), opened)
        assert outcome.error == (
            f"{out}: is inside the corpus folder ({tmp_path}); write the export outside it "
            "(nothing was written)"
        )
        assert not (tmp_path / "export").exists()
    finally:
        opened.close()


def test_an_outcome_without_a_result_is_one_line(tmp_path: Path) -> None:
    request = ExportRequest(tmp_path, "jsonl", tmp_path, tmp_path, "ana", tmp_path)
    assert Outcome(request, error="a\n  b").summary() == "a b"


def test_the_summary_says_what_was_left_out_for_its_status(tmp_path: Path) -> None:
    request = ExportRequest(tmp_path, "jsonl", tmp_path / "out.jsonl", tmp_path, "ana", tmp_path)
    result = ExportResult(
        3, [tmp_path / "out.jsonl"], statuses=["done"], left_out={"in_progress": 2, "skipped": 1}
    )
    assert Outcome(request, result=result).summary() == (
        f"exported 3 document(s) as jsonl to {tmp_path / 'out.jsonl'}; left out 3 document(s) "
        "whose status is not done: 2 in progress, 1 skipped"
    )
    assert Outcome(request, result=ExportResult(3, [tmp_path / "out.jsonl"])).summary() == (
        f"exported 3 document(s) as jsonl to {tmp_path / 'out.jsonl'}"
    )


def test_the_screen_and_annotator_export_say_the_same_line(tmp_path: Path) -> None:
    out = tmp_path / "o"
    split = ExportResult(3, [out / "train.conll", out / "dev.conll"], splits={"train": 2, "dev": 1})
    assert split.exported_line("conll", "o/") == (
        "exported 3 document(s) as conll to o/ (2 files): train 2, dev 1"
    )
    request = ExportRequest(tmp_path, "conll", out, tmp_path, "ana", tmp_path, split="train=2/3")
    assert Outcome(request, result=split).summary() == (
        f"exported 3 document(s) as conll to {out} (2 files): train 2, dev 1"
    )
    piped = ExportResult(1, [], data=b"{}\n")
    assert piped.exported_line("jsonl", "-") == "exported 1 document(s) as jsonl to standard output"


def test_the_summary_says_a_folder_the_export_made(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out.jsonl"
    request = ExportRequest(tmp_path, "jsonl", out, tmp_path, "ana", tmp_path)
    result = ExportResult(1, [out], made_folders=[out.parent])
    assert Outcome(request, result=result).summary() == (
        f"exported 1 document(s) as jsonl to {out}; made the folder {out.parent}"
    )


def test_nothing_selected_says_the_command_s_status_or_the_screen_s_boxes(tmp_path: Path) -> None:
    source = tmp_path / "alice.jsonl"
    result = ExportResult(0, [], statuses=("done", "skipped"), left_out={"in_progress": 2})
    refused = NothingSelected(result, source)
    assert str(refused) == (
        f"{source}: no records with status done, skipped to export (left out 2 document(s) "
        "whose status is not done or skipped: 2 in progress; --status all exports them too); "
        "nothing was written"
    )
    assert result.nothing_selected(source, on_screen=True) == (
        f"{source}: no records with status done, skipped to export (left out 2 document(s) "
        'whose status is not done or skipped: 2 in progress; tick "in progress" in statuses '
        "to export them too); nothing was written"
    )
    # Nothing left out (an empty journal): nothing to tick, either way.
    empty = ExportResult(0, [])
    assert (
        empty.nothing_selected(source, on_screen=True)
        == empty.nothing_selected(source)
        == (f"{source}: no records with status done to export; nothing was written")
    )


def test_a_file_of_records_is_replaced_only_with_the_replace_box(tmp_path: Path) -> None:
    # The screen's default output is a jsonl export, a file of records: a second export to it
    # is refused in the screen's words (its box, not --force) until the box is ticked.
    opened = session_on(tmp_path, "Kyiv freed 5 people.\n")
    try:
        opened.open("d")
        opened.label_selection(0, 4, "actor")
        opened.set_field("event_type", "exchange")
        opened.mark_done()
        out = tmp_path / "export" / "alice.jsonl"
        first = export_now(request_to(opened, out), opened)
        assert first.error is None
        written = out.read_bytes()
        assert (
            first.summary()
            == f"exported 1 document(s) as jsonl to {out}; made the folder {out.parent}"
        )
        opened.label_selection(5, 10, "actor")
        again = export_now(request_to(opened, out), opened)
        assert again.error == (
            f"{out}: its first line is a record of annotator 'alice': choose another name, or "
            'tick "replace existing files" to replace the file (nothing was written)'
        )
        assert out.read_bytes() == written
        forced = dataclasses.replace(request_to(opened, out), force=True)
        replaced = export_now(forced, opened)
        assert replaced.summary() == (
            f"exported 1 document(s) as jsonl to {out}; replaced the file that was there"
        )
        spans = [orjson.loads(data)["spans"] for data in (written, out.read_bytes())]
        assert [[(s["start"], s["end"]) for s in each] for each in spans] == [
            [(0, 4)],
            [(0, 4), (5, 10)],
        ]
    finally:
        opened.close()


@pytest.mark.parametrize(("fmt", "name"), [("conll", "alice.conll"), ("brat", "alice-brat")])
def test_an_earlier_export_of_any_format_is_replaced_only_with_the_replace_box(
    tmp_path: Path, fmt: str, name: str
) -> None:
    # The screen's Export runs the command's export: an earlier CoNLL file or brat folder (a
    # user's hand corrections in it, say) was replaced unasked, where a jsonl one was refused.
    opened = session_on(tmp_path, "Kyiv freed 5 people.\n")
    try:
        opened.open("d")
        opened.label_selection(0, 4, "actor")
        opened.set_field("event_type", "exchange")
        opened.mark_done()
        out = tmp_path / "export" / name
        request = dataclasses.replace(request_to(opened, out), fmt=fmt)
        assert export_now(request, opened).error is None
        before = {path: path.read_bytes() for path in out.parent.rglob("*") if path.is_file()}
        again = export_now(request, opened)
        assert again.error is not None
        assert again.error.endswith(
            f'tick "{REPLACE_BOX}" to replace {"the file" if fmt == "conll" else "them"} '
            "(nothing was written)"
        )
        assert {path: path.read_bytes() for path in out.parent.rglob("*") if path.is_file()} == (
            before
        )
        replaced = export_now(dataclasses.replace(request, force=True), opened)
        assert replaced.error is None
        assert replaced.result is not None and replaced.result.replaced
    finally:
        opened.close()
