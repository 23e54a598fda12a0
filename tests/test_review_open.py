"""Opening a review without making every gold record: records made when the walk reaches them,
progress counted from the start, resuming on a gold file (merged in, taken over, merged anew).
"""

from __future__ import annotations

import gc
import random
from pathlib import Path
from typing import Any
from unittest import mock

import orjson
import pytest

from annotator.core.compare import load_comparison
from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.gold_store import GoldStore
from annotator.core.goldfile import gold_line
from annotator.core.merge import merged_data
from annotator.core.models import GoldRecord, record_line
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_records import ReviewRecords
from annotator.core.scheme import load_scheme
from annotator.core.session_edits import Refused
from annotator.core.store import Store
from tests.test_agreement_data import TEXT, record, span, write_corpus, write_journal, write_scheme

NOW = "2025-08-24T10:00:00Z"
LATER = "2025-08-25T10:00:00Z"
NAMES = ("alice", "bob", "carol")
# Spans an annotator may mark in TEXT ("Russia freed 146 prisoners and Ukraine freed 12 ...").
CANDIDATES = [
    (0, 6, "actor", None),
    (13, 16, "count", 146),
    (13, 26, "count", 146),
    (17, 26, "releasee", None),
    (31, 38, "actor", None),
    (31, 38, "releasee", None),
    (45, 47, "count", 12),
    (45, 47, "count", 13),
    (60, 66, "date", None),
]


def journals(folder: Path, documents: int, seed: int = 1) -> list[Path]:
    """Three annotators' journals on ``documents`` copies of TEXT: some agreed whole, most
    with span, field and group conflicts."""
    rng = random.Random(seed)
    lines: dict[str, list[dict[str, Any]]] = {name: [] for name in NAMES}
    for number in range(documents):
        agreed = number % 4 == 0
        common = rng.sample(CANDIDATES[:2], 2)
        for name in NAMES:
            chosen = common if agreed else common + rng.sample(CANDIDATES[2:], rng.randint(0, 3))
            spans = [span(f"s{n}", *one) for n, one in enumerate(chosen, start=1)]
            form: dict[str, Any] = {"code": "1" if agreed else rng.choice("12")}
            if not agreed and rng.random() < 0.5:
                form["releases"] = [{"released_by": rng.choice(["Russia", "Ukraine"])}]
            lines[name].append(record(name, f"d{number}", spans=spans, form=form))
    return [write_journal(folder / f"{name}.jsonl", *lines[name]) for name in NAMES]


@pytest.fixture
def case(tmp_path: Path) -> dict[str, Any]:
    return {
        "files": journals(tmp_path, 12),
        "corpus": write_corpus(tmp_path, {f"d{n}": TEXT for n in range(12)}),
        "scheme": write_scheme(tmp_path),
        "gold": tmp_path / "gold.jsonl",
    }


def open_case(case: dict[str, Any], reviewer: str = "rita", now: str = NOW) -> ReviewSession:
    return open_review(
        case["files"],
        case["corpus"],
        case["gold"],
        reviewer,
        scheme_path=case["scheme"],
        now=lambda: now,
    )


def eager(case: dict[str, Any], reviewer: str = "rita", now: str = NOW) -> dict[str, GoldRecord]:
    """Every gold record of a fresh merge, as models."""
    scheme = load_scheme(case["scheme"])
    comparison = load_comparison(case["files"], scheme, open_corpus(case["corpus"]))
    return {
        data["doc_id"]: GoldRecord.model_validate(data)
        for data in merged_data(comparison.units, scheme, reviewer, None, now)
    }


def latest_lines(gold: Path) -> dict[str, GoldRecord]:
    lines = [GoldRecord.model_validate_json(line) for line in gold.read_bytes().splitlines()]
    return {line.doc_id: line for line in lines}


def assert_progress(session: ReviewSession, records: dict[str, GoldRecord]) -> None:
    assert session.conflicts_left() == sum(len(r.conflicts) for r in records.values())
    assert session.documents_left() == sum(1 for r in records.values() if r.conflicts)
    assert session.documents_done() == sum(1 for r in records.values() if r.status == "done")


def test_records_made_on_demand_are_the_eager_merge(case: dict[str, Any]) -> None:
    expected = eager(case)
    with mock.patch.object(
        GoldStore, "record", autospec=True, side_effect=GoldStore.record
    ) as read:
        session = open_case(case)
        try:
            # Exact progress, with only the first document with conflicts read.
            assert_progress(session, expected)
            assert session.documents_left() < len(expected) and session.documents_done() > 0
            assert [call.args[1] for call in read.call_args_list] == ["d1"]
            assert session.current is not None and session.current.doc_id == "d1"
            for doc_id, record_ in expected.items():
                assert session.records[doc_id] == record_
            assert len(session.records) == len(expected)
        finally:
            assert session.close()
    assert case["gold"].read_bytes() == b"".join(map(record_line, expected.values()))


def test_progress_stays_exact_through_decisions_undo_and_resume(case: dict[str, Any]) -> None:
    session = open_case(case)
    try:
        for _ in range(5):
            try:
                session.take_all()
            except Refused:  # versions giving one span two values: one is taken
                session.take(0)
        session.reject_all()
        session.undo()
        session.next_conflict()
        session.take(0)
        assert session.flush()
        assert_progress(session, latest_lines(case["gold"]))
        left, place = session.conflicts_left(), session.current
    finally:
        assert session.close()
    size = case["gold"].stat().st_size
    again = open_case(case)
    try:
        assert "resuming" in again.messages[0]
        assert again.conflicts_left() == left
        assert again.current is not None and place is not None
        assert again.current.doc_id <= place.doc_id  # the first open conflict in corpus order
        assert_progress(again, latest_lines(case["gold"]))
    finally:
        assert again.close()
    assert case["gold"].stat().st_size == size  # resuming alone writes nothing


def test_resume_merges_in_takes_over_and_merges_anew(case: dict[str, Any], tmp_path: Path) -> None:
    session = open_case(case)
    session.take(0)
    assert session.close()
    before = latest_lines(case["gold"])
    size = case["gold"].stat().st_size
    # Now: d3's text changed (its journals redone on it), and d12 is new.
    changed = TEXT.replace("Sunday", "Monday")
    case["corpus"] = write_corpus(tmp_path, {**{f"d{n}": TEXT for n in range(13)}, "d3": changed})
    for file in case["files"]:
        name = file.stem
        extra = [record(name, "d12", form={"code": "1"}), record(name, "d3", text=changed)]
        write_journal(
            file, *[orjson.loads(line) for line in file.read_bytes().splitlines()], *extra
        )
    session = open_case(case, reviewer="sam", now=LATER)
    try:
        messages = "\n".join(session.messages)
        assert (
            "1 document(s) compared now but not in the gold file are merged in (first: d12)"
            in messages
        )
        assert (
            "1 document(s) whose text changed since their gold line are merged anew (first: d3)"
            in messages
        )
        assert "gold lines by 'rita' (12) are taken over by reviewer 'sam'" in messages
        assert_progress(session, latest_lines(case["gold"]))
    finally:
        assert session.close()
    # The lines appended: the new and changed documents merged, then the others taken over
    # (each as the model path writes it).
    appended = case["gold"].read_bytes()[size:].splitlines(keepends=True)
    fresh = eager(case, "sam", LATER)
    taken = [
        record_line(old.model_copy(update={"annotator": "sam", "updated_at": LATER}))
        for doc_id, old in before.items()
        if doc_id != "d3"
    ]
    assert appended == [
        gold_line(fresh["d12"].model_dump()),
        gold_line(fresh["d3"].model_dump()),
        *taken,
    ]
    corpus = open_corpus(case["corpus"])
    for doc_id, line in latest_lines(case["gold"]).items():
        assert line.annotator == "sam" and line.doc_sha256 == corpus.get(doc_id).sha256


def test_a_gold_file_whose_last_line_lacks_its_newline(case: dict[str, Any]) -> None:
    assert open_case(case).close()
    # The newline is owed by the first line written: a decision's, or the lines taken over.
    for reviewer in ("rita", "sam"):
        case["gold"].write_bytes(case["gold"].read_bytes().rstrip(b"\n"))
        session = open_case(case, reviewer=reviewer)
        try:
            session.take(0)
            assert session.flush()
        finally:
            assert session.close()
        lines = case["gold"].read_bytes().split(b"\n")
        assert lines[-1] == b"" and all(lines[:-1])
    session = open_case(case, reviewer="sam")
    assert_progress(session, latest_lines(case["gold"]))
    assert session.close()


def test_damage_is_refused_as_the_store_refuses_it(case: dict[str, Any]) -> None:
    assert open_case(case).close()
    lines = case["gold"].read_bytes().splitlines(keepends=True)
    case["gold"].write_bytes(b"".join([lines[0], b'{"doc_id": 3}\n', *lines[1:]]))
    with pytest.raises(AnnotatorError) as by_store:
        Store(case["gold"], "rita")
    with pytest.raises(AnnotatorError) as by_review:
        open_case(case)
    assert str(by_review.value) == str(by_store.value)
    assert "gold.jsonl:2: " in str(by_review.value)
    assert not case["gold"].with_name("gold.jsonl.lock").exists()


def test_a_line_changed_behind_the_review_is_read_as_the_review_holds_it(
    case: dict[str, Any],
) -> None:
    # It was read back from the file by place: refused (a traceback on the screen), and a
    # file replaced whole gave another document's line (``gold_guard``).
    session = open_case(case)
    try:
        data = case["gold"].read_bytes()
        case["gold"].write_bytes(data.replace(b'"doc_id":"d5"', b'"doc_id":"d6"'))
        assert session.records["d5"].doc_id == "d5"
    finally:
        assert session.close()
    assert case["gold"].read_bytes() == data.replace(b'"doc_id":"d5"', b'"doc_id":"d6"')


def test_what_the_opening_made_is_left_out_of_the_collector_until_the_review_closes(
    case: dict[str, Any],
) -> None:
    # Walked at the collector's next passes, it cost a review of 10,000 documents a fifth of a
    # second of its opening (bench.review_open).
    gc.unfreeze()  # as a process starts, whatever other tests left
    session = open_case(case)
    try:
        assert gc.get_freeze_count() > 0
        session.take(0)
        assert session.flush()
    finally:
        assert session.close()
    assert gc.get_freeze_count() == 0
    # A refused opening leaves the collector as it was.
    case["gold"].write_bytes(case["gold"].read_bytes() + b'{"doc_id": 3}\n')
    with pytest.raises(AnnotatorError):
        open_case(case)
    assert gc.get_freeze_count() == 0


def test_review_records_count_and_make_records_when_asked() -> None:
    made = {
        f"d{n}": GoldRecord.model_validate(
            {
                **record("rita", f"d{n}", status="in_progress" if n % 2 else "done"),
                "sources": {"annotators": ["alice", "bob"]},
                "conflicts": [{"id": f"c{k}"} for k in range(n % 3)],
            }
        )
        for n in range(40)
    }
    loads: list[str] = []

    def load(doc_id: str) -> GoldRecord:
        loads.append(doc_id)
        return made[doc_id]

    records = ReviewRecords(
        {d: (len(r.conflicts), r.status == "done") for d, r in made.items()}, load
    )
    assert (records.open_conflicts, records.open_documents, records.done_documents) == (39, 26, 20)
    assert loads == [] and len(records) == 40 and "d3" in records and "d40" not in records
    for doc_id in made:
        assert records[doc_id] is made[doc_id]
    assert records["d39"] is made["d39"] and loads.count("d39") == 1  # kept
    assert records["d0"] is made["d0"] and loads.count("d0") == 2  # long forgotten
    settled = made["d1"].model_copy(update={"conflicts": [], "status": "done"})
    records.put(settled)
    assert (records.open_conflicts, records.open_documents, records.done_documents) == (38, 25, 21)
    assert records["d1"] is settled and records.conflicts("d1") == 0
    with pytest.raises(KeyError):
        records["d40"]
