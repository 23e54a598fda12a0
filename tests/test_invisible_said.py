"""Invisible characters said (``core.invisible_said``), shared by diff's excerpts and review's
panel: each an escape of its code point, an emoji group's joiner kept, the pieces told apart
so that a screen can draw the escapes dim."""

from __future__ import annotations

from annotator.commands import diff_excerpt
from annotator.core import invisible_said
from annotator.core.display import display_text
from annotator.core.invisible_said import symbols_in_place, visible, visible_json, visible_pieces

FAMILY = "👨\u200d👩\u200d👧"


def test_pieces_tell_the_escapes_apart() -> None:
    assert visible_pieces("Kestria\u200b") == [("Kestria", False), ("⟨U+200B⟩", True)]
    assert visible_pieces("\u202eHedda Aro\u202c") == [
        ("⟨U+202E⟩", True),
        ("Hedda Aro", False),
        ("⟨U+202C⟩", True),
    ]
    assert visible_pieces("Kestria") == [("Kestria", False)]


def test_an_emoji_groups_joiner_is_kept_a_lone_one_escaped() -> None:
    assert visible(f"{FAMILY} a\u200db\tc") == f"{FAMILY} a⟨U+200D⟩b⇥c"
    assert "".join(piece for piece, _ in visible_pieces(f"x{FAMILY}\u200b")) == (
        f"x{FAMILY}⟨U+200B⟩"
    )


def test_json_writes_them_as_u_escapes() -> None:
    assert visible_json('"12\u200b"') == '"12\\u200b"'
    assert visible_json('"\U000e0020"') == '"\\udb40\\udc20"'


def test_diff_shows_them_by_core_s_rule() -> None:
    assert diff_excerpt.visible is invisible_said.visible
    assert diff_excerpt.visible_json is invisible_said.visible_json
    assert diff_excerpt.INVISIBLE is invisible_said.INVISIBLE


def test_the_article_draws_them_as_one_symbol_each_in_place() -> None:
    # An escape is wider than its character: the article's columns must stay the text's code
    # points, so a symbol of one cell stands in each one's place, a direction control as ⇄.
    text = f"Kestria\u200b met \u202eHedda\u202c {FAMILY} a\u200d b\tc"
    shown, offsets = symbols_in_place(text, display_text(text))
    assert shown == "Kestria◌ met ⇄Hedda⇄ 👨\u200c👩\u200c👧 a◌ b⇥c"
    assert len(shown) == len(text)
    assert offsets == [7, 13, 19, 28]
    assert symbols_in_place("Kestria met", "Kestria met") == ("Kestria met", [])


def test_a_joiner_inside_a_word_is_spelling_left_unseen() -> None:
    # Sinhala's ශ්‍රී (after a virama) and Persian's می‌خواهم join or part letters by them.
    for word in ("ශ්\u200dරී", "می\u200cخواهم"):
        assert symbols_in_place(word, display_text(word)) == (display_text(word), [])
    edge = "ශ්\u200d ලංකාව"
    assert symbols_in_place(edge, display_text(edge)) == ("ශ්◌ ලංකාව", [2])
