"""The links of one document's merged form (``FormMerge``'s part, by the rules in ``merge_form``'s
docstring): an accepted answer's or item's links carried to gold's spans, and a conflict's
version given the spans its annotators linked.

Kept apart from ``merge_form``, which decides what is accepted and what is in conflict: what
is here only looks up, for an answer or a version already decided, which spans its
annotators linked and which of them are gold, in the annotators' records and gold's spans.
"""

from __future__ import annotations

from typing import Any

import orjson

from annotator.core.compare import Unit
from annotator.core.links_most import most_linked
from annotator.core.scheme import FormField


class FormLinks:
    """Carries links for ``FormMerge`` (``GoldBuilder`` holds what it reads and writes)."""

    unit: Unit
    spans: list[dict[str, Any]]
    their_links: dict[str, dict[str, list[str]]]
    # annotator -> their span id -> gold id (None: not gold); made when anyone links
    span_ids: dict[str, dict[str, str | None]]
    links: dict[str, list[str]]
    gold_labels: dict[str, str]  # gold span id -> label, made when a link is first carried
    spans_by_id: dict[str, dict[str, Any]]  # annotator -> their span id -> span, when needed

    @staticmethod
    def _add_links(
        version: dict[str, Any], path: str, linked: list[dict[str, Any]], by: list[str]
    ) -> None:
        """Put ``linked`` in the version's ``links`` at ``path``, and ``by`` (who linked them)
        in its ``linked_by`` when not all its annotators did: one who typed "Kestria" by hand
        read as having linked another's actor span."""
        if not linked:
            return
        version.setdefault("links", {})[path] = linked
        if set(by) != set(version["annotators"]):
            version.setdefault("linked_by", {})[path] = by

    def _version_bodies(
        self, holders: list[tuple[str, str]], sub: FormField
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """The spans a version's field is linked to (``holders``: who gave it, and their path
        there): the first holder's by name whose links reach a span gold already, of the label
        the field is filled from (one may link a span only they marked where another links the
        one gold holds), else the first's; and the holders who linked those spans there (in
        any order)."""
        bodies: dict[str, list[dict[str, Any]]] = {}
        chosen: list[dict[str, Any]] | None = None
        for name, their_path in sorted(holders):
            span_ids = self._their_ids(name, their_path)
            linked = bodies[name] = self._linked_bodies(name, span_ids, sub)
            if linked and chosen is None and self._gold_ids(name, span_ids, sub):
                chosen = linked
        if chosen is None:
            chosen = next((linked for linked in bodies.values() if linked), [])
        same = _spans_key(chosen)
        return chosen, [
            name for name, linked in bodies.items() if linked and _spans_key(linked) == same
        ]

    def _their_ids(self, name: str, their_path: str) -> list[str]:
        """The ids of the spans ``name`` linked at ``their_path`` (theirs, not gold's)."""
        return self.their_links[name].get(their_path) or []

    def _linked_bodies(
        self, name: str, span_ids: list[str], sub: FormField
    ) -> list[dict[str, Any]]:
        """The spans of ``span_ids`` (``name``'s) of the label ``sub`` is filled from, as a
        span version lists them (no ids: they may not be gold)."""
        if not span_ids:
            return []
        spans = self.spans_by_id.get(name)
        if spans is None:
            spans = self.spans_by_id[name] = {
                one.id: one for one in self.unit.records[name].span_lines
            }
        return [
            {
                "start": one.start,
                "end": one.end,
                "label": one.label,
                "text": one.text,
                "value": one.value,
            }
            for span_id in span_ids
            if (one := spans.get(span_id)) is not None and one.label == sub.from_label
        ]

    def _carry_item_links(self, group: FormField, indexes: dict[str, int], gold_index: int) -> None:
        """Carry the links of the holders' item (``indexes``: each one's index of it in their
        form) of ``group`` to gold's item ``gold_index``, field by field, as ``_carry_links``
        carries a field's (inline: this runs per field of every item merged)."""
        holders = [
            (name, self.their_links[name], f"{group.name}[{indexes[name]}].")
            for name in sorted(indexes)
            if self.their_links[name]
        ]
        for sub in group.fields:
            found = []
            for source, theirs, prefix in holders:
                linked = theirs.get(prefix + sub.name)
                if linked and (ids := self._gold_ids(source, linked, sub)):
                    found.append(ids)
            if found:
                self.links[f"{group.name}[{gold_index}].{sub.name}"] = self._most_linked(found)

    def _carry_links(
        self, holders: list[tuple[str, str]], gold_path: str, field: FormField
    ) -> None:
        """Link gold's ``gold_path`` to the gold spans most of ``holders`` (annotator and their
        path, who gave gold's answer there) linked there (``_most_linked``), of those whose
        links there reach a gold span of the label ``field`` is filled from (an annotator may
        link a span only they marked, which is not gold, where another links the one that is)."""
        found = []
        for source, their_path in holders:
            ids = self._gold_ids(source, self._their_ids(source, their_path), field)
            if ids:
                found.append(ids)
        if found:
            self.links[gold_path] = self._most_linked(found)

    def _most_linked(self, found: list[list[str]]) -> list[str]:
        """``links_most.most_linked`` of ``found``, gold's spans placed by their offsets."""
        if all(ids == found[0] for ids in found):
            return found[0]
        place = {one["id"]: (one["start"], one["end"]) for one in self.spans}
        return most_linked(found, place)

    def _gold_ids(self, source: str, linked: list[str], field: FormField) -> list[str]:
        """The gold ids of the spans of ``linked`` (``source``'s) that are gold, of the label
        ``field`` is filled from."""
        theirs = self.span_ids.get(source)
        if not linked or theirs is None:
            return []
        if not self.gold_labels:
            self.gold_labels.update((one["id"], one["label"]) for one in self.spans)
        return [
            gold_id
            for span_id in linked
            if (gold_id := theirs.get(span_id)) is not None
            and self.gold_labels[gold_id] == field.from_label
        ]


def _spans_key(bodies: list[dict[str, Any]]) -> list[bytes]:
    """Linked spans as a version lists them, told apart whatever their order."""
    return sorted(orjson.dumps(body, option=orjson.OPT_SORT_KEYS) for body in bodies)
