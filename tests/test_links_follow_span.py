"""A field filled from a span follows the span's later changes (v, r, a relabel) in the same
undo step, and says so; a field linked only (ctrl+t, disputed figures) keeps its value; a
relabel drops the links ctrl+l would refuse; typing over a linked value says its link went."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import journal_lines, open_on, where

TEXT = (
    "date 2024-03-17 Norvania and Kestria exchanged 95 prisoners of war each on Sunday. "
    "The Norvanian defence ministry said 187 soldiers had been returned; Kestria said it "
    "handed over 210 people, among them dozens of wounded Kestrian soldiers.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def label(session: AnnotationSession, words: str, name: str) -> str:
    return session.label_selection(*where(session, words), name).id


def release_filled(session: AnnotationSession, path: str, span_id: str) -> None:
    """A release whose field ``path`` is filled from ``span_id``; notices so far forgotten."""
    session.add_group_item("releases")
    session.fill_from_span(path, span_id)
    session.take_notices()


def test_a_count_field_follows_its_span_s_new_value_in_one_undo_step(
    session: AnnotationSession,
) -> None:
    count = label(session, "95", "count")
    release_filled(session, "releases[0].count", count)
    session.set_value("96", count)
    assert session.take_notices() == [f"releases #1 count follows {count}: 95 → 96"]
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 96
    assert line["links"] == {"releases[0].count": [count]}
    assert [span["value"] for span in line["spans"]] == [96]

    step = session.undo()  # the span's value and the field's, together
    assert step is not None
    assert (
        step.text
        == f"value of {count} back to 95 (was 96); releases #1 count back to '95' (was '96')"
    )
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 95
    assert [span["value"] for span in line["spans"]] == [95]
    assert line["links"] == {"releases[0].count": [count]}
    session.redo()
    assert session.field_value("releases[0].count") == 96


def test_a_text_field_and_a_list_item_follow_their_span_s_new_bounds(
    session: AnnotationSession,
) -> None:
    actor = label(session, "Norvanian", "actor")
    releasee = label(session, "wounded Kestrian soldiers", "releasee")
    release_filled(session, "releases[0].released_by", actor)
    session.set_field("releases[0].releasees", "Sergeant Ostrovin")
    session.fill_from_span("releases[0].releasees", releasee)
    session.take_notices()

    session.rebound(*where(session, "Norvanian defence ministry"), actor)
    session.rebound(*where(session, "dozens of wounded Kestrian soldiers"), releasee)
    assert session.take_notices() == [
        f"re-bound {actor} actor 'Norvanian' → 'Norvanian defenc…inistry' (87–113)",
        f"releases #1 released_by follows {actor}: 'Norvanian' → 'Norvanian defence ministry'",
        f"re-bound {releasee} releasee 'wounded Kestrian …ldiers' → "
        "'dozens of wounde…oldiers' (202–237)",
        f"releases #1 releasees follows {releasee}: 'wounded Kestrian soldiers' → "
        "'dozens of wounded Kestrian soldiers'",
    ]
    line = journal_lines(session)[-1]
    item = line["form"]["releases"][0]
    assert item["released_by"] == "Norvanian defence ministry"
    assert item["releasees"] == ["Sergeant Ostrovin", "dozens of wounded Kestrian soldiers"]
    assert line["links"] == {
        "releases[0].released_by": [actor],
        "releases[0].releasees": [releasee],
    }
    session.undo()
    assert session.field_value("releases[0].releasees") == [
        "Sergeant Ostrovin",
        "wounded Kestrian soldiers",
    ]
    assert session.field_value("releases[0].released_by") == "Norvanian defence ministry"


def test_a_figure_linked_only_keeps_the_field_s_value(session: AnnotationSession) -> None:
    """The guidelines' disputed figures: 187 is the value, 210 linked only (ctrl+t)."""
    received, given = label(session, "187", "count"), label(session, "210", "count")
    release_filled(session, "releases[0].count", received)
    session.link_span("releases[0].count", given)
    session.take_notices()
    session.set_value("211", given)
    assert session.take_notices() == []
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 187
    assert line["links"] == {"releases[0].count": [received, given]}
    # The figure that gave the value is followed; the one linked only still is not.
    session.set_value("188", received)
    assert session.field_value("releases[0].count") == 188
    assert session.take_notices() == [f"releases #1 count follows {received}: 187 → 188"]


def test_a_typed_value_linked_afterwards_keeps_its_value(session: AnnotationSession) -> None:
    count = label(session, "187", "count")
    session.add_group_item("releases")
    session.set_field("releases[0].count", "190")
    session.link_span("releases[0].count", count)
    session.take_notices()
    session.rebound(*where(session, "187 soldiers"), count)  # its value stays 187
    session.set_value("186", count)
    assert session.take_notices() == [f"re-bound {count} count '187' → '187 soldiers' (119–131)"]
    assert session.field_value("releases[0].count") == 190


def test_a_span_left_without_a_value_leaves_the_field_and_says_so(
    session: AnnotationSession,
) -> None:
    count = label(session, "95", "count")
    release_filled(session, "releases[0].count", count)
    session.set_value("", count)
    assert session.take_notices() == [f"releases #1 count keeps 95: {count} has no value now"]
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 95
    assert line["links"] == {"releases[0].count": [count]}
    # Given a value again, the field it alone fills follows (a trial's stayed 95, linked).
    session.set_value("96", count)
    assert session.field_value("releases[0].count") == 96
    assert session.take_notices() == [f"releases #1 count follows {count}: 95 → 96"]


def test_a_field_filled_from_a_vague_count_takes_the_value_given_later(
    session: AnnotationSession,
) -> None:
    vague = label(session, "dozens", "count")
    span = session.span(vague)
    assert span is not None and span.value is None  # "dozens": no exact value
    release_filled(session, "releases[0].count", vague)
    session.set_value("24", vague)
    assert session.field_value("releases[0].count") == 24
    assert session.take_notices() == [f"releases #1 count follows {vague}: (empty) → 24"]


def test_a_relabel_drops_the_links_ctrl_l_would_refuse_in_the_same_step(
    session: AnnotationSession,
) -> None:
    actor = label(session, "Kestrian soldiers", "actor")
    release_filled(session, "releases[0].released_by", actor)
    session.add_group_item("releases")
    session.fill_from_span("releases[1].received_by", actor)
    session.take_notices()
    session.selected = actor
    session.label_selection(0, 0, "releasee")
    assert session.take_notices() == [
        f"relabelled {actor} 'Kestrian soldiers' actor → releasee",
        f"{actor} is a releasee now: its links to releases #1 released_by, releases #2 "
        "received_by went; the values stay",
    ]
    line = journal_lines(session)[-1]
    assert line["links"] == {}
    assert [item["released_by"] for item in line["form"]["releases"]] == ["Kestrian soldiers", None]
    assert line["form"]["releases"][1]["received_by"] == "Kestrian soldiers"
    assert [span["label"] for span in line["spans"]] == ["releasee"]

    step = session.undo()
    assert step is not None and step.text.startswith(
        f"relabel {actor} back to actor (was releasee)"
    )
    line = journal_lines(session)[-1]
    assert [span["label"] for span in line["spans"]] == ["actor"]
    assert line["links"] == {
        "releases[0].released_by": [actor],
        "releases[1].received_by": [actor],
    }


def test_a_relabel_by_labelling_the_same_words_drops_the_link_too(
    session: AnnotationSession,
) -> None:
    actor = label(session, "Kestrian soldiers", "actor")
    release_filled(session, "releases[0].released_by", actor)
    label(session, "Kestrian soldiers", "releasee")
    assert session.take_notices() == [
        f"relabelled {actor} 'Kestrian soldiers' actor → releasee",
        f"{actor} is a releasee now: its link to releases #1 released_by went; the value stays",
    ]
    assert journal_lines(session)[-1]["links"] == {}


def test_typing_over_a_linked_value_says_the_link_went(session: AnnotationSession) -> None:
    count = label(session, "95", "count")
    release_filled(session, "releases[0].count", count)
    session.set_field("releases[0].count", "96")
    assert session.take_notices() == [
        # What was typed is not named: a pause in the typing saves the field (a trial's
        # message named a half-typed "9").
        f"count: typed over 95 from {count}, now unlinked (ctrl+z gives the link back); "
        "ctrl+t links a span without filling"
    ]
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 96 and line["links"] == {}
    # Nothing linked any more: nothing to say.
    session.set_field("releases[0].count", "97")
    assert session.take_notices() == []


def test_ctrl_z_gives_back_the_link_typing_over_took_as_its_notice_says(
    session: AnnotationSession,
) -> None:
    count = label(session, "95", "count")
    release_filled(session, "releases[0].count", count)
    session.set_field("releases[0].count", "96", typing=True)  # saved at a pause
    assert "(ctrl+z gives the link back)" in session.take_notices()[0]
    session.undo()
    assert session.field_value("releases[0].count") == 95
    assert session.record.links == {"releases[0].count": [count]}
    assert journal_lines(session)[-1]["links"] == {"releases[0].count": [count]}


def test_emptying_a_linked_field_says_its_links_went(session: AnnotationSession) -> None:
    received, given = label(session, "187", "count"), label(session, "210", "count")
    release_filled(session, "releases[0].count", received)
    session.link_span("releases[0].count", given)
    session.take_notices()
    session.set_field("releases[0].count", "")
    assert session.take_notices() == [
        f"count emptied (was 187 from {received} {given}, now unlinked; "
        "ctrl+z gives the links back)"
    ]
    assert journal_lines(session)[-1]["links"] == {}


def test_a_list_typed_into_names_only_the_links_of_items_gone(
    session: AnnotationSession,
) -> None:
    first = label(session, "95 prisoners of war", "releasee")
    second = label(session, "187 soldiers", "releasee")
    release_filled(session, "releases[0].releasees", first)
    session.fill_from_span("releases[0].releasees", second)
    session.take_notices()
    session.set_field("releases[0].releasees", "95 prisoners of war, 187 soldiers, Ostrovin")
    assert session.take_notices() == []  # every linked item still there
    assert session.record.links == {"releases[0].releasees": [first, second]}
    session.set_field("releases[0].releasees", "95 prisoners of war, Ostrovin")
    assert session.take_notices() == [
        f"releasees: typed over 187 soldiers from {second}, now unlinked (ctrl+z gives the "
        "link back); ctrl+t links a span without filling"
    ]
    assert journal_lines(session)[-1]["links"] == {"releases[0].releasees": [first]}
