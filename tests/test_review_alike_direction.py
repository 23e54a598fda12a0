"""An item only some gave is said "the same one" as gold's by direction, not by figures
(``review_item_notices``). The scheme's guidelines: "One entry per transfer direction; an
exchange has at least two".

A trial's Arbela (01): ann2 alone gave the return leg (Kestria → Norvania, 95, same day),
and the panel said it "may be the same one as gold's releases #1 (Norvania → Kestria, …):
taking it puts it in gold twice" — the other direction, another transfer. Its Drava (03):
ann2 gave the one handover (same giver and receiver) with 210 and a day later where gold
held 187: nothing was said before or after the key, and gold held the handover twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import sha256_text
from annotator.core.review_open import open_review
from tests.test_agreement_data import write_corpus, write_journal

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs"


def text_of(doc_id: str) -> str:
    return (SAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8")


def spans_of(doc_id: str, *marked: tuple[str, int, str, str, Any]) -> list[dict[str, Any]]:
    """Spans as the trial's journals hold them: (id, start, words, label, value)."""
    text = text_of(doc_id)
    made = []
    for span_id, start, words, label, value in marked:
        assert text[start : start + len(words)] == words
        made.append(
            {
                "id": span_id,
                "start": start,
                "end": start + len(words),
                "label": label,
                "text": words,
                "value": value,
            }
        )
    return made


FIELDS = ("released_by", "received_by", "count", "date", "releasees")


def journal_line(
    doc_id: str,
    name: str,
    spans: list[dict[str, Any]],
    releases: list[tuple[dict[str, Any], tuple[str | None, ...]]],
) -> dict[str, Any]:
    """One annotator's done record; each release with the span linked to each of its fields
    (``FIELDS`` order; None: not linked)."""
    links = {
        f"releases[{index}].{field}": [span_id]
        for index, (_item, linked) in enumerate(releases)
        for field, span_id in zip(FIELDS, linked, strict=True)
        if span_id is not None
    }
    return {
        "schema_version": 1,
        "doc_id": doc_id,
        "doc_sha256": sha256_text(text_of(doc_id)),
        "annotator": name,
        "status": "done",
        "spans": spans,
        "form": {"event_type": "exchange", "releases": [item for item, _linked in releases]},
        "links": links,
    }


def item(by: str, to: str, count: int, date: str, names: list[str]) -> dict[str, Any]:
    return dict(zip(FIELDS, (by, to, count, date, names), strict=True))


def open_case(folder: Path, doc_id: str, made: dict[str, dict[str, Any]]) -> Any:
    journals = folder / "annotations"
    journals.mkdir()
    corpus = write_corpus(folder, {doc_id: text_of(doc_id)})
    paths = [write_journal(journals / f"{name}.jsonl", one) for name, one in made.items()]
    return open_review(paths, corpus, folder / "gold.jsonl", "rita")


def settle_all_but_items(session: Any, doc_id: str) -> None:
    """Every conflict but those over a whole item settled as the trial's reviewer did, with
    ann1's version, ``take_notices`` emptied."""
    for conflict in list(session.records[doc_id].conflicts):
        if conflict.get("path") == "releases":
            continue
        index = next(
            place
            for place, version in enumerate(conflict["versions"])
            if "ann1" in version["annotators"]
        )
        session.go_to(doc_id, conflict["id"])
        session.take(index)
    session.take_notices()


def item_conflicts(session: Any, doc_id: str) -> list[str]:
    return [
        str(conflict["id"])
        for conflict in session.records[doc_id].conflicts
        if conflict.get("path") == "releases"
    ]


ARBELA = "01-arbela-pow-swap"
NORVANIA, KESTRIA = ("s1", 35, "Norvania", "actor", None), ("s2", 48, "Kestria", "actor", None)
NINETY_FIVE, SUNDAY = ("s4", 66, "95", "count", 95), ("s5", 94, "Sunday", "date", "2024-03-17")
OF_WAR = ("s3", 66, "95 prisoners of war", "releasee", None)
NK = item("Norvania", "Kestria", 95, "2024-03-17", ["95 prisoners of war"])


def test_the_other_direction_of_an_exchange_is_not_said_the_same_one(tmp_path: Path) -> None:
    spans = spans_of(ARBELA, NORVANIA, KESTRIA, NINETY_FIVE, OF_WAR, SUNDAY)
    ann2_spans = spans_of(
        ARBELA, NORVANIA, KESTRIA, NINETY_FIVE, ("s3", 66, "95 prisoners", "releasee", None), SUNDAY
    )
    kn = item("Kestria", "Norvania", 95, "2024-03-17", ["95 prisoners"])
    made = {
        "ann1": journal_line(ARBELA, "ann1", spans, [(NK, ("s1", "s2", "s4", "s5", "s3"))]),
        "ann2": journal_line(
            ARBELA,
            "ann2",
            ann2_spans,
            [
                ({**NK, "releasees": ["95 prisoners"]}, ("s1", "s2", "s4", "s5", "s3")),
                (kn, ("s2", "s1", "s4", "s5", "s3")),
            ],
        ),
        "ann3": journal_line(ARBELA, "ann3", spans, [(NK, ("s1", "s2", "s4", "s5", "s3"))]),
    }
    session = open_case(tmp_path, ARBELA, made)
    try:
        settle_all_but_items(session, ARBELA)
        assert session.records[ARBELA].form["releases"] == [NK]
        (lone,) = item_conflicts(session, ARBELA)
        session.go_to(ARBELA, lone)
        view = session.view()
        assert view is not None and view.lone_item is not None
        # The trial: "may be the same one as gold's releases #1 (Norvania → Kestria, …)".
        assert view.lone_item.alike is None
        session.take(0)
        said = session.take_notices()[0]
        assert said.startswith(
            f"settled {lone}: releases: added the item ann2 gave (Kestria → Norvania, 95, "
            "2024-03-17) to gold; its link"
        ), said
        assert "alike" not in said
        assert len(session.records[ARBELA].form["releases"]) == 2
    finally:
        assert session.close()


DRAVA = "03-drava-disputed-figures"
AUTHORITY = "Drava People’s Authority"
OSTREVA = "government of Ostreva"
CIVILIANS = "187 Ostrevan soldiers and civilians"
ANN1_DRAVA = item(AUTHORITY, OSTREVA, 187, "2024-06-07", [CIVILIANS])
COUNT_187 = ("s4", 315, "187", "count", 187)


def drava_journals() -> dict[str, dict[str, Any]]:
    """The trial's three journals of 03, as they were (ann3's span ids its own)."""
    friday = ("s5", 140, "Friday", "date", "2024-06-07")
    ann1 = spans_of(
        DRAVA,
        ("s1", 39, OSTREVA, "actor", None),
        ("s2", 80, AUTHORITY, "actor", None),
        friday,
        COUNT_187,
        ("s3", 315, CIVILIANS, "releasee", None),
    )
    ann2 = spans_of(
        DRAVA,
        ("s1", 39, OSTREVA, "actor", None),
        ("s2", 80, AUTHORITY, "actor", None),
        ("s5", 298, "on Saturday", "date", "2024-06-08"),
        ("s3", 315, "187 Ostrevan soldiers", "releasee", None),
        ("s4", 571, "210", "count", 210),
    )
    ann3 = spans_of(
        DRAVA,
        ("s2", 39, OSTREVA, "actor", None),
        ("s3", 80, AUTHORITY, "actor", None),
        friday,
        COUNT_187,
        ("s1", 406, "165", "count", 165),
    )
    return {
        "ann1": journal_line(DRAVA, "ann1", ann1, [(ANN1_DRAVA, ("s2", "s1", "s4", "s5", "s3"))]),
        "ann2": journal_line(DRAVA, "ann2", ann2, [(ANN2_DRAVA, ("s2", "s1", "s4", "s5", "s3"))]),
        "ann3": journal_line(
            DRAVA,
            "ann3",
            ann3,
            [({**ANN1_DRAVA, "releasees": []}, ("s3", "s2", "s4", "s5", None))],
        ),
    }


ANN2_DRAVA = item(AUTHORITY, OSTREVA, 210, "2024-06-08", ["187 Ostrevan soldiers"])


def drava_to_ann2s_item(tmp_path: Path) -> tuple[Any, str]:
    """03 with ann2's 210 a day later an item of its own: ann2 gave the 187 handover too, as
    ann1 did (merge pairs equal items first, so the 210 stays alone), every other conflict
    settled with ann1's version; the session and the conflict over ann2's 210."""
    made = drava_journals()
    ann2 = made["ann2"]
    ann2["spans"] += spans_of(
        DRAVA, ("s6", 140, "Friday", "date", "2024-06-07"), ("s7", 315, "187", "count", 187)
    )
    ann2["form"]["releases"].insert(0, {**ANN1_DRAVA, "releasees": []})
    ann2["links"] = {
        f"releases[{index}].{field}": [span_id]
        for index, linked in enumerate(
            [("s2", "s1", "s7", "s6", None), ("s2", "s1", "s4", "s5", "s3")]
        )
        for field, span_id in zip(FIELDS, linked, strict=True)
        if span_id is not None
    }
    session = open_case(tmp_path, DRAVA, made)
    settle_all_but_items(session, DRAVA)
    assert session.records[DRAVA].form["releases"] == [ANN1_DRAVA]
    (lone,) = item_conflicts(session, DRAVA)
    return session, lone


# Cut within the longest field, never a field's start joined to another's end ("government of
# … 187" lost "Ostreva,").
CUT = "Drava People…hority → government of Ostreva"
GOLDS = f"gold's releases #1 ({CUT}, 187, 2024-06-07)"
DIFFERING = "differing in count (210 against 187) and date (2024-06-08 against 2024-06-07)"


def test_one_direction_with_other_figures_may_be_the_same_one_before_the_key(
    tmp_path: Path,
) -> None:
    session, lone = drava_to_ann2s_item(tmp_path)
    try:
        session.go_to(DRAVA, lone)
        view = session.view()
        assert view is not None and view.lone_item is not None
        assert view.lone_item.alike == f"{GOLDS}, {DIFFERING}"
        assert view.lone_item.alike_taking == "taking it puts it in gold twice"
    finally:
        assert session.close()


def test_one_direction_with_other_figures_taken_says_now_twice(tmp_path: Path) -> None:
    session, lone = drava_to_ann2s_item(tmp_path)
    try:
        session.go_to(DRAVA, lone)
        session.take(0)
        said = session.take_notices()[0]
        assert said.startswith(
            f"settled {lone}: releases: added the item ann2 gave ({CUT}, 210, 2024-06-08) to "
            f"gold; {GOLDS} is so alike it may be the same one, "
            f"{DIFFERING}, now twice"
        ), said
        assert said.endswith(" · ctrl+z undoes")
        # Its undo takes the second one away: the clause, with what differs, is not said.
        session.undo()
        (undone,) = session.take_notices()
        assert undone.startswith(f"undid: {DRAVA} {lone} is open again (releases: added")
        assert "alike" not in undone and "differing" not in undone and "twice" not in undone
    finally:
        assert session.close()
