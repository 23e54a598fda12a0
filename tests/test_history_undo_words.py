"""describe_step's words for an undo: each kind of change said in the direction the undo went
(a trial read "undid: value of s6 2024-03-17 → 2024-03-16" as the value now 2024-03-16),
while redo keeps its forward arrows and both bring the same place into view."""

from __future__ import annotations

import pytest

from annotator.core.forms import (
    add_group_item,
    fill_from_span,
    link_span,
    remove_group_item,
    set_field,
    set_keeping_links,
    unlink_span,
)
from annotator.core.history import describe_step
from annotator.core.models import Record
from annotator.core.spans import delete_span, rebound_span, relabel_span, set_span_value
from tests.test_forms import SCHEME, TEXT, labelled

# s1 Ukraine, s2 Russia, s3 146, s4 date, s5 Kaliush, s6 ex-marine
BASE = labelled()
WITH_RELEASE = add_group_item(BASE, "releases", SCHEME)
COUNT_FILLED = fill_from_span(WITH_RELEASE, "releases[0].count", "s3", SCHEME)


def both_ways(before: Record, after: Record) -> tuple[str, str]:
    """The words of the step from ``before`` to ``after`` undone, and redone."""
    undone, redone = describe_step(before, after, undone=True), describe_step(before, after)
    # Where the change is does not depend on which way it went.
    assert (undone.span_id, undone.path, undone.offset) == (
        redone.span_id,
        redone.path,
        redone.offset,
    )
    return undone.text, redone.text


def test_the_trial_s_date_value_and_the_field_it_fills_say_back_to() -> None:
    record = set_span_value(BASE, "s4", "2025-08-24", SCHEME)
    record = add_group_item(record, "releases", SCHEME)
    record = fill_from_span(record, "releases[0].date", "s4", SCHEME)
    changed = set_span_value(record, "s4", "2025-08-23", SCHEME)
    changed = set_keeping_links(changed, "releases[0].date", "2025-08-23", SCHEME)
    undone, redone = both_ways(record, changed)
    assert undone == (
        "value of s4 back to 2025-08-24 (was 2025-08-23); "
        "releases #1 date back to '2025-08-24' (was '2025-08-23')"
    )
    assert (
        redone
        == "value of s4 2025-08-24 → 2025-08-23; releases #1 date '2025-08-24' → '2025-08-23'"
    )
    step = describe_step(record, changed, undone=True)
    assert (step.span_id, step.path) == ("s4", "releases[0].date")


def test_a_label_undone_says_the_span_is_gone() -> None:
    fewer = BASE.model_copy(update={"spans": BASE.spans[:2]})
    assert both_ways(fewer, BASE) == (
        "label s3 count '146' (s3 is gone); label s4 date '24 August 2025' (s4 is gone); "
        "label s5 releasee 'Mark Kaliush' (s5 is gone); and 1 more",
        "label s3 count '146'; label s4 date '24 August 2025'; "
        "label s5 releasee 'Mark Kaliush'; and 1 more",
    )


def test_a_delete_undone_says_the_span_is_back_and_so_are_its_links() -> None:
    step = describe_step(COUNT_FILLED, delete_span(COUNT_FILLED, "s3"), undone=True)
    assert step.text == (
        "delete s3 count '146' (s3 is back); releases #1 count links back to s3 (was none)"
    )
    assert (step.span_id, step.offset) == ("s3", TEXT.index("146"))
    redone = describe_step(COUNT_FILLED, delete_span(COUNT_FILLED, "s3")).text
    assert redone == "delete s3 count '146'; releases #1 count links s3 → (none)"


def test_a_relabel_undone_names_the_label_it_is_back_to() -> None:
    assert both_ways(BASE, relabel_span(BASE, "s2", "releasee", SCHEME)) == (
        "relabel s2 back to actor (was releasee)",
        "relabel s2 actor → releasee",
    )


def test_new_bounds_undone_name_the_words_the_span_is_back_to() -> None:
    start = TEXT.index("Mark Kaliush")
    moved = rebound_span(
        BASE, TEXT, "s5", start + len("Mark "), start + len("Mark Kaliush"), SCHEME
    )
    assert both_ways(BASE, moved) == (
        "re-bound s5 back to 'Mark Kaliush' (was 'Kaliush')",
        "re-bound s5 'Mark Kaliush' → 'Kaliush'",
    )


def test_a_value_undone_names_the_value_it_is_back_to_none_bare() -> None:
    assert both_ways(BASE, set_span_value(BASE, "s3", "150", SCHEME)) == (
        "value of s3 back to 146 (was 150)",
        "value of s3 146 → 150",
    )
    valueless = set_span_value(BASE, "s3", None, SCHEME)
    assert both_ways(valueless, BASE) == (
        "value of s3 back to none (was 146)",
        "value of s3 (none) → 146",
    )


def test_a_field_undone_names_the_value_it_is_back_to() -> None:
    typed = set_field(WITH_RELEASE, "event_type", "exchange", SCHEME)
    assert both_ways(WITH_RELEASE, typed) == (
        "event_type back to empty (was 'exchange')",
        "event_type (empty) → 'exchange'",
    )
    changed = set_field(typed, "event_type", "announcement", SCHEME)
    assert both_ways(typed, changed)[0] == "event_type back to 'exchange' (was 'announcement')"


def test_links_undone_name_the_links_they_are_back_to() -> None:
    one_more = fill_from_span(COUNT_FILLED, "releases[0].released_by", "s1", SCHEME)
    two = link_span(one_more, "releases[0].released_by", "s2", SCHEME)
    assert both_ways(one_more, two) == (
        "releases #1 released_by links back to s1 (was s1 s2)",
        "releases #1 released_by links s1 → s1 s2",
    )
    assert both_ways(two, unlink_span(two, "releases[0].released_by")) == (
        "releases #1 released_by links back to s1 s2 (was none)",
        "releases #1 released_by links s1 s2 → (none)",
    )


def test_an_item_added_or_removed_undone_says_it_is_gone_or_back() -> None:
    two = add_group_item(COUNT_FILLED, "releases", SCHEME)
    assert both_ways(COUNT_FILLED, two) == ("add releases #2 (it is gone)", "add releases #2")
    step = describe_step(two, remove_group_item(two, "releases", 0), undone=True)
    assert (step.text, step.path) == ("remove releases #1 (it is back)", "releases[0]")


def test_a_note_undone_names_the_words_it_is_back_to() -> None:
    noted = BASE.model_copy(update={"note": "figures disputed"})
    assert both_ways(BASE, noted) == (
        "note back to empty (was 'figures disputed')",
        "note (empty) → 'figures disputed'",
    )
    longer = noted.model_copy(update={"note": "figures disputed, see p. 3"})
    assert both_ways(noted, longer)[0] == (
        "note back to 'figures disputed' (was 'figures disputed, see p. 3')"
    )
    assert describe_step(noted, longer, undone=True).path == "note"


@pytest.mark.parametrize(
    ("flagged_after", "undone", "redone"),
    [
        (True, "flag (unflagged again)", "flag"),
        (False, "remove the flag (flagged again)", "remove the flag"),
    ],
)
def test_the_flag_undone_says_whether_it_is_flagged_now(
    flagged_after: bool, undone: str, redone: str
) -> None:
    before = BASE.model_copy(update={"flagged": not flagged_after})
    after = BASE.model_copy(update={"flagged": flagged_after})
    assert both_ways(before, after) == (undone, redone)


def test_nothing_changed_is_said_alike_both_ways() -> None:
    assert both_ways(BASE, BASE) == ("no change", "no change")
