"""A document merged anew inside a review (ctrl+r twice in the list, or on resuming after its
annotators changed their journals) has its gold spans numbered above every id its gold has had:
merge numbers from s1, and s2 then named another span than the gold file's earlier lines did.
``renumbered`` moves every place that names a span by id (spans, form and item links,
``sources.spans``) and nothing else; a fresh merge still numbers from s1."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.models import GoldRecord, Record, record_line, sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_span_ids import numbered_from, renumbered
from annotator.core.session_edits import Refused
from tests.test_agreement_data import TEXT, write_corpus, write_journal
from tests.test_review_links_data import (
    ALICE_RELEASES,
    COUNT_12,
    GOLD_RELEASES,
    RELEASES,
    spans,
    write_link_scheme,
)
from tests.test_review_session_data import gold_lines, latest

# Fields every save changes.
SAVED = ("annotator", "updated_at", "seconds_spent")


def content(line: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in line.items() if key not in SAVED}


def ids_mapped(data: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """A gold record's dump with its span ids mapped where the model holds them (the spans,
    the links' lists, the keys of ``sources.spans``): what renumbering must give."""
    out = copy.deepcopy(data)
    for one in out["spans"]:
        one["id"] = ids[one["id"]]
    out["links"] = {path: [ids[one] for one in linked] for path, linked in out["links"].items()}
    out["sources"]["spans"] = {ids[one]: who for one, who in out["sources"]["spans"].items()}
    return out


# GOLD_RELEASES (merge's record of RELEASES: Russia s1, 146 s2, Ukraine s3; releases[0] linked
# to s1 and s2; c1 bob's "12", c2 bob's release with its links as spans' bodies) with a form
# field linked too, "total" from s2.
LINKED = GoldRecord.model_validate(
    {
        **GOLD_RELEASES.model_dump(),
        "form": {**GOLD_RELEASES.form, "total": 146},
        "links": {**GOLD_RELEASES.links, "total": ["s2"]},
    }
)


def test_renumbered_moves_every_id_and_changes_nothing_else() -> None:
    out = renumbered(LINKED, 7)
    assert [(one.id, one.text) for one in out.spans] == [
        ("s7", "Russia"),
        ("s8", "146"),
        ("s9", "Ukraine"),
    ]
    assert out.links == {
        "releases[0].released_by": ["s7"],
        "releases[0].count": ["s8"],
        "total": ["s8"],
    }
    assert list(out.sources.spans) == ["s7", "s8", "s9"]
    assert out.model_dump() == ids_mapped(LINKED.model_dump(), {"s1": "s7", "s2": "s8", "s3": "s9"})
    assert out.conflicts == LINKED.conflicts  # they name no gold span
    line = record_line(out)
    assert not any(f'"s{n}"'.encode() in line for n in (1, 2, 3))  # no old id left anywhere
    assert GoldRecord.model_validate(orjson.loads(line)) == out  # a valid gold record


def test_renumbered_from_where_a_record_is_numbered_is_the_record() -> None:
    assert renumbered(LINKED, 1) is LINKED
    assert numbered_from(LINKED) == 1
    assert numbered_from(renumbered(LINKED, 5)) == 5
    assert numbered_from(LINKED.model_copy(update={"spans": [], "links": {}})) == 1


def test_renumbered_refuses_to_lose_a_source_a_new_id_would_take() -> None:
    stale = LINKED.model_copy(
        update={
            "sources": LINKED.sources.model_copy(
                update={"spans": {**LINKED.sources.spans, "s4": ["alice"]}}
            )
        }
    )
    assert list(renumbered(stale, 5).sources.spans) == ["s5", "s6", "s7", "s4"]
    with pytest.raises(ValueError, match=r"sources\.spans names a span id renumbering gives"):
        renumbered(stale, 2)


def write_case(tmp_path: Path, records: dict[str, Record]) -> dict[str, Path]:
    write_link_scheme(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journals = {
        name: write_journal(tmp_path / f"{name}.jsonl", orjson.loads(work.model_dump_json()))
        for name, work in records.items()
    }
    return {"corpus": corpus, **journals, "gold": tmp_path / "gold.jsonl"}


def open_case(setup: dict[str, Path], gold: Path | None = None) -> ReviewSession:
    return open_review(
        [setup["alice"], setup["bob"]],
        setup["corpus"],
        gold or setup["gold"],
        "rita",
        scheme_path=setup["corpus"].parent / "links.toml",
    )


def ids_of(session: ReviewSession) -> list[tuple[str, str]]:
    return [(one.id, one.text) for one in session.records["d1"].spans]


def test_ctrl_r_keeps_the_ids_of_the_spans_gold_had_and_its_links(tmp_path: Path) -> None:
    setup = write_case(tmp_path, RELEASES)
    session = open_case(setup)
    try:
        assert ids_of(session) == [("s1", "Russia"), ("s2", "146"), ("s3", "Ukraine")]
        nothing = "d1 is as a merge makes it: nothing to merge anew"
        assert session.anew_refused("d1") == nothing  # no decision yet
        session.take(1)  # c1: bob's "12", s4
        session.take(0)  # c2: bob's release, linked to s3 and s4
        decided = session.records["d1"]
        assert decided.links["releases[1].count"] == ["s4"]
        assert session.anew_refused("d1") is None
        assert session.records["d1"] == decided  # asking changed nothing
        session.merge_anew("d1")
        now = session.records["d1"]
        # The spans the merge shares with gold keep gold's ids (the notices and the gold
        # file's lines named them so); "12", dropped, leaves s4 unused.
        assert ids_of(session) == [("s1", "Russia"), ("s2", "146"), ("s3", "Ukraine")]
        assert now.links == {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]}
        assert list(now.sources.spans) == ["s1", "s2", "s3"]
        assert session.flush(10)
        merged = gold_lines(setup["gold"])[0]  # as merge wrote it on opening
        anew = content(latest(setup["gold"])["d1"])
        assert anew["sources"].pop("merged_anew") == 1  # numbered: no undo (review_history)
        assert anew == content(merged)
        assert session.anew_refused("d1") == nothing
        with pytest.raises(Refused, match=nothing):
            session.merge_anew("d1")
        session.undo()
        assert session.records["d1"] == decided.model_copy(
            update={"seconds_spent": session.records["d1"].seconds_spent}
        )
        session.redo()
        assert ids_of(session) == [("s1", "Russia"), ("s2", "146"), ("s3", "Ukraine")]
        session.take(1)  # c1 again: "12" above every id the document had
        assert ids_of(session)[-1] == ("s5", "12")
    finally:
        assert session.close()


def test_a_resume_merges_a_changed_document_anew_above_its_earlier_lines_ids(
    tmp_path: Path,
) -> None:
    setup = write_case(tmp_path, RELEASES)
    first = open_case(setup)
    try:
        first.take(1)  # c1: bob's "12", s4
        first.undo()  # no decision stands: the resume merges d1 anew
    finally:
        assert first.close()
    assert [[one["id"] for one in line["spans"]] for line in gold_lines(setup["gold"])] == [
        ["s1", "s2", "s3"],
        ["s1", "s2", "s3", "s4"],
        ["s1", "s2", "s3"],
    ]
    # alice marks "12" too: it is gold now, and c1 is gone.
    alice = orjson.loads(ALICE_RELEASES.model_dump_json())
    alice["spans"].extend(spans(("a4", COUNT_12)))
    with setup["alice"].open("ab") as handle:
        handle.write(orjson.dumps(alice) + b"\n")
    again = open_case(setup)
    try:
        assert any("merged anew" in message for message in again.messages)
        assert ids_of(again) == [("s5", "Russia"), ("s6", "146"), ("s7", "Ukraine"), ("s8", "12")]
        assert again.records["d1"].links == {
            "releases[0].released_by": ["s5"],
            "releases[0].count": ["s6"],
        }
        assert again.take(0) is None  # c2 (bob's release): settled, linked to s7 and s8
        assert again.records["d1"].links["releases[1].count"] == ["s8"]
    finally:
        assert again.close()
    # A fresh merge of the same journals (a new gold file) numbers from s1, as ever.
    fresh = open_case(setup, tmp_path / "fresh.jsonl")
    assert fresh.close()
    merged = content(latest(tmp_path / "fresh.jsonl")["d1"])
    assert [one["id"] for one in merged["spans"]] == ["s1", "s2", "s3", "s4"]
    mapped = ids_mapped(merged, {"s1": "s5", "s2": "s6", "s3": "s7", "s4": "s8"})
    assert content(gold_lines(setup["gold"])[3]) == mapped


def test_a_resume_merges_a_document_whose_text_changed_above_its_earlier_lines_ids(
    tmp_path: Path,
) -> None:
    setup = write_case(tmp_path, RELEASES)
    first = open_case(setup)
    try:
        first.take(1)  # c1: bob's "12", s4
    finally:
        assert first.close()
    longer = TEXT + " Talks go on."  # the spans' words are where they were
    write_corpus(tmp_path, {"d1": longer})
    for name, work in RELEASES.items():
        line = orjson.loads(work.model_dump_json())
        line["doc_sha256"] = sha256_text(longer)
        with setup[name].open("ab") as handle:
            handle.write(orjson.dumps(line) + b"\n")
    again = open_case(setup)
    try:
        assert any("whose text changed" in message for message in again.messages)
        assert ids_of(again) == [("s5", "Russia"), ("s6", "146"), ("s7", "Ukraine")]
        assert again.records["d1"].links == {
            "releases[0].released_by": ["s5"],
            "releases[0].count": ["s6"],
        }
        assert list(again.records["d1"].sources.spans) == ["s5", "s6", "s7"]
    finally:
        assert again.close()
