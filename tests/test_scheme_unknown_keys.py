"""A key the scheme does not know where a required one is missing: said once, on the unknown
key's line, naming the key that is missing (``hue`` for ``color`` gave "unknown key 'hue'" and,
a line above, "missing 'color'"). A close spelling keeps its did-you-mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme
from annotator.core.scheme_problems import scheme_file_problems

KNOWN_FIELD = (
    "(known: name, type, description, required, choices, from_label, fields, brief, min, max)"
)


def problems(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "s.toml"
    path.write_text(body, encoding="utf-8")
    found = scheme_file_problems(path)
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value).splitlines() == found  # load_scheme says them alike
    return [line.removeprefix(str(path)) for line in found]


def test_an_unknown_key_names_the_required_one_missing_beside_it(tmp_path: Path) -> None:
    body = (
        'name = "x"\n'
        '[[labels]]\nname = "a"\nkey = "1"\nhue = "#000000"\n'
        '[[fields]]\ntitle = "kind"\ntype = "text"\n'
        '[[fields]]\nname = "g"\ntype = "group"\n'
        '  [[fields.fields]]\n  kind = "text"\n  name = "t"\n'
    )
    assert problems(tmp_path, body) == [
        ":5: label 'a' ([[labels]] #1): unknown key 'hue'; 'color' is required here and missing",
        ":7: [[fields]] #1: unknown key 'title'; 'name' is required here and missing",
        ":13: field 'g.t' ([[fields]] #2, [[fields.fields]] #1): unknown key 'kind'; 'type' is "
        "required here and missing",
    ]


def test_an_unknown_table_of_the_top_names_labels_at_its_header(tmp_path: Path) -> None:
    body = 'name = "x"\n\n[[tags]]\nname = "a"\nkey = "1"\ncolor = "#000000"\n'
    assert problems(tmp_path, body) == [
        ":3: unknown key 'tags'; 'labels' is required here and missing"
    ]
    body = 'title = "x"\nlabels = [{name = "a", key = "1", color = "#000000"}]\n'
    assert problems(tmp_path, body) == [
        ":1: unknown key 'title'; 'name' is required here and missing"
    ]


def test_two_missing_are_named_together_on_the_first_unknown_key(tmp_path: Path) -> None:
    body = 'name = "x"\n[[labels]]\nname = "a"\nshortcut = "1"\nhue = "#000000"\n'
    assert problems(tmp_path, body) == [
        ":4: label 'a' ([[labels]] #1): unknown key 'shortcut'; 'key' and 'color' are required "
        "here and missing",
        ":5: label 'a' ([[labels]] #1): unknown key 'hue' (known: name, key, color, description, "
        "value_type, min, max)",
    ]


def test_a_close_spelling_keeps_its_did_you_mean(tmp_path: Path) -> None:
    body = (
        'name = "x"\n\nlables = [{name = "a", key = "1", color = "#000000"}]\n'
        '[[fields]]\nnmae = "kind"\ntitle = "Kind"\ntype = "text"\n'
    )
    assert problems(tmp_path, body) == [
        ":3: unknown key 'lables'; did you mean 'labels'?",
        ":5: [[fields]] #1: unknown key 'nmae'; did you mean 'name'?",
        f":6: [[fields]] #1: unknown key 'title' {KNOWN_FIELD}",
    ]


def test_an_unknown_key_where_nothing_is_missing_lists_the_known(tmp_path: Path) -> None:
    body = 'name = "x"\n[[labels]]\nname = "a"\nkey = "1"\ncolor = "#000000"\nshade = 2\n'
    assert problems(tmp_path, body) == [
        ":6: label 'a' ([[labels]] #1): unknown key 'shade' (known: name, key, color, "
        "description, value_type, min, max)"
    ]
