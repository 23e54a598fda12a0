"""``annotator stats --scheme``: a lead who adds ``--scheme`` to every command had stats refuse
it (a usage error, exit 2). Its spans-per-label table is what a scheme speaks of: with one,
the labels are the scheme's, in its order (one no one marked counted 0), and those it lacks,
kept from another scheme (a label dropped since), come after, marked and said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import main
from annotator.core.models import sha256_text
from tests.test_agreement_data import write_journal

TEXT = "Kestria freed 12 fishermen on Monday through Norvania's envoy."
SCHEME = """\
name = "detention_release"

[[labels]]
name = "party"
key = "1"
color = "#4e79a7"

[[labels]]
name = "headcount"
key = "2"
color = "#f28e2b"
value_type = "integer"

[[labels]]
name = "day"
key = "3"
color = "#59a14f"
"""


def span(number: int, words: str, label: str) -> dict[str, Any]:
    start = TEXT.index(words)
    end = start + len(words)
    return {"id": f"s{number}", "start": start, "end": end, "label": label, "text": words}


def journal(tmp_path: Path) -> Path:
    """alice's record: a party, a headcount and a mediator (a label the scheme dropped)."""
    record = {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": "alice",
        "status": "done",
        "spans": [
            span(1, "Kestria", "party"),
            {**span(2, "12", "headcount"), "value": 12},
            span(3, "Norvania", "mediator"),
        ],
        "form": {},
    }
    return write_journal(tmp_path / "alice.jsonl", record)


@pytest.fixture
def given(tmp_path: Path) -> tuple[Path, Path]:
    scheme = tmp_path / "detention_v2.toml"
    scheme.write_text(SCHEME, encoding="utf-8")
    return journal(tmp_path), scheme


def test_the_table_follows_the_scheme_and_marks_a_label_it_lacks(
    given: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, scheme = given
    assert main(["stats", str(path), "--scheme", str(scheme)]) == 0
    out = capsys.readouterr().out
    table = out[out.index("Spans per label") :]
    rows = [line for line in table.splitlines() if "annotator" in line or "alice" in line]
    assert [cell.strip() for cell in rows[0].strip("┃").split("┃")] == [
        "annotator", "party", "headcount", "day", "mediator*",
    ]  # fmt: skip
    assert [cell.strip() for cell in rows[1].strip("│").split("│")] == [
        "alice", "1", "1", "0", "1",
    ]  # fmt: skip
    assert f"*: not in scheme {scheme.name}" in table


def test_json_names_the_scheme_and_the_labels_it_lacks(
    given: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, scheme = given
    assert main(["stats", str(path), "--scheme", str(scheme), "--json"]) == 0
    report = orjson.loads(capsys.readouterr().out)
    assert report["scheme"] == {
        "name": "detention_release",
        "file": str(scheme),
        "labels": ["party", "headcount", "day"],
        "labels_not_in_scheme": ["mediator"],
    }
    assert report["annotators"]["alice"]["spans"] == {"headcount": 1, "mediator": 1, "party": 1}


def test_without_a_scheme_the_table_is_as_before(
    given: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _scheme = given
    assert main(["stats", str(path)]) == 0
    out = capsys.readouterr().out
    assert "*" not in out
    assert "not in scheme" not in out
    assert "day" not in out  # a label no one marked: no column without a scheme


def test_a_scheme_that_cannot_be_read_is_one_line(
    given: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, scheme = given
    missing = scheme.with_name("nowhere.toml")
    assert main(["stats", str(path), "--scheme", str(missing)]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert len(said.err.splitlines()) == 1 and "nowhere.toml" in said.err
