"""A form value entering gold with no link from its version is linked by its words (a count or
date: its value) to the one gold span of its field's label that gives it, and a list put in
text order, whichever way it came (``value_links``): merge's agreed fields, a version taken by
number, ``t``. A reviewer's trial took ``received_by`` = "government of Ostreva" with ``1``
and gold stayed unlinked beside span s3 of those words; ann2's releasees stayed in ann2's
order; merge's agreed date stayed unlinked beside gold's "Saturday" of its value. Typing the
same values with ``e`` linked them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.models import GoldRecord, Span, sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed_words import as_linked_words, words_links
from annotator.core.scheme import load_default_scheme
from annotator.core.value_links import GoldSpans, words_linked
from tests.test_agreement_data import write_corpus, write_journal

TEXT = (
    "LISKOVO, Ostreva — The Drava People's Authority handed 187 Ostrevan soldiers and "
    "civilians and the pilot Bohdan Yarets to the government of Ostreva on Saturday, "
    "Ostreva said."
)
DRAVA, GOVERNMENT = "Drava People's Authority", "government of Ostreva"
SOLDIERS, YARETS = "187 Ostrevan soldiers and civilians", "Bohdan Yarets"


def span(
    span_id: str, words: str, label: str, value: Any = None, last: bool = False
) -> dict[str, Any]:
    start = TEXT.rindex(words) if last else TEXT.index(words)
    return {
        "id": span_id,
        "start": start,
        "end": start + len(words),
        "label": label,
        "text": words,
        "value": value,
    }


# Every annotator marks these alike, so every one is gold (by id: GOLD_IDS, read from gold).
SPANS = [
    span("s1", "Ostreva", "actor"),
    span("s2", DRAVA, "actor"),
    span("s3", SOLDIERS, "releasee"),
    span("s4", YARETS, "releasee"),
    span("s5", GOVERNMENT, "actor"),
    span("s6", "Saturday", "date", "2023-11-11"),
    span("s7", "Ostreva", "actor", last=True),
]
CONFLICTS = "releases[0].received_by", "releases[0].releasees"


def journal(
    name: str, received_by: str, releasees: list[str], links: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """``name``'s record: every span marked, one release typed (no link unless ``links``)."""
    release = {
        "released_by": DRAVA,
        "received_by": received_by,
        "count": None,
        "date": "2023-11-11",
        "releasees": releasees,
    }
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": SPANS,
        "form": {"event_type": "exchange", "releases": [release]},
        "links": links or {},
    }


def opened(tmp_path: Path, ann1: dict[str, Any], ann2: dict[str, Any]) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", made)
        for name, made in (("ann1", ann1), ("ann2", ann2))
    ]
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")


def gold_id(record: GoldRecord, words: str, last: bool = False) -> str:
    """The id gold gives the span of ``words`` (its last one when ``last``)."""
    start = TEXT.rindex(words) if last else TEXT.index(words)
    return next(one.id for one in record.spans if one.start == start and one.text == words)


def go_to(session: ReviewSession, path: str) -> int:
    """Go to the conflict at ``path``; the index of ann2's version."""
    record = session.records["d1"]
    found = next(c for c in record.conflicts if c.get("path") == path)
    session.go_to("d1", found["id"])
    return next(at for at, v in enumerate(found["versions"]) if v["annotators"] == ["ann2"])


def test_merge_links_agreed_values_no_one_linked(tmp_path: Path) -> None:
    session = opened(
        tmp_path,
        journal("ann1", GOVERNMENT, [SOLDIERS]),
        journal("ann2", "Ostreva", [YARETS, SOLDIERS]),
    )
    try:
        gold = session.records["d1"]
        assert sorted(c["path"] for c in gold.conflicts) == sorted(CONFLICTS)
        # The agreed date by the value of gold's "Saturday", released_by by its words.
        assert gold.links == {
            "releases[0].released_by": [gold_id(gold, DRAVA)],
            "releases[0].date": [gold_id(gold, "Saturday")],
        }
    finally:
        assert session.close()


def test_a_version_taken_by_number_is_linked_and_its_list_in_text_order(tmp_path: Path) -> None:
    session = opened(
        tmp_path,
        journal("ann1", GOVERNMENT, [SOLDIERS]),
        journal("ann2", "Ostreva", [YARETS, SOLDIERS]),
    )
    try:
        ann2 = go_to(session, "releases[0].received_by")
        session.take(1 - ann2)  # ann1's "government of Ostreva"
        ann2 = go_to(session, "releases[0].releasees")
        session.take(ann2)  # ann2's [Yarets, 187 …]: 187 … comes first in the text
        gold = session.records["d1"]
        release = gold.form["releases"][0]
        assert release["received_by"] == GOVERNMENT
        assert release["releasees"] == [SOLDIERS, YARETS]
        assert gold.links["releases[0].received_by"] == [gold_id(gold, GOVERNMENT)]
        assert gold.links["releases[0].releasees"] == [
            gold_id(gold, SOLDIERS),
            gold_id(gold, YARETS),
        ]
        assert gold.status == "done"
    finally:
        assert session.close()


def test_taking_or_typing_a_value_gives_one_gold(tmp_path: Path) -> None:
    session = opened(
        tmp_path,
        journal("ann1", GOVERNMENT, [SOLDIERS]),
        journal("ann2", "Ostreva", [YARETS, SOLDIERS]),
    )
    try:
        record = session.records["d1"]
        annotations = session.annotations["d1"]
        ann2 = go_to(session, "releases[0].releasees")
        cid = str(session.current.conflict_id if session.current else "")
        taken = decide.take(record, cid, [ann2], session.scheme, annotations)
        session.settle_typed(f"{YARETS}, {SOLDIERS}")
        typed = session.records["d1"]
        path = "releases[0].releasees"
        assert taken.form["releases"] == typed.form["releases"]
        assert taken.links[path] == typed.links[path]
    finally:
        assert session.close()


def test_a_value_two_gold_spans_give_stays_unlinked(tmp_path: Path) -> None:
    session = opened(
        tmp_path,
        journal("ann1", GOVERNMENT, [SOLDIERS]),
        journal("ann2", "Ostreva", [YARETS, SOLDIERS]),
    )
    try:
        ann2 = go_to(session, "releases[0].received_by")
        session.take(ann2)  # "Ostreva": gold has two such actor spans, which one is not said
        gold = session.records["d1"]
        assert gold.form["releases"][0]["received_by"] == "Ostreva"
        assert "releases[0].received_by" not in gold.links
    finally:
        assert session.close()


def test_a_versions_own_links_are_kept_as_they_are(tmp_path: Path) -> None:
    # ann2 linked "Ostreva" to the first Ostreva (s1) and only Yarets of her list (s4): taken,
    # those links hold; the words add only what no link of hers holds (187 …, as ``e`` does).
    ann2_links = {"releases[0].received_by": ["s1"], "releases[0].releasees": ["s4"]}
    session = opened(
        tmp_path,
        journal("ann1", GOVERNMENT, [SOLDIERS]),
        journal("ann2", "Ostreva", [YARETS, SOLDIERS], ann2_links),
    )
    try:
        ann2 = go_to(session, "releases[0].received_by")
        session.take(ann2)
        ann2 = go_to(session, "releases[0].releasees")
        session.take(ann2)
        gold = session.records["d1"]
        assert gold.links["releases[0].received_by"] == [gold_id(gold, "Ostreva")]
        assert gold.form["releases"][0]["releasees"] == [SOLDIERS, YARETS]
        assert gold.links["releases[0].releasees"] == [
            gold_id(gold, SOLDIERS),
            gold_id(gold, YARETS),
        ]
    finally:
        assert session.close()


def test_a_linked_agreed_value_keeps_its_link_in_merge(tmp_path: Path) -> None:
    # Both link the agreed received_by to the last "Ostreva" (s7); words could not say which.
    links = {"releases[0].received_by": ["s7"]}
    session = opened(
        tmp_path,
        journal("ann1", "Ostreva", [SOLDIERS], links),
        journal("ann2", "Ostreva", [YARETS, SOLDIERS], links),
    )
    try:
        gold = session.records["d1"]
        assert gold.links["releases[0].received_by"] == [gold_id(gold, "Ostreva", last=True)]
    finally:
        assert session.close()


def test_every_version_taken_is_linked_in_text_order(tmp_path: Path) -> None:
    session = opened(
        tmp_path,
        journal("ann1", GOVERNMENT, [YARETS]),
        journal("ann2", GOVERNMENT, [SOLDIERS]),
    )
    try:
        go_to(session, "releases[0].releasees")
        session.take_all()  # t
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == [SOLDIERS, YARETS]
        assert gold.links["releases[0].releasees"] == [
            gold_id(gold, SOLDIERS),
            gold_id(gold, YARETS),
        ]
    finally:
        assert session.close()


def test_an_item_taken_is_linked_field_by_field(tmp_path: Path) -> None:
    # Only ann2 gave a second release (Ostreva to Drava): a conflict over the item.
    second = {
        "released_by": GOVERNMENT,
        "received_by": DRAVA,
        "count": None,
        "date": "2023-11-11",
        "releasees": [YARETS],
    }
    ann2 = journal("ann2", GOVERNMENT, [SOLDIERS])
    ann2["form"]["releases"].append(second)
    session = opened(tmp_path, journal("ann1", GOVERNMENT, [SOLDIERS]), ann2)
    try:
        go_to(session, "releases")
        session.take(0)
        gold = session.records["d1"]
        assert gold.form["releases"][1] == second
        assert {path: ids for path, ids in gold.links.items() if "[1]" in path} == {
            "releases[1].released_by": [gold_id(gold, GOVERNMENT)],
            "releases[1].received_by": [gold_id(gold, DRAVA)],
            "releases[1].date": [gold_id(gold, "Saturday")],
            "releases[1].releasees": [gold_id(gold, YARETS)],
        }
    finally:
        assert session.close()


def test_merge_reads_only_the_spans_a_value_may_hold() -> None:
    """Merge's gold spans are dicts, made models only when read (``GoldSpans``): the words rule
    links from them what it links from a record's models, and makes none of the spans no list
    item may hold (s1, s7: "Ostreva" is no field's value; s3: no item's words; s2, s5, s6:
    a field's one value is linked by the index of words and values alone)."""
    scheme = load_default_scheme()
    release = {
        "released_by": DRAVA,
        "received_by": "government  of Ostreva",  # two spaces: its words all the same
        "count": 187,
        "date": "2023-11-11",
        "releasees": [YARETS, "Bohdan"],
    }
    form = {"event_type": "exchange", "releases": [release]}
    gold = GoldSpans(SPANS)
    linked = words_linked(gold, form, {}, scheme)
    assert linked == words_linked(GoldSpans.of(_Records()), form, {}, scheme)
    assert linked[1] == {
        "releases[0].released_by": ["s2"],
        "releases[0].received_by": ["s5"],
        "releases[0].date": ["s6"],
        "releases[0].releasees": ["s4"],
    }
    assert linked[0]["releases"][0]["received_by"] == GOVERNMENT
    assert sorted(gold._made) == [3]  # s4 (its position in gold), the releasee listed


class _Records:
    """A record's spans as models (``Spanned``)."""

    def __init__(self) -> None:
        self.spans = [Span.model_validate(one) for one in SPANS]


def test_a_field_s_one_value_is_linked_as_the_rule_over_models_links_it() -> None:
    """A field's one value (no list) is linked by the index of gold's words and values alone,
    no model made: to the span ``words_links`` over the spans as models gives, none where
    several give it ("Ostreva": s1 and s7) or none does, its words single-spaced."""
    scheme = load_default_scheme()
    group = next(field for field in scheme.fields if field.name == "releases")
    models = _Records()
    values = [
        ("released_by", DRAVA),
        ("released_by", "Ostreva"),  # two spans of these words
        ("received_by", "government \t of  Ostreva"),
        ("received_by", "Bohdan Yarets"),  # a releasee's words, not an actor's
        ("count", 187),  # no count span
        ("date", "2023-11-11"),
        ("date", "2023-11-12"),
    ]
    for name, value in values:
        sub = next(one for one in group.fields if one.name == name)
        gold = GoldSpans(SPANS)
        form, links = words_linked(gold, {"releases": [{name: value}]}, {}, scheme)
        expected = words_links(models, sub, value)[0]
        assert links.get(f"releases[0].{name}", []) == expected, (name, value)
        stored = as_linked_words(models, sub, value, expected)
        assert form["releases"][0][name] == stored, (name, value)
        assert gold._made == {}
    assert words_links(models, group.fields[0], "Ostreva") == ([], 2)  # the test's own premise
