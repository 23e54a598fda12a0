"""Gold documents with open conflicts that a review leaves outside: their annotators' records
are not merged now, so the review neither lists nor walks them, and their gold lines stay as
they are.

A document is reviewed from the records of it compared now, two at least. When fewer are (a
journal not given, a record not done, or ``--leave-out-unknown`` leaving out a done record
whose required field held a value the scheme no longer takes), the gold file's line of it is
outside the review, whatever it holds. A trial's scheme renamed a choice both annotators had
chosen: with ``--leave-out-unknown`` both records of the document were left out, its gold line
kept its 2 open conflicts, and the review said "Every conflict is settled" with the document
in no list. Those documents are counted here, named in the opening, and said where the review
would otherwise say that every conflict is settled (the panel, the status line, the exit).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from annotator.core.gold_store import LineFacts

# The documents named, first ones in file order: the rest are counted.
NAMED = 3


@dataclass(frozen=True)
class OutsideReview:
    """The gold documents with open conflicts outside the review."""

    documents: int = 0
    conflicts: int = 0
    first: tuple[str, ...] = ()  # the first NAMED doc ids, in the gold file's order

    def __bool__(self) -> bool:
        return self.documents > 0

    def named(self) -> str:
        """``01-arbela-pow-swap`` or ``a, b, c and 4 more``."""
        more = self.documents - len(self.first)
        return ", ".join(self.first) + (f" and {more} more" if more > 0 else "")

    def words(self) -> str:
        """``2 open conflict(s) in 1 document(s) outside this review (01-arbela-pow-swap)``."""
        return (
            f"{self.conflicts} open conflict(s) in {self.documents} document(s) outside this "
            f"review ({self.named()})"
        )


def outside_review(latest: Iterable[LineFacts], reviewed: Container[str]) -> OutsideReview:
    """The documents of ``latest`` (each document's latest gold line) holding open conflicts
    and not in ``reviewed``."""
    documents = conflicts = 0
    first: list[str] = []
    for facts in latest:
        if not facts.conflicts or facts.doc_id in reviewed:
            continue
        documents += 1
        conflicts += facts.conflicts
        if len(first) < NAMED:
            first.append(facts.doc_id)
    return OutsideReview(documents, conflicts, tuple(first))


def outside_line(name: str, outside: OutsideReview, leave_out_unknown: bool) -> str:
    """The opening's line naming ``outside`` in the gold file ``name``: why they are not
    reviewed, what becomes of them, and how they come back."""
    why = (
        "their annotators' records are not merged now (--leave-out-unknown left them out, "
        "or they are not done, or their journals are not given: the notes say which)"
        if leave_out_unknown
        else "their annotators' records are not merged now (not done, or their journals "
        "are not given)"
    )
    return (
        f"{name}: {outside.words()}: {why}; their gold lines stay as they are, open, and a "
        "review takes them up once their annotators' records are merged"
    )
