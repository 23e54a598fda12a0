"""What is placed over the article's last rows: messages (toasts) standing over its foot.

Below 80 columns, with the focus under the article (the form, the note), the messages stand
over the article's foot inside its frame (``SessionView.place_toasts``), as they do at any width
while the panel has the focus. They come and go with no event the article sees, but each
changes the screen's layout: the article follows the screen's layout refresh signal and, when
what covers it changes, scrolls its cursor's row above it (``ArticleView``). A trial's
``/would confirm`` enter, then ``s`` at 70 columns: the skip question stood over the line with
the selection.
"""

from __future__ import annotations

from textual.widget import Widget


def covered_from(article: Widget) -> int | None:
    """The first screen row of ``article``'s text under a message standing over its lower
    half, None when none does. (A message over its top, where the review puts one while the
    words are low, is left alone.)"""
    text = article.content_region
    racks = [child for child in article.screen.children if type(child).__name__ == "ToastRack"]
    tops = [
        over.y
        for rack in racks
        for toast in rack.query("Toast")
        if (over := toast.region.intersection(text)).height
        and 2 * (over.y - text.y) + over.height > text.height  # its middle below the text's
    ]
    return min(tops, default=None)
