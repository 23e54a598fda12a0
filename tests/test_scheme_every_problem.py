"""`annotator schema check` says every problem of a scheme in one run: a file holding one of
each check's problems lists them all, and fixing any one of them brings up no problem that was
not said before (a trial's from_label naming no label came up only once a label's name given
twice was fixed). A check that cannot be made until another problem is fixed says so beside it.
Choices given twice and a form field named as the record's own note are refused."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import (
    RECORD_OWN_NAMES,
    Scheme,
    default_scheme_path,
    load_scheme,
    packaged_schemes_dir,
)
from annotator.core.scheme_problems import scheme_file_problems
from tests.test_agreement_data import run_cli

EVERY = """\
name = "protest-2026"
version = "1"
guidelines = "missing.md"
tags = ["x"]

[[labels]]
name = "organiser"
key = "1"
color = "#4e79a7"

[[labels]]
name = "crowd"
key = "q"
color = "#f28e2b"
value_type = "integer"

[[labels]]
name = "organiser"
key = "1"
colour = "#59a14f"

[[labels]]
name = "arrests"
key = "55"
color = "red"
value_type = "int"

[[fields]]
name = "event_type"
type = "choice"
required = "yes"
choices = ["march", "strike", "march"]

[[fields]]
name = "event_type"
type = "choice"

[[fields]]
name = "note"
type = "text"
choices = ["a"]

[[fields]]
name = "_private"
type = "Choice"
choices = ["x", "y"]

[[fields]]
name = "size"
type = "date"
from_label = "crowd"

[[fields]]
name = "when"
type = "text"
from_label = "WHEN"

[[fields]]
name = "held"
type = "integer"
from_label = "arrests"

[[fields]]
name = "flat"
type = "text"

  [[fields.fields]]
  name = "x"
  type = "text"

[[fields]]
name = "demands"
type = "group"
from_label = "organiser"

  [[fields.fields]]
  name = "demand"
  type = "text"

  [[fields.fields]]
  name = "demand"
  type = "group"

[[fields]]
name = "empty"
type = "group"

[[fields]]
name = "kind"
tpye = "choice"
choices = ["a", "b", "a", "a"]
"""

OWN = "(/ ? N [ ] a b c d e f g l n o p q r s t u v x)"
FREE = "(free: 2, 3, 4, 5)"
SAID = [
    ":1: name 'protest-2026' may hold only letters, digits and _, and not begin with a digit; "
    "e.g. 'protest_2026'",
    ':2: version = "1": use a whole number, unquoted (e.g. version = 2)',
    ":3: guidelines file 'missing.md' not found (looked for {folder}/missing.md); put it there, "
    "or correct or remove the guidelines key",
    ":4: unknown key 'tags' (known: name, version, description, guidelines, labels, fields)",
    f":13: label 'crowd' ([[labels]] #2): key 'q' is one of the screen's own keys {OWN}; "
    f"choose another {FREE}",
    ":18: label 'organiser' ([[labels]] #3): name 'organiser' is already that of [[labels]] "
    "#1; choose another",
    ":19: label 'organiser' ([[labels]] #3): key '1' is already that of label 'organiser'; "
    f"choose another {FREE}",
    ":20: label 'organiser' ([[labels]] #3): unknown key 'colour'; did you mean 'color'?",
    ":24: label 'arrests' ([[labels]] #4): key '55' must be one character; choose another",
    ":25: label 'arrests' ([[labels]] #4): color 'red' is not a colour as #rrggbb; write one "
    'like "#edc948"',
    ":26: label 'arrests' ([[labels]] #4): value_type 'int' is not one of none, integer, date; "
    "did you mean 'integer'? (whether field 'held' may be filled from this label is checked "
    "once value_type is valid)",
    ":31: field 'event_type' ([[fields]] #1): required = \"yes\": use true or false (unquoted)",
    ":32: field 'event_type' ([[fields]] #1): choice 'march' is given twice (#1 and #3); keep one",
    ":34: field 'event_type' ([[fields]] #2): a choice field needs choices",
    ":35: field 'event_type' ([[fields]] #2): name 'event_type' is already that of [[fields]] "
    "#1; choose another",
    ":39: field 'note' ([[fields]] #3): name 'note' is taken by the record's own note, which "
    "the screen shows below the form and records and exports keep beside it; name this field "
    "otherwise, e.g. 'remarks'",
    ":41: field 'note' ([[fields]] #3): only a choice field has choices (this is text): remove "
    'them or make it type = "choice"',
    ":44: field '_private' ([[fields]] #4): name '_private' cannot begin with _ (the form takes "
    "it for private)",
    ":45: field '_private' ([[fields]] #4): type 'Choice' is not one of choice, text, integer, "
    "date, list, group; did you mean 'choice'? (what its choices may be depends on its type: "
    "checked once the type is valid)",
    ":51: field 'size' ([[fields]] #5): a date field cannot be filled from label 'crowd' "
    '(value_type integer); give that label value_type = "date" or fill this from another',
    ":56: field 'when' ([[fields]] #6): from_label 'WHEN' is not a label of this scheme "
    "(labels: organiser, crowd, arrests); if it is [[labels]] #3 (named 'organiser' as #1 is), "
    "name that one 'WHEN'",
    ":65: field 'flat' ([[fields]] #8): only a group has fields",
    ":74: field 'demands' ([[fields]] #9): a group cannot be filled from a label; put "
    "from_label on its fields",
    ":80: field 'demands.demand' ([[fields]] #9, [[fields.fields]] #2): groups cannot nest: a "
    "group's field cannot be a group",
    ":81: field 'demands.demand' ([[fields]] #9, [[fields.fields]] #2): name 'demand' is "
    "already that of [[fields.fields]] #1; choose another",
    ":82: field 'demands.demand' ([[fields]] #9, [[fields.fields]] #2): a group needs "
    "[[fields.fields]]",
    ":86: field 'empty' ([[fields]] #10): a group needs [[fields.fields]]",
    # The type misspelt: said as an unknown key, and what waits for the type on its own line.
    ":88: field 'kind' ([[fields]] #11): what its choices may be depends on its type: checked "
    "once the type is valid",
    ":90: field 'kind' ([[fields]] #11): unknown key 'tpye'; did you mean 'type'?",
    ":91: field 'kind' ([[fields]] #11): choice 'a' is given 3 times (#1, #3 and #4); keep one",
]

# One fix for each problem, a line for a line (line numbers stay): line -> its new text.
FIXES = {
    1: 'name = "protest"',
    2: "version = 1",
    3: "",
    4: "",
    13: 'key = "2"',
    18: 'name = "WHEN"',
    19: 'key = "3"',
    20: 'color = "#59a14f"',
    24: 'key = "5"',
    25: 'color = "#e15759"',
    26: 'value_type = "integer"',
    31: "required = true",
    32: 'choices = ["march", "strike"]',
    35: 'name = "event_kind"',
    36: 'type = "text"',
    39: 'name = "remarks"',
    41: "",
    44: 'name = "private"',
    45: 'type = "choice"',
    50: 'type = "integer"',
    65: 'type = "group"',
    74: "",
    81: '  name = "by"',
    82: '  type = "text"',
    86: 'type = "text"',
    90: 'type = "choice"',
    91: 'choices = ["a", "b"]',
}


def written(tmp_path: Path, fixes: dict[int, str]) -> Path:
    lines = EVERY.split("\n")
    for number, text in fixes.items():
        lines[number - 1] = text
    path = tmp_path / "every.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def line_of(found: str) -> int:
    """The line a problem said without its file's name (``:13: label ...``) is at."""
    return int(found.split(":")[1])


def said(path: Path) -> list[str]:
    return [line.removeprefix(str(path)) for line in scheme_file_problems(path)]


def test_one_of_every_problem_is_said_in_one_run(tmp_path: Path) -> None:
    path = written(tmp_path, {})
    assert said(path) == [line.replace("{folder}", str(tmp_path)) for line in SAID]
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value).splitlines() == scheme_file_problems(path)
    result = run_cli("schema", "check", path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == scheme_file_problems(path)


# Another fix of the label named twice: not the name the from_label meant.
OTHER_FIXES = [(18, 'name = "place"')]


@pytest.mark.parametrize(("line", "text"), [*sorted(FIXES.items()), *OTHER_FIXES])
def test_fixing_one_problem_brings_up_none_not_said_before(
    tmp_path: Path, line: int, text: str
) -> None:
    before = said(written(tmp_path, {}))
    after = said(written(tmp_path, {line: text}))
    assert {line_of(found) for found in after} <= {line_of(found) for found in before}
    assert len(after) < len(before)


def test_every_fix_together_leaves_a_valid_scheme(tmp_path: Path) -> None:
    path = written(tmp_path, FIXES)
    assert said(path) == []
    assert load_scheme(path).field("remarks") is not None


def test_a_check_said_to_wait_is_made_once_it_can_be(tmp_path: Path) -> None:
    # The type's line said its choices wait for it: a type that has none brings that up.
    found = said(written(tmp_path, {45: 'type = "text"'}))
    assert (
        ":46: field '_private' ([[fields]] #4): only a choice field has choices (this is "
        'text): remove them or make it type = "choice"' in found
    )
    # The value_type's line said whether 'held' may be filled from it waits for it.
    found = said(written(tmp_path, {26: 'value_type = "date"'}))
    assert (
        ":61: field 'held' ([[fields]] #7): an integer field cannot be filled from label "
        "'arrests' (value_type date); give that label value_type = \"integer\" or fill this "
        "from another"
    ) in found


CHOICES = """\
name = "protest"

[[labels]]
name = "organiser"
key = "1"
color = "#4e79a7"

[[fields]]
name = "protest_type"
type = "choice"
choices = ["march", "strike", "sit_in", "march"]

[[fields]]
name = "demands"
type = "group"

  [[fields.fields]]
  name = "kind"
  type = "choice"
  choices = ["wages", "wages"]
"""


def test_a_choice_given_twice_is_refused_with_its_value_and_places(tmp_path: Path) -> None:
    path = tmp_path / "protest.toml"
    path.write_text(CHOICES, encoding="utf-8")
    lines = [
        f"{path}:11: field 'protest_type' ([[fields]] #1): choice 'march' is given twice "
        "(#1 and #4); keep one",
        f"{path}:20: field 'demands.kind' ([[fields]] #2, [[fields.fields]] #1): choice "
        "'wages' is given twice (#1 and #2); keep one",
    ]
    assert scheme_file_problems(path) == lines
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value).splitlines() == lines
    # Made in memory too: the form's list would show it twice.
    with pytest.raises(ValidationError, match="choice 'march' is given twice"):
        Scheme.model_validate(tomllib.loads(CHOICES))


NOTE = """\
name = "protest"

[[labels]]
name = "organiser"
key = "1"
color = "#4e79a7"

[[fields]]
name = "remarks"
type = "text"

[[fields]]
name = "note"
type = "text"

[[fields]]
name = "demands"
type = "group"

  [[fields.fields]]
  name = "note"
  type = "text"
"""


def test_a_form_field_named_as_the_records_own_note_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "protest.toml"
    path.write_text(NOTE, encoding="utf-8")
    # The suggestion is a name no field has ("remarks" is taken here).
    line = (
        f"{path}:13: field 'note' ([[fields]] #2): name 'note' is taken by the record's own "
        "note, which the screen shows below the form and records and exports keep beside it; "
        "name this field otherwise, e.g. 'comment'"
    )
    assert scheme_file_problems(path) == [line]
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value) == line
    # A group's own field named note is its items' (demands[0].note), beside no record field.
    path.write_text(
        NOTE.replace('[[fields]]\nname = "note"\ntype = "text"\n\n', "", 1), encoding="utf-8"
    )
    assert load_scheme(path).field("demands") is not None
    assert set(RECORD_OWN_NAMES) == {"note"}
    with pytest.raises(ValidationError, match="field 'note': the name is taken by the record"):
        Scheme.model_validate(tomllib.loads(NOTE))


def test_the_schemes_in_the_repository_pass() -> None:
    # The shipped ones (the default among them); the README's example has a test of its own.
    paths = sorted(packaged_schemes_dir().glob("*.toml"))
    assert default_scheme_path() in paths
    for path in paths:
        assert scheme_file_problems(path) == [], path
        load_scheme(path)
