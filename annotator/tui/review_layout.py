"""The review's size thresholds: its width one is shared by its screen and the editors opened
over it.

Below ``NARROW_BELOW`` columns the conflict panel goes under the article (``ReviewScreen``'s
``-narrow`` class, in review.tcss), its keys in two lines (beside the article at 60 columns
the panel showed a version's number and then the keys, not one version's span); an editor
(``e``) then covers the panel, so it shows the versions itself (its ``-narrow`` class, from
``BREAKPOINTS``). Below ``SHORT_BELOW`` rows
(``-short``) the panel's keys go in those lines too, its versions follow one another without
a blank line, and the label keys leave their line, as when narrow: at 80x24 the keys' table
pushed a span conflict's second version out of sight.
"""

from __future__ import annotations

NARROW_BELOW = 72  # columns
SHORT_BELOW = 30  # rows

BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
"""Textual's ``HORIZONTAL_BREAKPOINTS`` of a screen laid out as the review is."""

SHORT_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall")]
"""Textual's ``VERTICAL_BREAKPOINTS`` of an editor over the review (the item editor's box
takes every row below 30)."""


def layout_classes(width: int, height: int) -> dict[str, bool]:
    """The review screen's size classes (in review.tcss), each on or off at ``width`` x
    ``height``."""
    return {"-narrow": width < NARROW_BELOW, "-short": height < SHORT_BELOW}
