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
- every other start-up message says what the opening did (merged in, merged anew, taken
  over, left out) and stays true: said as it was.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review import ReviewSession
from annotator.core.review_documents import changed_since

RECORDS_CHANGED = (
    "document(s) have review decisions and their annotators' records changed since the merge"
)
"""The words of ``review_open``'s message naming such documents, by which it is found."""


def records_changed_line(journal: Path, count: int, first: str, who: list[str]) -> str:
    """The line naming ``count`` documents with decisions whose annotators' records changed
    (``first``: the first of them, ``who``: whose records changed there), as the review
    opening names them."""
    whose = f"{', '.join(who)}'s record" + ("" if len(who) == 1 else "s")
    # review_open says it with this function too: the exit finds it by RECORDS_CHANGED.
    return (
        f"{journal}: {count} {RECORDS_CHANGED} (first: {first}, {whose}): their gold lines "
        "stand; to take the changes, merge such a document anew (l, then ctrl+r twice on it: "
        "decisions on conflicts the change touched are dropped)"
    )


def start_up_lines_at_exit(session: ReviewSession) -> list[str]:
    """``session.messages`` (``open_review``'s: the opening line first) as they stand now (the
    module docstring). Read before the session closes: it may read a record."""
    journal = session.store.journal
    still = [doc_id for doc_id in session.doc_ids if doc_id in session.records_changed]
    now = ""
    if still:
        first = still[0]
        unit = session.units.get(first)
        who = changed_since(session.records[first].sources.versions, unit) if unit else []
        now = records_changed_line(journal, len(still), first, who)
    lines = []
    for message in session.messages[1:]:
        if RECORDS_CHANGED in message:
            message, now = now, ""
        if message:
            lines.append(message)
    # Put back by ctrl+z where the opening named none.
    return [*lines, now] if now else lines
