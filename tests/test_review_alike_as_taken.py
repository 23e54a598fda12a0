"""Items only some annotators gave are compared as gold stores them taken (their words the
span's they are at their best tier: ``review_typed_words.item_as_taken``). A trial's bob gave
"Drava People’s Authority · 12" and carol "drava people's authority · 12" (the keyboard's
apostrophe), two conflicts c2 and c3: taking both gave gold two identical items, both linked
to s1, with no "so alike it may be the same one"; and the panel said a taken item "(typed)"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from tests.test_agreement_data import write_corpus, write_journal

DRAVA = "Drava People’s Authority"  # as the article writes it: a curly ’
TEXT = f"date 2024-03-19\nThe {DRAVA} freed 12 fishermen on Monday. Kestria welcomed it.\n"
ALIKE = f"gold's releases #1 ({DRAVA}, 12)"


def spans() -> list[dict[str, Any]]:
    out = []
    for number, (words, label, value) in enumerate(
        [(DRAVA, "actor", None), ("12", "count", 12), ("Kestria", "actor", None)], start=1
    ):
        start = TEXT.index(words)
        out.append(
            {"id": f"s{number}", "start": start, "end": start + len(words), "label": label}
            | {"text": words, "value": value}
        )
    return out


def journal(name: str, released_by: str) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": spans(),
        "form": {
            "event_type": "unilateral_release",
            "releases": [{"released_by": released_by, "count": 12}],
        },
        "links": {"releases[0].count": ["s2"]},
    }


def opened(tmp_path: Path) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    given = {"alice": "Kestria", "bob": DRAVA, "carol": "drava people's authority"}
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", journal(name, released_by))
        for name, released_by in given.items()
    ]
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")


def conflict_of(session: ReviewSession, name: str) -> str:
    """The conflict over the item ``name`` alone gave."""
    for conflict in session.records["d1"].conflicts:
        if [v.get("annotators") for v in conflict.get("versions") or []] == [[name]]:
            return str(conflict["id"])
    raise AssertionError(name)


def take(session: ReviewSession, name: str) -> str:
    session.go_to("d1", conflict_of(session, name))
    session.take(0)
    return session.take_notices()[0]


def test_carols_item_is_said_alike_bobs_before_the_key(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        bob, carol = conflict_of(session, "bob"), conflict_of(session, "carol")
        session.go_to("d1", carol)
        view = session.view()
        assert view is not None and view.lone_item is not None
        assert view.lone_item.alike == f"{bob}: the item bob gave ({DRAVA}, 12)"
        take(session, "bob")
        session.go_to("d1", carol)
        view = session.view()
        assert view is not None and view.lone_item is not None
        assert view.lone_item.alike == ALIKE
        told = take(session, "carol")
        assert told == (
            f"settled {carol}: releases: added the item carol gave (drava people's authority,"
            f" 12) to gold; {ALIKE} is so alike it may be the same one, now twice; linked: "
            "released_by s1, count s2 · ctrl+z undoes"
        )
    finally:
        assert session.close()


def origins_after(tmp_path: Path, *names: str) -> tuple[str, ...] | None:
    session = opened(tmp_path)
    try:
        for name in names:
            take(session, name)
        session.go_to("d1", conflict_of(session, "alice"))
        view = session.view()
        assert view is not None
        return view.gold_origins
    finally:
        assert session.close()


def test_carols_item_taken_is_said_taken(tmp_path: Path) -> None:
    assert origins_after(tmp_path, "carol") == ("taken",)


def test_both_taken_are_said_taken(tmp_path: Path) -> None:
    assert origins_after(tmp_path, "bob", "carol") == ("taken", "taken")
