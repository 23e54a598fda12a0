"""ArticleView: spans after emoji sequences (a skin-tone modifier, a family joined by ZWJ, a dove
with VS16) are painted on the cells of their own characters, as rich measures the display
copy. (A terminal that draws "👍🏽" four cells wide, as tmux 3.3a does where rich counts two,
draws the rest of that row two cells to the right: the terminal disagrees, not the article.)"""

from __future__ import annotations

from rich.cells import cell_len
from textual.pilot import Pilot

from annotator.core.display import display_text
from annotator.core.models import Span
from annotator.tui.article import ArticleView
from tests.tui.test_article import run_with_article

TEXT = "Fans 👍🏽 cheered Norvania; 👩\u200d👩\u200d👧 and 🕊️ Kestria.\nPlain Norvania."
FIRST = TEXT.split("\n")[0]


def span(span_id: str, word: str, after: int = 0) -> Span:
    start = TEXT.index(word, after)
    return Span(id=span_id, start=start, end=start + len(word), label="actor", text=word)


def painted_cells(view: ArticleView, row: int) -> list[tuple[int, str]]:
    """(first cell, text) of each underlined stretch of the rendered ``row``."""
    painted, cell = [], 0
    for segment in view.render_line(row):
        if segment.style is not None and segment.style.underline:
            painted.append((cell, segment.text))
        cell += cell_len(segment.text)
    return painted


def test_spans_after_emoji_sequences_are_painted_on_their_characters() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.set_spans([span("s1", "Norvania"), span("s2", "Kestria"), span("s3", "Norvania", 40)])
        await pilot.pause()
        shown = display_text(FIRST)
        expected = [
            (cell_len(shown[: FIRST.index(word)]), word) for word in ("Norvania", "Kestria")
        ]
        assert painted_cells(view, 0) == expected
        # "Fans " 5 cells, "👍🏽" 2 (one group, as rich 15 measures it), " cheered " 9; then
        # "Norvania; " 10, the family 6 (its joiners shown as non-joiners), " and " 5, the
        # dove 1 (shown as text), a space.
        assert expected == [(16, "Norvania"), (39, "Kestria")]
        assert painted_cells(view, 1) == [(6, "Norvania")]

    run_with_article(check, TEXT)
