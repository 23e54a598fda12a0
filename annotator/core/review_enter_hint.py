"""What enter does with what the review's value input holds, said under it (``e``, ``v``).

The inputs open holding the first version's value, selected, and the line under them read "a
whole number (1,200 or twelve hundred); empty: a vague count, no value": a trial could not tell
that enter takes the value shown. The line now says it, and follows the typing: ``enter takes
alice's 95; type to replace: …; empty: …`` while the input holds a version's value, ``enter:
a vague count, no value (bob's)`` while it is empty, and ``enter settles with what is typed``
once it is something else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from annotator.core.forms import typed_text
from annotator.core.item_brief import whose
from annotator.core.review_decisions import Conflict
from annotator.core.review_typed_start import listed


@dataclass(frozen=True)
class Given:
    """A value the versions gave, as the input shows it, and who gave it."""

    text: str
    annotators: tuple[str, ...]


def field_values(conflict: Conflict) -> list[Given]:
    """The values a plain field's versions gave, as its input shows them."""
    known = listed(conflict)
    return _merged(
        (typed_text(version.get("value"), known), version.get("annotators") or [])
        for version in conflict.get("versions") or []
    )


def span_values(conflict: Conflict) -> list[Given]:
    """The values a value conflict's versions give their span, as its input shows them."""
    return _merged(
        (typed_text(body.get("value")), version.get("annotators") or [])
        for version in conflict.get("versions") or []
        for body in version.get("spans") or []
    )


def _merged(pairs: Iterable[tuple[str, Any]]) -> list[Given]:
    by_text: dict[str, list[str]] = {}
    for text, annotators in pairs:
        names = by_text.setdefault(text.strip(), [])
        names.extend(str(name) for name in annotators if str(name) not in names)
    return [Given(text, tuple(names)) for text, names in by_text.items()]


def enter_hint(typed: str, given: list[Given], takes: str, empty: str, quoted: bool) -> str:
    """The line under a value input holding ``typed``: what enter does with it, then what the
    input takes (``takes``: "a whole number (1,200 or twelve hundred)") and what empty means
    (``empty``: "a vague count, no value"). ``quoted``: a text value, said in quotes."""
    text = typed.strip()
    theirs = next((one for one in given if one.text == text), None)
    if not text:
        gave = f" ({whose(list(theirs.annotators))})" if theirs and theirs.annotators else ""
        return f"enter: {empty}{gave}; or type {takes}"
    if theirs is not None:
        shown = f"“{text}”" if quoted else text
        who = f"{whose(list(theirs.annotators))} " if theirs.annotators else ""
        return f"enter takes {who}{shown}; type to replace: {takes}; empty: {empty}"
    return f"enter settles with what is typed; {takes}; empty: {empty}"
