"""Values suggested for a span's text: counts, dates, and always a value the label can hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.spans import suggest_value
from annotator.core.values import value_problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("146", 146),
        ("1,200", 1200),
        ("1\u202f200", 1200),
        ("eight", 8),
        ("Eight Ukrainians", 8),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("forty-one", 41),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("1.5 million", 1_500_000),
        ("a total of 84", 84),
        ("146 prisoners of war", 146),
        ("hundreds", None),
        ("dozens of soldiers", None),
        ("more than 100", None),
        ("about 50", None),
        ("at least 20", None),
        ("100+", None),
        ("12-15", None),
        ("146th", None),
        ("3.5", None),
        ("146 and 150", None),
        ("twenty twenty", None),
        ("a", None),
        ("prisoners", None),
        # A count with a fraction is not a whole number: not the whole part.
        ("three and a half", None),
        ("two-and-a-half", None),
        ("three quarters", None),
        ("two thirds of the prisoners", None),
    ],
)
def test_suggested_counts(text: str, expected: int | None) -> None:
    assert suggest_value(text, "integer", None) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        ("2025-08-24", None, "2025-08-24"),
        ("2025-08", None, "2025-08"),
        ("2022", None, "2022"),
        ("in 2022", None, "2022"),
        ("2025-02-30", None, None),
        ("24 August 2025", None, "2025-08-24"),
        ("August 24, 2025", None, "2025-08-24"),
        ("Sunday, 24 August 2025", None, "2025-08-24"),
        ("Aug. 24th", "2025-09-01", "2025-08-24"),
        ("24 August", "2025-09-01", "2025-08-24"),
        ("August 24", None, None),
        ("28 December", "2025-01-05", "2024-12-28"),
        ("March 2024", None, "2024-03"),
        ("March", "2025-08-24", "2025-03"),
        ("Sunday", "2025-08-26", "2025-08-24"),
        ("on Sunday", "2025-08-24", "2025-08-24"),
        ("last Sunday", "2025-08-30", "2025-08-24"),
        # In a Sunday's article "last Sunday" is a week before; "on Sunday" is the dateline.
        ("last Sunday", "2025-08-24", "2025-08-17"),
        ("this past Sunday", "2025-08-24", "2025-08-17"),
        ("Saturday night", "2025-08-24", "2025-08-23"),
        ("Sunday", None, None),
        # After the dateline (Thursday 2023-08-10): the first such day after it.
        ("next Sunday", "2023-08-10", "2023-08-13"),
        ("this coming Friday", "2023-08-10", "2023-08-11"),
        ("on Sunday next", "2023-08-10", "2023-08-13"),
        ("next Thursday", "2023-08-10", "2023-08-17"),
        ("next Sunday", None, None),
        # "this Friday": the Friday of the dateline's week, Monday to Sunday (2026-11-17 is a
        # Tuesday: to come; 2026-11-21 a Saturday: yesterday); "this past" says which way.
        ("this Friday", "2026-11-17", "2026-11-20"),
        ("this Friday", "2026-11-21", "2026-11-20"),
        ("this Friday", "2026-11-20", "2026-11-20"),
        ("this Friday night", "2026-11-17", "2026-11-20"),
        ("this Monday", "2026-11-22", "2026-11-16"),
        ("this past Friday", "2026-11-17", "2026-11-13"),
        ("this Friday", None, None),
        ("next last Sunday", "2023-08-10", None),
        ("next 24 August", "2023-08-10", None),
        # The next, or last, Sunday after or before a date in the text: not the dateline's.
        ("the next Sunday", "2023-08-10", None),
        ("on the last Sunday", "2023-08-10", None),
        ("yesterday", "2025-03-01", "2025-02-28"),
        ("today", "2025-08-24", "2025-08-24"),
        ("last night", "2025-08-24", "2025-08-23"),
        ("last year", "2025-08-24", "2024"),
        ("this month", "2025-08-24", "2025-08"),
        ("yesterday", "2025-02-30", None),
        ("24/08/2025", None, None),
        ("31 June 2025", None, None),
        ("the 24th", "2025-08-24", None),
        ("since 2016", None, None),
    ],
)
def test_suggested_dates(text: str, doc_date: str | None, expected: str | None) -> None:
    assert suggest_value(text, "date", doc_date) == expected


def test_labels_without_a_value_type_get_no_value() -> None:
    assert suggest_value("146", "none", "2025-08-24") is None


NUMBER_AND_DATE_WORDS = """
    146 1,200 3.5 ² ٣٤ two dozen hundred and a an forty-one 0 9999 0999 -
    August 24 24th 2025 Sunday last yesterday 31 June 2025-02-29 2024-02-29
"""
number_and_date_words = st.lists(
    st.sampled_from(NUMBER_AND_DATE_WORDS.split()),
    max_size=5,
).map(" ".join)


@given(
    st.one_of(st.text(max_size=30), number_and_date_words),
    st.sampled_from(["integer", "date", "none"]),
    st.sampled_from([None, "2025-08-24", "2024-02-29", "2025-13-01", "junk"]),
)
@settings(max_examples=500)
def test_suggested_values_always_fit_the_label(
    text: str, value_type: str, doc_date: str | None
) -> None:
    value = suggest_value(text, value_type, doc_date)
    assert value is None or value_problem(value_type, value) is None
