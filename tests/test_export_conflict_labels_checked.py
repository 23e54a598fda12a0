"""``export --scheme`` checks the labels of a gold record's conflict spans, as validate does.

A trial's gold file held a conflict span labelled ``nosuch``: validate refused it
(``conflicts.c1.versions.0.spans.0.label: unknown label 'nosuch'``), and an export refused such
a label on a top-level span, but let it through inside the conflict (its bad values and offsets
were refused): ``validate_conflicts.conflict_problems`` checked a scheme's value types only,
the labels being validate's to tally. A review would take that span into gold. Now the export
refuses it in one line naming the file, the line and the span, with the texts or without.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core.scheme import load_scheme
from annotator.core.validate_conflicts import unknown_label
from tests.test_validate_conflicts import edited, merged, problems

PATH = "conflicts.c1.versions.0.spans.0.label"


def unknown(conflicts: dict[str, Any]) -> None:
    conflicts["c1"]["versions"][0]["spans"][0].update(label="nosuch")


@pytest.mark.parametrize(
    ("fmt", "with_corpus"), [("jsonl", False), ("jsonl", True), ("conll", True)]
)
def test_export_with_a_scheme_refuses_an_unknown_label_in_a_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, with_corpus: bool
) -> None:
    corpus, scheme, gold = merged(tmp_path)
    bad = edited(gold, unknown)
    said = f"{PATH}: {unknown_label('nosuch', load_scheme(scheme))}"
    assert said in problems(bad, scheme, corpus)[0]  # validate's words
    out = tmp_path / f"out.{fmt}"
    words = ["export", str(bad), "--format", fmt, "--status", "all", "--scheme", str(scheme)]
    words += ["--corpus", str(corpus)] if with_corpus else []
    assert main([*words, "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"{bad}:1: {said}\n"
    assert not out.exists()
    # Without a scheme nothing tells a label unknown: exported as before.
    assert main([*[w for w in words if w not in ("--scheme", str(scheme))], "-o", str(out)]) == 0
