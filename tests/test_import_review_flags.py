"""A record that lost data on import is not done gold: it comes in progress and flagged.

With ``--skip-bad`` a span that is bad data is left out; the record it came from no longer says
everything its annotator marked, and exported as done it would say "nothing more here" (an
all-O CoNLL sentence). One of our own records made for another text (its ``doc_sha256`` is not
its text's) is bad data too: refused like a bad span, or with ``--skip-bad`` imported in
progress and flagged. Its note says what was bad data and why, after the annotator's note (it
was left empty, and a reviewer had to find the import's warnings to know what was missing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.models import sha256_text
from tests.test_agreement_data import run_cli as cli

REVIEW = "1 record(s) that lost spans are in progress and flagged: review them"


def write_jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["doc_id"]: r for r in map(orjson.loads, path.read_bytes().splitlines())}


def test_a_record_that_lost_spans_to_skip_bad_is_in_progress_and_flagged(tmp_path: Path) -> None:
    # The curator's case: 6..7 cuts the dove from its variation selector (bad data), and the
    # second row loses nothing: it stays done and unflagged.
    source = write_jsonl(
        tmp_path / "skip.jsonl",
        {"id": "a", "text": "Peace 🕊️ talks", "label": [[6, 7, "E"], [9, 14, "E"]]},
        {"id": "b", "text": "Kyiv freed 146.", "label": [[0, 4, "E"]]},
    )
    corpus, out = tmp_path / "c.jsonl", tmp_path / "r.jsonl"
    result = cli("import", source, "--format", "doccano", "-o", corpus, "--annotations", out,
                 "--annotator", "x", "--skip-bad")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "imported 2 document(s), 2 record(s) with 2 span(s); 1 span(s) left out as bad "
        f"(listed above); {REVIEW}"
    )
    got = records(out)
    lost = (
        f"import --skip-bad left out, as bad data:\n{source}:1: label.0: E 6..7: its end cuts "
        "the character '🕊️' in two"
    )
    assert [(got[d]["status"], got[d]["flagged"], got[d]["note"]) for d in "ab"] == [
        ("in_progress", True, lost),
        ("done", False, ""),
    ]
    assert [s["text"] for s in got["a"]["spans"]] == ["talks"]
    # Exported as done gold, only the record that lost nothing goes out.
    exported = cli("export", out, "--format", "conll", "--corpus", corpus, "-o", "-")
    assert exported.returncode == 0, exported.stderr
    assert "Peace" not in exported.stdout and "Kyiv B-E" in exported.stdout


def test_a_skipped_record_that_lost_spans_stays_skipped_but_flagged(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "s.jsonl", {"id": "a", "text": "Kyiv", "label": [[3, 2, "E"]]})
    result = cli("import", source, "--format", "doccano", "-o", tmp_path / "c.jsonl",
                 "--annotations", tmp_path / "r.jsonl", "--annotator", "x", "--skip-bad",
                 "--status", "skipped")  # fmt: skip
    assert result.returncode == 0, result.stderr
    record = records(tmp_path / "r.jsonl")["a"]
    assert (record["status"], record["flagged"]) == ("skipped", True)


def _record_line(text: str, sha: str, **fields: Any) -> dict[str, Any]:
    return {"schema_version": 1, "doc_id": "d1", "doc_sha256": sha, "annotator": "a",
            "status": "done", "spans": [], "text": text, "note": "kept as written",
            **fields}  # fmt: skip


def test_a_record_made_for_another_text_is_refused(tmp_path: Path) -> None:
    other = sha256_text("Hello, world.")
    source = write_jsonl(tmp_path / "w.jsonl", _record_line("Hello.", other))
    args = ["import", source, "--format", "jsonl", "-o", tmp_path / "c.jsonl",
            "--annotations", tmp_path / "r.jsonl", "--annotator", "x"]  # fmt: skip
    line = (
        f"{source}:1: doc_sha256: does not match the text of 'd1' on this line "
        "(made for another text: stale record)"
    )
    result = cli(*args)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        line,
        f"{source}: 1 record(s) are bad data (listed above); nothing written: correct the "
        "source or the options, or pass --skip-bad to import without them",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.jsonl"]
    result = cli(*args, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "imported 1 document(s), 1 record(s) with 0 span(s); 1 record(s) made for another "
        "text are in progress and flagged: review them"
    )
    assert result.stderr.splitlines() == [line, "1 warning(s): see above"]
    record = records(tmp_path / "r.jsonl")["d1"]
    assert (record["status"], record["flagged"], record["note"]) == (
        "in_progress",
        True,
        f"kept as written\n\nimport --skip-bad left out, as bad data:\n{line}",
    )
    assert record["doc_sha256"] == sha256_text("Hello.")


def test_a_record_made_for_its_text_imports_as_it_is(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", _record_line("Hello.", sha256_text("Hello.")))
    result = cli("import", source, "--format", "jsonl", "-o", tmp_path / "c.jsonl",
                 "--annotations", tmp_path / "r.jsonl", "--annotator", "x")  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    record = records(tmp_path / "r.jsonl")["d1"]
    assert (record["status"], record["flagged"]) == ("done", False)


def stale_import_line(tmp_path: Path, text: str, made_on: str) -> str:
    source = write_jsonl(tmp_path / "w.jsonl", _record_line(text, sha256_text(made_on)))
    result = cli("import", source, "--format", "jsonl", "-o", tmp_path / "c.jsonl",
                 "--annotations", tmp_path / "r.jsonl", "--annotator", "x")  # fmt: skip
    assert result.returncode == 1
    return result.stderr.splitlines()[0]


def test_a_stale_record_whose_text_differs_only_in_line_endings_is_said_so(
    tmp_path: Path,
) -> None:
    # As validate says it: the record was made for the LF text, the line holds it CRLF.
    line = stale_import_line(tmp_path, "Kyiv freed 146.\r\nMore.", "Kyiv freed 146.\nMore.")
    assert line.endswith("(made for another text: stale record) (the text differs only in line "
                         "endings)")  # fmt: skip


def test_a_stale_record_whose_words_differ_gets_no_line_ending_hint(tmp_path: Path) -> None:
    line = stale_import_line(tmp_path, "Kyiv freed 146.\r\nMore.", "Kyiv freed 147.\nMore.")
    assert line.endswith("(made for another text: stale record)")


def test_a_brat_record_says_what_it_lost_before_the_brat_lines_it_keeps(tmp_path: Path) -> None:
    """The import's lines go before the brat lines kept in the note, so a brat export still
    reads those back (they are the note's last part) and writes the import's as a note."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kestria freed 12 soldiers.\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tactor 0 7\tKestria\nT2\tcount 14 99\t12\nR1\tR Arg1:T1\n")
    args = ["import", folder, "--format", "brat", "-o", tmp_path / "c.jsonl",
            "--annotations", tmp_path / "r.jsonl", "--annotator", "x", "--skip-bad"]  # fmt: skip
    assert cli(*args).returncode == 0
    note = records(tmp_path / "r.jsonl")["a"]["note"]
    assert note.split("\n\n")[:2] == [
        f"import --skip-bad left out, as bad data:\n{folder / 'a.ann'}:2: T2: count 14..99 lies "
        "outside the text (27)",
        "brat lines not imported as spans:\nR1\tR Arg1:T1",
    ]
    out = tmp_path / "back"
    exported = cli("export", tmp_path / "r.jsonl", "--format", "brat", "--status", "all",
                   "--corpus", tmp_path / "c.jsonl", "-o", out)  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    ann = (out / "a.ann").read_text().splitlines()
    assert ann[:2] == ["T1\tactor 0 7\tKestria", "R1\tR Arg1:T1"]
    assert ann[2].startswith('#1\tAnnotatorNotes T1\tnote "import --skip-bad left out')
