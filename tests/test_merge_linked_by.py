"""A version of a form conflict says who linked its spans (``linked_by``) when not every
annotator of it did. Versions are grouped by value, and carry the links of the first holder
whose links reach gold: a trial's conflict over ``releases[0].received_by`` read
``{"value": "Kestria", "annotators": ["ann1", "ann2"], "links": {...actor 48–55...}}`` where
ann2 had typed "Kestria" by hand (her "Kestria" a releasee, not linked), so a reviewer would
think both had linked the actor span."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.review_conflict_key import conflict_key
from annotator.core.review_open import open_review
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_review_session_data import latest

TEXT = "Norvania handed 95 prisoners to Kestria, and Arbela watched."
PATH = "releases[0].received_by"


def at(words: str, label: str, span_id: str, value: Any = None) -> dict[str, Any]:
    start = TEXT.index(words)
    end = start + len(words)
    return {
        "id": span_id,
        "start": start,
        "end": end,
        "label": label,
        "text": words,
        "value": value,
    }


def body(words: str, label: str) -> dict[str, Any]:
    """A linked span as a version lists it (no id)."""
    return {key: part for key, part in at(words, label, "-").items() if key != "id"}


def journal(
    name: str,
    receiver: str,
    receiver_span: dict[str, Any] | None,
    linked: bool,
    items: list[dict[str, Any]] | None = None,
    links: dict[str, list[str]] | None = None,
    spans: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``name`` links the giver and the count, and gives ``receiver`` as the receiver, linked
    to ``receiver_span`` when ``linked`` (the span marked either way); ``items``: more releases
    after the first, ``links`` and ``spans`` theirs."""
    spans = [at("Norvania", "actor", "n1"), at("95", "count", "n2", 95), *(spans or [])]
    release_links = {"releases[0].released_by": ["n1"], "releases[0].count": ["n2"]}
    if receiver_span is not None:
        spans.append(receiver_span)
        if linked:
            release_links[PATH] = [receiver_span["id"]]
    release = {"released_by": "Norvania", "received_by": receiver, "count": 95}
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": spans,
        "form": {"event_type": "exchange", "releases": [release, *(items or [])]},
        "links": {**release_links, **(links or {})},
    }


def merged(*journals: dict[str, Any]) -> GoldRecord:
    works = {one["annotator"]: Annotation(Record.model_validate(one)) for one in journals}
    (made,) = merge_units([Unit("d1", sha256_text(TEXT), works)], load_default_scheme(), "rita")
    return made


def conflict_at(made: GoldRecord, path: str) -> dict[str, Any]:
    (conflict,) = [one for one in made.conflicts if one.get("path") == path]
    return conflict


def the_case() -> list[dict[str, Any]]:
    """ann1 links her actor "Kestria"; ann2 types "Kestria", her span on it a releasee; ann3
    links her actor "Arbela"."""
    return [
        journal("ann1", "Kestria", at("Kestria", "actor", "k1"), linked=True),
        journal("ann2", "Kestria", at("Kestria", "releasee", "k2"), linked=False),
        journal("ann3", "Arbela", at("Arbela", "actor", "a3"), linked=True),
    ]


def test_a_version_says_who_linked_its_field_when_not_every_annotator_did() -> None:
    made = merged(*the_case())
    assert conflict_at(made, PATH)["versions"] == [
        {
            "value": "Kestria",
            "annotators": ["ann1", "ann2"],
            "links": {PATH: [body("Kestria", "actor")]},
            "linked_by": {PATH: ["ann1"]},
        },
        {"value": "Arbela", "annotators": ["ann3"], "links": {PATH: [body("Arbela", "actor")]}},
    ]


def test_a_version_every_annotator_linked_alike_names_no_one_apart() -> None:
    # ann2 links an actor "Kestria" of her own, the same span as ann1's but for its id.
    made = merged(
        journal("ann1", "Kestria", at("Kestria", "actor", "k1"), linked=True),
        journal("ann2", "Kestria", at("Kestria", "actor", "k2"), linked=True),
        journal("ann3", "Arbela", at("Arbela", "actor", "a3"), linked=True),
    )
    first = conflict_at(made, PATH)["versions"][0]
    assert first == {
        "value": "Kestria",
        "annotators": ["ann1", "ann2"],
        "links": {PATH: [body("Kestria", "actor")]},
    }


def test_an_annotator_linking_another_span_is_not_named_as_linking_the_versions() -> None:
    # ann2 links "Kestria" to the actor "Arbela": not the span the version shows (ann1's).
    made = merged(
        journal("ann1", "Kestria", at("Kestria", "actor", "k1"), linked=True),
        journal("ann2", "Kestria", at("Arbela", "actor", "k2"), linked=True),
        journal("ann3", "Arbela", at("Arbela", "actor", "a3"), linked=True),
    )
    first = conflict_at(made, PATH)["versions"][0]
    assert first["links"] == {PATH: [body("Kestria", "actor")]}
    assert first["linked_by"] == {PATH: ["ann1"]}


def test_an_item_only_some_gave_says_who_linked_each_field() -> None:
    # ann1 and ann2 give a second release alike, only ann1 linking its giver; ann3 gives none.
    # Its count is linked by neither, so only the giver's path is named.
    second = {"released_by": "Arbela", "received_by": None, "count": None}
    made = merged(
        journal(
            "ann1",
            "Kestria",
            at("Kestria", "actor", "k1"),
            linked=True,
            items=[second],
            links={"releases[1].released_by": ["x1"]},
            spans=[at("Arbela", "actor", "x1")],
        ),
        journal("ann2", "Kestria", at("Kestria", "actor", "k2"), linked=True, items=[second]),
        journal("ann3", "Kestria", at("Kestria", "actor", "k3"), linked=True),
    )
    (version,) = conflict_at(made, "releases")["versions"]
    assert version == {
        "value": [second],
        "annotators": ["ann1", "ann2"],
        "links": {"releases[0].released_by": [body("Arbela", "actor")]},
        "linked_by": {"releases[0].released_by": ["ann1"]},
    }


def test_who_linked_does_not_make_a_conflict_another_to_kept_decisions() -> None:
    # A gold file merged before versions said who linked holds the same conflict without it:
    # a decision on it is kept when the document is merged anew.
    conflict = conflict_at(merged(*the_case()), PATH)
    before = {
        **conflict,
        "id": "c9",
        "versions": [
            {name: part for name, part in version.items() if name != "linked_by"}
            for version in conflict["versions"]
        ],
    }
    assert before != {**conflict, "id": "c9"}
    assert conflict_key(before) == conflict_key(conflict)


def test_the_review_shows_who_linked_and_taking_the_version_links_gold(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    files = [write_journal(tmp_path / f"{one['annotator']}.jsonl", one) for one in the_case()]
    session = open_review(files, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        record = session.record
        assert record is not None
        # The span conflicts first, each by its first version: ann1's actor "Kestria" (gold
        # then holds the span the version links), no "Arbela".
        while (view := session.view()) is not None and view.kind == "span":
            session.take(0)
        assert view is not None and view.path == PATH
        first, third = view.versions
        assert first.annotators == ("ann1", "ann2")
        assert first.linkers(PATH) == ("ann1",)
        assert third.linkers(PATH) is None
        session.take_notices()  # the span conflicts'
        session.take(first.index)
        said = session.take_notices()[0]
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["form"]["releases"][0]["received_by"] == "Kestria"
    (receiver,) = line["links"][PATH]
    # The link the take made is said, as e says a typed value's.
    assert said == (
        f"settled {view.place.conflict_id}: took ann1 and ann2's version; linked to {receiver}"
    )
    (span,) = [one for one in line["spans"] if one["id"] == receiver]
    assert (span["start"], span["end"], span["label"]) == (32, 39, "actor")
