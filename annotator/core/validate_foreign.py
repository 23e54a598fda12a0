"""A journal made with another scheme, said once rather than on every line of its history.

Validated without the ``--scheme`` it was made with, a trial's journal of 53 lines gave 215
problems: ``form.organiser: unknown field`` and ``links.crowd_size: not a field of the form``
on every line that held them, and the same wrong choice on 26 lines. When most of a file's
lines hold labels or fields the scheme does not know, the journal is taken for another
scheme's: each unknown field is said once with how many lines have it (as unknown labels are,
``LabelTally``), so is each other problem of the form and links repeated line after line, and
one line asks for the scheme it was made with (as ``agree`` does). A few lines of unknown
fields in a journal of this scheme are still said line by line: they are bad lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from annotator.core.journal import LineProblem
from annotator.core.models import Record
from annotator.core.scheme import Scheme

_TOP_RE = re.compile(r"^(?:form|links)\.([A-Za-z_]\w*)")


def foreign_names(record: Record, scheme: Scheme) -> set[str]:
    """The labels of its spans and the fields of its form and links that ``scheme`` lacks."""
    known = {field.name for field in scheme.fields}
    names = {span.label for span in record.spans if scheme.label(span.label) is None}
    links = {path.partition("[")[0] for path in record.links}
    names |= {f"field {name}" for name in (set(record.form) | links) - known}
    return names


def made_with_another_scheme(records: Sequence[tuple[int, Record]], scheme: Scheme) -> bool:
    """Most of the lines (half, or more) hold labels or fields the scheme lacks, and more than
    one name or line does: one unknown name on one line is as likely a slip as a scheme."""
    names: set[str] = set()
    lines = 0
    for _line, record in records:
        found = foreign_names(record, scheme)
        names |= found
        lines += bool(found)
    return lines * 2 >= len(records) and (len(names) > 1 or lines > 1)


class ForeignTally:
    """The form's and links' problems of a file made with another scheme, each said once at
    its first line with the count of lines that have it."""

    def __init__(self, scheme: Scheme) -> None:
        self.known = {field.name for field in scheme.fields}
        fields = ", ".join(field.name for field in scheme.fields) or "no fields"
        self.unknown = f"unknown field (scheme {scheme.chosen_file or scheme.name}: {fields})"
        # (path, message) -> first line; its lines. An unknown field's are under its name.
        self.first: dict[tuple[str, str], int] = {}
        self.lines: dict[tuple[str, str], set[int]] = {}

    def take(self, line: int, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Tally the form's and links' problems of ``line``; return the others (its spans'
        values, its text), which are said on their line as ever."""
        kept = []
        for path, message in found:
            if not path.startswith(("form.", "links.")):
                kept.append((path, message))
                continue
            top = _TOP_RE.match(path)
            if top is not None and top.group(1) not in self.known:
                # form.organiser, links.organiser and links.arrests[0].count: one field unknown.
                key = (f"form.{top.group(1)}", self.unknown)
            else:
                key = (path, message)
            self.first.setdefault(key, line)
            self.lines.setdefault(key, set()).add(line)
        return kept

    def problems(self) -> list[LineProblem]:
        out = []
        for key, line in self.first.items():
            path, message = key
            count = len(self.lines[key])
            more = f"; {count} line(s) have it" if count > 1 else ""
            out.append(LineProblem(line, path, message + more))
        return out


def another_scheme_hint(file: Path, scheme: Scheme) -> str:
    """One line asking for the scheme the file was made with (naming the one given, if any)."""
    chosen = scheme.chosen_file
    if chosen is None:
        return (
            f"{file}: most lines hold labels or fields not in scheme {scheme.name}: were these "
            "journals made with another scheme? pass it with --scheme FILE"
        )
    return (
        f"{file}: most lines hold labels or fields not in the scheme given, {chosen}: is it "
        "the scheme this journal was made with?"
    )
