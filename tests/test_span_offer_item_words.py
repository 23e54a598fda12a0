"""ctrl+l's highlight for a field of an item that has links already (``span_offer.pick_order``):
a trial labelled a whole article, then filled its first release; the cursor sat at the last
span labelled, and the list highlighted the last paragraph's 'Garesh' as the receiver of a
release whose giver was the first 'Garesh', and its 19 as the count of the first paragraph's 64."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core import span_offer
from annotator.core.models import Span
from annotator.core.session import AnnotationSession
from annotator.core.span_offer import offer, pick_order, repeats_the_item
from tests.test_session_data import open_on

TEXT = (
    "date 2023-05-21 Garesh returned 64 bodies to Ulmaria on Sunday. Later Ulmaria gave 19 "
    "to Garesh on Friday. Two days earlier, Garesh returned a pilot.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def label(session: AnnotationSession, words: str, name: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = session.text.index(words, start + 1)
    return session.label_selection(start, start + len(words), name).id


def labelled(session: AnnotationSession) -> dict[str, str]:
    """Every span of the text labelled, the last one the pilot's Garesh: the cursor's."""
    spans = {
        "garesh1": label(session, "Garesh", "actor"),
        "ulmaria1": label(session, "Ulmaria", "actor"),
        "64": label(session, "64", "count"),
        "sunday": label(session, "Sunday", "date"),
        "ulmaria2": label(session, "Ulmaria", "actor", 1),
        "19": label(session, "19", "count"),
        "garesh2": label(session, "Garesh", "actor", 1),
        "friday": label(session, "Friday", "date"),
        "garesh3": label(session, "Garesh", "actor", 2),
    }
    session.add_group_item("releases")
    session.take_notices()
    return spans


def test_an_items_fields_are_offered_the_spans_nearest_its_links_not_the_cursor(
    session: AnnotationSession,
) -> None:
    spans = labelled(session)
    cursor = len(TEXT) - 2  # after the pilot, past every span
    session.fill_from_span("releases[0].released_by", spans["garesh1"])
    assert pick_order(session, "releases[0].received_by", None, cursor)[0] == spans["ulmaria1"]
    session.fill_from_span("releases[0].received_by", spans["ulmaria1"])
    assert pick_order(session, "releases[0].count", None, cursor)[0] == spans["64"]
    assert pick_order(session, "releases[0].date", None, cursor)[0] == spans["sunday"]


def test_a_span_of_the_givers_words_is_not_offered_first_as_its_receiver(
    session: AnnotationSession,
) -> None:
    spans = labelled(session)
    cursor = len(TEXT) - 2
    session.fill_from_span("releases[0].released_by", spans["garesh3"])
    order = pick_order(session, "releases[0].received_by", None, cursor)
    # The second Garesh is the nearest, but it names the giver again.
    assert order[0] == spans["ulmaria2"]
    assert order.index(spans["garesh2"]) > order.index(spans["ulmaria1"])


def test_an_items_links_say_more_than_the_span_at_the_cursor(session: AnnotationSession) -> None:
    # A trial's cursor sat on the date labelled last, another release's: it was offered first.
    spans = labelled(session)
    cursor = session.text.index("Friday")
    session.follow(cursor, cursor, cursor)  # as the screen does: no selection
    session.fill_from_span("releases[0].released_by", spans["garesh1"])
    assert pick_order(session, "releases[0].date", None, cursor)[0] == spans["sunday"]
    # With no link in the item yet, not the span at the cursor either: the nearest after the
    # earlier items' spans (user trials: a new release's first fields followed the cursor).
    session.add_group_item("releases")
    assert pick_order(session, "releases[1].date", None, cursor)[0] == spans["sunday"]
    session.fill_from_span("releases[0].received_by", spans["ulmaria1"])
    session.fill_from_span("releases[0].date", spans["sunday"])
    for anywhere in (0, cursor):
        assert pick_order(session, "releases[1].date", None, anywhere)[0] == spans["friday"]
        # The receiver of the release before, after its words: "Later Ulmaria gave 19".
        order = pick_order(session, "releases[1].released_by", None, anywhere)
        assert order[:2] == [spans["ulmaria2"], spans["ulmaria1"]]


def test_what_repeats_the_item_a_giver_as_receiver_a_lists_own_not_a_fields_own(
    session: AnnotationSession,
) -> None:
    # ctrl+l highlights none when its best span repeats the item (``repeats_the_item``).
    spans = labelled(session)
    session.fill_from_span("releases[0].released_by", spans["garesh1"])
    session.fill_from_span("releases[0].count", spans["64"])
    assert repeats_the_item(session, "releases[0].received_by", spans["garesh1"])
    assert not repeats_the_item(session, "releases[0].received_by", spans["ulmaria1"])
    assert not repeats_the_item(session, "releases[0].count", spans["64"])  # taken again


def test_the_offer_is_the_order_and_its_repeat_the_fields_spans_and_links_worked_out_once(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ctrl+l's list (``span_offer.offer``): what pick_order and repeats_the_item give, the
    # field's spans and the item's links each worked out once (a review found 2 and 3 times).
    spans = labelled(session)
    cursor = len(TEXT) - 2
    session.fill_from_span("releases[0].released_by", spans["garesh1"])
    session.fill_from_span("releases[0].count", spans["64"])
    calls: list[str] = []
    item_links, spans_to_fill = span_offer._item_links, session.spans_to_fill

    def counted_links(of: AnnotationSession, path: str) -> dict[str, list[str]]:
        calls.append("links")
        return item_links(of, path)

    def counted_spans(path: str) -> list[Span]:
        calls.append("spans")
        return spans_to_fill(path)

    for path in ("releases[0].received_by", "releases[0].date"):
        order = pick_order(session, path, None, cursor)
        repeats = repeats_the_item(session, path, order[0])
        with monkeypatch.context() as patched:
            patched.setattr(span_offer, "_item_links", counted_links)
            patched.setattr(session, "spans_to_fill", counted_spans)
            offered = offer(session, path, None, cursor)
        assert sorted(calls) == ["links", "spans"]
        calls.clear()
        assert offered.order == order and offered.none_fits == repeats
        assert [span.id for span in offered.choices] == sorted(order, key=order_in_text(session))


def order_in_text(session: AnnotationSession) -> Callable[[str], int]:
    return [span.id for span in session.ordered_spans()].index
