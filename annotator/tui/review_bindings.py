"""The review screen's keys, and when each is in force (``in_force``, its ``check_action``).

Number keys take versions; while drawing a span (``e``) the scheme's label keys settle the
conflict with the selection instead: each binding is only in force in its mode, so a label key
that is also a version number does the right thing. ``e`` is bound three times, once per kind
of conflict, so the footer says what it does there; ``v`` twice: shown on a conflict over a
span's value only, hidden elsewhere, where it says why it types nothing. With no conflict
current the settling keys are hidden bindings of ``no_conflict``, which says why they do
nothing (the footer shows only keys that act).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from annotator.core.review import ReviewSession
from annotator.core.review_conflict import is_group_conflict

DECISIONS = {
    "take",
    "take_letter",
    "take_all",
    "reject_all",
    "edit",
    "type_value",
    "edit_items",
    "type_span_value",
    "span_value_elsewhere",
    "no_conflict",
}
NO_CONFLICT_KEYS = "123456789abtrev"
"""The settling keys that answer where no conflict is current (``ReviewKeys.no_conflict``)."""
_SCROLL = "Scroll the conflict's versions up / down (its frame says when more are hidden)"
# The footer's words for e and v, with the conflict each is for, in the help and the palette:
# the help listed "e Draw span", "e Type value" and "e Edit items" with nothing to tell them
# apart (a trial), and the palette, which lists a title once, had one "Type value" of two.
WITH_ITS_CONFLICT = {
    "edit": "Draw span (span conflict)",
    "type_value": "Type value (form field conflict)",
    "edit_items": "Edit items (conflict over a group's items)",
    "type_span_value": "Type value (value conflict: same words, different values)",
}
# The help's and the palette's words for keys whose footer words are short.
GOLD_FORM = "Gold's form of the document in the article: fields, items, links; open conflicts ⚠"
SAID_IN_FULL = {**WITH_ITS_CONFLICT, "gold_form": GOLD_FORM}
CHAR_MODE = "Character mode (keep the drawn span's exact characters) on / off"

REVIEW_BINDINGS: list[BindingType] = [
    Binding("1", "take(0)", "Take version", key_display="1…9"),
    *(Binding(str(n), f"take({n - 1})", f"Take version {n}", show=False) for n in range(2, 10)),
    Binding("a", "take_letter('a')", "Take the first annotator's version", show=False),
    Binding("b", "take_letter('b')", "Take the second annotator's version", show=False),
    # t, r, n and p are in the conflict panel's list of keys: kept out of the footer,
    # which on 80 columns was cut before ? Help and q Quit (and, drawing, the label keys).
    Binding("t", "take_all", "Take all", show=False),
    Binding("r", "reject_all", "Reject all", show=False),
    # In the footer on a value conflict only (a trial's footer read "1–2 Take version e Draw
    # span" there, v in the panel's list alone); elsewhere the hidden v below says why not.
    Binding("v", "type_span_value", "Type value"),
    # One key for "by hand": each binding is active on its kind of conflict only.
    Binding("e", "edit", "Draw span"),
    Binding("e", "type_value", "Type value"),
    Binding("e", "edit_items", "Edit items"),
    Binding("v", "span_value_elsewhere", "", show=False),
    # With no conflict current (every one settled, or a document looked at with l) these keys
    # say why they do nothing and what to do instead, as n and p do: a trial's were silent
    # there. Hidden, and kept out of the help and the palette (no description).
    *(Binding(key, f"no_conflict({key!r})", "", show=False) for key in NO_CONFLICT_KEYS),
    Binding("escape", "cancel_edit", "Cancel drawing"),
    Binding("c", "toggle_char_mode", CHAR_MODE, show=False),
    Binding("n", "next_conflict", "Next", show=False),
    Binding("p", "previous_conflict", "Previous", show=False),
    Binding("ctrl+z", "undo", "Undo the last decision", show=False),
    Binding("ctrl+y", "redo", "Redo what ctrl+z undid", show=False),
    Binding("left_square_bracket", "scroll_versions(-1)", _SCROLL, key_display="[", show=False),
    Binding("right_square_bracket", "scroll_versions(1)", _SCROLL, key_display="]", show=False),
    Binding("l", "documents", "Documents: go to one, or merge one anew", show=False),
    # Gold's form (a trial found no way to see it before the end). Shown in the footer but
    # while drawing, where the label keys need its room at 80 columns; g works there too.
    Binding("g", "gold_form", "Gold form"),
    Binding("g", "gold_form_drawing", GOLD_FORM, show=False),
    Binding("N", "show_notes", "Show the annotators' notes on this document", show=False),
    Binding("question_mark", "help", "Help", key_display="?"),
    Binding("q", "quit", "Quit"),
]


def in_force(action: str, session: ReviewSession, article_is_current: bool) -> bool:
    """Whether the review's ``action`` does something now (``article_is_current``: the
    article shows the current conflict's document, not one still being read)."""
    if action == "label":
        # Offsets of the selection only mean something in the document being settled.
        return session.editing and article_is_current
    if action == "cancel_edit":
        return session.editing
    if action in ("documents", "gold_form"):
        return not session.editing
    if action == "gold_form_drawing":
        return session.editing
    conflict = session.conflict
    on_span = conflict is not None and conflict.get("kind") == "span"
    if action == "edit" and (not article_is_current or not on_span):
        return False
    # A group's items and a field's value are opened alike; the footer says which.
    on_group = conflict is not None and is_group_conflict(conflict, session.scheme)
    if action == "type_value" and (conflict is None or on_span or on_group):
        return False
    if action == "edit_items" and not on_group:
        return False
    if action == "type_span_value":
        return session.span_value_to_type() is not None and not session.editing
    if action == "no_conflict":
        # Not while drawing: the label keys have the letters then.
        return conflict is None and not session.editing
    if action == "span_value_elsewhere":
        # Where v cannot type, it says why and which key types there (a trial's v on a field's
        # conflict did nothing and said nothing).
        return conflict is not None and not session.editing
    if action in DECISIONS:
        # None current: every conflict settled, or a settled document looked at.
        return not session.editing and conflict is not None
    # n and p are always in force: with every conflict settled they say so (a trial's n did
    # nothing and said nothing).
    return True


def take_keys(session: ReviewSession) -> str:
    """The number keys that take a version of the current conflict, as the footer shows them
    (``1–2``: "1…9" for two versions read as if there were more)."""
    conflict = session.conflict
    count = len(conflict.get("versions") or []) if conflict is not None else 0
    if count <= 1:
        return "1"
    return f"1–{count}" if count <= 9 else "1…9"
