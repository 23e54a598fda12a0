"""A Label Studio file parsed with the line each task, and each annotation's result, starts on.

orjson gives no positions, and a Label Studio export is pretty-printed: ``task 2 (id 2):
annotation 1: result 1: value.start`` named no line of a file of thousands. Here the file is
parsed once by the standard library's JSON scanner (in C), driven by hand only down to where
lines are wanted: the list of tasks, a task's ``annotations``, ``completions`` and
``predictions``, and each one's ``result`` list; every other value (a task's text, a result's
``value``) is scanned whole by C. So the positions cost a few Python steps per task and result,
not a second parse; a line is the line breaks before its position, counted by ``str.count``.
(A file of 58 MB, 10,000 tasks of ten results, reads in 1.0 s where orjson took 0.4 s, of an
import of 4 s.) A file of one line, as an API may write it, is read by orjson: all is on line 1.

The standard library reads what orjson refuses (``NaN``, ``1e400``, a lone surrogate escape):
those are refused as orjson refuses them, and any file this reading does not take is read by
orjson, whose error the import says as before (``parsed`` returns no lines then).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson


class _NotRead(ValueError):
    """Something this reading leaves to orjson (its message is the one said)."""


def _no_constant(name: str) -> Any:
    raise _NotRead(name)


def _finite(number: str) -> float:
    value = float(number)
    if math.isinf(value):  # orjson: "number is infinity when parsed as double"
        raise _NotRead(number)
    return value


# ``raw_decode(text, at)``: the value at ``at`` and where it ends.
_SCAN = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite).raw_decode
_SPACE = re.compile(r"[ \t\n\r]*")
# What follows an item of a list: a comma and the next item's first character, or the end.
_NEXT = re.compile(r"[ \t\n\r]*(?:,[ \t\n\r]*|(\]))")
# A lone surrogate's escape, which orjson refuses and the standard library keeps: a high one
# not followed by a low one, or a low one not after a high one (a pair, an emoji as Python's
# json.dumps writes it, is read here).
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F]"
)


@dataclass(frozen=True)
class _Rule:
    """How to read a value: ``record`` its position (when an object); as an object, the
    ``keys`` read by their own rule; as a list, each of its ``items`` by its rule. Anything
    else is scanned whole."""

    record: bool = False
    keys: Mapping[str, _Rule] = field(default_factory=dict)
    items: _Rule | None = None


_RESULTS = _Rule(items=_Rule(record=True))
_ENTRIES = _Rule(items=_Rule(keys={"result": _RESULTS}))
_TASK = _Rule(
    record=True,
    keys={"annotations": _ENTRIES, "completions": _ENTRIES, "predictions": _ENTRIES},
)
_FILE = _Rule(record=True, keys=_TASK.keys, items=_TASK)  # a list of tasks, or one task


def parsed(raw: bytes) -> tuple[Any, Lines]:
    """The JSON value of ``raw`` (UTF-8, no BOM) and the line (from 1) each task and each
    result object starts on (none when orjson read the file). An orjson error is raised as
    orjson raises it."""
    if b"\n" not in raw.rstrip():  # one line (an API's export): orjson, and every line is 1
        return orjson.loads(raw), Lines(every=1)
    try:
        if _LONE_SURROGATE.search(raw):
            orjson.loads(raw)  # refused as before, a lone surrogate
        text = raw.decode("utf-8")
        starts: list[list[Any]] = []
        value, end = _read(text, _after(text, 0), _FILE, starts)
        if _after(text, end) != len(text):
            raise _NotRead("data after the value")
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return orjson.loads(raw), Lines()
    return value, _lines(text, starts)


class Lines:
    """The line each task and result of a parsed file starts on, looked up by the object."""

    def __init__(
        self, found: dict[int, tuple[Any, int]] | None = None, every: int | None = None
    ) -> None:
        # id → (the object, its line): the object is held, so its id is not another's.
        self._found = found or {}
        self._every = every  # a file of one line: every object is on it

    def of(self, entry: Any) -> int | None:
        if self._every is not None:
            return self._every
        found = self._found.get(id(entry))
        return found[1] if found is not None and found[0] is entry else None


def _lines(text: str, starts: list[list[Any]]) -> Lines:
    """``starts``: [position, object] in the order of the file (an object before what it
    holds)."""
    found: dict[int, tuple[Any, int]] = {}
    line, at = 1, 0
    for position, entry in starts:
        if entry is not None:
            line += text.count("\n", at, position)
            at = position
            found[id(entry)] = (entry, line)
    return Lines(found)


def _read(text: str, at: int, rule: _Rule, starts: list[list[Any]]) -> tuple[Any, int]:
    start: list[Any] = [at, None]
    if rule.record:
        starts.append(start)  # before what it holds, so positions come in order
    opening = text[at : at + 1]
    value: Any
    if opening == "{" and rule.keys:
        value, end = _object(text, at, rule.keys, starts)
    elif opening == "[" and rule.items is not None:
        value, end = _list(text, at, rule.items, starts)
    else:
        value, end = _SCAN(text, at)
    if isinstance(value, dict):
        start[1] = value
    return value, end


def _after(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]


def _object(
    text: str, at: int, keys: Mapping[str, _Rule], starts: list[list[Any]]
) -> tuple[dict[str, Any], int]:
    found: dict[str, Any] = {}
    at = _after(text, at + 1)
    if text[at : at + 1] == "}":
        return found, at + 1
    while True:
        if text[at : at + 1] != '"':
            raise _NotRead("a key")
        key, at = _SCAN(text, at)
        at = _after(text, at)
        if text[at : at + 1] != ":":
            raise _NotRead("a colon")
        at = _after(text, at + 1)
        rule = keys.get(key)
        # A key given twice keeps its last value, as orjson and json keep it.
        found[key], at = _read(text, at, rule, starts) if rule else _SCAN(text, at)
        at = _after(text, at)
        if text[at : at + 1] == "}":
            return found, at + 1
        if text[at : at + 1] != ",":
            raise _NotRead("a comma")
        at = _after(text, at + 1)


def _list(text: str, at: int, rule: _Rule, starts: list[list[Any]]) -> tuple[list[Any], int]:
    items: list[Any] = []
    at = _after(text, at + 1)
    if text[at : at + 1] == "]":
        return items, at + 1
    whole = not rule.keys and rule.items is None  # results: each scanned whole by C
    while True:
        if whole:
            start: list[Any] = [at, None]
            item, at = _SCAN(text, at)
            if rule.record and isinstance(item, dict):
                start[1] = item
                starts.append(start)
        else:
            item, at = _read(text, at, rule, starts)
        items.append(item)
        following = _NEXT.match(text, at)
        if following is None:
            raise _NotRead("a comma")
        at = following.end()
        if following.group(1) == "]":
            return items, at
