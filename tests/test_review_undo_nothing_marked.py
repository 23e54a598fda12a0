"""A span conflict settled with the version that marked nothing is said so by its notice, its
undo and its redo, in the session and after a resume.

A trial settled c2 with 1, ann1 and ann3's version ("marked nothing here"): the notice said
"took ann1 and ann3's version", and after a resume ctrl+z said "c2 is open again (rejected
every version)" and ctrl+y "c2 settled again (rejected every version)". Taking that version
makes the record rejecting every version makes: read back, it is said as what is true of both.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.corpus import open_corpus
from annotator.core.merge import merge_files
from annotator.core.models import GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.review_decisions import reject, take
from annotator.core.review_open import open_review
from annotator.core.review_outcome import decision_outcome
from annotator.core.scheme import load_scheme
from tests.test_agreement_data import TEXT, record, span, write_corpus, write_journal, write_scheme
from tests.test_review_session_data import fixed_now

# As said when read back from gold, which cannot tell 1 (ann1 and ann3's nothing) from r on
# ann2's: what is true of both. The notice of the key pressed says only what it did.
TOOK = "rejected ann2's version, took ann1 and ann3's version (nothing here)"
PRESSED = "took ann1 and ann3's version (nothing here)"


def journals(folder: Path) -> tuple[list[Path], Path, Path]:
    """ann1 marks "Russia" a releasee, ann2 and ann3 an actor (c1); ann2 alone marks the
    count "146" (c2: ann1 and ann3's version, first, marked nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    russia = span("s1", 0, 6, "actor")
    files = [
        write_journal(folder / "ann1.jsonl", record("ann1", spans=[span("s1", 0, 6, "releasee")])),
        write_journal(
            folder / "ann2.jsonl", record("ann2", spans=[russia, span("s2", 13, 16, "count", 146)])
        ),
        write_journal(folder / "ann3.jsonl", record("ann3", spans=[russia])),
    ]
    return files, write_corpus(folder, {"d1": TEXT}), write_scheme(folder)


def opened(folder: Path) -> ReviewSession:
    files, corpus, scheme = journals(folder)
    return open_review(
        files, corpus, folder / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )


def test_taking_the_version_that_marked_nothing_is_said_so_in_a_session_and_after(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path)
    try:
        record_now = session.record
        assert record_now is not None
        c2 = record_now.conflicts[1]
        assert (c2["id"], c2["versions"][0]) == (
            "c2",
            {"spans": [], "annotators": ["ann1", "ann3"]},
        )
        session.take(0)  # c1: ann2 and ann3's actor
        session.take_notices()
        session.take(0)  # c2: ann1 and ann3's nothing
        assert session.take_notices()[0] == f"settled c2: {PRESSED}"
        session.undo()
        assert session.take_notices() == [f"undid: d1 c2 is open again — {PRESSED}"]
        session.redo()
        assert session.take_notices() == [f"redid: d1 c2 settled again — {PRESSED}"]
    finally:
        assert session.close()
    again = opened(tmp_path)
    try:
        again.undo()
        assert again.take_notices() == [
            f"undid a decision of an earlier session: d1 c2 is open again — {TOOK}"
        ]
        again.redo()
        assert again.take_notices() == [f"redid: d1 c2 settled again — {TOOK}"]
        # Undone again: the redo put back an earlier session's decision, whose words are
        # read from the records too (it said "d1 c2 is open again" and nothing more).
        again.undo()
        assert again.take_notices() == [f"undid: d1 c2 is open again — {TOOK}"]
    finally:
        assert again.close()


def test_rejecting_makes_the_same_record_so_is_said_alike_read_back(tmp_path: Path) -> None:
    files, corpus, scheme_file = journals(tmp_path)
    scheme = load_scheme(scheme_file)
    gold = tmp_path / "gold.jsonl"
    merge_files(files, gold, scheme, "rita", corpus=open_corpus(corpus))
    merged = GoldRecord.model_validate(orjson.loads(gold.read_bytes()))
    taken = take(merged, "c2", [0], scheme)
    rejected = reject(merged, "c2", scheme)
    assert taken == rejected  # gold keeps no word of which it was
    assert decision_outcome(merged, taken, "c2") == TOOK
    # ann2's count taken is still said as before.
    assert decision_outcome(merged, take(merged, "c2", [1], scheme), "c2") == (
        "took ann2's version"
    )


def test_beside_gold_s_spans_the_version_gave_nothing_beyond_them(tmp_path: Path) -> None:
    """With --min-agree 3, ann1–3's "Russia" is gold; "Russia freed" over it (ann3 and ann4)
    is a conflict whose other version, ann1 and ann2's, marked nothing beyond gold there (as
    the panel says it)."""
    russia = span("s1", 0, 6, "actor")
    freed = span("s2", 0, 12, "actor")
    marked = {"ann1": [russia], "ann2": [russia], "ann3": [russia, freed], "ann4": [freed]}
    files = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, spans=spans))
        for name, spans in marked.items()
    ]
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    scheme = load_scheme(write_scheme(tmp_path))
    gold = tmp_path / "gold.jsonl"
    merge_files(files, gold, scheme, "rita", 3, corpus=open_corpus(corpus))
    merged = GoldRecord.model_validate(orjson.loads(gold.read_bytes()))
    (conflict,) = merged.conflicts
    assert [span.text for span in merged.spans] == ["Russia"]
    nothing = next(i for i, v in enumerate(conflict["versions"]) if not v["spans"])
    taken = take(merged, conflict["id"], [nothing], scheme)
    assert decision_outcome(merged, taken, conflict["id"]) == (
        "rejected ann3 and ann4's version, took ann1 and ann2's version (nothing beyond gold here)"
    )
