"""A scheme file of any TOML values where its keys are: each problem is one line naming the file
(and a line of it), never a traceback. A label's ``key = ["1"]`` raised TypeError (a set of the
labels' keys, a list unhashable) in ``schema check`` and wherever a scheme loads."""

from __future__ import annotations

import datetime
import math
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import Scheme, load_scheme
from annotator.core.scheme_problems import scheme_file_problems
from annotator.core.toml_value import toml_key, toml_value

WORDS = ["1", "a", "actor", "count", "#4e79a7", "text", "list", "group", "choice", "integer"]
WORDS += ["date", "none", "_x", "", "🎉", "a\u2028b", "x\ny", "\x85", 'q"\\']
LEAF = st.one_of(
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.sampled_from(WORDS),
    st.dates(),
    st.times(),
    st.datetimes(timezones=st.just(datetime.UTC) | st.none()),
)
VALUE = st.recursive(
    LEAF,
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(st.sampled_from(["a", "name", "key", "b c"]), inner, max_size=2)
    ),
    max_leaves=4,
)
NAMES = ["name", "key", "color", "value_type", "description", "type", "choices", "fields"]
KEYS = st.sampled_from([*NAMES, "from_label", "required", "colour"])
TABLE = st.dictionaries(KEYS, VALUE, max_size=6)
FIELD = st.dictionaries(KEYS, VALUE | st.lists(TABLE, max_size=2), max_size=6)
DATA = st.fixed_dictionaries(
    {},
    optional={
        "name": VALUE,
        "labels": st.lists(TABLE, max_size=3) | VALUE,
        "fields": st.lists(FIELD, max_size=3) | VALUE,
        "guidelines": VALUE,
        "version": VALUE,
    },
)
BASE: dict[str, Any] = {
    "name": "protest",
    # A line break tomllib does not count, inside a string: the lines after it are as counted.
    "description": "march\u2028strike\x85sit-in\u2029",
    "labels": [
        {"name": "organiser", "key": "1", "color": "#4e79a7", "description": "who\u2028calls"},
        {"name": "crowd", "key": "2", "color": "#f28e2b", "value_type": "integer"},
    ],
    "fields": [{"name": "size", "type": "integer", "from_label": "crowd"}],
}
_HEAD_RE = re.compile(r"^(?P<path>.*?\.toml)(?::(?P<line>\d+))?: ")


def tables_of(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)


def render(data: dict[str, Any]) -> str:
    """``data`` as a TOML file writes it: arrays of tables under their [[headers]]."""
    arrays = [key for key in ("labels", "fields") if tables_of(data.get(key))]
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in data.items() if k not in arrays]
    for array in arrays:
        for table in data[array]:
            lines.append(f"[[{array}]]")
            subs = table.get("fields") if array == "fields" else None
            lines += [
                f"{toml_key(k)} = {toml_value(v)}"
                for k, v in table.items()
                if not (k == "fields" and tables_of(subs))
            ]
            for sub in subs if tables_of(subs) else []:
                lines.append("[[fields.fields]]")
                lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in sub.items()]
    return "\n".join(lines) + "\n"


def problems_of(data: dict[str, Any]) -> tuple[list[str], str, str]:
    """(the problems, the file's path, its text), each problem checked to be one line of this
    file, a line it has, and said alike by load_scheme."""
    text = render(data)
    assert tomllib.loads(text) == data  # the file says what was meant
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        path.write_text(text, encoding="utf-8")
        problems = scheme_file_problems(path)
        try:
            valid = Scheme.model_validate(data) is not None
        except ValidationError:
            valid = False
        if valid and not problems:
            load_scheme(path)
        else:
            if valid:  # the model's only problem: a guidelines file it names, not there
                assert all("guidelines file" in line for line in problems)
            with pytest.raises(AnnotatorError) as raised:
                load_scheme(path)
            assert str(raised.value) == "\n".join(problems)
            assert problems
    count = len(text.split("\n"))
    for problem in problems:
        assert problem.splitlines() == [problem]
        head = _HEAD_RE.match(problem)
        assert head is not None and head["path"] == str(path), problem
        assert head["line"] is None or 1 <= int(head["line"]) < count, problem
    return problems, str(path), text


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(DATA)
def test_any_values_give_one_line_per_problem_and_no_traceback(data: dict[str, Any]) -> None:
    problems_of(data)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 1), st.sampled_from(["key", "color", "name"]), VALUE)
def test_a_value_not_text_is_echoed_as_toml_on_its_own_line(
    index: int, key: str, value: object
) -> None:
    if isinstance(value, str):
        return  # text: its own problems (a colour not #rrggbb), the other tests'
    data: dict[str, Any] = {**BASE, "labels": [dict(label) for label in BASE["labels"]]}
    data["labels"][index][key] = value
    problems, path, text = problems_of(data)
    line = text.split("\n").index(f"{key} = {toml_value(value)}", 7 * index) + 1
    name = BASE["labels"][index]["name"] if key != "name" else None
    where = f"label {name!r} ([[labels]] #{index + 1})" if name else f"[[labels]] #{index + 1}"
    said = [p for p in problems if p.startswith(f"{path}:{line}: ")]
    assert len(said) == 1
    assert said[0].startswith(f"{path}:{line}: {where}: {key} = {toml_value(value)}: ")


def test_a_key_as_a_list_or_a_table(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    for written, advice in (
        ('["1"]', 'a list, not one value; write key = "1"'),
        ('["1", "2"]', "a list, not one value; write one character in quotes"),
        ("{a = 1}", "a table, not one value; write one character in quotes"),
        ("[[1]]", "a list, not one value; write one character in quotes"),
        ("[7]", 'a list, not one value; write key = "7"'),
        ('["ab"]', "a list, not one value; write one character in quotes"),
    ):
        path.write_text(
            f'name = "s"\n[[labels]]\nname = "crowd"\nkey = {written}\ncolor = "#4e79a7"\n',
            encoding="utf-8",
        )
        line = f"{path}:4: label 'crowd' ([[labels]] #1): key = {written}: {advice}"
        assert scheme_file_problems(path) == [line]
        with pytest.raises(AnnotatorError) as raised:
            load_scheme(path)
        assert str(raised.value) == line


@settings(max_examples=300, deadline=None)
@given(VALUE | st.floats())
def test_toml_value_reads_back_as_the_value(value: object) -> None:
    written = toml_value(value)
    assert written.splitlines() == [written]
    read = tomllib.loads(f"v = {written}")["v"]
    if isinstance(value, float) and math.isnan(value):
        assert math.isnan(read)
    else:
        assert read == value
