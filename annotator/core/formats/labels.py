"""Labels on import: ``--map``, names a scheme accepts, and the scheme written beside a corpus.

Without ``--scheme``, import writes ``CORPUS.scheme.toml`` holding the labels it found, those of
the default scheme in its order, then the others alphabetically (``default_label_order``; the
order of the file is not used, so exporting the same work again gives the same keys): keys
``1``..``9``, ``0``, then the letters the annotation screen does not use
itself (``annotator.core.scheme.RESERVED_KEYS``), colours from a fixed palette, and each label's
value type inferred from the values it carries (integers, dates, or none).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from typing import Any

import orjson
from pydantic import ValidationError

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.scheme import RESERVED_KEYS, Scheme
from annotator.core.values import check_date

PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#1f77b4",
    "#17becf",
)
KEYS = tuple(
    key
    for key in "1234567890" + string.ascii_lowercase + string.ascii_uppercase
    if key not in RESERVED_KEYS
)
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# The first words of a scheme file import writes (``annotator validate`` looks for them).
IMPORT_MARK = "# Written by `annotator import`"


def parse_map(pairs: Sequence[str]) -> dict[str, str]:
    """``["ORG=actor", "MISC="]`` → {"ORG": "actor", "MISC": ""}; an empty NEW leaves spans out.
    OLD is all before the last ``=``: a scheme name (NEW) holds none, while another tool's
    label may (``k=v``), and ``--map k=v=NEW`` renamed a label ``k`` instead."""
    out: dict[str, str] = {}
    for pair in pairs:
        old, equals, new = pair.rpartition("=")
        if not equals or not old:
            raise UsageError(f"--map: {pair!r}: expected OLD=NEW (NEW empty leaves OLD out)")
        if old in out and out[old] != new:
            raise UsageError(f"--map: {old!r} is mapped twice")
        out[old] = new
    return out


def scheme_name(label: str) -> str:
    """A label name the scheme rules accept: ASCII letters, digits and ``_``, not a digit first."""
    if _NAME_RE.fullmatch(label):
        return label
    plain = "".join(
        char
        for char in unicodedata.normalize("NFKD", label)
        if not unicodedata.category(char).startswith("M")
    )
    name = re.sub(r"[^A-Za-z0-9_]", "_", plain) or "_"
    return name if not name[0].isdigit() else f"_{name}"


def corpus_scheme_name(stem: str) -> str:
    """The name of the scheme written beside ``CORPUS.jsonl``, valid whatever the file name.

    ``news`` stays ``news``; ``3.c`` becomes ``scheme_3_c``, ``2024-news`` ``scheme_2024_news``,
    ``été`` ``ete``; a name with nothing usable (``🕊``, ``...``) becomes ``imported``.
    """
    name = scheme_name(stem).strip("_")
    if not name:
        return "imported"
    return name if name[0].isalpha() else f"scheme_{name}"


def value_type(values: Sequence[Any]) -> str:
    """``integer`` when every value is an int, ``date`` when every one is a date, else ``none``."""
    if not values:
        return "none"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, str) for v in values):
        try:
            for value in values:
                check_date(value)
        except ValueError:
            return "none"
        return "date"
    return "none"


def _toml_string(value: str) -> str:
    # A file name that is not UTF-8 holds lone surrogates, which neither JSON nor TOML can hold.
    value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    text = orjson.dumps(value).decode()  # JSON escapes are TOML basic-string escapes
    return text.replace("\x7f", "\\u007f")


def scheme_toml(name: str, description: str, labels: Sequence[tuple[str, str, str]]) -> str:
    """A scheme file for ``labels`` (name, value type, description), keys and colours in order."""
    if len(labels) > len(KEYS):
        raise AnnotatorError(
            f"{len(labels)} labels found, more than the {len(KEYS)} single keys the annotation "
            "screen can give them: write a scheme yourself and pass --scheme"
        )
    lines = [
        f"{IMPORT_MARK}: the labels found (the default scheme's in its order, then by name;",
        "# those of hf's labels.json in its order, every one, so an export gives the same ids).",
        "# Edit freely (names, keys, colours, descriptions) and add the event form's fields.",
        f"name = {_toml_string(name)}",
        "version = 1",
        f"description = {_toml_string(description)}",
    ]
    for index, (label, kind, about) in enumerate(labels):
        lines += [
            "",
            "[[labels]]",
            f"name = {_toml_string(label)}",
            f"key = {_toml_string(KEYS[index])}",
            f"color = {_toml_string(PALETTE[index % len(PALETTE)])}",
            f"value_type = {_toml_string(kind)}",
            f"description = {_toml_string(about)}",
        ]
    return "\n".join(lines) + "\n"


def build_scheme(name: str, description: str, labels: Sequence[tuple[str, str, str]]) -> str:
    """The TOML text, checked by loading it as the annotation screen will."""
    import tomllib

    text = scheme_toml(name, description, labels)
    try:
        Scheme.model_validate(tomllib.loads(text))
    except ValidationError as error:  # names are made valid above; never a traceback regardless
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "scheme"
        raise AnnotatorError(f"the scheme written on import: {where}: {problem['msg']}") from None
    return text
