"""What the review's start-up messages still say when it ends: printed on exit, each true then.

``annotator review`` printed its start-up messages before its screen, which hid them until it
closed: they were read on exit, beside the exit's own line, as if said then. A trial merged
document 02 anew (its annotator had added a span), settled it and quit, and read that 02 had
review decisions and changed records "their gold lines stand", and the opening's "0
conflict(s) to settle" above "every conflict is settled". On exit now:

- the opening line (what the gold file was and what was left to settle then) is not said
  again: the exit's own line says what is left;
- the line naming documents whose annotators changed their records after decisions were made
  in them (``review_open``) is said anew, counting those still so (not merged anew since, or
  put back by ctrl+z), or not at all when none is;
- so is the line naming documents reviewed from other annotators than are compared now: a
  trial merged such a document anew, settled it, and read on exit that its gold line stood;
- so is the line saying what documents' gold holds that the scheme does not know or allow
  (``review_gold_scheme``), read from gold as it is then: a trial merged one of three such
  documents anew and read on exit that it still counted three;
- so is the line saying the gold file has other names (hard links, ``hard_links``), with the
  command to run now rather than after quitting, or not at all once it has one;
- every other start-up message says what the opening did (merged in, merged anew, taken
  over, left out) and stays true: said as it was.

After them, what the gold file's last check set right as the review closed (``gold_guard``:
another program changed the file, and the review wrote it again whole, what it found kept
aside) is said in one line (``set_right_on_closing``). It was told to the screen, gone by
then: the file was written again, a copy put over it kept aside, and nothing said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from annotator.core import journal_guard
from annotator.core.compare import Unit
from annotator.core.gold_store import GoldStore
from annotator.core.hard_links import OTHER_NAMES, other_names_line
from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.review_documents import changed_since
from annotator.core.review_gold_scheme import GOLD_BESIDE_SCHEME, gold_beside_scheme

RECORDS_CHANGED = (
    "document(s) have review decisions and their annotators' records changed since the merge"
)
"""The words of ``review_open``'s message naming such documents, by which it is found."""


def records_changed_line(journal: Path, count: int, first: str, who: list[str]) -> str:
    """The line naming ``count`` documents with decisions whose annotators' records changed
    (``first``: the first of them, ``who``: whose records changed there), as the review
    opening names them."""
    owners = records_of(who)
    # review_open says it with this function too: the exit finds it by RECORDS_CHANGED.
    return (
        f"{journal}: {count} {RECORDS_CHANGED} (first: {first}, {owners}): their gold lines "
        "stand; to take the changes, merge such a document anew (l, then ctrl+r twice on it: "
        "decisions on conflicts the change touched are dropped)"
    )


REGROUPED = "document(s) were reviewed from other annotators than are compared now"
"""The words of ``review_open``'s message naming documents with review decisions merged from
an annotator whose journal is not given now, by which it is found."""


def records_of(names: list[str]) -> str:
    """``bob's record``, ``alice and bob's records``: written "alice, bob's records", the
    second name read as the only owner."""
    return f"{whose(names)} record" + ("" if len(names) == 1 else "s")


def regrouped_line(journal: Path, count: int, first: str, annotators: Iterable[str]) -> str:
    """The line naming ``count`` such documents (``first``: the first of them, merged from
    ``annotators``), as the review opening names them."""
    return (
        f"{journal}: {count} {REGROUPED} (first: {first}, from {', '.join(annotators)}); their "
        "gold lines stand: to start one over from the annotators compared now, merge it anew "
        "(l, then ctrl+r twice on it)"
    )


def set_right_on_closing(notices: Sequence[str]) -> str:
    """The exit's line for what the gold file's last check set right as the review closed
    (the store's notices given while it closed), "" when nothing was: annotate's rule."""
    return journal_guard.set_right_on_closing("the review", notices)


def changed_annotators(
    annotators: Iterable[str], versions: Mapping[str, str], unit: Unit
) -> list[str]:
    """The annotators whose record of ``unit`` is not one a gold line was merged from (its
    ``sources.annotators`` and ``sources.versions``): ``changed_since``, and those merged then
    and not compared now or the other way round, told by the names where a line keeps no
    versions. An annotator who finished the document after the merge is such a change: a
    trial's was named as if the document had been reviewed from other annotators."""
    moved = set(annotators).symmetric_difference(unit.records)
    return sorted(moved.union(changed_since(versions, unit)))


def start_up_lines_at_exit(session: ReviewSession) -> list[str]:
    """``session.messages`` (``open_review``'s: the opening line first) as they stand now (the
    module docstring). Read before the session closes: it may read a record."""
    now = {
        RECORDS_CHANGED: _records_changed_now(session),
        REGROUPED: _regrouped_now(session),
        GOLD_BESIDE_SCHEME: _beside_scheme_now(session),
        OTHER_NAMES: other_names_line(session.store.journal, at_exit=True),
    }
    lines = []
    for message in session.messages[1:]:
        found = next((words for words in now if words in message), None)
        if found is not None:
            message, now[found] = now[found], ""
        if message:
            lines.append(message)
    # Put back by ctrl+z where the opening named none.
    return [*lines, *(line for line in now.values() if line)]


def _records_changed_now(session: ReviewSession) -> str:
    still = [doc_id for doc_id in session.doc_ids if doc_id in session.records_changed]
    if not still:
        return ""
    first = still[0]
    unit = session.units.get(first)
    sources = session.records[first].sources
    who = changed_annotators(sources.annotators, sources.versions, unit) if unit else []
    return records_changed_line(session.store.journal, len(still), first, who)


def _beside_scheme_now(session: ReviewSession) -> str:
    """What gold holds beside the scheme now; a gold file written at opening held none."""
    store = session.store
    if not isinstance(store, GoldStore) or store.created:
        return ""
    return gold_beside_scheme(store, session.scheme, session.doc_ids) or ""


def _regrouped_now(session: ReviewSession) -> str:
    """The documents merged from other annotators than compared now, and not named as changed
    records: those the opening named and not merged anew since."""
    still: list[tuple[str, tuple[str, ...]]] = []
    for doc_id in session.doc_ids:
        unit = session.units.get(doc_id)
        if unit is None or doc_id in session.records_changed:
            continue
        annotators = _annotators_now(session, doc_id)
        if annotators != tuple(unit.records):
            still.append((doc_id, annotators))
    if not still:
        return ""
    first, annotators = still[0]
    return regrouped_line(session.store.journal, len(still), first, annotators)


def _annotators_now(session: ReviewSession, doc_id: str) -> tuple[str, ...]:
    """The annotators the document's gold record is merged from, without making the records
    of documents the review did not touch (a review of thousands ends at once)."""
    store = session.store
    saved = store.records.get(doc_id)
    if not isinstance(saved, GoldRecord) and isinstance(store, GoldStore):
        line = store.latest.get(doc_id)
        if line is not None:
            return line.facts.annotators
    return tuple(session.records[doc_id].sources.annotators)
