"""Done records that no longer answer the scheme's required fields: said at start and at exit.

A field made required in the middle of a project (``location``, say) leaves every record
finished before it done without it. ``d`` holds a record to the rule (``form_complete``), and
opening such a record says it ("it is done, but the scheme requires location, empty here"), but
nothing else did: a trial's status line said ``done 4/4``, the document list ``✓ done`` four
times, and three of the four records lacked the field. The start names them (counted, the first
few named), the document list marks each (``needs_of``: ``✓ done · needs location``), and the
exit says it again of the journal as it is then, so the annotator can go back to them.

A required field keeping a value the scheme no longer allows (a choice renamed) is no answer
either (``empty_required``'s ``why``): it is named with the empty ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from annotator.core.form_complete import empty_required
from annotator.core.forms import path_words
from annotator.core.models import Record
from annotator.core.scheme import Scheme

# Documents, and fields, a line names; more are counted.
NAMED = 3
_LIST_AT_EXIT = "annotate's l"  # the document list, named once the screen is gone


def needs_of(record: Record, scheme: Scheme) -> list[str]:
    """The required fields a done ``record`` leaves unanswered under ``scheme`` (empty, or
    holding a value it does not allow), as messages name them (``transfers #2 giver``), in the
    scheme's order; empty for a record not done."""
    if record.status != "done":
        return []
    names: list[str] = []
    for place in empty_required(record, scheme):
        name = path_words(place.path)
        if name not in names:
            names.append(name)
    return names


def named_ids(doc_ids: Sequence[str], at_exit: bool = False) -> str:
    """``(01, 02, 04; l marks them)``; past ``NAMED`` documents, the first ones (``first: 01,
    02, 03``). ``at_exit``: the list named as annotate's, the screen gone."""
    shown = ", ".join(doc_ids) if len(doc_ids) <= NAMED else f"first: {', '.join(doc_ids[:NAMED])}"
    where = _LIST_AT_EXIT if at_exit else "l"
    return f"({shown}; {where} marks {'it' if len(doc_ids) == 1 else 'them'})"


def done_needing_notice(
    journal: Path, records: Iterable[Record], scheme: Scheme, *, at_exit: bool = False
) -> str | None:
    """One line naming the done records of ``journal`` (its latest, one per document) that
    leave a required field of ``scheme`` unanswered; None when none does. ``at_exit``: said
    once the screen is closed (no ``l`` to press there)."""
    done = [record for record in records if record.status == "done"]
    needing = [(record.doc_id, needs) for record in done if (needs := needs_of(record, scheme))]
    if not needing:
        return None
    count = len(needing)
    ids = named_ids([doc_id for doc_id, _needs in needing], at_exit)
    if count == len(done):
        held = f"its one done record {ids} needs"
        held = held if count == 1 else f"all {count} of its done records {ids} need"
    else:
        held = f"{count} of its {len(done)} done records {ids} need{'s' if count == 1 else ''}"
    return f"{journal}: {held} {_fields_words(needing)}"


def _fields_words(needing: list[tuple[str, list[str]]]) -> str:
    """The fields ``needing`` (each record's id and fields) lack: ``location and outcome, which
    the scheme requires`` when every record lacks the same, else each counted with the records
    lacking it, the most first: ``fields the scheme requires: location in all 4, event_type in
    1 (01)``. A trial's line said all 4 needed event_type and location: one needed event_type."""
    by_field: dict[str, list[str]] = {}
    for doc_id, needs in needing:
        for name in needs:
            by_field.setdefault(name, []).append(doc_id)
    fields = sorted(by_field, key=lambda name: -len(by_field[name]))  # stable: first met first
    more = len(fields) - NAMED
    extra = [f"{more} more field(s)"] if more > 0 else []
    if all(len(doc_ids) == len(needing) for doc_ids in by_field.values()):
        named = fields[:NAMED] + extra
        shown = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        return f"{shown}, which the scheme requires"
    counted = ", ".join(_counted(name, by_field[name], len(needing)) for name in fields[:NAMED])
    return f"fields the scheme requires: {counted}{f' and {extra[0]}' if extra else ''}"


def _counted(name: str, doc_ids: list[str], total: int) -> str:
    """``location in all 4``, ``event_type in 1 (01)``, ``outcome in 5 (first: a, b, c)``."""
    if len(doc_ids) == total:
        return f"{name} in {'both' if total == 2 else f'all {total}'}"
    shown = ", ".join(doc_ids) if len(doc_ids) <= NAMED else f"first: {', '.join(doc_ids[:NAMED])}"
    return f"{name} in {len(doc_ids)} ({shown})"
