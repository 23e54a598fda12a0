"""``annotator agree``'s tables show an invisible character in an annotator's name or a
document id as its escape (``⟨U+202E⟩``), as diff does. Written raw, the U+202E of "b\u202eob"
reversed the rest of its row in a terminal (the pairs' header, the lowest documents' rows,
figures and rules with them, and the notes under them), and a zero-width space made two ids
read alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_agree_tables_cli import agree
from tests.test_agreement_data import ALICE_SPANS, BOB_SPANS, record, write_journal, write_scheme

BOB = "b\u202eob"
DOC = "d\u200b9"
SOLO = "solo\u202e1"  # bob's alone: left out, said in a note


@pytest.mark.parametrize("columns", [80, 120])
def test_names_and_ids_show_their_invisible_characters(tmp_path: Path, columns: int) -> None:
    files = [
        write_journal(
            tmp_path / f"{file}.jsonl",
            record(annotator, "z1", spans=spans, form={"code": "1"}),
            record(annotator, DOC, spans=spans, form={"code": code}),
            *([record(BOB, SOLO, spans=spans)] if annotator == BOB else []),
        )
        for file, annotator, spans, code in (
            ("alice", "alice", ALICE_SPANS, "1"),
            ("bob", BOB, BOB_SPANS, "2"),
        )
    ]
    out = agree(tmp_path, columns, "--scheme", write_scheme(tmp_path), *files)
    assert "\u202e" not in out and "\u200b" not in out
    pairs = out[out.index("Pairs") : out.index("Form fields")]
    assert "b⟨U+202E⟩ob" in pairs  # the header of bob's column
    assert "0.250 / 0.500" in pairs  # alice's row still finds the pair under the shown name
    lowest = out[out.index("Lowest agreement") :]
    assert "d⟨U+200B⟩9" in lowest
    assert lowest.count("alice, b⟨U+202E⟩ob") == 2
    said = "note: done by one annotator only, so left out: b⟨U+202E⟩ob 1 (solo⟨U+202E⟩1)"
    assert said in " ".join(lowest.split())
