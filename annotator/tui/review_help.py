"""The review's help screen: every key, read from the classes' public BINDINGS, in sections."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.screen import Screen

from annotator.tui.keys import declared, key_rows
from annotator.tui.review_bindings import SAID_IN_FULL
from annotator.tui.review_field_edit import TYPING_KEYS
from annotator.tui.review_items_edit import ITEMS_KEYS

if TYPE_CHECKING:
    from annotator.tui.review_screen import ReviewScreen

Sections = list[tuple[str, list[tuple[str, str]]]]


def review_key_sections(screen: ReviewScreen) -> Sections:
    """Every key of ``screen``'s review, for the help screen."""
    scheme = screen.scheme
    labels = [(label.key, label.name) for label in scheme.labels]
    skip = [label.key for label in scheme.labels]
    skip += [binding.key for binding in declared(Screen)]
    versions = [("1 … 9", "take that version (a / b: the first / second annotator's)")]
    skip.append("c")  # listed with drawing, where it matters
    said_for = [
        replace(b, description=SAID_IN_FULL.get(b.action, b.description))
        for b in declared(type(screen))
    ]
    settling = [
        row
        for row in key_rows(said_for, skip_keys=skip)
        if not row[1].startswith("Take version") and "annotator's version" not in row[1]
    ]
    said = {description for _keys, description in settling}
    drawing = [
        *labels,
        ("c", "character mode on / off: keep the selection exactly, or snap to whole words"),
    ]
    moves = [
        ("arrows, home / end", "move (ctrl+←/→: word by word)"),
        ("shift + a move, mouse", "select (snapped to whole words; c: character mode)"),
    ]
    article = type(screen.article)
    article_moves = [
        binding.key for binding in declared(article) if binding.action.startswith("cursor_")
    ]
    moves += [
        row for row in key_rows(declared(article), skip_keys=article_moves) if row[1] not in said
    ]
    return [
        ("Settle the conflict in the panel", versions + settling),
        ("Typing a form field's value (after e)", TYPING_KEYS),
        (
            "A group's items (after e): a transfer two annotators gave with different counts "
            "is one item, its count a conflict of its own (releases #1 count); an item only "
            "some gave is a conflict of its own too (releases), which a version's number adds "
            "to gold and r leaves out. e opens the first version's items, an input "
            "per field, to fix and take all at once; pageup / pagedown start from another "
            "version's",
            ITEMS_KEYS,
        ),
        ("Drawing a span (after e): select it, then press its label key", drawing),
        ("In the article", moves + key_rows(declared(type(screen.app))) + [SCROLLBAR]),
    ]


# Textual draws a scrollbar's thumb finer than a row: each end a part-block. Copied as text
# (no colours), a thumb mid-way shows its two ends only, "▇▇" and "▅▅": a trial read them as
# two thumbs.
SCROLLBAR = (
    "scrollbar",
    "one thumb, its ends drawn as part-blocks (▇ … ▅) to place it finer than a row",
)
