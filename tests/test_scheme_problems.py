"""`annotator schema check`: every problem of a scheme file in one run, one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import scheme as scheme_module
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import default_scheme_path, load_scheme
from annotator.core.scheme_problems import scheme_file_problems

LABEL = (
    '[[labels]]\nname = "{name}"\nkey = "{key}"\ncolor = "{color}"\nvalue_type = "{value_type}"\n'
)


def label(name: str, key: str, color: str = "#000000", value_type: str = "none") -> str:
    return LABEL.format(name=name, key=key, color=color, value_type=value_type)


def problems(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "s.toml"
    path.write_text(body, encoding="utf-8")
    return [line.removeprefix(str(path)) for line in scheme_file_problems(path)]


def test_the_default_scheme_has_no_problems() -> None:
    assert scheme_file_problems(default_scheme_path()) == []


OWN = "(/ ? N [ ] a b c d e f g l n o p q r s t u v x)"


def test_every_problem_is_listed_in_one_run(tmp_path: Path) -> None:
    body = (
        'name = "x"\n'
        + label("a", "1", color="red")
        + label("b", "2", value_type="float")
        + label("a", "d")
        + label("c", "x")
    )
    assert problems(tmp_path, body) == [
        ":5: label 'a' ([[labels]] #1): color 'red' is not a colour as #rrggbb; write one like "
        '"#edc948"',
        ":11: label 'b' ([[labels]] #2): value_type 'float' is not one of none, integer, date",
        ":13: label 'a' ([[labels]] #3): name 'a' is already that of [[labels]] #1; choose another",
        f":14: label 'a' ([[labels]] #3): key 'd' is one of the screen's own keys {OWN}; choose "
        "another (free: 3, 4, 5, 6)",
        f":19: label 'c' ([[labels]] #4): key 'x' is one of the screen's own keys {OWN}; choose "
        "another (free: 3, 4, 5, 6)",
    ]


def test_cross_checks_run_even_when_a_field_is_invalid(tmp_path: Path) -> None:
    body = (
        'name = "not a name"\n'
        + label("a", "1")
        + label("b", "1")
        + '[[fields]]\nname = "n"\ntype = "integer"\nfrom_label = "zz"\n'
        + '[[fields]]\nname = "m"\ntype = "integer"\nfrom_label = "a"\n'
        + '[[fields]]\nname = "m"\ntype = "choice"\nfrom_label = "a"\n'
    )
    assert problems(tmp_path, body) == [
        ":1: name 'not a name' may hold only letters, digits and _, and not begin with a digit; "
        "e.g. 'not_a_name'",
        ":9: label 'b' ([[labels]] #2): key '1' is already that of label 'a'; choose another "
        "(free: 2, 3, 4, 5)",
        ":15: field 'n' ([[fields]] #1): from_label 'zz' is not a label of this scheme (labels: "
        "a, b)",
        ":19: field 'm' ([[fields]] #2): an integer field cannot be filled from label 'a' "
        '(value_type none); give that label value_type = "integer" or fill this from another',
        ":20: field 'm' ([[fields]] #3): a choice field needs choices",
        ":21: field 'm' ([[fields]] #3): name 'm' is already that of [[fields]] #2; choose another",
    ]


def test_group_shapes_and_missing_guidelines(tmp_path: Path) -> None:
    body = (
        'name = "x"\nguidelines = "gone.md"\n'
        + label("a", "1")
        + '[[fields]]\nname = "g"\ntype = "group"\nfrom_label = "a"\n'
        + '  [[fields.fields]]\n  name = "inner"\n  type = "group"\n'
        + '  [[fields.fields]]\n  name = "t"\n  type = "text"\n  choices = ["y"]\n'
    )
    inner = "field 'g.inner' ([[fields]] #1, [[fields.fields]] #1)"
    assert problems(tmp_path, body) == [
        f":2: guidelines file 'gone.md' not found (looked for {tmp_path / 'gone.md'}); put it "
        "there, or correct or remove the guidelines key",
        ":11: field 'g' ([[fields]] #1): a group cannot be filled from a label; put from_label "
        "on its fields",
        f":12: {inner}: groups cannot nest: a group's field cannot be a group",
        f":14: {inner}: a group needs [[fields.fields]]",
        ":18: field 'g.t' ([[fields]] #1, [[fields.fields]] #2): only a choice field has choices "
        '(this is text): remove them or make it type = "choice"',
    ]


def test_a_field_name_with_a_leading_underscore(tmp_path: Path) -> None:
    # The form model would take such a field for a private one: no form could hold it.
    body = (
        'name = "x"\n'
        + label("a", "1")
        + '[[fields]]\nname = "_note"\ntype = "text"\n'
        + '[[fields]]\nname = "g"\ntype = "group"\n'
        + '  [[fields.fields]]\n  name = "_t"\n  type = "text"\n'
    )
    assert problems(tmp_path, body) == [
        ":8: field '_note' ([[fields]] #1): name '_note' cannot begin with _ (the form takes it "
        "for private)",
        ":14: field 'g._t' ([[fields]] #2, [[fields.fields]] #1): name '_t' cannot begin with _ "
        "(the form takes it for private)",
    ]
    with pytest.raises(AnnotatorError, match="cannot begin with _"):
        load_scheme(tmp_path / "s.toml")


def test_two_fields_of_one_group_with_one_name(tmp_path: Path) -> None:
    # A group's fields are told apart by name: paths (releases[0].count), links and the form
    # model would take one for the other. Another group may use the name again.
    body = (
        'name = "x"\n'
        + label("a", "1")
        + '[[fields]]\nname = "g"\ntype = "group"\n'
        + '  [[fields.fields]]\n  name = "t"\n  type = "text"\n'
        + '  [[fields.fields]]\n  name = "t"\n  type = "integer"\n'
        + '[[fields]]\nname = "h"\ntype = "group"\n'
        + '  [[fields.fields]]\n  name = "t"\n  type = "text"\n'
    )
    line = (
        ":14: field 'g.t' ([[fields]] #1, [[fields.fields]] #2): name 't' is already that of "
        "[[fields.fields]] #1; choose another"
    )
    assert problems(tmp_path, body) == [line]
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(tmp_path / "s.toml")
    assert str(raised.value) == f"{tmp_path / 's.toml'}{line}"


def test_reserved_keys_are_read_when_checking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheme_module, "RESERVED_KEYS", frozenset(["9"]))
    found = problems(tmp_path, 'name = "x"\n' + label("a", "9"))
    assert found == [
        ":4: label 'a' ([[labels]] #1): key '9' is one of the screen's own keys (9); choose "
        "another (free: 1, 2, 3, 4)"
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [("name = [", ":1: invalid TOML: "), (b"\xff", ": not UTF-8 (byte 0); save it as UTF-8")],
)
def test_a_file_that_cannot_be_read_is_one_line(
    tmp_path: Path, body: str | bytes, message: str
) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    [line] = scheme_file_problems(path)
    assert line.startswith(f"{path}{message}")
    assert scheme_file_problems(tmp_path / "none.toml") == [
        f"{tmp_path / 'none.toml'}: cannot read scheme: No such file or directory"
    ]


def test_load_scheme_says_every_problem_as_schema_check_does(tmp_path: Path) -> None:
    # annotate --scheme, validate --scheme...: every problem at once, not the first of them.
    path = tmp_path / "s.toml"
    path.write_text('name = "x"\n' + label("a", "d") + label("b", "x"), encoding="utf-8")
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value).splitlines() == scheme_file_problems(path)
    assert len(scheme_file_problems(path)) == 2
