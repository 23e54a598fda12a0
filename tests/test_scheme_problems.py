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
    return [line.removeprefix(f"{path}: ") for line in scheme_file_problems(path)]


def test_the_default_scheme_has_no_problems() -> None:
    assert scheme_file_problems(default_scheme_path()) == []


def test_every_problem_is_listed_in_one_run(tmp_path: Path) -> None:
    body = (
        'name = "x"\n'
        + label("a", "1", color="red")
        + label("b", "2", value_type="float")
        + label("a", "d")
        + label("c", "x")
    )
    found = problems(tmp_path, body)
    assert found[0].startswith("labels.0.color: String should match pattern")
    assert found[1].startswith("labels.1.value_type: Input should be 'none', 'integer' or 'date'")
    assert found[2] == "labels.2.name: duplicate label name 'a'"
    assert found[3].startswith("labels.2.key: label 'a': key 'd' is one of the screen's own keys")
    assert found[4].startswith("labels.3.key: label 'c': key 'x' is one of the screen's own keys")
    assert len(found) == 5


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
        "name: String should match pattern '^[A-Za-z_][A-Za-z0-9_]*$'",
        "labels.1.key: duplicate label key '1'",
        "fields.2.name: duplicate field name 'm'",
        "fields.0.from_label: field 'n': unknown from_label 'zz'",
        "fields.1.from_label: field 'm' (integer) cannot be filled from label 'a' "
        "(value type none)",
        "fields.2: field 'm': a choice field needs choices",
    ]


def test_group_shapes_and_missing_guidelines(tmp_path: Path) -> None:
    body = (
        'name = "x"\nguidelines = "gone.md"\n'
        + label("a", "1")
        + '[[fields]]\nname = "g"\ntype = "group"\nfrom_label = "a"\n'
        + '  [[fields.fields]]\n  name = "inner"\n  type = "group"\n'
        + '  [[fields.fields]]\n  name = "t"\n  type = "text"\n  choices = ["y"]\n'
    )
    assert problems(tmp_path, body) == [
        "fields.0: field 'g': a group cannot be filled from a label",
        "fields.0.fields.0: field 'inner': a group needs fields",
        "fields.0.fields.0: field 'g': groups cannot nest",
        "fields.0.fields.1: field 't': only a choice field has choices",
        "guidelines: file 'gone.md' not found beside the scheme",
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
        "fields.0: field '_note': a field's name cannot begin with _",
        "fields.1.fields.0: field '_t': a field's name cannot begin with _",
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
    assert problems(tmp_path, body) == [
        "fields.0.fields.1.name: field 'g': two of its fields are named 't'"
    ]
    with pytest.raises(AnnotatorError, match="field 'g': two of its fields are named 't'"):
        load_scheme(tmp_path / "s.toml")


def test_reserved_keys_are_read_when_checking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheme_module, "RESERVED_KEYS", frozenset(["9"]))
    found = problems(tmp_path, 'name = "x"\n' + label("a", "9"))
    assert found == ["labels.0.key: label 'a': key '9' is one of the screen's own keys (9)"]


@pytest.mark.parametrize(
    ("body", "message"),
    [("name = [", "invalid TOML: "), (b"\xff", "not UTF-8 (byte 0)")],
)
def test_a_file_that_cannot_be_read_is_one_line(
    tmp_path: Path, body: str | bytes, message: str
) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    [line] = scheme_file_problems(path)
    assert line.startswith(f"{path}: {message}")
    assert scheme_file_problems(tmp_path / "none.toml") == [
        f"{tmp_path / 'none.toml'}: cannot read scheme: No such file or directory"
    ]


def test_load_scheme_still_stops_at_the_first_problem(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('name = "x"\n' + label("a", "d") + label("b", "x"), encoding="utf-8")
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value).startswith(
        f"{path}: label 'a': key 'd' is one of the screen's own keys"
    )
    assert "\n" not in str(raised.value)
