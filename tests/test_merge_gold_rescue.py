"""merge over a gold file whose review decisions wait in a rescue file: refused, --force or
not, nothing written. A trial's merge replaced such a file ("no review decisions in it"), and
the next review refused to open over the rescue file left behind."""

from __future__ import annotations

import shlex
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.merge import merge_files
from annotator.core.store_rescue import rescue_name
from tests.test_agreement_data import record, scheme, span, write_journal


def merged(tmp_path: Path) -> tuple[list[Path], Path]:
    files = [
        write_journal(tmp_path / "alice.jsonl", record("alice", spans=[span("s1", 0, 6, "actor")])),
        write_journal(tmp_path / "bob.jsonl", record("bob", spans=[])),
    ]
    gold = tmp_path / "gold.jsonl"
    merge_files(files, gold, scheme(tmp_path), "rita")
    return files, gold


@pytest.mark.parametrize("force", [False, True])
def test_a_gold_file_with_a_rescue_file_pending_is_not_replaced(
    tmp_path: Path, home: Path, force: bool
) -> None:
    files, gold = merged(tmp_path)
    decided = orjson.loads(gold.read_bytes().splitlines()[-1])
    decided.update(conflicts=[], status="done", seconds_spent=3.5)  # the decision not written
    rescue = home / rescue_name(gold)
    rescue.write_bytes(orjson.dumps(decided) + b"\n")
    before = gold.read_bytes()
    with pytest.raises(AnnotatorError) as refused:
        merge_files(files, gold, scheme(tmp_path), "rita", force=force)
    path = shlex.quote(str(rescue))
    assert str(refused.value) == (
        f"{gold}: its rescue file {rescue} (1 review decision a review could not write) is not "
        "in it yet: replaced now, they would be left behind; run `annotator review` writing it "
        f"first (which appends the file), or set the file aside (mv {path} {path}.kept), then "
        "merge (nothing was written)"
    )
    assert gold.read_bytes() == before
    assert sorted(home.iterdir()) == [rescue]


def test_a_rescue_file_already_in_the_gold_file_is_no_bar(tmp_path: Path, home: Path) -> None:
    files, gold = merged(tmp_path)
    last = gold.read_bytes().splitlines()[-1]
    (home / rescue_name(gold)).write_bytes(last + b"\n")  # its line is in the file already
    summary = merge_files(files, gold, scheme(tmp_path), "rita")
    assert summary["documents"] == 1
