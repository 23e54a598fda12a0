"""quoted_pair: a before and after shortened so that they read differently when they differ.
A trial's undo read "releasees back to 'eight foreign hostages, … Maël Brossard' (was 'eight
foreign hostages, … Maël Brossard')": both cut in the middle alike, the change hidden."""

from __future__ import annotations

from annotator.core.forms import add_group_item, set_field
from annotator.core.history import describe_step, quoted_pair
from tests.test_forms import SCHEME, labelled

LONG = "eight foreign hostages, including two journalists and the aid worker Maël Brossard"


def test_differences_at_the_very_start_or_end_keep_the_middle_cut() -> None:
    """The middle cut keeps both ends: a difference there shows as it is."""
    assert quoted_pair("short", "shorter", 40) == ("'short'", "'shorter'")
    assert quoted_pair(LONG, LONG + "d", 40) == (
        "'eight foreign hostages, … Maël Brossard'",
        "'eight foreign hostages, … Maël Brossardd'",
    )
    assert quoted_pair(LONG, "E" + LONG[1:], 40) == (
        "'eight foreign hostages, … Maël Brossard'",
        "'Eight foreign hostages, … Maël Brossard'",
    )


def test_a_difference_near_the_end_is_shown_with_the_end() -> None:
    changed = LONG.replace("aid worker", "aid workers")
    assert quoted_pair(LONG, changed, 40) == (
        "'…and the aid worker Maël Brossard'",
        "'…and the aid workers Maël Brossard'",
    )


def test_a_difference_near_the_start_is_shown_with_the_words_before_it() -> None:
    changed = LONG.replace("including", "Including")
    assert quoted_pair(LONG, changed, 40) == (
        "'…hostages, including two journalists an…'",
        "'…hostages, Including two journalists an…'",
    )


def test_a_difference_in_the_middle_is_shown_with_some_words_before_it() -> None:
    changed = LONG.replace("two", "three")
    assert quoted_pair(LONG, changed, 40) == (
        "'…including two journalists and the aid …'",
        "'…including three journalists and the ai…'",
    )


def test_values_alike_but_for_spaces_read_alike() -> None:
    # Spaces are made one in both, as quoted shows them: there is no other way to show them.
    assert (
        quoted_pair(LONG, LONG.replace(" ", "  "), 40)
        == ("'eight foreign hostages, … Maël Brossard'",) * 2
    )


def test_the_trial_s_list_field_undone_says_what_changed() -> None:
    names = ["eight foreign hostages", "including two journalists", "Maël Brossard"]
    record = add_group_item(labelled(), "releases", SCHEME)
    record = set_field(record, "releases[0].releasees", names, SCHEME)
    typed = [names[0], names[1] + "d", names[2]]
    changed = set_field(record, "releases[0].releasees", typed, SCHEME)
    assert describe_step(record, changed, undone=True).text == (
        "releases #1 releasees back to '…two journalists, Maël Brossard' "
        "(was '…two journalistsd, Maël Brossard')"
    )
