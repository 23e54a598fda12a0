"""What a format cannot carry of many documents is one line per format, not one per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.formats.common import (
    DETAIL_UP_TO,
    DocLeftOut,
    Reporter,
    each_or_summary,
    summarise,
)
from annotator.core.formats.export import export_records
from annotator.core.models import Record
from tests.test_agreement_data import run_cli
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 1 2 3 4 5 6 people."
FORM = {"event_type": "exchange", "location": "Kyiv"}


def case(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` documents, each with a form of 2 fields and 6 span values."""
    docs = [(f"d{n:05d}", TEXT) for n in range(1, count + 1)]
    spans = [
        {"id": f"s{n}", "start": 9 + 2 * n, "end": 10 + 2 * n, "label": "count", "text": str(n)}
        | {"value": n}
        for n in range(1, 7)
    ]
    records = [
        Record.model_validate(
            record(doc_id, text, []).model_dump() | {"spans": spans, "form": FORM}
        )
        for doc_id, text in docs
    ]
    return write_case(folder, docs, records)


def test_summarise_counts_parts_and_documents() -> None:
    entries = [DocLeftOut(f"d{n:05d}", (("form", 2), ("span values", 6))) for n in range(1, 31)]
    assert summarise("prodigy", entries) == [
        "prodigy cannot carry: the form (2 field(s)) of 30 document(s), span values (180) in "
        "30 document(s); not written (first: d00001)"
    ]
    mixed = [
        DocLeftOut("a", (("form", 1), ("note", 1))),
        *(DocLeftOut(f"b{n}", (("form", 3), ("links", 2), ("flagged", 1))) for n in range(5)),
    ]
    assert summarise("hf", mixed) == [
        "hf cannot carry: the form (1-3 field(s)) of 6 document(s), links (10) in 5 document(s), "
        "the note of 1 document(s), the flag of 5 document(s); not written (first: a)"
    ]
    few = entries[:5]
    assert summarise("prodigy", few) == [
        f"d0000{n}: prodigy cannot carry the form (2 field(s)), span values (6); not written"
        for n in range(1, 6)
    ]


def test_a_reporter_says_the_summary_at_the_end_and_keeps_each_line() -> None:
    heard: list[str] = []
    report = Reporter(heard.append)
    for n in range(1, 8):
        report.left_out("conll", DocLeftOut(f"d{n}", (("note", 1),)))
    report.warn("d3: conll: span s1 overlaps s2; left out")  # one document's own problem
    assert heard == ["d3: conll: span s1 overlaps s2; left out"]
    report.finish()
    assert heard[1:] == ["conll cannot carry: the note of 7 document(s); not written (first: d1)"]
    assert report.details == [
        f"d{n}: conll cannot carry the note; not written" for n in range(1, 8)
    ]
    verbose: list[str] = []
    loud = Reporter(verbose.append, verbose=True)
    loud.left_out("conll", DocLeftOut("d1", (("note", 1),)))
    loud.finish()
    assert verbose == ["d1: conll cannot carry the note; not written"]


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "labelstudio", "conll", "hf"])
def test_an_export_of_30_documents_says_one_line(tmp_path: Path, fmt: str) -> None:
    corpus, gold = case(tmp_path / "in", 30)
    out = tmp_path / "out"
    result = run_cli("export", gold, "--format", fmt, "--corpus", corpus, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        *(
            [
                "conll cannot carry document ids: not written for 30 document(s) (first: "
                "d00001); an import back names them <file>-000001 on, in this order"
            ]
            if fmt == "conll"
            else []
        ),
        f"{fmt} cannot carry: the form (2 field(s)) of 30 document(s), span values (180) in 30 "
        "document(s); not written (first: d00001)",
        f"{2 if fmt == 'conll' else 1} warning(s): see above",
    ]


def test_the_detail_is_kept_and_given_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, gold = case(tmp_path / "in", 8)
    result = export_records(gold, "prodigy", tmp_path / "p.jsonl", corpus=corpus)
    assert len(result.warnings) == 1
    assert result.details[0] == (
        "d00001: prodigy cannot carry the form (2 field(s)), span values (6); not written"
    )
    assert len(result.details) == 8
    capsys.readouterr()
    words = ["export", str(gold), "--format", "prodigy", "-o", str(tmp_path / "v.jsonl")]
    assert main([*words, "--corpus", str(corpus), "-v"]) == 0
    assert capsys.readouterr().err.splitlines() == [*result.details, "8 warning(s): see above"]


def test_a_few_documents_each_get_their_line(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in", 3)
    warnings: list[str] = []
    export_records(gold, "doccano", tmp_path / "d.jsonl", corpus=corpus, on_warning=warnings.append)
    assert warnings == [
        f"d0000{n}: doccano cannot carry the form (2 field(s)), span values (6); not written"
        for n in (1, 2, 3)
    ]


def test_each_document_has_its_line_up_to_the_threshold_then_one_summary() -> None:
    # Export's left-out parts and open conflicts and import's per-document lines all say so.
    def unasked() -> str:
        raise AssertionError("the summary is made only when it is said")

    few = [f"d{n}: x" for n in range(DETAIL_UP_TO)]
    assert each_or_summary(few, unasked) == few
    assert each_or_summary([], unasked) == []
    many = [*few, "d9: x"]
    assert each_or_summary(many, lambda: "6 document(s): x") == ["6 document(s): x"]
    assert each_or_summary(many, unasked, verbose=True) == many
