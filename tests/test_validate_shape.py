"""``annotator validate`` given a file that is not a journal says so in one line, exit 1.

A trial validated a corpus of 200 documents as a journal (the arguments swapped): 1,800 lines,
every record field missing and ``id``, ``text`` unknown on every line, and never what was wrong.
Now a file no line of which is a record, whose first line holds none of a record's keys (or is
no JSON object), is one line saying what it looks like; a journal with a few bad lines still has
each of them listed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from tests.conftest import make_record
from tests.test_agreement_data import run_cli as cli

SCHEME = load_default_scheme()
TEXT = "Kestria freed 12 soldiers to Norvania."


def problems(path: Path) -> list[str]:
    return validate_files([path], None, SCHEME)


def test_a_corpus_given_as_a_journal_is_one_line_and_exit_1(
    write_jsonl: Callable[..., Path],
) -> None:
    corpus = write_jsonl(
        "c.jsonl", *({"id": f"d{n}", "text": TEXT, "meta": {}} for n in range(200))
    )
    result = cli("validate", corpus, "--corpus", corpus)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"{corpus}:1: this looks like a corpus file of documents (id, text), not a journal; "
        f"did you mean --corpus {corpus}?"
    ]


def test_the_arguments_swapped_say_the_corpus_line_is_a_journal_line(
    write_jsonl: Callable[..., Path],
) -> None:
    corpus = write_jsonl("c.jsonl", {"id": "a", "text": TEXT})
    journal = write_jsonl("j.jsonl", make_record(TEXT, doc_id="a"))
    result = cli("validate", corpus, "--corpus", journal)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{journal}:1: id: required field is missing (this looks like a journal line, not a "
        "corpus document)"
    ]


def test_other_tools_files_are_named_with_the_import_that_reads_them(
    write_jsonl: Callable[..., Path],
) -> None:
    doccano = write_jsonl("d.jsonl", *[{"id": n, "text": TEXT, "label": [[0, 7, "actor"]]}
                                       for n in range(3)])  # fmt: skip
    (line,) = problems(doccano)
    assert line == (
        f"{doccano}:1: this looks like another tool's file (id, text, label), not a journal "
        "of records (schema_version, doc_id, doc_sha256, annotator, ...); annotator import "
        "--format doccano reads such files"
    )
    prodigy = write_jsonl(
        "p.jsonl", {"text": TEXT, "spans": [], "_input_hash": 1, "answer": "accept"}
    )
    assert problems(prodigy)[0].endswith("annotator import --format prodigy reads such files")


def test_a_json_array_or_pretty_printed_json_is_one_line(tmp_path: Path) -> None:
    tasks = [{"id": n, "data": {"text": TEXT}, "annotations": []} for n in range(3)]
    for name, data, reader in (
        # Label Studio's export, on one line or pretty-printed: its tasks tell the format (as
        # import's wrong-format line and export's refusal tell it; validate named none for
        # the pretty-printed file, Label Studio's own layout).
        ("ls.json", orjson.dumps(tasks), "annotator import --format labelstudio"),
        (
            "pretty.json",
            orjson.dumps(tasks, option=orjson.OPT_INDENT_2),
            "annotator import --format labelstudio",
        ),
        ("other.json", orjson.dumps([{"id": 1}]), "annotator import"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        assert problems(path) == [
            f"{path}:1: this looks like a JSON file (an array, or pretty-printed), not a journal "
            f"(one record per line); another tool's export is read by {reader}"
        ]


def test_hugging_face_rows_name_the_hf_format(write_jsonl: Callable[..., Path]) -> None:
    """A trial's data.jsonl of export --format hf was said to be read by 'annotator import',
    the only format not named."""
    tokens = [*TEXT.removesuffix(".").split(), "."]
    row = {"id": "a", "tokens": tokens, "ner_tags": [1, 0, 3, 0, 0, 1, 0]}
    spaced = {**row, "spaces": [True] * 5 + [False] * 2, "whitespace": [" "] * 5 + ["", ""]}
    for name, line in (("data.jsonl", spaced), ("bare.jsonl", row)):
        path = write_jsonl(name, line)
        (said,) = problems(path)
        assert said.startswith(f"{path}:1: this looks like another tool's file (id, tokens, ")
        assert said.endswith("; annotator import --format hf reads such files")
    labels = write_jsonl("labels.json", '["O", "B-actor", "I-actor"]')
    assert problems(labels) == [
        f"{labels}:1: this looks like the tag names of a Hugging Face export (labels.json), not "
        "a journal; annotator import --format hf reads its folder"
    ]


def test_a_conll_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "t.conll"
    path.write_text("-DOCSTART- O\n\nKestria B-actor\nfreed O\n12 B-count\n")
    assert problems(path) == [
        f"{path}:1: not a journal: no line of it is a JSON record (4 line(s) unreadable; the "
        "first: '-DOCSTART- O'); annotator import --format conll reads such files"
    ]


@pytest.mark.parametrize(
    ("first", "reader"),
    [
        ("Kestria\tB-actor", "annotator import --format conll reads such files"),
        ("Kestria NNP _ I-actor", "annotator import --format conll reads such files"),
        ("# sent_id = 1", "annotator import --format conllu reads such files"),
        ("1\tKestria\t_\t_\t_\t_\t_\t_\t_\tNER=B-actor", "annotator import --format conllu"),
        ("T1\tactor 0 7\tKestria", "annotator import --format brat reads their folder (.txt"),
        ("Kestria freed twelve", None),  # prose: no format named
    ],
)
def test_a_text_file_names_the_format_its_first_line_tells(
    tmp_path: Path, first: str, reader: str | None
) -> None:
    path = tmp_path / "t.txt"
    path.write_text(f"{first}\n{first}\n")
    (line,) = problems(path)
    assert line.startswith(f"{path}:1: not a journal: no line of it is a JSON record (2 line(s)")
    if reader is None:
        assert "annotator import" not in line
    else:
        assert line.split("); ", 1)[1].startswith(reader)


def test_a_journal_with_a_few_bad_lines_still_lists_each(
    write_jsonl: Callable[..., Path],
) -> None:
    record = make_record()
    del record["doc_sha256"]
    journal = write_jsonl("j.jsonl", make_record(), "{broken", record, {"id": "x", "text": "y"})
    found = [line.removeprefix(f"{journal}:") for line in problems(journal)]
    assert found[0].startswith("2: invalid JSON")
    assert found[1:] == [
        "3: doc_sha256: required field is missing",
        "4: schema_version: required field is missing",
        "4: doc_id: required field is missing",
        "4: doc_sha256: required field is missing",
        "4: annotator: required field is missing",
        "4: status: required field is missing",
        "4: spans: required field is missing",
        "4: id: unknown field",
        "4: text: unknown field",
    ]


def test_a_file_of_broken_record_lines_lists_each(write_jsonl: Callable[..., Path]) -> None:
    """No line is a valid record, but they are records' lines: each problem is said."""
    journal = write_jsonl("j.jsonl", make_record(schema_version=2), make_record(status="open"))
    found = problems(journal)
    assert [line.split(": ")[1] for line in found] == ["schema_version", "status"]


def test_a_torn_first_line_of_a_journal_is_said_as_torn(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(orjson.dumps(make_record())[:40])
    (line,) = problems(journal)
    assert "incomplete last line" in line


def test_corpus_reading_says_a_missing_id_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"text": "x"}\n')
    with pytest.raises(AnnotatorError) as raised:
        open_corpus(path)
    assert str(raised.value) == f"{path}:1: id: required field is missing"
