"""Text whose invisible characters are drawn as dim escapes (``core.invisible_said``): a
zero-width space at a span's edge shown as ``⟨U+200B⟩``, a bidi control never written raw.
The annotation screen's panel and lists draw them instead as the article beside them does, one
dim symbol in place (``⇄``, ``◌``: ``drawn_in_place``), in rows kept to a few dozen cells.

A trial's review panel quoted “Kestria” with a zero-width space after it beside “Kestria”, the
same to the eye, and wrote a raw U+202E, which a bidi-aware terminal took as an order to
reverse the rest of the line. Text without such characters is appended as it was.
"""

from __future__ import annotations

from rich.text import Text

from annotator.core.display import display_text, shortened
from annotator.core.invisible_said import INVISIBLE, symbols_in_place, visible_pieces
from annotator.core.review_gold_form import REGION_WORDS, region_quoted

ESCAPE_STYLE = "dim"


def append_visible(out: Text, text: str, style: str = "") -> None:
    """``text`` appended to ``out`` in ``style``, its invisible characters as dim escapes."""
    if INVISIBLE.search(text) is None:
        out.append(text, style=style)
        return
    for piece, escaped in visible_pieces(text):
        out.append(piece, style=f"{style} {ESCAPE_STYLE}".strip() if escaped else style)


def append_quoted(out: Text, words: str, limit: int = REGION_WORDS) -> None:
    """``words`` quoted as the panel quotes a span's (``review_gold_form.region_quoted``),
    their invisible characters as dim escapes."""
    if INVISIBLE.search(words) is None:
        out.append(region_quoted(words, limit))
        return
    out.append("“")
    append_visible(out, shortened(words, limit))
    out.append("”")


def drawn_in_place(text: str, style: str = "") -> Text:
    """``text`` as the article draws it (its display copy, ``display_text``), each invisible
    character a dim one-cell symbol in its place (``symbols_in_place``). A span's words in the
    panel were written raw: a U+202E in them reversed the rest of the row, and a zero-width
    space showed nothing."""
    shown, symbols = symbols_in_place(text, display_text(text))
    out = Text(shown, style=style)
    for at in symbols:
        out.stylize(ESCAPE_STYLE, at, at + 1)
    return out


def quoted_in_place(words: str, limit: int = 24, style: str = "") -> Text:
    """``words`` quoted as ``display.quoted`` quotes a span's (spaces made one, cut in the
    middle past ``limit`` characters), drawn in place (``drawn_in_place``)."""
    out = Text("'", style=style)
    out.append_text(drawn_in_place(shortened(words, limit), style))
    out.append("'", style=style)
    return out
