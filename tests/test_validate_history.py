"""validate under a changed scheme: a line a later line of its document supersedes, which only
does not fit the scheme (a label removed, a choice renamed, a required field now missing), is
history, not a problem, said once per file with ``annotator compact``; what else is wrong stays
a problem on any line. A trial's annotators mended every latest record (agree, diff and merge
took them all) and validate still said ``12 problems found``, exit 1, naming the lines before
each mend and asking a journal of clean latest records for "the scheme it was made with"."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.scheme import load_scheme
from annotator.core.validate import validate_files
from annotator.core.validate_summary import problems_summary
from tests.conftest import make_record

# The scheme after the change: label ``mediator`` removed, choice ``one_way_release`` renamed
# ``unilateral``; ``outcome`` is required.
V2 = """name = "detention_release"
version = 2

[[labels]]
name = "actor"
key = "1"
color = "#1f77b4"

[[labels]]
name = "count"
key = "2"
color = "#ff7f0e"
value_type = "integer"

[[fields]]
name = "outcome"
type = "choice"
required = true
choices = ["swap", "unilateral", "talks_only"]

[[fields]]
name = "freed_names"
type = "list"
"""
CHOICES = "('swap', 'unilateral' or 'talks_only')"
OLD_CHOICE = f"'one_way_release' is not one of its choices {CHOICES}"
ACTOR = {"id": "s1", "start": 16, "end": 22, "label": "actor", "text": "Russia"}
MEDIATOR = {"id": "s2", "start": 27, "end": 34, "label": "mediator", "text": "Ukraine"}


def line(*spans: dict[str, Any], outcome: str | None = "unilateral", **changes: Any) -> Any:
    form = {} if outcome is None else {"outcome": outcome}
    return make_record(spans=list(spans), form=form, **changes)


def mended(write_jsonl: Callable[..., Path], name: str = "alice.jsonl") -> Path:
    """Document a's history under the old scheme, then mended: the last line fits."""
    return write_jsonl(
        name,
        line(ACTOR, MEDIATOR, outcome="one_way_release"),  # made under the old scheme
        line(ACTOR, MEDIATOR),  # the choice taken anew, the span not yet deleted
        line(ACTOR, status="done", outcome=None),  # done when outcome was not yet required
        line(ACTOR, outcome="one_way_release"),  # a ctrl+z back to the old choice
        line(ACTOR),  # mended
    )


def validate(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", "validate", *map(str, args)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip


def history_said(file: str, count: int, first: str, gold: bool = False) -> str:
    cost = (
        "a review's ctrl+z can then no longer undo earlier sessions' decisions"
        if gold
        else "the states they held are then gone for good, and span ids only they held may be "
        "given again"
    )
    return (
        f"{file}: {count} line(s) do not fit the scheme given, v2.toml, each superseded by a "
        "later line of its document: history, made under the scheme of its time, not a "
        f"problem (the first: {first}); annotator compact {file} drops history, keeping each "
        f"document's latest line ({cost})"
    )


def test_superseded_lines_that_only_do_not_fit_the_scheme_are_history_not_problems(
    write_jsonl: Callable[..., Path], tmp_path: Path, corpus_dir: Path
) -> None:
    mended(write_jsonl)
    (tmp_path / "v2.toml").write_text(V2, encoding="utf-8")
    result = validate(tmp_path, "alice.jsonl", "--corpus", "corpus", "--scheme", "v2.toml")
    first = "line 1, spans.1.label: unknown label 'mediator' (scheme v2.toml: actor, count)"
    assert result.stdout.splitlines() == [history_said("alice.jsonl", 4, first)]
    assert result.returncode == 0
    assert result.stderr == (
        "ok: 1 file(s) valid: alice.jsonl (journal); texts checked against the corpus corpus; "
        "1 file(s) hold history that does not fit the scheme (said above, no problem)\n"
    )


def test_which_scheme_a_journal_was_made_with_is_judged_by_its_latest_records(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    """Bob's earlier lines mostly hold the removed label; his latest record holds none: he was
    asked for the scheme his journal was made with."""
    write_jsonl("bob.jsonl", *[line(ACTOR, MEDIATOR) for _ in range(3)], line(ACTOR))
    (tmp_path / "v2.toml").write_text(V2, encoding="utf-8")
    result = validate(tmp_path, "bob.jsonl", "--scheme", "v2.toml")
    first = "line 1, spans.1.label: unknown label 'mediator' (scheme v2.toml: actor, count)"
    assert result.stdout.splitlines() == [history_said("bob.jsonl", 3, first)]
    assert result.returncode == 0


def test_what_is_wrong_on_any_line_stays_a_problem_on_a_superseded_one(
    write_jsonl: Callable[..., Path], tmp_path: Path, corpus_dir: Path
) -> None:
    """A span against the text, a link to an item the form lacks: not the scheme's change. Such
    a line is said whole, its unknown label too; the history beside it is counted."""
    wrong = {**MEDIATOR, "text": "WRONG"}
    links = {"links": {"freed_names": ["s1"]}}
    write_jsonl(
        "j.jsonl",
        line(ACTOR, MEDIATOR, outcome="one_way_release"),  # history
        line(ACTOR, wrong, outcome="one_way_release"),  # against the text: a problem
        line(ACTOR, outcome="one_way_release", **links),  # history (a list linked is fine)
        line(ACTOR),
    )
    (tmp_path / "v2.toml").write_text(V2, encoding="utf-8")
    result = validate(tmp_path, "j.jsonl", "--corpus", "corpus", "--scheme", "v2.toml")
    assert result.returncode == 1
    said = result.stdout.splitlines()
    assert said[:3] == [
        # Superseded: no way forward is said (mending the latest record mends no history).
        f"j.jsonl:2: form.outcome: {OLD_CHOICE}",
        "j.jsonl:2: spans.1.text: 'WRONG' does not match the text at 27..34: 'Ukraine'",
        "j.jsonl:2: spans.1.label: unknown label 'mediator' (scheme v2.toml: actor, count)",
    ]
    first = "line 1, spans.1.label: unknown label 'mediator' (scheme v2.toml: actor, count)"
    assert said[3:] == [history_said("j.jsonl", 2, first)]
    assert result.stderr == (
        "3 problems found; 1 file(s) hold history that does not fit the scheme (said above, no "
        "problem)\n"
    )


def test_a_latest_record_s_old_choice_and_label_name_the_way_forward(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    """As agree refuses them (record_check.SchemeCheck), without agree's pointer to validate:
    validate is saying them."""
    write_jsonl("alice.jsonl", line(ACTOR, MEDIATOR, outcome="one_way_release"))
    scheme = tmp_path / "v2.toml"
    scheme.write_text(V2, encoding="utf-8")
    said = validate_files([tmp_path / "alice.jsonl"], None, load_scheme(scheme))
    choice, label = said
    assert label.endswith(
        "spans.1.label: unknown label 'mediator' (scheme "
        f"{scheme}: actor, count); a label the scheme given does not have (changed since the "
        "record was made?); its annotator deletes or relabels those spans in annotate, which "
        "keeps them till then: annotate opens "
        f"{tmp_path / 'annotations' / 'alice.jsonl'}, not {tmp_path / 'alice.jsonl'}: move it "
        f"there, then: annotator annotate CORPUS --annotator alice --scheme {scheme} --out "
        f"{tmp_path} (CORPUS: the folder or file of the articles annotated in "
        f"{tmp_path / 'alice.jsonl'})"
    )
    assert choice.startswith(
        f"{tmp_path / 'alice.jsonl'}:1: form.outcome: {OLD_CHOICE}: a value the scheme given, "
        f"{scheme}, does not take (changed since the record was made?); "
    )
    assert "its annotator chooses or types" in choice
    assert "lists each with its lines" not in choice


def test_a_journal_of_another_scheme_alone_ends_with_its_count(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    """One problem (a label tallied) and the line asking for the scheme: the README promises
    the count on stderr, and the question is no problem."""
    write_jsonl(
        "bob.jsonl",
        line(ACTOR, MEDIATOR, doc_id="a"),
        line(ACTOR, MEDIATOR, doc_id="b"),
        line(ACTOR, doc_id="c"),
    )
    (tmp_path / "v2.toml").write_text(V2, encoding="utf-8")
    result = validate(tmp_path, "bob.jsonl", "--scheme", "v2.toml")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        "bob.jsonl: most lines hold labels or fields not in the scheme given, v2.toml: is it "
        "the scheme this journal was made with?"
    )
    assert result.stderr == "1 problem found\n"


def test_one_problem_alone_is_its_own_message() -> None:
    assert problems_summary(1, []) is None
    assert problems_summary(1, [], more=True) == "1 problem found"
    assert problems_summary(2, [], history=1) == (
        "2 problems found; 1 file(s) hold history that does not fit the scheme (said above, no "
        "problem)"
    )


def test_history_of_a_journal_taken_for_another_scheme_s_does_not_point_at_compact(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    """Its latest records do not fit either: the scheme is what is asked for, and compact
    would mend nothing."""
    (tmp_path / "v2.toml").write_text(V2.replace('"actor"', '"party"'), encoding="utf-8")
    write_jsonl("bob.jsonl", line(ACTOR), line(ACTOR), line(ACTOR, doc_id="b"))
    result = validate(tmp_path, "bob.jsonl", "--scheme", "v2.toml")
    said = result.stdout.splitlines()
    assert said[-2:] == [
        "bob.jsonl: most lines hold labels or fields not in the scheme given, v2.toml: is it "
        "the scheme this journal was made with?",
        "bob.jsonl: 1 line(s) superseded by a later line of their document do not fit the "
        "scheme given, v2.toml, either (the first: line 1, spans.0.label: unknown label "
        "'actor' (scheme v2.toml: party, count)): history, not listed; its latest records are "
        "asked about above",
    ]
    assert "compact" not in result.stdout
    assert result.stderr.startswith("1 problem found; ")
