"""ctrl+l's highlight for a release's giver after several releases of an exchange, each the
other way round (sample article 11, a week of exchanges at 80x24): the fourth release's giver
was offered Balkor, the giver of the third, where the third's receiver, Ternova, gives the
fourth. Both parties had been held as giver and as receiver by the earlier releases, so the
rule 'a party another item holds in the other field first' could not tell them apart; the
item just before tells."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from annotator.core.span_offer import pick_order
from tests.test_session_data import open_on

WEEK = (
    "date 2024-05-19 Ternova and Balkor ended a week of exchanges. On Tuesday Balkor handed "
    "over 38 soldiers and Ternova returned 31 prisoners. On Thursday Balkor released 74 "
    "civilians and Ternova handed over 19 civilians.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, WEEK)


def label(session: AnnotationSession, words: str, name: str) -> str:
    start = session.text.index(words)
    return session.label_selection(start, start + len(words), name).id


def test_a_giver_is_first_the_receiver_of_the_release_just_before(
    session: AnnotationSession,
) -> None:
    ternova = label(session, "Ternova", "actor")
    balkor = label(session, "Balkor", "actor")
    for index, (giver, receiver) in enumerate(
        [(balkor, ternova), (ternova, balkor), (balkor, ternova)]
    ):
        session.add_group_item("releases")
        session.fill_from_span(f"releases[{index}].released_by", giver)
        session.fill_from_span(f"releases[{index}].received_by", receiver)
    session.add_group_item("releases")
    # The third release's receiver gives the fourth (Balkor is offered first without the
    # item just before telling: nearer the earlier releases' spans, and held as a receiver
    # by the second).
    assert pick_order(session, "releases[3].released_by", None, 0)[0] == ternova
    session.fill_from_span("releases[3].released_by", ternova)
    assert pick_order(session, "releases[3].received_by", None, 0)[0] == balkor
