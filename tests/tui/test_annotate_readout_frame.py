"""Pilot at 80x24: what a label key would write of the selection is also in the article frame's
bottom border, which stacked messages do not cover while the article has the focus (a trial's
two or three toasts hid the panel's readout, read before pressing a label key)."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from rich.text import Text
from textual.pilot import Pilot

from annotator.core.models import Span
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.span_detail import SpanDetail

# At 80x24 the whole readout fits: the first words are kept whole (they went first before).
RUSSIA = "a label key labels 'Russia' 16–22"


def test_the_readout_is_in_the_article_frame_under_the_messages(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).query_one(ArticleView)
        await press(pilot, *["right"] * 17, *["shift+right"] * 3)  # "uss" of "Russia"
        assert Text.from_markup(article.border_subtitle or "").plain == RUSSIA
        # Three messages stacked: v, x and r with nothing to act on.
        await press(pilot, "v", "x", "r")
        await wait_for(pilot, lambda: len(app.screen.query("Toast")) >= 3)
        bottom = article.region.bottom - 1  # the frame's bottom border
        for toast in app.screen.query("Toast"):
            assert not toast.region.y <= bottom < toast.region.bottom, toast.region
        assert article.has_focus
        assert Text.from_markup(article.border_subtitle or "").plain == RUSSIA
        await press(pilot, "right")  # no selection: nothing said
        assert not article.border_subtitle

    drive(session, scenario, size=(80, 24), notifications=True)


def test_the_readout_is_cut_in_its_words_to_the_frame() -> None:
    text = "Norvania and Kestria exchanged 95 prisoners of war each on Sunday"
    wide = SpanDetail.frame_readout(text, (0, 20), 60).plain
    assert wide == "a label key labels 'Norvania and Kestria' 0–20"
    narrow = SpanDetail.frame_readout(text, (0, 50), 34).plain
    # Cut in the middle: the selection's last words show, where a word-by-word slip shows;
    # its offsets go before its first words (a trial's read "relabels s5 'Sunday' 94–100").
    assert narrow == "a label key labels 'Norvania …war'"
    assert len(narrow) <= 34
    assert SpanDetail.frame_readout(text, None, 34).plain == "no words to label in the selection"


def test_the_first_words_stay_and_short_words_keep_their_offsets() -> None:
    text = "Norvania and Kestria exchanged 95 prisoners of war each on Sunday"
    sunday = (text.index("Sunday"), len(text))
    relabels = Span(id="s5", label="date", start=sunday[0], end=sunday[1], text="Sunday")
    # 44 cells, the article's frame at 100x30: the trial's readout, whole.
    readout = SpanDetail.frame_readout(text, sunday, 44, relabels).plain
    assert readout == "a label key relabels s5 'Sunday' 59–65"
    # Narrower, the offsets go; the words are kept whole while they can be.
    assert SpanDetail.frame_readout(text, sunday, 32, relabels).plain == (
        "a label key relabels s5 'Sunday'"
    )
