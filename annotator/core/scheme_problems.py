"""Every problem of a scheme file in one pass, for ``annotator schema check``.

``load_scheme`` stops at the first problem, and the model's own cross-checks (duplicate names,
reserved keys, ``from_label``) stop at their first and do not run at all while any field is
invalid. A person fixing a scheme wants the whole list at once, so the cross-checks are made
again here on the raw TOML data, which needs nothing else to be valid.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from annotator.core import scheme as scheme_module
from annotator.core.scheme import _FILLS, Scheme, ValueType

# Pydantic's own error type for a ValueError raised by the model's validators; those checks are
# all made again below on the raw data, every instance of each, so their single line is dropped.
_OWN_CHECK = "value_error"


def scheme_file_problems(path: Path) -> list[str]:
    """Every problem of a scheme file, one ``FILE: where: message`` line each (empty when valid)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        return [f"{path}: cannot read scheme: {error.strerror or error}"]
    except UnicodeDecodeError as error:
        return [f"{path}: not UTF-8 (byte {error.start})"]
    except tomllib.TOMLDecodeError as error:
        return [f"{path}: invalid TOML: {error}"]
    problems: list[tuple[str, str]] = []
    try:
        Scheme.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            if item["type"] != _OWN_CHECK:
                where = ".".join(str(part) for part in item["loc"])
                problems.append((where, item["msg"]))
    problems.extend(_cross_problems(data, path))
    return [
        f"{path}: {where}: {message}" if where else f"{path}: {message}"
        for where, message in problems
    ]


def _cross_problems(data: dict[str, Any], path: Path) -> list[tuple[str, str]]:
    """The model validators' checks, made on raw data: (where, message) for every instance."""
    labels = _items(data.get("labels"), "labels")
    fields = _items(data.get("fields"), "fields")
    problems = _label_problems(labels)
    problems += _duplicates(
        "field name", [(f"{where}.name", item.get("name")) for where, item in fields]
    )
    label_types = {
        item["name"]: item.get("value_type", "none")
        for _, item in labels
        if isinstance(item.get("name"), str)
    }
    for where, field in fields:
        problems += _field_problems(where, field, label_types)
        subs = _items(field.get("fields"), f"{where}.fields")
        problems += [
            (where, f"field {field.get('name')!r}: two of its fields are named {name!r}")
            for where, name in _repeats([(f"{sw}.name", sub.get("name")) for sw, sub in subs])
        ]
        for sub_where, sub in subs:
            problems += _field_problems(sub_where, sub, label_types)
            if sub.get("type") == "group":
                problems.append((sub_where, f"field {field.get('name')!r}: groups cannot nest"))
    guidelines = data.get("guidelines")
    if isinstance(guidelines, str) and guidelines and not (path.parent / guidelines).is_file():
        problems.append(("guidelines", f"file {guidelines!r} not found beside the scheme"))
    return problems


def _items(value: object, where: str) -> list[tuple[str, dict[str, Any]]]:
    """The tables of a TOML array with where each sits; anything else is the model's to report."""
    if not isinstance(value, list):
        return []
    return [(f"{where}.{n}", item) for n, item in enumerate(value) if isinstance(item, dict)]


def _label_problems(labels: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
    problems = _duplicates(
        "label name", [(f"{where}.name", item.get("name")) for where, item in labels]
    )
    problems += _duplicates(
        "label key", [(f"{where}.key", item.get("key")) for where, item in labels]
    )
    # Read at call time: the set of the screens' own keys may grow.
    reserved = scheme_module.RESERVED_KEYS
    letters = " ".join(sorted(key for key in reserved if len(key) == 1))
    for where, item in labels:
        key = item.get("key")
        if isinstance(key, str) and key in reserved:
            problems.append(
                (
                    f"{where}.key",
                    f"label {item.get('name')!r}: key {key!r} is one of the screen's own keys "
                    f"({letters})",
                )
            )
    return problems


def _duplicates(what: str, named: list[tuple[str, object]]) -> list[tuple[str, str]]:
    """One problem for each repeat of a value already seen, at the repeat's place."""
    return [(where, f"duplicate {what} {value!r}") for where, value in _repeats(named)]


def _repeats(named: list[tuple[str, object]]) -> list[tuple[str, str]]:
    """(where, value) of each repeat of a name already seen (names that are not strings are
    the model's to report)."""
    seen: set[str] = set()
    repeats = []
    for where, value in named:
        if not isinstance(value, str):
            continue
        if value in seen:
            repeats.append((where, value))
        seen.add(value)
    return repeats


def _field_problems(
    where: str, field: dict[str, Any], label_types: dict[str, object]
) -> list[tuple[str, str]]:
    """A field's shape and its ``from_label``: every problem, not the first."""
    name, kind = field.get("name"), field.get("type")
    has_choices, has_fields = bool(field.get("choices")), bool(field.get("fields"))
    shape = [
        (kind == "choice" and not has_choices, "a choice field needs choices"),
        (kind != "choice" and has_choices, "only a choice field has choices"),
        (kind == "group" and not has_fields, "a group needs fields"),
        (kind != "group" and has_fields, "only a group has fields"),
        (
            kind == "group" and bool(field.get("from_label")),
            "a group cannot be filled from a label",
        ),
        (isinstance(name, str) and name.startswith("_"), "a field's name cannot begin with _"),
    ]
    problems = [(where, f"field {name!r}: {message}") for broken, message in shape if broken]
    source = field.get("from_label")
    if not isinstance(source, str) or kind == "group":
        return problems
    if source not in label_types:
        problems.append((f"{where}.from_label", f"field {name!r}: unknown from_label {source!r}"))
        return problems
    allowed = _FILLS.get(kind) if isinstance(kind, str) else None
    value_type = label_types[source]
    # A value type that is not one of the scheme's own is reported by the model already.
    if allowed is not None and value_type in get_args(ValueType) and value_type not in allowed:
        problems.append(
            (
                f"{where}.from_label",
                f"field {name!r} ({kind}) cannot be filled from label {source!r} "
                f"(value type {value_type})",
            )
        )
    return problems
