"""A value as a TOML file writes it, to echo what a scheme file says in its problems.

tomllib reads ``1979-05-27`` as ``datetime.date(1979, 5, 27)`` and ``["1"]`` as ``['1']``: a
message echoing Python's ``repr`` of them showed the user what their file never said.
"""

from __future__ import annotations

import datetime
import math
import re

_BARE_KEY_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\",
}  # fmt: skip
# Besides control characters, what ``str.splitlines`` breaks at: the echo is one line however read.
_LINE_BREAKS = frozenset("\x85\u2028\u2029")


def toml_value(value: object) -> str:
    """``"yes"``, ``1``, ``true``, ``1979-05-27``, ``["1"]``, ``{a = 1}``: on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)  # 1.0, 1e+300: both TOML floats
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date | datetime.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{toml_key(str(key))} = {toml_value(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return repr(value)  # not a value tomllib gives


def toml_string(text: str) -> str:
    """A basic string, every control character and line break escaped (one line)."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F or char in _LINE_BREAKS:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY_RE.match(key) else toml_string(key)
