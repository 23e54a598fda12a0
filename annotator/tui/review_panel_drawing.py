"""What the review panel says while a span is drawn over a conflict (``e``): the label keys and
escape that end the drawing, what is selected, what a label key would write from it and how it
snaps."""

from __future__ import annotations

from rich.text import Text

from annotator.core.review_views import ConflictView
from annotator.core.scheme import Scheme
from annotator.core.spans import snap_selection
from annotator.tui.visible_text import append_quoted


def quoted(text: str, style: str = "") -> Text:
    """``text`` as the panel quotes a span's words (``visible_text.append_quoted``: spaces made
    one, cut in the middle, an invisible character a dim escape): written raw, a U+202E in the
    selection reversed the rest of the line."""
    out = Text(style=style)
    append_quoted(out, text)
    return out


def drawing_keys(scheme: Scheme, view: ConflictView, compact: bool = False) -> Text:
    """What ends the drawing, first the label keys and escape, then what a drawn span does to
    the versions: it settles the conflict alone, so a version's other spans are dropped
    (``compact``: in two lines, for the narrow terminal's panel)."""
    labels = " · ".join(f"{label.key} {label.name}" for label in scheme.labels)
    if compact:
        out = Text("Drawing: ", style="bold yellow")
        out.append(f"{labels} · esc cancels · ")
        out.append("the span replaces every version", style="bold")
        return out
    out = Text("Drawing: ", style="bold yellow")
    out.append(f"press a label key: {labels} · escape cancels\n")
    out.append("The drawn span replaces every version", style="bold")
    out.append(f"; to keep a version's spans: escape, then its number (1–{len(view.versions)}).")
    return out


def drawing_details(
    view: ConflictView,
    char_mode: bool,
    selection: tuple[int, int] | None,
    text: str | None,
    compact: bool = False,
) -> Text:
    """Where the span starts from, what it would write, and how it snaps (``compact``: the
    selection and what it writes, then the moving keys in a line; the status line says the
    mode)."""
    out = _drawing_start(view, selection, text, char_mode, compact)
    if compact:
        return out
    out.append("\n")
    if char_mode:
        out.append("Character mode", style="bold magenta")
        out.append(": the span keeps the selection exactly; c snaps to whole words.")
    else:
        out.append("Token mode", style="bold")
        out.append(": the span snaps to whole words; c keeps the exact selection.")
    return out


def _drawing_start(
    view: ConflictView,
    selection: tuple[int, int] | None,
    text: str | None,
    char_mode: bool,
    compact: bool = False,
) -> Text:
    """What the span is drawn from: ``e`` selects the conflict's words, and the panel follows
    the selection as it moves. A reviewer who took the selection for nothing pressed
    shift+left three times in character mode to mark three characters and got the region less
    three: so the panel says what is selected, what a label key would write from it, and how
    to start afresh."""
    move = "shift+arrows (or the mouse) move its end; ← or → alone drops it, to select afresh."
    again = " Escape, then e, starts again from the conflict's words."
    if compact:
        move, again = "\nshift+arrows move its end · ←/→ drop it · esc, e: start again", ""
    if selection is None or selection[0] == selection[1]:
        return Text("Select the span with shift+arrows or the mouse.")
    start, end = selection
    written = _written(text, selection, char_mode) if text is not None else Text()
    if selection == view.region:
        out = Text(f"The conflict's words ({start}–{end})")
        out.append_text(written)
        out.append(f" are selected to start with: {move}")
        return out
    out = Text(f"Selected: {start}–{end}")
    if text is not None and not written.plain:
        # Not snapped: the words themselves, as when it snaps (a trial's "Selected: 784–797."
        # left the reviewer to count characters to know which words a label key would take).
        low, high = min(selection), max(selection)
        out = Text("Selected: ") + quoted(text[low:high]) + Text(f" {start}–{end}")
    out.append_text(written)
    out.append(f". {move}{again}")
    return out


def _written(text: str, selection: tuple[int, int], char_mode: bool) -> Text:
    """What a label key would write when it is not the selection as it stands: the span it
    snaps to (the core's snapping, which the decision makes too). A trial: shift+left took a
    character off "23 prisoners", the panel said "Selected: 601–612", and 2 wrote the whole
    word back (601–613)."""
    snapped = snap_selection(text, *selection, "char" if char_mode else "token")
    if snapped == selection:
        return Text()
    if snapped is None:
        return Text(" → no words to label in it", style="bold yellow")
    low, high = snapped
    out = Text(" → ")
    if char_mode:
        out.append(f"{_char_snap(selection, snapped)}: ")
        out.append_text(quoted(text[low:high]))
        out.append(f" {low}–{high}")
        out.stylize("bold", 3)
        return out
    out.append("as whole words: ", style="bold")
    out.append_text(quoted(text[low:high], "bold"))
    out.append(f" {low}–{high}", style="bold")
    out.append(" (c: exact characters)", style="dim")
    return out


def _char_snap(selection: tuple[int, int], snapped: tuple[int, int]) -> str:
    """What character mode did to the selection: each end either loses the spaces at it or
    moves out to the edge of a character it cut (an accent written as a mark of its own): said
    as "without the spaces" alone, "Rene" of "Renée" grown to keep its accent was named as if
    spaces had been taken off."""
    low, high = min(selection), max(selection)
    done = []
    if snapped[0] > low or snapped[1] < high:
        done.append("without the spaces")
    if snapped[0] < low or snapped[1] > high:
        done.append("as whole characters")
    return ", ".join(done)
