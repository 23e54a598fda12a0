"""A scheme's problems as a lead writing their own scheme met them (a trial's protest.toml): each
line names the file and line, the label or field by its name and 1-based place, echoes the value
and says what to do; a problem another explains is not said again."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme
from annotator.core.scheme_problems import scheme_file_problems
from tests.test_agreement_data import run_cli

PROTEST = """\
name = "protest"
version = 1

[[labels]]
name = "organiser"
key = "1"
color = "#4e79a7"

[[labels]]
name = "crowd"
key = "2"
color = "#f28e2b"
value_type = "integer"

[[labels]]
name = "location"
key = "3"
color = "#59a14f"

[[labels]]
name = "arrests"
key = "5"
color = "#e15759"
value_type = "integer"

[[fields]]
name = "event_type"
type = "choice"
required = true
choices = ["march", "strike"]

[[fields]]
name = "arrests"
type = "group"

  [[fields.fields]]
  name = "count"
  type = "integer"
  from_label = "arrests"

  [[fields.fields]]
  name = "location"
  type = "text"
  from_label = "location"
"""


def check(tmp_path: Path, old: str, new: str, count: int = 1) -> list[str]:
    """The problems of PROTEST with ``old`` replaced by ``new`` (``count`` times), each line
    without the file's name."""
    assert PROTEST.count(old) >= count
    path = tmp_path / "protest.toml"
    path.write_text(PROTEST.replace(old, new, count), encoding="utf-8")
    return [line.removeprefix(str(path)) for line in scheme_file_problems(path)]


def test_the_scheme_itself_is_fine(tmp_path: Path) -> None:
    assert check(tmp_path, "", "", 0) == []


def test_a_key_taken_names_both_labels(tmp_path: Path) -> None:
    assert check(tmp_path, 'key = "5"', 'key = "1"') == [
        ":22: label 'arrests' ([[labels]] #4): key '1' is already that of label 'organiser'; "
        "choose another (free: 4, 5, 6, 7)"
    ]


def test_a_colour_not_rrggbb_is_echoed_with_an_example(tmp_path: Path) -> None:
    assert check(tmp_path, 'color = "#59a14f"', 'color = "yellow"') == [
        ":18: label 'location' ([[labels]] #3): color 'yellow' is not a colour as #rrggbb; "
        'write one like "#edc948"'
    ]


def test_a_missing_key_is_at_its_table(tmp_path: Path) -> None:
    assert check(tmp_path, 'key = "3"\n', "") == [
        ":15: label 'location' ([[labels]] #3): missing 'key'; add one no other label takes "
        "(free: 3, 4, 6, 7)"
    ]


def test_colour_is_taken_for_color_and_color_is_not_also_missing(tmp_path: Path) -> None:
    assert check(tmp_path, "color =", "colour =", 2) == [
        ":7: label 'organiser' ([[labels]] #1): unknown key 'colour'; did you mean 'color'?",
        ":12: label 'crowd' ([[labels]] #2): unknown key 'colour'; did you mean 'color'?",
    ]


def test_an_unknown_key_far_from_any_lists_the_known(tmp_path: Path) -> None:
    assert check(tmp_path, "required = true", 'required = true\nshortcut = "e"') == [
        ":30: field 'event_type' ([[fields]] #1): unknown key 'shortcut' (known: name, type, "
        "description, required, choices, from_label, fields, brief, min, max)"
    ]


def test_a_bad_type_is_said_once_with_what_waits_for_it(tmp_path: Path) -> None:
    # Not "only a choice field has choices" as well: whether it may have them is not known
    # until its type is, and the line says that check waits for it.
    assert check(tmp_path, 'type = "choice"', 'type = "select"') == [
        ":28: field 'event_type' ([[fields]] #1): type 'select' is not one of choice, text, "
        "integer, date, list, group (what its choices may be depends on its type: checked "
        "once the type is valid)"
    ]


def test_a_value_type_close_to_one_is_named(tmp_path: Path) -> None:
    assert check(tmp_path, 'value_type = "integer"', 'value_type = "int"') == [
        ":13: label 'crowd' ([[labels]] #2): value_type 'int' is not one of none, integer, "
        "date; did you mean 'integer'?"
    ]


def test_a_label_name_given_twice_and_a_from_label_naming_no_label_are_both_said(
    tmp_path: Path,
) -> None:
    # The from_label was left unsaid while a label's name was given twice, and came up only
    # once that was fixed: now it is said at once, pointing at the label it may have meant.
    assert check(tmp_path, 'name = "location"', 'name = "organiser"') == [
        ":16: label 'organiser' ([[labels]] #3): name 'organiser' is already that of [[labels]] "
        "#1; choose another",
        ":44: field 'arrests.location' ([[fields]] #2, [[fields.fields]] #2): from_label "
        "'location' is not a label of this scheme (labels: organiser, crowd, arrests); if it "
        "is [[labels]] #3 (named 'organiser' as #1 is), name that one 'location'",
    ]


def test_an_unknown_from_label_lists_the_labels(tmp_path: Path) -> None:
    assert check(tmp_path, 'from_label = "location"', 'from_label = "place"') == [
        ":44: field 'arrests.location' ([[fields]] #2, [[fields.fields]] #2): from_label "
        "'place' is not a label of this scheme (labels: organiser, crowd, location, arrests)"
    ]
    assert check(tmp_path, 'from_label = "location"', 'from_label = "locaton"')[0].endswith(
        "(labels: organiser, crowd, location, arrests); did you mean 'location'?"
    )


def test_a_key_set_twice_in_toml_is_named(tmp_path: Path) -> None:
    rest = "; the rest is checked once the file reads as TOML"
    assert check(tmp_path, 'color = "#59a14f"\n', 'color = "#59a14f"\ncolor = "#000000"\n') == [
        f":19: invalid TOML: 'color' is set twice in one table; keep one (column 18){rest}"
    ]
    assert check(tmp_path, '["march", "strike"]', '["march" "strike"]') == [
        ":30: invalid TOML: the array of 'choices' opened at column 11 is not closed: a ',' or "
        f"']' was expected at column 20{rest}"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "required = true",
            'required = "no"',
            ":29: field 'event_type' ([[fields]] #1): required = \"no\": use true or false "
            "(unquoted)",
        ),
        (
            "required = true",
            "required = 1",
            ":29: field 'event_type' ([[fields]] #1): required = 1: use true or false (unquoted)",
        ),
        (
            "version = 1",
            'version = "2"',
            ':2: version = "2": use a whole number, unquoted (e.g. version = 2)',
        ),
    ],
)
def test_booleans_and_version_are_strict(tmp_path: Path, old: str, new: str, line: str) -> None:
    # pydantic would read "no" as false, 1 as true and "2" as 2: the file said something else.
    assert check(tmp_path, old, new) == [line]
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(tmp_path / "protest.toml")
    assert str(raised.value) == f"{tmp_path / 'protest.toml'}{line}"


def test_a_header_in_a_multiline_string_gives_no_wrong_line(tmp_path: Path) -> None:
    # Lines are counted from the [[labels]] headers; one in a string must not shift them.
    found = check(
        tmp_path,
        "version = 1\n",
        'version = 1\ndescription = """\n[[labels]]\n"""\n',
    )
    assert found == []
    found = check(tmp_path, 'key = "5"', 'key = "1"')
    assert found[0].startswith(":22: label 'arrests'")


def test_schema_check_takes_several_files_and_check_a_file_points_there(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(PROTEST, encoding="utf-8")
    bad.write_text(PROTEST.replace('color = "#59a14f"', 'color = "yellow"'), encoding="utf-8")
    result = run_cli("schema", "check", bad, good)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"{bad}:18: label 'location' ([[labels]] #3): color 'yellow' is not a colour as "
        '#rrggbb; write one like "#edc948"',
        f"{good}: ok",
    ]
    result = run_cli("schema", "--check", good)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{good}: is a file; schema --check takes a folder of JSON Schemas; to check a scheme "
        f"file: annotator schema check {good}\n"
    )


def test_schema_check_help_says_what_check_does() -> None:
    result = run_cli("schema", "check", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "`annotator schema check SCHEME.toml...` checks scheme files" in text
    assert "check SCHEME.toml check these scheme TOML files" in text


def test_annotate_says_every_problem_of_its_scheme_before_wanting_a_terminal(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.toml"
    text = PROTEST.replace('key = "5"', 'key = "1"').replace('color = "#59a14f"', 'color = "x"')
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("A text.\n", encoding="utf-8")
    result = run_cli("annotate", tmp_path / "docs", "--scheme", bad, "--out", tmp_path / "out")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == scheme_file_problems(bad)
    assert len(result.stderr.splitlines()) == 2
    assert not (tmp_path / "out").exists()


def test_a_key_not_in_quotes_and_no_labels_at_all(tmp_path: Path) -> None:
    assert check(tmp_path, 'key = "2"', "key = 2") == [
        ":11: label 'crowd' ([[labels]] #2): key = 2: write it in quotes (key = \"2\")"
    ]
    path = tmp_path / "empty.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    assert scheme_file_problems(path) == [
        f"{path}: no [[labels]]: a scheme needs at least one label"
    ]


def test_labels_as_inline_tables_are_placed_at_their_array(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        'name = "x"\nlabels = [{name = "a", key = "1", color = "#000000"}, '
        '{name = "b", key = "1", color = "#000000"}]\n',
        encoding="utf-8",
    )
    assert scheme_file_problems(path) == [
        f"{path}:2: label 'b' ([[labels]] #2): key '1' is already that of label 'a'; choose "
        "another (free: 2, 3, 4, 5)"
    ]
