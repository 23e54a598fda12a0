"""A top-level field's versions carry their links, as an item's field's do (``merge_form``). A
trial's merge gave crowd_size's versions as {"value", "annotators"} only: bob's 4000, linked to
his "4,000", showed in the panel as a plain 4000, and once "4,000" was rejected, taking bob's
version said only "took bob's version" (gold: 4000, no link), where README promises "(not in
gold)" in the panel and "its link … not kept" on taking. A take that links says so too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_conflict_key import conflict_key
from annotator.core.review_open import open_review
from annotator.core.scheme import Scheme, load_scheme
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_review_session_data import latest

TEXT = "Police put the crowd at 1,500; the organisers said 4,000, the union 4,000 too."
SCHEME = """
name = "crowds"

[[labels]]
name = "crowd"
key = "2"
color = "#f28e2b"
value_type = "integer"

[[fields]]
name = "crowd_size"
type = "integer"
from_label = "crowd"
"""


def at(words: str, span_id: str, last: bool = False) -> dict[str, Any]:
    start = TEXT.rindex(words) if last else TEXT.index(words)
    value = int(words.replace(",", ""))
    return {
        "id": span_id,
        "start": start,
        "end": start + len(words),
        "label": "crowd",
        "text": words,
        "value": value,
    }


def body(words: str) -> dict[str, Any]:
    """A linked span as a version lists it (no id)."""
    return {key: part for key, part in at(words, "-").items() if key != "id"}


def journal(
    name: str, spans: list[dict[str, Any]], size: int, linked: str | None
) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": spans,
        "form": {"crowd_size": size},
        "links": {"crowd_size": [linked]} if linked else {},
    }


def the_case() -> list[dict[str, Any]]:
    """alice marks the three figures and links her 1500 to "1,500"; carol marks "1,500" and
    types 1500 unlinked; bob marks the first "4,000" and links his 4000 to it."""
    return [
        journal(
            "alice",
            [at("1,500", "a1"), at("4,000", "a2"), at("4,000", "a3", last=True)],
            1500,
            "a1",
        ),
        journal("bob", [at("4,000", "b1")], 4000, "b1"),
        journal("carol", [at("1,500", "c1")], 1500, None),
    ]


def scheme_in(folder: Path) -> Path:
    path = folder / "crowds.toml"
    path.write_text(SCHEME, encoding="utf-8")
    return path


def merged(tmp_path: Path) -> tuple[GoldRecord, Scheme]:
    scheme = load_scheme(scheme_in(tmp_path))
    works = {one["annotator"]: Annotation(Record.model_validate(one)) for one in the_case()}
    (made,) = merge_units([Unit("d1", sha256_text(TEXT), works)], scheme, "rita")
    return made, scheme


def field_conflict(record: GoldRecord) -> dict[str, Any]:
    (conflict,) = [one for one in record.conflicts if one.get("path") == "crowd_size"]
    return conflict


def test_a_top_level_fields_versions_carry_their_links_and_who_linked(tmp_path: Path) -> None:
    made, _scheme = merged(tmp_path)
    assert field_conflict(made)["versions"] == [
        {
            "value": 1500,
            "annotators": ["alice", "carol"],
            "links": {"crowd_size": [body("1,500")]},
            "linked_by": {"crowd_size": ["alice"]},
        },
        {"value": 4000, "annotators": ["bob"], "links": {"crowd_size": [body("4,000")]}},
    ]


def test_a_decision_on_a_top_level_field_merged_before_its_links_is_kept(tmp_path: Path) -> None:
    # Gold merged before the versions carried links holds the conflict without them: a merge
    # anew keeps the decision made on it.
    conflict = field_conflict(merged(tmp_path)[0])
    before = {
        **conflict,
        "id": "c9",
        "versions": [
            {"value": one["value"], "annotators": one["annotators"]} for one in conflict["versions"]
        ],
    }
    assert conflict_key(before) == conflict_key({**conflict, "id": "c3"})
    # An item's field's links still tell conflicts apart.
    item = {**conflict, "path": "releases[0].count"}
    unlinked = {**before, "path": "releases[0].count"}
    assert conflict_key(item) != conflict_key(unlinked)


def test_without_the_annotators_records_the_version_links_gold(tmp_path: Path) -> None:
    made, scheme = merged(tmp_path)
    cid = field_conflict(made)["id"]
    span_conflicts = [one for one in made.conflicts if one["kind"] == "span"]
    # Every figure taken (alice's versions), then bob's 4000 with no records at hand: linked
    # to his "4,000" as the version links it (by its value, two gold spans would give it).
    for span_conflict in span_conflicts:
        marked = next(n for n, one in enumerate(span_conflict["versions"]) if one["spans"])
        made = decide.take(made, span_conflict["id"], [marked], scheme, None)
    assert [span.text for span in made.spans] == ["1,500", "4,000", "4,000"]
    settled = decide.take(made, cid, [1], scheme, None)
    four = next(span.id for span in settled.spans if span.start == TEXT.index("4,000"))
    assert settled.form["crowd_size"] == 4000
    assert settled.links == {"crowd_size": [four]}


def open_case(tmp_path: Path) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    files = [write_journal(tmp_path / f"{one['annotator']}.jsonl", one) for one in the_case()]
    return open_review(
        files, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme_in(tmp_path)
    )


def test_taking_a_version_whose_span_was_rejected_says_its_link_is_not_kept(
    tmp_path: Path,
) -> None:
    session = open_case(tmp_path)
    try:
        first = session.view()
        assert first is not None and first.region == (24, 29)  # "1,500": alice's and carol's
        session.take(0)
        second = session.view()
        assert second is not None and second.region == (51, 56)  # "4,000": rejected
        session.reject_all()
        session.reject_all()  # the union's "4,000", alice's alone
        view = session.view()
        assert view is not None and view.path == "crowd_size"
        ours, bobs = view.versions
        # The panel's view: alice's link (carol typed hers), bob's to a span not in gold.
        assert ours.links == (("crowd_size", (body("1,500"),)),)
        assert ours.linkers("crowd_size") == ("alice",)
        assert ours.not_in_gold == frozenset()
        assert bobs.links == (("crowd_size", (body("4,000"),)),)
        assert bobs.not_in_gold == {(51, 56, "crowd", 4000)}
        assert bobs.unkept_mark((51, 56, "crowd", 4000)) == "not in gold"
        session.take_notices()
        session.take(bobs.index)
        said = session.take_notices()[0]
    finally:
        assert session.close()
    assert said == (
        f"settled {view.place.conflict_id}: took bob's version; its link to “4,000” 51–56 not "
        "kept: that span is not in gold"
    )
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["form"]["crowd_size"] == 4000
    assert line["links"] == {}


def test_taking_a_linked_version_says_what_it_linked(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    try:
        session.take(0)  # "1,500"
        session.reject_all()  # "4,000"
        session.reject_all()  # the union's "4,000"
        view = session.view()
        assert view is not None and view.path == "crowd_size"
        session.take_notices()
        session.take(0)  # alice and carol's 1500
        said = session.take_notices()[0]
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    (span,) = line["spans"]
    assert span["text"] == "1,500"
    assert line["form"]["crowd_size"] == 1500
    assert line["links"] == {"crowd_size": [span["id"]]}
    assert said == (
        f"settled {view.place.conflict_id}: took alice and carol's version; linked to {span['id']}"
    )
