"""Merging annotators into gold: accepted spans and fields, conflicts, the gold file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.compare import load_comparison
from annotator.core.errors import AnnotatorError
from annotator.core.goldfile import read_gold
from annotator.core.lock import JournalLock
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    record,
    run_cli,
    scheme,
    span,
    write_journal,
)


def merged(
    tmp_path: Path, *journals: list[dict[str, Any]], min_agree: int | None = None
) -> list[GoldRecord]:
    files = [
        write_journal(tmp_path / f"j{number}.jsonl", *records)
        for number, records in enumerate(journals)
    ]
    test_scheme = scheme(tmp_path)
    comparison = load_comparison(files, test_scheme)
    return list(merge_units(comparison.units, test_scheme, "rita", min_agree))


def test_full_agreement_is_done_gold(tmp_path: Path) -> None:
    form = {"code": "1", "releases": [{"released_by": "Russia", "count": 146}]}
    links = {"releases[0].count": ["s2"], "releases[0].released_by": ["s1"]}
    alice = record("alice", spans=ALICE_SPANS, form=form, links=links)
    # bob's span ids differ; his releases text has other spacing (normalised: the same).
    bob_spans = [dict(one, id=f"b{n}") for n, one in enumerate(reversed(ALICE_SPANS))]
    bob_form = {"code": "1", "releases": [{"released_by": " Russia", "count": 146}]}
    (gold,) = merged(tmp_path, [alice], [record("bob", spans=bob_spans, form=bob_form)])
    assert gold.status == "done"
    assert gold.annotator == "rita"
    assert gold.conflicts == []
    # New ids in document order: Russia 0-6, 146 13-16, prisoners 17-26, Ukraine 31-38.
    assert [(s.id, s.start, s.end, s.label) for s in gold.spans] == [
        ("s1", 0, 6, "actor"),
        ("s2", 13, 16, "count"),
        ("s3", 17, 26, "releasee"),
        ("s4", 31, 38, "actor"),
    ]
    assert gold.spans[1].value == 146
    assert gold.sources.annotators == ["alice", "bob"]
    assert gold.sources.spans == {f"s{n}": ["alice", "bob"] for n in range(1, 5)}
    # The first annotator's answer as written; her links mapped to gold ids
    # (alice's s2 = count 13-16 = gold s2, her s1 = Russia = gold s1).
    assert gold.form == {"code": "1", "releases": [{"released_by": "Russia", "count": 146}]}
    assert gold.links == {"releases[0].count": ["s2"], "releases[0].released_by": ["s1"]}


def test_disagreements_become_conflicts(tmp_path: Path) -> None:
    (gold,) = merged(
        tmp_path,
        [record("alice", spans=ALICE_SPANS, form={"code": "1"})],
        [record("bob", spans=BOB_SPANS, form={"code": "2"})],
    )
    assert gold.status == "in_progress"
    assert [(s.id, s.start, s.end) for s in gold.spans] == [("s1", 0, 6)]  # only Russia
    assert "code" not in gold.form
    # Regions of overlapping left-over spans: 13-26 (alice's 146 and prisoners, bob's
    # "146 prisoners"), 31-38 (Ukraine, two labels), 45-47 (bob's "12", alice nothing).
    assert gold.conflicts == [
        {
            "id": "c1",
            "kind": "span",
            "region": [13, 26],
            "versions": [
                {
                    "spans": [
                        {"start": 13, "end": 16, "label": "count", "text": "146", "value": 146},
                        {
                            "start": 17,
                            "end": 26,
                            "label": "releasee",
                            "text": "prisoners",
                            "value": None,
                        },
                    ],
                    "annotators": ["alice"],
                },
                {
                    "spans": [
                        {
                            "start": 13,
                            "end": 26,
                            "label": "count",
                            "text": "146 prisoners",
                            "value": 146,
                        }
                    ],
                    "annotators": ["bob"],
                },
            ],
        },
        {
            "id": "c2",
            "kind": "span",
            "region": [31, 38],
            "versions": [
                {
                    "spans": [
                        {"start": 31, "end": 38, "label": "actor", "text": "Ukraine", "value": None}
                    ],
                    "annotators": ["alice"],
                },
                {
                    "spans": [
                        {
                            "start": 31,
                            "end": 38,
                            "label": "releasee",
                            "text": "Ukraine",
                            "value": None,
                        }
                    ],
                    "annotators": ["bob"],
                },
            ],
        },
        {
            "id": "c3",
            "kind": "span",
            "region": [45, 47],
            "versions": [
                {"spans": [], "annotators": ["alice"]},
                {
                    "spans": [
                        {"start": 45, "end": 47, "label": "count", "text": "12", "value": 12}
                    ],
                    "annotators": ["bob"],
                },
            ],
        },
        {
            "id": "c4",
            "kind": "field",
            "path": "code",
            "versions": [
                {"value": "1", "annotators": ["alice"]},
                {"value": "2", "annotators": ["bob"]},
            ],
        },
    ]


def test_a_different_value_is_a_conflict(tmp_path: Path) -> None:
    (gold,) = merged(
        tmp_path,
        [record("alice", spans=[span("s1", 13, 16, "count", 146)])],
        [record("bob", spans=[span("s1", 13, 16, "count", 145)])],
    )
    assert gold.spans == []
    assert [v["spans"][0]["value"] for v in gold.conflicts[0]["versions"]] == [146, 145]


def test_min_agree_two_of_three(tmp_path: Path) -> None:
    russia = span("s1", 0, 6, "actor")
    wider = span("s1", 0, 12, "actor")
    journals = (
        [record("alice", spans=[russia], form={"code": "1", "number": 3})],
        [record("bob", spans=[russia], form={"code": "1", "number": 4})],
        [record("carol", spans=[wider], form={"code": "2"})],
    )
    (strict,) = merged(tmp_path, *journals)
    assert strict.spans == [] and strict.status == "in_progress"
    (gold,) = merged(tmp_path, *journals, min_agree=2)
    assert [(s.start, s.end) for s in gold.spans] == [(0, 6)]
    assert gold.sources.spans == {"s1": ["alice", "bob"]}
    assert gold.form == {"code": "1"}
    # carol's wider span: alice and bob, two: K, marked nothing more there: outvoted, as a
    # field's answer of K annotators is taken. number: 3, 4, empty: no answer has two.
    assert [conflict["path"] for conflict in gold.conflicts] == ["number"]
    assert [v["value"] for v in gold.conflicts[0]["versions"]] == [3, 4, None]


def test_with_min_agree_nothing_more_from_k_annotators_settles_a_region(tmp_path: Path) -> None:
    """A trial: with --min-agree 2, a span only bob marked stayed a conflict although alice
    and carol agreed there was none; and alice's releasee beside bob's and carol's actor did."""
    actor = span("s1", 0, 6, "actor")
    as_releasee = span("s1", 0, 6, "releasee")
    extra = span("s2", 13, 16, "count", 146)
    frame = {"released_by": "Russia", "count": 146}
    other = {"released_by": "Ukraine", "count": 12}
    journals = (
        [record("alice", spans=[as_releasee], form={"code": "1", "releases": [frame]})],
        [record("bob", spans=[actor, extra], form={"code": "1", "releases": [frame, other]})],
        [record("carol", spans=[actor], form={"code": "1", "releases": [frame]})],
    )
    (gold,) = merged(tmp_path, *journals, min_agree=2)
    assert [(s.start, s.end, s.label) for s in gold.spans] == [(0, 6, "actor")]
    assert gold.form["releases"] == [frame]
    assert gold.conflicts == [] and gold.status == "done"
    # Every annotator (K = 3, the default): each stays a conflict.
    (strict,) = merged(tmp_path, *journals)
    assert [c["kind"] for c in strict.conflicts] == ["span", "span", "field"]


def test_nothing_more_from_fewer_than_k_annotators_leaves_the_conflict(tmp_path: Path) -> None:
    extra = span("s1", 13, 16, "count", 146)
    journals = (
        [record("alice", form={"code": "1"})],
        [record("bob", form={"code": "1"})],
        [record("carol", spans=[extra], form={"code": "1"})],
        [record("dave", spans=[extra], form={"code": "1"})],
    )
    (gold,) = merged(tmp_path, *journals, min_agree=3)
    assert gold.spans == []
    assert [v["annotators"] for v in gold.conflicts[0]["versions"]] == [
        ["alice", "bob"],
        ["carol", "dave"],
    ]


def test_group_frames_accepted_and_left_over(tmp_path: Path) -> None:
    russia = {"released_by": "Russia", "count": 146}
    journals = (
        [record("alice", form={"releases": [russia, {"released_by": "Ukraine", "count": 12}]})],
        [record("bob", form={"releases": [{"released_by": "Ukraine", "count": 13}, russia]})],
    )
    (gold,) = merged(tmp_path, *journals)
    assert gold.form == {"releases": [russia]}
    # Ukraine's 12 and 13 agree on 1 of 2 fields: two items, each a conflict of its own
    # whose one version is the item and who gave it (taken or rejected on its own).
    assert gold.conflicts == [
        {
            "id": "c1",
            "kind": "field",
            "path": "releases",
            "versions": [
                {"value": [{"released_by": "Ukraine", "count": 12}], "annotators": ["alice"]},
            ],
        },
        {
            "id": "c2",
            "kind": "field",
            "path": "releases",
            "versions": [
                {"value": [{"released_by": "Ukraine", "count": 13}], "annotators": ["bob"]},
            ],
        },
    ]


def test_merge_command_writes_gold_and_guards_decisions(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=ALICE_SPANS, form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=BOB_SPANS, form=form))
    gold = tmp_path / "gold.jsonl"
    result = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"wrote {gold}: 1 document(s), 1 agreed span(s); 0 done, 1 with open conflicts (3 spans)"
    )
    ((_line, record_one),) = read_gold(gold)
    assert record_one.form == form
    assert sorted(os.listdir(tmp_path)) == ["alice.jsonl", "bob.jsonl", "gold.jsonl"]
    assert result.stderr == ""  # a new file: nothing replaced
    # Merging again over an unreviewed gold file is fine, and said.
    result = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"replaced {gold} (no review decisions in it)\n"
    # A review appends a document's settled line: that is a decision, kept unless --force.
    settled = orjson.loads(gold.read_bytes())
    settled["conflicts"] = []
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(settled) + b"\n")
    result = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{gold}: holds reviewer decisions on 1 document(s) (first: d1); refusing to replace "
        "them: write to another file with -o, or pass --force to start the review over"
    )
    assert len(gold.read_bytes().splitlines()) == 2  # untouched
    held = gold.read_bytes()
    result = run_cli("merge", alice, bob, "-o", gold, "--force")
    assert result.returncode == 0, result.stderr
    # Replaced, as --force asks; the decision is kept beside it (``gold_kept``).
    [aside] = tmp_path.glob("gold.jsonl.replaced-*")
    assert aside.read_bytes() == held
    assert result.stderr == (
        f"note: replaced {gold}; a review worked on it (a document is on two of its lines, "
        f"saved again after the merge), so the file as it was is kept as {aside}\n"
    )
    assert len(gold.read_bytes().splitlines()) == 1


def test_merge_refuses_to_replace_what_is_not_gold(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    other = write_journal(tmp_path / "carol.jsonl", record("carol", form=form))
    before = other.read_bytes()
    # A journal is never merge's to replace, --force or not; the refusal says what it holds.
    for force in ([], ["--force"]):
        result = run_cli("merge", alice, bob, "-o", other, *force)
        assert (result.returncode, result.stderr) == (
            1,
            f"{other}: its first line is a record of annotator 'carol'; merge replaces only a "
            "gold file, --force or not: write the gold file to another file (nothing was "
            "written)\n",
        )
        assert other.read_bytes() == before
    folder = tmp_path / "out"
    folder.mkdir()
    for force in ([], ["--force"]):
        result = run_cli("merge", alice, bob, "-o", folder, *force)
        assert (result.returncode, result.stderr) == (
            1,
            f"{folder}: is a folder; -o takes the gold file to write\n",
        )
    result = run_cli("merge", alice, bob, "-o", alice)
    assert result.returncode == 2
    assert f"-o {alice}: is one of the journals being merged" in result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1", "--min-agree 1: K is how many annotators must agree"),
        ("3", "only 2 annotators are compared"),
    ],
)
def test_min_agree_out_of_range(tmp_path: Path, value: str, message: str) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    result = run_cli("merge", alice, bob, "-o", tmp_path / "g.jsonl", "--min-agree", value)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "g.jsonl").exists()


def test_a_gold_file_under_review_is_not_replaced(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    gold = tmp_path / "gold.jsonl"
    lock = JournalLock(gold)
    lock.acquire()
    try:
        result = run_cli("merge", alice, bob, "-o", gold)
    finally:
        lock.release()
    assert result.returncode == 1
    assert f"{gold}: locked by process {os.getpid()}" in result.stderr
    assert not gold.exists()


def test_read_gold_names_a_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "g.jsonl"
    bad.write_bytes(b"{}\n")
    with pytest.raises(AnnotatorError, match=r"g.jsonl:1: schema_version: required field"):
        read_gold(bad)


def test_merge_reports_what_it_left_out_and_unwritable_places(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(
        tmp_path / "alice.jsonl", record("alice", form=form), record("alice", "d9", form=form)
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    result = run_cli("merge", alice, bob, "-o", tmp_path / "gold.jsonl")
    assert result.returncode == 0
    assert "note: done by one annotator only, so left out: alice 1 (d9)" in result.stderr
    # A missing folder is made and said, as import and export make theirs.
    result = run_cli("merge", alice, bob, "-o", tmp_path / "nowhere" / "gold.jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"made the folder {tmp_path / 'nowhere'}"
    assert (tmp_path / "nowhere" / "gold.jsonl").is_file()
    (tmp_path / "afile").write_text("x")
    result = run_cli("merge", alice, bob, "-o", tmp_path / "afile" / "gold.jsonl")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{tmp_path / 'afile'}: cannot write: a file stands where a folder is needed"
    )
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = run_cli("merge", alice, bob, "-o", locked / "gold.jsonl")
        assert result.returncode == 1
        assert "cannot write here" in result.stderr


def test_merge_json_names_the_folder_it_made(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    out = tmp_path / "new" / "gold.jsonl"
    result = run_cli("merge", alice, bob, "-o", out, "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["made_folders"] == [str(out.parent)]
    # The object alone on stdout; the line for the person on stderr.
    assert result.stderr.splitlines()[0] == f"made the folder {out.parent}"


def test_a_merge_writing_gold_says_so_to_whoever_tries_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review opened on the gold file while merge writes it is told what holds it (the lock
    said "another annotator process", whoever held it)."""
    from annotator.core import goldfile
    from annotator.core.errors import LockedError
    from annotator.core.merge import merge_files
    from annotator.core.scheme import load_default_scheme

    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    gold = tmp_path / "gold.jsonl"
    told: list[str] = []
    replace = goldfile.replace_locked

    def replacing(path: Path, lines: Any, folder: Path) -> None:
        try:
            JournalLock(path).acquire()
        except LockedError as error:
            told.append(str(error))
        replace(path, lines, folder)

    monkeypatch.setattr(goldfile, "replace_locked", replacing)
    merge_files([alice, bob], gold, load_default_scheme(), "rita")
    assert len(told) == 1 and told[0].startswith(f"{gold}: locked by process {os.getpid()}")
    assert "a merge is writing it" in told[0]
