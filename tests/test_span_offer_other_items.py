"""ctrl+l's highlight (``span_offer.pick_order``) after a user trial of sample_docs at 80x24
(tests/fixtures/span_offer_trial, measured by bench/span_offer_eval.py): the actor no field
used yet came first, often a mediator (01's third release received by the Republic of
Vellmark); a count held by the field itself put the count inside the item's releasee after
another release's 'six'; a releasees list offered the hostage nearest the cursor, not the next
one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from annotator.core.span_offer import offer, pick_order
from tests.test_session_data import open_on, session_on

EXCHANGE = (
    "date 2024-03-17 Kestria handed 95 soldiers to Norvania on Sunday, and Norvania freed "
    "40 fighters to Kestria. The swap was mediated by Vellmark.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, EXCHANGE)


@contextmanager
def opened_on(tmp_path: Path, text: str) -> Iterator[AnnotationSession]:
    session = session_on(tmp_path, text)
    try:
        session.open("d")
        yield session
    finally:
        session.close()


def label(session: AnnotationSession, words: str, name: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = session.text.index(words, start + 1)
    return session.label_selection(start, start + len(words), name).id


def at(session: AnnotationSession, words: str) -> int:
    """The cursor at the start of ``words``, no selection, as the screen leaves it."""
    cursor = session.text.index(words)
    session.follow(cursor, cursor, cursor)
    return cursor


def test_the_parties_of_the_other_releases_come_before_a_mediator_no_item_names(
    session: AnnotationSession,
) -> None:
    kestria = label(session, "Kestria", "actor")
    norvania = label(session, "Norvania", "actor")
    norvania_again = label(session, "Norvania", "actor", 1)
    kestria_again = label(session, "Kestria", "actor", 1)
    vellmark = label(session, "Vellmark", "actor")  # labelled last: the cursor is on it
    session.add_group_item("releases")
    session.fill_from_span("releases[0].released_by", kestria)
    session.fill_from_span("releases[0].received_by", norvania)
    session.add_group_item("releases")
    cursor = at(session, "Vellmark")
    # The second release's giver: the first one's receiver, the one nearest the cursor of
    # its words, before Vellmark (no release names it) at the cursor.
    order = pick_order(session, "releases[1].released_by", None, cursor)
    assert order[0] == norvania_again and order.index(vellmark) > order.index(kestria)
    session.fill_from_span("releases[1].released_by", norvania_again)
    # Its receiver: the first one's giver, nearest this release's giver; not the mediator.
    picked = offer(session, "releases[1].received_by", None, cursor)
    assert picked.order[0] == kestria_again and not picked.none_fits
    assert picked.order.index(vellmark) < picked.order.index(norvania)  # the giver's words last


def test_a_count_of_one_field_only_gives_way_in_the_next_release(
    session: AnnotationSession,
) -> None:
    # Only a label that fills several fields of an item (a party giving in one release and
    # receiving in the next) is offered for what other items hold: a count is not.
    ninety_five = label(session, "95", "count")
    forty = label(session, "40", "count")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].count", ninety_five)
    session.add_group_item("releases")
    assert pick_order(session, "releases[1].count", None, at(session, "95")) == [forty, ninety_five]


COUNTS = (
    "date 2024-03-17 Norvania returned 95 prisoners of war on Sunday. In return 95 Kestrian "
    "soldiers were handed over, and later six wounded men.\n"
)


def test_the_count_inside_the_items_releasee_comes_before_one_of_other_words(
    tmp_path: Path,
) -> None:
    # Doc 01 of the trial: the count held the first '95' (another release's); with the item's
    # releasee '95 Kestrian soldiers' linked, ctrl+l on the count highlighted 'six': the '95'
    # inside the releasee, of the same words as the count's own, was put just before the end.
    with opened_on(tmp_path, COUNTS) as session:
        first = label(session, "95", "count")
        soldiers = label(session, "95 Kestrian soldiers", "releasee")
        inside = label(session, "95", "count", 1)
        six = label(session, "six", "count")
        session.add_group_item("releases")
        session.fill_from_span("releases[0].count", first)
        session.fill_from_span("releases[0].releasees", soldiers)
        order = pick_order(session, "releases[0].count", None, at(session, "six"))
        assert order == [inside, six, first]


HOSTAGES = (
    "date 2023-11-11 Eight foreign hostages were freed on Saturday. Among them were Zoe Diaye, "
    "a nurse, Aissa Konare, an engineer, and Theo Brossard, a teacher, the group said.\n"
)


def test_a_lists_next_item_is_the_span_after_its_last_one(tmp_path: Path) -> None:
    with opened_on(tmp_path, HOSTAGES) as session:
        names = [
            label(session, words, "releasee")
            for words in ("Eight foreign hostages", "Zoe Diaye", "Aissa Konare", "Theo Brossard")
        ]
        session.add_group_item("releases")
        cursor = at(session, "Theo Brossard")  # labelled last
        for taken, following in pairwise(names):
            session.fill_from_span("releases[0].releasees", taken)
            assert pick_order(session, "releases[0].releasees", None, cursor)[0] == following
