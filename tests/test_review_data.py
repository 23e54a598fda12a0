"""Two annotators who disagree on the snapshot corpus, made with the annotation session's API.

Shared by the review's Pilot tests, its snapshot and its tmux test. Both annotators mark the
same actors, date and first count and group in the first article, and differ here (so a merge
leaves these conflicts, in this order):

- 01, c1 "Kyiv" (780-784): alice marks an actor, bob nothing.
- 01, c2 818-868: alice's releasee "146 prisoners of war of the Ukrainian armed forces", bob's
  shorter "146 prisoners of war" (both mark the count "146" inside it: agreed).
- 01, c3 "eight" (978-983): alice's count 8, bob's releasee "eight citizens of the Russian
  Federation" (978-1018).
- 01, c4 the group ``releases``: both give Ukraine → Russia; bob also Russia → Ukraine.
- 02, c1 the field ``event_type``: alice ``unilateral_release``, bob ``exchange``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from annotator.core.session import AnnotationSession, open_session

CORPUS = Path(__file__).parent / "fixtures" / "snapshot_docs"
FIRST = "01-russia-ukraine-swap"
SECOND = "02-tamore-hostages-freed"

AGREED_FIRST = [
    (16, 22, "actor"),  # Russia
    (27, 34, "actor"),  # Ukraine
    (75, 81, "date"),  # Sunday
    (663, 687, "actor"),  # Russian defence ministry
    (710, 713, "count"),  # 146
    (710, 732, "releasee"),  # 146 Russian servicemen
    (818, 821, "count"),  # 146
]
ALICE_FIRST = [(780, 784, "actor"), (818, 868, "releasee"), (978, 983, "count")]
BOB_FIRST = [(818, 838, "releasee"), (978, 1018, "releasee")]


def fixed_now() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 10, 0, tzinfo=dt.UTC)


def _label(session: AnnotationSession, spans: list[tuple[int, int, str]]) -> None:
    for start, end, label in spans:
        session.label_selection(start, end, label)


def _span_id(session: AnnotationSession, start: int, end: int, label: str) -> str:
    for span in session.record.spans:
        if (span.start, span.end, span.label) == (start, end, label):
            return span.id
    raise AssertionError(f"no span {start}..{end} {label}")


def _release(session: AnnotationSession, by: str, to: str, count: str | None) -> None:
    index = session.add_group_item("releases")
    session.set_field(f"releases[{index}].released_by", by)
    session.set_field(f"releases[{index}].received_by", to)
    if count is not None:
        session.set_field(f"releases[{index}].count", count)


def annotate(out: Path, name: str, corpus: Path = CORPUS) -> Path:
    """``name``'s journal (alice or bob, as the module docstring says); returns its path."""
    session = open_session(corpus, name, None, out, clock=lambda: 0.0, now=fixed_now)
    try:
        session.open(FIRST)
        _label(session, AGREED_FIRST)
        _label(session, ALICE_FIRST if name == "alice" else BOB_FIRST)
        session.set_field("event_type", "exchange")
        _release(session, "Ukraine", "Russia", "146")
        session.fill_from_span("releases[0].count", _span_id(session, 710, 713, "count"))
        if name == "bob":
            _release(session, "Russia", "Ukraine", "146")
        session.mark_done()
        session.open(SECOND)
        text = session.document.text
        group = text.index("An armed group")
        eight = text.index("eight foreign hostages")
        _label(session, [(group, group + 14, "actor"), (eight, eight + 5, "count")])
        session.set_field("event_type", "unilateral_release" if name == "alice" else "exchange")
        session.mark_done()
    finally:
        assert session.close()
    return session.journal


def two_journals(out: Path, corpus: Path = CORPUS) -> tuple[Path, Path]:
    return annotate(out, "alice", corpus), annotate(out, "bob", corpus)
