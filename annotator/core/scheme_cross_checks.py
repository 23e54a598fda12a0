"""The scheme model's own cross-checks (names given twice, a label's key taken or one of the
screens' own, a field's shape and its ``from_label``), made again on the raw TOML data for
``scheme_problems``: the model stops at the first and skips them while any field is invalid,
and a person fixing a scheme wants every instance at once."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Any, NamedTuple, get_args

from annotator.core import scheme as scheme_module
from annotator.core.brief_template import brief_problem
from annotator.core.scheme import _FILLS, FieldType, ValueType
from annotator.core.scheme_source import Loc

Problem = tuple[Loc, str]

_FIELD_TYPES: tuple[str, ...] = get_args(FieldType)


def cross_problems(data: dict[str, Any], path: Path) -> list[Problem]:
    """The model validators' checks, made on raw data: (where, message) for every instance.
    None waits for another problem to be fixed first; what cannot be checked until one is
    (``waiting_checks``) is said beside it."""
    labels = table_items(data.get("labels"), ("labels",))
    fields = table_items(data.get("fields"), ("fields",))
    problems = _label_problems(labels)
    problems += _repeats([(loc, item.get("name")) for loc, item in fields], "[[fields]]")
    known = _KnownLabels.of(labels)
    for loc, field in fields:
        problems += _field_problems(loc, field, known)
        name = field.get("name")
        if isinstance(name, str) and name in scheme_module.RECORD_OWN_NAMES:
            problems.append(
                (
                    (*loc, "name"),
                    f"name {name!r} is taken by {scheme_module.RECORD_OWN_NAMES[name]}; "
                    f"name this field otherwise, e.g. {_another_name(name, fields)!r}",
                )
            )
        subs = table_items(field.get("fields"), (*loc, "fields"))
        problems += _repeats(
            [(sub_loc, sub.get("name")) for sub_loc, sub in subs], "[[fields.fields]]"
        )
        for sub_loc, sub in subs:
            problems += _field_problems(sub_loc, sub, known)
            if sub.get("type") == "group":
                problems.append((sub_loc, "groups cannot nest: a group's field cannot be a group"))
    guidelines = data.get("guidelines")
    if isinstance(guidelines, str):
        problems += [(("guidelines",), said) for said in guidelines_problems(guidelines, path)]
    return problems


def waiting_checks(data: dict[str, Any]) -> dict[Loc, str]:
    """Checks that cannot be made until another problem is fixed, each said at that problem's
    place: what a field's choices, fields and from_label may be depends on its type, and
    whether a label's spans may fill an integer or date field on the label's value_type."""
    labels = table_items(data.get("labels"), ("labels",))
    fields = table_items(data.get("fields"), ("fields",))
    every = list(fields)
    for loc, field in fields:
        every += table_items(field.get("fields"), (*loc, "fields"))
    waiting: dict[Loc, str] = {}
    for loc, field in every:
        if field.get("type") in _FIELD_TYPES:
            continue
        keys = [key for key in ("choices", "fields", "from_label", "min", "max") if key in field]
        if keys:
            listed = " and ".join(", ".join(keys).rsplit(", ", 1))
            waiting[(*loc, "type")] = (
                f"what its {listed} may be depends on its type: checked once the type is valid"
            )
    for loc, label in labels:
        name, value_type = label.get("name"), label.get("value_type", "none")
        if not isinstance(name, str) or value_type in get_args(ValueType):
            continue
        filled = [
            _field_called(field_loc, field)
            for field_loc, field in every
            if field.get("from_label") == name and field.get("type") in _FILLS
        ]
        if filled:
            waiting[(*loc, "value_type")] = (
                f"whether {' and '.join(filled)} may be filled from this label is checked "
                "once value_type is valid"
            )
    return waiting


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


class _KnownLabels(NamedTuple):
    """The labels by name, for ``from_label``: each name's value type (the first label of a
    name given twice), and where a second label of each such name is."""

    value_types: dict[str, object]
    again: dict[str, tuple[Loc, Loc]]  # a name given twice -> its first label, its second

    @staticmethod
    def of(labels: list[tuple[Loc, dict[str, Any]]]) -> _KnownLabels:
        value_types: dict[str, object] = {}
        first: dict[str, Loc] = {}
        again: dict[str, tuple[Loc, Loc]] = {}
        for loc, item in labels:
            name = item.get("name")
            if not isinstance(name, str):
                continue
            if name in first:
                again.setdefault(name, (first[name], loc))
            first.setdefault(name, loc)
            value_types.setdefault(name, item.get("value_type", "none"))
        return _KnownLabels(value_types, again)


def _field_problems(loc: Loc, field: dict[str, Any], known: _KnownLabels) -> list[Problem]:
    """A field's shape, choices and ``from_label``: every problem, not the first. Those its
    type decides are made once the type is valid (``waiting_checks`` says so)."""
    name, kind = field.get("name"), field.get("type")
    problems: list[Problem] = []
    if isinstance(name, str) and name.startswith("_"):
        problems.append(
            ((*loc, "name"), f"name {name!r} cannot begin with _ (the form takes it for private)")
        )
    typed = kind in _FIELD_TYPES
    if typed:
        problems += _shape_problems(loc, field, str(kind))
    if not typed or kind == "choice":  # else "only a choice field has choices" says it
        problems += _choice_repeats(loc, field.get("choices"))
    source = field.get("from_label")
    if isinstance(source, str) and kind != "group":
        problems += _source_problems(loc, str(kind) if typed else None, source, known)
    return problems


def _shape_problems(loc: Loc, field: dict[str, Any], kind: str) -> list[Problem]:
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
    problems = [((*loc, key), message) for broken, message, key in shape if broken]
    return problems + _brief_problems(loc, field, kind)


def _brief_problems(loc: Loc, field: dict[str, Any], kind: str) -> list[Problem]:
    """A brief on a field that is not a group, or naming what is not one of its fields (a
    brief that is not text is the model's to report)."""
    brief = field.get("brief")
    if not isinstance(brief, str):
        return []
    if kind != "group":
        return [((*loc, "brief"), f"only a group has a brief (this is {kind}): remove it")]
    subs = table_items(field.get("fields"), (*loc, "fields"))
    names = [name for _, sub in subs if isinstance(name := sub.get("name"), str)]
    problem = brief_problem(brief, names) if names else None
    return [] if problem is None else [((*loc, "brief"), problem)]


def _choice_repeats(loc: Loc, choices: object) -> list[Problem]:
    """A problem for each choice given again (the form's list showed it twice): the value,
    and its places in the list."""
    if not isinstance(choices, list):
        return []
    places: dict[str, list[int]] = {}
    for number, choice in enumerate(choices, 1):
        if isinstance(choice, str):  # anything else is the model's to report
            places.setdefault(choice, []).append(number)
    problems: list[Problem] = []
    for choice, at in places.items():
        if len(at) < 2:
            continue
        times = "twice" if len(at) == 2 else f"{len(at)} times"
        numbers = " and ".join(", ".join(f"#{number}" for number in at).rsplit(", ", 1))
        problems.append(
            ((*loc, "choices"), f"choice {choice!r} is given {times} ({numbers}); keep one")
        )
    return problems


def _source_problems(loc: Loc, kind: str | None, source: str, known: _KnownLabels) -> list[Problem]:
    """A ``from_label`` naming no label, or a label whose spans cannot fill a field of
    ``kind`` (None: not known yet)."""
    if source not in known.value_types:
        # A name with a line break in it (refused as a name) would break the line.
        names = [label for label in known.value_types if label.isprintable()]
        close = get_close_matches(source, names, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        # A label given a name twice may be the one meant: a copied label not renamed.
        for name, (first, again) in known.again.items():
            hint += (
                f"; if it is [[labels]] #{table_number(again)} (named {name!r} as "
                f"#{table_number(first)} is), name that one {source!r}"
            )
            break
        return [
            (
                (*loc, "from_label"),
                f"from_label {source!r} is not a label of this scheme (labels: "
                f"{', '.join(names)}){hint}",
            )
        ]
    allowed = _FILLS.get(kind) if kind is not None else None
    value_type = known.value_types[source]
    # A value type that is not one of the scheme's own is reported by the model, with this
    # check said to wait for it (``waiting_checks``).
    if allowed is None or value_type not in get_args(ValueType) or value_type in allowed:
        return []
    return [
        (
            (*loc, "from_label"),
            f"{'an' if kind == 'integer' else 'a'} {kind} field cannot be filled from "
            f"label {source!r} (value_type "
            f'{value_type}); give that label value_type = "{kind}" or fill this from '
            "another",
        )
    ]


def _field_called(loc: Loc, field: dict[str, Any]) -> str:
    """``field 'count'``, or ``[[fields]] #2`` when it has no name as text."""
    name = field.get("name")
    if isinstance(name, str):
        return f"field {name!r}"
    table = "[[fields.fields]]" if len(loc) > 2 else "[[fields]]"
    return f"{table} #{table_number(loc)}"


def _another_name(name: str, fields: list[tuple[Loc, dict[str, Any]]]) -> str:
    """A name for a field that took one of the record's own, no other field has."""
    taken = {field.get("name") for _, field in fields}
    candidates = ["remarks", "comment", f"form_{name}"]
    candidates += [f"form_{name}_{number}" for number in range(2, len(fields) + 3)]
    return next(candidate for candidate in candidates if candidate not in taken)
