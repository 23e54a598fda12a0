"""The annotation scheme: labels and the event form, loaded from a TOML file and validated.

The scheme is data. The annotation screen builds its legend, label keys and form from it, and a
record's ``form`` is validated against a pydantic model derived from the scheme in force.
"""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    create_model,
    model_validator,
)

from annotator.core.brief_template import brief_problem
from annotator.core.errors import AnnotatorError
from annotator.core.value_range import INT64_MAX, INT64_MIN, range_shape_problem
from annotator.core.values import DateValue

ValueType = Literal["none", "integer", "date"]
FieldType = Literal["choice", "text", "integer", "date", "list", "group"]

# Keys the annotation and review screens use themselves; a label key may not take one of them.
RESERVED_KEYS = frozenset(
    [*"crxdsfnpulgqo/?etabvN[]", "tab", "shift+tab", "escape", "enter", "delete", "space"]
)
# Names a record holds itself beside its form, which a form field may not take: a field named
# ``note`` showed as a second "note" row above the note's own, in records and exports one
# ``note`` sat beside another inside ``form``, and the screen's undo and ``d`` name the note
# by that word. Each with why, for the message.
RECORD_OWN_NAMES = {
    "note": "the record's own note, which the screen shows below the form and records and "
    "exports keep beside it",
}
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# An integer's bound (``value_range``): strict, as TOML has booleans and floats; within 64 bits,
# as every reader of a journal holds its integers.
Bound = Annotated[int, Field(strict=True, ge=INT64_MIN, le=INT64_MAX)] | None


class _SchemeModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_SchemeModel):
    """One span label: how it is named, typed, keyed and painted."""

    name: Annotated[str, Field(pattern=_NAME_RE.pattern)]
    key: Annotated[str, Field(min_length=1, max_length=1)]
    color: Annotated[str, Field(pattern=_COLOUR_RE.pattern)]
    description: str = ""
    value_type: ValueType = "none"
    min: Bound = Field(default=None, description="An integer label only: its least value.")
    max: Bound = Field(default=None, description="An integer label only: its greatest value.")

    @model_validator(mode="after")
    def _range(self) -> Label:
        problem = range_shape_problem(self.value_type, "label", self.min, self.max)
        if problem is not None:
            raise ValueError(f"label {self.name!r}: {problem}")
        return self


class FormField(_SchemeModel):
    """A form field; a ``group`` is repeatable and holds its own ``fields``."""

    name: Annotated[str, Field(pattern=_NAME_RE.pattern)]
    type: FieldType
    description: str = ""
    # Strict: TOML has booleans, and pydantic would read "yes", "no" and 1 as ones.
    required: Annotated[bool, Field(strict=True)] = False
    choices: list[str] = Field(default_factory=list)
    from_label: str | None = None
    fields: list[FormField] = Field(default_factory=list)
    # A group's: how a line names one of its items (``brief_template``); without it the
    # item's values, plainly.
    brief: str | None = Field(
        default=None,
        description="A group only: how a line names one of its items, each field in braces "
        '(e.g. "{released_by} → {received_by}, {count}"); without it, its values in order.',
    )
    min: Bound = Field(default=None, description="An integer field only: its least value.")
    max: Bound = Field(default=None, description="An integer field only: its greatest value.")

    @model_validator(mode="after")
    def _shape(self) -> FormField:
        if self.name.startswith("_"):
            # The form model cannot hold such a field: pydantic takes it for a private one.
            raise ValueError(f"field {self.name!r}: a field's name cannot begin with _")
        if self.type == "choice" and not self.choices:
            raise ValueError(f"field {self.name!r}: a choice field needs choices")
        if self.type != "choice" and self.choices:
            raise ValueError(f"field {self.name!r}: only a choice field has choices")
        if self.type == "group" and not self.fields:
            raise ValueError(f"field {self.name!r}: a group needs fields")
        if self.type != "group" and self.fields:
            raise ValueError(f"field {self.name!r}: only a group has fields")
        if self.type == "group" and self.from_label:
            raise ValueError(f"field {self.name!r}: a group cannot be filled from a label")
        if any(sub.type == "group" for sub in self.fields):
            raise ValueError(f"field {self.name!r}: groups cannot nest")
        if self.brief is not None and self.type != "group":
            raise ValueError(f"field {self.name!r}: only a group has a brief")
        if self.brief is not None and self.fields:
            problem = brief_problem(self.brief, [sub.name for sub in self.fields])
            if problem is not None:
                raise ValueError(f"field {self.name!r}: {problem}")
        # A choice given twice showed twice in the form's list, one value meant by both.
        for choice in self.choices:
            if self.choices.count(choice) > 1:
                raise ValueError(f"field {self.name!r}: choice {choice!r} is given twice")
        # A group's fields are told apart by name (paths, links, the form model).
        names = [sub.name for sub in self.fields]
        for name in names:
            if names.count(name) > 1:
                raise ValueError(f"field {self.name!r}: two of its fields are named {name!r}")
        problem = range_shape_problem(self.type, "field", self.min, self.max)
        if problem is not None:
            raise ValueError(f"field {self.name!r}: {problem}")
        return self


# Which label value types may fill which field type.
_FILLS = {"integer": {"integer"}, "date": {"date"}}


class Scheme(_SchemeModel):
    """A whole scheme file."""

    name: Annotated[str, Field(pattern=_NAME_RE.pattern)]
    # Strict: pydantic would read the string "2" as 2, and the file means something else.
    version: Annotated[int, Field(strict=True)] = 1
    description: str = ""
    guidelines: str | None = None
    labels: Annotated[list[Label], Field(min_length=1)]
    fields: list[FormField] = Field(default_factory=list)
    # The file it was read from (None: made in memory): messages must name the file in force,
    # for a copied and edited scheme may keep the default's ``name``.
    _source: Path | None = PrivateAttr(default=None)
    # Named by the user (``--scheme``), even when it is the default's file.
    _chosen: bool = PrivateAttr(default=False)

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def chosen_file(self) -> Path | None:
        """The file it was read from when the user chose it (``load_chosen_scheme``, or any
        file but the default scheme's), else None."""
        if self._source is None:
            return None
        if self._chosen or self._source.resolve() != default_scheme_path().resolve():
            return self._source
        return None

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        _unique("label name", [label.name for label in self.labels])
        _unique("label key", [label.key for label in self.labels])
        for label in self.labels:
            if label.key in RESERVED_KEYS:
                raise ValueError(
                    f"label {label.name!r}: key {label.key!r} is one of the screen's own keys "
                    f"({' '.join(sorted(k for k in RESERVED_KEYS if len(k) == 1))})"
                )
        _unique("field name", [field.name for field in self.fields])
        for field in self.fields:
            if field.name in RECORD_OWN_NAMES:
                raise ValueError(
                    f"field {field.name!r}: the name is taken by {RECORD_OWN_NAMES[field.name]}"
                )
        names = {label.name: label for label in self.labels}
        for field in self.all_fields():
            if field.from_label is None:
                continue
            source = names.get(field.from_label)
            if source is None:
                raise ValueError(f"field {field.name!r}: unknown from_label {field.from_label!r}")
            allowed = _FILLS.get(field.type)
            if allowed is not None and source.value_type not in allowed:
                raise ValueError(
                    f"field {field.name!r} ({field.type}) cannot be filled from label "
                    f"{source.name!r} (value type {source.value_type})"
                )
        return self

    def all_fields(self) -> list[FormField]:
        """Every field, groups' own fields included."""
        out: list[FormField] = []
        for field in self.fields:
            out.append(field)
            out.extend(field.fields)
        return out

    def label(self, name: str) -> Label | None:
        for label in self.labels:
            if label.name == name:
                return label
        return None

    def field(self, name: str) -> FormField | None:
        for field in self.fields:
            if field.name == name:
                return field
        return None

    @cached_property
    def form_model(self) -> type[BaseModel]:
        """A pydantic model of this scheme's form (every field optional; see ``required``)."""
        return _model_for(f"{self.name}_form", self.fields)


def _unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


def _field_type(field: FormField) -> tuple[Any, Any]:
    if field.type == "choice":
        choice: Any = Literal[tuple(field.choices)]
        return (choice | None, None)
    if field.type == "text":
        return (str | None, None)
    if field.type == "integer":
        # Its range as bounds of the model, which JSON Schema gives as minimum and maximum.
        return (Annotated[int, Field(ge=field.min, le=field.max)] | None, None)
    if field.type == "date":
        return (DateValue | None, None)
    if field.type == "list":
        return (list[str], Field(default_factory=list))
    item: Any = _model_for(field.name, field.fields)
    return (list[item], Field(default_factory=list))


def _model_for(name: str, fields: list[FormField]) -> type[BaseModel]:
    definitions: dict[str, Any] = {field.name: _field_type(field) for field in fields}
    config = ConfigDict(extra="forbid", strict=True)
    model: type[BaseModel] = create_model(name, __config__=config, **definitions)
    return model


def load_scheme(path: Path) -> Scheme:
    """Read and validate a scheme file; its problems are an AnnotatorError, one line each
    naming the file (and the line, where it can be found)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read scheme: {error.strerror or error}") from None
    try:
        scheme = Scheme.model_validate(tomllib.loads(scheme_text(raw)))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as error:
        # Every problem, each with its line where the text shows it, as schema check says them:
        # fixing one at a time, a person ran the command once per problem.
        from annotator.core.scheme_problems import scheme_file_problems

        problems = scheme_file_problems(path)
        if not problems:  # not expected: every check of the model is made again there
            problems = (
                scheme_error_lines(path, error)
                if isinstance(error, ValidationError)
                else [f"{path}: {error}"]
            )
        raise AnnotatorError("\n".join(problems)) from None
    if scheme.guidelines is not None and not guidelines_path(path, scheme):
        # Refused by every command, not found missing when asked for on screen; said as
        # schema check says it, at the key's line (no line: the file came meanwhile).
        from annotator.core.scheme_problems import scheme_file_problems

        problems = scheme_file_problems(path)
        if problems:
            raise AnnotatorError("\n".join(problems))
    scheme._source = path
    return scheme


def scheme_text(raw: bytes) -> str:
    """A scheme file's text, without a byte order mark at its start: tomllib refuses one
    (``Invalid statement``), and editors on Windows save one. The corpus drops it too."""
    return raw.decode("utf-8").removeprefix("\ufeff")


def scheme_error_lines(path: Path, error: ValidationError) -> list[str]:
    """One ``FILE: path: message`` line per problem, as ``validate`` prints them."""
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{path}: {where}: {message}" if where else f"{path}: {message}")
    return lines


def load_chosen_scheme(word: str) -> Scheme:
    """The scheme the user named (``--scheme FILE|NAME``, see ``scheme_file``), marked as
    chosen so that a mismatch names its file rather than asking for ``--scheme``."""
    scheme = load_scheme(scheme_file(word))
    scheme._chosen = True
    return scheme


def packaged_schemes_dir() -> Path:
    """Where the default scheme lives: inside the wheel, or ``schemas/`` of a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "schemes"
    if (installed / "prisoner_exchange.toml").is_file():
        return installed
    return here.parent / "schemas"


def default_scheme_path() -> Path:
    return packaged_schemes_dir() / "prisoner_exchange.toml"


def shipped_scheme_names() -> list[str]:
    """The names of the schemes shipped with annotator (their files' stems), sorted."""
    return sorted(path.stem for path in packaged_schemes_dir().glob("*.toml") if path.is_file())


def scheme_file(word: str) -> Path:
    """A ``--scheme`` argument as a file: a path that exists, else a shipped scheme's name.

    A path that exists wins, so a file of a shipped scheme's name in the current folder is the
    one meant. A word that cannot be a name (``my.toml``, ``dir/x``) is a path, which
    ``load_scheme`` says it cannot read; an unknown name is one line listing the known ones.
    """
    path = Path(word)
    if path.exists() or not _NAME_RE.match(word):
        return path
    names = shipped_scheme_names()
    if word in names:
        return packaged_schemes_dir() / f"{word}.toml"
    raise AnnotatorError(
        f"--scheme {word}: no such file, nor the name of a scheme shipped with annotator "
        f"(known: {', '.join(names) or 'none'})"
    )


def load_default_scheme() -> Scheme:
    return load_scheme(default_scheme_path())


def guidelines_path(scheme_path: Path, scheme: Scheme) -> Path | None:
    """The scheme's guidelines file, when it names one that exists."""
    if scheme.guidelines is None:
        return None
    path = scheme_path.parent / scheme.guidelines
    return path if path.is_file() else None
