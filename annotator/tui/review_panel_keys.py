"""The keys that settle the conflict in the review panel: a table beside the article, or, in a
narrow terminal (the panel under the article), a paragraph of short wordings, so the versions
keep the room (at 60 columns the table took seven lines of the panel's ten)."""

from __future__ import annotations

from typing import NamedTuple

from rich.table import Table
from rich.text import Text

from annotator.core.forms import path_words
from annotator.core.review_views import ConflictView
from annotator.core.scheme import Scheme


class KeyRow(NamedTuple):
    key: str
    action: str
    short: str  # the action in a word or two


def settle_key_rows(scheme: Scheme, view: ConflictView, char_mode: bool) -> list[KeyRow]:
    """The keys that settle ``view``'s conflict, in the order they are listed."""
    lone = view.lone_item is not None  # one item only some gave: taken or left out
    took = "add that version's item to gold" if lone else "take that version"
    # One version: its number alone ("1–1 take" read as a range gone wrong).
    numbers = "1" if len(view.versions) == 1 else f"1–{len(view.versions)}"
    rows = [KeyRow(numbers, took, "take")]
    lettered = [version.letter for version in view.versions if version.letter]
    if lettered:
        # An item one of two annotators gave has one version: its letter alone; a version
        # both gave ("a/b") is taken by either.
        letters = sorted({one for letter in lettered for one in letter.split("/")})
        both = any("/" in letter for letter in lettered)
        took = "take the version both gave" if both else "take that annotator's version"
        rows.append(KeyRow(" / ".join(letters), took, "annotator's"))
    if view.can_take_all:
        rows.append(KeyRow("t", "take every version", "all"))
    if view.can_reject:
        rejected = "leave the item out of gold" if lone else "reject them all"
        rows.append(KeyRow("r", rejected, "reject"))
    else:
        # Said rather than left out, why too (in the short wording as well): a reviewer
        # missing r in the list tried it anyway.
        reason = f"not here: {path_words(view.path or '')} is required"
        rows.append(KeyRow("r", reason, reason))
    if view.value_typed:
        rows.append(KeyRow("v", "type the value by hand", "value"))
    if view.kind == "span":
        # The mode outlasts a drawing: said here, where e is, as in the status line.
        if char_mode:
            rows.append(KeyRow("e", "draw by hand in character mode", "draw (chars)"))
        else:
            rows.append(KeyRow("e", "draw the span by hand", "draw"))
    else:
        field = scheme.field(view.path or "")
        if field is not None and field.type == "group":
            rows.append(KeyRow("e", "edit a version's items", "edit items"))
        else:
            rows.append(KeyRow("e", "type the value by hand", "type"))
    rows.append(KeyRow("n / p", "next / previous conflict", "move"))
    return rows


def keys_table(rows: list[KeyRow]) -> tuple[Table, str]:
    """The rows as a table of keys and actions, and the same as plain text."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(style="dim")
    for row in rows:
        table.add_row(row.key, row.action)
    return table, "\n".join(f"{row.key}  {row.action}" for row in rows)


def keys_paragraph(rows: list[KeyRow]) -> tuple[Text, str]:
    """The rows in one paragraph of short wordings (``1–2 take · t all · …``), and as plain."""
    out = Text()
    for number, row in enumerate(rows):
        if number:
            out.append(" · ", style="dim")
        out.append(row.key.replace(" / ", "/"), style="bold")
        out.append(f" {row.short}", style="dim")
    return out, out.plain
