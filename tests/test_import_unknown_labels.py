"""Labels a ``--scheme`` lacks: the one refusal line names where the first one is (file, line,
field), then every unknown label with its count and the ``--map`` hint; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.models import sha256_text
from tests.test_agreement_data import run_cli as cli

KNOWN = "prisoner_exchange (actor, count, date, releasee)"
HINT = "rename them with --map OLD=NEW (NEW empty leaves them out)"


def refused(source: Path, fmt: str) -> str:
    out = source.parent / "o"
    result = cli(
        "import", source, "--format", fmt, "-o", out / "c.jsonl",
        "--annotations", out / "a.jsonl", "--scheme", "prisoner_exchange",
    )  # fmt: skip
    assert result.returncode == 1 and result.stdout == ""
    assert not out.exists()
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_doccano_names_the_line_and_entry_of_the_first_unknown_label(tmp_path: Path) -> None:
    source = tmp_path / "unk.jsonl"
    source.write_text(
        '{"text": "Kyiv freed 146 men.", "label": [[0, 4, "actor"]]}\n'
        '{"text": "Moscow freed 12.", "label": [[0, 6, "ACTORX"], [13, 15, "NUM"]]}\n'
        '{"text": "Kyiv again.", "label": [[0, 4, "ACTORX"]]}\n'
    )
    assert refused(source, "doccano") == (
        f"{source}:2: label.0: label ACTORX not in scheme {KNOWN}; "
        f"3 span(s) of 2 unknown label(s): ACTORX (2), NUM (1); {HINT}"
    )


@pytest.mark.parametrize("fmt", ["prodigy", "jsonl"])
def test_span_lists_name_the_span_of_the_first_unknown_label(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "unk.jsonl"
    span = '{"start": 0, "end": 4, "label": "ACTORX", "text": "Kyiv"}'
    if fmt == "prodigy":  # jsonl: our record lines with their text (export --with-text)
        line = f'{{"text": "Kyiv freed 146.", "answer": "accept", "spans": [{span}]}}'
    else:
        line = (
            '{"schema_version": 1, "doc_id": "d1", "annotator": "al", "status": "done", '
            f'"doc_sha256": "{sha256_text("Kyiv freed 146.")}", '
            f'"text": "Kyiv freed 146.", "spans": [{span[:1]}"id": "s1", {span[1:]}]}}'
        )
    source.write_text(line + "\n")
    assert refused(source, fmt) == (
        f"{source}:1: spans.0: label ACTORX not in scheme {KNOWN}; "
        f"1 span(s) of 1 unknown label(s): ACTORX (1); {HINT}"
    )


def test_brat_names_the_ann_file_and_line_not_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "b1"
    folder.mkdir()
    (folder / "d.txt").write_text("Kyiv freed 146 men.\n")
    (folder / "d.ann").write_text(
        "T1\tactor 0 4\tKyiv\nT2\tcount 11 14\t146\nT3\tmember 15 18\tmen\n"
    )
    assert refused(folder, "brat") == (
        f"{folder / 'd.ann'}:3: T3: label member not in scheme {KNOWN}; "
        f"1 span(s) of 1 unknown label(s): member (1); {HINT}"
    )
