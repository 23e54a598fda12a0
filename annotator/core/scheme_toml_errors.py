"""A scheme file tomllib cannot read, said where a person finds the mistake.

tomllib names the place where it stopped reading. For an array left open that is the line after
it (a ``[`` on line 4 never closed was said at line 5), and for a string left open the line's
end. The text is read again up to that place (``_open_at``) to find what was opened and where;
when it cannot tell, tomllib's place is given as what it is: where reading stopped. A JSON file
given as a scheme is said to be one. Nothing else of the file can be checked until it reads as
TOML, and the line says so.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import NamedTuple

from annotator.core.scheme_source import key_on_line

_PLACE_RE = re.compile(r" \((?:at line (\d+), column (\d+)|at end of document)\)$")
_REST = "the rest is checked once the file reads as TOML"
_CLOSERS = {"[": "]", "{": "}"}
_UNCLOSED = {"Unclosed array": "[", "Unclosed inline table": "{"}
_WHAT = {"[": "array", "{": "inline table"}
# What tomllib says of a string a line's end or the file's end finds open.
_STRING_LEFT_OPEN = (
    r"Illegal character '\n'",
    r"Illegal character '\r'",
    r"Found invalid character '\n'",
    r"Found invalid character '\r'",
    "Unterminated string",
    'Expected "\'"',
    "Expected \"'''\"",
)
_QUOTES = ('"""', "'''", '"', "'")


class _Opened(NamedTuple):
    """Something opened and not closed before where tomllib stopped: ``[``, ``{``, or a
    string's quotes, at an offset of the text."""

    mark: str
    offset: int


def toml_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> str:
    """One line for a scheme file that does not read as TOML."""
    as_json = _json_file(path, text)
    if as_json is not None:
        return as_json
    message = str(error)
    found = _PLACE_RE.search(message)
    said = message if found is None else message[: found.start()]
    rest = f"{_json_hint(path, text)}; {_REST}"
    if found is None:
        return f"{path}: invalid TOML: {said}{rest}"
    if found.group(1) is None:  # at the end of the document
        offset, line = len(text), text.count("\n") + 1
        at = "at the end of the file"
    else:
        line, column = int(found.group(1)), int(found.group(2))
        offset, at = _offset(text, line, column), f"column {column}"
    better = _opened_words(text, said, offset, _open_at(text, offset))
    if better is not None:
        open_line, words = better
        return f"{path}:{open_line}: invalid TOML: {words}{rest}"
    key = key_on_line(text, line)
    if said == "Cannot overwrite a value" and key is not None:
        said = f"{key!r} is set twice in one table; keep one"
    if said in _UNCLOSED:
        # Where it opened not found (not expected): where reading stopped, said as that.
        return (
            f"{path}:{line}: invalid TOML: {said}, found {at} of this line; it opened on "
            f"this line or above{rest}"
        )
    return f"{path}:{line}: invalid TOML: {said} ({at}){rest}"


def _json_file(path: Path, text: str) -> str | None:
    """The line for a file that is JSON (an object), or None."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    line = text[: len(text) - len(text.lstrip())].count("\n") + 1
    return (
        f"{path}:{line}: this file is JSON, and a scheme is a TOML file; write it as TOML: "
        'name = "...", then a [[labels]] table for each label (the README\'s scheme section '
        "shows one)"
    )


def _json_hint(path: Path, text: str) -> str:
    """Words for a file that looks like JSON but does not read as it either."""
    if text.lstrip().startswith("{"):
        return "; a scheme is a TOML file, and this one begins with { as JSON does"
    if path.suffix.lower() == ".json":
        return "; a scheme is a TOML file, and this one is named .json"
    return ""


def _opened_words(
    text: str, said: str, offset: int, opened: list[_Opened]
) -> tuple[int, str] | None:
    """(the line where it opened, what to say) for an array, inline table or string left
    open, when that is what stopped tomllib; else None."""
    if not opened:
        return None
    top = opened[-1]
    line, column = _line_and_column(text, top.offset)
    # The key is named only for an array or table that is its value itself.
    key = key_on_line(text, line) if len(opened) == 1 else None
    what = f"the {_WHAT.get(top.mark, 'string')}{f' of {key!r}' if key else ''}"
    opened_at = f"{what} opened at column {column}"
    if top.mark in _CLOSERS and offset >= len(text):
        return line, f"{opened_at} is not closed by the end of the file"
    if top.mark == "{" and text[offset] in "\r\n":
        return line, (
            f"{opened_at} is not closed on its line (an inline table is written on one line)"
        )
    if _UNCLOSED.get(said) == top.mark:
        stop_line, stop_column = _line_and_column(text, offset)
        at = f"line {stop_line}, column {stop_column}" if stop_line != line else ""
        return line, (
            f"{opened_at} is not closed: a ',' or '{_CLOSERS[top.mark]}' was expected at "
            f"{at or f'column {stop_column}'}"
        )
    if said in _STRING_LEFT_OPEN and top.mark in _QUOTES:
        if len(top.mark) == 1:
            return line, f"{opened_at} is not closed on its line; end it with {top.mark}"
        return line, (
            f"{opened_at} with {top.mark} is not closed by the end of the file; end it with "
            f"{top.mark}"
        )
    return None


def _open_at(text: str, offset: int) -> list[_Opened]:
    """The arrays and inline tables open at ``offset`` (outermost first), and last the
    string it is inside, if any: the text read as TOML up to there, which tomllib read
    without a problem. A ``[`` at a statement's start is a table's header, not an array."""
    stack: list[_Opened] = []
    in_value = False  # after a key's '=', before its line's end, outside any bracket
    index = 0
    while index < offset:
        char = text[index]
        if char == "#" or (char == "[" and not stack and not in_value):
            # A comment or a table's header: to the line's end.
            end = text.find("\n", index)
            index = offset if end == -1 else min(end, offset)
            continue
        if char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            closed = _string_end(text, index + len(quote), quote, offset)
            if closed is None:
                return [*stack, _Opened(quote, index)]
            index = closed
            continue
        if char in "[{":
            stack.append(_Opened(char, index))
        elif char in "]}" and stack:
            stack.pop()
        elif char == "=" and not stack:
            in_value = True
        elif char == "\n" and not stack:
            in_value = False
        index += 1
    return stack


def _string_end(text: str, start: int, quote: str, limit: int) -> int | None:
    """The offset after the ``quote`` closing a string whose text begins at ``start``, when
    it is before ``limit``; else None."""
    escapes = quote[0] == '"'
    index = start
    while index < limit:
        if escapes and text[index] == "\\":
            index += 2
            continue
        if text.startswith(quote, index):
            end = index + len(quote)
            # A multi-line string may end in one or two of its quote marks: """a""""
            while len(quote) == 3 and end < len(text) and text[end] == quote[0]:
                if end - index >= 5:
                    break
                end += 1
            return end if end <= limit else None
        index += 1
    return None


def _offset(text: str, line: int, column: int) -> int:
    """The offset of tomllib's 1-based line and column (lines end at LF, as it counts)."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset, as tomllib counts them."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
