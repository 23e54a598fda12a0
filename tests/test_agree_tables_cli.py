"""``annotator agree``'s tables in a terminal of 80 and 120 columns: the lowest documents'
ids whole (folded onto more lines rather than cut), cut in the middle only when too long for
three lines, the per-label footnote one line of its own, and the table's order ``lowest``'s."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.commands.agree_tables import (
    LABELS_FOOTNOTE,
    NO_FORM_FIELDS,
    lowest_widths,
    shown_id,
)
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    record,
    span,
    write_journal,
    write_scheme,
)

AFTER = "2024/news/europe/kessar-strait-sailors-freed-after-talks"
MARCH = "2024/news/europe/kessar-strait-sailors-freed-in-march"
RUSSIA = [span("s1", 0, 6, "actor")]


def journals(tmp_path: Path, ids: tuple[str, str]) -> list[Path]:
    first, second = ids
    return [
        write_journal(
            tmp_path / "alice.jsonl",
            record("alice", first, spans=ALICE_SPANS, form={"code": "1"}),
            record("alice", second, spans=RUSSIA, form={"code": "2"}),
            record("alice", "d1", spans=RUSSIA),
        ),
        write_journal(
            tmp_path / "bob.jsonl",
            record("bob", first, spans=BOB_SPANS, form={"code": "1"}),
            record("bob", second, spans=RUSSIA, form={"code": "1"}),
            record("bob", "d1", spans=RUSSIA),
        ),
    ]


def agree(tmp_path: Path, columns: int | None, *args: str | Path) -> str:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "agree", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def lowest_ids(out: str) -> list[str]:
    """The document cells of the lowest documents' table, a folded id's lines joined: a row
    begins where its score cell is filled."""
    table = out[out.index("Lowest agreement") :].splitlines()
    ids: list[str] = []
    for line in table:
        cells = line.split("│")
        if len(cells) < 4:
            continue
        piece, score = cells[1].strip(), cells[3].strip()
        if score:
            ids.append(piece)
        else:
            ids[-1] += piece
    return ids


@pytest.mark.parametrize("columns", [80, 120])
def test_ids_with_a_shared_start_are_shown_whole(tmp_path: Path, columns: int) -> None:
    files = journals(tmp_path, (AFTER, MARCH))
    out = agree(tmp_path, columns, *files, "--scheme", write_scheme(tmp_path))
    assert max(map(len, out.splitlines())) <= columns
    # AFTER: exact 0.25, form 1.0 (0.625); MARCH: exact 1.0, form 0.5 (0.75); d1: 1.0.
    assert lowest_ids(out) == [AFTER, MARCH, "d1"]
    if columns == 120:  # room enough: each id on one line
        assert any(AFTER in line for line in out.splitlines())
    # The footnote of the per-label table is one line of its own, not wrapped to the table.
    assert LABELS_FOOTNOTE in out.splitlines()
    footnote = out.splitlines().index(LABELS_FOOTNOTE)
    assert out.splitlines()[footnote - 1].startswith("└")  # right under the table
    assert "equal values of" not in out  # the old wording, "values: equal values of / spans…"


def test_the_table_lists_the_json_lowest_in_its_order(tmp_path: Path) -> None:
    files = journals(tmp_path, (AFTER, MARCH))
    scheme = write_scheme(tmp_path)
    report = orjson.loads(agree(tmp_path, None, *files, "--scheme", scheme, "--json"))
    assert report["lowest"] == [AFTER, MARCH, "d1"]
    scores = {row["doc_id"]: row["score"] for row in report["per_document"]}
    assert scores == {AFTER: 0.625, MARCH: 0.833333, "d1": 1.0}
    out = agree(tmp_path, 80, *files, "--scheme", scheme)
    assert lowest_ids(out) == report["lowest"]
    rows = [line for line in out.splitlines() if "│ alice, bob │" in line]
    assert [row.split("│")[3].strip() for row in rows] == ["0.625", "0.833", "1.000"]


def test_an_id_too_long_for_three_lines_is_cut_in_the_middle(tmp_path: Path) -> None:
    long_id = "2024/news/europe/" + "very-long-" * 8 + "kessar-strait-sailors-freed-after-talks"
    files = journals(tmp_path, (long_id, MARCH))
    out = agree(tmp_path, 80, *files, "--scheme", write_scheme(tmp_path))
    shown, *_ = lowest_ids(out)
    assert shown != long_id and "…" in shown
    head, tail = shown.split("…")
    assert long_id.startswith(head) and long_id.endswith(tail)
    assert tail.endswith("freed-after-talks")  # the end that tells it apart is kept


def test_the_id_column_takes_room_from_the_others_first() -> None:
    ids, names = [AFTER], ["alice, bob"]
    wide = lowest_widths(ids, names, 200)
    assert wide.document == len(AFTER) and wide.headers[1] == "exact F1"
    # At 120 the figure headers go onto two lines so that the id stays whole on one.
    at_120 = lowest_widths(ids, names, 120)
    assert at_120.document == len(AFTER) and at_120.headers[1] == "exact\nF1"
    # At 80 the id gets all that is left.
    at_80 = lowest_widths(ids, names, 80)
    assert at_80.document == 80 - 22 - (5 + 5 + 7 + 6 + 5) - len("annotators")
    assert shown_id(AFTER, at_80.document) == AFTER  # three lines hold it
    assert shown_id(AFTER, 10).endswith("after-talks")


def test_a_scheme_without_form_fields_says_so_in_one_line(tmp_path: Path) -> None:
    """A scheme of labels only printed a "Form fields" table of headers and no rows."""
    labels_only = tmp_path / "labels_only.toml"
    labels_only.write_text(SCHEME_TOML.split("[[fields]]")[0], encoding="utf-8")
    files = [
        write_journal(tmp_path / "alice.jsonl", record("alice", spans=ALICE_SPANS)),
        write_journal(tmp_path / "bob.jsonl", record("bob", spans=BOB_SPANS)),
    ]
    out = agree(tmp_path, 80, *files, "--scheme", labels_only).splitlines()
    assert [line for line in out if "Form fields" in line] == [NO_FORM_FIELDS]
    # In its place: after the pairs' table, before the lowest documents'.
    at = out.index(NO_FORM_FIELDS)
    assert out[at - 1].startswith("└") and "Lowest agreement" in out[at + 1]
    with_fields = agree(tmp_path, 80, *files, "--scheme", write_scheme(tmp_path))
    assert NO_FORM_FIELDS not in with_fields and "Form fields" in with_fields
