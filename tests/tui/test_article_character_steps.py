"""ArticleView: → / ← and shift+→ / shift+← step over whole characters (an emoji with its
variation selector or skin tone, a joined family, a letter with its accent), in character mode
and out of it; ↑ / ↓ never land inside one. Offsets stay code points."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets.text_area import Selection

from annotator.tui.article import ArticleView
from tests.tui.test_article import run_with_article

# Article 06, cut down. Offsets: "alive" 0–5, " " 5, 🕊 6 VS16 7, 🙏 8 🏽 9, " Now" 10–14.
TEXT = "alive 🕊️🙏🏽 Now bring them.\nAll of us 👨\u200d👩\u200d👧 ❤️ Rene\u0301e.\n"


def test_shift_right_in_character_mode_takes_an_emoji_at_each_press() -> None:
    """The trial's `c`, `/alive` enter, escape, then shift+→: each emoji took two presses, and
    the panel said "(snapped from '︎' 969–970)", a lone U+FE0F."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.char_mode = True
        view.move_to_offset(5)
        await pilot.press("shift+right", "shift+right")
        assert view.selection == Selection((0, 5), (0, 8))
        assert view.selected_text == " 🕊️"
        assert view.drawn_selection() == (6, 8)
        await pilot.press("shift+right")
        assert view.selection == Selection((0, 5), (0, 10))
        assert view.selected_text == " 🕊️🙏🏽"
        await pilot.press("shift+left")
        assert view.selection == Selection((0, 5), (0, 8))
        await pilot.press("right")  # a selection: to its end, as the text area does
        assert view.selection == Selection.cursor((0, 8))
        await pilot.press("right", "right", "left", "left", "left")
        assert [view.cursor_offset] == [6]

    run_with_article(check, TEXT)


def test_plain_arrows_cross_a_family_and_an_accent_in_one_press() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        family = TEXT.index("👨")
        view.move_to_offset(family)
        offsets = []
        for key in ["right", "right", "right", "left"]:
            await pilot.press(key)
            offsets.append(view.cursor_offset)
        assert offsets == [family + 5, family + 6, family + 8, family + 6]
        accent = TEXT.index("e\u0301")
        view.move_to_offset(accent)
        await pilot.press("shift+right")
        assert view.selected_text == "e\u0301"
        await pilot.press("shift+right", "shift+right", "shift+right")  # on over the line break
        assert view.selection == Selection((1, accent - TEXT.index("All")), (2, 0))

    run_with_article(check, TEXT)


def test_up_and_down_never_land_inside_a_character() -> None:
    """Cell 12 of row 1 is the family's second 👩 (each emoji two cells, the joiners none):
    the cursor goes to the family's start, not between its code points."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        family = TEXT.index("👨")
        view.move_to_offset(13)  # cell 12 of row 0: the "w" of "Now"
        await pilot.press("down")
        assert view.cursor_offset == family
        await pilot.press("up")  # back to the cell the cursor came from
        assert view.cursor_offset == 13

    run_with_article(check, TEXT)
