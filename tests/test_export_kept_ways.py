"""How ``--leave-out-unknown``'s line on done records left out says to give them a value the
scheme takes, for a gold file and for a journal. A trial's line said "give each a value
scheme detention_v2.toml takes to export it", and not how: a gold record is given one by its
review merging the document anew from its annotators' records (it has no conflict left to
settle the field), a journal's record by its annotator in annotate."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.export import export_records
from annotator.core.scheme import Scheme
from tests.test_agreement_data import record, run_cli, write_journal
from tests.test_export_kept import TEXT
from tests.test_export_kept import case as case  # the fixture


def _left_out_line(source: Path, corpus: Path, scheme: Scheme, out: Path) -> str:
    said: list[str] = []
    export_records(
        source, "jsonl", out, corpus=corpus, scheme=scheme, on_warning=said.append,
        leave_out_unknown=True,
    )  # fmt: skip
    (line,) = [one for one in said if "done record(s) that --leave-out-unknown" in one]
    return line


def test_a_gold_file_says_the_review_merges_the_document_anew(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    _journal, corpus, old, new = case
    # d2 agreed on sit_in under the old scheme, gold done; renamed occupation since.
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, "d1", form={"protest_type": "march"}, text=TEXT),
            record(name, "d2", form={"protest_type": "sit_in"}, text=TEXT),
        )
        for name in ("alice", "bob")
    ]
    gold = tmp_path / "gold.jsonl"
    scheme = old.source or ""
    merged = run_cli("merge", *journals, "-o", gold, "--reviewer", "rita", "--scheme", scheme)
    assert merged.returncode == 0, merged.stderr
    line = _left_out_line(gold, corpus, new, tmp_path / "out.jsonl")
    assert line == (
        f"{gold}: left out 1 done record(s) that --leave-out-unknown leaves without a required "
        f"field: d2 (line 2: protest_type); to export each, give it a value scheme "
        f"{new.chosen_file} takes: {gold} is a gold file: open its review (annotator review "
        f"JOURNAL... --corpus PATH -o {gold} --scheme {new.chosen_file}), then l, then ctrl+r "
        "twice on the document merges it anew from its annotators' records (where they hold "
        "the old value too, their annotators choose one in annotate first)"
    )


def test_a_journal_says_its_annotator_chooses_one_in_annotate(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    line = _left_out_line(journal, corpus, new, tmp_path / "out.jsonl")
    assert line.endswith(
        f"d2 (line 3: protest_type); to export each, give it a value scheme {new.chosen_file} "
        f"takes: its annotator chooses one in annotate with --scheme {new.chosen_file} (the "
        "field shows empty till then, the value kept)"
    )
