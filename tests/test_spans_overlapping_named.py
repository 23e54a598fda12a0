"""Which spans sharing characters with a span the panel names, and the line saying the rest
(``spans.overlapping_named``): a trial's span over a paragraph listed its 22 spans inside, one
a line, and its box ran off the screen."""

from __future__ import annotations

from annotator.core.models import Span
from annotator.core.spans import OVERLAPPING_LINES, overlapping_named


def span(number: int, start: int, end: int) -> Span:
    return Span(id=f"s{number}", start=start, end=end, label="actor", text="x" * (end - start))


def inside(count: int) -> list[tuple[str, Span]]:
    return [
        ("inside", span(number, number * 10, number * 10 + 5)) for number in range(1, count + 1)
    ]


def test_as_many_as_the_lines_hold_are_all_named() -> None:
    others = inside(OVERLAPPING_LINES)
    assert overlapping_named(others) == (others, "")
    assert overlapping_named([]) == ([], "")


def test_one_more_than_the_lines_hold_names_one_fewer_and_counts_the_rest() -> None:
    others = inside(OVERLAPPING_LINES + 1)
    named, more = overlapping_named(others)
    assert named == others[: OVERLAPPING_LINES - 1]
    assert more == "… and 2 more inside"


def test_twenty_two_inside_take_four_lines() -> None:
    named, more = overlapping_named(inside(22))
    assert [other.id for _where, other in named] == ["s1", "s2", "s3"]
    assert more == "… and 19 more inside"


def test_the_spans_around_and_across_are_named_before_those_inside() -> None:
    around = ("around", span(30, 0, 500))
    across = ("overlapping", span(31, 200, 900))
    others = [around, *inside(12), across]  # document order, as ``overlapping`` gives them
    named, more = overlapping_named(others, lines=4)
    # In document order still: the one around, the first inside, the one across.
    assert [(where, other.id) for where, other in named] == [
        ("around", "s30"),
        ("inside", "s1"),
        ("overlapping", "s31"),
    ]
    assert more == "… and 11 more inside"


def test_the_rest_of_several_kinds_is_counted_by_kind() -> None:
    acrosses = [("overlapping", span(40 + number, 600 + number, 700)) for number in range(3)]
    others = [*inside(5), *acrosses]
    named, more = overlapping_named(others, lines=4)
    assert [where for where, _other in named] == ["overlapping"] * 3
    assert more == "… and 5 more inside"
    named, more = overlapping_named(others, lines=3)
    assert [other.id for _where, other in named] == ["s40", "s41"]
    assert more == "… and 6 more: 1 overlapping, 5 inside"
