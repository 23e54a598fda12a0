"""A value the review types (``e``) and links to a span whose words it holds, whitespace aside,
is stored as the annotation screen fills a field from a span: the span's words single-spaced
(``review_typed_words.as_linked_words``). "Zoë  N'Diaye" typed with two spaces was linked to
the span "Zoë N'Diaye" and stored with both spaces: a field of an item, a group's item typed
in its editor, and a top-level field linked by merge's rule alike.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.models import sha256_text
from annotator.core.review_open import open_review
from annotator.core.review_typed_start import version_items
from tests.test_agreement_data import span, write_corpus, write_journal
from tests.test_review_links_data import write_link_scheme
from tests.test_review_lists_text_order import AISSATOU, PATH, ZOE, conflict_at, opened


def test_an_items_list_typed_with_double_spaces_is_stored_as_its_spans_words(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path, [ZOE], [AISSATOU])
    try:
        conflict_at(session, PATH)
        session.settle_typed("Zoë  N'Diaye, Aïssatou\tKonaré-Diabaté, five   others")
        gold = session.records["d1"]
        # Linked by their words: single-spaced; "five others" holds no span's: as typed.
        assert gold.form["releases"][0]["releasees"] == [AISSATOU, ZOE, "five   others"]
        assert gold.links[PATH] == ["s2", "s3"]
    finally:
        assert session.close()


def test_a_group_item_typed_with_double_spaces_is_stored_as_its_spans_words(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path, [ZOE], None, linked=True)
    try:
        cid = conflict_at(session, "releases")
        items = version_items(session.records["d1"].conflicts[0], session.scheme, 0)
        assert session.records["d1"].conflicts[0]["id"] == cid
        items[0]["releasees"] = "Zoë  N'Diaye, Aïssatou   Konaré-Diabaté"
        items[0]["released_by"] = " Front "  # the span's words once trimmed: as before
        session.settle_typed(items)
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == [AISSATOU, ZOE]
        assert gold.form["releases"][0]["released_by"] == "Front"
        assert gold.links[PATH] == ["s2", "s3"]
    finally:
        assert session.close()


TEXT = "The Red Cross said the ministry of defence freed eight hostages on Sunday."


def test_a_top_level_field_linked_by_merges_rule_is_stored_as_its_spans_words(
    tmp_path: Path,
) -> None:
    # freed_by: alice's "Red Cross" from her span, bob's "the ministry of defence". The
    # reviewer types alice's answer with two spaces: merge's rule links it to her span.
    write_link_scheme(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT})

    def actor(span_id: str, words: str) -> dict[str, object]:
        at = TEXT.index(words)
        return span(span_id, at, at + len(words), "actor", text=TEXT)

    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            {
                "schema_version": 1,
                "doc_id": "d1",
                "doc_sha256": sha256_text(TEXT),
                "annotator": name,
                "status": "done",
                "spans": [actor("x1", "Red Cross"), actor("x2", "ministry of defence")],
                "form": {"freed_by": [given]},
                "links": {"freed_by": [linked]},
            },
        )
        for name, given, linked in (
            ("alice", "Red Cross", "x1"),
            ("bob", "ministry of defence", "x2"),
        )
    ]
    session = open_review(
        journals, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=tmp_path / "links.toml"
    )
    try:
        session.settle_typed("Red    Cross")
        gold = session.records["d1"]
        assert (gold.form["freed_by"], gold.links["freed_by"]) == (["Red Cross"], ["s1"])
        assert session.flush()
        line = orjson.loads((tmp_path / "gold.jsonl").read_bytes().splitlines()[-1])
        assert line["form"]["freed_by"] == ["Red Cross"]
    finally:
        assert session.close()
