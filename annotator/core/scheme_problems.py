"""Every problem of a scheme file in one pass, for ``annotator schema check`` and ``load_scheme``.

The model stops at its own cross-checks' first problem (duplicate names, reserved keys,
``from_label``) and skips them while any field is invalid. A person fixing a scheme wants the
whole list at once, so the cross-checks are made again on the raw TOML data
(``scheme_cross_checks``). Each problem is one line
``FILE:LINE: label 'arrests' ([[labels]] #5): key '1' is already organiser's; ...``: the line
where the text shows it (``scheme_source``), the table by its name and 1-based place, the value
given, and what to do. A problem another one explains (a ``colour`` said unknown and ``color``
said missing) is said once.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Any, NamedTuple, get_args

from pydantic import BaseModel, ValidationError

from annotator.core import scheme as scheme_module
from annotator.core.scheme import (
    _COLOUR_RE,
    _NAME_RE,
    FieldType,
    FormField,
    Label,
    Scheme,
    ValueType,
    scheme_text,
)
from annotator.core.scheme_cross_checks import (
    Problem,
    cross_problems,
    free_keys,
    label_called,
    table_items,
    waiting_checks,
)
from annotator.core.scheme_ranges import range_problems
from annotator.core.scheme_source import Loc, SchemeSource
from annotator.core.scheme_toml_errors import toml_problem
from annotator.core.toml_value import toml_string, toml_value

# Pydantic's own error type for a ValueError raised by the model's validators; those checks are
# all made again on the raw data (``scheme_cross_checks``), every instance of each, so their
# single line is dropped.
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
        return [
            f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8: the rest is checked "
            "once it is"
        ]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [toml_problem(path, text, error)]
    problems = _model_problems(data, _LabelKeys.of(table_items(data.get("labels"), ("labels",))))
    problems += cross_problems(data, path)
    problems += range_problems(data)
    problems = _with_waiting(problems, waiting_checks(data))
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


def _with_waiting(problems: list[Problem], waiting: dict[Loc, str]) -> list[Problem]:
    """The problems, each check that waits for one said beside it (in brackets), or on a
    line of its own when that problem is said otherwise (``tpye`` for ``type``)."""
    out = list(problems)
    for loc, words in waiting.items():
        at = next((n for n, (where, _) in enumerate(out) if where == loc), None)
        if at is None:
            out.append((loc, words))
        else:
            out[at] = (loc, f"{out[at][1]} ({words})")
    return out


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


def _known_keys(loc: Loc) -> list[str]:
    """The keys the table holding the key at ``loc`` may have."""
    return list(_model_of(loc).model_fields)


def _model_problems(data: dict[str, Any], keys: _LabelKeys) -> list[Problem]:
    try:
        Scheme.model_validate(data)
    except ValidationError as error:
        items = [item for item in error.errors() if item["type"] != _OWN_CHECK]
    else:
        return []
    # A key close to a known one is a misspelling: the known one is not also "missing".
    meant: set[Loc] = set()
    unknown: list[tuple[Loc, str | None]] = []  # an unknown key, the known one it is close to
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden":
            close = get_close_matches(str(loc[-1]), _known_keys(loc), n=1, cutoff=0.6)
            if close:
                meant.add((*loc[:-1], close[0]))
            unknown.append((loc, close[0] if close else None))
    # A key unlike any known one where a required one is missing (``hue`` for ``color``) was
    # likely meant as it: the first such key of its table names every one missing there, which
    # no line of its own says again (a "missing" line beside "unknown key" told one mistake as
    # two).
    missing: dict[Loc, list[str]] = {}
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc and loc not in meant:
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
    problems: list[Problem] = []
    for loc, close_to in unknown:
        names = [] if close_to else missing.pop(loc[:-1], [])
        meant.update((*loc[:-1], name) for name in names)
        if close_to:
            message = f"unknown key {loc[-1]!r}; did you mean {close_to!r}?"
        elif names:
            listed = " and ".join(", ".join(map(repr, names)).rsplit(", ", 1))
            are = "is" if len(names) == 1 else "are"
            message = f"unknown key {loc[-1]!r}; {listed} {are} required here and missing"
        else:
            message = f"unknown key {loc[-1]!r} (known: {', '.join(_known_keys(loc))})"
        problems.append((loc, message))
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden" or loc in meant:
            continue
        problems.append((loc, _model_message(item, loc, keys)))
    return problems


def _model_message(item: Any, loc: Loc, keys: _LabelKeys) -> str:
    """What is wrong with the value at ``loc`` and what to write instead."""
    kind, given = item["type"], item.get("input")
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "missing" and loc == ("labels",):
        return "no [[labels]]: a scheme needs at least one label"
    if kind == "missing" and key == "key" and keys.free:
        return f"missing 'key'; add one no other label takes (free: {keys.free})"
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
        return _not_text(key, given, loc, keys)
    if kind == "too_short" and loc == ("labels",):
        return "a scheme needs at least one [[labels]] table"
    if kind == "missing" or not key:
        return str(item["msg"])
    return f"{key} = {toml_value(given)}: {item['msg']}"


class _LabelKeys(NamedTuple):
    """The labels' keys: which are taken and whose, and a few free ones."""

    owners: dict[str, str]  # a key given as text -> the label it is the key of
    free: str

    @staticmethod
    def of(labels: list[tuple[Loc, dict[str, Any]]]) -> _LabelKeys:
        owners: dict[str, str] = {}
        for loc, item in labels:
            if isinstance(key := item.get("key"), str):
                owners.setdefault(key, label_called(loc, item))
        return _LabelKeys(owners, free_keys(labels))

    def taken(self, key: str) -> str | None:
        """Why ``key`` in quotes would be refused as taken, or None when it is free."""
        if key in self.owners:
            return f"key {key!r} is already that of {self.owners[key]}"
        if key in scheme_module.RESERVED_KEYS:
            return f"key {key!r} is one of the screen's own keys"
        return None


def _not_text(key: str, given: object, loc: Loc, keys: _LabelKeys) -> str:
    """Where text belongs: a number, date or time to put in quotes (``name = 1979-05-27``:
    TOML reads it as a date), a list or table (``key = ["1"]``) to make one value, or
    true or false, which is no text anyone meant."""
    is_key = loc[:1] == ("labels",) and key == "key"
    written = toml_value(given)
    # Quoting is advised only where the quoted value is one the file may hold: ``key = 10``
    # quoted is refused in turn (a key is one character), as are ``name = 1979-05-27`` (a
    # name begins with no digit) and ``color = 123456`` (a colour is #rrggbb).
    taken = keys.taken(written) if is_key and _quotable(given) else None
    if taken is None and _quotable(given) and _fits(key, written, is_key):
        return f"{key} = {written}: write it in quotes ({key} = {toml_string(written)})"
    if _quotable(given) and key == "name":
        return (
            f"{key} = {written}: write a name in quotes, of letters, digits and _ and not "
            f"beginning with a digit, e.g. {_EXAMPLES['name']}"
        )
    what = "a list, not one value; " if isinstance(given, list) else ""
    what = "a table, not one value; " if isinstance(given, dict) else what
    only = given[0] if isinstance(given, list) and len(given) == 1 else None
    one = only if isinstance(only, str) else toml_value(only) if _quotable(only) else None
    taken = taken or (keys.taken(one) if is_key and one is not None else None)
    if taken is not None and len(written if one is None else one) == 1:
        # Quoted, a key another label or the screen takes: refused in turn.
        another = f" (free: {keys.free})" if keys.free else ""
        return f"{key} = {written}: {what}{taken}; write another character in quotes{another}"
    # Its one item, when that is a value to write (a label's key: one character).
    if one is not None and (len(one) == 1 or not is_key):
        return f"{key} = {written}: {what}write {key} = {toml_string(one)}"
    text = "one character" if is_key else "a colour as #rrggbb" if key == "color" else "text"
    example = _EXAMPLES.get(key)
    return f"{key} = {written}: {what}write {text} in quotes" + (
        f", e.g. {example}" if example else ""
    )


def _fits(key: str, text: str, is_key: bool) -> bool:
    """Whether ``text`` in quotes is a value ``key`` may hold."""
    if is_key:
        return len(text) == 1
    if key == "name":
        return _NAME_RE.match(text) is not None
    return key != "color" or _COLOUR_RE.match(text) is not None


def _quotable(value: object) -> bool:
    """A number, date or time, which text in quotes may have been meant as."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float | datetime.date | datetime.time)
