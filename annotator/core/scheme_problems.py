"""Every problem of a scheme file in one pass, for ``annotator schema check`` and ``load_scheme``.

The model stops at its own cross-checks' first problem (duplicate names, reserved keys,
``from_label``) and skips them while any field is invalid. A person fixing a scheme wants the
whole list at once, so the cross-checks are made again here on the raw TOML data. Each problem
is one line ``FILE:LINE: label 'arrests' ([[labels]] #5): key '1' is already organiser's; ...``:
the line where the text shows it (``scheme_source``), the table by its name and 1-based place,
the value given, and what to do. A problem another one explains (a ``colour`` said unknown and
``color`` said missing) is said once.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from annotator.core import scheme as scheme_module
from annotator.core.scheme import (
    _FILLS,
    FieldType,
    FormField,
    Label,
    Scheme,
    ValueType,
    scheme_text,
)
from annotator.core.scheme_source import Loc, SchemeSource, key_on_line
from annotator.core.toml_value import toml_string, toml_value

Problem = tuple[Loc, str]

# Pydantic's own error type for a ValueError raised by the model's validators; those checks are
# all made again below on the raw data, every instance of each, so their single line is dropped.
_OWN_CHECK = "value_error"
_EXAMPLES = {
    "name": 'name = "crowd"',
    "color": 'color = "#edc948"',
    "type": 'type = "text"',
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "type": get_args(FieldType),
    "value_type": get_args(ValueType),
}


def scheme_file_problems(path: Path) -> list[str]:
    """Every problem of a scheme file, one line each (empty when valid)."""
    try:
        text = scheme_text(path.read_bytes())
    except OSError as error:
        return [f"{path}: cannot read scheme: {error.strerror or error}"]
    except UnicodeDecodeError as error:
        return [f"{path}: not UTF-8 (byte {error.start})"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [_toml_problem(path, text, error)]
    problems = _model_problems(data, _free_keys(_items(data.get("labels"), ("labels",))))
    problems += _cross_problems(data, path)
    source = SchemeSource(text, data)
    placed = [(source.line_of(loc), loc, message) for loc, message in problems]
    # In the order of the file: a person fixes them going down it.
    placed.sort(key=lambda item: item[0] if item[0] is not None else 1 << 30)
    lines = []
    for line, loc, message in placed:
        where = _describe(loc, data)
        head = f"{path}:{line}" if line is not None else f"{path}"
        lines.append(f"{head}: {where}: {message}" if where else f"{head}: {message}")
    return lines


def _toml_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    found = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if found is None:
        return f"{path}: invalid TOML: {message}"
    line, column = int(found.group(1)), found.group(2)
    message = message[: found.start()]
    key = key_on_line(text, line)
    if message == "Cannot overwrite a value" and key is not None:
        message = f"{key!r} is set twice in one table; keep one"
    return f"{path}:{line}: invalid TOML: {message} (column {column})"


def _describe(loc: Loc, data: dict[str, Any]) -> str:
    """``label 'arrests' ([[labels]] #5)``, ``field 'arrests.count' ([[fields]] #4,
    [[fields.fields]] #1)``, or "" for the file's top-level keys."""
    if len(loc) < 2 or not isinstance(loc[1], int) or loc[0] not in ("labels", "fields"):
        return ""
    table = _table(data, loc[:2])
    name = table.get("name") if isinstance(table.get("name"), str) else None
    if loc[0] == "labels":
        return f"label {name!r} ([[labels]] #{loc[1] + 1})" if name else f"[[labels]] #{loc[1] + 1}"
    place = f"[[fields]] #{loc[1] + 1}"
    if len(loc) >= 4 and loc[2] == "fields" and isinstance(loc[3], int):
        sub = _table(data, loc[:4])
        sub_name = sub.get("name") if isinstance(sub.get("name"), str) else None
        place += f", [[fields.fields]] #{loc[3] + 1}"
        name = f"{name or '?'}.{sub_name}" if sub_name else None
    return f"field {name!r} ({place})" if name else place


def _table(data: dict[str, Any], loc: Loc) -> dict[str, Any]:
    value: Any = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return {}
    return value if isinstance(value, dict) else {}


def _model_of(loc: Loc) -> type[BaseModel]:
    if loc[:1] == ("labels",):
        return Label
    return FormField if loc[:1] == ("fields",) else Scheme


def _model_problems(data: dict[str, Any], free_keys: str) -> list[Problem]:
    try:
        Scheme.model_validate(data)
    except ValidationError as error:
        items = [item for item in error.errors() if item["type"] != _OWN_CHECK]
    else:
        return []
    # A key close to a known one is a misspelling: the known one is not also "missing".
    meant: set[Loc] = set()
    problems: list[Problem] = []
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden":
            known = list(_model_of(loc).model_fields)
            close = get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            if close:
                meant.add((*loc[:-1], close[0]))
                problems.append((loc, f"unknown key {loc[-1]!r}; did you mean {close[0]!r}?"))
            else:
                problems.append((loc, f"unknown key {loc[-1]!r} (known: {', '.join(known)})"))
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden" or loc in meant:
            continue
        problems.append((loc, _model_message(item, loc, free_keys)))
    return problems


def _model_message(item: Any, loc: Loc, free_keys: str) -> str:
    """What is wrong with the value at ``loc`` and what to write instead."""
    kind, given = item["type"], item.get("input")
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "missing" and loc == ("labels",):
        return "no [[labels]]: a scheme needs at least one label"
    if kind == "missing" and key == "key" and free_keys:
        return f"missing 'key'; add one no other label takes (free: {free_keys})"
    if kind == "missing":
        example = _EXAMPLES.get(key)
        return f"missing {key!r}; add it" + (f", e.g. {example}" if example else "")
    if kind == "string_pattern_mismatch" and key == "color":
        return f'color {given!r} is not a colour as #rrggbb; write one like "#edc948"'
    if kind == "string_pattern_mismatch" and key == "name":
        better = re.sub(r"\W+", "_", str(given)).strip("_") or "name"
        better = better if re.match(r"[A-Za-z_]", better) else f"_{better}"
        return (
            f"name {given!r} may hold only letters, digits and _, and not begin with a digit; "
            f"e.g. {better!r}"
        )
    if kind in ("string_too_long", "string_too_short") and key == "key":
        return f"key {given!r} must be one character; choose another"
    if kind == "literal_error" and key in _CHOICES:
        allowed = _CHOICES[key]
        if not isinstance(given, str):
            return f"{key} = {toml_value(given)}: write one of {', '.join(allowed)}, in quotes"
        close = get_close_matches(str(given), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{key} {given!r} is not one of {', '.join(allowed)}{hint}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{key} = {toml_value(given)}: use true or false (unquoted)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{key} = {toml_value(given)}: use a whole number, unquoted (e.g. {key} = 2)"
    if kind == "string_type":
        return _not_text(key, given, loc)
    if kind == "too_short" and loc == ("labels",):
        return "a scheme needs at least one [[labels]] table"
    if kind == "missing" or not key:
        return str(item["msg"])
    return f"{key} = {toml_value(given)}: {item['msg']}"


def _not_text(key: str, given: object, loc: Loc) -> str:
    """Where text belongs: a number, date or time to put in quotes (``name = 1979-05-27``:
    TOML reads it as a date), a list or table (``key = ["1"]``) to make one value, or
    true or false, which is no text anyone meant."""
    is_key = loc[:1] == ("labels",) and key == "key"
    written = toml_value(given)
    # A label's key in quotes must be one character: ``key = 10`` quoted is refused in turn.
    if _quotable(given) and (len(written) == 1 or not is_key):
        return f"{key} = {written}: write it in quotes ({key} = {toml_string(written)})"
    what = "a list, not one value; " if isinstance(given, list) else ""
    what = "a table, not one value; " if isinstance(given, dict) else what
    only = given[0] if isinstance(given, list) and len(given) == 1 else None
    one = only if isinstance(only, str) else toml_value(only) if _quotable(only) else None
    # Its one item, when that is a value to write (a label's key: one character).
    if one is not None and (len(one) == 1 or not is_key):
        return f"{key} = {written}: {what}write {key} = {toml_string(one)}"
    text = "one character" if is_key else "text"
    example = _EXAMPLES.get(key)
    return f"{key} = {written}: {what}write {text} in quotes" + (
        f", e.g. {example}" if example else ""
    )


def _quotable(value: object) -> bool:
    """A number, date or time, which text in quotes may have been meant as."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float | datetime.date | datetime.time)


def _cross_problems(data: dict[str, Any], path: Path) -> list[Problem]:
    """The model validators' checks, made on raw data: (where, message) for every instance."""
    labels = _items(data.get("labels"), ("labels",))
    fields = _items(data.get("fields"), ("fields",))
    problems = _label_problems(labels)
    # A label's name given twice explains a from_label naming the name it was meant to have.
    renamed = any(loc[-1] == "name" for loc, _ in problems)
    problems += _repeats([(loc, item.get("name")) for loc, item in fields], "[[fields]]")
    label_types = {
        item["name"]: item.get("value_type", "none")
        for _, item in labels
        if isinstance(item.get("name"), str)
    }
    for loc, field in fields:
        problems += _field_problems(loc, field, label_types, renamed)
        subs = _items(field.get("fields"), (*loc, "fields"))
        problems += _repeats(
            [(sub_loc, sub.get("name")) for sub_loc, sub in subs], "[[fields.fields]]"
        )
        for sub_loc, sub in subs:
            problems += _field_problems(sub_loc, sub, label_types, renamed)
            if sub.get("type") == "group":
                problems.append((sub_loc, "groups cannot nest: a group's field cannot be a group"))
    guidelines = data.get("guidelines")
    if isinstance(guidelines, str) and guidelines and not (path.parent / guidelines).is_file():
        problems.append(
            (("guidelines",), f"guidelines file {guidelines!r} not found beside the scheme")
        )
    return problems


def _items(value: object, loc: Loc) -> list[tuple[Loc, dict[str, Any]]]:
    """The tables of a TOML array with where each sits; anything else is the model's to report."""
    if not isinstance(value, list):
        return []
    return [((*loc, n), item) for n, item in enumerate(value) if isinstance(item, dict)]


def _label_problems(labels: list[tuple[Loc, dict[str, Any]]]) -> list[Problem]:
    problems = _repeats([(loc, item.get("name")) for loc, item in labels], "[[labels]]")
    # Read at call time: the set of the screens' own keys may grow.
    reserved = scheme_module.RESERVED_KEYS
    free = _free_keys(labels)
    another = f"choose another (free: {free})" if free else "choose another"
    owners: dict[str, str] = {}
    for loc, item in labels:
        key, name = item.get("key"), item.get("name")
        if not isinstance(key, str):
            continue
        if key in owners:
            problems.append(
                ((*loc, "key"), f"key {key!r} is already that of {owners[key]}; {another}")
            )
        elif key in reserved:
            letters = " ".join(sorted(k for k in reserved if len(k) == 1))
            problems.append(
                (
                    (*loc, "key"),
                    f"key {key!r} is one of the screen's own keys ({letters}); {another}",
                )
            )
        owners.setdefault(
            key, f"label {name!r}" if isinstance(name, str) else f"[[labels]] #{_number(loc)}"
        )
    return problems


def _number(loc: Loc) -> int:
    """The 1-based number of the table at ``loc`` in its array."""
    index = loc[-1]
    return index + 1 if isinstance(index, int) else 0


def _free_keys(labels: list[tuple[Loc, dict[str, Any]]]) -> str:
    """A few keys no label takes and the screens do not use, to choose from."""
    # A key that is not a string (a list, a table) takes none; the model says what it is.
    used = {key for _, item in labels if isinstance(key := item.get("key"), str)}
    reserved = scheme_module.RESERVED_KEYS
    free = [key for key in "1234567890hijkmwyz" if key not in used and key not in reserved]
    return ", ".join(free[:4])


def _repeats(named: list[tuple[Loc, object]], table: str) -> list[Problem]:
    """A problem at each repeat of a name already seen, naming where it was first (names that
    are not strings are the model's to report)."""
    first: dict[str, Loc] = {}
    problems: list[Problem] = []
    for loc, value in named:
        if not isinstance(value, str):
            continue
        if value in first:
            problems.append(
                (
                    (*loc, "name"),
                    f"name {value!r} is already that of {table} #{_number(first[value])}; "
                    "choose another",
                )
            )
        first.setdefault(value, loc)
    return problems


def _field_problems(
    loc: Loc, field: dict[str, Any], label_types: dict[str, object], renamed: bool
) -> list[Problem]:
    """A field's shape and its ``from_label``: every problem, not the first."""
    name, kind = field.get("name"), field.get("type")
    problems: list[Problem] = []
    if isinstance(name, str) and name.startswith("_"):
        problems.append(
            ((*loc, "name"), f"name {name!r} cannot begin with _ (the form takes it for private)")
        )
    if kind not in _CHOICES["type"]:
        return problems  # the model says the type is wrong; what follows from it would mislead
    has_choices, has_fields = bool(field.get("choices")), bool(field.get("fields"))
    shape = [
        (kind == "choice" and not has_choices, "a choice field needs choices", "choices"),
        (
            kind != "choice" and has_choices,
            f"only a choice field has choices (this is {kind}): remove them or make it "
            'type = "choice"',
            "choices",
        ),
        (kind == "group" and not has_fields, "a group needs [[fields.fields]]", "type"),
        (kind != "group" and has_fields, "only a group has fields", "type"),
        (
            kind == "group" and bool(field.get("from_label")),
            "a group cannot be filled from a label; put from_label on its fields",
            "from_label",
        ),
    ]
    problems += [((*loc, key), message) for broken, message, key in shape if broken]
    source = field.get("from_label")
    if not isinstance(source, str) or kind == "group":
        return problems
    if source not in label_types:
        if not renamed:
            # A name with a line break in it (refused as a name) would break the line.
            known = [label for label in label_types if label.isprintable()]
            close = get_close_matches(source, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                (
                    (*loc, "from_label"),
                    f"from_label {source!r} is not a label of this scheme (labels: "
                    f"{', '.join(known)}){hint}",
                )
            )
        return problems
    allowed = _FILLS.get(kind)
    value_type = label_types[source]
    # A value type that is not one of the scheme's own is reported by the model already.
    if allowed is not None and value_type in get_args(ValueType) and value_type not in allowed:
        problems.append(
            (
                (*loc, "from_label"),
                f"{'an' if kind == 'integer' else 'a'} {kind} field cannot be filled from "
                f"label {source!r} (value_type "
                f'{value_type}); give that label value_type = "{kind}" or fill this from '
                "another",
            )
        )
    return problems
