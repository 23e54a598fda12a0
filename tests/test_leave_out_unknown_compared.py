"""agree, diff, merge and review on journals holding what the scheme given does not know (a
label removed, a choice renamed since): without ``--leave-out-unknown`` refused in one line
counting every part in every journal, with the ways forward; with it, compared and merged
without them, each part said, as export leaves them out (``journals_kept``).

A trial's agree under a scheme that removed a label named the first span of it in one journal
and no way forward; once an annotator chose the renamed choice, no scheme took the journals."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import build_parser
from annotator.core.agreement import agreement_of_files
from annotator.core.compare import load_comparison
from annotator.core.corpus import open_corpus
from annotator.core.diff import diff_of_files
from annotator.core.errors import AnnotatorError
from annotator.core.merge import merged_data
from annotator.core.review_open import open_review
from annotator.core.scheme import Scheme, load_chosen_scheme
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    TEXT,
    record,
    run_cli,
    span,
    write_corpus,
    write_journal,
)

NOW = "2025-08-24T10:00:00Z"
# "Sunday" in TEXT, marked with a label the scheme no longer has.
MEDIATOR = span("m1", 60, 66, "mediator")
ALICE_FORM = {"number": 146, "releases": [{"released_by": "Russia", "count": 146}]}
BOB_FORM = {"code": "2", "number": 12, "releases": [{"released_by": "Russia", "count": 146}]}


def write_scheme(folder: Path, toml: str = SCHEME_TOML) -> Path:
    path = folder / "v2.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def journals(folder: Path, kept: bool) -> list[Path]:
    """alice's and bob's journals on d1 and d2; ``kept``: as made under the scheme before,
    each record holding a span of ``mediator`` (a label removed since) and alice's d1 the
    choice ``code = 'six'`` (renamed since: not one of its choices)."""
    folder.mkdir(exist_ok=True)
    extra = [MEDIATOR] if kept else []
    alice_code = {"code": "six"} if kept else {}
    alice = [
        record("alice", "d1", spans=ALICE_SPANS + extra, form={**ALICE_FORM, **alice_code}),
        record("alice", "d2", spans=ALICE_SPANS[:2] + extra, form={"code": "1"}),
    ]
    bob = [
        record("bob", "d1", spans=BOB_SPANS + extra, form=BOB_FORM),
        record("bob", "d2", spans=BOB_SPANS[:1] + extra, form={"code": "1"}),
    ]
    return [
        write_journal(folder / "alice.jsonl", *alice),
        write_journal(folder / "bob.jsonl", *bob),
    ]


@pytest.fixture
def case(tmp_path: Path) -> dict[str, Any]:
    path = write_scheme(tmp_path)
    return {
        "scheme": load_chosen_scheme(str(path)),
        "scheme_path": path,
        "kept": journals(tmp_path / "kept", kept=True),
        "clean": journals(tmp_path / "clean", kept=False),
        "corpus": write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT}),
    }


def annotate_command(corpus: str | Path, scheme: Path, out: Path) -> str:
    """alice's annotate command, as the messages give it (shell-quoted)."""
    words = ["annotator", "annotate", str(corpus), "--annotator", "alice"]
    return shlex.join([*words, "--scheme", str(scheme), "--out", str(out)])


def without_notes(report: dict[str, Any]) -> dict[str, Any]:
    """The report but its notes and the journals' paths (kept/, clean/)."""
    return {key: value for key, value in report.items() if key not in ("notes", "files")}


def left_out_notes(files: list[Path], scheme: Path, doing: str = "compared") -> list[str]:
    alice, bob = files
    return [
        f"{alice}: left out value 'six' of code (1 record, line 1), not in scheme {scheme} "
        "(--leave-out-unknown)",
        f"{alice}: left out label 'mediator' (2 spans in 2 records, first line 1), not in "
        f"scheme {scheme} (--leave-out-unknown)",
        f"{bob}: left out label 'mediator' (2 spans in 2 records, first line 1), not in scheme "
        f"{scheme} (--leave-out-unknown)",
    ]


def test_agree_without_them_gives_the_figures_of_journals_without_them(
    case: dict[str, Any],
) -> None:
    scheme: Scheme = case["scheme"]
    left_out = agreement_of_files(case["kept"], scheme, leave_out_unknown=True)
    clean = agreement_of_files(case["clean"], scheme)
    assert without_notes(left_out) == without_notes(clean)
    assert left_out["notes"][:3] == left_out_notes(case["kept"], case["scheme_path"])
    assert left_out["notes"][3:] == clean["notes"]


def test_diff_without_them_gives_the_differences_of_journals_without_them(
    case: dict[str, Any],
) -> None:
    scheme: Scheme = case["scheme"]
    alice, bob = case["kept"]
    left_out = diff_of_files(alice, bob, scheme, leave_out_unknown=True)
    clean = diff_of_files(*case["clean"], scheme)
    # The journals' paths differ (kept/, clean/): the differences are the same.
    left_out_said = orjson.dumps(without_notes(left_out)).replace(b"/kept/", b"/clean/")
    assert left_out_said == orjson.dumps(without_notes(clean))
    assert left_out["differences"]  # something compared
    assert left_out["notes"][:3] == left_out_notes(case["kept"], case["scheme_path"])


def test_merge_without_them_is_the_gold_of_journals_without_them(case: dict[str, Any]) -> None:
    scheme: Scheme = case["scheme"]
    corpus = open_corpus(case["corpus"])
    kept = load_comparison(case["kept"], scheme, corpus, "merged", leave_out_unknown=True)
    clean = load_comparison(case["clean"], scheme, corpus, "merged")
    gold = list(merged_data(kept.units, scheme, "rita", None, NOW))
    assert gold == list(merged_data(clean.units, scheme, "rita", None, NOW))
    assert len(gold) == 2
    assert b"mediator" not in orjson.dumps(gold)
    expected = left_out_notes(case["kept"], case["scheme_path"], "merged")
    assert kept.notes[:3] == expected


def test_without_the_option_every_part_of_every_journal_is_counted_with_the_ways_forward(
    case: dict[str, Any],
) -> None:
    alice, bob = case["kept"]
    mine = case["scheme_path"]
    with pytest.raises(AnnotatorError) as refused:
        agreement_of_files(case["kept"], case["scheme"])
    validate = shlex.join(["annotator", "validate", "--scheme", str(mine), str(alice), str(bob)])
    annotate = annotate_command("CORPUS", mine, alice.parent)
    assert str(refused.value) == (
        f"{alice} holds value 'six' of code (1 record, line 1) and label 'mediator' (2 spans "
        f"in 2 records, first line 1); {bob} holds label 'mediator' (2 spans in 2 records, first "
        f"line 1): not in scheme {mine} (its labels: actor, count, date, releasee; code's "
        "choices: 1, 2, 3, 4, 5), made under another scheme and kept as they are, so nothing "
        "was compared. Ways forward: --leave-out-unknown (compared without them, each said), or "
        "--scheme FILE, the scheme they were made with, if one knows all of it; "
        f"{validate} lists every line; a choice value it does not take (renamed since?) can be "
        "chosen anew in annotate, which keeps it till then, the field shown empty: alice: "
        f"annotate opens {alice.parent / 'annotations' / 'alice.jsonl'}, not {alice}: move it "
        f"there, then: {annotate} (CORPUS: the folder or file of the articles annotated in {alice})"
    )


def test_only_the_latest_record_counts(case: dict[str, Any], tmp_path: Path) -> None:
    """A later line without the label sets the document right: nothing said of it."""
    alice, bob = case["clean"]
    before = record("alice", "d1", spans=[*ALICE_SPANS, MEDIATOR], form=ALICE_FORM)
    lines = [orjson.dumps(before) + b"\n", alice.read_bytes()]
    redone = tmp_path / "alice.jsonl"
    redone.write_bytes(b"".join(lines))
    report = agreement_of_files([redone, bob], case["scheme"])
    assert not any("mediator" in note for note in report["notes"])


def test_a_done_record_left_without_a_required_field_is_left_out_named(
    case: dict[str, Any], tmp_path: Path
) -> None:
    toml = SCHEME_TOML.replace(
        'name = "code"\ntype = "choice"', 'name = "code"\ntype = "choice"\nrequired = true'
    )
    assert toml != SCHEME_TOML
    path = write_scheme(tmp_path, toml)
    scheme = load_chosen_scheme(str(path))
    alice, bob = case["kept"]
    # Every record but alice's d1 has a code: hers is 'six', left out whole.
    fixed = [orjson.loads(line) for line in bob.read_bytes().splitlines()]
    fixed[0]["form"]["code"] = "2"
    write_journal(bob, *fixed)
    report = agreement_of_files([alice, bob], scheme, leave_out_unknown=True)
    assert report["documents"] == 1  # d2 only: d1 is done by bob alone
    assert (
        f"{alice}: left out value 'six' of code (1 record, line 1), not in scheme {path} "
        "(--leave-out-unknown); code is required: 1 done record(s) left without it are not "
        "compared"
    ) in report["notes"]
    annotate = annotate_command("CORPUS", path, alice.parent)
    assert (
        f"{alice}: left out 1 done record(s) that --leave-out-unknown leaves without a required "
        f"field: d1 (line 1: code); to have it compared, its annotator chooses a value scheme "
        f"{path} takes in annotate, which keeps the old one till then: alice: annotate opens "
        f"{alice.parent / 'annotations' / 'alice.jsonl'}, not {alice}: move it there, then: "
        f"{annotate} (CORPUS: the folder or file of the articles annotated in {alice})"
    ) in report["notes"]
    assert "done by one annotator only, so left out: bob 1 (d1)" in report["notes"]


def test_other_problems_of_a_record_are_still_refused(case: dict[str, Any]) -> None:
    alice, bob = case["kept"]
    bad = record("alice", "d2", spans=[MEDIATOR], form={"code": "1", "number": "many"})
    with alice.open("ab") as handle:
        handle.write(orjson.dumps(bad) + b"\n")
    with pytest.raises(AnnotatorError) as refused:
        agreement_of_files([alice, bob], case["scheme"], leave_out_unknown=True)
    assert str(refused.value).startswith(f"{alice}:3: form.number: ")


def test_review_opens_on_the_records_without_them(case: dict[str, Any], tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    with pytest.raises(AnnotatorError, match="--leave-out-unknown"):
        open_review(case["kept"], case["corpus"], gold, "rita", scheme_path=case["scheme_path"])
    assert not gold.exists()
    session = open_review(
        case["kept"],
        case["corpus"],
        gold,
        "rita",
        scheme_path=case["scheme_path"],
        now=lambda: NOW,
        leave_out_unknown=True,
    )
    try:
        assert [f"note: {note}" for note in left_out_notes(case["kept"], case["scheme_path"])] == [
            message for message in session.messages if message.endswith("(--leave-out-unknown)")
        ]
        assert len(session.annotations) == 2
        assert all(
            span.label != "mediator"
            for records in session.annotations.values()
            for one in records.values()
            for span in one.span_lines
        )
    finally:
        assert session.close()
    assert b"mediator" not in gold.read_bytes()


# The command line: the option, its notes on stderr, and its refusal without --scheme.


@pytest.mark.parametrize("name", ["agree", "diff", "merge"])
def test_the_commands_take_the_option_and_say_what_they_left_out(
    case: dict[str, Any], tmp_path: Path, name: str
) -> None:
    extra: list[str | Path] = ["-o", tmp_path / "gold.jsonl"] if name == "merge" else []
    extra += ["--json"] if name != "merge" else []
    args = [name, *case["kept"], *extra, "--scheme", case["scheme_path"]]
    result = run_cli(*args, "--leave-out-unknown")
    assert result.returncode == 0, result.stderr
    doing = "merged" if name == "merge" else "compared"
    notes = [f"note: {note}" for note in left_out_notes(case["kept"], case["scheme_path"], doing)]
    said = result.stderr.splitlines()
    assert said[said.index(notes[0]) : said.index(notes[0]) + 3] == notes
    gold = tmp_path / "gold.jsonl"
    written = gold.read_bytes() if name == "merge" else None
    assert written is None or b"mediator" not in written
    refused = run_cli(*args)
    assert refused.returncode == 1
    assert "Ways forward: --leave-out-unknown" in refused.stderr
    assert (gold.read_bytes() if name == "merge" else None) == written  # nothing written


@pytest.mark.parametrize("name", ["agree", "diff", "merge", "review"])
def test_the_option_without_a_scheme_is_refused(
    case: dict[str, Any], tmp_path: Path, name: str
) -> None:
    extra: list[str | Path] = []
    if name in ("merge", "review"):
        extra = ["-o", tmp_path / "gold.jsonl"]
    if name == "review":
        extra += ["--corpus", case["corpus"]]
    result = run_cli(name, *case["kept"], *extra, "--leave-out-unknown")
    assert result.returncode == 2
    doing = "merged" if name in ("merge", "review") else "compared"
    assert result.stderr.endswith(
        "annotator: error: --leave-out-unknown: give the --scheme whose unknowns to leave out, "
        f"the one the journals are {doing} under\n"
    )


def test_the_annotate_command_given_runs_as_it_stands(tmp_path: Path) -> None:
    """Pasted as it is, annotate opens the journal that holds the value, under the scheme
    given, on the corpus given (a trial's lacked corpus, name and folder)."""
    path = write_scheme(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    folder = tmp_path / "project" / "annotations"
    folder.mkdir(parents=True)
    alice = write_journal(folder / "alice.jsonl", record("alice", form={"code": "six"}))
    bob = write_journal(folder / "bob.jsonl", record("bob", form={"code": "1"}))
    scheme = load_chosen_scheme(str(path))
    with pytest.raises(AnnotatorError) as refused:
        load_comparison([alice, bob], scheme, open_corpus(corpus), "merged")
    said = str(refused.value)
    command = said.rpartition("alice: ")[2]
    words = shlex.split(command)
    assert words[:2] == ["annotator", "annotate"]
    args = build_parser().parse_args(words[1:])
    assert (args.corpus, args.annotator, args.scheme) == (str(corpus), "alice", str(path))
    assert Path(args.out) / "annotations" / "alice.jsonl" == alice


def test_a_value_not_allowed_gives_the_whole_annotate_command(tmp_path: Path) -> None:
    """A count made text (no part to leave out): refused at its line, with the command."""
    toml = SCHEME_TOML.replace(
        'name = "number"\ntype = "integer"', 'name = "number"\ntype = "text"'
    )
    assert toml != SCHEME_TOML
    path = write_scheme(tmp_path, toml)
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    folder = tmp_path / "annotations"
    folder.mkdir()
    alice = write_journal(folder / "alice.jsonl", record("alice", form={"number": 3}))
    bob = write_journal(folder / "bob.jsonl", record("bob", form={"number": "3"}))
    with pytest.raises(AnnotatorError) as refused:
        load_comparison([alice, bob], load_chosen_scheme(str(path)), open_corpus(corpus))
    annotate = annotate_command(corpus, path, tmp_path)
    assert str(refused.value).startswith(f"{alice}:1: form.number: 3 is not text: ")
    assert str(refused.value).endswith(
        f"its annotator chooses or types another in annotate, which keeps it till then: {annotate}"
    )
