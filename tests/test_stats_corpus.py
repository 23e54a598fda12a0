"""``stats --corpus``: each annotator's records against the corpus, by annotate's rule and in its
exit line's words. A trial's stats said done 3, in progress 4 where the exit line had said
"15 documents: 2 done, 3 in progress, 1 stale, 9 new": a stale record counted done, a record of
a document no longer in the corpus (its file renamed) in progress, unsaid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.journal_summary import RecordsInCorpus, doc_status, status_counts
from annotator.core.models import Record
from annotator.core.session import open_session
from annotator.core.stats import read_stats
from annotator.core.stats_corpus import WITHOUT_CORPUS_NOTE, corpus_standings
from tests.conftest import ARTICLE, make_record
from tests.test_agreement_data import run_cli

EDITED = ARTICLE.replace("146", "147")  # the text some records were made for, edited since
FORM = {"event_type": "exchange"}


def journal_lines() -> list[dict[str, Any]]:
    """One record per case, each on a document named for it (documents a to h; gone is not in
    the corpus)."""
    return [
        make_record(doc_id="done", status="done", form=FORM),
        make_record(EDITED, doc_id="stale", status="done", form=FORM),
        make_record(doc_id="going"),  # in progress
        make_record(doc_id="skip", status="skipped", spans=[], note="unsure"),
        make_record(doc_id="undone", spans=[]),  # every change undone: holds nothing
        make_record(EDITED, doc_id="staleblank", spans=[]),  # stale, holding nothing
        make_record(doc_id="gone", status="done", form=FORM),  # its file renamed
    ]


EXPECTED = {
    "done": "done",
    "fresh": "new",  # no record
    "going": "in_progress",
    "skip": "skipped",
    "stale": "stale",
    "staleblank": "new",
    "undone": "new",
}


def write_case(folder: Path) -> tuple[Path, Path]:
    docs = folder / "docs"
    docs.mkdir()
    for doc_id in EXPECTED:
        (docs / f"{doc_id}.txt").write_text(ARTICLE, encoding="utf-8")
    journal = folder / "alice.jsonl"
    journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in journal_lines()))
    return docs, journal


def test_the_rule_is_the_annotation_session_s(tmp_path: Path) -> None:
    """``doc_status`` says of each document what the session's list says, once the session
    has hashed the texts (``SessionProgress.status_of``): one rule for the list, the exit line
    and stats."""
    docs, journal = write_case(tmp_path)
    out = tmp_path / "out"
    (out / "annotations").mkdir(parents=True)
    (out / "annotations" / "alice.jsonl").write_bytes(journal.read_bytes())
    session = open_session(docs, "alice", None, out)
    try:
        session.learn_text_hashes(dict(session.text_hashes(session.texts_to_check())))
        records = session.store.records
        hashes = {doc_id: open_corpus(docs).get(doc_id).sha256 for doc_id in EXPECTED}
        said = {doc_id: session.status_of(doc_id) for doc_id in session.ids}
        ruled = {doc_id: doc_status(records.get(doc_id), hashes[doc_id]) for doc_id in EXPECTED}
        assert said == ruled == EXPECTED
        in_corpus = RecordsInCorpus(session.ids, records, hashes)
        assert status_counts(in_corpus) == status_counts(session)
    finally:
        session.close()


def test_a_text_not_hashed_takes_the_record_at_its_word() -> None:
    stale = Record.model_validate(make_record(EDITED, status="done", form=FORM))
    assert doc_status(stale, None) == "done"
    assert doc_status(stale, stale.doc_sha256) == "done"
    assert doc_status(stale, "0" * 64) == "stale"
    assert doc_status(None, None) == "new"


def test_standings_count_stale_new_and_records_not_in_the_corpus(tmp_path: Path) -> None:
    docs, _journal = write_case(tmp_path)
    bob = Record.model_validate(make_record(doc_id="stale", annotator="bob", status="done"))
    records = [Record.model_validate(line) for line in journal_lines()] + [bob]
    standings, _hashes = corpus_standings(records, open_corpus(docs))
    assert list(standings) == ["alice", "bob"]
    alice = standings["alice"]
    assert alice.counts == {"done": 1, "skipped": 1, "in_progress": 1, "stale": 1, "new": 3}
    assert alice.not_in_corpus == ["gone"]
    assert alice.words("alice", "docs") == (
        "alice (7 documents: 1 done, 1 skipped, 1 in progress, 1 stale, 3 new); "
        "1 record(s) for documents not in docs (first: gone)"
    )
    # bob's record was made for the text as it is: done, whatever alice's says.
    assert standings["bob"].counts["done"] == 1
    assert standings["bob"].words("bob", "docs") == "bob (7 documents: 1 done, 6 new)"


def test_read_stats_with_a_corpus(tmp_path: Path) -> None:
    docs, journal = write_case(tmp_path)
    without = read_stats([journal]).figures["alice"]
    assert (without["done"], without["in_progress"]) == (3, 1)  # stale and gone at their word
    alice = read_stats([journal], corpus=open_corpus(docs)).figures["alice"]
    assert {key: alice[key] for key in ("done", "skipped", "in_progress", "stale", "new")} == {
        "done": 1,
        "skipped": 1,
        "in_progress": 1,
        "stale": 1,
        "new": 3,
    }
    assert (alice["not_in_corpus"], alice["not_in_corpus_ids"]) == (1, ["gone"])
    # Flagged, spans and time still count every record (the work, wherever it was done).
    assert (alice["spans"], alice["flagged"]) == (without["spans"], without["flagged"])


def test_cli_json_and_words(tmp_path: Path) -> None:
    docs, journal = write_case(tmp_path)
    result = run_cli("stats", journal, "--corpus", docs, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    report = orjson.loads(result.stdout)
    assert report["corpus"] == {"path": str(docs), "documents": 7}
    alice = report["annotators"]["alice"]
    assert [alice[key] for key in ("done", "in_progress", "stale", "new", "not_in_corpus")] == [
        1,
        1,
        1,
        3,
        1,
    ]
    table = run_cli("stats", journal, "--corpus", docs)
    assert (table.returncode, table.stderr) == (0, "")
    assert table.stdout.splitlines()[-1] == (
        "alice (7 documents: 1 done, 1 skipped, 1 in progress, 1 stale, 3 new); "
        f"1 record(s) for documents not in {docs} (first: gone)"
    )
    rows = [line.split("│") for line in table.stdout.splitlines() if line.startswith("│ alice")]
    # The table's done and in progress: the stale record and the one of gone are not counted.
    assert [cell.strip() for cell in rows[0][2:5]] == ["1", "1", "1"]


@pytest.mark.parametrize("as_json", [False, True])
def test_without_corpus_stats_says_once_what_it_does_not_tell_apart(
    tmp_path: Path, as_json: bool
) -> None:
    _docs, journal = write_case(tmp_path)
    bob = tmp_path / "bob.jsonl"
    bob.write_bytes(orjson.dumps(make_record(annotator="bob")) + b"\n")
    result = run_cli("stats", journal, bob, *(["--json"] if as_json else []))
    assert result.returncode == 0
    assert result.stderr == f"note: {WITHOUT_CORPUS_NOTE}\n"
    assert "stale" not in result.stdout  # the figures as before


def test_a_corpus_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    _docs, journal = write_case(tmp_path)
    result = run_cli("stats", journal, "--corpus", tmp_path / "nowhere")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nowhere'}: no such corpus (a folder of .txt files or a .jsonl file)"
    ]


def test_a_record_not_fitting_its_text_is_said(tmp_path: Path) -> None:
    # A done record of the text as it is, its span's words edited by hand: counted as done, as
    # annotate lists it until it is opened, and now said (stats said nothing of it).
    docs, journal = write_case(tmp_path)
    damaged = make_record(doc_id="done", status="done", form=FORM)
    damaged["spans"][0]["text"] = "Rusia"
    lines = [damaged if line["doc_id"] == "done" else line for line in journal_lines()]
    journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    notes: list[str] = []
    stats = read_stats([journal], on_note=notes.append, corpus=open_corpus(docs))
    assert stats.figures["alice"]["done"] == 1
    start = ARTICLE.index("Russia")
    assert notes == [
        f"{journal}: alice's record of done does not fit its text (spans.0.text: 'Rusia' does "
        f"not match the text at {start}..{start + 6}: 'Russia'), yet counts as done; annotator "
        f"validate {journal} --corpus {docs} names each such line"
    ]
    # The stale record, made for another text, is no such record: it is counted stale.
    notes.clear()
    (tmp_path / "again").mkdir()
    write_case(tmp_path / "again")
    read_stats([tmp_path / "again" / "alice.jsonl"], notes.append, open_corpus(docs))
    assert notes == []
