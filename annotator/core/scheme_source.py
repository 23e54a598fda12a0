"""Where in a scheme's TOML text a problem lies: the line of a key, or of its table's header.

tomllib gives line numbers for syntax errors only; a problem the model finds (a bad colour, a
duplicate key) has a place in the data (``("labels", 4, "key")``) and none in the text. The
text is read again here for its ``[[labels]]``, ``[[fields]]`` and ``[[fields.fields]]``
headers; when their count is not that of the tables in the data (inline tables, say), no line
is given rather than a wrong one.
"""

from __future__ import annotations

import re
from typing import Any

Loc = tuple[str | int, ...]

_HEADER_RE = re.compile(r"^\s*\[\[\s*(labels|fields|fields\s*\.\s*fields)\s*\]\]\s*(#.*)?$")
_OTHER_TABLE_RE = re.compile(r"^\s*\[")
_KEY_RE = r"^\s*[\"']?{key}[\"']?\s*="
_HEADER_OF_RE = r"^\s*\[\[?\s*[\"']?{key}[\"']?\s*[\].]"


class SchemeSource:
    """The scheme file's lines, split into its tables, to find the line of a place."""

    def __init__(self, text: str, data: dict[str, Any]) -> None:
        self.lines = toml_lines(text)
        # table -> (index of its header line, or -1 for the top; index past its last line)
        self.tables: dict[Loc, tuple[int, int]] = {}
        self.others: list[int] = []  # indexes of the headers of tables not placed in
        self._read(data)

    def _read(self, data: dict[str, Any]) -> None:
        starts: list[tuple[Loc | None, int]] = [((), -1)]
        labels = fields = 0
        subs: dict[int, int] = {}
        in_string = False
        for index, line in enumerate(self.lines):
            # A header-like line inside a multi-line string is text, not a header.
            if (line.count('"""') + line.count("'''")) % 2:
                in_string = not in_string
                continue
            if in_string:
                continue
            header = _HEADER_RE.match(line)
            if header is not None:
                kind = re.sub(r"\s", "", header.group(1))
                if kind == "labels":
                    starts.append((("labels", labels), index))
                    labels += 1
                elif kind == "fields":
                    starts.append((("fields", fields), index))
                    subs[fields] = 0
                    fields += 1
                elif fields:  # [[fields.fields]]: of the last [[fields]]
                    parent = fields - 1
                    starts.append((("fields", parent, "fields", subs[parent]), index))
                    subs[parent] += 1
            elif _OTHER_TABLE_RE.match(line) and "=" not in line.partition("]")[0]:
                starts.append((None, index))  # a table we do not place things in
                self.others.append(index)
        ends = [start for _, start in starts[1:]] + [len(self.lines)]
        found = {loc: (start, end) for (loc, start), end in zip(starts, ends, strict=True) if loc}
        found[()] = (-1, ends[0])
        # Counts that are not the data's (an inline table, a header in a string): no lines.
        if labels != len(_tables(data.get("labels"))):
            found = {loc: span for loc, span in found.items() if loc[:1] != ("labels",)}
        field_tables = _tables(data.get("fields"))
        wrong = fields != len(field_tables) or any(
            subs.get(n, 0) != len(_tables(table.get("fields")))
            for n, table in enumerate(field_tables)
        )
        if wrong:
            found = {loc: span for loc, span in found.items() if loc[:1] != ("fields",)}
        self.tables = found

    def line_of(self, loc: Loc) -> int | None:
        """The 1-based line of ``loc``: its key's line in its table, else the table's header
        (a missing key, a table as a whole), else None."""
        for size in range(len(loc), -1, -1):
            table = loc[:size]
            if table not in self.tables:
                continue
            start, end = self.tables[table]
            rest = loc[size:]
            if rest and isinstance(rest[0], str):
                pattern = re.compile(_KEY_RE.format(key=re.escape(rest[0])))
                for index in range(start + 1, end):
                    if pattern.match(self.lines[index]):
                        return index + 1
                if table == ():  # a key of the top written as a table: ``[[tags]]``
                    header = self._header_of(rest[0])
                    if header is not None:
                        return header
            return start + 1 if start >= 0 else None
        return None

    def _header_of(self, key: str) -> int | None:
        """The 1-based line of the first ``[key]``, ``[[key]]`` or ``[key.sub]`` header."""
        pattern = re.compile(_HEADER_OF_RE.format(key=re.escape(key)))
        return next((index + 1 for index in self.others if pattern.match(self.lines[index])), None)


def key_on_line(text: str, line: int) -> str | None:
    """The key set on a 1-based line of ``text`` (``description = "Again"`` -> description)."""
    lines = toml_lines(text)
    if not 1 <= line <= len(lines):
        return None
    match = re.match(r"^\s*[\"']?([A-Za-z0-9_.-]+)[\"']?\s*=", lines[line - 1])
    return match.group(1) if match else None


def toml_lines(text: str) -> list[str]:
    """The lines of a TOML text as tomllib counts them: ends at LF (CRLF's CR dropped) only.
    ``str.splitlines`` also ends one at U+2028, U+2029 and U+0085, which a TOML string may
    hold, and every line after it was given one too many."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _tables(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
