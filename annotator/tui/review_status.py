"""The review screen's status line, made to fit the terminal's width.

The save state sits at the right edge and the conflicts left come first after the screen's name:
on 80 columns the line used to run out before them ("… in 3 document(s) · reviewer me · ●"),
hiding whether the decisions were written. When the whole line does not fit, its parts take
shorter wordings one after another (conflicts, modes, position, reviewer), then the document id
is shortened; the save state is never cut, nor, down to 40 columns, the conflicts left.

Character mode lasts for the rest of the review once ``c`` switches it on (a reviewer settling
many short numbers wants it for each), but it is only in force while a span is drawn. So the
line says CHAR MODE only while drawing; between drawings it says, in lower case, that ``e``
will draw in character mode: a capitalised mode left on after the drawing read as stuck.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from annotator.core.review import ReviewSession
from annotator.tui.status_fit import Part, cut_end, fit, joined_length, pinned_line, room_for


@dataclass(frozen=True)
class ReviewProgress:
    """What the status line says."""

    doc_id: str | None  # None: every conflict settled, no document shown
    position: int  # of the document, from 1
    documents: int
    conflicts_left: int
    documents_left: int
    reviewer: str
    drawing: bool
    char_mode: bool
    save_state: str
    outside: int = 0  # gold's open conflicts outside the review (``review_outside``)

    @classmethod
    def of(
        cls, session: ReviewSession, char_mode: bool, shown: str | None = None
    ) -> ReviewProgress:
        """Where ``session`` is (``char_mode``: the screen's drawing mode; ``shown``: the
        document in the article, named while no conflict is current nor a document looked
        at: every conflict settled, the article still shows one, and a trial's status line
        named none beside it)."""
        doc_id = session.doc_id
        if doc_id is None and shown in session.doc_ids:
            doc_id = shown
        return cls(
            doc_id=doc_id,
            position=session.doc_ids.index(doc_id) + 1 if doc_id is not None else 0,
            documents=len(session.doc_ids),
            conflicts_left=session.conflicts_left(),
            documents_left=session.documents_left(),
            reviewer=session.reviewer,
            drawing=session.editing,
            char_mode=char_mode,
            save_state=session.save_state,
            outside=session.outside.conflicts,
        )


def status_line(progress: ReviewProgress, width: int) -> Text:
    """The status line for ``width`` columns (see the module docstring)."""
    left = progress.conflicts_left
    conflicts = Part(
        [
            f"{left} conflict(s) left in {progress.documents_left} document(s)",
            f"{left} left in {progress.documents_left} doc(s)",
            f"{left} left",
        ]
    )
    parts = [conflicts]
    settled = Part(["all settled"], "bold green")
    if progress.outside:  # gold holds open conflicts the review does not walk
        settled = Part(
            [
                f"settled here, {progress.outside} open outside",
                f"{progress.outside} open outside",
                f"{progress.outside} outside",
            ],
            "bold yellow",
        )
    if progress.doc_id is None or left == 0:  # a document may be looked at still
        parts.insert(0, settled)
    drawing = Part(["DRAWING A SPAN", "DRAWING"] if progress.drawing else [""], "bold yellow")
    char = Part([""])
    if progress.char_mode and progress.drawing:
        char = Part(["CHAR MODE", "CHAR"], "bold magenta")
    elif progress.char_mode:
        char = Part(["e draws in char mode", "e: char mode", "e: chars"], "magenta")
    document = Part([""], "bold")
    if progress.doc_id is not None:
        where = f"{progress.doc_id} ({progress.position}/{progress.documents})"
        document = Part([where, progress.doc_id, cut_end(progress.doc_id, 24)], "bold")
    reviewer = Part([f"reviewer {progress.reviewer}", progress.reviewer, ""])
    parts += [drawing, char, document, reviewer]
    tag = Part([" review  ", ""], "bold reverse")
    room = room_for(width, progress.save_state)

    def length() -> int:
        return joined_length(tag.text, parts)

    # Shorter wordings one at a time, the least needed first; the conflicts left keep their
    # number to the end.
    fit(
        tag.text,
        parts,
        [document, reviewer, conflicts, settled, drawing, char, document, reviewer, settled],
        room,
    )
    if length() > room and progress.doc_id is not None:
        others = length() - len(document.text)
        document.wordings.append(cut_end(document.text, max(room - others, 8)))
        document.shorten()
    if length() > room:
        conflicts.shorten()
    if length() > room:
        tag.shorten()
    head = Text(tag.text.rstrip(), style=tag.style)
    head.append("  " if tag.text else " ")
    return pinned_line(head, parts, width, progress.save_state)
