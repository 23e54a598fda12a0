"""A span drawn by hand (``e``) that holds a value gold's form agrees on is linked to it, by
the words rule every other decision links by (``value_links``), and the notice says so; a merge
anew of a gold line drawn before that rule links it too.

A reviewer's trial drew "Saturday" (2024-09-28) over "on Saturday" / "Saturday night", each
dated 2024-09-28 by its annotator: gold's agreed ``releases[0].date`` = 2024-09-28 stayed
unlinked beside the new span, where taking a version linked it, and ctrl+r twice left it so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.models import GoldRecord, sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from tests.test_agreement_data import write_journal

TEXT = (
    "MERIDA CITY, Essaria — Two Essarian journalists held by the Red Valley Brigade were "
    "freed on Saturday night, their employer said."
)
DATE = "2024-09-28"


def at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def span(span_id: str, words: str, label: str, value: Any = None) -> dict[str, Any]:
    start, end = at(words)
    return {
        "id": span_id,
        "start": start,
        "end": end,
        "label": label,
        "text": words,
        "value": value,
    }


def record(name: str, date_words: str, note: str = "") -> dict[str, Any]:
    """``name``'s record: the same actor and count, the date on ``date_words``, linked."""
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "note": note,
        "spans": [
            span("s1", "Two", "count", 2),
            span("s2", "Red Valley Brigade", "actor"),
            span("s3", date_words, "date", DATE),
        ],
        "form": {
            "event_type": "unilateral_release",
            "releases": [{"released_by": "Red Valley Brigade", "count": 2, "date": DATE}],
        },
        "links": {
            "releases[0].released_by": ["s2"],
            "releases[0].count": ["s1"],
            "releases[0].date": ["s3"],
        },
    }


def opened(tmp_path: Path, alice_note: str = "") -> ReviewSession:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(
        orjson.dumps({"id": "d1", "text": TEXT, "meta": {"date": "2024-09-29"}}) + b"\n"
    )
    journals = [
        write_journal(tmp_path / "alice.jsonl", record("alice", "on Saturday", alice_note)),
        write_journal(tmp_path / "bob.jsonl", record("bob", "Saturday night")),
    ]
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")


def drawn_id(gold: GoldRecord) -> str:
    return next(one.id for one in gold.spans if (one.start, one.end) == at("Saturday"))


def test_a_drawn_span_holding_the_agreed_date_is_linked_and_said(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        gold = session.records["d1"]
        assert gold.form["releases"][0]["date"] == DATE
        assert "releases[0].date" not in gold.links  # neither annotator's span is gold
        (conflict,) = gold.conflicts
        session.go_to("d1", conflict["id"])
        session.begin_edit()
        session.edit(*at("Saturday"), "date")
        gold = session.records["d1"]
        assert gold.links["releases[0].date"] == [drawn_id(gold)]
        said = (
            f"date “Saturday” = {DATE} (read from its words); releases #1 date linked to it; "
            "left out: date “on Saturday” (alice); date “Saturday night” (bob)"
        )
        assert session.take_notices()[0] == f"settled c1 with {said} · ctrl+z undoes"
        session.undo()
        assert "releases[0].date" not in session.records["d1"].links
        assert session.take_notices() == [f"undid: d1 c1 is open again — {said}"]
    finally:
        assert session.close()


def test_a_drawn_span_of_another_value_links_nothing(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        session.go_to("d1", "c1")
        session.begin_edit()
        session.edit(*at("night"), "date")  # no date read from "night": no value
        gold = session.records["d1"]
        assert "releases[0].date" not in gold.links
        assert "linked to it" not in session.take_notices()[0]
    finally:
        assert session.close()


def test_a_merge_anew_links_a_span_drawn_before_the_rule(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        session.go_to("d1", "c1")
        session.begin_edit()
        session.edit(*at("Saturday"), "date")
    finally:
        assert session.close()
    # The decision as gold lines drawn before the rule hold it: the date unlinked.
    gold_file = tmp_path / "gold.jsonl"
    lines = gold_file.read_bytes().splitlines()
    last = orjson.loads(lines[-1])
    del last["links"]["releases[0].date"]
    gold_file.write_bytes(b"\n".join([*lines[:-1], orjson.dumps(last)]) + b"\n")
    # alice's record changed since (her note): the drawing is kept by a merge anew.
    session = opened(tmp_path, alice_note="checked again")
    try:
        assert "releases[0].date" not in session.records["d1"].links
        assert (session.current, session.doc_id) == (None, None)  # every conflict settled
        session.merge_anew("d1")
        gold = session.records["d1"]
        assert not gold.conflicts
        # None open after it: the document is looked at (the article shows it, the status
        # line names it), as ``l`` opens a settled one.
        assert (session.current, session.looking, session.doc_id) == (None, "d1", "d1")
        assert gold.links["releases[0].date"] == [drawn_id(gold)]
        assert gold.form["releases"][0]["date"] == DATE
    finally:
        assert session.close()
