"""An import refused with the wrong --format says what the file looks like, and its --format.

A team lead's trial: a Prodigy file read as Label Studio said only "invalid JSON: unexpected
content after document", read as spaCy "not a spaCy DocBin (ValueError)"; a CoNLL file read as
CoNLL-U "expected 10 tab-separated columns"; a Label Studio task read as doccano suggested
--text-key, and following it gave "data: expected a string, got dict". The line still says the
first problem, then what validate's look at the file finds (``validate_shape.import_format``).
The fixtures are real files (tests/fixtures/*/SOURCE.txt).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.importing import import_documents
from tests.test_formats_fixtures import CONLL, EXPORTED, LS, PRODIGY, SEQ, SPACY

DOCCANO = EXPORTED / f"{SEQ}.jsonl"
CONLL_2003 = CONLL / "ner-token-per-line-conll2003.iob"  # -DOCSTART- -X- O O, 4 columns
CONLL_TABS = CONLL / "fewshot_conll__1shot.txt"  # Three<TAB>O
LS_TASK = LS / "annotations_1.json"  # one pretty-printed task: {"id", "data", "annotations"}
DOCBIN = SPACY / "ner_tweets.demo.spacy"

AS_PRODIGY = "it looks like a Prodigy file: --format prodigy"
AS_DOCCANO = "it looks like a doccano file: --format doccano"
AS_CONLL = "it looks like a CoNLL file: --format conll"
AS_LS = "it looks like a Label Studio file: --format labelstudio"


def refusal(source: Path, fmt: str, folder: Path, **options: Any) -> str:
    with pytest.raises(AnnotatorError) as raised:
        import_documents(source, fmt, folder / "c.jsonl", **options)
    assert not folder.exists()
    return str(raised.value)


@pytest.mark.parametrize(
    ("source", "fmt", "said"),
    [
        (
            PRODIGY,
            "labelstudio",
            f"{PRODIGY}: invalid JSON: unexpected content after document: line 2 column 1 "
            "(char 958)",
        ),
        (CONLL_2003, "doccano", f"{CONLL_2003}:1: invalid JSON: no digit after sign: column 2"),
        (
            CONLL_2003,
            "conllu",
            f"{CONLL_2003}:1: expected 10 tab-separated columns (CoNLL-U), got 1: "
            "'-DOCSTART- -X- O O'",
        ),
        (
            CONLL_TABS,
            "conllu",
            f"{CONLL_TABS}:1: expected 10 tab-separated columns (CoNLL-U), got 2: 'Three\\tO'",
        ),
        (DOCCANO, "jsonl", f"{DOCCANO}:1: id: required field is missing"),
        (PRODIGY, "jsonl", f"{PRODIGY}:1: id: required field is missing"),
        (DOCCANO, "hf", f"{DOCCANO}:1: tokens: expected a list of non-empty strings"),
        (
            LS_TASK,
            "doccano",
            f"{LS_TASK}: entry 1: text: required field is missing (doccano rows hold the text in "
            '"text"; fields here: annotations, data, id, task_path; name the text\'s field with '
            "--text-key KEY, the labels' with --label-key KEY)",
        ),
        (
            LS_TASK,
            "prodigy",
            f"{LS_TASK}:1: invalid JSON: unexpected end of data: column 2 (this looks like "
            "pretty-printed JSON, not one JSON object per line)",
        ),
        (
            PRODIGY,
            "conll",
            f'{PRODIGY}:1: not CoNLL: this line is JSON (\'{{"text":"Uber\\\\u2019s Lesson: '
            "S'...); CoNLL is a TOKEN and a TAG on each line: import a JSON file with its own "
            "--format (jsonl, doccano, prodigy, labelstudio)",
        ),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else None,
)
def test_the_first_problem_is_said_then_the_format_the_file_looks_like(
    source: Path, fmt: str, said: str, tmp_path: Path
) -> None:
    looks = {PRODIGY: AS_PRODIGY, DOCCANO: AS_DOCCANO, LS_TASK: AS_LS}.get(source, AS_CONLL)
    assert refusal(source, fmt, tmp_path / "out") == f"{said}; {looks}"


def test_a_prodigy_file_read_as_spacy_names_prodigy(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    assert refusal(PRODIGY, "spacy", tmp_path / "out") == (
        f"{PRODIGY}: not a spaCy DocBin (ValueError); {AS_PRODIGY}"
    )


def test_a_label_studio_task_read_with_the_text_key_it_was_told_names_labelstudio(
    tmp_path: Path,
) -> None:
    assert refusal(LS_TASK, "doccano", tmp_path / "out", text_key="data") == (
        f"{LS_TASK}: entry 1: data: expected a string, got dict; {AS_LS}"
    )


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        (DOCBIN, "prodigy"),  # says "use --format spacy" itself
        (PRODIGY, "doccano"),  # its spans: "looks like prodigy's spans: use --format prodigy"
    ],
)
def test_a_line_that_names_the_format_already_is_not_lengthened(
    source: Path, fmt: str, tmp_path: Path
) -> None:
    said = refusal(
        source, fmt, tmp_path / "out", annotations=tmp_path / "out" / "a.jsonl", annotator="cur"
    )
    assert "it looks like" not in said
    assert said.count("--format") == 1


def test_a_bad_file_of_the_right_format_is_said_as_before(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": "EU rejects it.", "label": [[0, 2]]}\n', encoding="utf-8")
    assert refusal(source, "doccano", tmp_path / "out") == (
        f"{source}:1: label.0: expected [start, end, label]"
    )


def test_a_label_studio_array_with_a_result_on_a_line_of_its_own_is_told(
    tmp_path: Path,
) -> None:
    """Tasks written with each result on a line of its own: the last result of a list, with no
    comma after it, is a JSON object by itself, and the file was taken for one of objects
    with the keys id, from_name...: read as doccano, no format was named."""
    result = '{"id": "r%d", "from_name": "label", "to_name": "text", "type": "labels", ' \
        '"value": {"start": 0, "end": 3, "labels": ["PER"]}}'  # fmt: skip
    source = tmp_path / "tasks.json"
    source.write_text(
        '[{"id": 5, "data": {"text": "Ana met Bo."}, "completions": [{"result": [\n'
        f" {result % 1},\n {result % 2}\n]}}]}}]\n",
        encoding="utf-8",
    )
    said = refusal(source, "doccano", tmp_path / "out")
    assert said.endswith(f"; {AS_LS}")
    # An export refusing to replace it says what it is the same way.
    assert held_in(source) is not None and held_in(source).what == "a Label Studio task (id 5)"
    import_documents(source, "labelstudio", tmp_path / "ls" / "c.jsonl")  # it is one
