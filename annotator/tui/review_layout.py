"""The review's one width threshold, shared by its screen and the editors opened over it.

Below ``NARROW_BELOW`` columns the conflict panel goes under the article (``ReviewScreen``'s
``-narrow`` class, in review.tcss); an editor (``e``) then covers the panel, so it shows the
versions itself (its ``-narrow`` class, from ``BREAKPOINTS``).
"""

from __future__ import annotations

NARROW_BELOW = 72  # columns

BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
"""Textual's ``HORIZONTAL_BREAKPOINTS`` of a screen laid out as the review is."""
