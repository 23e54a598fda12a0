"""``export`` without ``--scheme`` checks a record's form against the default scheme as
validate does, when the record holds nothing that scheme lacks (else it is taken for another
scheme's, and goes out as it is).

It checked one problem only, a list left null (``null_lists``): a journal whose event_type was
a choice the default scheme lacks (``"swap"``), or whose release count was words, went out as it
was, though ``annotator validate`` refused the line. Now export refuses any such form, in one
line naming the file, the line and the field, in validate's words, and writes nothing; it says
the default scheme was the one checked against, as a record of a copy of it that added a choice
is refused too until that copy is given with ``--scheme``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import main
from annotator.core.scheme import default_scheme_path
from annotator.core.validate import validate_files
from tests.test_list_missing_data import SCHEME, open_case, trial, write_case

CHOICES = (
    "('exchange', 'unilateral_release', 'repatriation_of_remains', 'announcement' or "
    "'not_relevant')"
)
AGAINST = (
    " (checked against the default scheme prisoner_exchange: give the scheme the records were "
    "made with, --scheme FILE, if it is another)"
)


def journal_of(tmp_path: Path, **form: Any) -> tuple[Path, Path]:
    """The corpus and alice's journal, her form's fields set to ``form``."""
    records = trial()
    records["alice"]["form"].update(form)
    corpus, journals = write_case(tmp_path, records)
    return corpus, journals[0]


def test_a_choice_the_default_scheme_lacks_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, journal = journal_of(tmp_path, event_type="swap")
    said = f"{journal}:1: form.event_type: 'swap' is not one of its choices {CHOICES}"
    # validate's words, then its way forward (export gives its own: AGAINST)
    (validated,) = validate_files([journal], None, SCHEME)
    assert validated.startswith(f"{said} (scheme prisoner_exchange); ")
    out = tmp_path / "out.jsonl"
    for texts in ([], ["--corpus", str(corpus)]):
        words = ["export", str(journal), "--format", "jsonl", "-o", str(out), *texts]
        assert main(words) == 1
        assert capsys.readouterr().err == f"{said}{AGAINST}\n"
        assert not out.exists()


def test_a_count_of_words_in_gold_is_refused_with_the_others_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = open_case(tmp_path)
    assert session.close()
    gold = tmp_path / "gold.jsonl"
    line = orjson.loads(gold.read_bytes().splitlines()[-1])
    line["form"]["releases"] = [{"released_by": "Ostreva", "count": "twelve"}]
    line["form"]["event_type"] = "swap"
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")
    number = len(gold.read_bytes().splitlines())
    said = f"{gold}:{number}: form.event_type: 'swap' is not one of its choices {CHOICES}"
    assert any(line.startswith(said) for line in validate_files([gold], None, SCHEME))
    out = tmp_path / "out.jsonl"
    assert main(["export", str(gold), "--format", "jsonl", "--status", "all", "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"{said}{AGAINST} (and 1 more)\n"
    assert not out.exists()
    # The count alone: said in validate's words too.
    line["form"]["event_type"] = "exchange"
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")
    number += 1
    assert main(["export", str(gold), "--format", "jsonl", "--status", "all", "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"{gold}:{number}: form.releases.0.count: Input should be a valid integer{AGAINST}\n"
    )
    assert not out.exists()


def test_a_form_the_default_scheme_takes_is_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _corpus, journal = journal_of(tmp_path, event_type="exchange")
    assert validate_files([journal], None, SCHEME) == []
    out = tmp_path / "out.jsonl"
    assert main(["export", str(journal), "--format", "jsonl", "-o", str(out)]) == 0
    capsys.readouterr()
    assert orjson.loads(out.read_bytes())["form"]["event_type"] == "exchange"


def test_a_record_of_another_scheme_goes_out_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A field the default scheme lacks: another scheme's record, whose choices may differ.
    _corpus, journal = journal_of(tmp_path, event_type="swap", claims="none")
    out = tmp_path / "out.jsonl"
    assert main(["export", str(journal), "--format", "jsonl", "-o", str(out)]) == 0
    capsys.readouterr()
    assert orjson.loads(out.read_bytes())["form"]["event_type"] == "swap"


def test_a_record_of_a_copy_adding_a_choice_goes_out_with_that_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its fields are the default's: refused without --scheme, as the refusal says, and taken
    # with the copy it was made with.
    copy = tmp_path / "swaps.toml"
    text = (
        default_scheme_path()
        .read_text(encoding="utf-8")
        .replace('"exchange", ', '"exchange", "swap", ', 1)
    )
    copy.write_text(text.replace('guidelines = "prisoner_exchange.md"\n', ""), encoding="utf-8")
    _corpus, journal = journal_of(tmp_path, event_type="swap")
    out = tmp_path / "out.jsonl"
    words = ["export", str(journal), "--format", "jsonl", "-o", str(out)]
    assert main(words) == 1
    assert capsys.readouterr().err.endswith(f"{AGAINST}\n")
    assert main([*words, "--scheme", str(copy)]) == 0
    capsys.readouterr()
    assert orjson.loads(out.read_bytes())["form"]["event_type"] == "swap"
