"""ctrl+l's highlight (``span_offer.offer``) on the records of a user trial of sample_docs
(tests/fixtures/span_offer_trial/root.jsonl, the last record of each article): article 10's
second release was offered the first release's 'Three Vellmark citizens' as its releasees'
next, before its own hostages, as the receiver Vellmark lay inside it; the first releases of
03, 10 and 14 were offered the other release's group (around its own count) as their second
releasee; 01's second release took 'six', unlinked, for the count of "exchanged 95 prisoners
of war each", which the guidelines link from both directions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.models import Record
from annotator.core.session import AnnotationSession, open_session
from annotator.core.span_offer import offer

ROOT = Path(__file__).resolve().parent.parent
JOURNAL = ROOT / "tests" / "fixtures" / "span_offer_trial" / "root.jsonl"


def trial_record(prefix: str) -> Record:
    """The trial's last record of the article whose id starts with ``prefix``."""
    records = [orjson.loads(line) for line in JOURNAL.read_bytes().splitlines()]
    found = [record for record in records if record["doc_id"].startswith(prefix)]
    return Record.model_validate(found[-1])


def as_filled(record: Record, items: int, links: dict[str, list[str]]) -> Record:
    """``record`` with its first ``items`` releases and only the releases' ``links`` given
    (the form's lists cut to them), as the form stood at a ctrl+l of the trial."""
    kept: list[dict[str, Any]] = []
    for index, item in enumerate(record.form["releases"][:items]):
        prefix = f"releases[{index}]."
        kept.append(
            {
                name: (value[: len(links[prefix + name])] if isinstance(value, list) else value)
                for name, value in item.items()
                if prefix + name in links
            }
        )
    form = {**record.form, "releases": kept}
    return record.model_copy(update={"form": form, "links": links})


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(ROOT / "sample_docs", "alice", None, tmp_path / "out")
    yield opened
    opened.close()


def highlighted(session: AnnotationSession, record: Record, path: str) -> list[str]:
    """The list's ids, best first, for ``path`` in ``record``; the cursor at the text's
    start (for an item's field it points at nothing)."""
    session.open(record.doc_id)
    session.state.record = record
    offered = offer(session, path, None, 0)
    assert not offered.none_fits
    return offered.order


def links_of(record: Record, items: int) -> dict[str, list[str]]:
    """The record's links to its first ``items`` releases (and its top-level fields)."""
    return {
        path: ids
        for path, ids in record.links.items()
        if "[" not in path or int(path.split("[")[1].split("]")[0]) < items
    }


def test_article_10s_second_release_is_offered_its_hostages_before_the_firsts_group(
    session: AnnotationSession,
) -> None:
    record = trial_record("10-")
    assert record.links["releases[1].releasees"] == ["s6", "s11", "s12"]
    assert record.links["releases[0].releasees"][0] == "s1"  # 'Three Vellmark citizens'
    links = links_of(record, 2)
    holding_s6 = as_filled(record, 2, {**links, "releases[1].releasees": ["s6"]})
    order = highlighted(session, holding_s6, "releases[1].releasees")
    # After its last span (s6, 159-182) the next unlinked ones, nearest first; s1 (34-57),
    # linked to release 1 and before s6, after them, though Vellmark, this release's giver,
    # lies inside it.
    assert order[:2] == ["s11", "s12"]
    assert order.index("s1") > order.index("s12")
    holding_s11 = as_filled(record, 2, {**links, "releases[1].releasees": ["s6", "s11"]})
    order = highlighted(session, holding_s11, "releases[1].releasees")
    assert order[0] == "s12" and order.index("s1") > order.index("s8")


@pytest.mark.parametrize(
    ("prefix", "first", "group_elsewhere", "next_one"),
    [
        ("10-", "s1", "s6", "s8"),  # not 'two Pravonian nationals' around 'two'
        ("03-", "s4", "s6", "s10"),  # not '165 fighters …' around '165'
        ("14-", "s2", "s6", "s9"),  # not '120 prisoners' around '120'
    ],
)
def test_a_first_releases_list_is_not_offered_the_group_around_another_count(
    session: AnnotationSession, prefix: str, first: str, group_elsewhere: str, next_one: str
) -> None:
    record = trial_record(prefix)
    assert record.links["releases[0].releasees"][0] == first
    assert group_elsewhere in record.links["releases[1].releasees"]
    # The first release filled up to its first releasee, the second one not begun: the group
    # of the other release is unlinked, the nearest after the list's last span.
    links = {**links_of(record, 1), "releases[0].releasees": [first]}
    order = highlighted(session, as_filled(record, 1, links), "releases[0].releasees")
    assert order[0] == next_one
    assert order.index(group_elsewhere) > order.index(next_one)


def test_a_count_the_sentence_gives_each_side_is_offered_to_the_second_release(
    session: AnnotationSession,
) -> None:
    record = trial_record("01-")
    assert record.links["releases[0].count"] == record.links["releases[1].count"] == ["s4"]
    # "Norvania and Kestria exchanged 95 prisoners of war each on Sunday": the first
    # release's '95' (s4) before the unlinked 'six' (s7), the third release's count.
    links = {
        path: ids
        for path, ids in links_of(record, 2).items()
        if not path.startswith("releases[1].") or path.endswith("_by")
    }
    order = highlighted(session, as_filled(record, 2, links), "releases[1].count")
    assert order[0] == "s4" and "s7" in order
    # One span feeds the two directions, not the third release: 95 (s4) after its own
    # 'six', as a linked span after the unlinked ones.
    links = {
        path: ids
        for path, ids in links_of(record, 3).items()
        if not path.startswith("releases[2].") or path.endswith("_by")
    }
    order = highlighted(session, as_filled(record, 3, links), "releases[2].count")
    assert order.index("s4") > order.index("s7")


def test_a_count_no_sentence_gives_each_side_is_not_the_previous_releases(
    session: AnnotationSession,
) -> None:
    record = trial_record("10-")
    assert record.links["releases[0].count"] == ["s2"]  # 'Three'
    assert record.links["releases[1].count"] == ["s7"]  # 'two'
    links = {
        path: ids
        for path, ids in links_of(record, 2).items()
        if not path.startswith("releases[1].") or path.endswith("_by")
    }
    order = highlighted(session, as_filled(record, 2, links), "releases[1].count")
    assert order[0] == "s7"
