"""A date typed with ``v`` is read alike in the annotation screen and in review (one function,
``normalise.typed_span_value``): a trial's review refused "Friday", and so does annotate's
``v``, with the same reason; what one takes, the other takes. Words that say a date relative to
the dateline or an earlier date are read when a span is labelled, not when a value is typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.session import AnnotationSession, open_session
from tests.test_review_span_value import gold_d1
from tests.test_review_span_value import review as review
from tests.test_session_data import FakeClock, fixed_now, where

TEXT = "date 2024-06-09 The exchange was carried out on Friday, the ministry said.\n"
TYPED = ["Friday", "last Sunday", "two days later", "7 June 2024", "2024-13-01"]


@pytest.fixture
def annotating(tmp_path: Path) -> Any:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(folder, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open(opened.first_unfinished_id())
    opened.label_selection(*where(opened, "Friday"), "date")
    assert opened.span("s1").value == "2024-06-07"  # labelled: read from the dateline
    yield opened
    opened.close()


def refusal(typed: str, set_value: Any) -> str:
    """Why ``set_value`` refused ``typed``, less the prefix naming the span."""
    with pytest.raises(AnnotatorError) as refused:
        set_value(typed)
    return str(refused.value).split(": ", 1)[1]


@pytest.mark.parametrize("typed", TYPED)
def test_a_date_v_refuses_is_refused_alike_with_the_same_reason(
    annotating: AnnotationSession, review: Any, typed: str
) -> None:
    said = refusal(typed, lambda raw: annotating.set_value(raw, "s1"))
    assert said == refusal(typed, review.settle_span_value)
    assert said.startswith(f"{typed!r} is not a")
    assert annotating.span("s1").value == "2024-06-07"  # nothing changed
    assert len(gold_d1(review)["conflicts"]) == 1


@pytest.mark.parametrize("typed", ["2024-06-08", " 2024-06 ", "2024"])
def test_a_date_v_takes_is_taken_alike(
    annotating: AnnotationSession, review: Any, typed: str
) -> None:
    assert annotating.set_value(typed, "s1").value == typed.strip()
    review.settle_span_value(typed)
    (date,) = [s for s in gold_d1(review)["spans"] if s["label"] == "date"]
    assert date["value"] == typed.strip()
