"""A form value that enters gold with no link from its version, linked by its words: one rule
for every way a value enters gold.

A value typed in review (``e``) with no link from a version is linked to the one gold span of
its field's ``from_label`` whose words it holds, whitespace aside (a count or date: whose
value it is), and a list is then put in the order of its linked spans in the text
(``review_typed_words``). A reviewer's trial found a value entering gold any other way left
unlinked: ``received_by`` taken with ``1`` as "government of Ostreva" beside gold's span s3 of
those words, ann2's releasees taken in ann2's order though both were gold spans, merge's
agreed date 2023-11-11 beside gold's ``Saturday`` of that value. Gold's links depended on
which key the reviewer pressed. ``words_linked`` is that rule for merge's agreed fields and
items (``merge_form``) and for every review decision's values (``review_decisions.drafted``):
a field's own links (a version's, an annotator's carried by merge's rule) come first and are
kept as they are; a field with none, or a list's items none of them holds, gets the words'
links (``review_typed_words.words_links``: none where several gold spans give it); the value
is stored as the linked words single-spaced (``as_linked_words``) and a list put in text order
(``list_links.linked_in_text_order``), as ``e`` stores them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from annotator.core.list_links import Spanned, linked_in_text_order
from annotator.core.models import Span
from annotator.core.review_typed_words import as_linked_words, words_links
from annotator.core.scheme import FormField, Scheme

_ABSENT = object()


class _Labelled:
    """The spans of one label (``Spanned``): the words rule reads only those of a field's
    ``from_label``, so merge looks at few spans per field."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans


def words_linked(
    record: Spanned,
    form: Mapping[str, Any],
    links: Mapping[str, list[str]],
    scheme: Scheme,
    before: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``form`` and ``links`` with each value that entered gold linked by the module
    docstring's rule (``record``: gold's spans): every field's value, or, given ``before``
    (gold's form before a review decision), those that differ from it."""
    wanted = [
        (path, leaf, value)
        for path, leaf, value in _valued_paths(form, scheme)
        if leaf.from_label is not None
        and (leaf.type == "list" or not links.get(path))
        and (before is None or _value_at(before, path) != value)
    ]
    if not wanted:
        return dict(form), dict(links)
    labels = {leaf.from_label for _path, leaf, _value in wanted}
    by_label: dict[str | None, _Labelled] = {}
    for span in record.spans:
        if span.label in labels:
            by_label.setdefault(span.label, _Labelled([])).spans.append(span)
    out_form, out_links = _Copied(form), dict(links)
    for path, leaf, value in wanted:
        spans = by_label.get(leaf.from_label)
        if spans is None:
            continue
        linked = out_links.get(path, [])
        ids = words_links(spans, leaf, value, linked)[0]
        if not ids:
            continue
        value = as_linked_words(spans, leaf, value, ids)
        out_links[path] = [*linked, *ids]
        if leaf.type == "list":
            value, out_links = linked_in_text_order(spans, value, out_links, path)
        out_form.set(path, value)
    return out_form.form, out_links


def _valued_paths(form: Mapping[str, Any], scheme: Scheme) -> Iterator[tuple[str, FormField, Any]]:
    """(path, field, value) of each field holding a value: top-level, and of a group's items."""
    for field in scheme.fields:
        value = form.get(field.name)
        if field.type != "group":
            if value not in (None, "", []):
                yield field.name, field, value
            continue
        if not isinstance(value, list):
            continue
        for at, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            for sub in field.fields:
                held = item.get(sub.name)
                if held not in (None, "", []):
                    yield f"{field.name}[{at}].{sub.name}", sub, held


def _value_at(form: Mapping[str, Any], path: str) -> Any:
    if "[" not in path:
        return form.get(path, _ABSENT)
    group, rest = path.split("[", 1)
    index, name = rest.split("].", 1)
    items = form.get(group)
    at = int(index)
    if not isinstance(items, list) or at >= len(items) or not isinstance(items[at], dict):
        return _ABSENT
    return items[at].get(name, _ABSENT)


class _Copied:
    """A form whose values are set by path, each group's items copied once when first set
    (merge sets many on every document: copying the form for each cost it time)."""

    def __init__(self, form: Mapping[str, Any]) -> None:
        self.form = dict(form)
        self._copied: set[str] = set()

    def set(self, path: str, value: Any) -> None:
        if "[" not in path:
            self.form[path] = value
            return
        group, rest = path.split("[", 1)
        index, name = rest.split("].", 1)
        if group not in self._copied:
            self.form[group] = [
                dict(item) if isinstance(item, dict) else item for item in self.form[group]
            ]
            self._copied.add(group)
        self.form[group][int(index)][name] = value
