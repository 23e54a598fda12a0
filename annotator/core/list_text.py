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
where it holds a comma or begins with a quote, or where it and the next would be read as one
known item (``shown_list``), and so reads back as itself.
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
    return _quoted(item)


def _quoted(item: str) -> str:
    return '"' + item.replace('"', '""') + '"'


def shown_list(items: Iterable[object], known: Iterable[str] = ()) -> str:
    """A list's items as one line: comma-separated, each as ``shown_item`` shows it, and read
    back by ``typed_list(…, known)`` as the same items. Separate items whose words, joined,
    are a known item's ("Pavel Ostrovin" and "41" beside a linked span "Pavel Ostrovin, 41",
    or one version's items beside another's in a review) would be read as that one item:
    the first of them is shown quoted, and quoted pieces are never joined."""
    texts = [str(item) for item in items]
    shown = [shown_item(text) for text in texts]
    joins = _KnownJoins(known)
    if joins:
        pairs = zip(texts, shown, strict=True)
        pieces = [ListPiece(text.strip(), text != show) for text, show in pairs]
        # Quoting a piece changes no run that starts after it: the ends are found once.
        plain_ends = _plain_ends(pieces)
        for at in range(len(pieces)):
            if joins.longest_at(pieces, at, plain_ends) is not None:
                shown[at] = _quoted(texts[at])
    return ", ".join(shown)


def typed_list(typed: str, known: Iterable[str] = ()) -> list[str]:
    """A list field's items from what a person typed in one input: comma-separated, each
    trimmed, empty ones left out, an item in double quotes kept whole (``list_items``; the
    annotation and review screens read lists so).

    An item that holds a comma itself ("Pavel Ostrovin, 41", filled from a span) also stays
    whole, typed without quotes, when it is one of ``known`` (the field's items as they were,
    its linked spans' texts): typed again as the span's words, it is the span's item."""
    pieces = list_items(typed)
    joins = _KnownJoins(known)
    if not joins:  # nothing to join: a pasted list of 1,000 names reads at once
        return [piece.text for piece in pieces if piece.text]
    plain_ends = _plain_ends(pieces)
    out: list[str] = []
    start = 0
    while start < len(pieces):
        joined = joins.longest_at(pieces, start, plain_ends)
        if joined is not None:
            item, start = joined
            out.append(item)
            continue
        if pieces[start].text:
            out.append(pieces[start].text)
        start += 1
    return out


class _KnownJoins:
    """The known items holding a comma, by the first of their comma-separated pieces: a run
    of pieces is tried as a known item only where its first piece begins one, and only as
    long as that item's pieces (trying every run to the end of the list, at every piece, made
    reading a 1,000-item list take seconds)."""

    def __init__(self, known: Iterable[str]) -> None:
        by_words = {_comma_spaced(item): item for item in known if "," in item}
        self._by_first: dict[str, list[tuple[int, str, str]]] = {}
        for words, item in by_words.items():
            first, *rest = words.split(", ")
            self._by_first.setdefault(first, []).append((len(rest) + 1, words, item))
        for joins in self._by_first.values():
            joins.sort(key=lambda join: -join[0])  # the longest first

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def longest_at(
        self, pieces: list[ListPiece], start: int, plain_ends: list[int]
    ) -> tuple[str, int] | None:
        """The longest known item that unquoted pieces from ``start`` on make, two at least
        (trimmed), and the index after them; None when there is none."""
        if pieces[start].quoted:
            return None
        for count, words, item in self._by_first.get(pieces[start].text, []):
            end = start + count
            if end <= plain_ends[start] and ", ".join(p.text for p in pieces[start:end]) == words:
                return item.strip(), end
        return None


def _plain_ends(pieces: list[ListPiece]) -> list[int]:
    """For each piece, where the run of unquoted pieces from it ends (the next quoted piece,
    or the end): computed once for the list, not again at every piece."""
    ends = [len(pieces)] * (len(pieces) + 1)
    for at in range(len(pieces) - 1, -1, -1):
        ends[at] = at if pieces[at].quoted else ends[at + 1]
    return ends


def _comma_spaced(item: str) -> str:
    return ", ".join(piece.strip() for piece in item.split(","))
