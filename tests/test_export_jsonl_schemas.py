"""Every line of ``export --format jsonl`` follows the shipped JSON Schema the README names for
it: record.schema.json (from a journal), gold_record.schema.json (from gold), and with
``--with-text`` record_with_text.schema.json / gold_record_with_text.schema.json. A trial found
the ``--with-text`` lines following no shipped schema (both refuse unknown fields, and ``text``
and ``meta`` are added). Such an export imports back to the records it was made of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from annotator.cli import main
from annotator.core.merge import merge_files
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    TEXT,
    record,
    scheme,
    write_journal,
    write_scheme,
)
from tests.test_shipped_json_schemas import lines, shipped

OTHER = "Kestria freed 7 people."
META = {
    "d1": {"date": "2025-08-24", "source": "wire", "title": "Exchange"},
    "d2": {"url": "https://example.org/d2"},
}
# In text order, as the app keeps them (an import puts them so).
ALICE = sorted(ALICE_SPANS, key=lambda span: (span["start"], span["end"], span["label"]))
# Input, --with-text -> the schema its lines follow, as the README says.
NAMED = {
    ("journal", False): "record.schema.json",
    ("gold", False): "gold_record.schema.json",
    ("journal", True): "record_with_text.schema.json",
    ("gold", True): "gold_record_with_text.schema.json",
}


@pytest.fixture
def case(tmp_path: Path) -> dict[str, Path]:
    """A corpus with meta, alice's journal (d1 done, written twice; d2 in progress), bob's
    journal, and the gold file merged from both (open conflicts on d1)."""
    corpus = tmp_path / "corpus.jsonl"
    texts = {"d1": TEXT, "d2": OTHER}
    corpus.write_bytes(
        b"".join(
            orjson.dumps({"id": doc_id, "text": text, "meta": META[doc_id]}) + b"\n"
            for doc_id, text in texts.items()
        )
    )
    first = record("alice", spans=ALICE[:1])
    alice_d1 = record(
        "alice",
        spans=ALICE,
        form={"code": "1", "releases": [{"released_by": "Russia", "count": 146}]},
        links={"releases[0].count": ["s2"]},
        note="figures disputed",
        flagged=True,
        updated_at="2025-08-25T09:00:00Z",
        seconds_spent=431.5,
    )
    alice_d2 = record(
        "alice",
        "d2",
        spans=[{"id": "s1", "start": 0, "end": 7, "label": "actor", "text": "Kestria"}],
        status="in_progress",
        text=OTHER,
    )
    bob_d1 = record("bob", spans=BOB_SPANS, form={"code": "2", "number": 12})
    alice = write_journal(tmp_path / "alice.jsonl", first, alice_d1, alice_d2)
    bob = write_journal(tmp_path / "bob.jsonl", bob_d1)
    gold = tmp_path / "gold.jsonl"
    merge_files([alice, bob], gold, scheme(tmp_path), "rita")
    return {"corpus": corpus, "journal": alice, "gold": gold, "scheme": write_scheme(tmp_path)}


def export(case: dict[str, Path], source: str, with_text: bool, out: Path) -> list[dict[str, Any]]:
    words = [str(case[source]), "--format", "jsonl", "--status", "all", "-o", str(out)]
    words += ["--corpus", str(case["corpus"])]
    assert main(["export", *words, *(["--with-text"] if with_text else [])]) == 0
    return lines(out)


@pytest.mark.parametrize(("source", "with_text"), sorted(NAMED))
def test_every_line_follows_the_schema_named_for_it(
    case: dict[str, Path], tmp_path: Path, source: str, with_text: bool
) -> None:
    exported = export(case, source, with_text, tmp_path / "out.jsonl")
    doc_ids = ["d1", "d2"] if source == "journal" else ["d1"]  # merged: d1, done by both
    assert [line["doc_id"] for line in exported] == doc_ids
    named = shipped(NAMED[source, with_text])
    for line in exported:
        named.validate(line)
        assert ("text" in line, "meta" in line) == (with_text, with_text)
        assert ("sources" in line) == (source == "gold")
    if with_text:
        assert exported[0]["text"] == TEXT and exported[0]["meta"] == META["d1"]
    # Only that schema: each of the others refuses every line (text and meta, sources, or
    # their lack), so a line that followed another would fail here.
    for other in set(NAMED.values()) - {NAMED[source, with_text]}:
        for line in exported:
            with pytest.raises(jsonschema.ValidationError):
                shipped(other).validate(line)


def test_the_text_schemas_are_as_strict_as_the_records(
    case: dict[str, Path], tmp_path: Path
) -> None:
    [line, _d2] = export(case, "journal", True, tmp_path / "out.jsonl")
    schema = shipped("record_with_text.schema.json")
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        schema.validate({**line, "doc_text": TEXT})
    with pytest.raises(jsonschema.ValidationError, match="'text' is a required property"):
        schema.validate({key: value for key, value in line.items() if key != "text"})
    with pytest.raises(jsonschema.ValidationError, match="is not of type 'object'"):
        schema.validate({**line, "meta": "wire"})
    # meta may be left out, as a corpus line may leave it out; the import reads it as {}.
    schema.validate({key: value for key, value in line.items() if key != "meta"})


@pytest.mark.parametrize("source", ["journal", "gold"])
def test_a_with_text_export_imports_back_to_its_records(
    case: dict[str, Path], tmp_path: Path, source: str, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = export(case, source, True, tmp_path / "out.jsonl")
    capsys.readouterr()
    corpus_back, records_back = tmp_path / "corpus_back.jsonl", tmp_path / "back.jsonl"
    words = ["import", str(tmp_path / "out.jsonl"), "--format", "jsonl", "-o", str(corpus_back)]
    words += ["--annotations", str(records_back), "--scheme", str(case["scheme"])]
    assert main(words) == 0, capsys.readouterr().err
    said = capsys.readouterr().err
    # The documents come back whole, text and meta; the records as they were, but a gold
    # record's sources and conflicts, which an annotator's record cannot hold (said).
    assert lines(corpus_back) == [
        {"id": line["doc_id"], "text": line["text"], "meta": line["meta"]} for line in exported
    ]
    gold_only = ("text", "meta", "sources", "conflicts")
    assert lines(records_back) == [
        {key: value for key, value in line.items() if key not in gold_only} for line in exported
    ]
    assert ("sources, conflicts: not kept" in said) == (source == "gold")
    # Exported again with its text, what came back is the export of a journal, line for line.
    again = export(
        {**case, "journal": records_back, "corpus": corpus_back},
        "journal",
        True,
        tmp_path / "again.jsonl",
    )
    assert again == [
        {key: value for key, value in line.items() if key not in ("sources", "conflicts")}
        for line in exported
    ]
    for line in again:
        shipped("record_with_text.schema.json").validate(line)
