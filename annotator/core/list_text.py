"""A list field's items as one line of text, and back: the one reading (``typed_list``) and
the one showing (``shown_list``) of every input that holds a list (the annotation screen's
form, the review's ``e``), which ``forms.typed_list`` and ``forms.typed_text`` are.

Items are comma-separated, each trimmed. An item in double quotes (straight ``"…"`` or curly
``“…”``) keeps its commas: ``scrap the fee rise, "vice-chancellor, resign"`` is two items, the
quotes not part of the second; a quote doubled inside (``""``) is one quote. A trial typed that
line and stored three items, the quotes in them.

A quote opens an item only at its start, and closes it only where a comma or the end of the
line follows (spaces aside); an item whose quotes do not so close is read as typed, quotes and
all, up to the next comma: ``"Kill the Bill" march`` is one item as it stands, and a quote
half typed at a pause in the typing holds nothing together yet. An item shown back is quoted
where it holds a comma or begins with a quote, and so reads back as itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

# An opening quote and the quote that closes it.
QUOTES = {'"': '"', "“": "”"}


class ListPiece(NamedTuple):
    """One item of a typed list: its text (trimmed; "" where nothing is between two commas)
    and whether quotes held it together."""

    text: str
    quoted: bool


def list_items(typed: str) -> list[ListPiece]:
    """Every piece of ``typed`` between commas, a quoted item whole (module docstring)."""
    pieces: list[ListPiece] = []
    at = 0
    while True:
        quoted = _quoted_at(typed, at)
        if quoted is not None:
            text, at = quoted
            pieces.append(ListPiece(text.strip(), True))
        else:
            comma = typed.find(",", at)
            end = len(typed) if comma < 0 else comma
            pieces.append(ListPiece(typed[at:end].strip(), False))
            at = end
        if at >= len(typed):
            return pieces
        at += 1  # past the comma


def _quoted_at(typed: str, at: int) -> tuple[str, int] | None:
    """The text of a quoted item beginning at ``at`` (spaces before its quote aside) and
    where the comma after it is (or the end); None when no quoted item begins there."""
    start = at
    while start < len(typed) and typed[start].isspace():
        start += 1
    closing = QUOTES.get(typed[start : start + 1])
    if closing is None:
        return None
    held: list[str] = []
    here = start + 1
    while here < len(typed):
        char = typed[here]
        if char != closing:
            held.append(char)
            here += 1
        elif typed[here + 1 : here + 2] == closing:  # doubled: one quote in the item
            held.append(closing)
            here += 2
        else:
            after = here + 1
            while after < len(typed) and typed[after].isspace():
                after += 1
            if after < len(typed) and typed[after] != ",":
                return None  # more after the quote: not a quoted item
            return "".join(held), after
    return None  # never closed


def shown_item(item: str) -> str:
    """An item as a list's text shows it: quoted where it holds a comma or begins with a
    quote (its quotes doubled), so that ``list_items`` reads it back as itself."""
    if "," not in item and item.lstrip()[:1] not in QUOTES:
        return item
    return '"' + item.replace('"', '""') + '"'


def shown_list(items: Iterable[object]) -> str:
    """A list's items as one line: comma-separated, each as ``shown_item`` shows it."""
    return ", ".join(shown_item(str(item)) for item in items)


def typed_list(typed: str, known: Iterable[str] = ()) -> list[str]:
    """A list field's items from what a person typed in one input: comma-separated, each
    trimmed, empty ones left out, an item in double quotes kept whole (``list_items``; the
    annotation and review screens read lists so).

    An item that holds a comma itself ("Pavel Ostrovin, 41", filled from a span) also stays
    whole, typed without quotes, when it is one of ``known`` (the field's items as they were,
    its linked spans' texts): typed again as the span's words, it is the span's item."""
    pieces = list_items(typed)
    with_commas = {_comma_spaced(item): item for item in known if "," in item}
    out: list[str] = []
    start = 0
    while start < len(pieces):
        # The longest known item first, of the unquoted pieces from ``start`` on.
        plain = start
        while plain < len(pieces) and not pieces[plain].quoted:
            plain += 1
        for end in range(plain, start + 1, -1):
            item = with_commas.get(", ".join(piece.text for piece in pieces[start:end]))
            if item is not None:
                out.append(item.strip())
                start = end
                break
        else:
            if pieces[start].text:
                out.append(pieces[start].text)
            start += 1
    return out


def _comma_spaced(item: str) -> str:
    return ", ".join(piece.strip() for piece in item.split(","))
