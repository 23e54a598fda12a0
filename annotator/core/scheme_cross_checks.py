"""The scheme model's own cross-checks (names given twice, a label's key taken or one of the
screens' own, a field's shape and its ``from_label``), made again on the raw TOML data for
``scheme_problems``: the model stops at the first and skips them while any field is invalid,
and a person fixing a scheme wants every instance at once."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Any, get_args

from annotator.core import scheme as scheme_module
from annotator.core.scheme import _FILLS, FieldType, ValueType
from annotator.core.scheme_source import Loc

Problem = tuple[Loc, str]

_FIELD_TYPES: tuple[str, ...] = get_args(FieldType)


def cross_problems(data: dict[str, Any], path: Path) -> list[Problem]:
    """The model validators' checks, made on raw data: (where, message) for every instance."""
    labels = table_items(data.get("labels"), ("labels",))
    fields = table_items(data.get("fields"), ("fields",))
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
        subs = table_items(field.get("fields"), (*loc, "fields"))
        problems += _repeats(
            [(sub_loc, sub.get("name")) for sub_loc, sub in subs], "[[fields.fields]]"
        )
        for sub_loc, sub in subs:
            problems += _field_problems(sub_loc, sub, label_types, renamed)
            if sub.get("type") == "group":
                problems.append((sub_loc, "groups cannot nest: a group's field cannot be a group"))
    guidelines = data.get("guidelines")
    if isinstance(guidelines, str):
        problems += [(("guidelines",), said) for said in guidelines_problems(guidelines, path)]
    return problems


def guidelines_problems(guidelines: str, path: Path) -> list[str]:
    """A guidelines file the scheme at ``path`` names that is not there, with the path looked
    for (beside the scheme) and what to do. ``load_scheme`` refuses such a scheme too: annotate
    opened with it, and its guidelines were found missing only when asked for. An empty name
    is refused too: ``guidelines = ""`` was taken without a word, and the scheme had none."""
    if not guidelines.strip():
        return [
            f"guidelines {guidelines!r} names no file; name the guidelines file (looked for "
            f"beside the scheme, in {path.parent}), or remove the guidelines key"
        ]
    looked = path.parent / guidelines
    if looked.is_file():
        return []
    if looked.is_dir():
        return [
            f"guidelines file {guidelines!r} is a folder, not a file (looked for {looked}); "
            "name the file in it, or correct or remove the guidelines key"
        ]
    return [
        f"guidelines file {guidelines!r} not found (looked for {looked}); put it there, or "
        "correct or remove the guidelines key"
    ]


def table_items(value: object, loc: Loc) -> list[tuple[Loc, dict[str, Any]]]:
    """The tables of a TOML array with where each sits; anything else is the model's to report."""
    if not isinstance(value, list):
        return []
    return [((*loc, n), item) for n, item in enumerate(value) if isinstance(item, dict)]


def _label_problems(labels: list[tuple[Loc, dict[str, Any]]]) -> list[Problem]:
    problems = _repeats([(loc, item.get("name")) for loc, item in labels], "[[labels]]")
    # Read at call time: the set of the screens' own keys may grow.
    reserved = scheme_module.RESERVED_KEYS
    free = free_keys(labels)
    another = f"choose another (free: {free})" if free else "choose another"
    owners: dict[str, str] = {}
    for loc, item in labels:
        key = item.get("key")
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
        owners.setdefault(key, label_called(loc, item))
    return problems


def label_called(loc: Loc, label: dict[str, Any]) -> str:
    """``label 'crowd'``, or ``[[labels]] #2`` when it has no name as text."""
    name = label.get("name")
    return f"label {name!r}" if isinstance(name, str) else f"[[labels]] #{table_number(loc)}"


def table_number(loc: Loc) -> int:
    """The 1-based number of the table at ``loc`` in its array."""
    index = loc[-1]
    return index + 1 if isinstance(index, int) else 0


def free_keys(labels: list[tuple[Loc, dict[str, Any]]]) -> str:
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
                    f"name {value!r} is already that of {table} #{table_number(first[value])}; "
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
    if kind not in _FIELD_TYPES:
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
