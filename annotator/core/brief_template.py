"""A group's ``brief``: how the scheme names one of its items in a line, as the author wrote it.

``brief = "{released_by} → {received_by}, {count}, {date}"``: each ``{field}`` one of the
group's fields, the text between them the author's own. The arrow is the default scheme's
(a giver and a receiver); another scheme's items are not two parties, and a protest's
``who`` and ``where`` joined by one read as "taken to". So the words are data, and a group
without a brief is named plainly (``item_brief``).

Read here, without the scheme model, so that the model and ``scheme_cross_checks`` (which says
every problem of a scheme file at its line) check a brief alike.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import NamedTuple

_PLACE = re.compile(r"\{([^{}]*)\}")


class BriefParts(NamedTuple):
    """A brief cut at its fields: ``texts`` has one more entry than ``names``, the text
    before each name, then the text after the last."""

    texts: list[str]
    names: list[str]


def brief_parts(brief: str) -> BriefParts:
    pieces = _PLACE.split(brief)
    return BriefParts(pieces[0::2], [name.strip() for name in pieces[1::2]])


def brief_problem(brief: str, fields: list[str]) -> str | None:
    """What is wrong with ``brief`` for a group of ``fields`` (their names), or None."""
    parts = brief_parts(brief)
    example = ", ".join(f"{{{name}}}" for name in fields[:2])
    if any("{" in text or "}" in text for text in parts.texts):
        return (
            f"brief {brief!r} has a brace that is not around a field's name; write each "
            f'field to show as {{name}}, e.g. brief = "{example}"'
        )
    if not parts.names:
        return (
            f"brief {brief!r} names none of the group's fields; write each field to show "
            f'in braces, e.g. brief = "{example}"'
        )
    for name in parts.names:
        if name not in fields:
            close = get_close_matches(name, fields, n=1, cutoff=0.6)
            hint = f"; did you mean {{{close[0]}}}?" if close else ""
            return (
                f"brief {brief!r}: {{{name}}} is not a field of this group (its fields: "
                f"{', '.join(fields)}){hint}"
            )
    return None
