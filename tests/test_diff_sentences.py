"""diff's sentence around a difference, judging only the sentence ends near it, equals the one
found from its whole paragraph's split (``sentences.sentences``), as diff found it before."""

from __future__ import annotations

import random

from annotator.core.diff_sentences import SentenceFinder, sentence_around
from annotator.core.sentences import sentences

# Pieces that make sentence ends and near misses: stops, abbreviations, initials, dotted
# capitals, quotes and brackets, spaces of every kind, line breaks, invisible breaks, CJK stops.
PIECES = [
    "Officials said",
    " ",
    "  ",
    ". ",
    ".",
    "! ",
    "? ",
    "… ",
    "Mr. ",
    "Gen. ",
    "J. ",
    "U.S. ",
    "etc. ",
    "3.5 ",
    "talks",
    "the",
    "Kovalenko",
    "” ",
    "“Yes.” ",
    "(",
    ")",
    "\n",
    "\r",
    "\u2028",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\t",
    "北京。",
    "x",
    "É",
    "2025",
]


def whole_paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """What diff gave before: the sentences of the paragraph (between ``\n``) around
    ``start``, all of them split, then ``sentence_around``."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", max(end - 1, start))
    high = len(text) if high == -1 else high
    bounds = [(a + low, b + low) for a, b in sentences(text[low:high])]
    return sentence_around(bounds, start, end)


def test_sentence_around_equals_that_of_the_whole_paragraphs_split() -> None:
    rng = random.Random(13)
    # Most paragraphs one line (judged lazily); some of several (\r, U+2028: split whole).
    one_line = [piece for piece in PIECES if piece not in ("\r", "\u2028")]
    for number in range(4000):
        pieces = PIECES if number % 4 == 0 else one_line
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        finder = SentenceFinder(text)
        for _ in range(8):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randint(1, 30))
            expected = whole_paragraph(text, start, end)
            assert finder.around(start, end) == expected, (text, start, end)


def test_differences_in_one_paragraph_share_its_judged_ends() -> None:
    text = "Gen. Petrov said so. Then 40 prisoners went home. Mr. Ivanov, too. The end."
    finder = SentenceFinder(text)
    start = text.index("40")
    assert finder.around(start, start + 2) == (text.index("Then"), text.index(" Mr."))
    start = text.index("Ivanov")
    assert finder.around(start, start + 6) == (text.index("Mr."), text.index(" The end"))
    assert finder.around(0, 3) == (0, text.index(" Then"))
