"""What a file holds is told by one rule (``held_kinds.kind_of``), so every command says the same.

Two rules told it before: export's, import's and merge's refusals to replace a file
(``held_kinds``) and ``annotator validate`` with import's wrong-``--format`` line
(``validate_shape``). A file was named Label Studio by one and nothing by the other, and some
files no rule of export's knew (doccano 1.x's, a Prodigy file of tokenized texts) were replaced
unasked. The table holds files of each tool (tests/fixtures/*/SOURCE.txt, and our exports);
each row is said alike by validate, by import's wrong-format line and by the three refusals.
Then the objects the two rules told apart, each with the answer now given.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.export_replacing import ReplacingRecords, held_in
from annotator.core.formats.export_replacing import refuse_replacing_records as refuse_export
from annotator.core.formats.held_kinds import kind_of
from annotator.core.formats.import_outputs import refuse_existing as refuse_import
from annotator.core.formats.import_sources import other_format
from annotator.core.goldfile import refuse_to_lose_decisions as refuse_merge
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from annotator.core.validate_shape import import_format
from tests.test_export_open_conflicts import gold_with_conflicts
from tests.test_formats_fixtures import EXPORTED, LS, PRODIGY, SPACY, TESTDATA
from tests.test_formats_support import record, write_case
from tests.test_import_doccano_label_ids import span, v1_export

TEXT = "Kyiv freed 146 people."
TOKENS = ["Kyiv", "freed", "146", "people", "."]
LS_LISTED = "Label Studio tasks"
PRODIGY_TASKS = "Prodigy tasks"
DOCCANO_ROWS = "doccano rows"
NOT_GOLD = "merge replaces only a gold file"
Build = Callable[[Path], Path]


def copied(source: Path) -> Build:
    def build(folder: Path) -> Path:
        return Path(shutil.copy(source, folder / source.name))

    return build


def prodigy_without(*keys: str) -> Build:
    """The Prodigy fixture's tasks without ``keys`` (a file of tasks made without a tokenizer
    has no ``tokens``)."""

    def build(folder: Path) -> Path:
        rows = [orjson.loads(line) for line in PRODIGY.read_bytes().splitlines()[:5]]
        lines = [orjson.dumps({k: v for k, v in row.items() if k not in keys}) for row in rows]
        path = folder / "no_tokens.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        return path

    return build


def doccano_v1(folder: Path) -> Path:
    return v1_export(folder / "v1.jsonl", [span(2, 0, 7)], [span(3, 8, 13)])


def ours(fmt: str, **options: Any) -> Build:
    """The file ``export --format fmt`` writes of two documents' records."""

    def build(folder: Path) -> Path:
        corpus, journal = case(folder / "in")
        out = folder / ("hf" if fmt == "hf" else f"out.{fmt}")
        export_records(journal, fmt, out, corpus=corpus, status="all", **options)
        return out / "data.jsonl" if fmt == "hf" else out

    return build


def case(folder: Path) -> tuple[Path, Path]:
    docs = [("d1", TEXT), ("d2", TEXT)]
    return write_case(folder, docs, [record(i, TEXT, [(0, 4, "actor")]) for i, _ in docs])


def journal(folder: Path) -> Path:
    path = folder / "alice.jsonl"
    lines = [record(d, TEXT, [(0, 4, "actor")], annotator="alice") for d in ("d1", "d2")]
    path.write_bytes(b"".join(orjson.dumps(r.model_dump(mode="json")) + b"\n" for r in lines))
    return path


def corpus(folder: Path) -> Path:
    return case(folder / "in")[0]


def gold(folder: Path) -> Path:
    return gold_with_conflicts(folder / "in", 2)[1]


# (a name, the file, the words of what it holds (None: nothing kept), its import --format)
TABLE: list[tuple[str, Build, str | None, str | None]] = [
    ("ls annotations+predictions", copied(LS.parent / "converter_csv_test" / "csv_test.json"),
     LS_LISTED, "labelstudio"),
    ("ls predictions only", copied(LS / "tasks.json"), LS_LISTED, "labelstudio"),
    ("ls one task pretty-printed", copied(LS / "annotations_1.json"), LS_LISTED, "labelstudio"),
    ("ls ours", ours("labelstudio"), LS_LISTED, "labelstudio"),
    ("prodigy with tokens", copied(PRODIGY), PRODIGY_TASKS, "prodigy"),
    ("prodigy without tokens", prodigy_without("tokens"), PRODIGY_TASKS, "prodigy"),
    ("prodigy ours", ours("prodigy"), PRODIGY_TASKS, "prodigy"),
    ("spacy's prodigy jsonl", copied(SPACY / "ner_tweets.demo.jsonl"), PRODIGY_TASKS, "prodigy"),
    ("spacy docbin", copied(SPACY / "ner_tweets.demo.spacy"), None, "spacy"),
    ("doccano label", copied(EXPORTED / "sequence_labeling.example.jsonl"), DOCCANO_ROWS,
     "doccano"),
    ("doccano entities pretty", copied(EXPORTED / "relation_extraction.example.jsonl"),
     DOCCANO_ROWS, "doccano"),
    ("doccano entities", copied(TESTDATA / "relation_extraction.example.jsonl"), DOCCANO_ROWS,
     "doccano"),
    ("doccano 1.x", doccano_v1, DOCCANO_ROWS, "doccano"),
    ("doccano ours", ours("doccano"), DOCCANO_ROWS, "doccano"),
    ("hf ours", ours("hf"), "hf rows", "hf"),
    ("journal", journal, "records of annotator 'alice'", None),
    ("gold file", gold, "gold records of reviewer 'carol'", None),
    ("jsonl ours", ours("jsonl"), "records of annotator 'gold'", None),
    ("jsonl --with-text", ours("jsonl", with_text=True), "records of annotator 'gold'", "jsonl"),
    ("corpus", corpus, "a corpus's documents", "jsonl"),
]  # fmt: skip


def validate_line(path: Path) -> str:
    """What ``annotator validate`` says first of the file (a journal's first problem, or "")."""
    found = validate_files([path], None, load_default_scheme())
    return found[0] if found else ""


def refusals(path: Path) -> tuple[str, str, str]:
    """What export, import and merge (``--force``: a gold file is replaced) say refusing to
    replace ``path``; "" for none."""
    said = []
    for refuse in (
        lambda: refuse_export([path], force=False),
        lambda: refuse_import([path], False, None),
        lambda: refuse_merge(path, force=True),
    ):
        try:
            refuse()
            said.append("")
        except AnnotatorError as error:
            said.append(str(error))
    export, import_, merge = said
    return export, import_, merge


@pytest.mark.parametrize(("build", "plural", "fmt"), [row[1:] for row in TABLE],
                         ids=[row[0] for row in TABLE])  # fmt: skip
def test_each_tool_s_file_is_told_alike_by_every_command(
    tmp_path: Path, build: Build, plural: str | None, fmt: str | None
) -> None:
    path = build(tmp_path)
    held = held_in(path)
    assert (held.plural if held else None, import_format(path)) == (plural, fmt)
    # validate: a journal's records are checked; a corpus asks for --corpus; else the format.
    said = validate_line(path)
    if plural is not None and "records" in plural:
        assert "looks like" not in said and "not a journal" not in said
    elif plural == "a corpus's documents":
        assert said.endswith(f"did you mean --corpus {path}?")
    else:
        assert f"annotator import --format {fmt} reads such files" in said or said.endswith(
            f"another tool's export is read by annotator import --format {fmt}"
        )
    # import refused with another --format: the file's own named, when there is one.
    wrong = other_format(path, "conll", "")
    assert wrong is None if fmt is None else wrong.endswith(f": --format {fmt}")
    export, import_, merge = refusals(path)
    if held is None:  # a DocBin: no records told, so said by its size; import asks too
        assert export == (
            f"{path}: it holds {path.stat().st_size:,} bytes: choose another name, or pass "
            "--force to replace the file (nothing was written)"
        )
        assert import_ == f"{path}: already exists; choose another name or pass --force"
        assert merge.startswith(f"{path}: is not a gold file (")
        return
    assert export == ReplacingRecords.refusal_with(path, held, "pass --force")
    assert import_.startswith(f"{path}: already exists ({held.said}")
    if plural is not None and plural.startswith("gold records"):
        assert merge == ""
    else:
        assert merge.startswith(f"{path}: {held.said}; {NOT_GOLD}")


# Objects the two rules told apart: (the object, what it is now, its --format now, and before:
# what validate named / whether export kept it).
DISAGREED: list[tuple[str, dict[str, Any], str | None, str | None]] = [
    # Label Studio's tasks to import, and an older export's completions: validate named none.
    ("ls task to import", {"data": {"text": TEXT}}, LS_LISTED, "labelstudio"),
    ("ls completions", {"data": {"text": TEXT}, "completions": [{"result": []}]}, LS_LISTED,
     "labelstudio"),
    # A task of another data type (no text under data) with its annotations: export replaced it.
    ("ls no text", {"id": 3, "data": {"pages": 2}, "annotations": []}, LS_LISTED, "labelstudio"),
    # data no object: validate named labelstudio, whose reader refuses it (not a task).
    ("ls data no object", {"data": [TEXT], "annotations": []}, None, None),
    # Prodigy's tokenized texts, not yet annotated: validate named Prodigy, export replaced them.
    ("prodigy tokens only", {"text": TEXT, "tokens": [{"text": "Kyiv", "start": 0, "end": 4}]},
     PRODIGY_TASKS, "prodigy"),
    # Prodigy's suggestions to review (spans, no answer, no hashes): validate named none.
    ("prodigy spans only", {"text": TEXT, "spans": [{"start": 0, "end": 4, "label": "actor"}]},
     PRODIGY_TASKS, "prodigy"),
    # A text that is no string: validate named Prodigy, whose reader refuses it.
    ("prodigy text no string", {"text": 5, "answer": "accept"}, None, None),
    # doccano 1.x's rows (numbered labels under annotations; labels as [start, end, label]):
    # validate named doccano, export replaced them.
    ("doccano 1.x annotations", {"id": 1, "text": TEXT, "annotations": [span(2, 0, 4)],
     "meta": {}, "annotation_approver": None}, DOCCANO_ROWS, "doccano"),
    ("doccano 1.x labels", {"id": 1, "text": TEXT, "meta": {}, "annotation_approver": None,
     "labels": [[0, 4, "actor"]]}, DOCCANO_ROWS, "doccano"),
    # A text classification row: validate named doccano, whose reader refuses a label no list.
    ("label no list", {"text": TEXT, "label": 1}, None, None),
    # Hugging Face rows of tags we do not import: kept, as before; no format to name.
    ("hf pos tags", {"id": "0", "tokens": TOKENS, "pos_tags": [1, 2, 3, 4, 5]}, "hf rows",
     None),
    # Tags no list: validate named hf, whose reader refuses them.
    ("hf tags no list", {"tokens": TOKENS, "ner_tags": 3}, None, None),
    # An hf row holding its text: hf for both before; a Prodigy task holds tokens too.
    ("hf with text", {"text": TEXT, "tokens": TOKENS, "ner_tags": [0] * 5}, "hf rows", "hf"),
    # A corpus numbered by hand: validate asked for --corpus, export replaced it.
    ("corpus number ids", {"id": 7, "text": TEXT}, "a corpus's documents", "jsonl"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "plural", "fmt"), [row[1:] for row in DISAGREED],
                         ids=[row[0] for row in DISAGREED])  # fmt: skip
def test_what_the_two_rules_told_apart_is_one_thing_now(
    tmp_path: Path, data: dict[str, Any], plural: str | None, fmt: str | None
) -> None:
    kind = kind_of(data)
    assert (kind.plural if kind else None, kind.fmt if kind else None) == (plural, fmt)
    path = tmp_path / "rows.jsonl"
    path.write_bytes(orjson.dumps(data) + b"\n" + orjson.dumps(data) + b"\n")
    held = held_in(path)
    assert held is not None  # a JSON object is kept whatever it is: told by its kind or keys
    told = held.plural if held.fmt or plural else None
    assert (told, import_format(path)) == (plural, fmt)
    if kind is None:
        assert held.plural == f"JSON objects (keys: {', '.join(data)})"
    said = validate_line(path)
    if plural == "a corpus's documents":
        assert said.endswith(f"did you mean --corpus {path}?")
    else:
        reader = f"annotator import --format {fmt}" if fmt else "annotator import"
        assert said.endswith(f"; {reader} reads such files")
    assert refusals(path)[0] == ReplacingRecords.refusal_with(path, held, "pass --force")


def test_records_with_their_text_name_our_jsonl_and_a_journal_none(tmp_path: Path) -> None:
    line = record("d1", TEXT, [(0, 4, "actor")], annotator="alice").model_dump(mode="json")
    with_text = kind_of({**line, "text": TEXT, "meta": {}})
    bare = kind_of(line)
    assert with_text is not None and bare is not None
    assert (with_text.what, with_text.fmt) == ("a record of annotator 'alice'", "jsonl")
    assert (bare.what, bare.fmt) == ("a record of annotator 'alice'", None)
    # Imported with another --format, the line names ours (validate checks them as records).
    path = tmp_path / "export.jsonl"
    path.write_bytes(orjson.dumps({**line, "text": TEXT, "meta": {}}) + b"\n")
    assert other_format(path, "hf", "") == (
        "it looks like annotator's JSONL (documents, or records with their text): --format jsonl"
    )
    # Our documents in a JSON array are no JSON lines: --format jsonl is not named for them.
    array = tmp_path / "docs.json"
    array.write_bytes(orjson.dumps([{"id": "d1", "text": TEXT}]))
    assert (held_in(array) is not None, import_format(array)) == (True, None)


def test_the_first_telling_line_names_the_file_as_export_finds_it(tmp_path: Path) -> None:
    """A doccano file whose first row nobody labelled: validate and import looked at that row
    alone and named no format, while export found the labelled row after it."""
    path = tmp_path / "rows.jsonl"
    rows = [{"text": TEXT}, {"text": TEXT, "label": [[0, 4, "actor"]]}]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    held = held_in(path)
    assert held is not None and held.said == "its line 2 is a doccano row"
    assert import_format(path) == "doccano"
    assert validate_line(path).endswith("; annotator import --format doccano reads such files")


def test_a_conll_file_whose_first_token_is_a_bracket_is_still_conll(tmp_path: Path) -> None:
    path = tmp_path / "t.conll"
    path.write_text("[ O\nKyiv B-actor\n] O\n", encoding="utf-8")
    assert import_format(path) == "conll"
