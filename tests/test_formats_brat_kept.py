"""brat → annotator → brat writes back the events, relations, attributes and notes import kept,
while the spans they name are as imported; the lines naming a changed span are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from annotator.core.formats.brat_kept import KEPT_HEADER, break_fragments, read_kept, references
from annotator.core.formats.common import BRAT_LINES, DocLeftOut, summarise
from annotator.core.formats.export import export_records
from annotator.core.scheme import load_scheme
from tests.test_formats_fixtures import BRAT, EDS, run_import

NEWS = "tutorials__news__000-introduction"


def round_trip(
    source: Path, folder: Path, change: dict[str, dict[str, object]] | None = None
) -> list[str]:
    """Import ``source`` as the curator does (no scheme: one is written), change the spans
    with ids in ``change`` (one document), export to brat with the written scheme; the
    export's warnings."""
    run_import(source, "brat", folder)
    records = folder / "records.jsonl"
    if change:
        record = orjson.loads(records.read_bytes())
        text = orjson.loads((folder / "corpus.jsonl").read_bytes())["text"]
        for span in record["spans"]:
            span.update(change.get(span["id"], {}))
            span["text"] = text[span["start"] : span["end"]]
        records.write_bytes(orjson.dumps(record) + b"\n")
    warnings: list[str] = []
    export_records(
        records,
        "brat",
        folder / "out",
        corpus=folder / "corpus.jsonl",
        scheme=load_scheme(folder / "corpus.scheme.toml"),
        on_warning=warnings.append,
    )
    return warnings


def ann_lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("source", [BRAT, EDS], ids=["tutorials", "edsnlp"])
def test_every_fixture_ann_comes_back_as_brat_wrote_it(source: Path, tmp_path: Path) -> None:
    assert round_trip(source, tmp_path) == []
    written = sorted(p.name for p in (tmp_path / "out").glob("*.ann"))
    assert written == sorted(p.name for p in source.glob("*.ann"))
    for name in written:  # brat reads the lines of an .ann in any order
        assert ann_lines(tmp_path / "out" / name) == ann_lines(source / name), name


def news(tmp_path: Path) -> Path:
    source = tmp_path / "brat"
    source.mkdir()
    for suffix in (".txt", ".ann"):
        shutil.copy(BRAT / f"{NEWS}{suffix}", source / f"{NEWS}{suffix}")
    return source


def not_spans(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line[0] != "T"]


@pytest.mark.parametrize(
    ("change", "left_out", "named", "t_line"),
    [
        # T4 "Raul Salinas de Gortari" narrowed to "Raul": E1, R1, A1, A2 name it, A5 names E1.
        ({"start": 473, "end": 477}, ["E1", "R1", "A1", "A2", "A5"], "T4", "T4\tPerson 473 477"),
        ({"label": "GPE"}, ["E1", "R1", "A1", "A2", "A5"], "T4", "T4\tGPE 473 496"),
    ],
    ids=["offsets", "label"],
)
def test_lines_naming_a_changed_span_are_left_out_and_said(
    tmp_path: Path, change: dict[str, object], left_out: list[str], named: str, t_line: str
) -> None:
    warnings = round_trip(news(tmp_path), tmp_path / "imp", {"T4": change})
    original = not_spans(BRAT / f"{NEWS}.ann")
    expected = [line for line in original if line.split("\t")[0] not in left_out]
    ann = tmp_path / "imp" / "out" / f"{NEWS}.ann"
    assert sorted(not_spans(ann)) == sorted(expected)
    assert any(line.startswith(f"{t_line}\t") for line in ann.read_text().splitlines())
    assert warnings == [
        f"{NEWS}: brat cannot carry the brat lines {', '.join(left_out)} kept on import, which "
        f"name spans changed or deleted since ({named}); not written"
    ]


def test_a_deleted_span_leaves_out_what_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "imp"
    run_import(news(tmp_path), "brat", folder)
    record = orjson.loads((folder / "records.jsonl").read_bytes())
    record["spans"] = [span for span in record["spans"] if span["id"] != "T7"]
    (folder / "records.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    warnings: list[str] = []
    export_records(
        folder / "records.jsonl",
        "brat",
        folder / "out",
        corpus=folder / "corpus.jsonl",
        on_warning=warnings.append,
    )
    assert "R2\tOrigin Arg1:T6 Arg2:T7\t" not in not_spans(folder / "out" / f"{NEWS}.ann")
    assert warnings == [
        f"{NEWS}: brat cannot carry the brat lines R2 kept on import, which name spans changed "
        "or deleted since (T7); not written"
    ]


def test_what_annotators_wrote_stays_the_note_and_renamed_labels_go_back(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "imp"
    run_import(news(tmp_path), "brat", folder)
    record = orjson.loads((folder / "records.jsonl").read_bytes())
    # Typed before the kept lines and after them, as an annotator may.
    record["note"] = f"checked twice\n\n{record['note']}\nask Ana"
    new = {"id": "s1", "start": 0, "end": 4, "label": "Transfer_money"}
    text = orjson.loads((folder / "corpus.jsonl").read_bytes())["text"]
    record["spans"].append({**new, "text": text[0:4]})
    (folder / "records.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    export_records(folder / "records.jsonl", "brat", folder / "out", corpus=folder / "corpus.jsonl")
    lines = (folder / "out" / f"{NEWS}.ann").read_text(encoding="utf-8").splitlines()
    # The new span: a number above every T id, brat's label (a scheme cannot name it).
    assert lines[0] == f"T8\tTransfer-money 0 4\t{text[0:4]}"
    assert "#1\tAnnotatorNotes T2\t100000000 USD" in lines
    assert lines[-1] == '#2\tAnnotatorNotes T8\tnote "checked twice\\nask Ana"'


def test_the_note_import_writes() -> None:
    kept = read_kept(
        "seen\n\n"
        f"{KEPT_HEADER}\nR1\tFamily Arg1:T4 Arg2:T5\t\n\n"
        "spans as brat wrote them (a brat export writes them back, with the lines above that "
        "name them, while each keeps these offsets and its label):\n"
        "T4\tPerson 0 4\tRaul\nT5\tPerson-x 5 7;8 9\tSa l\n\n"
        "labels renamed on import: Person-x as Person_x"
    )
    assert kept.note == "seen"
    assert kept.lines == ["R1\tFamily Arg1:T4 Arg2:T5\t"]
    assert {ident: (s.label, s.fragments) for ident, s in kept.spans.items()} == {
        "T4": ("Person", [(0, 4)]),
        "T5": ("Person-x", [(5, 7), (8, 9)]),
    }
    assert kept.renamed == {"Person-x": "Person_x"}
    assert kept.brat_labels() == {"Person_x": "Person-x"}
    assert read_kept("just a note\nR1\tx").note == "just a note\nR1\tx"


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("E1\tBinding:T9 Theme:T1 Theme2:T3", ["T9", "T1", "T3"]),
        ("E2\tMyArg1:T1 MyArg2:E1", ["T1", "E1"]),
        ("R2\tOrigin Arg1:T6 Arg2:T7\t", ["T6", "T7"]),
        ("A1\tConfidence E1 Possible", ["E1"]),
        ("A4\tNegation E4", ["E4"]),
        ("N1\tReference T5 Wikipedia:64488\tCarlos Salinas de Gortari", ["T5"]),
        ("#1\tAnnotatorNotes T7\tRepetition", ["T7"]),
        ("*\tEquiv T1 T2", ["T1", "T2"]),
        ("no tab here", []),
    ],
)
def test_references_of_each_kind_of_line(line: str, named: list[str]) -> None:
    assert references(line) == named


def test_many_documents_lines_left_out_are_one_summary() -> None:
    entries = [DocLeftOut(f"d{n}", ((BRAT_LINES, 2),), ((BRAT_LINES, "words"),)) for n in range(6)]
    assert summarise("brat", entries) == [
        "brat cannot carry: brat lines naming spans changed or deleted since import (12) in 6 "
        "document(s); not written (first: d0)"
    ]
    assert summarise("brat", entries[:1]) == ["d0: brat cannot carry words; not written"]


def eds_doc(tmp_path: Path, t4: str) -> Path:
    """edsnlp's doc-1 without A1, the one line naming T4, and with the T4 line ``t4``: only
    the fragments say then where T4 lies."""
    source = tmp_path / "eds"
    source.mkdir()
    shutil.copy(EDS / "doc-1.txt", source / "doc-1.txt")
    lines = (EDS / "doc-1.ann").read_text(encoding="utf-8").splitlines()
    lines = [t4 if x.startswith("T4\t") else x for x in lines if x != "A1\tassertion T4 absent"]
    (source / "doc-1.ann").write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")
    return source


T4 = "T4\tpathologie 75 83;85 98\tproblème de locomotion"  # around " \n"
T4_GAP = "T4\tpathologie 75 83;88 98\tproblème locomotion"  # "de" left out too


@pytest.mark.parametrize("t4", [T4, T4_GAP], ids=["line-break", "words-between"])
def test_fragments_named_by_no_line_come_back_as_brat_wrote_them(tmp_path: Path, t4: str) -> None:
    source = eds_doc(tmp_path, t4)
    assert round_trip(source, tmp_path / "imp") == []
    out = tmp_path / "imp" / "out" / "doc-1.ann"
    assert ann_lines(out) == ann_lines(source / "doc-1.ann")
    assert t4 in out.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("t4", [T4, T4_GAP], ids=["line-break", "words-between"])
def test_a_span_in_fragments_changed_is_cut_at_its_line_break(tmp_path: Path, t4: str) -> None:
    source = eds_doc(tmp_path, t4)
    assert round_trip(source, tmp_path / "imp", {"T4": {"start": 76}}) == []
    lines = (tmp_path / "imp" / "out" / "doc-1.ann").read_text(encoding="utf-8").splitlines()
    # Without the spaces beside the break; what lay between brat's fragments is now in.
    assert "T4\tpathologie 76 83;85 98\troblème de locomotion" in lines


def test_our_own_spans_across_line_breaks_need_no_note(tmp_path: Path) -> None:
    source = tmp_path / "ours"
    source.mkdir()
    (source / "a.txt").write_text("Kyiv \n\n freed 146", encoding="utf-8")
    (source / "a.ann").write_text("T1\tactor 0 4;8 13\tKyiv freed\n", encoding="utf-8")
    run_import(source, "brat", tmp_path / "imp")
    record = orjson.loads((tmp_path / "imp" / "records.jsonl").read_bytes())
    assert (record["spans"][0]["start"], record["spans"][0]["end"], record["note"]) == (0, 13, "")


@pytest.mark.parametrize(
    ("covered", "fragments"),
    [
        ("Kyiv freed", [(10, 20)]),
        ("Kyiv \n freed", [(10, 14), (17, 22)]),
        ("Kyiv\n \nfreed", [(10, 14), (17, 22)]),  # a fragment of spaces alone: none
        (" \nfreed", [(10, 11), (12, 17)]),  # the span's first character stays
        ("Kyiv\r\n\u2028freed", [(10, 14), (17, 22)]),  # U+2028: a space, no break
    ],
)
def test_break_fragments(covered: str, fragments: list[tuple[int, int]]) -> None:
    assert break_fragments(10, covered) == fragments
