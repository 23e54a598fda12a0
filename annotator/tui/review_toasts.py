"""The review's one toast: how long it stays, and where, so it never hides the conflict's words.

A toast replaces the one before: on 80x24 three stacked toasts hid two thirds of the article,
and an old one is stale. It stays a few seconds (``SECONDS``; a refusal a little longer, an
error long enough to be read twice): "d00000 is settled: done" stayed 7 seconds, over the next
conflict's words.

A toast goes over the article, never the panel (over the panel it hid the versions chosen
from, and below 72 columns, where the panel is under the article, their values and the drawing's
guidance): at the article's foot, or at its top while the conflict's words are in the lower half
of what the article shows (``on_top``; the ``-toasts-on-top`` class, in review.tcss). The
article centres the words when it can, but not near a document's end, where at 80x24 a toast hid
"prisoners" of the next conflict's "23 prisoners". Where the article's foot is depends on the
layout (below 72 columns, the middle of the screen): ``rack_margin`` works it out.

A toast stands inside the article's frame, on its first or last rows of text and within its
side borders, as the annotation screen's do: on the frame it covered the article's left border,
its rounded corner and its bottom (or top) edge, and at 80 columns it was the article's full
width (seen in tmux).
"""

from __future__ import annotations

from pathlib import Path

from textual.css.scalar import Scalar
from textual.geometry import Region, Spacing
from textual.notifications import SeverityLevel
from textual.screen import Screen

from annotator.core.review_item_notices import ItemTakenNotice
from annotator.core.review_notices import DrawnNotice
from annotator.tui.review_article import ReviewArticle

SECONDS: dict[SeverityLevel, float] = {"information": 4, "warning": 6, "error": 15}
WRAP_SECONDS = 3
"""A "round to the other end" message: it is read at a glance."""
ON_TOP = "-toasts-on-top"
TOAST_WIDTH = 60
"""Textual's width for a toast, which review.tcss keeps (only narrowing it to the article's)."""
FRAME = 1
"""The article's border, each side: a toast stands inside it."""


def tell(
    screen: Screen[None],
    message: str,
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Show ``message`` in the review's one toast, in place of the one before (ReviewApp.notify
    takes the one before away)."""
    screen.notify(message, severity=severity, timeout=timeout or SECONDS[severity])


def text_width(article_width: int, narrow: bool) -> int:
    """The columns of a toast's lines over an article ``article_width`` wide (its frame
    included), as review.tcss sizes it: within the article's borders (``rack_margin``), as wide
    as the article below 72 columns (``narrow``), 60 at most beside the panel; less its padding
    (one column each side) and its left border."""
    inside = article_width - 2 * FRAME
    width = inside if narrow else min(TOAST_WIDTH, inside)
    return max(1, width - 3)


def fitted(notices: list[str], width: int) -> str:
    """The session's notices as one toast whose lines are ``width`` columns: a drawn span is
    quoted whole when it fits a line, with its offsets (``DrawnNotice.fitted``); an item taken
    is named whole (``ItemTakenNotice.fitted``)."""
    return "\n".join(
        notice.fitted(width) if isinstance(notice, DrawnNotice | ItemTakenNotice) else notice
        for notice in notices
    )


def clear(screen: Screen[None]) -> None:
    """Take every toast away. Their holders go too: Textual removes a cleared toast but not
    its holder, and each holder left took a line above the next toast, which at the
    article's top came lower and lower, down to the conflict's words."""
    screen.query("ToastHolder").remove()
    screen.app.clear_notifications()


def place(screen: Screen[None], article: ReviewArticle, words: tuple[int, int] | None) -> None:
    """Put the toasts over ``article``'s foot, or its top while ``words`` (the offsets the
    reviewer looks at; None: none, as on a form field's conflict) are low in it."""
    height = article.scrollable_content_region.height
    top = words is not None and on_top(article.rows_in_view(*words), height)
    screen.set_class(top, ON_TOP)
    if not article.region:
        return  # not laid out yet: placed again once it is (its Resized message)
    margin = rack_margin(screen.size.height, article.region, top)
    width = Scalar.from_number(rack_width(article.region))
    most_rows = Scalar.from_number(rack_height(article.region))
    for rack in screen.query("ToastRack"):  # none when the app runs without toasts
        if rack.styles.margin != margin:
            rack.styles.margin = margin
        if rack.styles.width != width:
            rack.styles.width = width
        if rack.styles.max_height != most_rows:
            rack.styles.max_height = most_rows


def on_top(rows: tuple[int, int], height: int) -> bool:
    """Whether a toast goes at the article's top: more of the rows it shows (``height``) are
    free above the conflict's words (on ``rows``, first and last, 0 the first shown) than
    below them."""
    first, last = rows
    return first > height - 1 - last


def rack_margin(screen_height: int, article: Region, top: bool) -> Spacing:
    """The toasts' margin on the screen (``screen_height`` rows) that puts them inside the
    frame of ``article`` (its region on the screen): on its first rows of text (``top``) or its
    last, right of its left border. A margin, as no rule in review.tcss can say where the
    article ends: below 72 columns that is the middle of the screen, and it moves when the
    notes line comes and goes."""
    left = article.x + FRAME
    if top:
        return Spacing(article.y + FRAME, 0, 0, left)
    return Spacing(0, 0, max(0, screen_height - article.bottom + FRAME), left)


def rack_width(article: Region) -> int:
    """The toasts' rack's width: the article's within its borders, a toast no wider (a docked
    rack is as wide as the screen whatever its margin)."""
    return max(1, article.width - 2 * FRAME)


def rack_height(article: Region) -> int:
    """The toasts' rack's most rows: the article's within its borders. A toast taller than
    that is cut at its foot (the rack hides what overflows, review.tcss): at 64x24 the
    start-up messages under --min-agree, taller than the article's 6 rows, went up over the
    status line and off the screen, their first lines, what the gold file is and what is left
    to settle, unseen. They are said again on exit (``review_exit``)."""
    return max(1, article.height - 2 * FRAME)


def opening(messages: list[str], gold_file: Path) -> str:
    """The review's start-up messages in one toast: one paragraph (each message on lines of
    its own made three of them fill 9 of the article's lines at 80x24), the gold file named
    once, by the first (the others began again with its whole path)."""
    prefixes = tuple(f"{name}: " for name in (str(gold_file), gold_file.name))
    said = []
    for number, message in enumerate(messages):
        for prefix in prefixes if number else ():
            message = message.removeprefix(prefix)
        said.append(" ".join(message.split()))
    return " · ".join(said)
