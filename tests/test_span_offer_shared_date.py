"""ctrl+l's highlight for a release's date (``span_offer.offer``) on the records of a user
trial of sample_docs (tests/fixtures/span_offer_trial/you.jsonl): article 05's second release
("Garesh received the remains of 19 of its own soldiers at the same checkpoint") was offered
'Two days earlier', which no field held yet (the third release's, the pilot's), before the
first release's 'on Sunday', its own day too. A date the same field of another release holds
now counts as free; a count another release holds does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from annotator.core.models import Record
from annotator.core.session import AnnotationSession, open_session
from annotator.core.span_offer import offer

ROOT = Path(__file__).resolve().parent.parent
JOURNAL = ROOT / "tests" / "fixtures" / "span_offer_trial" / "you.jsonl"


def trial_record(prefix: str) -> Record:
    records = [orjson.loads(line) for line in JOURNAL.read_bytes().splitlines()]
    found = [record for record in records if record["doc_id"].startswith(prefix)]
    return Record.model_validate(found[-1])


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(ROOT / "sample_docs", "alice", None, tmp_path / "out")
    yield opened
    opened.close()


def order_for(
    session: AnnotationSession, record: Record, path: str, left_out: set[str]
) -> list[str]:
    """The list's ids for ``path`` in ``record`` with the links of ``left_out`` and the third
    release taken away (the form filled in order up to that field), the cursor at the start."""
    links = {
        at: ids
        for at, ids in record.links.items()
        if at not in left_out and not at.startswith("releases[2].")
    }
    releases = record.form["releases"][:2]
    form = {**record.form, "releases": releases}
    session.open(record.doc_id)
    session.state.record = record.model_copy(update={"links": links, "form": form})
    session.follow(0, 0, 0)
    return offer(session, path, None, 0).order


def test_the_second_release_is_offered_the_first_ones_day(session: AnnotationSession) -> None:
    record = trial_record("05")
    spans = {span.id: span.text for span in record.spans}
    assert (spans["s4"], spans["s11"]) == ("Sunday", "Two days earlier")
    order = order_for(session, record, "releases[1].date", {"releases[1].date"})
    assert order == ["s4", "s11"]


def test_a_count_another_release_holds_comes_after(session: AnnotationSession) -> None:
    """The second release's count, its releasee not linked yet: '19', which no field holds,
    before the first release's '64'."""
    record = trial_record("05")
    spans = {span.id: span.text for span in record.spans}
    assert (spans["s2"], spans["s8"]) == ("64", "19")
    left_out = {"releases[1].count", "releases[1].releasees"}
    assert order_for(session, record, "releases[1].count", left_out) == ["s8", "s2"]
