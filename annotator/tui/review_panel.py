"""The conflict panel beside the review's article: what the conflict is, its versions, the keys.

Drawn from the session's ``ConflictView``; labels, fields and frames come from the scheme. The
keys (or, while drawing, the label keys and escape) go to a widget the screen docks at the
panel's foot, so they stay in sight however many versions scroll above them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from annotator.core.forms import path_words, resolve_path
from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord
from annotator.core.record_unallowed import value_words
from annotator.core.review import ReviewSession
from annotator.core.review_gold_items import AGREED, TAKEN, TYPED, gold_items_head
from annotator.core.review_item_field import items_in_dispute
from annotator.core.review_unkept_links import span_key
from annotator.core.review_views import NO_VALUE, ConflictView, VersionView, span_value_text
from annotator.core.scheme import FormField, Scheme
from annotator.tui.panel_legend import drawn_label_style
from annotator.tui.review_article import colour_mode, version_colour, version_style
from annotator.tui.review_panel_drawing import drawing_details, drawing_keys
from annotator.tui.review_panel_keys import keys_paragraph, keys_table, settle_key_rows
from annotator.tui.review_panel_outvoted import outvoted_text
from annotator.tui.span_styles import SpanPalette
from annotator.tui.visible_text import append_quoted, append_visible


def _value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


class ConflictPanel(Static):
    """The conflict at the cursor with its numbered versions, or the news that all are settled."""

    plain = ""
    """What the panel says, as plain text."""

    _palette: tuple[Scheme, SpanPalette] | None = None

    def _label_style(self, scheme: Scheme, name: str) -> Style:
        """Label ``name`` as its spans are drawn in the article (the legend's style): named in
        its colour, bold, count and releasee were the same bright red in 16 colours."""
        if self._palette is None or self._palette[0] is not scheme:
            self._palette = (scheme, SpanPalette(scheme))
        return drawn_label_style(self, self._palette[1], name)

    def show(
        self,
        session: ReviewSession,
        text: str | None,
        char_mode: bool = False,
        selection: tuple[int, int] | None = None,
        *,
        compact: bool = False,
        short: bool = False,
    ) -> tuple[str, Text | Table]:
        """Draw the session's current conflict (``text``: its document's text, when read;
        ``char_mode``: a drawn span keeps the exact selection; ``selection``: the article's
        while drawing; ``compact``: all in fewer lines, for a narrow terminal; ``short``: for a
        low one, the versions and the keys that settle it as ``compact`` has them); returns
        the title for the panel's frame and the keys that settle it,
        which the screen shows below the panel, always in sight (``plain`` has them too)."""
        view = session.view()
        if view is None and session.looking is not None:
            looked = self._looked_at(session, session.looking)
            self.plain = looked.plain
            self.update(looked)
            return f"No open conflict in {session.looking}", Text("")
        if view is None:
            finished = self._finished(session)
            self.plain = finished.plain
            self.update(finished)
            return "All settled", Text("")
        scheme = session.scheme
        head = Text()
        if view.kind == "span" and view.region is not None:
            start, end = view.region
            # Over a value only: said so, as the keys offer v (a trial's read "Span conflict").
            kind = "Value conflict" if view.value_typed else "Span conflict"
            if view.label_only:  # the same words, labelled otherwise
                kind = "Label conflict"
            head.append(kind, style="bold")
            head.append(f" · characters {start}–{end}", style="dim")
            if text is not None:
                head.append("\n")
                append_quoted(head, text[start:end], 200)
            named = partial(self._label_style, scheme)
            head.append_text(_gold_here(scheme, named, view, compact))
        else:
            head.append("Form field ", style="bold")
            head.append(f" {path_words(view.path or '')} ", style="bold reverse")
            head.append_text(_lone_item_context(view))
            # Short of room, an item only some gave keeps it for itself (its version): gold's
            # items are counted, not listed, or the item was below the frame's foot at 64x24.
            brief = view.lone_item is not None and (compact or short)
            agreed = self._agreed(scheme, view, session.record, brief)
            if agreed is not None:
                head.append_text(agreed)
            head.append_text(_item_context(scheme, view, session.record))
        versions = Table.grid(padding=(0, 1), expand=True)
        versions.add_column(no_wrap=True)
        versions.add_column(ratio=1)
        plain = [head.plain]
        for number, version in enumerate(view.versions):
            # Compact, versions follow one another (their coloured numbers part them).
            if not (compact or short) or number == 0:
                versions.add_row(Text(""), Text(""))
            badge, details = self._version(scheme, view, version)
            versions.add_row(badge, details)
            plain.append(f"{badge.plain} {details.plain}")
        # What the merge left out as outvoted here, under the versions: never unsaid.
        outvoted = outvoted_text(session, view.place.doc_id)
        if outvoted is not None:
            plain.append(outvoted.plain.strip())
        keys: Text | Table
        if session.editing:
            keys = drawing_keys(session.scheme, view, compact)
            details = drawing_details(view, char_mode, selection, text, compact)
            # Under the head, above the versions (painted in the article too): below them,
            # what a label key would write was past the frame's foot at 80x24 and 64x24.
            self.plain = "\n\n".join([plain[0], details.plain, *plain[1:], keys.plain])
            self.update(Group(head, Text(""), details, versions, *_shown(outvoted)))
        else:
            keys, keys_plain = self._keys(scheme, view, char_mode, compact or short)
            self.plain = "\n\n".join([*plain, keys_plain])
            self.update(Group(head, versions, *_shown(outvoted)))
        # Its id and how many are open, not its place among the open ones: settling the first
        # of five made the next "1 of 4", which read as if nothing had moved.
        place = view.place
        return f"Conflict {place.conflict_id} · {view.in_document} open in {place.doc_id}", keys

    def _agreed(
        self, scheme: Scheme, view: ConflictView, record: GoldRecord | None, brief: bool = False
    ) -> Text | None:
        """A group's conflict: gold's items already (``record``: gold's record, whose open
        conflicts over an item's field are named beside it: ``count in dispute (c3)``;
        ``brief``: only how many)."""
        field = scheme.field(view.path or "")
        if field is None or field.type != "group":
            return None
        # Gold written before the scheme changed may hold no list of items, or an item that
        # is none: kept as they are, and said (they ended the screen).
        value = view.gold_value
        items = value if isinstance(value, list) else []
        disputed = items_in_dispute(record, scheme, field) if record is not None else {}
        # Gold's items are said as agreed only when the annotators agreed them: an item typed
        # in an earlier conflict's e box was listed "agreed, already gold" (a trial).
        origins = view.gold_origins
        out = Text(f"\n{gold_items_head(len(items), origins)}", style="dim")
        if value is not None and not isinstance(value, list):
            out.append(f" (it holds {value_words(value)}, not a list of items: kept)", style="dim")
        if brief:
            return out
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                out.append(f"\n  • {value_words(item)} (not an item: kept)", style="dim")
                continue
            said = [frame_text(field, item)] if _holds_any(field, item) else []
            for conflict in disputed.get(index, []):
                leaf = resolve_path(scheme, conflict["path"])[2]
                said.append(f"{leaf.name} in dispute ({conflict['id']})")
            origin = origins[index] if origins is not None and index < len(origins) else AGREED
            whence = f" ({origin})" if origin in (TAKEN, TYPED) else ""
            out.append("\n  • ", style="dim")
            append_visible(out, f"{' · '.join(said) or frame_text(field, item)}{whence}", "dim")
        return out

    def _version(
        self, scheme: Scheme, view: ConflictView, version: VersionView
    ) -> tuple[Text, Text]:
        few, colourless = colour_mode(self.app)
        colour = version_colour(version.index, few)
        key = version.key + (f" {version.letter}" if version.letter else "")
        badge = Text(f" {key} ", style=f"bold black on {colour}")
        out = Text(style=f"bold {colour}")
        # The annotators as the version's spans are drawn in the article: its mark (underline,
        # italic or bold; reversed without colour) is what tells it apart there without colour.
        # Not bold unless its spans are: version 1's underline read as version 5's underline + bold.
        marks = version_style([version.index], self.background_colors[1], few, colourless)
        out.append(", ".join(version.annotators), style=Style(bold=False) + marks)
        if view.kind == "span":
            if not version.spans:
                # A version holds what was marked beyond gold: with gold here, "nothing"
                # would say its annotators left out what they gave gold.
                nothing = "nothing beyond gold here" if view.gold_spans else "marked nothing here"
                out.append(f"\n{nothing}", style="dim italic")
            for span in version.spans:
                out.append("\n")
                out.append(span["label"], style=self._label_style(scheme, span["label"]))
                out.append(" ")
                append_quoted(out, span["text"])
                value = span_value_text(span, scheme)
                if value is not None:
                    out.append(" = ")
                    style = "dim italic" if value == NO_VALUE else "bold"
                    append_visible(out, value, style)
                # Where it lies: two long spans that differ by a word are told apart here.
                out.append(f" {span['start']}–{span['end']}", style="dim")
            return badge, out
        field = scheme.field(view.path or "")
        if field is not None and field.type == "group":
            frames = version.value or []
            if not frames:
                out.append(f"\nno other {field.name}", style="dim italic")
            for item in frames:
                out.append("\n• ")
                append_visible(out, frame_text(field, item))
            # A group's items show no links; one to a span gold does not hold is said, as
            # taking the item would leave its field unlinked.
            for path, spans in version.links:
                for span in spans:
                    mark = version.unkept_mark(span_key(span))
                    if mark is not None:
                        out.append(f"\n  {path.rsplit('.', 1)[-1]}")
                        _append_link(out, span, mark)
                        _append_linkers(out, version.linkers(path), 1)
            return badge, out
        out.append("\n")
        append_visible(out, _value_text(version.value))
        for path, spans in version.links:
            for span in spans:
                _append_link(out, span, version.unkept_mark(span_key(span)))
            _append_linkers(out, version.linkers(path), len(spans))
        return badge, out

    def _keys(
        self, scheme: Scheme, view: ConflictView, char_mode: bool, compact: bool = False
    ) -> tuple[Text | Table, str]:
        """The keys that settle this conflict, and the same as plain text (``compact``: in
        one paragraph, in their short wordings)."""
        rows = settle_key_rows(scheme, view, char_mode)
        return keys_paragraph(rows) if compact else keys_table(rows)

    def _looked_at(self, session: ReviewSession, doc_id: str) -> Text:
        """A document without open conflicts the reviewer opened from the list (``l``)."""
        out = Text()
        state = "done gold" if session.records.done(doc_id) else "gold, a required field empty"
        out.append(f"{doc_id} has no open conflict", style="bold green")
        out.append(f": {state}, its spans in the article. Looking writes nothing.\n\n")
        out.append("N shows the annotators' notes on it.\n")
        outvoted = outvoted_text(session, doc_id)
        if outvoted is not None:
            out.append_text(outvoted)
            out.append("\n\n")
        left = session.conflicts_left()
        if left:
            out.append(f"n / p go on to the open conflicts ({left} left).\n")
        elif session.outside:
            out.append("Every conflict of this review is settled.\n", style="green")
            out.append(_outside_words(session), style="yellow")
        else:
            out.append("Every conflict is settled.\n", style="green")
        out.append("l lists the documents (ctrl+r twice there merges one anew: to take its ")
        out.append("annotators' changes, or to decide it again).")
        return out

    def _finished(self, session: ReviewSession) -> Text:
        out = Text()
        if session.outside:
            out.append("✓ Every conflict of this review is settled.\n\n", style="bold green")
            out.append(_outside_words(session) + "\n", style="yellow")
        else:
            out.append("✓ Every conflict is settled.\n\n", style="bold green")
        done, total = session.documents_done(), len(session.records)
        out.append(f"{done} of {total} document(s) are done gold.\n")
        if done < total:
            out.append(f"{total - done} still lack a required field.\n", style="yellow")
        out.append(f"\nThe gold file: {session.store.journal}\n")
        out.append("l lists the documents (ctrl+r twice there merges one anew: to take its ")
        out.append("annotators' changes, or to decide it again).\n")
        out.append("q quits (everything is saved first).", style="dim")
        return out


def _shown(text: Text | None) -> list[Text]:
    return [] if text is None else [text]


def _outside_words(session: ReviewSession) -> str:
    """Gold's open conflicts the review leaves outside (``review_outside``): "Every conflict
    is settled" alone read as if gold had none left."""
    return (
        f"The gold file still holds {session.outside.words()}: their annotators' records "
        "are not merged now (the opening's notes say why); their lines stay as they are.\n"
    )


def _gold_here(
    scheme: Scheme, label_style: Callable[[str], Style], view: ConflictView, compact: bool = False
) -> Text:
    """Gold's spans in the region, and that a decision adds to them (nothing: none there;
    ``compact``: in one line, for the narrow terminal's panel of a few lines); each label
    named in ``label_style``'s style."""
    out = Text()
    if not view.gold_spans:
        return out
    out.append("\nin gold, kept: " if compact else "\nin gold: ", style="dim")
    for number, span in enumerate(view.gold_spans):
        if number:
            out.append(" · ", style="dim")
        out.append(span["label"], style=label_style(span["label"]))
        out.append(" ")
        append_quoted(out, span["text"], 30)
        value = span_value_text(span, scheme)
        if value is not None:
            out.append(" = ")
            append_visible(out, value)
    if not compact:
        out.append(
            "\nthey stay: a version taken adds to them, or gives one its value", style="dim italic"
        )
    return out


def _item_context(scheme: Scheme, view: ConflictView, record: GoldRecord | None) -> Text:
    """For a conflict over a field of an item (``releases #1 count``), the item's other fields
    in gold, which say which item it is (nothing for any other conflict). Gold's item that is
    none, or text (gold written before the scheme changed), is said as the review's opening
    says it, kept: "(an empty item)" said of a null one."""
    if view.item is None or view.path is None:
        return Text("")
    group, index, leaf = resolve_path(scheme, view.path)
    words = path_words(f"{group.name}[{index}]")
    items = record.form.get(group.name) if record is not None else None
    if isinstance(items, list) and index is not None and 0 <= index < len(items):
        held = items[index]
        if not isinstance(held, dict):
            kept = f"{value_words(held)} (not an item: kept)"
            return Text(f"\nin gold's {words}: {kept}", style="dim")
    others = {name: value for name, value in view.item.items() if name != leaf.name}
    return Text(f"\nin gold's {words}: {frame_text(group, others)}", style="dim")


def _lone_item_context(view: ConflictView) -> Text:
    """For a conflict over one item only some annotators gave, who gave it and the other such
    items open (nothing for any other conflict): "an item only some gave: given by alice ·
    not by bob" and "each settled on its own; also open: c5"."""
    lone = view.lone_item
    if lone is None:
        return Text("")
    out = Text("\nan item only some gave: ", style="bold")
    out.append(f"given by {', '.join(lone.given_by)}", style="bold")
    if lone.not_given_by:
        out.append(f" · not by {', '.join(lone.not_given_by)}")
    if lone.alike:
        out.append(f"\nmay be the same one as {lone.alike}", style="bold")
        out.append(f": {lone.alike_taking}")
    if lone.others:
        out.append(f"\neach settled on its own; also open: {', '.join(lone.others)}", style="dim")
    return out


def _append_link(out: Text, span: dict[str, Any], unkept: str | None) -> None:
    """`` ⛓ “95 prisoners” 66–78``, and `` (not in gold)`` after a span gold does not hold,
    `` (gold's has no value)`` after one gold holds with another value: taking the version
    does not keep that link (``review_unkept_links``)."""
    out.append(" ⛓ ")
    append_quoted(out, span.get("text") or "", 30)
    out.append(f" {span['start']}–{span['end']}", style="dim")
    if unkept is not None:
        out.append(f" ({unkept})", style="italic")


def _append_linkers(out: Text, linkers: tuple[str, ...] | None, spans: int) -> None:
    """`` (ann1's link)`` after the links of a version not all of whose annotators linked
    so (``VersionView.linkers``; nothing when all did): the others did not link those spans."""
    if linkers:
        out.append(f" ({whose(list(linkers))} link{'s' if spans > 1 else ''})", style="italic")


def _holds_any(field: FormField, item: dict[str, Any]) -> bool:
    return any(item.get(sub.name) not in (None, "", []) for sub in field.fields)


def frame_text(field: FormField, item: dict[str, Any]) -> str:
    parts = [
        f"{sub.name} {_value_text(item.get(sub.name))}"
        for sub in field.fields
        if item.get(sub.name) not in (None, "", [])
    ]
    return " · ".join(parts) or "(an empty item)"
