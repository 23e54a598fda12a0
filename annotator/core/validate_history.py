"""Lines of a journal or gold file that a later line of their document supersedes, and that do
not fit the scheme given: history, made under the scheme of its time.

A trial's annotators mended every latest record under a changed scheme (a label removed, a
choice renamed); agree, diff and merge, which read each document's latest line, took them all.
``validate`` still said ``12 problems found`` and exit 1: the lines before each mend (a ctrl+z
back to the old choice among them) were listed as problems, and a journal whose earlier lines
mostly held the removed label was asked for "the scheme it was made with". Only ``annotator
compact`` cleared it, and nothing named it.

Now a superseded line whose only problems are that it does not fit the scheme (an unknown
label, field or choice value, a required field now missing, a null list where the form model
wants a list: ``validate.scheme_problems``, ``not_of_fit``) is no problem: each file says in
one line how many such lines it holds, the first named, and that ``annotator compact`` drops
history, with what that costs (``history_line``). What is wrong on any line stays a problem
there: JSON or a record that cannot be read, spans against the text, a hash, duplicate ids, a
conflict that is no conflict, a link to an item the form lacks. Whether a journal was made
with another scheme is judged by its latest records
(``validate_foreign.made_with_another_scheme``).

What a latest record holds that the scheme lacks is said with the way forward, as ``agree``,
``diff`` and ``merge`` say it when they refuse such a journal (``record_check.SchemeCheck``):
``forward_words``, ``label_forward``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.journal import latest_lines
from annotator.core.models import GoldRecord, Record, Span
from annotator.core.record_unallowed import values_not_allowed
from annotator.core.scheme import Scheme
from annotator.core.validate_conflicts import conflict_label_problems, unknown_label
from annotator.core.validate_foreign import ANOTHER_SCHEME_QUESTION, lists_each

# link_problems' words for a link to an item its group does not hold: the record's own
# inconsistency (its form and links disagree), not a scheme's change, so a problem on any line.
NO_ITEM = " has no item "
_ITEM = re.compile(r"\[([0-9]+)\]")  # a value's path (``demands[1].by``), dotted as validate's


def latest_line_numbers(records: Sequence[tuple[int, Record]]) -> set[int]:
    """The line of each document's latest record (``journal.latest_key``: a journal's per
    annotator, a gold file's per document), as every reader of the file takes them."""
    return {line for line, _record in latest_lines(records)}


def latest_records(records: Sequence[tuple[int, Record]]) -> list[tuple[int, Record]]:
    """The records of ``records`` that no later line supersedes, in line order."""
    latest = latest_line_numbers(records)
    return [(line, record) for line, record in records if line in latest]


def not_of_fit(found: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The problems of ``found`` (a line's against the scheme: ``validate.scheme_problems``
    and its conflicts' values) that are not of its fit to the scheme (``NO_ITEM``), said on
    any line; the others are history's on a superseded line."""
    return [(path, message) for path, message in found if NO_ITEM in message]


@dataclass
class HistoryTally:
    """The superseded lines of one file that only do not fit the scheme: how many, and the
    first, with its first such problem."""

    lines: int = 0
    first: tuple[int, str, str] | None = None  # line, path, message
    gold: bool = False  # a gold file's lines (a review's decisions), else a journal's

    def take(self, line: int, record: Record, found: Iterable[tuple[str, str]]) -> None:
        self.lines += 1
        self.gold = self.gold or isinstance(record, GoldRecord)
        if self.first is None:
            path, message = min(found, key=lambda one: _order(one[0]))
            self.first = (line, path, message)

    def said(self, file: Path, scheme: Scheme, asked: bool) -> str | None:
        """One line of ``file``'s history lines (``history_line``), or, ``asked`` (its latest
        records too taken for another scheme's: the file's own line asks for it), that they
        do not fit it either, with no word of compact; None: it has none."""
        if self.first is None:
            return None
        if not asked:
            return history_line(file, scheme, self.lines, self.first, self.gold)
        line, path, message = self.first
        named = _scheme_named(scheme) + ("," if scheme.chosen_file else "")
        return (
            f"{file}: {self.lines} line(s) superseded by a later line of their document do not "
            f"fit {named} either (the first: line {line}, {path}: {message}): history, not "
            "listed; its latest records are asked about above"
        )


def _scheme_named(scheme: Scheme) -> str:
    chosen = scheme.chosen_file
    return f"scheme {scheme.name}" if chosen is None else f"the scheme given, {chosen}"


def _order(path: str) -> tuple[int, str]:
    """Spans first, then the form and links, as a line's problems are said."""
    return (0 if path.startswith("spans.") else 1, path)


def history_line(
    file: Path, scheme: Scheme, count: int, first: tuple[int, str, str], gold: bool
) -> str:
    """``FILE: N superseded line(s) do not fit ...``: what they are, the first of them, and what
    ``annotator compact`` does of them and costs (README: it keeps each document's last line;
    a review's ctrl+z reads earlier sessions' decisions back from the gold file's lines)."""
    line, path, message = first
    cost = (
        "a review's ctrl+z can then no longer undo earlier sessions' decisions"
        if gold
        else "the states they held are then gone for good, and span ids only they held may "
        "be given again"
    )
    compact = shlex.join(["annotator", "compact", str(file)])
    return (
        f"{file}: {count} line(s) do not fit {_scheme_named(scheme)}, each superseded by a "
        "later line of its document: history, made under the scheme of its time, not a "
        f"problem (the first: line {line}, {path}: {message}); {compact} drops history, "
        f"keeping each document's latest line ({cost})"
    )


def forward_words(
    record: Record,
    found: Sequence[tuple[str, str]],
    scheme: Scheme,
    file: Path,
    corpus: Path | None = None,
) -> list[tuple[str, str]]:
    """``found`` (a latest record's problems) with each choice value a field does not take
    (renamed since) said with the way forward, in the words ``agree`` refuses it with
    (``record_check.SchemeCheck``); the rest as they are."""
    not_allowed = {
        "form." + _ITEM.sub(r".\1", one.path): one
        for one in values_not_allowed(record, scheme)
        if one.why == "not a choice"  # another kind (a count made text) keeps its words
    }
    if not any(path in not_allowed for path, _message in found):
        return list(found)
    # Imported here: record_check reads validate's checks, which read this module.
    from annotator.core.record_check import SchemeCheck

    check = SchemeCheck(scheme, corpus)  # the corpus given is named in its command
    chosen = scheme.chosen_file
    # Agree's words point at validate, which is saying them: that clause is left out.
    pointer = f"; {lists_each(chosen, file)}" if chosen is not None else ""
    out = []
    for path, message in found:
        if path in not_allowed:
            said = check._not_allowed(not_allowed[path], message, file, record)
            message = said.replace(pointer, "") if pointer else said
        out.append((path, message))
    return out


def label_forward(
    scheme: Scheme, gold: bool, file: Path, annotator: str | None, corpus: Path | None
) -> str:
    """The way forward for spans of a label ``scheme`` lacks on latest records, as agree's
    refusal asks for the scheme when none was given, and as its words for a value the scheme
    given does not take (``record_check.SchemeCheck``) when one was: an annotator's journal
    is mended in annotate (the whole command, as agree gives it: ``annotate --scheme FILE``
    alone failed when pasted), which keeps such spans till then; a gold file by the review."""
    chosen = scheme.chosen_file
    if chosen is None:
        return ANOTHER_SCHEME_QUESTION
    if gold:
        return (
            "a label the scheme given does not have (changed since the record was made?); "
            "annotator review says it and merges the document anew with l, ctrl+r twice"
        )
    # Imported here: journals_kept reads export's modules, which read validate's.
    from annotator.core.journals_kept import annotate_command

    where = (
        shlex.join(["annotator", "annotate", "--scheme", str(chosen)])
        if annotator is None
        else annotate_command(file, annotator, chosen, corpus)
    )
    return (
        "a label the scheme given does not have (changed since the record was made?); its "
        f"annotator deletes or relabels those spans in annotate, which keeps them till then: "
        f"{where}"
    )


def labels_unknown(
    record: Record, held: Iterable[tuple[str, Span]], scheme: Scheme
) -> list[tuple[str, str]]:
    """Each span of ``record``, and of its conflicts (``held``), whose label ``scheme`` lacks,
    at its path (validate tallies them per label on the lines it says)."""
    own = [
        (f"spans.{index}.label", unknown_label(span.label, scheme))
        for index, span in enumerate(record.spans)
        if scheme.label(span.label) is None
    ]
    return own + list(conflict_label_problems(held, scheme))
