"""A scheme's problems at the lines tomllib counts (LF only: a string holding U+2028, U+2029 or
U+0085 put every later problem a line too far), its values echoed as TOML writes them (not
``datetime.date(1979, 5, 27)`` or ``['#4e79a7']``), and a byte order mark at its start taken as
the corpus takes one: dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme
from annotator.core.scheme_problems import scheme_file_problems
from tests.test_scheme_messages import PROTEST, check

COLOUR = ":18: label 'location' ([[labels]] #3): color 'yellow' is not a colour as #rrggbb; "


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_in_a_string_is_not_a_line(tmp_path: Path, separator: str) -> None:
    # One more line in a string before the problem than str.splitlines would count.
    description = f'name = "crowd"\ndescription = "many{separator}people"'
    bad = PROTEST.replace('name = "crowd"', description).replace("#59a14f", "yellow")
    path = tmp_path / "protest.toml"
    path.write_text(bad, encoding="utf-8")
    assert scheme_file_problems(path) == [
        f"{path}:19: label 'location' ([[labels]] #3): color 'yellow' is not a colour as "
        '#rrggbb; write one like "#edc948"'
    ]


def test_a_key_set_twice_after_a_line_separator_is_named(tmp_path: Path) -> None:
    found = check(
        tmp_path, "version = 1\n", 'version = 1\ndescription = "a\u2028b"\ndescription = "c"\n'
    )
    assert found == [
        ":4: invalid TOML: 'description' is set twice in one table; keep one (column 18); the "
        "rest is checked once the file reads as TOML"
    ]


def test_crlf_lines_are_counted_and_keys_found(tmp_path: Path) -> None:
    path = tmp_path / "protest.toml"
    path.write_bytes(PROTEST.replace("#59a14f", "yellow").replace("\n", "\r\n").encode())
    assert scheme_file_problems(path) == [f'{path}{COLOUR}write one like "#edc948"']


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        # Quoted, neither is a name (a name begins with no digit): not advised.
        (
            'name = "protest"',
            "name = 1979-05-27",
            ":1: name = 1979-05-27: write a name in quotes, of letters, digits and _ and not "
            'beginning with a digit, e.g. name = "crowd"',
        ),
        (
            'name = "protest"',
            "name = 1979-05-27T07:32:00Z",
            ":1: name = 1979-05-27T07:32:00+00:00: write a name in quotes, of letters, digits "
            'and _ and not beginning with a digit, e.g. name = "crowd"',
        ),
        (
            'color = "#59a14f"',
            "color = 123456",
            ":18: label 'location' ([[labels]] #3): color = 123456: write a colour as #rrggbb "
            'in quotes, e.g. color = "#edc948"',
        ),
        # A name it can be: quoting is the advice.
        ('name = "protest"', "name = nan", ':1: name = nan: write it in quotes (name = "nan")'),
        (
            "version = 1\n",
            "version = 1\ndescription = 12:30:00\n",
            ':3: description = 12:30:00: write it in quotes (description = "12:30:00")',
        ),
        (
            'color = "#59a14f"',
            'color = ["#59a14f"]',
            ":18: label 'location' ([[labels]] #3): color = [\"#59a14f\"]: a list, not one "
            'value; write color = "#59a14f"',
        ),
        (
            'color = "#59a14f"',
            "color = {r = 89, g = 161}",
            ":18: label 'location' ([[labels]] #3): color = {r = 89, g = 161}: a table, not one "
            'value; write a colour as #rrggbb in quotes, e.g. color = "#edc948"',
        ),
        (
            'key = "3"',
            "key = 3.5",
            ":17: label 'location' ([[labels]] #3): key = 3.5: write one character in quotes",
        ),
        (
            'type = "text"',
            'type = ["text"]',
            ":43: field 'arrests.location' ([[fields]] #2, [[fields.fields]] #2): type = "
            '["text"]: write one of choice, text, integer, date, list, group, in quotes (what '
            "its from_label may be depends on its type: checked once the type is valid)",
        ),
        (
            "version = 1\n",
            'version = 1\ndescription = ["a\\nb", {"x y" = true}]\n',
            ':3: description = ["a\\nb", {"x y" = true}]: a list, not one value; write text in '
            "quotes",
        ),
    ],
)
def test_values_are_echoed_as_toml(tmp_path: Path, old: str, new: str, line: str) -> None:
    assert check(tmp_path, old, new) == [line]
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(tmp_path / "protest.toml")
    assert str(raised.value) == f"{tmp_path / 'protest.toml'}{line}"


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        # Quoted, each would be refused as longer than one character: not advised.
        ("10", "key = 10: write one character in quotes"),
        ("0x1F", "key = 31: write one character in quotes"),
        ("-0.0", "key = -0.0: write one character in quotes"),
        ("nan", "key = nan: write one character in quotes"),
        ("1979-05-27T07:32:00", "key = 1979-05-27T07:32:00: write one character in quotes"),
        ("true", "key = true: write one character in quotes"),
        ("false", "key = false: write one character in quotes"),
        # One character in quotes is a key: that is the advice.
        ("7", 'key = 7: write it in quotes (key = "7")'),
        # Unless another label or the screen takes it: then refused in turn.
        (
            "1",
            "key = 1: key '1' is already that of label 'organiser'; write another character in "
            "quotes (free: 3, 4, 6, 7)",
        ),
        (
            '["c"]',
            "key = [\"c\"]: a list, not one value; key 'c' is one of the screen's own keys; write "
            "another character in quotes (free: 3, 4, 6, 7)",
        ),
    ],
)
def test_a_key_not_text_is_advised_only_what_a_key_can_be(
    tmp_path: Path, written: str, advice: str
) -> None:
    line = f":17: label 'location' ([[labels]] #3): {advice}"
    assert check(tmp_path, 'key = "3"', f"key = {written}") == [line]
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(tmp_path / "protest.toml")
    assert str(raised.value) == f"{tmp_path / 'protest.toml'}{line}"


def test_true_or_false_where_text_belongs_is_told_in_the_house_words(tmp_path: Path) -> None:
    assert check(tmp_path, 'name = "protest"', "name = true") == [
        ':1: name = true: write text in quotes, e.g. name = "crowd"'
    ]
    assert check(tmp_path, "version = 1\n", "version = 1\ndescription = false\n") == [
        ":3: description = false: write text in quotes"
    ]


def test_a_byte_order_mark_at_the_start_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "protest.toml"
    path.write_bytes(b"\xef\xbb\xbf" + PROTEST.encode())
    assert scheme_file_problems(path) == []
    assert [label.name for label in load_scheme(path).labels][:2] == ["organiser", "crowd"]
    path.write_bytes(b"\xef\xbb\xbf" + PROTEST.replace("#59a14f", "yellow").encode())
    assert scheme_file_problems(path) == [f'{path}{COLOUR}write one like "#edc948"']
    # Only at the start: one elsewhere is TOML's to refuse.
    path.write_bytes(PROTEST.replace("version", "\ufeffversion").encode())
    assert scheme_file_problems(path) == [
        f"{path}:2: invalid TOML: Invalid statement (column 1); the rest is checked once the "
        "file reads as TOML"
    ]
