"""brat → brat keeps T ids, so the lines import kept in the note still name the same text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from annotator.core.formats.brat import ann_text
from annotator.core.formats.common import Item, Reporter
from annotator.core.formats.export import export_records
from annotator.core.models import Document
from tests.test_formats_fixtures import BRAT, run_import
from tests.test_formats_support import record

NEWS = "tutorials__news__000-introduction"
REFERENCE = re.compile(r"\bT[0-9]+\b")


def t_lines(ann: str) -> dict[str, str]:
    """T id → surface text of every T line of an .ann file."""
    out = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            ident, _, surface = line.split("\t")
            assert ident not in out, f"{ident} written twice"
            out[ident] = surface
    return out


def kept_lines(ann: str) -> list[str]:
    """The lines of an .ann that are not spans (import kept them, export wrote them back)."""
    return [line for line in ann.splitlines() if not line.startswith("T")]


def test_brat_round_trip_keeps_every_kept_reference_on_its_text(tmp_path: Path) -> None:
    source = tmp_path / "brat"
    source.mkdir()
    for suffix in (".txt", ".ann"):
        shutil.copy(BRAT / f"{NEWS}{suffix}", source / f"{NEWS}{suffix}")
    original = (source / f"{NEWS}.ann").read_text(encoding="utf-8")
    run_import(source, "brat", tmp_path)
    out = tmp_path / "out"
    export_records(tmp_path / "records.jsonl", "brat", out, corpus=tmp_path / "corpus.jsonl")
    exported = (out / f"{NEWS}.ann").read_text(encoding="utf-8")

    before, after = t_lines(original), t_lines(exported)
    kept = kept_lines(exported)
    assert any(line.startswith("E1\tTransfer-money:T3 ") for line in kept)
    assert "#1\tAnnotatorNotes T2\t100000000 USD" in kept
    referenced = {ident for line in kept for ident in REFERENCE.findall(line)}
    assert referenced == {"T1", "T2", "T3", "T4", "T5", "T6", "T7"}
    for ident in sorted(referenced):
        assert after.get(ident) == before[ident], f"{ident} names other text after export"


def test_spans_without_brat_ids_get_numbers_no_kept_line_names(tmp_path: Path) -> None:
    text = "Kyiv freed 146 people on Sunday."
    doc = record("a", text, [(0, 4, "GPE"), (11, 14, "Count"), (25, 31, "Date")])
    # T2 came from brat; s1 and s3 were drawn since; the note names T5, a span deleted since.
    spans = [doc.spans[0], doc.spans[1].model_copy(update={"id": "T2"}), doc.spans[2]]
    doc = doc.model_copy(update={"spans": spans, "note": "R1\tAt Arg1:T2 Arg2:T5"})
    ann = ann_text(Item(Document(id="a", text=text, meta={}), doc), Reporter())
    assert t_lines(ann) == {"T6": "Kyiv", "T2": "146", "T7": "Sunday"}
    assert ann.splitlines()[0].startswith("T6\tGPE 0 4\t")
    assert "#1\tAnnotatorNotes T6\tnote " in ann


def test_records_without_brat_ids_are_numbered_in_text_order() -> None:
    text = "Kyiv freed 146 people."
    doc = record("a", text, [(11, 14, "Count"), (0, 4, "GPE")])
    ann = ann_text(Item(Document(id="a", text=text, meta={}), doc), Reporter())
    assert ann.splitlines()[:2] == ["T1\tGPE 0 4\tKyiv", "T2\tCount 11 14\t146"]
