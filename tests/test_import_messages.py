"""Import's one-line messages say what is wrong in the user's words, at the right place.

A Latin-1 file is ``invalid UTF-8 at byte N of the line`` in every JSON-lines format, as
validate says it (not orjson's "surrogates not allowed"); a broken JSONL line names its line
once (``FILE:2:``, then the column only); a reversed span "ends before it starts"; a negative
offset gets no UTF-16 hint (no way of counting explains it); an annotator name annotate would
refuse is a command-line error (exit 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_agreement_data import run_cli as cli

USAGE_EXIT = 2


def imported(source: Path, fmt: str, *more: str | Path) -> tuple[int, list[str]]:
    out = source.with_name("out.jsonl")
    result = cli("import", source, "--format", fmt, "-o", out, *more)
    assert result.stdout == "" or result.returncode == 0
    return result.returncode, result.stderr.splitlines()


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "jsonl"])
def test_latin1_jsonl_says_invalid_utf8_at_its_byte(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "latin1.jsonl"
    source.write_bytes('{"id": "a", "text": "ok"}\n{"id": "b", "text": "café"}\n'.encode("latin-1"))
    # The é is byte 24 of the second line (from 0), as validate counts it; byte 50 of the file.
    said = f"{source}:2: invalid UTF-8 at byte 24 of the line"
    assert imported(source, fmt) == (1, [said])
    # validate, reading the same line in a journal, counts the same byte.
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(
        b'{"annotator": "a", "doc_id": "d"}\n' + source.read_bytes().splitlines(keepends=True)[1]
    )
    assert f"{journal}:2: invalid UTF-8 at byte 24 of the line" in cli("validate", journal).stdout


def test_a_broken_jsonl_line_names_its_line_and_column_only(tmp_path: Path) -> None:
    source = tmp_path / "jb.jsonl"
    source.write_bytes(b'{"text": "a", "label": []}\n{"text": "Kyiv", "label": [\n')
    assert imported(source, "doccano") == (
        1,
        [f"{source}:2: invalid JSON: unexpected end of data: column 28"],
    )


def test_a_reversed_span_ends_before_it_starts(tmp_path: Path) -> None:
    source = tmp_path / "r.jsonl"
    source.write_bytes(
        '{"text": "Hello 🎉 world", "label": [[5, 3, "E"], [-1, 2, "E"]]}\n'.encode()
    )
    code, lines = imported(source, "doccano")
    assert (code, lines[:2]) == (
        1,
        [
            f"{source}:1: label.0: E 5..3 ends before it starts; not imported",
            f"{source}:1: label.1: E -1..2 lies outside the text (13); not imported",
        ],
    )


def test_a_brat_fragment_that_ends_before_it_starts_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text("Kyiv and Lviv", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tGPE 0 4;13 9\tKyiv Lviv\n", encoding="utf-8")
    code, lines = imported(folder, "brat")
    assert (code, lines[0]) == (
        1,
        f"{folder / 'a.ann'}:1: T1: GPE 0 4;13 9 ends before it starts; not imported",
    )


@pytest.mark.parametrize("name", ["", "two words", "a/b"])
def test_an_annotator_name_annotate_refuses_is_a_usage_error(tmp_path: Path, name: str) -> None:
    source = tmp_path / "d.jsonl"
    source.write_text('{"text": "Kyiv", "label": [[0, 4, "E"]]}\n', encoding="utf-8")
    code, lines = imported(
        source, "doccano", "--annotations", tmp_path / "r.jsonl", "--annotator", name
    )
    assert (code, lines[-1]) == (
        USAGE_EXIT,
        f"annotator: error: --annotator {name!r}: use letters, digits, '.', '_', '-' or '@' "
        "(as annotate takes it: it names the journal file)",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl"]
