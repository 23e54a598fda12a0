"""The annotation screen's help: every key, read from the classes' public BINDINGS, in sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from annotator.tui.annotate_skip import SKIP_WITH_REASON
from annotator.tui.form_panel import PANEL_KEYS
from annotator.tui.keys import declared, key_rows
from annotator.tui.screens import HelpScreen
from annotator.tui.session_view import GuidelinesView

if TYPE_CHECKING:
    from annotator.tui.annotate_screen import AnnotateScreen

Sections = list[tuple[str, list[tuple[str, str]]]]


def show_help(screen: AnnotateScreen) -> None:
    """Open help over ``screen``. It is made the first time and kept (installed in the app):
    its keys and labels do not change while ``screen`` is up, and a new one cost its
    widgets' making and its tables' layout again at each ? (bench/overlay_open.py)."""
    name = f"help-of-{id(screen)}"
    app = screen.app
    if not app.is_screen_installed(name):
        # The messages showing as it opens are said too (``screens.MessagesSaid``).
        app.install_screen(HelpScreen(annotate_key_sections(screen), earlier_messages=True), name)
    app.push_screen(name)


def annotate_key_sections(screen: AnnotateScreen) -> Sections:
    """Every key of the article, ``screen`` and the app, for the help screen."""
    # Each label with the mark its spans carry, which tells labels apart without colour.
    palette = screen.article.palette
    labels = []
    for label in screen.scheme.labels:
        named = f"{label.name} ({palette.marks_in_words(label.name)})"
        labels.append((label.key, f"{named}: {label.description}" if label.description else named))
    # And the marks spans share, which tell nested spans and the current one apart without colour.
    labels += [
        ("struck through", "words inside two spans or more (nested or crossing)"),
        ("overline", "the current span: the one the panel shows (tab: the next)"),
    ]
    article = [
        ("arrows, ctrl+←/→", "move (ctrl: word by word)"),
        ("home / end", "line start / end"),
        ("pageup / pagedown", "page up / down"),
        ("ctrl+home / ctrl+end", "article start / end"),
        ("shift + any move", "select (snapped to whole words; c: character mode)"),
        ("mouse drag", "select"),
    ]
    moves = [
        binding.key
        for binding in declared(type(screen.article))
        if binding.action.startswith("cursor_")
    ]
    article += key_rows(declared(type(screen.article)), skip_keys=moves)
    # Label keys have their own section; Screen's focus keys are named in the title below;
    # keys the article already lists (delete, undo, redo) are not repeated.
    skip = [label.key for label in screen.scheme.labels]
    skip += [binding.key for binding in declared(Screen)]
    skip.append(SKIP_WITH_REASON.key)  # enter skips only where s asked why: s's row says so
    in_article = {description for _keys, description in article}
    screen_rows = [
        (keys, _MORE_SAID.get(description, description))
        for keys, description in key_rows(declared(type(screen)), skip_keys=skip)
        if description not in in_article
    ]
    app = key_rows(declared(type(screen.app)))
    guidelines = [
        ("up / down", "scroll a line"),
        ("pageup / pagedown", "scroll a page"),
        ("home / end", "top / end"),
    ]
    scrolls = [b.key for b in declared(GuidelinesView) if b.action not in _LEAVING_GUIDELINES]
    guidelines += key_rows(declared(GuidelinesView), skip_keys=scrolls)
    return [
        ("Labels: label the selection; with none, relabel the span at the cursor", labels),
        ("In the article", article),
        ("In the panel and its event form (o goes there, v to the span's value)", PANEL_KEYS),
        ("Anywhere (in the panel: escape first)", screen_rows + app),
        (
            "In the guidelines (g opens them with the focus there, g again closes them)",
            guidelines,
        ),
    ]


# The guidelines' keys that are not scrolling (the help screen lists the scrolling keys itself).
_LEAVING_GUIDELINES = ("screen.close_guidelines", "screen.focus_article")

# What the footer's short words leave out (the help has the room).
_MORE_SAID = {
    "Re-bound": "Re-bound a span to the selection: the one the panel shows (tab to it, then "
    "select from it), else the one the selection holds (of nested spans, the outer one)",
    "Skip": "Skip; with the note empty, s asks why there first: type the reason, enter skips "
    "(escape: not skipped; s again skips without one)",
}
