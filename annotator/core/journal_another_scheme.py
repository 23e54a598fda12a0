"""A journal opened by ``annotate`` under another scheme than the one it was made with.

A trial made a project with its own scheme, then reopened it forgetting ``--scheme``: under the
default scheme every label and field of every record showed as not in the scheme, kept, and
nothing said the likely cause. ``validate`` says it (``validate_foreign``), and so do ``agree``,
``diff``, ``merge`` and ``review``, which refuse such journals (``record_check``). ``annotate``
keeps such records as they are and works on, so it says it once at start, in one line naming
the scheme in force and asking for the one the journal was made with: the same rule as
``validate``'s (``made_with_another_scheme``: most records, and more than one name or record)
and the same sentence (``asking_for_scheme``), in ``annotate``'s words.

The rule runs over the annotator's records as the session holds them, the latest of each
document. A record that holds no span, form field or link (an article skipped as no event, or
only opened) cannot tell which scheme it was made with: it does not count either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.validate_foreign import (
    HintWords,
    asking_for_scheme,
    foreign_names,
    made_with_another_scheme,
)

_AGAIN = "quit with q and start again with --scheme FILE"


def another_scheme_notice(
    journal: Path, records: Iterable[Record], scheme: Scheme, given: Path | None
) -> str | None:
    """The line ``annotate`` says at start when most of ``records`` (the journal's) hold labels
    or fields ``scheme`` lacks; None otherwise. ``given``: the scheme file named with
    ``--scheme``, None when the default is in force."""
    records = list(records)
    telling = [(number, record) for number, record in enumerate(records) if _holds_any(record)]
    if not telling or not made_with_another_scheme(telling, scheme):
        return None
    foreign = sum(bool(foreign_names(record, scheme)) for _number, record in telling)
    if len(records) == 1:
        held_by = "its one record holds"
    elif foreign == len(records):
        held_by = f"all {foreign} of its records hold"
    else:
        held_by = f"{foreign} of its {len(records)} records hold"
    words = HintWords(
        held_by=held_by,
        made="was this journal",
        ask=_AGAIN,
        ask_given=_AGAIN,
        default=" (the default: no --scheme was given)",
    )
    return asking_for_scheme(journal, scheme.name, given, words)


def _holds_any(record: Record) -> bool:
    """Whether the record holds anything a scheme names: a span, a form field or a link."""
    return bool(record.spans or record.form or record.links)
