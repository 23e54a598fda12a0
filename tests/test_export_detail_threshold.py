"""Without -v, up to DETAIL_UP_TO documents that a format cannot carry all of each get their
line; more are one summary line per format. The README says so with the same number."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.common import DETAIL_UP_TO
from tests.test_agreement_data import run_cli
from tests.test_export_warning_summary import case
from tests.test_formats_support import ROOT


def said(tmp_path: Path, count: int) -> list[str]:
    corpus, gold = case(tmp_path / str(count), count)
    out = tmp_path / f"{count}.jsonl"
    result = run_cli("export", gold, "--format", "doccano", "--corpus", corpus, "-o", out)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if "cannot carry" in line]


def test_up_to_the_threshold_each_document_has_a_line_and_more_are_summarised(
    tmp_path: Path,
) -> None:
    assert len(said(tmp_path, DETAIL_UP_TO)) == DETAIL_UP_TO
    [summary] = said(tmp_path, DETAIL_UP_TO + 1)
    assert summary.startswith("doccano cannot carry: the form (2 field(s)) of 6 document(s)")


def test_the_readme_gives_the_threshold() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"up to {DETAIL_UP_TO} documents each have a line; more are summarised" in readme
