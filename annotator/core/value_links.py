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

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from typing import Any

from annotator.core.form_compare import normal
from annotator.core.list_links import Spanned, linked_in_text_order
from annotator.core.models import Span
from annotator.core.review_typed_words import VALUED, as_linked_words, words_links
from annotator.core.scheme import FormField, Scheme
from annotator.core.span_words import ALIKE_TIERS, single_spaced

_ABSENT = object()


class _Labelled:
    """Some of gold's spans (``Spanned``), in gold's order: the words rule reads only those of
    a field's ``from_label``, so merge looks at few spans per field."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans


class GoldSpans:
    """Gold's spans as merge holds them (``Spanned``), each made a ``Span`` model only when
    read: a value linked by its words needs the few of its label it is linked to or may match,
    and making every document's spans into models cost merge a quarter of a second on 10,000
    documents (``bench.compare``)."""

    def __init__(self, fields: list[dict[str, Any]], made: list[Span] | None = None) -> None:
        self.fields = fields
        self._made: dict[int, Span] = dict(enumerate(made or []))
        self._at_of_id: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, record: Spanned) -> GoldSpans:
        spans = list(record.spans)
        fields = [
            {"id": one.id, "label": one.label, "text": one.text, "value": one.value}
            for one in spans
        ]
        return cls(fields, spans)

    def model(self, at: int) -> Span:
        made = self._made.get(at)
        if made is None:
            made = self._made[at] = Span.model_validate(self.fields[at])
        return made

    def picked(self, ats: set[int]) -> _Labelled:
        """The spans at ``ats`` (gold's positions), in gold's order."""
        return _Labelled([self.model(at) for at in sorted(ats)])

    def with_ids(self, span_ids: Iterable[str]) -> _Labelled:
        """The spans of ``span_ids`` (all that have one of them), in gold's order."""
        if self._at_of_id is None:
            self._at_of_id = {}
            for at, one in enumerate(self.fields):
                self._at_of_id.setdefault(one["id"], []).append(at)
        return self.picked({at for one in span_ids for at in self._at_of_id.get(one, ())})


class _LabelIndex:
    """One label's gold spans (positions) by id, and by words single-spaced or by value (as
    its fields read them): which may hold a field's value, found once per document. The words
    rule itself (``review_typed_words``) then decides among them: the index only leaves out
    spans it cannot take."""

    def __init__(self, by_words: bool, by_value: bool) -> None:
        self.spans: list[tuple[int, Mapping[str, Any]]] = []
        self.by_words: dict[str, list[int]] | None = {} if by_words else None
        self.by_value: dict[Hashable, list[int]] | None = {} if by_value else None
        self._by_id: dict[str, list[int]] | None = None
        self._by_tier: dict[int, dict[str, list[int]]] = {}  # ALIKE_TIERS' after the first

    def add(self, at: int, one: Mapping[str, Any]) -> None:
        self.spans.append((at, one))
        if self.by_words is not None:
            text = one["text"]
            words = _SPACED.get(text) or _spaced(text)
            self.by_words.setdefault(words, []).append(at)
        if self.by_value is not None:
            self.by_value.setdefault(normal(one.get("value")), []).append(at)

    def only_one(self, leaf: FormField, value: Any) -> int | None:
        """The position of the one span whose words (a count or date: value) ``value`` is, a
        field's one value with nothing linked (None: no such span, or several). What
        ``words_links`` gives it, found by the index alone: merge asks this of nearly every
        agreed value, and making models of the spans to ask the rule cost it a tenth of its
        time (``bench.compare``)."""
        if leaf.type in VALUED:
            found = self.by_value.get(normal(value)) if self.by_value is not None else None
        elif isinstance(value, str) and self.by_words is not None:
            found = self._of_words(value)
        else:
            found = None
        return found[0] if found is not None and len(found) == 1 else None

    def candidates(self, leaf: FormField, value: Any, linked: Sequence[str]) -> set[int]:
        """Positions of the spans the rule may read for ``value``: those ``linked`` and those
        whose words (a count or date: value) one of its values is."""
        found: set[int] = set()
        if linked:
            if self._by_id is None:
                self._by_id = {}
                for at, one in self.spans:
                    self._by_id.setdefault(one["id"], []).append(at)
            found.update(at for one in linked for at in self._by_id.get(one, ()))
        values = value if leaf.type == "list" and isinstance(value, list) else [value]
        valued = leaf.type in VALUED
        for one in values:
            if valued and self.by_value is not None:
                found.update(self.by_value.get(normal(one), ()))
            elif not valued and self.by_words is not None and isinstance(one, str):
                found.update(self._of_words(one) or ())
        return found

    def _of_words(self, value: str) -> list[int] | None:
        """The spans whose words ``value`` is at the first of ``span_words.ALIKE_TIERS`` where
        any is (as they are, case aside, as the search reads both: ``spans_matching``'s
        rule), the index of a later tier made only when it is asked."""
        assert self.by_words is not None
        found = self.by_words.get(_SPACED.get(value) or _spaced(value))
        if found is not None or not value.strip():
            return found
        for tier, words in enumerate(ALIKE_TIERS[1:], start=1):
            by_words = self._by_tier.get(tier)
            if by_words is None:
                by_words = self._by_tier[tier] = {}
                for at, one in self.spans:
                    by_words.setdefault(_words_at(tier, words, one["text"]), []).append(at)
            found = by_words.get(_words_at(tier, words, value))
            if found is not None:
                return found
        return None


# A text -> its words ``single_spaced``: the index and its look-ups read each of merge's 90,000
# again and again (an actor's name); looked up inline, not made again. Emptied when full.
_SPACED: dict[str, str] = {}


def _spaced(text: str) -> str:
    if len(_SPACED) >= 4096:
        _SPACED.clear()
    words = _SPACED[text] = single_spaced(text)
    return words


# (tier, text) -> the text's words at that tier of ``ALIKE_TIERS``: merge asks the later tiers
# of each value no span's words are as they are, over its label's spans, whose texts recur
# (an actor's name); made anew each time, they cost words_linked 9 ms more on 10,000
# documents (3,400 such values). Emptied when full.
_TIER_WORDS: dict[tuple[int, str], str] = {}


def _words_at(tier: int, words: Callable[[str], str], text: str) -> str:
    known = _TIER_WORDS.get((tier, text))
    if known is None:
        if len(_TIER_WORDS) >= 4096:
            _TIER_WORDS.clear()
        known = _TIER_WORDS[(tier, text)] = words(text)
    return known


def words_linked(
    record: Spanned | GoldSpans,
    form: Mapping[str, Any],
    links: Mapping[str, list[str]],
    scheme: Scheme,
    before: Mapping[str, Any] | None = None,
    new_labels: Collection[str] = (),
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``form`` and ``links`` with each value that entered gold linked by the module
    docstring's rule (``record``: gold's spans): every field's value, or, given ``before``
    (gold's form before a review decision), those that differ from it, and those of a field
    filled from one of ``new_labels`` (the labels of spans the decision added to gold or
    gave another value): a span drawn by hand around an agreed date holds that value as much
    as a version's span does, and a trial's drawn ``Saturday`` was left unlinked where taking
    a version linked it."""
    wanted = [
        one
        for one in _linkable(form, links, scheme)
        if before is None or _value_at(before, one[0]) != one[2] or one[1].from_label in new_labels
    ]
    if not wanted:
        return dict(form), dict(links)
    gold = record if isinstance(record, GoldSpans) else GoldSpans.of(record)
    by_label: dict[str | None, _LabelIndex] = {}
    for _path, leaf, _value, _group, _at in wanted:
        index = by_label.get(leaf.from_label)
        valued = leaf.type in VALUED
        if index is None:
            by_label[leaf.from_label] = _LabelIndex(not valued, valued)
        elif (index.by_value if valued else index.by_words) is None:
            by_label[leaf.from_label] = _LabelIndex(True, True)
    for at, one in enumerate(gold.fields):
        index = by_label.get(one["label"])
        if index is not None:
            index.add(at, one)
    out_form, out_links = _Copied(form), dict(links)
    for path, leaf, value, group, item_at in wanted:
        index = by_label[leaf.from_label]
        linked = out_links.get(path, [])
        if leaf.type != "list" and not linked:
            # One value and no link (all but lists: a linked one is not wanted): the one span
            # giving it, its words single-spaced as ``as_linked_words`` stores them.
            only = index.only_one(leaf, value)
            if only is not None:
                out_links[path] = [gold.fields[only]["id"]]
                if leaf.type not in VALUED:
                    text = gold.fields[only]["text"]  # its words: a ' typed for its ’ too
                    value = _SPACED.get(text) or _spaced(text)
                out_form.set(path, group, item_at, leaf.name, value)
            continue
        # Only the spans the rule may take are made models and read: those of no words the
        # value holds and no link could give it nothing.
        ats = index.candidates(leaf, value, linked)
        if not ats:
            continue
        spans = gold.picked(ats)
        ids = words_links(spans, leaf, value, linked)[0]
        if not ids:
            continue
        value = as_linked_words(spans, leaf, value, ids)
        out_links[path] = [*linked, *ids]
        if leaf.type == "list":
            value, out_links = linked_in_text_order(spans, value, out_links, path)
        out_form.set(path, group, item_at, leaf.name, value)
    return out_form.form, out_links


# A value to link: (its path, its field, the value, its group's name or None, its item's index)
_Linkable = tuple[str, FormField, Any, str | None, int]
# id(scheme) -> (scheme, its fields filled from a label: each top-level one with None, each
# group with its fields that are); the scheme is kept so that its id cannot be reused.
_FILLED: dict[int, tuple[Scheme, list[tuple[FormField, list[FormField] | None]]]] = {}


def _filled_fields(scheme: Scheme) -> list[tuple[FormField, list[FormField] | None]]:
    known = _FILLED.get(id(scheme))
    if known is None or known[0] is not scheme:
        if len(_FILLED) > 64:
            _FILLED.clear()
        filled: list[tuple[FormField, list[FormField] | None]] = []
        for field in scheme.fields:
            if field.type != "group":
                if field.from_label is not None:
                    filled.append((field, None))
                continue
            subs = [sub for sub in field.fields if sub.from_label is not None]
            if subs:
                filled.append((field, subs))
        known = _FILLED[id(scheme)] = (scheme, filled)
    return known[1]


def _linkable(
    form: Mapping[str, Any], links: Mapping[str, list[str]], scheme: Scheme
) -> list[_Linkable]:
    """Each field (top-level, and of a group's items) filled from a label that holds a value
    and may take a link by its words: a list, or a value with no link (in form order). Merge
    asks this of every document: made with the scheme's filled fields known once, no field
    that is not filled from a label is looked at."""
    found: list[_Linkable] = []
    for field, subs in _filled_fields(scheme):
        value = form.get(field.name)
        if subs is None:
            if value not in (None, "", []) and (field.type == "list" or not links.get(field.name)):
                found.append((field.name, field, value, None, 0))
            continue
        if not isinstance(value, list):
            continue
        for at, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            for sub in subs:
                held = item.get(sub.name)
                if held not in (None, "", []):
                    path = f"{field.name}[{at}].{sub.name}"
                    if sub.type == "list" or not links.get(path):
                        found.append((path, sub, held, field.name, at))
    return found


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

    def set(self, path: str, group: str | None, at: int, name: str, value: Any) -> None:
        """Set the value at ``path``: top-level (``group`` None), or ``name`` of ``group``'s
        item ``at`` (the path said in parts: reading them from it cost merge time)."""
        if group is None:
            self.form[path] = value
            return
        if group not in self._copied:
            self.form[group] = [
                dict(item) if isinstance(item, dict) else item for item in self.form[group]
            ]
            self._copied.add(group)
        self.form[group][at][name] = value
