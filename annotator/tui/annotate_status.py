"""The annotation screen's status line, made to fit the terminal's width.

It says where the annotator is (the position, the document), its status and marks (flagged,
character mode, a record holding what the scheme does not know), who is annotating and how many
documents are done; the save state sits at the right edge (``status_fit``). When the whole line
does not fit, the date goes first (the article's dateline shows it), then the document id is cut to
the room left, its start kept; the marks' wordings shorten ("⚑ flagged" to "⚑") once the id is down
to 16 characters, the status's and the progress's words ("✎ started", "done 6/14") only once it is
down to 12: a trial's line at 80 columns read a bare "○ · root · 6/14". The annotator's name goes
last, only when the document id cut to a few characters still leaves no room: a trial's line at 80
columns dropped the name as soon as a document was flagged. The position and the save state are
never dropped, nor the progress down to 40 columns while the work is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from annotator.core.journal_another_scheme import holds_what_scheme_lacks
from annotator.core.session import AnnotationSession
from annotator.tui.screens import STATUS_MARKS
from annotator.tui.status_fit import Part, cut_end, fit, joined_length, pinned_line, room_for

# The fewest characters of a document id the line keeps before it drops the annotator's name.
DOC_ID_AT_LEAST = 8
# The characters of a document id kept before the marks' wordings shorten ("⚑ flagged"), and
# before a long name is cut and the status's and the progress's words go ("✎ started").
ID_BEFORE_MARKS = 16
ID_BEFORE_WORDS = 12


@dataclass(frozen=True)
class AnnotateProgress:
    """What the status line says."""

    position: int  # of the document, from 1
    documents: int
    doc_id: str
    date: str
    status: str  # a key of STATUS_MARKS
    flagged: bool
    char_mode: bool
    annotator: str
    done: int
    save_state: str
    # The record holds spans or fields the scheme does not know (``record_unknown``): said on
    # opening it, and marked here while it is open, as a toast fades.
    unknown: bool = False

    @classmethod
    def of(cls, session: AnnotationSession) -> AnnotateProgress:
        """Where ``session`` is, with a document open."""
        document = session.document
        done, total = session.progress()
        return cls(
            position=session.position + 1,
            documents=total,
            doc_id=document.id,
            date=document.meta.get("date") or "",
            status="stale" if session.stale else session.status_of(document.id),
            flagged=session.record.flagged,
            char_mode=session.char_mode,
            annotator=session.annotator,
            done=done,
            save_state=session.save_state,
            # A span's value outside its label's range too (``holds_what_scheme_lacks``).
            unknown=not session.stale and holds_what_scheme_lacks(session.record, session.scheme),
        )


def status_line(progress: AnnotateProgress, width: int) -> Text:
    """The status line for ``width`` columns (see the module docstring)."""
    mark = STATUS_MARKS[progress.status]
    name = Part([progress.doc_id], "bold")
    when = Part([progress.date, ""])
    state = Part([mark, mark.split()[0]])
    flag = Part(["⚑ flagged", "⚑"] if progress.flagged else [""], "bold yellow")
    char = Part(["CHAR MODE", "CHAR"] if progress.char_mode else [""], "bold magenta")
    unknown = Part(["? not in scheme", "?"] if progress.unknown else [""], "bold yellow")
    who = Part([progress.annotator, cut_end(progress.annotator, 12)])
    total = progress.documents
    finished = Part([f"done {progress.done}/{total}", f"{progress.done}/{total}"])
    parts = [name, when, state, flag, char, unknown, who, finished]
    head = Text(f" {progress.position}/{total} ", style="bold reverse")
    head.append(" ")
    room = room_for(width, progress.save_state)

    def length() -> int:
        return joined_length(head.plain, parts)

    def cut_name(at_least: int) -> None:
        """The document id, whole or cut to the room the other parts leave (``at_least``)."""
        others = length() - len(name.text)
        name.wordings = [cut_end(progress.doc_id, max(room - others, at_least))]
        name.chosen = 0

    # The date first; then the document id is cut, down to ID_BEFORE_MARKS characters before
    # the marks' wordings shorten, to ID_BEFORE_WORDS before the status's and the progress's
    # words go (a trial at 80 columns read a bare "○ · root · 6/14"), to a few before the
    # name goes, and then takes the room the name leaves.
    fit(head.plain, parts, [when], room)
    for at_least, shortened in (
        (ID_BEFORE_MARKS, [flag, char, unknown]),
        (ID_BEFORE_WORDS, [who, state, finished]),
    ):
        cut_name(at_least)
        if length() > room:
            fit(head.plain, parts, shortened, room)
            cut_name(at_least)
    cut_name(DOC_ID_AT_LEAST)
    if length() > room:
        who.wordings.append("")
        who.shorten()
        cut_name(1)
    return pinned_line(head, parts, width, progress.save_state)
