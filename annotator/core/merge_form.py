"""One document's form merged (``GoldBuilder``'s part, by the rules in ``merge``'s docstring):
accepted answers and items, their links, the fields' and groups' conflicts.

A group's items are aligned across annotators (``form_compare.align_items``); an item K
annotators hold is merged field by field among them (``_merged_item``): a field whose value
does not win is left empty in gold with a conflict at its path (``releases[0].count``), each
version carrying the links of its field (``links``: that path -> the spans, as below). An
item fewer than K hold is a conflict of its own, at the group's path (``releases``), whose
versions are the item as each of its holders gave it (one item each; annotators who gave it
alike share one): taking one appends that item to gold's, rejecting leaves it out, whatever
is decided about the others. The annotators who did not give it are in no version
(``review_views`` names them); when K of them or more did not, and more than gave any version
of it, they agree it is not there and no conflict is left.

An accepted answer is linked to the gold spans the most of its annotators linked there, on a
tie those first in the text, whatever their names (``FormLinks._most_linked``); an annotator's
links that reach no gold span are not counted (one may link a span only they marked where
another links the one that is gold). A field conflict's version (top-level, an item's field, or
a group's item) carries its links (``links``, only when any): the path (``crowd_size``,
``releases[0].count``; a group's: its field in the version's own list, 0 its first item) -> the
spans linked, as a span version lists them (no ids: they may not be gold yet), of the first of
its annotators whose links there reach a span gold already, else of the first; ``linked_by``
(path -> names, only where not all its annotators did) says who linked them, as a version is
its annotators' value, not their links. A decision that takes the version, or types from it,
links gold to the gold spans among them (``review_decisions``, ``review_typed``). Only spans of
the label the field is filled from are carried, here as to gold. A list field gold holds (top-
level or an item's) is written in the order of its linked spans in the text, its links too, as
a review decision writes one (``list_links.form_lists_in_text_order``). An accepted value no
annotator linked is linked by its words, as the review links one (``value_links``).
The spans linked are looked up by ``merge_form_links.FormLinks``, which ``FormMerge`` derives from.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from annotator.core.form_compare import (
    Cluster,
    Item,
    align_items,
    field_value,
    frame_key,
    is_empty,
    items_in,
)
from annotator.core.list_links import form_lists_in_text_order, spans_of_linked_lists
from annotator.core.merge_form_links import FormLinks
from annotator.core.merge_outvoted import OutvotedNotes
from annotator.core.merge_versions import Versions, ordered_versions, settled_by_nothing
from annotator.core.scheme import FormField, Scheme
from annotator.core.value_links import GoldSpans, words_linked


def accepted(ordered: list[tuple[Any, list[str]]], threshold: int) -> tuple[Any, list[str]] | None:
    """The answer merge accepts of a field (``ordered``: its versions, ``ordered_versions``):
    the first, when K (``threshold``) annotators or more gave it and more than gave any
    other; None when none does (the field is in conflict). ``review_links`` reads gold's
    items by this rule too."""
    best = ordered[0]
    if len(best[1]) < threshold:
        return None
    if len(ordered) > 1 and len(ordered[1][1]) >= len(best[1]):
        return None
    return best


class FormMerge(FormLinks):
    """The form of one document's merge (``GoldBuilder`` holds what it reads and writes; the
    links are carried by ``FormLinks``)."""

    names: list[str]
    threshold: int
    scheme: Scheme
    forms: dict[str, dict[str, Any]]
    linked: bool  # some annotator has links; when none has, no link is looked for
    conflicts: list[dict[str, Any]]
    form: dict[str, Any]
    outvoted: OutvotedNotes  # what K annotators outvoted, left out of gold (said by merge)

    def merge_form(self) -> None:
        self._merge_fields()
        # An agreed value no annotator linked, linked by its words as the review links a
        # value it takes or types (``value_links``): a trial's agreed date 2023-11-11 stayed
        # unlinked beside gold's "Saturday" of that value. Only fields filled from a label
        # and holding no link are looked at, over gold's spans of that label.
        gold = GoldSpans(self.spans)
        if self.spans:
            self.form, self.links = words_linked(gold, self.form, self.links, self.scheme)
        # An agreed list (its items and links) in the order of its linked spans in the text,
        # by the rule the review writes one by (``list_links``): a trial's merge kept two
        # annotators' [Layla, Yusuf] (links s5 s4) where review's 1 on them wrote [Yusuf,
        # Layla], so gold differed by how a list came into it.
        # Only the spans of linked lists are read (made models): no other span orders one.
        listed = spans_of_linked_lists(self.scheme, self.links)
        if listed:
            self.form, self.links = form_lists_in_text_order(
                gold.with_ids(listed), self.form, self.links, self.scheme
            )

    def _merge_fields(self) -> None:
        if self._same_forms():
            return
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
            best = accepted(ordered, self.threshold)
            if best is None and len(ordered) == 1 and is_empty(ordered[0][0]):
                # Every annotator left it empty, too few of them for --min-agree: there is
                # no answer to take, and a one-version conflict of nothing was noise.
                continue
            if best is not None:
                self.outvoted.answers(field.name, ordered)
                if field.name in self.forms[best[1][0]]:
                    self.form[field.name] = best[0]
                    if self.linked:
                        self._carry_links(
                            [(name, field.name) for name in best[1]], field.name, field
                        )
                continue
            # Each version with its links, as an item's field's: bob's 4000 linked to his
            # "4,000" read as a plain 4000, and taking it said nothing of a link not kept.
            self._field_conflict(field, field.name, ordered, dict.fromkeys(self.names, field.name))

    def _same_forms(self) -> bool:
        """Merge the fields of forms every annotator gave alike, none linking (K at most their
        number), as the rules do field by field: every answer and item taken from the first,
        without comparing them (3 in 10 of the bench's documents). False for other forms."""
        names, form = self.names, self.forms[self.names[0]]
        if self.linked or self.threshold > len(names):
            return False
        if any(self.forms[name] != form for name in names[1:]):
            return False
        for field in self.scheme.fields:
            if field.type == "group":
                items = [item for _at, item in items_in(form, field, None)]
                if items or field.name in form:
                    self.form[field.name] = items
            elif field.name in form:
                self.form[field.name] = form[field.name]
        return True

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
        keys = [[frame_key(item, group) for _at, item in items[name]] for name in names]
        if reachable and all(theirs == keys[0] for theirs in keys[1:]):
            self._take_same_frames(group, items)
            return
        # name -> their item's index in their form -> its frame, made once for all below
        frames = {
            name: {index: key for (index, _item), key in zip(items[name], keys[at], strict=True)}
            for at, name in enumerate(names)
        }
        gold_items: list[dict[str, Any]] = []
        left_over: list[Cluster] = []
        for cluster in align_items([items[name] for name in names], group, keys):
            held = {
                name: item for name, item in zip(names, cluster, strict=True) if item is not None
            }
            if len(held) >= self.threshold:
                their = {name: frames[name][index] for name, (index, _item) in held.items()}
                gold_items.append(self._merged_item(group, held, their, len(gold_items)))
            else:
                left_over.append(cluster)
        if gold_items or any(group.name in self.forms[n] for n in self.names):
            self.form[group.name] = gold_items
        # What is left over: each cluster fewer than K hold is a conflict of its own, whose
        # versions are its holders' items (alike ones shared), so that the reviewer takes or
        # rejects each such item on its own; none when K annotators or more do not hold it,
        # and more of them than gave any one version of it (they agree it is not there).
        for cluster in left_over:
            versions: Versions = {}
            indexes: dict[str, int] = {}  # holder -> their index of the item
            absent: list[str] = []
            for name, held_item in zip(names, cluster, strict=True):
                if held_item is None:
                    absent.append(name)
                    continue
                frame = frames[name][held_item[0]]
                versions.setdefault(frame, ([held_item], []))[1].append(name)
                indexes[name] = held_item[0]
            # (``()`` is no frame: a group has fields.)
            if absent and settled_by_nothing({**versions, (): ([], absent)}, self.threshold):
                for theirs, who in versions.values():
                    self.outvoted.item(group, theirs[0][1], who)
                continue
            self.conflicts.append(
                {
                    "id": "",
                    "kind": "field",
                    "path": group.name,
                    "versions": [
                        self._group_version(group, theirs[0], who, indexes)
                        for theirs, who in ordered_versions(versions)
                    ],
                }
            )

    def _merged_item(
        self,
        group: FormField,
        held: dict[str, Item],
        frames: dict[str, tuple[Hashable, ...]],
        gold_index: int,
    ) -> dict[str, Any]:
        """Gold's item ``gold_index`` of a cluster K annotators or more hold (``held``: each
        one's item, by name; ``frames``: their frames): each field merged as a top-level field
        is, among them. A field no value wins is left empty, with a conflict at its path
        (``releases[0].count``) whose versions carry their links (the module docstring)."""
        first = min(held)
        if all(frame == frames[first] for frame in frames.values()):
            if self.linked:
                self._carry_item_links(group, {name: held[name][0] for name in held}, gold_index)
            return held[first][1]
        merged: dict[str, Any] = {}
        for place, sub in enumerate(group.fields):
            answers: Versions = {}
            for name in sorted(held):
                answer = frames[name][place]
                answers.setdefault(answer, (held[name][1].get(sub.name), []))[1].append(name)
            ordered = ordered_versions(answers)
            best = accepted(ordered, self.threshold)
            gold_path = f"{group.name}[{gold_index}].{sub.name}"
            if best is not None:
                self.outvoted.answers(gold_path, ordered)
                # Holders that agree by leaving a list out give None: gold's item holds [] then,
                # as an item made on the annotation screen does (the form model refuses null).
                merged[sub.name] = [] if best[0] is None and sub.type == "list" else best[0]
                if self.linked:
                    self._carry_links(
                        [(name, f"{group.name}[{held[name][0]}].{sub.name}") for name in best[1]],
                        gold_path,
                        sub,
                    )
                continue
            merged[sub.name] = [] if sub.type == "list" else None
            their = {name: f"{group.name}[{held[name][0]}].{sub.name}" for name in held}
            self._field_conflict(sub, gold_path, ordered, their)
        return merged

    def _field_conflict(
        self,
        field: FormField,
        gold_path: str,
        ordered: list[tuple[Any, list[str]]],
        their_paths: dict[str, str],
    ) -> None:
        """A conflict over a field (top-level, or an item's at ``gold_path``) of the versions
        ``ordered``, each with the links of its field (``{gold_path: [spans]}``, only when any;
        ``_version_bodies``; ``their_paths``: each annotator's path there)."""
        versions = []
        for value, who in ordered:
            version: dict[str, Any] = {"value": value, "annotators": who}
            if self.linked:
                holders = [(name, their_paths[name]) for name in who]
                self._add_links(version, gold_path, *self._version_bodies(holders, field))
            versions.append(version)
        self.conflicts.append({"id": "", "kind": "field", "path": gold_path, "versions": versions})

    def _group_version(
        self, group: FormField, item: Item, who: list[str], indexes: dict[str, int]
    ) -> dict[str, Any]:
        """A group conflict's version: the one item it is over as its first annotator gave it
        (``item``, with its index in their form; ``indexes``: each holder's index of it) and
        its links (the module docstring)."""
        version: dict[str, Any] = {"value": [item[1]], "annotators": who}
        if not self.linked:
            return version
        for sub in group.fields:
            holders = [(name, f"{group.name}[{indexes[name]}].{sub.name}") for name in who]
            linked, by = self._version_bodies(holders, sub)
            self._add_links(version, f"{group.name}[0].{sub.name}", linked, by)
        return version

    def _take_same_frames(self, group: FormField, items: dict[str, list[Item]]) -> None:
        """The common case of ``_merge_group``: every annotator gave the same frames in the
        same order (and K is at most their number). Every frame is accepted, from the first
        annotator, with no conflict; each field's links as ``_carry_links`` picks them."""
        names = self.names
        gold_items = [item for _index, item in items[min(names)]]
        if self.linked:
            for gold_index in range(len(gold_items)):
                indexes = {name: items[name][gold_index][0] for name in names}
                self._carry_item_links(group, indexes, gold_index)
        if gold_items or any(group.name in self.forms[name] for name in names):
            self.form[group.name] = gold_items
