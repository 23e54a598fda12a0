"""Form operations on a record's ``form``, driven by the scheme (no field names built in).

A field is named by a path: ``event_type`` for a top-level field, ``releases[0].count`` for a
field of the first item of a repeatable group (read by ``form_paths``). The same paths key
``record.links`` (which spans a value was filled from). Every operation returns a new record
and leaves the old one alone.

Choices made here that callers rely on:
- Typed values are read strictly: a choice must be one of the field's choices, an integer is
  digits ("146", "1,200") within its min and max, a date is ``YYYY-MM-DD``/``YYYY-MM``/``YYYY``;
  "" clears a field (None, or [] for a list). A list field takes a list of strings or one
  string with an item per line.
- Setting a field by hand to a different value drops its link: the value no longer comes from
  the span (a list keeps the links of the items still in it). Filling it from a span again
  records the link again. ``link_span`` and ``unlink_span`` add or drop a link, the value
  left alone; ``set_keeping_links`` sets a value a linked span gives anew (``span_links``).
- ``form_problems`` reports paths the pydantic way (``releases.0.count``), as ``validate`` prints
  them; every other function uses link paths (``releases[0].count``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import links_without_items
from annotator.core.form_complete import empty_items as empty_items
from annotator.core.form_complete import missing_required as missing_required
from annotator.core.form_paths import item_path as item_path
from annotator.core.form_paths import path_words as path_words
from annotator.core.form_paths import resolve_path as resolve_path
from annotator.core.list_text import shown_list
from annotator.core.list_text import typed_list as typed_list
from annotator.core.models import Record, Span
from annotator.core.normalise import typed_date, typed_integer
from annotator.core.scheme import FormField, Scheme
from annotator.core.span_words import (
    holds_words_of,
    index_of_words,
    single_spaced,
    span_words,
    spans_alike,
)
from annotator.core.value_range import within_range


def _items(form: dict[str, Any], group: str) -> list[Any]:
    items = form.get(group, [])
    if not isinstance(items, list):
        raise AnnotatorError(f"form field {group} should be a list of items, not {items!r}")
    return items


def field_value(record: Record, path: str, scheme: Scheme) -> Any:
    """The current value at ``path`` (None, or [] for a list, when not filled in yet)."""
    top, index, leaf = resolve_path(scheme, path)
    empty: Any = [] if leaf.type in ("list", "group") else None
    if index is None:
        return record.form.get(top.name, empty)
    items = _items(record.form, top.name)
    if index >= len(items) or not isinstance(items[index], dict):
        return empty
    return items[index].get(leaf.name, empty)


def coerce_field_value(field: FormField, value: Any) -> Any:
    """A typed or given value as the field stores it, or AnnotatorError saying what is wrong."""
    if field.type == "group":
        raise AnnotatorError(f"{field.name} is a repeatable group: add or remove items instead")
    if field.type == "list":
        return _list_value(field, value)
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return None
    if value is None:
        return None
    if field.type == "integer":
        return within_range(field, typed_integer(value))
    if field.type == "date":
        return typed_date(value)
    if not isinstance(value, str):
        raise AnnotatorError(f"{field.name} takes text, got {value!r}")
    if field.type == "choice" and value not in field.choices:
        raise AnnotatorError(
            f"{value!r} is not a choice of {field.name} (one of {', '.join(field.choices)})"
        )
    return value


def typed_text(value: Any, known: Iterable[str] = ()) -> str:
    """A stored value as an input shows it: a list comma-separated, an item holding a comma
    in quotes (``list_text.shown_list``; ``typed_list`` with the same ``known`` reads it
    back), nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, list):
        return shown_list(value, known)
    return str(value)


def typed_fits(scheme: Scheme, path: str, typed: str) -> bool:
    """Whether ``typed``, as a person types it into the input of the field at ``path`` (a list
    comma-separated), is a value the field takes. The annotation screen saves a pause in
    typing only then: a date half typed is not refused while it is still being typed."""
    try:
        _top, _index, field = resolve_path(scheme, path)
        coerce_field_value(field, typed_list(typed) if field.type == "list" else typed)
    except AnnotatorError:
        return False
    return True


def _list_value(field: FormField, value: Any) -> list[str]:
    if value is None:
        return []
    items = value.splitlines() if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
        raise AnnotatorError(f"{field.name} takes a list of text, got {value!r}")
    return [item.strip() for item in items if item.strip()]


def _rebuilt(record: Record, form: dict[str, Any], links: dict[str, list[str]]) -> Record:
    fields = dict(record)
    fields.update(form=form, links=links)
    return type(record).model_validate(fields)


def _with_value(record: Record, path: str, scheme: Scheme, value: Any) -> dict[str, Any]:
    """A copy of the form with ``value`` at ``path`` (the record's own dicts are not touched)."""
    top, index, leaf = resolve_path(scheme, path)
    form = dict(record.form)
    if index is None:
        form[top.name] = value
        return form
    items = list(_items(form, top.name))
    if index >= len(items):
        raise AnnotatorError(
            f"no form field {path!r}: {top.name} has {len(items)} item"
            f"{'' if len(items) == 1 else 's'}"
        )
    if not isinstance(items[index], dict):
        raise AnnotatorError(f"form field {top.name}[{index}] should be an object")
    items[index] = {**items[index], leaf.name: value}
    form[top.name] = items
    return form


def set_field(record: Record, path: str, value: Any, scheme: Scheme) -> Record:
    """Set the field at ``path`` to a value checked against its type (see the module doc)."""
    _, _, leaf = resolve_path(scheme, path)
    try:
        stored = coerce_field_value(leaf, value)
    except AnnotatorError as error:
        raise AnnotatorError(f"{path}: {error}") from None
    old = field_value(record, path, scheme)
    form = _with_value(record, path, scheme, stored)
    links = dict(record.links)
    if stored != old or type(stored) is not type(old):
        # A list keeps the links of its items still there: a name typed beside those filled
        # from spans does not make them typed too.
        kept = [
            span_id
            for span_id in links.pop(path, [])
            if leaf.type == "list"
            and (span := record.span_by_id(span_id)) is not None
            and index_of_words(stored, span) is not None
        ]
        if kept:
            links[path] = kept
    return _rebuilt(record, form, links)


def set_keeping_links(record: Record, path: str, value: Any, scheme: Scheme) -> Record:
    """Set the field at ``path`` with its links kept: a linked span whose value or words
    changed gives the field its new value (``span_links``), the value still coming from it."""
    _, _, leaf = resolve_path(scheme, path)
    form = _with_value(record, path, scheme, coerce_field_value(leaf, value))
    return _rebuilt(record, form, dict(record.links))


def _group(scheme: Scheme, group: str) -> FormField:
    field = scheme.field(group)
    if field is None or field.type != "group":
        groups = ", ".join(f.name for f in scheme.fields if f.type == "group") or "none"
        raise AnnotatorError(f"no repeatable group {group!r} in the form (groups: {groups})")
    return field


def add_group_item(record: Record, group: str, scheme: Scheme) -> Record:
    """Append an empty item to a group: every field None, every list field []."""
    field = _group(scheme, group)
    item: dict[str, Any] = {sub.name: [] if sub.type == "list" else None for sub in field.fields}
    form = dict(record.form)
    form[group] = [*_items(form, group), item]
    return _rebuilt(record, form, dict(record.links))


def remove_group_item(record: Record, group: str, index: int) -> Record:
    """Remove item ``index`` of a group, with its links; later items' links move up by one."""
    items = _items(record.form, group)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(items):
        raise AnnotatorError(f"no item {group}[{index}] (the group has {len(items)})")
    form = dict(record.form)
    form[group] = items[:index] + items[index + 1 :]
    return _rebuilt(record, form, links_without_items(record.links, group, {index}))


def _field_and_span(
    record: Record, path: str, span_id: str, scheme: Scheme, how: str
) -> tuple[FormField, Span]:
    """The field at ``path`` and the span ``span_id``, refused unless the field is ``how``
    ("filled from", "linked to") spans of the span's label."""
    _, _, leaf = resolve_path(scheme, path)
    span = record.span_by_id(span_id)
    if span is None:
        raise AnnotatorError(f"{path}: no span {span_id!r}")
    if leaf.from_label is None:
        raise AnnotatorError(f"{path} is not {how} spans; type its value instead")
    if span.label != leaf.from_label:
        raise AnnotatorError(
            f"{path} is {how} {leaf.from_label} spans; {span_id} "
            f"({span.text!r}) is labelled {span.label}"
        )
    return leaf, span


def span_gives(field: FormField, span: Span) -> Any:
    """What a span gives the field it fills: its value for a count or date field, else its
    words (``span_words``; one item of a list field)."""
    return span.value if field.type in ("integer", "date") else span_words(span)


def fill_from_span(record: Record, path: str, span_id: str, scheme: Scheme) -> Record:
    """Fill a field from a span and link them; a list field gets the span's text appended.

    Count and date fields take the span's value, other fields its text. The span must carry
    the field's ``from_label``. A list refuses a span already linked to it; a text already
    listed (typed by hand, say) gets the link only. Any other field is filled from the span
    alone: its value and its links are replaced, even when the value is the same ("Garesh"
    from another "Garesh" span): a trial corrected a wrong pick with ctrl+l and the wrong span
    stayed linked beside the right one, unseen. ``link_span`` (ctrl+t) adds a link (the
    guidelines' disputed figures). Taking again a span the field is linked to and holds the
    value of changes nothing: its other links (ctrl+t's) stay."""
    leaf, span = _field_and_span(record, path, span_id, scheme, "filled from")
    links = dict(record.links)
    if leaf.type == "list":
        current = list(field_value(record, path, scheme) or [])
        linked = links.get(path, [])
        if span_id in linked:
            raise AnnotatorError(f"{path}: {span_id} ({span.text!r}) is already in the list")
        links[path] = _in_text_order(record, [*linked, span_id])
        if index_of_words(current, span) is not None:  # listed already, typed: now linked too
            return _rebuilt(record, dict(record.form), links)
        alike = _typed_alike(record, current, span)
        if alike is not None:  # typed otherwise ("people's" for "people’s"): now its words
            items = [*current[:alike], span_words(span), *current[alike + 1 :]]
            return _rebuilt(record, _with_value(record, path, scheme, items), links)
        at = _place_in_list(record, current, linked, span)
        form = _with_value(record, path, scheme, [*current[:at], span_words(span), *current[at:]])
        return _rebuilt(record, form, links)
    raw = span_gives(leaf, span)
    try:
        value = coerce_field_value(leaf, raw)
    except AnnotatorError as error:
        raise AnnotatorError(f"{path}: cannot take {span_id} ({span.text!r}): {error}") from None
    held = field_value(record, path, scheme)  # words filled before may hold a tab still
    if span_id in links.get(path, []) and (value == held or holds_words_of(held, span)):
        return record  # filled from this span already; a figure linked beside it stays
    form = _with_value(record, path, scheme, value)
    links[path] = [span_id]
    return _rebuilt(record, form, links)


def _typed_alike(record: Record, items: list[Any], span: Span) -> int | None:
    """The first of a list's ``items`` whose words are ``span``'s alone at their best tier
    (``span_words.spans_alike`` among the spans of its label): "marta ostrovina", ' for ’
    (else it was listed twice). Not a typed "józef nowak" for "Jozef Nowak" beside a span
    "Józef Nowak" (another person), nor a listed "Russia" (s1's) for s2's "RUSSIA"."""
    labelled = [one for one in record.spans if one.label == span.label]
    return next(
        (at for at, item in enumerate(items) if _ids(spans_alike(item, labelled)) == [span.id]),
        None,
    )


def _ids(spans: list[Span]) -> list[str]:
    return [one.id for one in spans]


def _in_text_order(record: Record, span_ids: list[str]) -> list[str]:
    """``span_ids`` in the order of their spans in the text (an id with no span stays last)."""

    def where(span_id: str) -> tuple[bool, int, int]:
        span = record.span_by_id(span_id)
        return (False, span.start, span.end) if span is not None else (True, 0, 0)

    return sorted(span_ids, key=where)


def _place_in_list(record: Record, items: list[Any], linked: list[str], span: Span) -> int:
    """Where a list field's new item from ``span`` goes: before the first item filled from a
    span further on in the text, else at the end. Filled one ctrl+l after another, nearest
    the cursor first, a trial's releasees read backwards (Théodore, Aïssatou, Zoë); items
    typed by hand stay where they are."""
    starts: dict[str, int] = {}
    for span_id in linked:
        other = record.span_by_id(span_id)
        if other is not None:
            starts.setdefault(span_words(other), other.start)
    later = [
        index
        for index, item in enumerate(items)
        if starts.get(single_spaced(str(item)), -1) > span.start
    ]
    return later[0] if later else len(items)


def link_span(record: Record, path: str, span_id: str, scheme: Scheme) -> Record:
    """Link a span to the field at ``path`` without touching its value.

    The guidelines link every figure of an entry when the sides disagree (187 and 210 for one
    transfer) while the value is the receiving side's: the figure not taken is linked only.
    The span must carry the field's ``from_label``; a span linked already is refused."""
    _leaf, span = _field_and_span(record, path, span_id, scheme, "linked to")
    _with_value(record, path, scheme, None)  # an item that is not there is refused
    linked = record.links.get(path, [])
    if span_id in linked:
        raise AnnotatorError(f"{path}: {span_id} ({span.text!r}) is linked already")
    links = {**record.links, path: [*linked, span_id]}
    return _rebuilt(record, dict(record.form), links)


def unlink_span(record: Record, path: str, span_id: str | None = None) -> Record:
    """Drop the link from the field at ``path`` to ``span_id`` (None: every link of the
    field); the value stays, as if typed. A link that is not there is refused."""
    linked = record.links.get(path, [])
    if not linked:
        raise AnnotatorError(f"{path_words(path)} has no links")
    if span_id is not None and span_id not in linked:
        raise AnnotatorError(
            f"{path_words(path)} is not linked to {span_id} (its links: {' '.join(linked)})"
        )
    kept = [] if span_id is None else [other for other in linked if other != span_id]
    links = {key: value for key, value in record.links.items() if key != path}
    if kept:
        links[path] = kept
    return _rebuilt(record, dict(record.form), links)


def form_problems(form: Any, scheme: Scheme) -> list[tuple[str, str]]:
    """``(path, message)`` for each way ``form`` breaks the scheme, e.g. ``releases.0.count``."""
    if not isinstance(form, dict):
        return [("", f"the form must be an object, got {type(form).__name__}")]
    try:
        scheme.form_model.model_validate(form)
    except ValidationError as error:
        return [
            (
                ".".join(str(part) for part in item["loc"]),
                item["msg"].removeprefix("Value error, "),
            )
            for item in error.errors()
        ]
    return []
