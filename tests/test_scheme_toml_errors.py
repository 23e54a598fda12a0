"""A scheme file that is not TOML: said where the mistake is (an array left open on line 4 was
said at line 5, column 1), a JSON file said to be one, and the line says that the rest of the
scheme is checked once the file reads as TOML."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import scheme_toml_errors
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme
from annotator.core.scheme_problems import scheme_file_problems
from tests.test_agreement_data import run_cli

REST = "; the rest is checked once the file reads as TOML"
HEAD = 'name = "protest"\nversion = 1\n'


def said(tmp_path: Path, text: str, name: str = "s.toml") -> list[str]:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return [line.removeprefix(str(path)) for line in scheme_file_problems(path)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # The trial's: an array left open, found at the next line's key.
        (
            HEAD + 'choices = ["a", "b"\ndescription = "x"\n',
            ":3: invalid TOML: the array of 'choices' opened at column 11 is not closed: a ',' "
            "or ']' was expected at line 4, column 1",
        ),
        # Arrays may go on over lines: the one left open is the outer one.
        (
            HEAD + "x = [[1, 2], [3\n, 4]\ny = 1\n",
            ":3: invalid TOML: the array of 'x' opened at column 5 is not closed: a ',' or ']' "
            "was expected at line 5, column 1",
        ),
        (
            HEAD + 'choices = [\n  "a",\n  ["b",\n  "c"\nnote = 1\n',
            ":5: invalid TOML: the array opened at column 3 is not closed: a ',' or ']' was "
            "expected at line 7, column 1",
        ),
        (
            HEAD + "choices = [",
            ":3: invalid TOML: the array of 'choices' opened at column 11 is not closed by the "
            "end of the file",
        ),
        (
            HEAD + 'labels = [\n  {name = "a", key = "1",\n   color = "#000000"},\n]\n',
            ":4: invalid TOML: the inline table opened at column 3 is not closed on its line (an "
            "inline table is written on one line)",
        ),
        (
            HEAD + '[[labels]]\nname = "PLACE\nkey = "3"\n',
            ":4: invalid TOML: the string of 'name' opened at column 8 is not closed on its "
            'line; end it with "',
        ),
        (
            HEAD + "[[labels]]\nname = 'PLACE\nkey = '3'\n",
            ":4: invalid TOML: the string of 'name' opened at column 8 is not closed on its "
            "line; end it with '",
        ),
        (
            HEAD + "description = 'no end\n",
            ":3: invalid TOML: the string of 'description' opened at column 15 is not closed on "
            "its line; end it with '",
        ),
        (
            HEAD + 'description = """one\ntwo\n',
            ':3: invalid TOML: the string of \'description\' opened at column 15 with """ is not '
            'closed by the end of the file; end it with """',
        ),
        # Brackets and quotes in comments, strings and headers are not counted.
        (
            '# [ "\nname = "[x]"  # ]\n[[labels]]\n'
            'description = """a ] " \'\n"""\nchoices = ["]", \'[\'\nkey = "1"\n',
            ":6: invalid TOML: the array of 'choices' opened at column 11 is not closed: a ',' "
            "or ']' was expected at line 7, column 1",
        ),
    ],
)
def test_what_was_left_open_is_said_where_it_opened(tmp_path: Path, text: str, line: str) -> None:
    assert said(tmp_path, text) == [line + REST]
    # Lines ended by CRLF are counted alike.
    assert said(tmp_path, text.replace("\n", "\r\n")) == [line + REST]


def test_other_toml_mistakes_keep_tomllib_words_and_column(tmp_path: Path) -> None:
    assert said(tmp_path, HEAD + "[labels\n") == [
        f":3: invalid TOML: Expected ']' at the end of a table declaration (column 8){REST}"
    ]
    assert said(tmp_path, HEAD + "version = 2\n") == [
        f":3: invalid TOML: 'version' is set twice in one table; keep one (column 12){REST}"
    ]


def test_where_it_opened_not_found_is_said_as_where_reading_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheme_toml_errors, "_open_at", lambda text, offset: [])
    assert said(tmp_path, HEAD + 'choices = ["a", "b"\ndescription = "x"\n') == [
        ":4: invalid TOML: Unclosed array, found column 1 of this line; it opened on this line "
        f"or above{REST}"
    ]


def test_a_json_file_is_said_to_be_json(tmp_path: Path) -> None:
    text = '{"name":"protest","version":1,"labels":[{"name":"a","key":"1","color":"#000000"}]}'
    expected = (
        ':1: this file is JSON, and a scheme is a TOML file; write it as TOML: name = "...", '
        "then a [[labels]] table for each label (the README's scheme section shows one)"
    )
    assert said(tmp_path, text, "j.json") == [expected]
    assert said(tmp_path, "\n\n  " + text, "j.json") == [expected.replace(":1:", ":3:")]
    path = tmp_path / "j.json"
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value) == f"{path}{expected.replace(':1:', ':3:')}"
    result = run_cli("schema", "check", path)
    assert (result.returncode, result.stdout) == (1, f"{path}{expected.replace(':1:', ':3:')}\n")


def test_a_file_like_json_that_is_not_json_either_says_a_scheme_is_toml(tmp_path: Path) -> None:
    # The trial's j.json: a comma before the closing brace.
    text = '{"name":"protest","version":1,"labels":[{"name":"a","key":"1","color":"#000000"}],}'
    assert said(tmp_path, text, "j.json") == [
        ":1: invalid TOML: Invalid statement (column 1); a scheme is a TOML file, and this one "
        f"begins with {{ as JSON does{REST}"
    ]
    assert said(tmp_path, 'name: "protest"\n', "j.json") == [
        ":1: invalid TOML: Expected '=' after a key in a key/value pair (column 5); a scheme is "
        f"a TOML file, and this one is named .json{REST}"
    ]
    # JSON that is no object (a list, a number) is not taken for a scheme written as JSON.
    assert said(tmp_path, "[1, 2]\n")[0].startswith(":1: invalid TOML: ")


# The marks that open and close things in TOML, and a few words between them.
MARKS = ["[", "]", "{", "}", '"', "'", '"""', "'''", "=", ",", "#", "\n", "\r\n", " ", "\t"]
TOML_BITS = st.sampled_from([*MARKS, "a", "1", "\\", ".", "name", "[[labels]]"])


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TOML_BITS, max_size=30).map("".join))
def test_any_text_gives_one_line_at_a_line_of_the_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        path.write_bytes(text.encode())
        problems = scheme_file_problems(path)
    for problem in problems:
        assert problem.splitlines() == [problem]
        head = problem.removeprefix(str(path))
        if head.startswith(":") and "invalid TOML" in head:
            line = int(head.split(":")[1])
            assert 1 <= line <= text.count("\n") + 1
