"""What taking an item only some annotators gave says (``merge_form``: a conflict of its own,
path ``releases``): the item added, named (``releases: added the item ann1 gave (Kestria →
Norvania, 6, 2024-03-17) to gold``), and an item gold already holds that is so alike it is
"the same item" by merge's rule (``form_compare.align_items``).

Why the second: merge pairs items only when every annotator's items agree so; ann1's and
ann2's release by the Front, whose releasees lists differ by a name, and ann3's by "armed
group", the same transfer, were two conflicts "each settled on its own". A trial took one and
then the other: gold held the one transfer twice, eight freed become sixteen, without a word.
Taking is allowed (two alike transfers happen); it is said, with ctrl+z. An item giving the
sides (two fields filled from one label: the giver and the receiver) the other way round is
never alike: the guidelines' "one entry per transfer direction", and a trial's panel said
Arbela's return leg (Kestria → Norvania, 95, same day) "may be the same one" as Norvania →
Kestria. One giving a fact another value (a count, a date: not text or a list, worded in
many ways) may be the same transfer with a disputed figure, and is said so with what
differs (``differing in count (210 against 187)``): a trial's Drava handover, 187 in gold
and 210 a day later taken, was in gold twice with no word. A version's item is compared as
gold stores it taken (``review_typed_words.item_as_taken``: its words a span's, linked):
carol's "drava people's authority · 12" taken after bob's "Drava People’s Authority · 12"
made two identical items with no word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from annotator.core.display import quoted
from annotator.core.form_compare import align_items, has_no_value, name_within, normal
from annotator.core.forms import path_words
from annotator.core.item_brief import bracketed_brief, given_item, given_item_brief
from annotator.core.models import GoldRecord
from annotator.core.review_conflict import find_conflict
from annotator.core.review_group_take import lone_item_group
from annotator.core.review_typed_words import item_as_taken
from annotator.core.scheme import FormField, Scheme

# The clause ``item_taken_notice`` and ``typed_alike_said`` add to a decision's notice.
_ALIKE_SAID = re.compile(
    r"; (?:item \d+: )?gold's \S+ #\d+ \(.*?\) is so alike it may be the same one, "
    r"(?:differing in .*?, )?now (?:twice|\d+ times)"
)


class ItemTakenNotice(str):
    """``item_taken_notice``'s message. As a string its briefs are cut to ``BRIEF_LIMIT``
    (the undo's words, the notices' log); ``fitted`` says them for a toast's lines of the width
    given, which wrap: whole, a value cut only when longer than a line. A trial's toast at 120
    columns cut a brief it had room for. A string still, as ``DrawnNotice`` is."""

    said: Callable[[int | None], str]

    def __new__(cls, said: Callable[[int | None], str]) -> ItemTakenNotice:
        made = super().__new__(cls, said(None))
        made.said = said
        return made

    def fitted(self, width: int) -> str:
        return self.said(width)

    def with_clause(self, more: str) -> ItemTakenNotice:
        """The notice with ``more`` (what else the decision did) said before its ``· ctrl+z
        undoes``, which ends the line."""

        def said(line: int | None) -> str:
            first = self.said(line)
            undoes = _UNDOES if first.endswith(_UNDOES) else ""
            return f"{first.removesuffix(undoes)}; {more}{undoes}"

        return ItemTakenNotice(said)


_UNDOES = " · ctrl+z undoes"


def item_taken_notice(
    record: GoldRecord, conflict_id: str, indexes: list[int], scheme: Scheme
) -> ItemTakenNotice | None:
    """What taking the versions at ``indexes`` of an item only some gave did (``record``:
    before it); None for any other conflict (``review_notices.taken_notice`` says it)."""
    conflict = find_conflict(record, conflict_id)
    group = lone_item_group(conflict, scheme)
    if group is None:
        return None
    versions = conflict.get("versions") or []
    chosen = [versions[index] for index in indexes]
    taken = given_item(chosen)[1]
    alike = _alike_in_gold(record, group, taken)
    now = times(_alike_held(record, group, taken) + 1) if alike is not None else ""

    def said(line: int | None) -> str:
        added = given_item_brief(chosen, group, line)
        words = f"settled {conflict_id}: {group.name}: added {added} to gold"
        if alike is not None:
            place, item, mine = alike
            words += (
                f"; gold's {group.name} #{place + 1} {bracketed_brief(item, group, line)} is so "
                f"alike it may be the same one{_differing_said(mine, item, group)}, now {now}"
                f"{_UNDOES}"
            )
        return words

    return ItemTakenNotice(said)


def typed_alike_said(
    before: GoldRecord, after: GoldRecord, conflict_id: str, scheme: Scheme
) -> str | None:
    """After enter in a group's items editor (``e``: ``before``, the record it settled;
    ``after``, the record it made), the first item typed that gold already held so alike
    that merge's rule pairs them: said as taking such an item says it (``gold's releases #1
    (…) is so alike it may be the same one, now twice``, ``item 2:`` ahead when several were
    typed); None when none is. The panel warned of it before the typing (``alike_item_said``)
    and enter wrote the item a second time with no word (a trial)."""
    conflict = find_conflict(before, conflict_id)
    path = conflict.get("path") or ""
    group = scheme.field(path) if "[" not in path else None
    if group is None or group.type != "group":
        return None
    held = before.form.get(group.name)
    items = after.form.get(group.name)
    earlier = len(held) if isinstance(held, list) else 0
    typed = items[earlier:] if isinstance(items, list) else []
    for number, item in enumerate(typed, start=1):
        if not isinstance(item, dict):
            continue
        alike = _alike_in_gold(before, group, [item])
        if alike is not None:
            place, gold_item, mine = alike
            named = f"item {number}: " if len(typed) > 1 else ""
            now = times(_alike_held(before, group, [item]) + 1)
            return (
                f"{named}gold's {group.name} #{place + 1} {bracketed_brief(gold_item, group)} "
                f"is so alike it may be the same one{_differing_said(mine, gold_item, group)}, "
                f"now {now}"
            )
    return None


def without_alike_said(words: str) -> str:
    """``words`` (a decision's notice, or an undo's naming it) without its clause saying an
    item gold already held so alike is now there twice: true of the decision, not of its
    undo. A trial's ctrl+z said "undid: … c2 is open again — … is so alike it may be the same
    one, now twice" when the undo had just taken the second one away."""
    return _ALIKE_SAID.sub("", words)


def _alike_in_gold(
    record: GoldRecord, group: FormField, taken: list[dict[str, Any]]
) -> tuple[int, dict[str, Any], dict[str, Any]] | None:
    """The first item of gold's (before the taking) that is so alike an item taken (as gold
    stores it: ``item_as_taken``) it may be the same one (``_paired``), with its place and
    that item taken; one giving every fact as gold's does first. None when none is."""
    items = record.form.get(group.name) or []
    held = [
        (place, item)
        for place, item in enumerate(items)
        if isinstance(item, dict) and not has_no_value(item)
    ]
    found: list[tuple[int, dict[str, Any], dict[str, Any]]] = [
        (place, gold_item, item)
        for item in (item_as_taken(record, group, one) for one in taken)
        for place, gold_item in held
        if _paired(gold_item, item, group)
    ]
    for place, gold_item, item in found:
        if not _differing(item, gold_item, group):
            return place, gold_item, item
    return found[0] if found else None


def alike_item_said(
    record: GoldRecord,
    conflict: dict[str, Any],
    group: FormField,
    others: Sequence[dict[str, Any]],
) -> str | None:
    """Before a key, for a conflict over one item only some gave (``lone_item_group``): an
    item gold holds, or another such conflict open (``others``: the record's other conflicts
    over one item of ``group``), so alike one of its versions that merge's rule pairs them
    (``_paired``: ``releases #1 (Front → …, 8, 2023-11-11)``, with what differs, or ``c5: the
    item ann3 gave (…)``); None when there is none. After the key was too late: a trial's
    reviewer took both of two such conflicts and gold held eight freed twice."""
    mine = given_item(conflict["versions"])[1]
    in_gold = _alike_in_gold(record, group, mine)
    if in_gold is not None:
        place, item, taken = in_gold
        return (
            f"gold's {group.name} #{place + 1} {bracketed_brief(item, group)}"
            f"{_differing_said(taken, item, group)}"
        )
    mine = [item_as_taken(record, group, item) for item in mine]
    for other in others:
        for their_item in given_item(other["versions"])[1]:
            for item in mine:
                if _paired(item_as_taken(record, group, their_item), item, group):
                    return f"{other['id']}: {given_item_brief(other['versions'], group)}"
    return None


def alike_taking_words(record: GoldRecord, conflict: dict[str, Any], group: FormField) -> str:
    """What taking the item of ``conflict`` (one only some gave) does, said after the item
    ``alike_item_said`` names: ``taking it puts it in gold twice``, or, gold holding two so
    alike already, ``gold holds it twice already: taking it puts it there 3 times`` (a
    trial's panel said "twice" there); alike another open conflict's item, ``taking both
    puts it in gold twice``."""
    mine = given_item(conflict["versions"])[1]
    held = _alike_held(record, group, mine)
    if held == 0 and _alike_in_gold(record, group, mine) is not None:
        held = 1  # paired among gold's items, if not with one alone
    if held == 0:
        return "taking both puts it in gold twice"
    if held == 1:
        return "taking it puts it in gold twice"
    return f"gold holds it {times(held)} already: taking it puts it there {times(held + 1)}"


def times(count: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _alike_held(record: GoldRecord, group: FormField, taken: list[dict[str, Any]]) -> int:
    """How many of gold's items are each so alike an item taken that merge's rule pairs the
    two (``_paired``): gold may hold one transfer twice already (two such conflicts taken),
    and a third taking makes three."""
    items = [one for one in record.form.get(group.name) or [] if isinstance(one, dict)]
    stored = [item_as_taken(record, group, one) for one in taken]
    return max(
        (
            sum(1 for item in items if not has_no_value(item) and _paired(item, one, group))
            for one in stored
        ),
        default=0,
    )


def _paired(one: dict[str, Any], other: dict[str, Any], group: FormField) -> bool:
    """Merge's rule pairs the two items, and they give the sides the same way round
    (``_sides_swapped``)."""
    clusters = align_items([[(0, one)], [(0, other)]], group)
    return len(clusters) == 1 and not _sides_swapped(one, other, group)


def _sides_swapped(one: dict[str, Any], other: dict[str, Any], group: FormField) -> bool:
    """Whether a value one item gives a side (a field of ``group`` sharing its ``from_label``
    with another: the giver and the receiver, the pair ``form_item_edits.paired_fields``
    reads for its swap key) is the value the other item gives another side, where it gives
    this side another: Kestria → Norvania against Norvania → Kestria, the exchange's other
    direction, which merge's rule pairs (count, date and releasees alike: 3 of 5). Read
    from the scheme, so three sides of one label are told apart too."""
    by_label: dict[str, list[str]] = {}
    for field in group.fields:
        if field.from_label is not None and field.type != "list":
            by_label.setdefault(field.from_label, []).append(field.name)
    for sides in by_label.values():
        for mine in sides:
            value = _filled(one.get(mine))
            if value is None or value == _filled(other.get(mine)):
                continue
            if any(value == _filled(other.get(side)) for side in sides if side != mine):
                return True
    return False


def _filled(value: Any) -> Any:
    """``value`` normalised as merge compares it; None when empty."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return None
    return normal(value)


def _differing(
    mine: dict[str, Any], theirs: dict[str, Any], group: FormField
) -> list[tuple[str, Any, Any]]:
    """The fields both items fill with another fact (not text or a list, which annotators
    word and bound differently for one fact), in the group's order: (name, mine, theirs)."""
    return [
        (field.name, mine.get(field.name), theirs.get(field.name))
        for field in group.fields
        if field.type not in ("text", "list")
        and _filled(mine.get(field.name)) is not None
        and _filled(theirs.get(field.name)) is not None
        and _filled(mine.get(field.name)) != _filled(theirs.get(field.name))
    ]


def _differing_said(mine: dict[str, Any], theirs: dict[str, Any], group: FormField) -> str:
    """``, differing in count (210 against 187) and date (…)`` (the item's value, then
    gold's): a transfer whose figure is disputed, or another alike one; "" when none
    differs."""
    said = [
        f"{name} ({value} against {other})"
        for name, value, other in _differing(mine, theirs, group)
    ]
    if not said:
        return ""
    joined = said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"
    return f", differing in {joined}"


def names_within_notice(record: GoldRecord, conflict_id: str) -> str | None:
    """After ``t`` on a list field's versions (``record``: before it), a name the union now
    holds inside another as whole words (``'Maël Brossard' within 'Théodore Maël
    Brossard'``): one annotator's boundary a word short of the other's, the same person
    twice, which a trial's ``t`` wrote without a word. None when there is none."""
    conflict = find_conflict(record, conflict_id)
    names: list[str] = []
    for version in conflict.get("versions") or []:
        value = version.get("value")
        if not isinstance(value, list):
            return None
        names += [name for name in value if isinstance(name, str) and name not in names]
    for short_name in names:
        for long_name in names:
            if short_name != long_name and name_within(short_name, long_name):
                return (
                    f"{path_words(conflict.get('path') or '')} now holds "
                    f"{quoted(short_name, 30)} and {quoted(long_name, 30)}: the same one "
                    "twice? · ctrl+z undoes"
                )
    return None
