"""Importing from a format without values into a scheme whose counts and dates have them: each
span gets the value its words give, as labelling gives it (a curator's imported counts had none,
unsaid); a format that carries values keeps a span without one as it is."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import record
from tests.test_agreement_data import run_cli as cli

TEXT = "date 2024-03-17 Kestria freed ninety-five prisoners on Sunday, and several more later."


def spans(path: Path) -> list[tuple[str, str, object]]:
    line = orjson.loads(path.read_bytes().splitlines()[0])
    return [(s["text"], s["label"], s["value"]) for s in line["spans"]]


def at(word: str, label: str) -> list[object]:
    start = TEXT.index(word)
    return [start, start + len(word), label]


def test_counts_and_dates_get_the_values_their_words_give(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    labels = [at("ninety-five", "count"), at("Sunday", "date"), at("several", "count")]
    source.write_bytes(orjson.dumps({"text": TEXT, "label": labels}) + b"\n")
    records = tmp_path / "r.jsonl"
    result = cli("import", source, "--format", "doccano", "-o", tmp_path / "c.jsonl",
                 "--annotations", records, "--annotator", "a", "--scheme", "prisoner_exchange",
                 "--status", "in_progress")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert spans(records) == [
        ("ninety-five", "count", 95),
        ("Sunday", "date", "2024-03-17"),
        ("several", "count", None),  # vague: no value, as labelling gives none
    ]
    # The corpus gets the dateline's date, as a .txt corpus does: labelling counts from it too.
    corpus = orjson.loads((tmp_path / "c.jsonl").read_bytes().splitlines()[0])
    assert corpus["meta"] == {"date": "2024-03-17"}
    assert (
        "2 count and date value(s) read from the spans' words, as labelling gives them "
        "(doccano carries none): check them in the annotation screen"
    ) in result.stderr


def test_our_jsonl_keeps_a_span_without_a_value_as_it_is(tmp_path: Path) -> None:
    start, end, _label = at("ninety-five", "count")
    span = {"id": "s1", "start": start, "end": end, "label": "count", "text": "ninety-five"}
    row = record("x", "d", spans=[span], status="in_progress", text=TEXT)
    row.update(text=TEXT, meta={})  # a line of `export --format jsonl --with-text`
    source = tmp_path / "e.jsonl"
    source.write_bytes(orjson.dumps(row) + b"\n")
    records = tmp_path / "r.jsonl"
    result = cli("import", source, "--format", "jsonl", "-o", tmp_path / "c.jsonl",
                 "--annotations", records, "--annotator", "a",
                 "--scheme", "prisoner_exchange")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert spans(records) == [("ninety-five", "count", None)]
    assert "read from the spans' words" not in result.stderr
