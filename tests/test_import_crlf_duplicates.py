"""Two spans that differ only by a CR are one span once the text is made LF: imported once.

A review's trial: doccano spans [0, 4] ("abc\\r") and [0, 3] ("abc") on "abc\\r\\ndef" both
became 0..3 when the import made the text LF, after duplicates had been dropped, so the record
held the same span twice and validate said ok; the same spans on the LF text were said as a
duplicate and imported once. Duplicates are now dropped again once the text is made LF, by the
same rule and line, which names the spans as the source has them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.formats.importing import import_documents


def imported(tmp_path: Path, text: str, spans: list[list[Any]]) -> tuple[list[Any], list[str]]:
    source = tmp_path / "dc.jsonl"
    source.write_bytes(orjson.dumps({"id": "d1", "text": text, "label": spans}) + b"\n")
    warnings: list[str] = []
    result = import_documents(
        source, "doccano", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
        annotator="al", on_warning=warnings.append,
    )  # fmt: skip
    assert result.not_imported == {"duplicate span(s)": 1}
    (record,) = [orjson.loads(line) for line in (tmp_path / "a.jsonl").read_bytes().splitlines()]
    return [(s["id"], s["start"], s["end"], s["label"]) for s in record["spans"]], warnings


def test_an_lf_text_s_duplicate_is_imported_once(tmp_path: Path) -> None:
    spans, warnings = imported(tmp_path, "abc\ndef", [[0, 3, "X"], [0, 3, "X"]])
    assert spans == [("s1", 0, 3, "X")]
    source = tmp_path / "dc.jsonl"
    assert f"{source}:1: label.1: X 0..3: duplicate of {source}:1: label.0; imported once" in (
        warnings
    )


@pytest.mark.parametrize(
    ("spans", "said", "kept"),
    [
        ([[0, 4, "X"], [0, 3, "X"]], "label.1: X 0..3", (0, 3)),  # "abc\r" and "abc"
        ([[0, 3, "X"], [0, 4, "X"]], "label.1: X 0..4", (0, 3)),
        ([[3, 5, "X"], [4, 5, "X"]], "label.1: X 4..5", (3, 4)),  # "\r\n" and its "\n"
    ],
)
def test_spans_that_differ_only_by_a_cr_are_imported_once(
    tmp_path: Path, spans: list[list[Any]], said: str, kept: tuple[int, int]
) -> None:
    got, warnings = imported(tmp_path, "abc\r\ndef", spans)
    assert got == [("s1", *kept, "X")]
    source = tmp_path / "dc.jsonl"
    assert (
        f"{source}:1: {said}: duplicate of {source}:1: label.0 once the text is made LF; "
        "imported once"
    ) in warnings
