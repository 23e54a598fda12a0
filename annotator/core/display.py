"""The display copy of an article, and a line index for code-point offsets.

The article widget shows a *display copy* of the text, never the text itself. A terminal cannot
show control characters, and ``str.splitlines`` (which the text widget uses to cut the text into
lines) breaks lines on more characters than ``\\n``. Either would put screen positions and
code-point offsets out of step. So every such character is replaced **one-for-one** by a visible
one-cell symbol:

=============================  ====================  =========================================
characters                     shown as              why
=============================  ====================  =========================================
C0 controls except ``\\n``       ``␀`` … ``␟``         Control Pictures (U+2400 + code); this
                                                     covers CR ``␍``, VT ``␋``, FF ``␌``, ESC
                                                     ``␛`` and the separators ``␜ ␝ ␞ ␟``
TAB ``\\t``                      ``⇥``                 a tab would expand to several cells
DEL ``\\x7f``                    ``␡``
NEL ``\\x85``                    ``␤``                 a line break for ``str.splitlines``
other C1 controls ``\\x80-\\x9f``  ``⍰``                 a terminal may act on them (``\\x9b`` CSI)
LINE SEPARATOR U+2028          ``↲``
PARAGRAPH SEPARATOR U+2029     ``⁋``
lone surrogates U+D800-DFFF    ``⍰``                 they cannot be written to a terminal
=============================  ====================  =========================================

Every symbol is one cell wide (East Asian width "neutral", so CJK terminals agree), hence
``len(display_text(t)) == len(t)``, ``\\n`` stays where it was, and no other character of the
copy breaks a line.

Two invisible characters are swapped for their invisible siblings, because they make a group
of characters wider or narrower than its characters one by one: ZERO WIDTH JOINER (U+200D,
which fuses 👩‍👩‍👧 into one two-cell picture) becomes ZERO WIDTH NON-JOINER (U+200C), and
VARIATION SELECTOR-16 (U+FE0F, which widens 🕊️ from one cell to two) becomes VARIATION
SELECTOR-15 (U+FE0E). The five skin-tone modifiers (U+1F3FB-U+1F3FF, which rich counts as part
of a two-cell 👍🏽 and tmux 3.3 draws as two cells more, shifting the rest of the row) become
ZERO WIDTH NON-JOINER too. Terminals disagree about those widths, and the text widget maps mouse
positions one character at a time while drawing whole groups; with the swap, every count agrees
(the family shows as three people, the dove as a one-cell text dove, 👍🏽 as 👍 without its
tone). Everything else, other emoji, flags and combining marks included, is left alone. A
spacing mark (a Hindi vowel sign such as U+093F) has no stand-in that still reads as itself: the
terminal screens and diff's report measure it as terminals draw it instead, one cell
(``annotator.core.cell_widths``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len, get_character_cell_size

# The words a record's status goes by in a message.
STATUS_WORDS = {"done": "done", "skipped": "skipped", "in_progress": "in progress"}
TAB_SYMBOL = "⇥"
DEL_SYMBOL = "␡"
NEL_SYMBOL = "␤"
LINE_SEPARATOR_SYMBOL = "↲"
PARAGRAPH_SEPARATOR_SYMBOL = "⁋"
UNSHOWABLE_SYMBOL = "⍰"
ZERO_WIDTH_JOINER_STAND_IN = "\u200c"  # ZERO WIDTH NON-JOINER
EMOJI_VARIATION_STAND_IN = "\ufe0e"  # VARIATION SELECTOR-15 (text presentation)
LINE_BREAK_SYMBOL = "⏎"  # a line break inside an excerpt shown on one line


def _symbol_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in range(0x20):
        if code != 0x0A:
            table[chr(code)] = chr(0x2400 + code)
    table["\t"] = TAB_SYMBOL
    table["\x7f"] = DEL_SYMBOL
    for code in range(0x80, 0xA0):
        table[chr(code)] = UNSHOWABLE_SYMBOL
    table["\x85"] = NEL_SYMBOL
    table["\u2028"] = LINE_SEPARATOR_SYMBOL
    table["\u2029"] = PARAGRAPH_SEPARATOR_SYMBOL
    table["\u200d"] = ZERO_WIDTH_JOINER_STAND_IN
    table["\ufe0f"] = EMOJI_VARIATION_STAND_IN
    for code in range(0x1F3FB, 0x1F400):  # skin-tone modifiers
        table[chr(code)] = ZERO_WIDTH_JOINER_STAND_IN
    return table


_SYMBOLS = _symbol_table()
# A regex search stays fast (a few ms per MB) whatever the script; str.translate is as fast only
# on ASCII text and some 25 times slower on Cyrillic or emoji.
_NEEDS_SYMBOL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200d\u2028\u2029\ud800-\udfff\ufe0f\U0001f3fb-\U0001f3ff]"
)


def _symbol_for(match: re.Match[str]) -> str:
    return _SYMBOLS.get(match.group(), UNSHOWABLE_SYMBOL)


def display_text(text: str) -> str:
    """The display copy of ``text``: same length, same ``\\n``, no control or line-breaking
    character, and as wide as its characters one by one."""
    return _NEEDS_SYMBOL.sub(_symbol_for, text)


def one_line_text(text: str) -> str:
    """The display copy of ``text`` with each ``\\n`` shown as ``⏎``: same length, one line."""
    return display_text(text).replace("\n", LINE_BREAK_SYMBOL)


def shortened(text: str, limit: int) -> str:
    """``text`` with its spaces made one, and, when longer than ``limit`` characters, its start
    and its end kept around an ``…`` (at spaces where that loses little): a selection's last
    word is where a word-by-word slip shows (a trial labelled "… last year's" without
    "provinces", its message cut before the end)."""
    return middle_cut(" ".join(text.split()), limit)


def middle_cut(text: str, limit: int) -> str:
    """``text`` as it is when at most ``limit`` characters long, else its start and its end
    kept around an ``…`` (at spaces where that loses little): ``shortened`` without making its
    spaces one (carry over's ``words_as_written`` shows them as they are)."""
    if len(text) <= limit:
        return text
    if limit < 9:
        return text[: max(limit - 1, 0)] + "…"
    room = limit - 1  # the ellipsis
    head_end = room - room // 3
    if text[head_end] == " ":
        head = text[:head_end] + " "  # the head ends a word: its space shows it
    else:
        space = text.rfind(" ", 0, head_end)
        head = (
            text[: space + 1] if space > 0 and head_end - space <= _WORD_SLACK else text[:head_end]
        )
    tail_start = len(text) - (room - len(head))
    if text[tail_start - 1] != " ":
        space = text.find(" ", tail_start)
        if space != -1 and space - tail_start <= _WORD_SLACK:
            tail_start = space
    return head + "…" + text[tail_start:]


# A cut moves to a space when that leaves out at most this many characters more.
_WORD_SLACK = 4


def quoted(text: str, limit: int = 24) -> str:
    """A span's words as a message names them: quoted, spaces made one, cut in the middle to
    ``limit`` characters (``shortened``), shown as the article shows them (``repr`` would
    write the joiner inside an emoji as an escape, and a tab as ``\\t``), and each invisible
    character as its escape (``invisible_said.visible_words``: ``⟨U+202E⟩``). Written raw, a
    U+202E in "relabelled s1 'Hedda\u202eAro' ..." reversed the rest of the toast's line, and a
    zero-width space showed nothing."""
    # invisible_said builds on this module's display copy: imported here, not at the top.
    from annotator.core.invisible_said import visible_words

    return "'" + visible_words(shortened(text, limit)) + "'"


def _cells_before(shown: str, start: int, end: int, cells: int) -> int:
    """The smallest ``low >= start`` with ``shown[low:end]`` at most ``cells`` cells wide."""
    low = max(start, end - cells)
    piece = shown[low:end]
    if cell_len(piece) <= cells:
        return low
    used = 0
    low = end
    while low > start and used + get_character_cell_size(shown[low - 1]) <= cells:
        low -= 1
        used += get_character_cell_size(shown[low])
    return low


def _cells_after(shown: str, start: int, end: int, cells: int) -> int:
    """The largest ``high <= end`` with ``shown[start:high]`` at most ``cells`` cells wide."""
    high = min(end, start + cells)
    if cell_len(shown[start:high]) <= cells:
        return high
    used = 0
    high = start
    while high < end and used + get_character_cell_size(shown[high]) <= cells:
        used += get_character_cell_size(shown[high])
        high += 1
    return high


def excerpt_window(
    shown: str, stretch: tuple[int, int], focus: tuple[int, int], cells: int
) -> tuple[int, int]:
    """The part of ``shown[stretch[0]:stretch[1]]`` to show in ``cells`` cells around ``focus``.

    The whole stretch when it fits. Otherwise a window holding the focus with as much text
    either side as fits (what one side cannot use goes to the other), cut between words where
    that loses nothing of the focus, and one cell kept at each cut end for an ellipsis. A focus
    wider than the room is shown from its start. ``shown`` is a display copy on one line
    (``one_line_text``); widths are terminal cells, so wide characters count double.
    """
    first, last = stretch
    low, high = max(first, focus[0]), min(last, focus[1])
    if cell_len(shown[first:last]) <= cells:
        return first, last
    room = max(cells - 2, 1)  # an ellipsis at each cut end
    middle = cell_len(shown[low:high])
    if middle >= room:
        return low, _cells_after(shown, low, high, room)
    spare = room - middle
    start = _cells_before(shown, first, low, spare // 2)
    end = _cells_after(shown, high, last, spare - cell_len(shown[start:low]))
    if end == last:  # the right side did not need all of its share: widen the left
        start = _cells_before(shown, first, low, spare - cell_len(shown[high:end]))
    if start > first and not shown[start - 1].isspace():  # cut inside a word: drop the piece
        space = shown.find(" ", start, low)
        if space != -1:
            start = space + 1
    if end < last and not shown[end].isspace():
        space = shown.rfind(" ", high, end)
        if space != -1:
            end = space
    while start < low and shown[start].isspace():
        start += 1
    while end > high and shown[end - 1].isspace():
        end -= 1
    return start, end


class LineIndex:
    """Where each line of a text starts, to turn offsets into (row, column) and back.

    Lines are split on ``\\n`` only (as in the display copy); a text ending in ``\\n`` has an
    empty last line, as the text widget has. Both conversions are O(log lines).
    """

    __slots__ = ("_starts", "_text_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts
        self._text_length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    @property
    def text_length(self) -> int:
        return self._text_length

    def line_start(self, row: int) -> int:
        """The offset of the first character of line ``row``."""
        self._check_row(row)
        return self._starts[row]

    def line_length(self, row: int) -> int:
        """The number of characters of line ``row``, its ``\\n`` excluded."""
        self._check_row(row)
        if row + 1 < len(self._starts):
            return self._starts[row + 1] - 1 - self._starts[row]
        return self._text_length - self._starts[row]

    def location(self, offset: int) -> tuple[int, int]:
        """The (row, column) of a code-point offset; the offset of a ``\\n`` ends its line."""
        if not 0 <= offset <= self._text_length:
            raise ValueError(f"offset {offset} is outside the text (0..{self._text_length})")
        row = bisect_right(self._starts, offset) - 1
        return row, offset - self._starts[row]

    def offset(self, row: int, column: int) -> int:
        """The code-point offset of (row, column)."""
        length = self.line_length(row)
        if not 0 <= column <= length:
            raise ValueError(f"column {column} is outside line {row} (0..{length})")
        return self._starts[row] + column

    def _check_row(self, row: int) -> None:
        if not 0 <= row < len(self._starts):
            raise ValueError(f"row {row} is outside the text (0..{len(self._starts) - 1})")
