"""The last check before a review's decision becomes a gold line: the record it writes must be
one ``annotator validate`` takes, a ``GoldRecord`` whose form the scheme's form model takes.

A trial took an item from a version whose journal item had no ``releasees``: gold got
``"releasees": null``, which validate refused (``form.releases.1.releasees: Input should be a
valid list``) and export passed on. Whatever decision would write such a line is refused
instead, saying what it would have written, and nothing is written.

Gold may hold values from before the scheme changed (``record_unknown``): the review keeps
them, and decisions on the document's other conflicts go on. So only what a decision adds is
refused: a problem the record before it did not have (an item's index aside, as done gold's
empty items removed move the later ones). A record that does not fit its text, though, is no
change of scheme but damage: no decision is made on it (``refuse_off_the_text``).
"""

from __future__ import annotations

import re
from collections import Counter

from pydantic import ValidationError

from annotator.core.journal import record_problems
from annotator.core.models import GoldRecord
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.validate import form_model_problems
from annotator.core.validate_conflicts import conflict_spans, conflict_text_problems
from annotator.core.validate_text import span_text_problems

# ``releases.1.releasees`` and ``releases.0.releasees`` are one kind of problem.
_INDEX = re.compile(r"\.\d+(?=\.|$)")


def unfit_lines(record: GoldRecord, scheme: Scheme) -> list[str]:
    """What validate would say of ``record`` as a gold line (``form.releases.1.releasees:
    Input should be a valid list``, ``form.event_type: 'swap' is not one of its choices
    (…)``): its problems as a gold record, and its form's against the scheme's form model in
    validate's own words (``form_model_problems``). Empty for a record it takes."""
    try:
        GoldRecord.model_validate(record.model_dump(mode="json"))
    except ValidationError as error:
        return [f"{path}: {message}" for path, message in record_problems(error)]
    return [f"{path}: {message}" for path, message in form_model_problems(record, scheme)]


def refuse_unfit(after: GoldRecord, before: GoldRecord | None, scheme: Scheme, what: str) -> None:
    """Refuse (``Refused``) the decision ``what`` (``settling c2``) when the record it would
    write, ``after``, has a problem ``before`` (the document's gold now) did not have."""
    added = unfit_lines(after, scheme)
    if not added:
        return
    had = Counter(_kind(line) for line in unfit_lines(before, scheme)) if before else Counter()
    new = []
    for line in added:
        if had[_kind(line)]:
            had[_kind(line)] -= 1
        else:
            new.append(line)
    if new:
        raise Refused(
            f"{after.doc_id}: {what} would write gold that annotator validate refuses "
            f"({'; '.join(new)}), so nothing was written: settle it another way (e types "
            "the value), or merge the document anew (l, then ctrl+r twice)"
        )


def _kind(line: str) -> str:
    return _INDEX.sub(".N", line)


def off_the_text(record: GoldRecord, text: str) -> str | None:
    """``path: message`` of the first of the record's spans, or its conflicts' spans, whose
    offsets or words are not the text's (its line edited by hand), else None."""
    problem = next(span_text_problems(record.spans, text), None)
    if problem is None:
        problem = next(conflict_text_problems(conflict_spans(record).spans, text), None)
    return None if problem is None else f"{problem[0]}: {problem[1]}"


def refuse_off_the_text(record: GoldRecord, text: str) -> None:
    """Refuse a decision on a document whose gold record does not fit its text (a span's or a
    conflict span's offsets or words not the text's: its line edited by hand). A trial's
    damaged gold line was resumed without a word, and each decision wrote it again; a merge
    anew, which makes the record afresh from the journals (checked against the text), is the
    way out."""
    said = off_the_text(record, text)
    if said is None:
        return
    raise Refused(
        f"{record.doc_id}: its gold line does not fit the text ({said}; edited by hand?), so "
        "nothing was written: merge the document anew from the journals (l, then ctrl+r twice)"
    )


def misfit_warning(record: GoldRecord, text: str) -> str | None:
    """What the review says as the document opens when its gold record does not fit its
    text (``refuse_off_the_text`` refuses every decision on it): a trial learnt of it only
    when a decision was refused."""
    said = off_the_text(record, text)
    if said is None:
        return None
    return (
        f"{record.doc_id}: its gold line does not fit the text ({said}; edited by hand?): no "
        "decision on it can be written; merge the document anew from the journals (l, then "
        "ctrl+r twice)"
    )
