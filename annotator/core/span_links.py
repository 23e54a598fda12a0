"""What a change to a linked span does to the form fields linked to it.

A field filled from a span (``forms.fill_from_span``) holds what the span gave it
(``forms.span_gives``: the value for a count or date field, else the words; a list field holds
them as one of its items). When the span changes afterwards (``v`` types its value anew, ``r``
moves its bounds, a relabel changes its value), a field still holding what the span gave takes
what it gives now: a trial corrected a count to 96 and the form kept 95, linked, unsaid. A field
holding something else keeps it, and nothing is said: a figure linked only (ctrl+t, the
guidelines' disputed figures) is meant to differ from the value. A span whose value is cleared
leaves the field its figure; given a value again, it is followed by a field it alone is linked
to.

A relabel that makes the span a label the field is not filled from drops that field's link (the
value stays, as when a linked span is deleted): ctrl+l would refuse the link, and ``validate``
does not look at labels.

``follow_span`` only computes: the session commits the record it returns as the span's change,
so one ctrl+z undoes the span and its fields together.
"""

from __future__ import annotations

from typing import Any

from annotator.core import forms
from annotator.core.display import quoted
from annotator.core.errors import AnnotatorError
from annotator.core.models import Record, Span
from annotator.core.scheme import FormField, Scheme
from annotator.core.span_words import index_of_words, single_spaced, span_words


def follow_span(
    before: Record, after: Record, span_id: str, scheme: Scheme
) -> tuple[Record, list[str]]:
    """``after`` (``before`` with span ``span_id`` changed) with the fields linked to that
    span following it, and the notices saying what followed or which links went."""
    old, new = before.span_by_id(span_id), after.span_by_id(span_id)
    if old is None or new is None or old == new:
        return after, []
    record, notices, refused = after, [], []
    for path, linked in after.links.items():
        if span_id not in linked:
            continue
        try:
            field = forms.resolve_path(scheme, path)[2]
        except AnnotatorError:
            continue  # a path the scheme does not know is validate's to report
        if old.label != new.label and field.from_label not in (None, new.label):
            refused.append(path)
            continue
        record, said = _follow_field(record, path, field, old, new, scheme)
        notices.extend(said)
    if refused:
        record = _unlinked(record, span_id, refused)
        notices.append(_refused_notice(new, refused))
    return record, notices


def _follow_field(
    record: Record, path: str, field: FormField, old: Span, new: Span, scheme: Scheme
) -> tuple[Record, list[str]]:
    current = forms.field_value(record, path, scheme)
    if field.type == "list":
        return _follow_item(record, path, old, new, current, scheme)
    try:
        was = forms.coerce_field_value(field, forms.span_gives(field, old))
        now = forms.coerce_field_value(field, forms.span_gives(field, new))
    except AnnotatorError:
        return record, []  # the field never took what the span gives: nothing to follow
    # A span whose value was cleared left the field its figure ("keeps 95"); given a value
    # again, the field it alone fills follows (a trial's field stayed 95, linked to a 96).
    regained = was is None and current is not None and record.links.get(path) == [new.id]
    # A value filled before words were single-spaced (``span_words``) holds a tab still.
    held = single_spaced(current) if isinstance(current, str) else current
    if was == now or (held != was and not regained):
        return record, []
    was = current if regained else was
    name = forms.path_words(path)
    if now is None:
        # Emptying the field would lose a figure the annotator may still want; the link stays.
        return record, [f"{name} keeps {_shown(field, was)}: {new.id} has no value now"]
    followed = forms.set_keeping_links(record, path, now, scheme)
    return followed, [f"{name} follows {new.id}: {_shown(field, was)} → {_shown(field, now)}"]


def _follow_item(
    record: Record, path: str, old: Span, new: Span, items: list[str], scheme: Scheme
) -> tuple[Record, list[str]]:
    """A list field: the item that holds the span's old words takes its new ones (the item
    goes when the new words are listed already, as ctrl+l would not list them twice)."""
    at = index_of_words(items, old)
    # Words that changed only in their whitespace are the item's still (``span_words``).
    if span_words(old) == span_words(new) or at is None:
        return record, []
    if index_of_words(items, new) is not None:
        changed = items[:at] + items[at + 1 :]
    else:
        changed = [*items[:at], span_words(new), *items[at + 1 :]]
    followed = forms.set_keeping_links(record, path, changed, scheme)
    told = f"{forms.path_words(path)} follows {new.id}: {quoted(old.text, 40)} → "
    return followed, [told + quoted(new.text, 40)]


def _unlinked(record: Record, span_id: str, paths: list[str]) -> Record:
    links = {
        path: kept
        for path, linked in record.links.items()
        if (kept := [other for other in linked if other != span_id or path not in paths])
    }
    return type(record).model_validate({**dict(record), "links": links})


def _refused_notice(span: Span, paths: list[str]) -> str:
    """``s4 is a releasee now: its link to releases #1 released_by went; the value stays``."""
    article = "an" if span.label[:1].lower() in "aeiou" else "a"
    names = ", ".join(forms.path_words(path) for path in paths)
    several = len(paths) > 1
    return (
        f"{span.id} is {article} {span.label} now: its link{'s' if several else ''} to {names} "
        f"went; the value{'s' if several else ''} stay{'' if several else 's'}"
    )


def _shown(field: FormField, value: Any) -> str:
    """A count or date as it is; words quoted as messages quote them."""
    if value is None:
        return "(empty)"
    return str(value) if field.type in ("integer", "date") else quoted(str(value), 40)
