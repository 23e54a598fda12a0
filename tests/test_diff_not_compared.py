"""``annotator diff``: what each annotator did of a document not compared, and ``--doc`` of one.

A user's trial: a diff of ann1 (who finished 02) against ann3 (who skipped it, "not an event
for us") showed no trace of the skip's reason, though merge carries it; and ``--doc 02`` of
two journals holding it was refused with exit 1, as a typo is.
"""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest
from rich.console import Console

from annotator.commands.diff_report import print_report
from annotator.core.diff import diff_of_files
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import record, run_cli, span, write_corpus, write_journal

FORM = {"event_type": "exchange"}
SKIPPED = "02-tamore-hostages-freed"


def _journals(tmp_path: Path) -> tuple[Path, Path]:
    """Both did d1 (a boundary apart); ann1 did 02, which ann3 skipped with a reason; ann3
    skipped 03 without one, which ann1 never opened; ann1 left 04 in progress; ann1 alone did
    05, which ann3 never opened."""
    ann1 = write_journal(
        tmp_path / "ann1.jsonl",
        record("ann1", spans=[span("s1", 13, 16, "count", 146)], form=FORM),
        record("ann1", SKIPPED, form=FORM, note="hostages, not prisoners"),
        record("ann1", "04-talks", status="in_progress"),
        record("ann1", "05-alone", form=FORM),
    )
    ann3 = write_journal(
        tmp_path / "ann3.jsonl",
        record("ann3", spans=[span("s1", 13, 26, "count", 146)], form=FORM),
        record("ann3", SKIPPED, status="skipped", note="not an event for us"),
        record("ann3", "03-drava", status="skipped"),
    )
    return ann1, ann3


def _printed(report: dict[str, object], width: int = 200) -> str:
    out = io.StringIO()
    print_report(report, None, {}, Console(file=out, width=width, color_system=None))
    return out.getvalue()


def test_the_report_says_what_each_did_of_a_document_not_compared(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    report = diff_of_files(ann1, ann3, load_default_scheme())
    assert report["documents"] == 1
    assert report["not_compared"] == [
        {
            "doc_id": SKIPPED,
            "a": {"status": "done", "note": "hostages, not prisoners"},
            "b": {"status": "skipped", "note": "not an event for us"},
        },
        {"doc_id": "03-drava", "a": None, "b": {"status": "skipped", "note": ""}},
        {"doc_id": "04-talks", "a": {"status": "in_progress", "note": ""}, "b": None},
    ]
    # Done by one and never opened by the other: said by the note, as before, not a line each.
    # 02, which ann3 skipped, has its line above and is not in the note too: a trial read it
    # in both, counted twice, where the note is for documents the other never opened.
    assert "done by one annotator only, so left out: ann1 1 (05-alone)" in report["notes"]
    assert not any(SKIPPED in note for note in report["notes"] if "done by one" in note)


def test_the_human_diff_names_the_skip_and_its_reason(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    lines = _printed(diff_of_files(ann1, ann3, load_default_scheme())).splitlines()
    # The sides not done first (why it is not compared), then the one done.
    assert (
        f'{SKIPPED}: not compared: ann3 skipped it ("not an event for us"); '
        'ann1 done ("hostages, not prisoners")'
    ) in lines
    assert "03-drava: not compared: ann1 has no record of it; ann3 skipped it" in lines
    assert "04-talks: not compared: ann1 left it in progress; ann3 has no record of it" in lines
    assert not any("05-alone: not compared" in line for line in lines)


def test_a_note_of_several_lines_is_one_line_parted_by_a_mark(tmp_path: Path) -> None:
    ann1 = write_journal(tmp_path / "ann1.jsonl", record("ann1", form=FORM))
    ann3 = write_journal(
        tmp_path / "ann3.jsonl",
        record("ann3", form=FORM),
        record("ann3", "d2", status="skipped", note="talks only\n\n  maybe  later \n"),
    )
    printed = _printed(diff_of_files(ann1, ann3, load_default_scheme()))
    assert 'd2: not compared: ann1 has no record of it; ann3 skipped it ("talks only ⏎ maybe ' in (
        printed
    )
    assert 'maybe later")\n' in printed


def test_a_long_not_compared_line_stays_one_line_for_grep(tmp_path: Path) -> None:
    # Like a left-out line: a terminal wraps it, a file keeps it whole.
    ann1, ann3 = _journals(tmp_path)
    lines = _printed(diff_of_files(ann1, ann3, load_default_scheme()), 40).splitlines()
    assert (
        f'{SKIPPED}: not compared: ann3 skipped it ("not an event for us"); '
        'ann1 done ("hostages, not prisoners")'
    ) in lines


def test_the_json_carries_it_in_a_key_of_its_own(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    result = run_cli("diff", ann1, ann3, "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert report["not_compared"][0] == {
        "doc_id": SKIPPED,
        "a": {"status": "done", "note": "hostages, not prisoners"},
        "b": {"status": "skipped", "note": "not an event for us"},
    }
    # The keys there were are kept as they were.
    assert set(report) >= {"differences", "form", "counts", "annotator_notes", "notes"}
    assert report["counts"]["boundary"] == 1 and report["documents"] == 1
    assert [item["doc_id"] for item in report["differences"]] == ["d1"]
    result = run_cli("diff", ann1, ann3)
    assert f'{SKIPPED}: not compared: ann3 skipped it ("not an event for us")' in result.stdout


def test_doc_not_done_by_both_says_what_each_did(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    report = diff_of_files(ann1, ann3, load_default_scheme(), doc_id=SKIPPED)
    assert report["documents"] == 0 and report["differences"] == [] and report["form"] == []
    assert [item["doc_id"] for item in report["not_compared"]] == [SKIPPED]
    # The notes on other documents are left out, the one on a document done by one only too.
    assert report["notes"] == []
    result = run_cli("diff", ann1, ann3, "--doc", SKIPPED)
    assert result.returncode == 0, result.stderr
    assert (
        f'{SKIPPED}: not compared: ann3 skipped it ("not an event for us"); '
        'ann1 done ("hostages, not prisoners")'
    ) in result.stdout
    assert "no differences" not in result.stdout  # nothing was compared
    assert "03-drava" not in result.stdout and "05-alone" not in result.stdout
    assert "note:" not in result.stdout + result.stderr


def test_doc_done_by_one_only_says_the_other_has_no_record(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    result = run_cli("diff", ann1, ann3, "--doc", "05-alone", "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["not_compared"] == [
        {"doc_id": "05-alone", "a": {"status": "done", "note": ""}, "b": None}
    ]
    result = run_cli("diff", ann1, ann3, "--doc", "05-alone")
    assert "05-alone: not compared: ann3 has no record of it; ann1 done" in result.stdout


def test_doc_compared_lists_nothing_not_compared(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    report = diff_of_files(ann1, ann3, load_default_scheme(), doc_id="d1")
    assert report["documents"] == 1 and report["not_compared"] == []
    assert report["notes"] == []


def test_doc_no_journal_holds_is_refused_naming_the_nearest(tmp_path: Path) -> None:
    ann1, ann3 = _journals(tmp_path)
    with pytest.raises(AnnotatorError) as error:
        diff_of_files(ann1, ann3, load_default_scheme(), doc_id="02-tamore")
    assert str(error.value) == (
        f"--doc 02-tamore: no such document in {ann1} or {ann3} (nearest: {SKIPPED})"
    )
    result = run_cli("diff", ann1, ann3, "--doc", "04-talsk")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"--doc 04-talsk: no such document in {ann1} or {ann3} (nearest: 04-talks)"
    )


def test_doc_left_out_for_its_text_is_said_not_refused(tmp_path: Path) -> None:
    # Done by both on texts that differ: left out (``excluded``), as the whole diff says.
    ann1 = write_journal(tmp_path / "ann1.jsonl", record("ann1", form=FORM))
    ann3 = write_journal(
        tmp_path / "ann3.jsonl",
        record("ann3", form=FORM),
        record("ann3", "d2", form=FORM, text="Another text."),
    )
    with ann1.open("ab") as handle:
        handle.write(orjson.dumps(record("ann1", "d2", form=FORM)) + b"\n")
    result = run_cli("diff", ann1, ann3, "--doc", "d2")
    assert result.returncode == 0, result.stderr
    assert "left out: d2 (ann1, ann3): doc_sha256 differs" in result.stdout
    assert "not compared" not in result.stdout


def test_with_a_corpus_the_skip_is_said_too(tmp_path: Path) -> None:
    text = "Hostages were freed on Sunday."
    ann1 = write_journal(
        tmp_path / "ann1.jsonl",
        record("ann1", text=text, form=FORM),
        record("ann1", "d2", text=text, form=FORM),
    )
    ann3 = write_journal(
        tmp_path / "ann3.jsonl",
        record("ann3", text=text, form=FORM),
        record("ann3", "d2", text=text, status="skipped", note="not an event for us"),
    )
    corpus = write_corpus(tmp_path, {"d1": text, "d2": text})
    result = run_cli("diff", ann1, ann3, "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    assert 'd2: not compared: ann3 skipped it ("not an event for us"); ann1 done' in (result.stdout)


def test_a_document_the_other_skipped_is_not_in_the_done_by_one_note(tmp_path: Path) -> None:
    # The trial's case: ann1 finished 02, ann3 skipped it, and nothing else is done by one.
    ann1 = write_journal(
        tmp_path / "ann1.jsonl",
        record("ann1", form=FORM),
        record("ann1", SKIPPED, form=FORM),
    )
    ann3 = write_journal(
        tmp_path / "ann3.jsonl",
        record("ann3", form=FORM),
        record("ann3", SKIPPED, status="skipped", note="not an event for us"),
    )
    result = run_cli("diff", ann1, ann3)
    assert result.returncode == 0, result.stderr
    assert f'{SKIPPED}: not compared: ann3 skipped it ("not an event for us")' in result.stdout
    assert "done by one annotator only" not in result.stdout + result.stderr
    assert f"note: records not done are not compared: ann3 1 skipped ({SKIPPED})" in (
        result.stdout + result.stderr
    )
    result = run_cli("diff", ann1, ann3, "--json")
    assert result.returncode == 0, result.stderr
    notes = orjson.loads(result.stdout)["notes"]
    assert notes == [f"records not done are not compared: ann3 1 skipped ({SKIPPED})"]


def test_doc_of_the_corpus_neither_has_a_record_of_is_said_so(tmp_path: Path) -> None:
    # A user trial: "--doc d3: no such document in ann1.jsonl or ann3.jsonl" read as if d3
    # were wrong, where the corpus holds it and neither annotator has a record of it.
    text = "Hostages were freed on Sunday."
    ann1 = write_journal(tmp_path / "ann1.jsonl", record("ann1", text=text, form=FORM))
    ann3 = write_journal(tmp_path / "ann3.jsonl", record("ann3", text=text, form=FORM))
    corpus = write_corpus(tmp_path, {"d1": text, "d2": text, "d3": text})
    result = run_cli("diff", ann1, ann3, "--corpus", corpus, "--doc", "d3")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"--doc d3: neither annotator has a record of d3, a document of the corpus "
        f"(ann1: {ann1}; ann3: {ann3})"
    )
    # In neither journal nor the corpus: a typo, the nearest ids the journals hold named.
    result = run_cli("diff", ann1, ann3, "--corpus", corpus, "--doc", "d")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"--doc d: no such document in {ann1} or {ann3}, nor in the corpus (nearest: d1)"
    )
    # Without the corpus, d3 is not known to be a document at all.
    result = run_cli("diff", ann1, ann3, "--doc", "d3")
    assert result.returncode == 1
    assert result.stderr.strip() == f"--doc d3: no such document in {ann1} or {ann3}"
