"""Settling a form-field conflict with what the reviewer types, when no version is right.

A plain field (choice, text, integer, date, list) takes one typed value, and so does a field of
a group's item in conflict (``releases[0].count``: ``review_item_field``, read by the item
field's type; the item's other fields stay). A repeatable group takes items edited by hand:
the reviewer starts from one version's items (``review_typed_start``: the first version
holding any, to begin with), fixes what is wrong in them, adds or drops items, and the typed
items are appended to gold's agreed items in place of every version's (``settle_typed``).
Typed text is read as the annotation screen reads it: a list is comma-separated, then
``forms.coerce_field_value`` checks it (a choice one of the field's, an integer digits or
number words, a date ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); a count or date typed as a gold
span's words is that span's value (``review_typed_words.value_of_words``). A choice may be
typed in any case, or by the beginning of one choice only (``uni``); a beginning of several is
refused naming them (``typed_choice``).

Refusals (``BadValue``, a ``Refused``) say what is wrong in one line and name the field (and,
for a group, the item), so the screen can keep the input open on it. An empty value clears a
field that is not required; a required field, a required sub-field, or a group with no item
typed is refused; an item with nothing typed is left out (unless it keeps a link of the item
it began as: an item with no value and a link says where a value is).
The record is made by ``review_decisions.settled_record``, as for every other decision: the
conflict is removed, the status set, links carried by ``merge``'s rule. A typed value (an
item's field or a top-level one) is linked by one rule, ``review_item_field.typed_links``. A
typed item is no annotator's frame, so that rule gives it no link: its links are carried field
by field from the version item it began as (``ItemTexts.origin``, ``made_links``), to the
spans among them that are gold; a field they leave unlinked is linked to the one gold span
whose words it holds (``review_typed_words``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from annotator.core import forms
from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import sub_value
from annotator.core.list_links import items_in_text_order, linked_in_text_order
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import Conflict, field_of, find_conflict
from annotator.core.review_decisions import settled_record
from annotator.core.review_group_take import gold_items
from annotator.core.review_item_field import item_place, still_giving, typed_links, with_item_value
from annotator.core.review_links import Annotations, gold_ids_of
from annotator.core.review_typed_start import ItemTexts, listed
from annotator.core.review_typed_words import (
    WordsFound,
    as_linked_words,
    as_span_words,
    field_as_linked,
    items_as_linked_words,
    value_of_words,
    with_words_links,
)
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused

TypedItem = Mapping[str, str]
"""A group item as typed: sub-field name -> its typed text (an ``ItemTexts`` says where its
editing began)."""


Typed = str | TypedItem | Sequence[TypedItem]
"""A plain field's typed text, one group item's, or a group's items."""


# The end of a date's refusal (``values.check_date``), and what a date field filled from spans
# takes in its place: the words of a span of its label too.
DATE_FORMS = "(YYYY-MM-DD, YYYY-MM or YYYY)"
TAKES_DATE = "(YYYY-MM-DD, YYYY-MM, YYYY or a {label} span's words"


class BadValue(Refused):
    """A typed value the field refuses; ``field`` names the (sub-)field whose input is wrong,
    ``item`` the group item it is in (0-based among the items typed; None: not a group's)."""

    def __init__(self, field: str, message: str, item: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.item = item


def typed_value(
    field: FormField, typed: str, known: Sequence[str] = (), spans: Sequence[Span] = ()
) -> Any:
    """``typed`` as ``field`` stores it (None or [] when empty), or ``BadValue``; a list's
    ``known`` items keep their commas (``forms.typed_list``); a count or date typed as the
    words of gold ``spans`` is their value (``review_typed_words.value_of_words``)."""
    by_words = value_of_words(spans, field, typed)
    if by_words is not None:
        return by_words
    value: Any = typed
    if field.type == "list":
        value = [as_span_words(spans, field, item) for item in forms.typed_list(typed, known)]
    elif field.type == "choice":
        value = typed_choice(field, typed)
    elif field.type == "text":
        value = as_span_words(spans, field, typed)
    try:
        return forms.coerce_field_value(field, value)
    except AnnotatorError as error:
        said = str(error)
        if field.type == "date" and field.from_label and said.endswith(DATE_FORMS):
            # What is taken besides (``value_of_words``); words no span has ("last Friday")
            # are not read from the dateline here, as the form's date field does not read them.
            said = f"{said[: -len(DATE_FORMS)]}{TAKES_DATE.format(label=field.from_label)})"
        # "'swap' is not a choice of kind (...)" and "kind takes text" name the field already;
        # "expected a whole number like 146" does not.
        names_it = field.type == "choice" or said.startswith(f"{field.name} ")
        named = said if names_it else f"{field.name}: {said}"
        raise BadValue(field.name, named) from None


def typed_choice(field: FormField, typed: str) -> str:
    """A choice as the review's input reads it: the choice it names exactly, or case aside,
    or the one choice it begins (``uni`` is ``unilateral_release``: the input suggests it
    as one types, and enter refused what it showed); a beginning shared by several choices
    is refused naming them. Anything else is left for ``coerce_field_value`` to refuse.
    (The review's typing only: stored data must hold a choice exactly.)"""
    said = typed.strip()
    if not said or said in field.choices:
        return said
    folded = said.casefold()
    same = [choice for choice in field.choices if choice.casefold() == folded]
    if len(same) == 1:
        return same[0]
    begun = [choice for choice in field.choices if choice.casefold().startswith(folded)]
    if len(begun) == 1:
        return begun[0]
    if len(begun) > 1:
        raise BadValue(
            field.name,
            f"{said!r} could be {', '.join(begun)} ({field.name}): type more of it",
        )
    return said


def is_blank(typed: TypedItem) -> bool:
    return all(not text.strip() for text in typed.values())


def group_items(
    group: FormField,
    typed: Sequence[TypedItem],
    known: Sequence[str] = (),
    keeps_link: Callable[[int], bool] | None = None,
    spans: Sequence[Span] = (),
) -> list[tuple[int, dict[str, Any]]]:
    """The items of ``group`` from their typed texts, each with its number among ``typed``. An
    item with nothing typed is left out, unless ``keeps_link`` says that it keeps a link (a
    count linked to "hundreds", with no value, says where the count is); a bad one is refused
    (``BadValue`` naming its field and item); none at all is refused."""
    items: list[tuple[int, dict[str, Any]]] = []
    for number, texts in enumerate(typed):
        blank = is_blank(texts)
        if blank and (keeps_link is None or not keeps_link(number)):
            continue
        try:
            items.append((number, group_item(group, texts, known, blank, spans)))
        except BadValue as refused:
            said = f"item {number + 1}: {refused}" if len(typed) > 1 else str(refused)
            raise BadValue(refused.field, said, number) from None
    if not items:
        raise BadValue(
            group.fields[0].name,
            f"no item is typed: type one, or escape and press r to reject every version of "
            f"{group.name}",
            0,
        )
    return items


def group_item(
    group: FormField,
    typed: Mapping[str, str],
    known: Sequence[str] = (),
    linked: bool = False,
    spans: Sequence[Span] = (),
) -> dict[str, Any]:
    """One item of ``group`` from a typed text per sub-field (a sub-field not given is empty;
    ``known``, ``spans``: see ``typed_value``); ``linked``: it keeps a link, so it may hold
    no value."""
    unknown = sorted(set(typed) - {sub.name for sub in group.fields})
    if unknown:
        raise Refused(f"{group.name} items have no field {', '.join(unknown)}")
    item = {
        sub.name: typed_value(sub, typed.get(sub.name, ""), known, spans) for sub in group.fields
    }
    if not linked and all(value in (None, []) for value in item.values()):
        raise BadValue(
            group.fields[0].name,
            f"the item is empty: type at least one field of {group.name} (escape cancels)",
        )
    for sub in group.fields:
        if sub.required and item[sub.name] in (None, []):
            raise BadValue(sub.name, f"{sub.name} is required in every item of {group.name}")
    return item


def settle_typed(
    record: GoldRecord,
    conflict_id: str,
    typed: Typed,
    scheme: Scheme,
    annotations: Annotations | None = None,
) -> GoldRecord:
    """Settle a field conflict with a typed value (a plain field), or a group's conflict with
    items edited by hand (``typed``: their texts, each mapping the sub-fields to their texts;
    or one item's), appended to gold's items instead of any version's; see the module
    docstring."""
    conflict = find_conflict(record, conflict_id)
    if conflict.get("kind") == "span":
        raise Refused("a span conflict is settled by drawing the span (e, then a label key)")
    field = field_of(scheme, conflict)
    form = dict(record.form)
    if field.type == "group":
        if isinstance(typed, str):
            raise Refused(f"{field.name} is a repeatable group: write its items, a value a field")
        known = listed(conflict)
        given: list[TypedItem] = [typed] if isinstance(typed, Mapping) else list(typed)

        def keeps_link(number: int) -> bool:
            return keeps_a_link(record, conflict, field, given[number])

        if isinstance(typed, Mapping):
            numbered = [(0, group_item(field, typed, known, spans=record.spans))]
        else:
            numbered = group_items(field, given, known, keeps_link, record.spans)
        form, made, _found = with_typed_items(record, conflict, field, numbered, given)
        return settled_record(record, conflict, scheme, annotations, made, form=form)
    if not isinstance(typed, str):
        raise Refused(f"{field.name} takes one value, not items")
    value = typed_value(field, typed, listed(conflict), record.spans)
    place = item_place(scheme, conflict)
    if value in (None, []) and field.required:
        words = forms.path_words(conflict["path"])
        raise BadValue(field.name, f"{words} is required: {_what_to_type(field)}")
    # One rule links an item's field and a top-level one (a trial's top-level list had none).
    path = conflict["path"]
    made = typed_links(record, conflict, field, value, annotations)
    value = as_linked_words(record, field, value, made.get(path, []))
    value, made = linked_in_text_order(record, value, made, path)
    if place is not None:
        # A field of an item (``review_item_field``): the item's other fields stay.
        form = with_item_value(record, place, value, conflict_id)
        return settled_record(record, conflict, scheme, annotations, made, form=form)
    if value in (None, []):
        form.pop(field.name, None)
    else:
        form[field.name] = value
    # Merge's rule (``settled_record``) may carry an annotator's links over these: the value
    # follows the links it ends with.
    settled = settled_record(record, conflict, scheme, annotations, made, form=form)
    return field_as_linked(settled, field)


def keeps_a_link(
    record: GoldRecord, conflict: Conflict, group: FormField, texts: TypedItem
) -> bool:
    """Whether an item left blank keeps a link of the item it began as (an empty field)."""
    blank = {sub.name: typed_value(sub, "") for sub in group.fields}
    return bool(made_links(record, conflict, group, [blank], [_origin(texts)], 0))


def with_typed_items(
    record: GoldRecord,
    conflict: Conflict,
    group: FormField,
    numbered: Sequence[tuple[int, dict[str, Any]]],
    given: Sequence[TypedItem],
) -> tuple[dict[str, Any], dict[str, list[str]], WordsFound]:
    """The form with the ``numbered`` items (their numbers among ``given``, typed) appended to
    ``group``'s, the links they make (``made_links``, then where it gives none the span whose
    words a field holds: ``review_typed_words``) and what the words linked: what settling them
    gives ``settled_record``, and what ``review_typed_links`` shows before enter."""
    form = dict(record.form)
    items = [item for _number, item in numbered]
    origins = [_origin(given[number]) for number, _item in numbered]
    held = gold_items(record, group)
    earlier = len(held)
    made = made_links(record, conflict, group, items, origins, earlier)
    made, found = with_words_links(record, group, items, earlier, made)
    items = items_as_linked_words(record, group, items, earlier, made)
    items, made = items_in_text_order(record, group, items, earlier, made)
    form[group.name] = [*held, *items]
    return form, made, found


def _origin(texts: TypedItem) -> tuple[int, int] | None:
    """Where a typed item's editing began (``ItemTexts``), None when not said."""
    return texts.origin if isinstance(texts, ItemTexts) else None


def made_links(
    record: GoldRecord,
    conflict: Conflict,
    group: FormField,
    items: Sequence[dict[str, Any]],
    origins: Sequence[tuple[int, int] | None],
    earlier: int,
) -> dict[str, list[str]]:
    """The links of typed ``items`` (gold's items from index ``earlier``), field by field: a
    field keeps the links of the version item it began as (``origins``) to the spans that are
    gold, while its value is that item's, or one of those spans gives it (a count retyped to
    the figure of another span linked: the guidelines link each figure of a disputed entry). A
    list keeps the spans whose words it still holds. Without an origin, no links."""
    versions = conflict.get("versions") or []
    made: dict[str, list[str]] = {}
    for number, (item, origin) in enumerate(zip(items, origins, strict=True)):
        if origin is None or not 0 <= origin[0] < len(versions):
            continue
        version = versions[origin[0]]
        values = version.get("value") or []
        if not 0 <= origin[1] < len(values) or not isinstance(values[origin[1]], dict):
            continue
        began = values[origin[1]]
        version_links = version.get("links") or {}
        for sub in group.fields:
            bodies = version_links.get(f"{group.name}[{origin[1]}].{sub.name}") or []
            ids = gold_ids_of(record, bodies, sub)
            value = item.get(sub.name)
            if ids and sub_value(value, sub) != sub_value(began.get(sub.name), sub):
                ids = still_giving(record, ids, sub, value)
            if ids:
                made[f"{group.name}[{earlier + number}].{sub.name}"] = ids
    return made


def _what_to_type(field: FormField) -> str:
    if field.type == "choice":
        return f"type one of {', '.join(field.choices)}"
    return "type its value (escape cancels)"


def hint(field: FormField) -> str:
    """What a field's input takes, said under it."""
    if field.type == "choice":
        return f"one of: {', '.join(field.choices)}"
    if field.type == "date" and field.from_label:
        # A span's words are taken too (``value_of_words``): a trial read only the forms
        # below and took "Friday", a span's words, for a word the editor would refuse.
        return TAKES_DATE.format(label=field.from_label)[1:]
    return {
        "integer": "a whole number, like 146",
        "date": "YYYY-MM-DD, YYYY-MM or YYYY",
        "list": 'comma-separated; "a, b" is one item',
        "text": "text",
    }.get(field.type, "")
