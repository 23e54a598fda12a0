"""A gold file (merge's output, every record with ``sources`` and ``conflicts``) imported as
jsonl: what an annotator's record cannot hold is said as exports say it, each document's line for
up to DETAIL_UP_TO documents and one counted line past them (a 10,000-document gold file printed
10,000 lines), and the summary line counts it, as README says such losses are."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats.common import DETAIL_UP_TO
from annotator.core.formats.importing import import_documents
from annotator.core.models import sha256_text

TEXT = "Kyiv freed 146 men."
NOT_KEPT = "sources, conflicts: not kept"


def gold_file(path: Path, documents: int) -> Path:
    lines = []
    for number in range(1, documents + 1):
        fields = {
            "schema_version": 1, "doc_id": f"d{number}", "doc_sha256": sha256_text(TEXT),
            "annotator": "rev", "status": "done", "text": TEXT,
            "spans": [{"id": "s1", "start": 0, "end": 4, "label": "actor", "text": "Kyiv"}],
            "sources": {"annotators": ["al", "bo"]}, "conflicts": [],
        }  # fmt: skip
        lines.append(orjson.dumps(fields) + b"\n")
    path.write_bytes(b"".join(lines))
    return path


def imported(source: Path) -> tuple[list[str], str]:
    heard: list[str] = []
    out = source.parent / "o"
    result = import_documents(
        source, "jsonl", out / "c.jsonl", annotations=out / "a.jsonl", on_warning=heard.append
    )
    return [line for line in heard if NOT_KEPT in line], result.summary()


def test_up_to_five_documents_each_have_their_line_and_the_summary_counts_them(
    tmp_path: Path,
) -> None:
    source = gold_file(tmp_path / "gold.jsonl", DETAIL_UP_TO)
    said, summary = imported(source)
    assert said == [
        f"{source}:{n}: document d{n}: sources, conflicts: not kept (a gold record's: the "
        "import writes one annotator's records)"
        for n in range(1, DETAIL_UP_TO + 1)
    ]
    assert f"not imported: {DETAIL_UP_TO} gold record(s)' sources and conflicts" in summary


@pytest.mark.parametrize("documents", [DETAIL_UP_TO + 1, 200])
def test_more_documents_are_one_counted_line_naming_the_first(
    tmp_path: Path, documents: int
) -> None:
    source = gold_file(tmp_path / "gold.jsonl", documents)
    said, summary = imported(source)
    assert said == [
        f"{documents} document(s) are gold records: sources, conflicts: not kept (the import "
        f"writes one annotator's records; first: {source}:1: document d1)"
    ]
    assert f"not imported: {documents} gold record(s)' sources and conflicts" in summary
