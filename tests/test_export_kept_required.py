"""``--leave-out-unknown`` and a done record's required field: a done record that leaving out
a value (a choice renamed) leaves without a required field is not exported, since it would
fail the scheme it goes out under; it is named with the field in one line, counted, and the
export goes on with the rest (exit 0, as for a record left out for its status)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.export_result import NothingSelected
from annotator.core.scheme import Scheme
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_export_kept import TEXT, record
from tests.test_export_kept import case as case  # the fixture


def test_a_record_not_done_goes_out_without_the_values_left_out(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    lines = journal.read_bytes().splitlines(keepends=True)
    d2 = {**orjson.loads(lines[2]), "status": "in_progress"}  # its required field may wait
    journal.write_bytes(b"".join(lines[:2]) + orjson.dumps(d2) + b"\n" + lines[3])
    out = tmp_path / "out.jsonl"
    said: list[str] = []
    result = export_records(
        journal, "jsonl", out, corpus=corpus, scheme=new, on_warning=said.append,
        leave_out_unknown=True, status="done,in_progress",
    )  # fmt: skip
    assert result.documents == 3
    assert not [line for line in said if "required" in line]
    rows = {row["doc_id"]: row for row in map(orjson.loads, out.read_bytes().splitlines())}
    assert rows["d2"]["form"] == {"demands": [{}]}


def test_done_records_left_without_a_required_field_are_named_and_counted(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    texts = {f"e{n}": TEXT for n in range(1, 8)}
    corpus = write_corpus(tmp_path, {"d1": TEXT, **texts})
    write_journal(
        journal,
        record("d1", {"protest_type": "march"}),
        *(record(doc_id, {"protest_type": "sit_in"}) for doc_id in texts),
    )
    said: list[str] = []
    result = export_records(
        journal, "jsonl", tmp_path / "out.jsonl", corpus=corpus, scheme=new,
        on_warning=said.append, leave_out_unknown=True,
    )  # fmt: skip
    assert result.documents == 1
    assert said[-1] == (
        f"{journal}: left out 7 done record(s) that --leave-out-unknown leaves without a "
        "required field: e1 (line 2: protest_type), e2 (line 3: protest_type), e3 (line 4: "
        "protest_type), e4 (line 5: protest_type), e5 (line 6: protest_type) and 2 more; to "
        f"export each, give it a value scheme {new.chosen_file} takes: its annotator chooses "
        f"one in annotate with --scheme {new.chosen_file} (the field shows empty till then, "
        "the value kept)"
    )


def test_when_every_record_is_left_out_nothing_is_written_and_the_line_says_why(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    write_journal(
        journal,
        record("d1", {"protest_type": "march"}, status="in_progress"),
        record("d2", {"protest_type": "sit_in", "demands": [{"kind": "violent"}]}),
    )
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"an earlier export\n")
    with pytest.raises(NothingSelected) as raised:
        export_records(
            journal, "jsonl", out, corpus=corpus, scheme=new, leave_out_unknown=True,
        )  # fmt: skip
    assert str(raised.value) == (
        f"{journal}: no records with status done to export (left out 1 document(s) whose "
        "status is not done: 1 in progress; --status done,in_progress exports them too; left "
        "out 1 done record(s) that --leave-out-unknown leaves without a required field: d2 "
        "(line 2: protest_type)); nothing was written"
    )
    assert out.read_bytes() == b"an earlier export\n"
