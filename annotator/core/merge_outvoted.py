"""What a merge with ``--min-agree K`` leaves out of gold because others outvoted it.

Under K below every annotator, K annotators agreeing settle a question, also on that nothing
more is there (``merge``'s docstring): a span fewer than K marked where K others marked
nothing more (or something else), a form answer (top-level, or an item's field) that lost to
one K gave, and a repeatable group's item fewer than K hold while K others do not, are left
out of gold with no conflict. A trial's gold lost a real second release and two spans so, and
nothing said it: ``GoldBuilder`` (``merge_spans``, ``merge_form``) notes each here, the one
place that decides it, and ``merge`` and the review say them (``outvoted_line``).

Each is noted once per document and what was given, with every annotator who gave it:
``kind`` is ``span``, ``field`` (an answer) or ``item``; ``what`` names it as a person reads it
(``location “Norvania” 40–48``, ``releases #1 count = 210``, ``releases: Kestria → Norvania, 6``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.form_compare import is_empty
from annotator.core.forms import path_words
from annotator.core.item_brief import item_fields_brief
from annotator.core.record_unallowed import value_words

if TYPE_CHECKING:
    from annotator.core.scheme import FormField

KINDS = (("span", "span(s)"), ("field", "answer(s)"), ("item", "item(s)"))
FIRST_FEW = 3
"""How many a summary line names before ``… and N more``."""


@dataclass(frozen=True)
class Outvoted:
    """One thing a merge left out of gold as outvoted, and who gave it."""

    doc_id: str
    kind: str  # "span", "field" or "item"
    what: str
    annotators: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "kind": self.kind,
            "what": self.what,
            "annotators": list(self.annotators),
        }

    def words(self) -> str:
        """``location “Norvania” 40–48 (erin)``."""
        return f"{self.what} ({', '.join(self.annotators)})"


class OutvotedNotes:
    """The outvoted of one document's merge, each what once with everyone who gave it."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self._who: dict[tuple[str, str], list[str]] = {}

    def note(self, kind: str, what: str, who: Iterable[str]) -> None:
        theirs = self._who.setdefault((kind, what), [])
        theirs.extend(name for name in who if name not in theirs)

    def span(
        self, start: int, end: int, label: str, text: str, value: Any, who: Iterable[str]
    ) -> None:
        self.note("span", span_what(start, end, label, text, value), who)

    def answers(self, path: str, ordered: Sequence[tuple[Any, list[str]]]) -> None:
        """The answers to ``path`` after the accepted one (``ordered``: the versions, the
        accepted first, ``merge_form.accepted``) that say something: an empty one gives
        nothing to leave out."""
        for value, who in ordered[1:]:
            if not is_empty(value):
                self.note("field", f"{path_words(path)} = {value_words(value)}", who)

    def item(self, group: FormField, item: dict[str, Any], who: Iterable[str]) -> None:
        self.note("item", f"{group.name}: {item_fields_brief(item, group)}", who)

    def found(self) -> list[Outvoted]:
        return [
            Outvoted(self.doc_id, kind, what, tuple(who)) for (kind, what), who in self._who.items()
        ]


def span_what(start: int, end: int, label: str, text: str, value: Any) -> str:
    """``location “Norvania” 40–48``; a value beside the words: ``count “95” = 96 14–16``."""
    shown = "" if value is None else f" = {value_words(value)}"
    return f"{label} “{text}”{shown} {start}–{end}"


def outvoted_counts(found: Iterable[Mapping[str, Any]]) -> str:
    """``2 span(s), 1 item(s)``: the kinds there are, in the order span, answer, item."""
    kinds = [one["kind"] for one in found]
    return ", ".join(f"{kinds.count(kind)} {words}" for kind, words in KINDS if kind in kinds)


def outvoted_line(found: Sequence[Mapping[str, Any]], min_agree: int | str | None) -> str:
    """One line saying what ``found`` (``Outvoted.as_json``'s) left out of gold, the first few
    named (``document: what (who)``); "" when nothing was outvoted."""
    if not found:
        return ""
    named = "; ".join(
        f"{one['doc_id']}: {one['what']} ({', '.join(one['annotators'])})"
        for one in found[:FIRST_FEW]
    )
    more = f"; and {len(found) - FIRST_FEW} more" if len(found) > FIRST_FEW else ""
    return (
        f"outvoted under --min-agree {min_agree}, left out of gold (fewer than {min_agree} "
        f"annotators gave each, {min_agree} or more gave something else or nothing there): "
        f"{outvoted_counts(found)}: {named}{more}"
    )
