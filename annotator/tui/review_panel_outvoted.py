"""The review panel's words on what the merge of the document on screen left out as outvoted
(``review_outvoted``): under the versions, or under a looked-at document's heading."""

from __future__ import annotations

from rich.text import Text

from annotator.core.review import ReviewSession
from annotator.core.review_outvoted import outvoted_here
from annotator.tui.visible_text import append_visible


def outvoted_text(session: ReviewSession, doc_id: str) -> Text | None:
    """The words, None when the merge left nothing out as outvoted there."""
    here = outvoted_here(session, doc_id)
    if here is None:
        return None
    out = Text("\n")
    out.append(here.head(), style="bold yellow")
    for line in here.lines():
        out.append("\n")
        # Annotators' words (a span's text, an answer) shown with their invisible characters.
        append_visible(out, line, "yellow" if line.startswith("•") else "dim")
    return out
