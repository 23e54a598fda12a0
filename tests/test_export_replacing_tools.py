"""``export -o`` replaces a file of another tool's annotated texts only with ``--force``, as it
does a journal: a Label Studio, Prodigy or doccano file, an hf folder's rows, each an earlier
export or the tool's own (often its only copy), and the files of a split folder holding them.
They were replaced unasked, while a jsonl export of the same records was refused."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.export_request import output_hint
from annotator.core.formats import export_replacing
from annotator.core.formats.export import export_records
from annotator.core.formats.export_replacing import held_in
from tests.test_formats_cli import cli
from tests.test_formats_support import FIXTURES, record, write_case

TEXT = "Kyiv freed 146 people."
REFUSED = ": choose another name, or pass --force to replace the file (nothing was written)\n"


def case(folder: Path, count: int = 1) -> tuple[Path, Path]:
    docs = [(f"d{n}", TEXT) for n in range(1, count + 1)]
    return write_case(folder, docs, [record(i, TEXT, [(0, 4, "actor")]) for i, _ in docs])


@pytest.mark.parametrize(
    ("fmt", "name", "said"),
    [
        ("labelstudio", "tasks.json", "its first entry is a Label Studio task of document 'd1'"),
        ("doccano", "rows.jsonl", "its first line is a doccano row of document 'd1'"),
        ("prodigy", "tasks.jsonl", "its first line is a Prodigy task of document 'd1'"),
    ],
)
def test_an_earlier_export_of_a_tool_is_refused_in_one_line_and_kept(
    tmp_path: Path, fmt: str, name: str, said: str
) -> None:
    corpus, source = case(tmp_path / "in")
    out = tmp_path / name
    args = ("export", source, "--format", fmt, "-o", out, "--corpus", corpus)
    assert cli(*args).returncode == 0
    before = out.read_bytes()
    refused = cli(*args, "--status", "all")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == f"{out}: {said}{REFUSED}"
    assert out.read_bytes() == before
    forced = cli(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert f"{out}: replaced the file that was there" in forced.stderr


def test_an_hf_folder_s_rows_are_refused_and_every_file_kept(tmp_path: Path) -> None:
    corpus, source = case(tmp_path / "in")
    out = tmp_path / "hf"
    export_records(source, "hf", out, corpus=corpus)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    with pytest.raises(AnnotatorError) as raised:
        export_records(source, "hf", out, corpus=corpus)
    labels = out / "labels.json"
    assert str(raised.value) == (
        f"2 files of this export hold what is replaced only when asked: {out / 'data.jsonl'} "
        f"(its first line is an hf row of document 'd1'); {labels} (it holds "
        f"{labels.stat().st_size} bytes): choose another folder, or pass --force to replace "
        "them (nothing was written)"
    )
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert export_records(source, "hf", out, corpus=corpus, force=True).replaced


@pytest.mark.parametrize(
    ("fmt", "first", "said"),
    [
        ("hf", "train.jsonl", "its first line is an hf row"),
        ("doccano", "train.jsonl", "its first line is a doccano row"),
        ("labelstudio", "train.json", "its first entry is a Label Studio task"),
        ("prodigy", "train.jsonl", "its first line is a Prodigy task"),
    ],
)
def test_a_split_folder_whose_files_hold_annotations_is_refused(
    tmp_path: Path, fmt: str, first: str, said: str
) -> None:
    corpus, source = case(tmp_path / "in", 6)
    out = tmp_path / "splits"
    split = "train=0.5,dev=0.5"
    export_records(source, fmt, out, corpus=corpus, split=split)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    second = out / first.replace("train", "dev")
    # Each file of the split is named, with what it holds: not the first only.
    with pytest.raises(AnnotatorError) as refused:
        export_records(source, fmt, out, corpus=corpus, split=split, seed=1)
    named = [
        rf"{re.escape(str(path))} \({said} of document 'd\d'\)" for path in (out / first, second)
    ]
    if fmt == "hf":  # its labels.json too, said by its size
        named.append(rf"{re.escape(str(out / 'labels.json'))} \(it holds \d+ bytes\)")
    head = f"^{len(named)} files of this export hold what is replaced only when asked: "
    assert re.match(f"{head}{'; '.join(named)}: choose another folder", str(refused.value))
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    export_records(source, fmt, out, corpus=corpus, split=split, seed=1, force=True)
    assert {path.name: path.read_bytes() for path in out.iterdir()} != before


def test_label_studio_s_own_files_are_told_on_one_line_or_many(tmp_path: Path) -> None:
    task = {"id": 7, "data": {"text": TEXT}, "annotations": [{"result": []}]}
    path = tmp_path / "project-1.json"
    for data in (orjson.dumps([task]), orjson.dumps([task], option=orjson.OPT_INDENT_2)):
        path.write_bytes(b"\xef\xbb\xbf" + data)
        held = held_in(path)
        assert held is not None
        assert (held.said, held.plural) == (
            "its first entry is a Label Studio task (id 7)",
            "Label Studio tasks",
        )
    # Tasks to import hold texts, a corpus of sorts: kept too. One object over many lines.
    path.write_bytes(orjson.dumps({"data": {"text": TEXT}}, option=orjson.OPT_INDENT_2))
    held = held_in(path)
    assert held is not None and held.said == "its first entry is a Label Studio task"


def test_a_pretty_printed_task_whose_lines_read_as_json_here_and_there_is_found(
    tmp_path: Path,
) -> None:
    # Label Studio's own file of one task: lines such as '"Person"' are JSON by themselves,
    # so its lines read as "JSON of something else"; the file was replaced unasked.
    path = tmp_path / "annotations_1.json"
    shutil.copy(FIXTURES / "label_studio" / "frontend_examples_named_entity" / path.name, path)
    held = held_in(path)
    assert held is not None and held.said == "its first entry is a Label Studio task (id 1)"


def test_a_task_past_other_entries_is_found(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    # Its first entry longer than the first read: read further, the cut character whole.
    first = {"note": "é" * 40_000}
    path.write_bytes(orjson.dumps([first, 1, {"data": {"text": TEXT}}]))
    held = held_in(path)
    assert held is not None and held.said == "its entry 3 is a Label Studio task"


@pytest.mark.parametrize(
    "data",
    [
        b'["O", "B-actor", "I-actor"]\n',  # an hf export's labels.json
        b"[1, 2",  # cut short
        b'[[1, 2], "a"]\n',
    ],
)
def test_json_of_no_object_is_no_annotation(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "other.json"
    path.write_bytes(data)
    assert held_in(path) is None


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b'[\n  {"labels": ["O"]}\n]\n', "its line 2 is a JSON object (keys: labels)"),
        (b'{\n  "name": "protest"\n}\n', "its first entry is a JSON object (keys: name)"),
        (b'[{"tokens": ["a"]}]', "its first entry is a JSON object (keys: tokens)"),
        # neither doccano's list nor a Prodigy key
        (b'{"text": "Kyiv.", "label": "POS"}\n',
         "its first line is a JSON object (keys: text, label)"),
        # A task after them is what is said.
        (b'[{"a": 1}, {"data": {"text": "Kyiv."}}]', "its entry 2 is a Label Studio task"),
    ],
)  # fmt: skip
def test_json_objects_of_another_shape_are_kept_said_by_their_keys(
    tmp_path: Path, data: bytes, said: str
) -> None:
    path = tmp_path / "other.json"
    path.write_bytes(data)
    held = held_in(path)
    assert held is not None and held.said == said
    assert (held.fmt is None) is ("JSON object" in said)


def test_what_is_read_of_a_json_file_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tasks.json"
    task = {"data": {"text": TEXT}}
    path.write_bytes(orjson.dumps([1, 2, task]))
    monkeypatch.setattr(export_replacing, "LOOKED_AT_LINES", 2)
    assert held_in(path) is None
    monkeypatch.setattr(export_replacing, "LOOKED_AT_LINES", 3)
    assert held_in(path) is not None
    monkeypatch.setattr(export_replacing, "LOOKED_AT_BYTES", 8)  # "[1,2,{"d" read
    assert held_in(path) is None


def test_the_export_screen_s_hint_names_what_the_file_holds(tmp_path: Path) -> None:
    corpus, source = case(tmp_path / "in", 6)
    out = tmp_path / "ls.json"
    export_records(source, "labelstudio", out, corpus=corpus)
    hint = output_hint("labelstudio", None, out)  # the refusal to come, in the box's words
    assert "Label Studio task" in hint
    assert 'tick "replace existing files"' in hint
    folder = tmp_path / "hf"
    export_records(source, "hf", folder, corpus=corpus, split="train=0.5,dev=0.5")
    assert output_hint("hf", "train=0.5,dev=0.5", folder, force=True) == (
        "a folder: train.jsonl, dev.jsonl … (one per split) + labels.json; train.jsonl there, "
        "holding hf rows, is replaced"
    )
    shutil.rmtree(folder)
