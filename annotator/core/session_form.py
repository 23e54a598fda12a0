"""Form operations of the annotation session (mixed into AnnotationSession through
SessionForm): fields, groups, the note, and the links between fields and spans.

Like ``session_edits``, each method checks the document may be changed, calls ``forms`` and
hands the new record to ``_commit``; a refusal raises Refused with the reason.

Each change may name the document it was made on (``doc_id``: the one the form showed when it
was typed or pressed). The screen's form posts messages, handled a moment later: one handled
after another document opened must never change that one. Typing (a field, the note) is saved
to its own document (``session_form_elsewhere``), and said; anything else made on another
document's form is refused, saying what was not done (``_on_open``).
"""

from __future__ import annotations

from typing import Any

from annotator.core import form_item_edits, forms, spans
from annotator.core.display import quoted
from annotator.core.errors import AnnotatorError
from annotator.core.history import NOTE_RUN
from annotator.core.models import Span
from annotator.core.note_parts import typed_note
from annotator.core.record_unallowed import shown_value, value_words
from annotator.core.scheme import FormField
from annotator.core.session_edits import Refused, named
from annotator.core.session_form_elsewhere import SessionFormElsewhere, listed

# A selection in the article, as (start, end) offsets.
Selection = tuple[int, int]


class SessionForm(SessionFormElsewhere):
    """The event form of the open document's record (see AnnotationSession)."""

    def form_field(self, path: str) -> FormField:
        return self._call(forms.resolve_path, self.scheme, path)[2]  # type: ignore[no-any-return]

    def field_value(self, path: str) -> Any:
        """The value at ``path`` (None, or [] for a list, when not filled in)."""
        return self._call(forms.field_value, self.record, path, self.scheme)

    def group_size(self, group: str) -> int:
        items = self.record.form.get(group)
        return len(items) if isinstance(items, list) else 0

    def set_field(
        self, path: str, raw: str | None, typing: bool = False, doc_id: str | None = None
    ) -> bool:
        """Set a form field from what was typed or chosen; a list takes comma-separated text.
        False when the field holds that value already: nothing is saved (a field left as it
        was saved, say), and the screen says nothing.
        A value that came from linked spans and is typed over loses their links (``forms``),
        and the notice says so, as ctrl+l's does: a trial's link went unsaid.

        ``typing``: saved at a pause, the typing going on. The saves of one run of typing in
        the field, up to the save of enter or leaving it, are one undo step (History.apply).

        ``doc_id``: the document it was typed on; when another is open, it is saved to its
        own (``typed_elsewhere``)."""
        if doc_id is not None and self.elsewhere(doc_id):
            return self.typed_elsewhere(doc_id, path, raw)
        self._writable()
        field = self.form_field(path)
        value: Any = raw
        if field.type == "list" and isinstance(raw, str):
            value = forms.typed_list(raw, self._listed(path))
        # Compared with what the form shows: a value the field no longer takes shows empty,
        # and leaving it empty keeps it as it is (``record_unallowed``).
        before = self._call(shown_value, self.record, path, self.scheme)
        if self._call(forms.coerce_field_value, field, value) == before:
            if not typing:
                self._history().end_run()
            return False
        linked = self.record.links.get(path, [])
        held = self.field_value(path)
        changed = self._call(forms.set_field, self.record, path, value, self.scheme)
        self._commit(changed, run=path)
        if not typing:
            self._history().end_run()
        self._tell_unlinked(path, before, linked, typed=True)
        self._tell_replaced(path, held, before)
        return True

    def _tell_replaced(self, path: str, held: Any, shown: Any) -> None:
        """Say that a value the field no longer took (``held``, shown empty: ``shown``),
        kept until now, was replaced: it goes from the record, and not unsaid."""
        if held != shown:
            self._notices.append(
                f"{forms.path_words(path)}: replaced {value_words(held)}, which the scheme "
                "does not allow (ctrl+z gives it back)"
            )

    def typing_run(self) -> str | None:
        """The field (its path; ``NOTE_RUN``: the note) whose typing, saved at a pause, is still
        going on: ctrl+z there undoes the whole run, the typing not saved yet with it."""
        return self._history().run

    def typing_unlinks(self, path: str, raw: str) -> str | None:
        """What saving ``raw``, typed so far into the field at ``path``, would unlink, said
        at once (``set_field`` unlinks at the save, a pause in the typing later): a trial's
        "d", meant as done while the focus was in the form, replaced a linked name, and the
        notice came a second later and faded unseen. None when no link would go."""
        linked = self.record.links.get(path, [])
        if not linked:
            return None
        field = self.form_field(path)
        value: Any = forms.typed_list(raw, self._listed(path)) if field.type == "list" else raw
        try:
            kept = forms.set_field(self.record, path, value, self.scheme).links.get(path, [])
        except AnnotatorError:
            kept = []  # not a value the field takes yet: saved as it will be, it goes too
        dropped = [span_id for span_id in linked if span_id not in kept]
        if not dropped:
            return None
        gone = [span.text for span_id in dropped if (span := self.record.span_by_id(span_id))]
        before = self.field_value(path)
        was = forms.typed_text(gone if isinstance(before, list) else before)
        # When the link goes, and what ctrl+z does then: a trial's reader of "saved, it is
        # unlinked (ctrl+z after gives the link back)" could not tell what was saved, nor
        # after what. (Before the save, ctrl+z undoes the change before the typing.)
        them, links = ("them", "links") if len(dropped) > 1 else ("it", "link")
        return (
            f"{path.rsplit('.', 1)[-1]}: typing over {was} from {' '.join(dropped)} unlinks "
            f"{them} once saved (enter, leaving the field, or a pause in the typing); ctrl+z "
            f"then gives the {links} back"
        )

    def _listed(self, path: str) -> list[str]:
        return listed(self.record, path, self.scheme)

    def add_group_item(self, group: str, doc_id: str | None = None) -> int:
        self._on_open(doc_id, f"adding an item to {group}")
        self._writable()
        self._commit(self._call(forms.add_group_item, self.record, group, self.scheme))
        return self.group_size(group) - 1

    def remove_group_item(self, group: str, index: int, doc_id: str | None = None) -> None:
        """Remove an item, saying so: a trial lost a whole release to an enter on its
        remove button, unseen."""
        self._on_open(doc_id, f"removing {group} #{index + 1}")
        self._writable()
        self._commit(self._call(forms.remove_group_item, self.record, group, index))
        self._notices.append(f"removed {group} #{index + 1}; ctrl+z brings it back")

    def fill_from_span(
        self,
        path: str,
        span_id: str | None = None,
        selection: Selection | None = None,
        doc_id: str | None = None,
    ) -> None:
        """Fill a field from the selected span (``_span_for``) and record the link. A value
        that came from other linked spans and is replaced is named in a notice: two disputed
        figures filled one after the other left only the second, unseen (``link_span`` links
        a span without filling). A field that is not a list keeps no other link, even with
        the same value (``forms.fill_from_span``): the notice names the links that went."""
        self._on_open(doc_id, f"filling {forms.path_words(path)} from {span_id or 'a span'}")
        self._writable()
        span = self._span_for(path, span_id, selection)
        before = self.field_value(path)
        shown = self._call(shown_value, self.record, path, self.scheme)
        linked = [other for other in self.record.links.get(path, []) if other != span.id]
        self._commit(self._call(forms.fill_from_span, self.record, path, span.id, self.scheme))
        self._tell_unlinked(path, before, linked)
        if self.field_value(path) != before:
            self._tell_replaced(path, before, shown)

    def _tell_unlinked(
        self, path: str, before: Any, linked: list[str], typed: bool = False
    ) -> None:
        """Say which of ``linked`` the field at ``path`` lost when its value ``before`` was
        replaced by ctrl+l (``count: 210 (was 187 from s1, now unlinked; ctrl+z gives the
        link back)``) or by typing (``count: typed over 187 from s1, now unlinked (ctrl+z
        gives the link back)``: a pause in the typing saves the field, so what is typed so
        far is not named); a list names the items gone, its other items keeping their links.
        Each says ctrl+z gives the links back: a trial's reader did not know they could be
        had back."""
        now = self.field_value(path)
        kept = self.record.links.get(path, [])
        dropped = [other for other in linked if other not in kept]
        if not dropped:
            return
        name, ids = path.rsplit(".", 1)[-1], " ".join(dropped)
        back = f"ctrl+z gives the {'links' if len(dropped) > 1 else 'link'} back"
        if now == before:
            if not typed:  # ctrl+l, the same value from another span: a wrong pick corrected
                self._notices.append(
                    f"{name}: {forms.typed_text(now)} from {' '.join(kept)}; {ids} unlinked "
                    "(ctrl+t links a span without filling)"
                )
            return
        if now in (None, []):
            self._notices.append(
                f"{name} emptied (was {forms.typed_text(before)} from {ids}, now unlinked; {back})"
            )
            return
        gone = before
        if isinstance(before, list) and isinstance(now, list):
            gone = [item for item in before if item not in now]
        if typed:
            # As the notice at the first keystroke said.
            said = f"{name}: typed over {forms.typed_text(gone)} from {ids}, now unlinked ({back})"
        else:
            was = "had" if isinstance(before, list) else "was"
            gave = f"{was} {forms.typed_text(gone)} from {ids}"
            said = f"{name}: {forms.typed_text(now)} ({gave}, now unlinked; {back})"
        self._notices.append(f"{said}; ctrl+t links a span without filling")

    def link_span(
        self,
        path: str,
        span_id: str | None = None,
        selection: Selection | None = None,
        doc_id: str | None = None,
    ) -> Span:
        """Link the selected span (``_span_for``) to a field, its value left alone: the
        figure of the side that gave the people is the value, the other is linked only."""
        self._on_open(doc_id, f"linking {span_id or 'a span'} to {forms.path_words(path)}")
        self._writable()
        span = self._span_for(path, span_id, selection)
        self._commit(self._call(forms.link_span, self.record, path, span.id, self.scheme))
        self._notices.append(
            f"linked {span.id} {quoted(span.text)} to {forms.path_words(path)}; value kept"
        )
        return span

    def unlink(
        self, path: str, selection: Selection | None = None, doc_id: str | None = None
    ) -> list[str]:
        """Drop the field's link to the selected span (with a selection: the one span of the
        field's label in it, ``_span_in``) when it is one of its links, else every link of the
        field; the ids unlinked. The value stays (emptying the field drops them all)."""
        self._on_open(doc_id, f"unlinking from {forms.path_words(path)}")
        self._writable()
        linked = self.record.links.get(path, [])
        if not linked:
            raise Refused(f"{forms.path_words(path)} has no links: ctrl+n has nothing to unlink")
        chosen = self._span_in(path, selection)
        current = chosen.id if chosen is not None else self.selected
        one = current if current in linked else None
        self._commit(self._call(forms.unlink_span, self.record, path, one))
        unlinked = [one] if one is not None else list(linked)
        self._notices.append(
            f"unlinked {' '.join(unlinked)} from {forms.path_words(path)}; the value stays "
            "(empty the field to clear it)"
        )
        return unlinked

    def _span_for(self, path: str, span_id: str | None, selection: Selection | None) -> Span:
        """The span ``span_id``; else, with a selection in the article, the one span of the
        field's label in it (``_span_in``); else the selected one. When that span's label is
        not the one the field is filled from, a span of that label sharing a character with
        it (one beginning at the same place first, then the shortest): with the cursor on
        "six", both a count and the releasee "six wounded soldiers", a count field takes
        the count."""
        if span_id is None:
            chosen = self._span_in(path, selection)
            if chosen is not None:
                return chosen
        span = self._target(span_id)
        wanted = self.form_field(path).from_label
        if span_id is None and wanted is not None and span.label != wanted:
            fitting = [
                other
                for _where, other in spans.overlapping(self.record, span)
                if other.label == wanted
            ]
            if fitting:
                span = min(fitting, key=lambda other: (other.start != span.start, len(other.text)))
        return span

    def _span_in(self, path: str, selection: Selection | None) -> Span | None:
        """The one span of the label the field at ``path`` is filled from that lies inside the
        selection (as it stands or snapped to words), or that it covers exactly; None when
        there is no selection, the field takes no span or no such span is there. The cursor
        sits at the selection's end, just after its words: a search for "Kestria said"
        left the actor "Kestria" out of reach of ctrl+l (a trial). Several: refused, naming
        them, rather than one picked for the person."""
        wanted = self.form_field(path).from_label
        if selection is None or wanted is None or selection[0] == selection[1]:
            return None
        start, end = min(selection), max(selection)
        stretches = [(start, end)]
        snapped = self._call(self.snapped, start, end)
        if snapped is not None:
            stretches.append(snapped)
        inside = [
            span
            for span in self.ordered_spans()
            if span.label == wanted
            and any(low <= span.start and span.end <= high for low, high in stretches)
        ]
        if len(inside) > 1:
            names = ", ".join(named(span) for span in inside)
            raise Refused(
                f"the selection holds {len(inside)} {wanted} spans, {names}: select just the "
                f"one for {forms.path_words(path)} (or put the cursor on it)"
            )
        return inside[0] if inside else None

    def span_to_fill(self, path: str, selection: Selection | None = None) -> Span | None:
        """The span at hand for the field at ``path`` (``_span_for``: in the selection, else at
        the cursor), which the screen's list of spans (``spans_to_fill``) highlights; None when
        there is none of the field's label there. A selection holding several is refused,
        naming them (the screen's list then has them all)."""
        wanted = self.form_field(path).from_label
        if wanted is None:
            raise Refused(f"{forms.path_words(path)} is not filled from spans; type its value")
        inside = self._span_in(path, selection)
        if inside is not None:
            return inside
        if self.span(self.selected) is None:
            return None  # nothing in the selection nor at the cursor
        span = self._span_for(path, None, None)  # the selection is looked at already
        return span if span.label == wanted else None

    def spans_to_fill(self, path: str) -> list[Span]:
        """The spans of the label the field at ``path`` is filled from, in text order (those a
        list holds already among them: the screen marks them, and ctrl+l refuses them)."""
        wanted = self.form_field(path).from_label
        return [span for span in self.ordered_spans() if span.label == wanted]

    def set_note(self, note: str, doc_id: str | None = None, typing: bool = False) -> bool:
        """Save ``note``, the person's text as the one-line note field shows it (line breaks
        as ⏎), the brat lines an import kept in the note kept as they were (``note_parts``).
        False when the note is that already: nothing is saved (see ``set_field``).
        ``doc_id``, ``typing``: as ``set_field``'s. The saves of one run of typing in the note
        are one undo step, as a field's (a trial's note took a ctrl+z per pause)."""
        if doc_id is not None and self.elsewhere(doc_id):
            return self.typed_elsewhere(doc_id, None, note)
        self._writable()
        note = typed_note(self.record.note, note)
        if note == self.record.note:
            if not typing:
                self._history().end_run()
            return False
        self._commit(self.record.model_copy(update={"note": note}), run=NOTE_RUN)
        if not typing:
            self._history().end_run()
        return True

    def swap_sides(self, path: str, doc_id: str | None = None) -> None:
        """Exchange the values and links of the field at ``path`` and the other field of its
        item filled from the same label (``form_item_edits.swap_sides``): one undo step, said.
        A newcomer's giver and receiver, the wrong way round, took about 14 keys to right."""
        self._on_open(doc_id, f"swapping {forms.path_words(path)}")
        self._writable()
        edited: form_item_edits.Edited = self._call(
            form_item_edits.swap_sides, self.record, path, self.scheme
        )
        self._commit(edited.record)
        self._notices.append(edited.said)

    def remove_list_item(self, path: str, text: str, cursor: int, doc_id: str | None = None) -> int:
        """Remove from the list field at ``path`` the item at ``cursor`` in ``text`` (what its
        input shows, saved), with its link (``form_item_edits.without_list_item``): one undo
        step, said. The index of the item removed."""
        self._on_open(doc_id, f"removing an item of {forms.path_words(path)}")
        self._writable()
        # Only a list has items (a count's number is none): without_list_item says so.
        known = self._listed(path) if self.form_field(path).type == "list" else []
        index = form_item_edits.item_at(text, cursor, known)
        edited: form_item_edits.Edited = self._call(
            form_item_edits.without_list_item, self.record, path, self.scheme, text, cursor, known
        )
        self._commit(edited.record)
        self._notices.append(edited.said)
        return index or 0

    def missing_required(self) -> list[str]:
        return list(forms.missing_required(self.record, self.scheme))
