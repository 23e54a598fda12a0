"""Brackets at the edges of a span snapped to whole words (``spans.snap_selection``).

Snapping trims punctuation at a selection's edges, brackets too. Two rules keep a bracket pair
from being cut in half:

- a pair the selection holds half of goes whole when it is markup-like (``markup_pairs_left_out``):
  a square or curly bracket written against the word beside it, as markup copied with an
  article is: ``[bold red]303[/]`` gives ``303``, ``[b]FREE[/b]`` gives ``FREE`` (the guidelines'
  example 11: the count span is "303"), and a closing tag after punctuation too
  (``[i]Not one more night in the cells.[/i]`` gives ``Not one more night in the cells``);
- any other trimmed half comes back when the selection holds the other half
  (``with_whole_brackets``): ``(Kestria) said``, ``the poet Ilse [Ringo]`` stay so.

Parentheses are never markup-like: in prose they are written against words (``(re)election``,
``prisoner(s)``) and belong to them. Nor is one letter in brackets that is part of the word it
begins, an editor's change in a quote (``[T]hey``, ``[a]nd``): quotes in news carry many of
those. After a word, one letter in brackets is taken as markup (``Maro’s[x]``), as tags are.
"""

from __future__ import annotations

_OPENING = {")": "(", "]": "[", "}": "{"}
_MARKUP_CLOSING = "]}"
_MARKUP_OPENING = "[{"


def _unpaired(stretch: str) -> tuple[int | None, int | None]:
    """Where ``stretch`` first closes a bracket opened before it, and where it last opens one
    it leaves open (None: nowhere)."""
    opened: list[int] = []
    closes_outer: int | None = None
    for at, char in enumerate(stretch):
        if char in "([{":
            opened.append(at)
        elif char in _OPENING:
            if opened and stretch[opened[-1]] == _OPENING[char]:
                opened.pop()
            elif closes_outer is None:
                closes_outer = at
    return closes_outer, (opened[-1] if opened else None)


def markup_pairs_left_out(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` (words at both edges) without a markup-like bracket pair the edge
    trimming cut in half: a closing ``]`` or ``}`` inside whose pair opened before ``start`` and
    which touches the next word (``bold red]303`` gives ``303``), or an opening ``[`` or ``{``
    left open before ``end`` which touches the word before it (``FREE[/b`` gives ``FREE``).
    A possessive may then be left at the edge (``Maro’s[x]``): the caller trims to words again."""
    while True:
        closes_outer, _ = _unpaired(text[start:end])
        if closes_outer is None:
            break
        at = start + closes_outer
        word = _after_tags(text, at + 1, end)
        if text[at] not in _MARKUP_CLOSING or word >= end or not text[word].isalnum():
            break
        if word == at + 1 and _one_letter_of_the_word(
            text, text.rfind(_OPENING[text[at]], 0, at), at
        ):
            break
        start = word
    while True:
        _, leaves_open = _unpaired(text[start:end])
        if leaves_open is None:
            break
        at = start + leaves_open
        word = _before_tags(text, start, at)
        if text[at] not in _MARKUP_OPENING or word <= start:
            break
        # A closing tag (``[/i]``) is markup after punctuation too: ``cells.[/i]``.
        if not (text[word - 1].isalnum() or text.startswith("/", at + 1)):
            break
        end = word
    return start, end


def _one_letter_of_the_word(text: str, opening: int, closing: int) -> bool:
    """Whether the brackets at ``opening`` and ``closing`` hold one letter that begins the word
    after them: ``[T]hey`` (the word goes on in small letters). ``[b]FREE`` is markup: its word
    begins again with a capital."""
    if opening < 0 or closing != opening + 2 or not text[opening + 1].isalpha():
        return False
    after = text[closing + 1] if closing + 1 < len(text) else ""
    return after.isalpha() and after.islower()


def _after_tags(text: str, at: int, end: int) -> int:
    """Where the whole tags written from ``at`` on end (``at`` itself when none is there):
    ``[i][b]Oru`` has its tags one after another, all of them markup."""
    while at < end and text[at] in _MARKUP_OPENING:
        closing = text.find("]" if text[at] == "[" else "}", at, end)
        if closing < 0:
            break
        at = closing + 1
    return at


def _before_tags(text: str, start: int, at: int) -> int:
    """Where the whole tags written up to ``at`` begin (``at`` itself when none is there):
    ``FREE[/b][/i`` has a whole tag before the one left open."""
    while at > start and text[at - 1] in _MARKUP_CLOSING:
        opening = text.rfind("[" if text[at - 1] == "]" else "{", start, at)
        if opening < 0:
            break
        at = opening
    return at


def with_whole_brackets(text: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` (words at both edges, the selection ``low``..``high`` trimmed) with
    the other half of a bracket trimmed at an edge taken back, when the selection holds it:
    ``(Kestria) said`` stays so, not ``Kestria) said``. A bracket pair the trimming takes whole
    goes (``[Ringo]`` gives ``Ringo``)."""
    closes_outer, leaves_open = _unpaired(text[start:end])
    if closes_outer is not None:
        start = next(
            (at for at in range(start - 1, low - 1, -1) if _unpaired(text[at:end])[0] is None),
            start,
        )
    if leaves_open is not None:
        end = next(
            (at for at in range(end + 1, high + 1) if _unpaired(text[start:at])[1] is None),
            end,
        )
    return start, end
