"""When two group items of different annotators are alike enough to be one item, by step 2 of
``form_compare.align_items``: the fields their frames agree on (``frames_agreement``), a list
field agreeing when its lists are alike (``_lists_alike``), a name inside another as whole
words being the same name (``name_within``, which review's "the same one twice?" after ``t``
asks by too). The rule of likeness, on frames alone, kept apart from the aligning that weighs
it.
"""

from __future__ import annotations

from collections.abc import Hashable


def frames_agreement(
    key_a: tuple[Hashable, ...], key_b: tuple[Hashable, ...], lists: tuple[int, ...]
) -> tuple[int, int]:
    """(fields agreeing, fields where either frame has a value) of two frames; a list field
    agrees when its lists are alike (``_lists_alike``)."""
    agree = given = 0
    for at, (a, b) in enumerate(zip(key_a, key_b, strict=True)):
        if at in lists:
            if a == () and b == ():
                continue
            given += 1
            agree += a == b or _lists_alike(a, b)
            continue
        if a is None and b is None:
            continue
        given += 1
        agree += a == b
    return agree, given


def _lists_alike(a: Hashable, b: Hashable) -> bool:
    """Two list fields' values (normalised: tuples) alike for pairing items (``align_items``):
    both hold some, and one holds every item of the other, or more than half of the items
    either holds are in both. A name inside another as whole words ("Maël Brossard" within
    "Théodore Maël Brossard") is the same name here, each name matched once: one annotator's
    boundary a word short of another's (review's ``t`` asks "the same one twice?" of such a
    union); a trial's release of eight, given so by two annotators and with another giver by
    a third, became two items and went into gold twice."""
    assert isinstance(a, tuple) and isinstance(b, tuple)
    if not a or not b:
        return False
    one, other = set(a), set(b)
    common = len(one & other)
    if common < min(len(one), len(other)):
        common += _names_within(one - other, other - one)
    return common >= min(len(one), len(other)) or common * 2 > len(one) + len(other) - common


def _names_within(one: set[Hashable], other: set[Hashable]) -> int:
    """How many names of ``one`` pair with a name of ``other`` one inside the other as whole
    words, each name in one pair at most (in sorted order: the result depends on the names
    only)."""
    longer = sorted(name for name in other if isinstance(name, str))
    pairs = 0
    for name in sorted(item for item in one if isinstance(item, str)):
        for at, theirs in enumerate(longer):
            if name_within(name, theirs) or name_within(theirs, name):
                del longer[at]
                pairs += 1
                break
    return pairs


def name_within(short: str, long: str) -> bool:
    """Whether ``short`` is in ``long`` as whole words ("Maël Brossard" within "Théodore Maël
    Brossard", not "Maël" within "Maëlle"); a name is within itself."""
    return f" {short} " in f" {long} "
