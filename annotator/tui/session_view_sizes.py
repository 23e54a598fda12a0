"""How the annotation screen fits the terminal: the CSS classes its width and height give it
(``SessionView``'s breakpoints, read by annotator.tcss) and which footer keys go first when the
footer is too narrow for them all."""

from __future__ import annotations

# Below 110 columns the article, the guidelines and the panel do not fit side by side: the
# guidelines then take the panel's place (annotator.tcss). Below 80 the article (40 columns at
# least) and the panel do not either: the panel goes under the article (-under), as the
# review's does below 72; beside it at 70 columns its right border was cut off.
PANEL_BESIDE_FROM = 80  # columns
WIDTH_CLASSES = [(0, "-under"), (PANEL_BESIDE_FROM, "-narrow"), (110, "-wide")]
# Up to 80 columns the article has little room (40 columns beside the panel at 80, few rows
# above it below 80): while the focus is away from it (the form, the note), only the latest
# message shows over its foot (``-one-message``, annotator.tcss). At 80x24 a message took 2 to
# 4 of its rows, and a trial's ctrl+s, ctrl+o, ctrl+n and ctrl+t on an empty item stacked
# four, over 16 of its 20.
ONE_MESSAGE_UP_TO = PANEL_BESIDE_FROM  # columns
# Below 32 rows (80x24) a full span list left the event form four rows: the list shrinks.
HEIGHT_CLASSES = [(0, "-short"), (32, "-tall")]

# The footer's keys left out first when they do not fit (80 columns): the label keys (the
# legend shows them), then the ones every annotator learns first (the guidelines' long
# "shift+tab Article (keep open)" among them). Help and quit always stay. In a field filled
# from spans, its rarer keys go before escape's "Back to article", which the README promises
# (at 70 columns a release's field showed ctrl+l, ctrl+t, ctrl+n and ctrl+s, not escape).
FOOTER_LEFT_OUT_FIRST = (
    "label(",
    "screen.delete_span",
    "screen.undo",
    "screen.link_span",
    "swap_sides",
    "screen.focus_article",
    "next_doc",
    "doc_list",
    "skip",
)
