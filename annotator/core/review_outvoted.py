"""What the merge of the document on the review's screen left out of gold as outvoted.

Under ``--min-agree K`` a span, an answer or an item fewer than K gave, where K others gave
something else or nothing, is left out of gold with no conflict (``merge_outvoted``): the
review walks conflicts only, so a reviewer never saw it, nor could take back a wrong
decision. The panel says it for the document on screen, as the merge of its annotators'
records (as the review read them) by the gold file's rule decides it (``merge.outvoted_in``,
the one place that decides it), and where the review can still put one into gold: an item,
by typing it with ``e`` on an open conflict over its group. Nothing else adds a span or an
item by hand (``e`` draws a span only within a span conflict's words).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from weakref import WeakKeyDictionary

from annotator.core.merge import outvoted_in
from annotator.core.merge_outvoted import Outvoted, outvoted_line
from annotator.core.review import ReviewSession

# The session's units are the records as the review read them, for the whole review: what
# each document's merge outvotes does not change while it runs.
_FOUND: WeakKeyDictionary[ReviewSession, dict[tuple[str, int], list[Outvoted]]] = (
    WeakKeyDictionary()
)


@dataclass(frozen=True)
class OutvotedHere:
    """The outvoted of one document, and the conflict whose ``e`` can type an item in."""

    found: list[Outvoted]
    rule: int
    typed_in: dict[str, str]  # group -> the id of an open conflict over its items

    def head(self) -> str:
        # Short: the panel is narrow; README says what outvoted means.
        return f"Left out of gold, outvoted (--min-agree {self.rule}):"

    def lines(self) -> list[str]:
        """Each outvoted thing, who gave it; then how the review can still add it."""
        lines = [f"• {one.words()}" for one in self.found]
        typable = [one for one in self.found if _group_of(one) in self.typed_in]
        for group in sorted({one.what.split(":", 1)[0] for one in typable}):
            lines.append(f"e on {self.typed_in[group]} ({group}) can type such an item into gold.")
        if len(typable) < len(self.found):
            them = "the others" if typable else "them"
            lines.append(f"The review has no key that adds {them} to gold.")
        return lines

    def words(self) -> str:
        return "\n".join([self.head(), *self.lines()])


def outvoted_here(session: ReviewSession, doc_id: str) -> OutvotedHere | None:
    """What merging ``doc_id`` by the gold file's rule leaves out as outvoted; None when
    nothing is (or the document is not compared now)."""
    unit = session.units.get(doc_id)
    rule = session.min_agree
    if unit is None or rule is None:
        return None
    # Merged once per document: the panel is drawn again at each move of a drawn selection.
    known = _FOUND.setdefault(session, {})
    found = known.get((doc_id, rule))
    if found is None:
        found = known[(doc_id, rule)] = outvoted_in(unit, session.scheme, rule)
    if not found:
        return None
    typed_in: dict[str, str] = {}
    if doc_id in session.records and session.records.conflicts(doc_id):
        for conflict in session.records[doc_id].conflicts:
            path = conflict.get("path") or ""
            group = session.scheme.field(path)
            if group is not None and group.type == "group":
                typed_in.setdefault(path, conflict["id"])
    return OutvotedHere(found, rule, typed_in)


def _group_of(one: Outvoted) -> str | None:
    """The group of an outvoted item (``releases: …``), None for a span or an answer."""
    return one.what.split(":", 1)[0] if one.kind == "item" else None


def outvoted_said(output: Path, found: list[Outvoted], rule: int | None) -> list[str]:
    """The start-up message on what the documents merged as the review opened left out of
    gold as outvoted, as ``annotator merge`` says it; the panel names them per document."""
    said = outvoted_line([one.as_json() for one in found], rule)
    if not said:
        return []
    return [f"{output.name}: {said} (the panel names them on each document's screen)"]
