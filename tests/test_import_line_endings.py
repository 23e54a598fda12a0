"""One line-ending rule: every import makes a text LF, as a ``.txt`` corpus is read.

A trial imported a doccano row whose text had CRLF: the corpus kept the CRs (67 code points),
an export to brat wrote them and the brat import made them LF (65): the text changed and every
span after a line break moved, exit 0, not a word. A journal imported so was also "stale"
against the same article as a ``.txt`` (read LF), with no word of line endings. Now every import
makes the text LF with the spans moved onto the same characters and says so; a brat export of
a text that still has CRs says that an import reads it back LF; and validate's stale line says
when the texts differ only in line endings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from annotator.core.models import sha256_text
from tests.test_agreement_data import run_cli as cli

CRLF = "Kestria freed 12 soldiers.\r\nNorvania freed 8 civilians on Sunday.\r\n"
LF = CRLF.replace("\r\n", "\n")
# (label, the words) of each span, found in either text.
SPANS = [("actor", "Kestria"), ("actor", "Norvania"), ("count", "8")]


def spans_in(text: str) -> list[tuple[int, int, str]]:
    out = []
    for label, words in SPANS:
        start = text.index(words)
        out.append((start, start + len(words), label))
    return out


def write_lines(path: Path, *rows: Any) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def doccano_source(tmp_path: Path, text: str = CRLF) -> Path:
    row = {"id": "d1", "text": text, "label": [list(span) for span in spans_in(text)]}
    return write_lines(tmp_path / "dc.jsonl", row)


def labelstudio_source(tmp_path: Path) -> Path:
    results = [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": start, "end": end, "text": CRLF[start:end], "labels": [label]}}
        for start, end, label in spans_in(CRLF)
    ]  # fmt: skip
    task = {"id": 1, "data": {"text": CRLF}, "annotations": [{"result": results}]}
    path = tmp_path / "ls.json"
    path.write_bytes(orjson.dumps([task]))
    return path


def jsonl_source(tmp_path: Path) -> Path:
    """One of our record lines with its text (``export --with-text``), made on CRLF."""
    spans = [
        {"id": f"s{n}", "start": start, "end": end, "label": label, "text": CRLF[start:end]}
        for n, (start, end, label) in enumerate(spans_in(CRLF), 1)
    ]
    row = {"schema_version": 1, "doc_id": "d1", "doc_sha256": sha256_text(CRLF),
           "annotator": "al", "status": "done", "spans": spans,
           "text": CRLF, "meta": {}}  # fmt: skip
    return write_lines(tmp_path / "own.jsonl", row)


def run_import(source: Path, fmt: str, out: Path) -> tuple[list[str], str]:
    warnings: list[str] = []
    # txt holds no labels: --annotations would have no record to write, and is refused.
    annotations, annotator = (out / "a.jsonl", "al") if fmt != "txt" else (None, None)
    result = import_documents(
        source, fmt, out / "c.jsonl", annotations=annotations, annotator=annotator,
        on_warning=warnings.append,
    )  # fmt: skip
    return warnings, result.summary()


def imported(out: Path) -> tuple[str, list[tuple[int, int, str]], list[str]]:
    """The corpus text, the record's spans (start, end, label) and their texts."""
    (document,) = read_lines(out / "c.jsonl")
    (record,) = read_lines(out / "a.jsonl")
    assert record["doc_sha256"] == sha256_text(document["text"])
    spans = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
    return document["text"], spans, [s["text"] for s in record["spans"]]


@pytest.mark.parametrize(
    ("fmt", "make"),
    [("doccano", doccano_source), ("labelstudio", labelstudio_source), ("jsonl", jsonl_source)],
)
def test_every_import_makes_the_text_lf_and_moves_the_spans(
    tmp_path: Path, fmt: str, make: Any
) -> None:
    source = make(tmp_path)
    warnings, summary = run_import(source, fmt, tmp_path / "o")
    text, spans, words = imported(tmp_path / "o")
    assert text == LF
    assert spans == spans_in(LF)
    assert words == ["Kestria", "Norvania", "8"]
    assert summary.endswith("; 1 text(s) made LF (were CRLF or CR)")
    said = [line for line in warnings if "line endings" in line]
    where = (
        f"{source}:1: task 1 (id 1): document 1"
        if fmt == "labelstudio"
        else f"{source}:1: document d1"
    )
    assert said == [
        f"1 document(s) had CRLF or CR line endings (first: {where}): their text is made LF, "
        "as a .txt corpus is read, and their spans moved with it"
    ]


def test_a_lone_cr_becomes_lf_in_place(tmp_path: Path) -> None:
    text = "Kestria freed 12 soldiers.\rNorvania freed 8 civilians on Sunday.\r"
    run_import(doccano_source(tmp_path, text), "doccano", tmp_path / "o")
    got, spans, _words = imported(tmp_path / "o")
    assert (got, spans) == (text.replace("\r", "\n"), spans_in(text))


def test_an_lf_text_is_imported_as_it_is_and_nothing_is_said(tmp_path: Path) -> None:
    warnings, summary = run_import(doccano_source(tmp_path, LF), "doccano", tmp_path / "o")
    assert imported(tmp_path / "o")[0] == LF
    assert "LF" not in summary and not [w for w in warnings if "line endings" in w]


def test_a_span_of_only_the_cr_of_a_crlf_is_bad_data(tmp_path: Path) -> None:
    cr = CRLF.index("\r")
    row = {"id": "d1", "text": CRLF, "label": [[0, 7, "actor"], [cr, cr + 1, "actor"]]}
    source = write_lines(tmp_path / "dc.jsonl", row)
    with pytest.raises(AnnotatorError, match=r"1 span\(s\) are bad data"):
        run_import(source, "doccano", tmp_path / "o")
    warnings: list[str] = []
    import_documents(source, "doccano", tmp_path / "o" / "c.jsonl", annotations=tmp_path / "o"
                     / "a.jsonl", annotator="al", skip_bad=True,
                     on_warning=warnings.append)  # fmt: skip
    assert f"{source}:1: label.1: actor {cr}..{cr + 1}: covers only the CR of a CRLF line break, " \
        "which the text made LF drops; not imported" in warnings  # fmt: skip
    (record,) = read_lines(tmp_path / "o" / "a.jsonl")
    assert [s["text"] for s in record["spans"]] == ["Kestria"]
    assert (record["status"], record["flagged"]) == ("in_progress", True)


def test_doccano_to_brat_and_back_gives_the_same_text_and_spans(tmp_path: Path) -> None:
    """The trial's round trip: doccano (CRLF) → corpus → brat → import; nothing moves now."""
    run_import(doccano_source(tmp_path), "doccano", tmp_path / "o")
    result = cli("export", tmp_path / "o" / "a.jsonl", "--format", "brat",
                 "--corpus", tmp_path / "o" / "c.jsonl", "-o", tmp_path / "brat")  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert (tmp_path / "brat" / "d1.txt").read_bytes() == LF.encode()
    run_import(tmp_path / "brat", "brat", tmp_path / "back")
    assert imported(tmp_path / "back")[:2] == (LF, spans_in(LF))


def test_a_brat_export_of_a_text_with_crs_says_an_import_reads_it_back_lf(
    tmp_path: Path,
) -> None:
    """A corpus made by hand (or by an import before this rule) may still hold CRs."""
    corpus = write_lines(tmp_path / "c.jsonl", {"id": "d1", "text": CRLF, "meta": {}})
    spans = [
        {"id": f"s{n}", "start": start, "end": end, "label": label, "text": CRLF[start:end]}
        for n, (start, end, label) in enumerate(spans_in(CRLF), 1)
    ]
    journal = write_lines(tmp_path / "a.jsonl", {
        "schema_version": 1, "doc_id": "d1", "doc_sha256": sha256_text(CRLF),
        "annotator": "al", "status": "done", "spans": spans})  # fmt: skip
    result = cli("export", journal, "--format", "brat", "--corpus", corpus,
                 "-o", tmp_path / "brat")  # fmt: skip
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "brat: 1 document(s) have CRLF or CR line endings (first: d1): written as they are, "
        "but an import reads them back LF, as it reads every text, with the spans moved: a "
        "text different from this corpus's",
        "1 warning(s): see above",
    ]
    assert (tmp_path / "brat" / "d1.txt").read_bytes() == CRLF.encode()  # as brat counts it
    run_import(tmp_path / "brat", "brat", tmp_path / "back")
    assert imported(tmp_path / "back")[:2] == (LF, spans_in(LF))


def stale_line(tmp_path: Path, made_on: str, corpus_text: bytes) -> str:
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "d1.txt").write_bytes(corpus_text)
    journal = write_lines(tmp_path / "a.jsonl", {
        "schema_version": 1, "doc_id": "d1", "doc_sha256": sha256_text(made_on),
        "annotator": "al", "status": "in_progress", "spans": []})  # fmt: skip
    result = cli("validate", journal, "--corpus", tmp_path / "txt")
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    return line


@pytest.mark.parametrize("made_on", [CRLF, CRLF.replace("\r\n", "\r")])
def test_validate_says_when_a_stale_text_differs_only_in_line_endings(
    tmp_path: Path, made_on: str
) -> None:
    line = stale_line(tmp_path, made_on, CRLF.encode())  # the .txt is read LF
    assert line.endswith("stale record) (the text differs only in line endings)")


def test_validate_says_nothing_of_line_endings_when_the_words_differ(tmp_path: Path) -> None:
    line = stale_line(tmp_path, CRLF.replace("8", "9"), CRLF.encode())
    assert line.endswith("stale record)")


@pytest.mark.parametrize("fmt", ["brat", "txt"])
def test_a_folder_of_crlf_txt_files_is_made_lf_and_that_is_said(tmp_path: Path, fmt: str) -> None:
    """brat's and a .txt folder's texts were made LF before, without a word: said now."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d1.txt").write_bytes(CRLF.encode())
    (folder / "d2.txt").write_bytes(LF.encode())
    lines = [
        f"T{n}\t{label} {start} {end}\t{CRLF[start:end]}"
        for n, (start, end, label) in enumerate(spans_in(CRLF), 1)
    ]
    if fmt == "brat":  # txt refuses a folder whose .ann files hold annotations
        (folder / "d1.ann").write_text("".join(line + "\n" for line in lines))
    (folder / "d2.ann").write_text("")
    warnings, summary = run_import(folder, fmt, tmp_path / "o")
    texts = {row["id"]: row["text"] for row in read_lines(tmp_path / "o" / "c.jsonl")}
    assert texts == {"d1": LF, "d2": LF}
    assert summary.endswith("; 1 text(s) made LF (were CRLF or CR)")
    first = f"{folder / 'd1.txt'}: document d1"  # txt too names the file, as brat does
    # A txt import holds no spans: its line does not say they moved.
    moved = ", and their spans moved with it" if fmt == "brat" else ""
    assert f"1 document(s) had CRLF or CR line endings (first: {first}): their text is made " \
        f"LF, as a .txt corpus is read{moved}" in warnings  # fmt: skip
    if fmt == "brat":
        records = {row["doc_id"]: row for row in read_lines(tmp_path / "o" / "a.jsonl")}
        got = [(s["start"], s["end"], s["label"]) for s in records["d1"]["spans"]]
        assert got == spans_in(LF)
