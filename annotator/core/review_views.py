"""What the review screen shows of a review: where it is, the conflict at the cursor, versions.

Plain data made from a gold record and one of its conflicts (shapes in ``merge``'s docstring).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.models import GoldRecord
from annotator.core.note_parts import one_line
from annotator.core.review_conflict import can_reject, can_take_all, value_conflict_span
from annotator.core.review_gold_items import gold_item_origins
from annotator.core.review_group_take import holds_one_item, lone_item_group
from annotator.core.review_item_field import item_place
from annotator.core.review_item_notices import alike_item_said, alike_taking_words
from annotator.core.review_links import Annotations
from annotator.core.review_unkept_links import links_not_in_gold, unkept_mark
from annotator.core.scheme import Scheme


@dataclass(frozen=True)
class Place:
    """Where the review is: one conflict of one document."""

    doc_id: str
    conflict_id: str


@dataclass(frozen=True)
class VersionView:
    """One version of a conflict, as the screen lists it."""

    index: int  # 0-based; its key is index + 1
    # "a" / "b" when the document has exactly two annotators; "a/b" for a version both gave
    # (a conflict of one version under --min-agree 3), which either letter takes.
    letter: str | None
    annotators: tuple[str, ...]
    spans: tuple[dict[str, Any], ...]  # span conflicts: start, end, label, text, value
    value: Any  # field conflicts: the value (a list of frames for a group)
    # Field conflicts: the spans the version's value was filled from (path -> span bodies),
    # so "(empty)" linked to "hundreds" reads as that, not as a blank.
    links: tuple[tuple[str, tuple[dict[str, Any], ...]], ...] = ()
    # The linked spans gold does not hold (``review_unkept_links.span_key``): taking the
    # version would not keep those links, and the panel says so before the key.
    not_in_gold: frozenset[tuple[int, int, str, Hashable]] = frozenset()
    # Each of those with why (``review_unkept_links.unkept_mark``): "not in gold", or gold's
    # span on those words with another value ("gold's has no value").
    unkept: tuple[tuple[tuple[int, int, str, Hashable], str], ...] = ()
    # Field conflicts: who linked a path's spans where not every annotator of the version did
    # (``merge_form``): one who typed the value by hand read as having linked another's span.
    linked_by: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def linkers(self, path: str) -> tuple[str, ...] | None:
        """Who linked ``path``'s spans, when not every annotator of the version did (None)."""
        return next((names for one, names in self.linked_by if one == path), None)

    def unkept_mark(self, key: tuple[int, int, str, Hashable]) -> str | None:
        """Why the link to ``key``'s span is not kept (None: it is)."""
        return next((why for one, why in self.unkept if one == key), None)

    @property
    def key(self) -> str:
        return str(self.index + 1)


@dataclass(frozen=True)
class ConflictView:
    """The conflict at the cursor: what it is about and its versions."""

    place: Place
    kind: str  # "span" or "field"
    region: tuple[int, int] | None  # span conflicts
    path: str | None  # field conflicts
    versions: tuple[VersionView, ...]
    position: int  # 1-based among the document's open conflicts
    in_document: int
    # Whether t is offered (``review_conflict.can_take_all``): not for a field that holds
    # one value, nor where one version alone holds anything (its number takes it).
    can_take_all: bool
    can_reject: bool  # false for a required field still empty
    gold_value: Any = None  # field conflicts: what gold holds now (a group's items)
    # A group's conflict: where each of gold's items came from (agreed, taken or typed:
    # ``review_gold_items``); None when not told (no annotators' records).
    gold_origins: tuple[str, ...] | None = None
    # Span conflicts: gold's spans sharing a character with the region. A version lists what
    # its annotators marked beyond them, so "marked nothing here" read as if they had marked
    # nothing when they had marked what is gold (``--min-agree``).
    gold_spans: tuple[dict[str, Any], ...] = ()
    # Span conflicts whose versions differ in the value only: ``v`` types it.
    value_typed: bool = False
    # Span conflicts whose versions mark the same words under other labels only (releasee /
    # actor): titled so, "Span conflict" sent a trial's reviewer looking for other bounds.
    label_only: bool = False
    # A conflict over a field of a group's item (``releases[0].count``): gold's item, whose
    # other fields tell which item it is; None for any other conflict.
    item: dict[str, Any] | None = None
    # A conflict over one item fewer than K annotators hold: who gave it and who did not.
    lone_item: LoneItem | None = None


@dataclass(frozen=True)
class LoneItem:
    """Of a conflict over one group item only some annotators gave (``merge_form``): who gave
    it (its versions' annotators), who did not, and the record's other open conflicts over
    such items of the group (their ids), each settled on its own."""

    given_by: tuple[str, ...]
    not_given_by: tuple[str, ...]
    others: tuple[str, ...]
    # An item gold holds or another such conflict gives, so alike it may be the same one
    # (``review_item_notices.alike_item_said``), said before a key takes both, and what
    # taking it does (``alike_taking_words``: how many times gold then holds it).
    alike: str | None = None
    alike_taking: str = ""


def describe(
    record: GoldRecord,
    conflict: dict[str, Any],
    position: int,
    in_document: int,
    scheme: Scheme,
    annotations: Annotations | None = None,
) -> ConflictView:
    """The view of ``conflict``, the ``position``-th of ``in_document`` open in ``record``
    (``annotations``: the annotators' records, which tell where gold's items came from).

    With exactly two annotators each version gets the letter of its annotator: ``a`` for the
    first by name, ``b`` for the second, ``a/b`` for a version both gave."""
    names = record.sources.annotators
    letters = dict(zip(names, "ab", strict=False)) if len(names) == 2 else {}
    versions = tuple(
        VersionView(
            index=index,
            letter="/".join(sorted(letters[n] for n in version["annotators"] if n in letters))
            or None,
            annotators=tuple(version["annotators"]),
            spans=tuple(version.get("spans") or ()),
            value=version.get("value"),
            links=tuple(
                (path, tuple(spans)) for path, spans in sorted((version.get("links") or {}).items())
            ),
            not_in_gold=(unkept := links_not_in_gold(record, version.get("links") or {})),
            unkept=tuple((key, unkept_mark(record, key)) for key in sorted(unkept, key=str)),
            linked_by=tuple(
                (path, tuple(names))
                for path, names in sorted((version.get("linked_by") or {}).items())
            ),
        )
        for index, version in enumerate(conflict["versions"])
    )
    region = conflict.get("region")
    path = conflict.get("path")
    gold_spans = tuple(
        span.model_dump()
        for span in record.spans
        if region and span.start < region[1] and span.end > region[0]
    )
    return ConflictView(
        place=Place(record.doc_id, conflict["id"]),
        kind=conflict["kind"],
        region=(region[0], region[1]) if region else None,
        path=path,
        versions=versions,
        position=position,
        in_document=in_document,
        can_take_all=can_take_all(conflict, scheme),
        can_reject=can_reject(record, conflict, scheme),
        gold_value=record.form.get(path) if isinstance(path, str) else None,
        gold_origins=_gold_origins(record, path, scheme, annotations),
        gold_spans=gold_spans,
        value_typed=value_conflict_span(conflict) is not None,
        label_only=label_only(conflict),
        item=_item_of(record, conflict, scheme),
        lone_item=_lone_item(record, conflict, scheme),
    )


def _gold_origins(
    record: GoldRecord, path: Any, scheme: Scheme, annotations: Annotations | None
) -> tuple[str, ...] | None:
    """Of a group's conflict, where gold's items came from (``review_gold_items``)."""
    group = scheme.field(path) if isinstance(path, str) else None
    if group is None or group.type != "group":
        return None
    return gold_item_origins(record, group, annotations)


def _lone_item(record: GoldRecord, conflict: dict[str, Any], scheme: Scheme) -> LoneItem | None:
    """Who gave the one item a group conflict is over (None: another kind of conflict)."""
    group = lone_item_group(conflict, scheme)
    if group is None:
        return None
    given = [name for version in conflict["versions"] for name in version["annotators"]]
    others = [
        other
        for other in record.conflicts
        if other.get("path") == group.name
        and other.get("id") != conflict.get("id")
        and holds_one_item(other, group)
    ]
    alike = alike_item_said(record, conflict, group, others)
    return LoneItem(
        given_by=tuple(given),
        not_given_by=tuple(name for name in record.sources.annotators if name not in given),
        others=tuple(other["id"] for other in others),
        alike=alike,
        alike_taking=alike_taking_words(record, conflict, group) if alike else "",
    )


def _item_of(record: GoldRecord, conflict: dict[str, Any], scheme: Scheme) -> dict[str, Any] | None:
    """Gold's item holding the field a conflict is about (None: not an item's field)."""
    place = item_place(scheme, conflict)
    if place is None:
        return None
    items = record.form.get(place[0].name) or []
    index = place[1]
    item = items[index] if 0 <= index < len(items) else None
    return dict(item) if isinstance(item, dict) else {}


NO_VALUE = "no value"


def span_value_text(span: Mapping[str, Any], scheme: Scheme) -> str | None:
    """What a version's span gives as value, for a label that takes values ("30", or
    ``NO_VALUE`` when it gave none); None for a label without values. Said even when empty:
    ``count “dozens”`` beside ``count “dozens” = 30`` read as if the versions agreed."""
    value = span.get("value")
    label = scheme.label(span.get("label") or "")
    if label is None or label.value_type == "none":
        return None if value is None else str(value)
    return NO_VALUE if value is None or value == "" else str(value)


NOTE_LINE_BREAK = " ⏎ "
"""Where a note's own lines meet on the review's notes line."""


def notes_summary(note: str) -> str:
    """A gold record's note on one line ("" when there is none): ``merge`` writes each
    annotator's note as a line (``alice: figures disputed``), its further lines indented by two
    spaces; notes are joined with " · ", a note's own lines with " ⏎ " (with " · " too, they
    read as other annotators' notes; with a space, "talks with government" and "maybe
    exchange" read as one sentence), runs of spaces and tabs made one space."""
    notes: list[str] = []
    for line in note.splitlines():
        if not line.strip():
            continue
        if line.startswith("  ") and notes:
            notes[-1] += NOTE_LINE_BREAK + " ".join(line.split())
        else:
            notes.append(" ".join(line.split()))
    # Its control characters (an escape) as pictures, never sent to the terminal as they are.
    return one_line(" · ".join(notes))


def notes_authors(note: str, annotators: list[str]) -> list[str]:
    """The annotators whose note is in a gold record's ``note``: those of ``annotators``, in
    that order, then those whose record was not done (``carol (skipped)``). ``merge`` starts
    each one's note with a line ``name: …`` or ``name (status): …`` (a note of several lines
    keeps its other lines, indented, which name no one)."""
    starts = [
        line.split(": ", 1)[0] for line in note.splitlines() if ": " in line and line[:1] != " "
    ]
    unfinished = [start for start in starts if start.endswith(")") and " (" in start]
    return [name for name in annotators if name in starts] + unfinished


def version_marks(conflict: dict[str, Any] | None) -> list[tuple[int, int, int]]:
    """(start, end, version index) of every span of a span conflict's versions."""
    if conflict is None or conflict.get("kind") != "span":
        return []
    return [
        (body["start"], body["end"], index)
        for index, version in enumerate(conflict["versions"])
        for body in version.get("spans") or ()
    ]


def linked_region(view: ConflictView) -> tuple[int, int] | None:
    """A field conflict's spans its versions' values were filled from, as one region: the
    first one's start to the last one's end (None: a span conflict, or no link). The review
    brings it into view as it does a span conflict's words: a trial's article stayed where
    the conflict before had left it, the linked words out of sight."""
    if view.kind == "span":
        return None
    bodies = [body for version in view.versions for _path, spans in version.links for body in spans]
    if not bodies:
        return None
    return min(body["start"] for body in bodies), max(body["end"] for body in bodies)


def linked_stretches(view: ConflictView) -> list[tuple[int, int]]:
    """The stretches of words a field conflict's linked spans make, in text order: spans that
    overlap or touch are one (empty: a span conflict, or no link). The review selects a
    field's linked words when they are one stretch; spans apart it only brings into view, as
    the words between them, selected too, would be taken for the field's."""
    if view.kind == "span":
        return []
    bodies = sorted(
        (body["start"], body["end"])
        for version in view.versions
        for _path, spans in version.links
        for body in spans
    )
    stretches: list[tuple[int, int]] = []
    for start, end in bodies:
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
        else:
            stretches.append((start, end))
    return stretches


def label_only(conflict: dict[str, Any]) -> bool:
    """Whether a span conflict's versions differ in their spans' labels only: each marks
    spans on the same words (start and end), and not all under the same labels."""
    if conflict.get("kind") != "span":
        return False
    versions = conflict.get("versions") or []
    marked = [
        [(body["start"], body["end"], body["label"]) for body in version.get("spans") or []]
        for version in versions
    ]
    if len(marked) < 2 or not all(marked):
        return False  # a version that marked nothing there differs in more than a label
    words = {frozenset((start, end) for start, end, _label in spans) for spans in marked}
    labelled = {frozenset(spans) for spans in marked}
    return len(words) == 1 and len(labelled) > 1
