"""A span drawn by hand settles its conflict: what it left out of the versions is told.

A user trial: alice marked the count "six" and the releasee "six wounded … soldiers", bob the
count "six", carol nothing; the reviewer drew the releasee and the gold silently lost the count
both had marked. Here on TEXT: alice the count "146" and the releasee "146 prisoners", bob the
count "146", carol nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import Span
from annotator.core.review import ReviewSession
from annotator.core.review_notices import LeftOut, drawn_notice, left_out
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from tests.test_agreement_data import record, span, write_journal
from tests.test_review_session_data import fixed_now, open_it, write_review_case

COUNT = span("s1", 13, 16, "count", 146)
RELEASEE = span("s2", 13, 26, "releasee")
CODE = {"code": "1"}  # required by the case's scheme


# carol's count "146" read as 145, and bob's count "146 prisoners": with K = 2 a conflict needs
# both, one question (the releasee at the count's place, the counts there), or each span only
# one annotator marked is outvoted by the two marking nothing more of it, settled by the merge.
COUNT_145 = span("s1", 13, 16, "count", 145)
COUNT_WIDE = span("s3", 13, 26, "count", 146)


def three_way(
    tmp_path: Path,
    min_agree: int | None = None,
    carol: tuple[dict[str, Any], ...] = (),
    bob: tuple[dict[str, Any], ...] = (),
    alice: tuple[dict[str, Any], ...] = (),
) -> ReviewSession:
    setup = write_review_case(tmp_path)
    alice_journal = write_journal(
        tmp_path / "a3.jsonl", record("alice", spans=[COUNT, RELEASEE, *alice], form=CODE)
    )
    bob_journal = write_journal(
        tmp_path / "b3.jsonl", record("bob", spans=[COUNT, *bob], form=CODE)
    )
    carol_journal = write_journal(
        tmp_path / "c3.jsonl", record("carol", spans=list(carol), form=CODE)
    )
    return open_review(
        [alice_journal, bob_journal, carol_journal],
        setup["corpus"],
        setup["gold"],
        "rita",
        scheme_path=setup["scheme"],
        min_agree=min_agree,
        now=fixed_now,
    )


def test_drawing_the_releasee_tells_the_count_two_annotators_marked(tmp_path: Path) -> None:
    session = three_way(tmp_path)
    try:
        before = session.record
        assert before is not None and session.current == Place("d1", "c1")
        session.begin_edit()
        drawn = session.edit(13, 26, "releasee")
        assert left_out(before, "c1", drawn) == [LeftOut("count", "146", 13, 16, ("alice", "bob"))]
        notices = session.take_notices()
        assert notices[:2] == [
            "settled c1 with releasee “146 prisoners”; left out: count “146” (alice, bob)"
            " · ctrl+z undoes",
            "d1 is settled: done",
        ]
        # The count is indeed not gold: the notice says what happened, nothing more.
        gold = session.records["d1"]
        assert [(s.label, s.text) for s in gold.spans] == [("releasee", "146 prisoners")]
    finally:
        assert session.close()


def test_a_span_gold_already_holds_is_not_left_out(tmp_path: Path) -> None:
    # Two of three agree on the count "146": gold; carol's version, without it, still names it
    # as a dispute over its value. Drawing the releasee keeps the gold count: nothing lost, and
    # carol's 145 is not named as left out (bob's count "146 prisoners" is).
    session = three_way(tmp_path, min_agree=2, carol=(COUNT_145,), bob=(COUNT_WIDE,))
    try:
        before = session.record
        assert before is not None
        assert [(s.label, s.text) for s in before.spans] == [("count", "146")]
        drawn = Span(id="s9", start=13, end=26, label="releasee", text="146 prisoners")
        assert left_out(before, "c1", drawn) == [
            LeftOut("count", "146 prisoners", 13, 26, ("bob",))
        ]
        notice = drawn_notice(before, "c1", drawn, session.scheme)
        assert notice == (
            "settled c1 with releasee “146 prisoners”; left out: count “146 prisoners” (bob)"
            " · ctrl+z undoes"
        )
    finally:
        assert session.close()


def test_every_version_but_the_drawn_span_is_named_once(tmp_path: Path) -> None:
    # The review case: c1 alice count "146" + releasee "prisoners", bob count "146 prisoners";
    # c2 "Ukraine" alice actor, bob releasee; c3 bob's count "12".
    session = open_it(write_review_case(tmp_path))
    try:
        before = session.record
        assert before is not None
        session.begin_edit()
        drawn = session.edit(17, 26, "releasee")  # alice's own releasee: kept, not left out
        assert left_out(before, "c1", drawn) == [
            LeftOut("count", "146", 13, 16, ("alice",)),
            LeftOut("count", "146 prisoners", 13, 26, ("bob",)),
        ]
        assert session.take_notices() == [
            "settled c1 with releasee “prisoners”; left out: count “146” (alice); "
            "count “146 prisoners” (bob) · ctrl+z undoes"
        ]
        # A drawn span longer than a notice quotes is cut at a word.
        session.begin_edit()
        session.edit(31, 66, "actor")
        (notice,) = session.take_notices()
        assert notice.startswith("settled c2 with actor “Ukraine freed 12…”; left out: ")
        assert "actor “Ukraine” (alice); releasee “Ukraine” (bob)" in notice
        # Drawing exactly the one span of the only version that has any leaves nothing out;
        # the notice still says the value written.
        assert session.current == Place("d1", "c3")
        session.begin_edit()
        session.edit(45, 47, "count")
        assert session.take_notices() == [
            "settled c3 with count “12” = 12 (read from its words) · ctrl+z undoes"
        ]
    finally:
        assert session.close()
