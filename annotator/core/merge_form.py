"""One document's form merged (``GoldBuilder``'s part, by the rules in ``merge``'s docstring):
accepted answers and frames, their links, the fields' and groups' conflicts.

A group conflict's version carries its items' links (``links``, only when it has any): the
path of an item's field in the version's own list (``releases[0].count``, 0 being the
version's first item) -> the spans linked, as a span version lists them (no ids: a linked span
may not be gold yet). A decision that takes the version, or types items from it, links gold's
item to the gold spans among them (``review_decisions``, ``review_typed``). Only spans of the
label the field is filled from are carried, here as to gold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from typing import Any

from annotator.core.compare import Unit
from annotator.core.form_compare import Item, field_value, frame_key, items_in
from annotator.core.merge_versions import Versions, ordered_versions, settled_by_nothing
from annotator.core.scheme import FormField, Scheme


class FormMerge:
    """The form of one document's merge (``GoldBuilder`` holds what it reads and writes)."""

    unit: Unit
    names: list[str]
    threshold: int
    scheme: Scheme
    spans: list[dict[str, Any]]
    forms: dict[str, dict[str, Any]]
    their_links: dict[str, dict[str, list[str]]]
    span_ids: dict[tuple[str, str], str]  # (annotator, their span id) -> gold id
    conflicts: list[dict[str, Any]]
    form: dict[str, Any]
    links: dict[str, list[str]]
    gold_labels: dict[str, str]  # gold span id -> label, made when a link is first carried

    def merge_form(self) -> None:
        for field in self.scheme.fields:
            if field.type == "group":
                self._merge_group(field)
                continue
            answers: Versions = {}
            for name in self.names:
                form = self.forms[name]
                answer = field_value(form, field)
                answers.setdefault(answer, (form.get(field.name), []))[1].append(name)
            ordered = ordered_versions(answers)
            best, runner_up = ordered[0], ordered[1] if len(ordered) > 1 else None
            if len(best[1]) >= self.threshold and (
                runner_up is None or len(runner_up[1]) < len(best[1])
            ):
                if field.name in self.forms[best[1][0]]:
                    self.form[field.name] = best[0]
                    self._carry_links(best[1][0], {field.name: (field.name, field)})
                continue
            self.conflicts.append(
                {
                    "id": "",
                    "kind": "field",
                    "path": field.name,
                    "versions": [{"value": value, "annotators": who} for value, who in ordered],
                }
            )

    def _merge_group(self, group: FormField) -> None:
        # Each annotator's items that say something (an empty one is no frame), each with its
        # index in their form, which their links' paths use.
        items = {
            name: items_in(self.forms[name], group, self.their_links[name]) for name in self.names
        }
        names = self.names
        reachable = self.threshold <= len(names)
        # Equal items make equal frames, so there is no need to make them to see that every
        # annotator gave the same ones (the common case).
        if reachable and all(items[name] == items[names[0]] for name in names[1:]):
            self._take_same_frames(group, items)
            return
        keys = {name: [frame_key(item, group) for _at, item in items[name]] for name in names}
        if reachable and all(keys[name] == keys[names[0]] for name in names[1:]):
            self._take_same_frames(group, items)
            return
        counts = {name: Counter(keys[name]) for name in self.names}
        # A frame is accepted as many times as at least K annotators have it.
        accepted: dict[tuple[Hashable, ...], int] = {}
        for candidate in {frame for name in self.names for frame in counts[name]}:
            held = sorted((counts[name][candidate] for name in self.names), reverse=True)
            if len(held) >= self.threshold and held[self.threshold - 1] > 0:
                accepted[candidate] = held[self.threshold - 1]
        chosen: list[tuple[int, str, str]] = []  # (place in items, annotator, repr of frame)
        for frame, copies in accepted.items():
            source = min(name for name in self.names if counts[name][frame] >= copies)
            places = [place for place, key in enumerate(keys[source]) if key == frame][:copies]
            chosen.extend((place, source, repr(frame)) for place in places)
        chosen.sort(key=lambda item: (item[0], item[2], item[1]))
        gold_items = []
        for gold_index, (place, source, _frame) in enumerate(chosen):
            index, item = items[source][place]
            gold_items.append(item)
            self._carry_item_links(source, group, index, gold_index)
        if gold_items or any(group.name in self.forms[n] for n in self.names):
            self.form[group.name] = gold_items
        versions: Versions = {}
        for name in self.names:
            still = dict(accepted)
            rest: list[Item] = []
            rest_keys = []
            for given, key in zip(items[name], keys[name], strict=True):
                if still.get(key, 0) > 0:
                    still[key] -= 1
                else:
                    rest.append(given)
                    rest_keys.append(key)
            fingerprint = tuple(sorted(rest_keys, key=repr))
            versions.setdefault(fingerprint, (rest, []))[1].append(name)
        if not settled_by_nothing(versions, self.threshold):
            self.conflicts.append(
                {
                    "id": "",
                    "kind": "field",
                    "path": group.name,
                    "versions": [
                        self._group_version(group, rest, who)
                        for rest, who in ordered_versions(versions)
                    ],
                }
            )

    def _group_version(self, group: FormField, rest: list[Item], who: list[str]) -> dict[str, Any]:
        """A group conflict's version: the items left over of its first annotator (``rest``,
        each with its index in their form), and their links (the module docstring)."""
        version: dict[str, Any] = {"value": [item for _index, item in rest], "annotators": who}
        their_links = self.their_links[who[0]]
        if not their_links:
            return version
        spans: dict[str, Any] | None = None  # their span id -> span, made when needed
        links: dict[str, list[dict[str, Any]]] = {}
        for place, (index, _item) in enumerate(rest):
            for sub in group.fields:
                span_ids = their_links.get(f"{group.name}[{index}].{sub.name}")
                if not span_ids:
                    continue
                if spans is None:
                    spans = {one.id: one for one in self.unit.records[who[0]].span_lines}
                linked = [
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
                if linked:
                    links[f"{group.name}[{place}].{sub.name}"] = linked
        if links:
            version["links"] = links
        return version

    def _take_same_frames(self, group: FormField, items: dict[str, list[Item]]) -> None:
        """The common case of ``_merge_group``: every annotator gave the same frames in the
        same order (and K is at most their number). Every frame is accepted, from the first
        annotator, with no conflict."""
        names = self.names
        source = min(names)
        gold_items = [item for _index, item in items[source]]
        if self.their_links[source]:
            for gold_index, (index, _item) in enumerate(items[source]):
                self._carry_item_links(source, group, index, gold_index)
        if gold_items or any(group.name in self.forms[name] for name in names):
            self.form[group.name] = gold_items

    def _carry_item_links(self, source: str, group: FormField, index: int, gold_index: int) -> None:
        """Carry the links of ``source``'s item ``index`` of ``group`` to gold's ``gold_index``."""
        if self.their_links[source]:
            self._carry_links(
                source,
                {
                    f"{group.name}[{index}].{sub.name}": (
                        f"{group.name}[{gold_index}].{sub.name}",
                        sub,
                    )
                    for sub in group.fields
                },
            )

    def _carry_links(self, source: str, paths: dict[str, tuple[str, FormField]]) -> None:
        """Copy ``source``'s links of ``paths`` (its path -> gold path and its field) to gold
        span ids: of the spans that are gold, those of the label the field is filled from."""
        links = self.their_links[source]
        if not links:
            return
        for their_path, (gold_path, field) in paths.items():
            linked = links.get(their_path)
            if not linked:
                continue
            if not self.gold_labels:
                self.gold_labels.update((one["id"], one["label"]) for one in self.spans)
            ids = [
                gold_id
                for span_id in linked
                if (gold_id := self.span_ids.get((source, span_id))) is not None
                and self.gold_labels[gold_id] == field.from_label
            ]
            if ids:
                self.links[gold_path] = ids
