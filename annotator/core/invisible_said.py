"""Invisible characters said: each shown as an escape of its code point, never written raw.

A zero-width space, a joiner, a byte order mark or a direction mark at a span's edge is often
why two spans differ, and printed as it is it shows nothing: the two look the same. A bidi
control does worse: the terminal reorders the rest of the line around it. So each such
character (``INVISIBLE``) is shown as ``⟨U+200B⟩`` (``escape``), or, in JSON, as ``\\u200b``
(``visible_json``: the same JSON, and ``"12\\u200b"`` reads apart from ``"12"``). The one
exception is a zero-width joiner inside an emoji group (👨‍👩‍👧): it is what makes the group one
picture, two cells wide, and a span never cuts one (a span takes whole characters), so it is
kept.

``annotator diff`` shows them so in its excerpts and quoted texts, ``annotator agree`` and
``annotator stats`` in their tables' names and document ids, ``annotator review`` in its
panel's quoted span texts and values, and both screens in the words and values their
messages quote (``visible_words``: ``display.quoted``, ``review_decisions.short``): a trial's
review panel showed “Kestria​” (a zero-width space after it) beside “Kestria”, the same to the
eye, and wrote a raw U+202E, which the terminal took as an order to reverse the rest of the
line.

The article (of the annotation screen and of the review) cannot widen a character into an
escape: its columns are the text's code points. There each one is drawn in its place as one
one-cell symbol instead (``symbols_in_place``): a direction mark or control as ``⇄``, any
other as ``◌``, the dotted circle Unicode's charts stand for a character with no look of its
own. The review's article wrote the raw U+202E, and its line came out reversed. A joiner or
non-joiner between a word's letters is spelling there, not a slip (the Sinhala ශ්‍රී, Persian's
می‌خواهم): the article leaves it as the display copy has it, unseen, as in any reader.
"""

from __future__ import annotations

import re
import unicodedata

from annotator.core.display import display_text, one_line_text

# The tokenizer's pictographs and skin tones: what a joiner kept in an emoji group stands
# between (its characters hold such a joiner inside one character, so no span cuts it).
from annotator.core.tokens import _PICTOGRAPHS, _SKIN_TONES

# Characters drawn as nothing, or as nothing but a change of direction: the format characters
# (Cf) a text holds unseen, the combining grapheme joiner and the Hangul fillers (blank).
# The Arabic and Syriac signs among the Cf (U+0600-0605, U+06DD, U+070F...) are drawn, so left.
INVISIBLE_CLASS = (
    "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
# An invisible character (group 1), or a joiner between two pictographs (the first maybe toned
# or with its emoji selector), which is left as it is.
NOT_SHOWN = re.compile(
    f"(?:(?<=[{_PICTOGRAPHS}{_SKIN_TONES}\ufe0f])\u200d(?=[{_PICTOGRAPHS}]))|([{INVISIBLE_CLASS}])"
)


def escape(char: str) -> str:
    """How an invisible character is shown: ``⟨U+200B⟩``."""
    return f"⟨U+{ord(char):04X}⟩"


def visible(text: str) -> str:
    """``text`` on one line as the display copy shows it, its invisible characters escaped
    (an emoji group's joiners kept): for a name or a document id."""
    return "".join(piece for piece, _escape in visible_pieces(text))


def visible_words(text: str) -> str:
    """``text`` on one line as a message quotes a span's words or a value (a toast, a box's
    title): as ``visible`` shows it, but an emoji group's joiner as the display copy has it
    (a non-joiner, ``display.display_text``), so that Textual measures the message as the
    terminal draws it. A message quoting "Hedda\u202eAro" wrote the U+202E raw, and the
    terminal reversed the rest of its line."""
    return display_text(visible(text))


def visible_pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` on one line as ``visible`` shows it, in pieces, each an escape (True) or the
    display copy of the text between (False, an emoji group's joiner as it is), so that a
    screen can draw the escapes apart (dim). One piece when ``text`` holds none of them."""
    if INVISIBLE.search(text) is None:
        return [(one_line_text(text), False)]
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in NOT_SHOWN.finditer(text):
        if match.start() > last:
            pieces.append((one_line_text(text[last : match.start()]), False))
        char = match.group(1)
        # An emoji group's joiner is kept as it is: the display copy writes it as U+200C.
        pieces.append((match.group(), False) if char is None else (escape(char), True))
        last = match.end()
    if last < len(text):
        pieces.append((one_line_text(text[last:]), False))
    return pieces


# One cell each (East Asian width neutral, as the display copy's symbols), so the article's
# columns and the text's offsets stay in step.
DIRECTION_SYMBOL = "⇄"
INVISIBLE_SYMBOL = "◌"
_JOINERS = frozenset("\u200c\u200d")
_DIRECTION_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def symbols_in_place(text: str, shown: str) -> tuple[str, list[int]]:
    """``shown`` (``text``'s display copy: as long, character for character) with each of
    ``text``'s invisible characters in its place as a symbol (``DIRECTION_SYMBOL``,
    ``INVISIBLE_SYMBOL``; an emoji group's joiner, and a joiner inside a word, left as the
    copy has it), and the offsets of those symbols, in order: a screen draws them dim.
    ``shown`` itself when there is none."""
    if text.isascii() or INVISIBLE.search(text) is None:
        return shown, []
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in NOT_SHOWN.finditer(text):
        char = match.group(1)
        if char is None or (char in _JOINERS and _inside_a_word(text, match.start())):
            continue
        at = match.start()
        pieces += [
            shown[last:at],
            DIRECTION_SYMBOL if char in _DIRECTION_CONTROLS else INVISIBLE_SYMBOL,
        ]
        offsets.append(at)
        last = at + 1
    pieces.append(shown[last:])
    return "".join(pieces), offsets


def _inside_a_word(text: str, at: int) -> bool:
    """Whether ``text[at]`` stands between a letter (or a letter's mark) and a letter."""
    if at == 0 or at + 1 == len(text):
        return False
    return unicodedata.category(text[at - 1])[0] in "LM" and text[at + 1].isalpha()


def _json_escape(match: re.Match[str]) -> str:
    char = match.group(1) or match.group(2)  # an invisible character, a C1 control
    if char is None:
        return match.group()
    code = ord(char)
    if code > 0xFFFF:  # JSON writes it as its UTF-16 pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# orjson writes these as they are; a terminal may act on a C1 control (U+009B opens a sequence).
_JSON_NOT_SHOWN = re.compile(f"{NOT_SHOWN.pattern}|([\x7f-\x9f])")
_JSON_UNSHOWN = re.compile(f"[{INVISIBLE_CLASS}\x7f-\x9f]")


def visible_json(written: str) -> str:
    """JSON as orjson wrote it, its invisible characters (and DEL, C1 controls) written as
    ``\\u`` escapes: still the same JSON, and ``"12\\u200b"`` reads apart from ``"12"``."""
    if written.isascii() or _JSON_UNSHOWN.search(written) is None:
        return written
    return _JSON_NOT_SHOWN.sub(_json_escape, written)
