"""What a record holds that the scheme in force does not know, and how the screen says it.

A scheme changed in the middle of a project (a label or a field renamed, say) leaves records
holding spans of labels and form fields it no longer has. Nothing of them is dropped: every
change saves the record whole, those spans, fields and links included, and ``annotator
validate`` lists them. But on screen they stood unexplained: a trial's done article, reopened
after ``location`` became ``place`` and ``demands`` became ``claims``, showed an empty
``claims``, a field linked to a span it did not list, and said nothing. Opening such a record
says once what it holds (``opening_notice``), and d says it again (``done_words``); both
say too the values of fields it knows that they no longer take (``record_unallowed``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.form_complete import empty_required
from annotator.core.forms import path_words
from annotator.core.models import Record
from annotator.core.record_unallowed import (
    not_allowed_words,
    span_not_allowed_words,
    span_values_not_allowed,
    values_not_allowed,
)
from annotator.core.scheme import Scheme


@dataclass(frozen=True)
class UnknownToScheme:
    """A record's parts the scheme does not know, each name in the order of the record."""

    labels: dict[str, int] = field(default_factory=dict)  # label -> how many spans have it
    fields: list[str] = field(default_factory=list)  # ``demands``, ``releases[].side``
    # Links of fields the scheme knows to spans of labels it does not: the form shows the
    # link, the span is one of those above (path -> span ids).
    links: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.labels or self.fields)

    def words(self) -> str:
        """``2 spans of label 'location' and field 'demands'``."""
        parts: list[str] = []
        if self.labels:
            count = sum(self.labels.values())
            names = ", ".join(repr(name) for name in self.labels)
            label = "label" if len(self.labels) == 1 else "labels"
            parts.append(f"{count} span{'s' if count > 1 else ''} of {label} {names}")
        if self.fields:
            names = ", ".join(repr(name) for name in self.fields)
            parts.append(f"{'field' if len(self.fields) == 1 else 'fields'} {names}")
        return " and ".join(parts)


def unknown_to_scheme(record: Record, scheme: Scheme) -> UnknownToScheme:
    """The spans, form fields and links of ``record`` that ``scheme`` does not know: the one
    rule for it, of the screen's notices and of ``validate``'s another-scheme summary
    (``validate_foreign``). A group's field is ``releases[].side``, in its form or its links."""
    labels = Counter(span.label for span in record.spans if scheme.label(span.label) is None)
    fields: list[str] = []
    for name, value in record.form.items():
        known = scheme.field(name)
        if known is None:
            fields.append(name)
        elif known.type == "group" and isinstance(value, list):
            subfields = {sub.name for sub in known.fields}
            for item in value:
                for key in item if isinstance(item, dict) else {}:
                    if key not in subfields and f"{name}[].{key}" not in fields:
                        fields.append(f"{name}[].{key}")
    for path in record.links:  # a link of a field the form no longer holds
        linked = linked_field(path, scheme)
        if linked is not None and linked not in fields:
            fields.append(linked)
    unknown_spans = {span.id for span in record.spans if span.label in labels}
    links = {
        path: [span_id for span_id in span_ids if span_id in unknown_spans]
        for path, span_ids in record.links.items()
        if linked_field(path, scheme) is None
        and any(span_id in unknown_spans for span_id in span_ids)
    }
    return UnknownToScheme(dict(labels), fields, links)


def linked_field(path: str, scheme: Scheme) -> str | None:
    """The field a link's path names (``demands``, ``releases[].side``), when ``scheme`` lacks
    it; None when it has it (or the path is not of a field: ``validate`` says so)."""
    top, _, rest = path.partition("[")
    top = top.partition(".")[0]
    known = scheme.field(top)
    if known is None:
        return top
    sub = rest.partition("].")[2]
    if known.type == "group" and sub and all(field.name != sub for field in known.fields):
        return f"{top}[].{sub}"
    return None


def opening_notice(record: Record, scheme: Scheme, scheme_path: Path, journal: Path) -> str | None:
    """What to say on opening ``record`` under ``scheme``: what it holds that the scheme does
    not know, kept as it is, and where the whole list is; and, of a done record, the fields
    the scheme requires that are empty (a renamed one: the record still says done, and the
    next change puts it back in progress). None when there is nothing to say."""
    unknown = unknown_to_scheme(record, scheme)
    held = held_words(record, scheme)
    said: list[str] = []
    if held:
        linked = "; ".join(
            f"{path_words(path)} links to {' '.join(span_ids)}"
            for path, span_ids in unknown.links.items()
        )
        said.append(
            f"this record holds {held} "
            f"(kept as they are{'; ' + linked if linked else ''}; "
            f"annotator validate --scheme {scheme_path} {journal} lists them)"
        )
    places = empty_required(record, scheme) if record.status == "done" else []
    # A required field keeping a value it does not take is no answer either (``held`` has
    # named the value): d refuses it, and the next change puts the record back in progress.
    empty = ", ".join(path_words(place.path) for place in places if place.why is None)
    kept = ", ".join(path_words(place.path) for place in places if place.why is not None)
    wanted = [f"{empty}, empty here"] if empty else []
    wanted += [f"a value it allows in {kept}"] if kept else []
    if wanted:
        said.append(
            f"it is done, but the scheme requires {' and '.join(wanted)}: "
            "the next change puts it back in progress"
        )
    return "; ".join(said) or None


def done_words(record: Record, scheme: Scheme) -> str:
    """What d adds to its notice when the record holds what the scheme does not know, or
    values it does not allow (``record_unallowed``): done does not pass over it unsaid.
    Empty when there is nothing."""
    held = held_words(record, scheme)
    return f"; it still holds {held} (kept)" if held else ""


def held_words(record: Record, scheme: Scheme) -> str:
    """``field 'arrests', which the scheme does not know``, and before it the values of
    fields it knows that they no longer take (``record_unallowed``): ``protest_type =
    sit_in (not a choice), which the scheme does not allow``. Empty when there are none."""
    unknown = unknown_to_scheme(record, scheme)
    # A span's value too (a count kept below its label's min, set since).
    not_allowed = [not_allowed_words(found) for found in values_not_allowed(record, scheme)]
    not_allowed += [span_not_allowed_words(one) for one in span_values_not_allowed(record, scheme)]
    parts: list[str] = []
    if not_allowed:
        values = ", ".join(not_allowed)
        parts.append(f"{values}, which the scheme does not allow")
    if unknown:
        parts.append(f"{unknown.words()}, which {'it' if parts else 'the scheme'} does not know")
    return ", and ".join(parts)
