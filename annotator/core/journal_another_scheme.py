"""A journal whose records hold what the scheme ``annotate`` runs under lacks: said at start and
at exit.

A trial made a project with its own scheme, then reopened it forgetting ``--scheme``: under the
default scheme every label and field of every record showed as not in the scheme, kept, and
nothing said the likely cause. Another changed the scheme mid-project (a label removed, a choice
renamed) and was told "2 of its 4 records" where 3 held what the new scheme lacks: a choice value
it no longer takes was not counted. ``annotate`` keeps such records as they are and works on; it
says at start how many of the journal's records hold labels, fields or choice values the scheme
lacks (``holds_what_scheme_lacks``, the status line's ``? not in scheme`` rule), names the first
few, and the document list marks each. When half of them or more do (and more than one record,
or one record more than one name: one unknown name once is as likely a slip as a scheme), the
journal may be another scheme's: the line asks for it, as ``validate`` asks (its
``made_with_another_scheme`` counts labels and fields alone: it says each bad value on its line).

The line is said again at exit of the journal as it is then (``at_exit``): printed before the
screen, the start's line stood in the terminal after it closed, still asking for the old scheme
once the annotator had removed every span of the label the new one lacks.

A record that holds no span, form field or link (an article skipped as no event, or only opened)
cannot tell which scheme it was made with: it does not count towards "half of them or more".
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from pathlib import Path

from annotator.core.journal_done_needs import done_needing_notice, named_ids
from annotator.core.models import Record
from annotator.core.record_unallowed import span_values_not_allowed, values_not_allowed
from annotator.core.record_unknown import unknown_to_scheme
from annotator.core.scheme import Scheme
from annotator.core.validate_foreign import foreign_names
from annotator.core.value_range import is_range_why

_AGAIN = "quit with q and start again with --scheme FILE"
_AGAIN_AT_EXIT = "start annotate again with --scheme FILE"


def holds_what_scheme_lacks(record: Record, scheme: Scheme) -> bool:
    """Whether ``record`` holds a span of a label, a field, or a value of a field or a span
    (a choice renamed, a count outside a range set since) ``scheme`` does not know or take:
    the status line's ``? not in scheme``."""
    return bool(
        unknown_to_scheme(record, scheme)
        or values_not_allowed(record, scheme)
        or span_values_not_allowed(record, scheme)
    )


def _other_scheme_names(record: Record, scheme: Scheme) -> int:
    """How many labels, fields and values ``record`` holds that ``scheme`` lacks, a value
    outside a range left out: a range set or narrowed since tells of this scheme's change,
    not of another scheme (a trial's count of 150 under ``max = 100``)."""
    whys = _whys(record, scheme)
    return len(foreign_names(record, scheme)) + sum(not is_range_why(why) for why in whys)


def _out_of_range(record: Record, scheme: Scheme) -> bool:
    """Whether ``record`` holds a value of a field or span outside its range."""
    return any(is_range_why(why) for why in _whys(record, scheme))


def _whys(record: Record, scheme: Scheme) -> list[str]:
    """Why each value of ``record``'s form and spans is not taken (``record_unallowed``)."""
    form = [found.why for found in values_not_allowed(record, scheme)]
    return form + [found.why for found in span_values_not_allowed(record, scheme)]


def scheme_notices(
    journal: Path,
    records: Iterable[Record],
    scheme: Scheme,
    given: Path | None,
    *,
    at_exit: bool = False,
) -> list[str]:
    """What ``annotate`` says of the journal's records under ``scheme``, at start and again at
    exit: what they hold that it lacks, and the done ones it requires more of."""
    records = list(records)
    said = [
        another_scheme_notice(journal, records, scheme, given, at_exit=at_exit),
        done_needing_notice(journal, records, scheme, at_exit=at_exit),
    ]
    return [line for line in said if line]


def another_scheme_notice(
    journal: Path,
    records: Iterable[Record],
    scheme: Scheme,
    given: Path | None,
    *,
    at_exit: bool = False,
) -> str | None:
    """The line naming the records of ``journal`` (its latest, one per document) that hold
    labels, fields or choice values ``scheme`` lacks; None when none does. ``given``: the
    scheme file named with ``--scheme``, None when the default is in force."""
    records = list(records)
    holding = [record for record in records if holds_what_scheme_lacks(record, scheme)]
    if not holding:
        return None
    count, total = len(holding), len(records)
    ids = named_ids([record.doc_id for record in holding], at_exit)
    if total == 1:
        held_by = f"its one record {ids} holds"
    elif count == total:
        held_by = f"all {count} of its records {ids} hold"
    else:
        held_by = f"{count} of its {total} records {ids} hold{'s' if count == 1 else ''}"
    where = (
        f"scheme {scheme.name} (the default: no --scheme was given)"
        if given is None
        else f"the scheme given, {given}"
    )
    # "choice values" as before when only those are held; a count outside its range is a
    # value the scheme does not take, but no choice.
    values = (
        "values" if any(_out_of_range(record, scheme) for record in holding) else "choice values"
    )
    line = f"{journal}: {held_by} labels, fields or {values} not in {where}"
    validate = ["annotator", "validate", *(["--scheme", str(given)] if given else [])]
    # At exit, where each is said; at start, opening one says it.
    where_said = (
        f"{shlex.join([*validate, str(journal)])} lists them"
        if at_exit
        else f"opening {'it' if count == 1 else 'one'} says what it holds"
    )
    if not _another_schemes(holding, records, scheme):
        return f"{line}: kept as they are; {where_said}"
    # Asked without pressing the old scheme on a project that moved to this one on purpose
    # (a trial's "if not, quit" sent its annotators back to it).
    again = _AGAIN_AT_EXIT if at_exit else _AGAIN
    return (
        f"{line}: was this journal made with another scheme? to go on in that one, {again}; "
        f"else {where_said}"
    )


def _another_schemes(holding: list[Record], records: list[Record], scheme: Scheme) -> bool:
    """Half or more of the records that hold anything a scheme names hold what ``scheme``
    lacks, and more than one record does or one record holds more than one such name."""
    telling = sum(1 for record in records if record.spans or record.form or record.links)
    # A value outside its range alone is no sign of another scheme (``_other_scheme_names``).
    holding = [record for record in holding if _other_scheme_names(record, scheme)]
    if not holding or 2 * len(holding) < telling:
        return False
    if len(holding) > 1:
        return True
    [record] = holding
    return _other_scheme_names(record, scheme) > 1
