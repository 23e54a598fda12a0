"""A carry-over moves the T lines a brat import kept in the note with the spans it moves, so
that a brat export writes back the events, relations, attributes and notes naming them."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson

from annotator.core.carry_over import carry_over
from annotator.core.formats.brat_kept import SPANS_HEADER, read_kept
from annotator.core.formats.export import export_records
from annotator.core.models import Record
from tests.test_formats_fixtures import BRAT, EDS, run_import

NEWS = "tutorials__news__000-introduction"


def imported(tmp_path: Path, fixtures: Path = BRAT, doc: str = NEWS) -> tuple[Path, Record, str]:
    """The document ``doc`` of ``fixtures`` imported from brat (the news tutorial): (its
    folder, the record, the text)."""
    source = tmp_path / "brat"
    source.mkdir()
    for suffix in (".txt", ".ann"):
        shutil.copy(fixtures / f"{doc}{suffix}", source / f"{doc}{suffix}")
    folder = tmp_path / "imp"
    run_import(source, "brat", folder)
    record = Record.model_validate(orjson.loads((folder / "records.jsonl").read_bytes()))
    text = orjson.loads((folder / "corpus.jsonl").read_bytes())["text"]
    return folder, record, text


def export_carried(folder: Path, record: Record, text: str) -> tuple[list[str], list[str]]:
    """``record`` carried over to ``text`` (the corpus's text now), exported to brat: (the
    .ann's lines, the export's warnings)."""
    doc = record.doc_id
    corpus = orjson.loads((folder / "corpus.jsonl").read_bytes())
    (folder / "corpus.jsonl").write_bytes(orjson.dumps({**corpus, "text": text}) + b"\n")
    carried = carry_over(record, text).record
    (folder / "records.jsonl").write_text(carried.model_dump_json() + "\n", encoding="utf-8")
    warnings: list[str] = []
    export_records(
        folder / "records.jsonl",
        "brat",
        folder / "out",
        corpus=folder / "corpus.jsonl",
        status=("done", "in_progress"),
        on_warning=warnings.append,
    )
    return (folder / "out" / f"{doc}.ann").read_text(encoding="utf-8").splitlines(), warnings


def moved_by_one(path: Path) -> list[str]:
    """The lines of the .ann at ``path``, its T lines' offsets one character on."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0].startswith("T"):
            label, _, ranges = fields[1].partition(" ")
            moved = (" ".join(str(int(n) + 1) for n in r.split(" ")) for r in ranges.split(";"))
            fields[1] = f"{label} {';'.join(moved)}"
        out.append("\t".join(fields))
    return out


def test_spans_moved_keep_the_lines_naming_them(tmp_path: Path) -> None:
    folder, record, text = imported(tmp_path)
    carried = carry_over(record, "X" + text)
    assert carried.summary() == "7 of 7 spans carried (7 moved)"
    # The note's T lines moved with the spans, as part of the record carried over.
    kept = read_kept(carried.record.note)
    assert kept.spans["T4"].fragments == [(474, 497)]
    assert "T4\tPerson 474 497\tRaul Salinas de Gortari" in carried.record.note.split("\n")
    assert kept.note == read_kept(record.note).note
    assert kept.lines == read_kept(record.note).lines
    lines, warnings = export_carried(folder, record, "X" + text)
    assert warnings == []
    # Every line brat wrote, the T lines one character on; and the status carrying over gave.
    status = '#2\tAnnotatorNotes T1\tstatus "in_progress"'
    assert sorted(lines) == sorted([*moved_by_one(BRAT / f"{NEWS}.ann"), status])


def test_fragments_move_with_their_span(tmp_path: Path) -> None:
    # edsnlp's T4 "problème de locomotion" is in two fragments, around a space and a break.
    folder, record, text = imported(tmp_path, EDS, "doc-1")
    carried = carry_over(record, "X" + text).record
    assert "T4\tpathologie 76 84;86 99\tproblème de locomotion" in carried.note.split("\n")
    lines, warnings = export_carried(folder, record, "X" + text)
    assert warnings == []
    status = '#2\tAnnotatorNotes T1\tstatus "in_progress"'
    assert sorted(lines) == sorted([*moved_by_one(EDS / "doc-1.ann"), status])


def test_a_span_whose_words_changed_still_leaves_out_what_names_it(tmp_path: Path) -> None:
    folder, record, text = imported(tmp_path)
    # Two spaces where one was in T4 "Raul Salinas de Gortari": carried, its words changed.
    at = text.index("Salinas de") + len("Salinas")
    new = "X" + text[:at] + " " + text[at:]
    carried = carry_over(record, new)
    t4 = next(m for m in carried.moved if m.span.id == "T4")
    assert t4.span.text == "Raul Salinas  de Gortari"
    assert "T4\tPerson 473 496\tRaul Salinas de Gortari" in carried.record.note.split("\n")
    lines, warnings = export_carried(folder, record, new)
    assert warnings == [
        f"{NEWS}: brat cannot carry the brat lines E1, R1, A1, A2, A5 kept on import, which "
        "name spans changed or deleted since (T4); not written"
    ]
    # The lines naming only spans moved on the same words are written, at their new offsets.
    assert "R2\tOrigin Arg1:T6 Arg2:T7\t" in lines
    assert "N1\tReference T5 Wikipedia:64488\tCarlos Salinas de Gortari" in lines
    assert "T7\tGPE 551 562\tSwitzerland" in lines
    assert not any(line.startswith(("E1\t", "R1\t", "A1\t")) for line in lines)


def test_the_block_alone_changes(tmp_path: Path) -> None:
    _folder, record, text = imported(tmp_path)
    # What an annotator typed, T lines among it: only the block's are the spans'.
    typed = "T1\tOrganization 418 426\tCitibank"
    note = f"{typed}\n\n{record.note}"
    assert SPANS_HEADER in note
    carried = carry_over(record.model_copy(update={"note": note}), "X" + text).record
    assert carried.note.startswith(f"{typed}\n\n")
    assert "T1\tOrganization 419 427\tCitibank" in carried.note.split("\n")
