"""A journal made with another scheme: what that scheme had and this one lacks, said once.

Validated without the ``--scheme`` it was made with, a trial's journal of 53 lines gave 215
problems: ``form.organiser: unknown field`` and ``links.crowd_size: not a field of the form`` on
every line that held them. When most of a file's lines hold labels or fields the scheme does not
know (``record_unknown.unknown_to_scheme``; the annotation screen's notices count choice values
no field takes too, and speak of any record: ``journal_another_scheme``), the journal is taken
for another scheme's: each unknown field (a group's own included) is said once with how many
lines have it (as unknown labels are, ``LabelTally``), and one line asks for the scheme it was
made with (as ``agree`` does). Every other problem is still said on each of its lines: a bad
value of a field the scheme knows is a bad line, and each must be found to be mended. A few
lines of unknown fields in a journal of this scheme are also said line by line: they are bad
lines.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from pathlib import Path

from annotator.core.journal import LineProblem
from annotator.core.models import Record
from annotator.core.record_unknown import linked_field, unknown_to_scheme
from annotator.core.scheme import Scheme

# form.organiser, form.arrests.0.location (a group's item's field), links.organiser and
# links.arrests[0].location (links' own paths).
_FORM_RE = re.compile(r"^form\.([A-Za-z_]\w*)(?:\.\d+\.([A-Za-z_]\w*))?")


def foreign_names(record: Record, scheme: Scheme) -> set[tuple[str, str]]:
    """``("label", name)`` and ``("field", name)`` of what ``record`` holds that ``scheme``
    lacks (``unknown_to_scheme``)."""
    unknown = unknown_to_scheme(record, scheme)
    return {("label", name) for name in unknown.labels} | {
        ("field", name) for name in unknown.fields
    }


def made_with_another_scheme(records: Sequence[tuple[int, Record]], scheme: Scheme) -> bool:
    """Most of the lines (half, or more) hold labels or fields the scheme lacks, and more than
    one name or line does: one unknown name on one line is as likely a slip as a scheme."""
    names: set[tuple[str, str]] = set()
    lines = 0
    for _line, record in records:
        found = foreign_names(record, scheme)
        names |= found
        lines += bool(found)
    return lines * 2 >= len(records) and (len(names) > 1 or lines > 1)


class ForeignTally:
    """The problems of fields the scheme lacks in a file made with another scheme, each field
    said once at its first line with the count of lines that have it."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.named = scheme.chosen_file or scheme.name
        # field name -> first line (the order said); its lines.
        self.first: dict[str, int] = {}
        self.lines: dict[str, set[int]] = {}

    def take(
        self, line: int, record: Record, found: list[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        """Tally the problems of ``line`` that are of a field the scheme lacks (in the form or
        its links); return the others, said on their line as ever."""
        unknown = set(unknown_to_scheme(record, self.scheme).fields)
        kept = []
        for path, message in found:
            name = self._field_of(path, unknown)
            if name is None:
                kept.append((path, message))
                continue
            self.first.setdefault(name, line)
            self.lines.setdefault(name, set()).add(line)
        return kept

    def _field_of(self, path: str, unknown: set[str]) -> str | None:
        """The field the scheme lacks that a problem's path is of, named as
        ``unknown_to_scheme`` names it; None for a path of a field it has."""
        if path.startswith("links."):
            name = linked_field(path.removeprefix("links."), self.scheme)
            return name if name in unknown else None
        form = _FORM_RE.match(path)
        if form is None:
            return None
        top, sub = form.groups()
        for name in (top, f"{top}[].{sub}" if sub else None):
            if name in unknown:
                return name
        return None

    def on_line(self, line: int) -> bool:
        return any(line in lines for lines in self.lines.values())

    def problems(self) -> list[LineProblem]:
        out = []
        for name, line in self.first.items():
            top, _, sub = name.partition("[].")
            group = self.scheme.field(top) if sub else None
            if group is None:
                known = ", ".join(field.name for field in self.scheme.fields) or "no fields"
                message = f"unknown field (scheme {self.named}: {known})"
            else:
                known = ", ".join(field.name for field in group.fields)
                message = f"unknown field of {top} (scheme {self.named}: {top} has {known})"
            count = len(self.lines[name])
            more = f"; {count} line(s) have it" if count > 1 else ""
            out.append(LineProblem(line, f"form.{name}", message + more))
        return out


# The question of a command that checks journals and was given no scheme; it also ends
# ``record_check``'s refusals of labels, fields and values the scheme lacks.
ANOTHER_SCHEME_QUESTION = "were these journals made with another scheme? pass it with --scheme FILE"


def lists_each(chosen: Path, file: Path) -> str:
    """Where to see each problem of ``file`` under the scheme the user gave, with its lines:
    the end of ``record_check``'s refusals when a scheme was given."""
    validate = shlex.join(["annotator", "validate", "--scheme", str(chosen), str(file)])
    return f"{validate} lists each with its lines"


def another_scheme_hint(file: Path, scheme: Scheme) -> str:
    """One line asking for the scheme the file was made with (naming the one given, if any)."""
    if scheme.chosen_file is None:
        return (
            f"{file}: most lines hold labels or fields not in scheme {scheme.name}: "
            f"{ANOTHER_SCHEME_QUESTION}"
        )
    return (
        f"{file}: most lines hold labels or fields not in the scheme given, "
        f"{scheme.chosen_file}: is it the scheme this journal was made with?"
    )
