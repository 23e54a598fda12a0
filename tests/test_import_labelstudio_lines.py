"""Label Studio import's lines name the line of the file: where the task starts, and for a
result, where the result starts (a pretty-printed export of thousands of tasks said only
``task 2 (id 2): annotation 1: result 1: value.start``). A bracket, quote or key inside a
string moves nothing; a file that is not JSON is said as orjson says it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from annotator.core.formats.labelstudio_lines import parsed

# Line numbers on the left are the file's: the assertions below name them.
PRETTY = """[
  {
    "id": 1,
    "data": {"text": "Kyiv freed {\\"146\\"} [men].", "note": "\\"result\\": [{"},
    "annotations": [
      {
        "result": [
          {"value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["actor"]}}
        ]
      }
    ]
  },
  {
    "id": 2,
    "data": {"text": "Kyiv freed 146 men."},
    "annotations": [
      {"was_cancelled": true, "result": []},
      {
        "result": [
          {"value": {"start": 0, "end": 4, "labels": ["actor"]}},
          {
            "value": {"start": 11, "labels": ["count"]}
          }
        ]
      }
    ]
  }
]
"""


def run(source: Path, tmp_path: Path) -> list[str]:
    heard: list[str] = []
    out = tmp_path / "out"
    import_documents(source, "labelstudio", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="al", on_warning=heard.append)  # fmt: skip
    return heard


def test_a_results_error_names_the_line_the_result_starts_on(tmp_path: Path) -> None:
    source = tmp_path / "tasks.json"
    source.write_text(PRETTY)
    with pytest.raises(AnnotatorError) as raised:
        run(source, tmp_path)
    assert str(raised.value) == (
        f"{source}:21: task 2 (id 2): annotation 2: result 2: value.end: required field is missing"
    )


def test_a_tasks_line_and_a_results_line_each_where_they_start(tmp_path: Path) -> None:
    source = tmp_path / "tasks.json"
    # result 2 the same span as result 1: said later, by the import's check of the spans
    source.write_text(
        PRETTY.replace(
            '"start": 11, "labels": ["count"]', '"start": 0, "end": 4, "labels": ["actor"]'
        )
    )
    at = f"{source}:{{}}: task 2 (id 2): annotation {{}}"
    assert run(source, tmp_path) == [
        f"{at.format(13, 1)} was cancelled; not imported",
        f"{at.format(21, 2)}: result 2: actor 0..4: duplicate of {at.format(20, 2)}: result 1; "
        "imported once",
    ]


def test_a_file_of_one_line_is_line_1_throughout(tmp_path: Path) -> None:
    source = tmp_path / "tasks.json"
    source.write_bytes(orjson.dumps(orjson.loads(PRETTY)))
    with pytest.raises(AnnotatorError, match=r"^[^ ]+:1: task 2 \(id 2\): annotation 2: result 2"):
        run(source, tmp_path)


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"[\n NaN\n]", "unexpected character"),
        (b'[\n "\\ud800"\n]', "no low surrogate"),
        (b'[\n "\\ud83d x"\n]', "no low surrogate"),
        (b'[\n "\\udc00"\n]', "surrogate"),
        (b"[\n 1e400\n]", "infinity"),
        (b"[\n {},\n]", "trailing comma"),
        (b"[\n {}\n] x", "unexpected content after document"),
    ],
)
def test_what_orjson_refuses_is_refused_in_its_words(raw: bytes, said: str) -> None:
    with pytest.raises(orjson.JSONDecodeError, match=said):
        parsed(raw)


def test_values_are_orjsons_and_a_key_given_twice_keeps_its_last(tmp_path: Path) -> None:
    raw = PRETTY.encode()
    assert parsed(raw)[0] == orjson.loads(raw)
    emoji = b'[\n {"data": {"text": "\\ud83d\\ude00 \\\\ud800"}}\n]'  # a pair; a backslash
    value, lines = parsed(emoji)
    assert value == orjson.loads(emoji) == [{"data": {"text": "\U0001f600 \\ud800"}}]
    assert lines.of(value[0]) == 2
    twice = b'[\n {"annotations": [{"result": [{}]}],\n  "annotations": [{"result": [\n{}]}]}\n]'
    value, lines = parsed(twice)
    assert value == orjson.loads(twice)
    assert lines.of(value[0]["annotations"][0]["result"][0]) == 4
