"""A review resumed on a gold file holding what the scheme in force does not allow or know (a
value a field no longer takes, a label or a field the scheme lacks: a gold file written before
the scheme changed). The journals are checked before a review opens; the gold file is not, and
such a document stood done gold unsaid until ``export --scheme`` refused it. The review opens,
keeps the line as it is, says which document holds what and how to take its annotators'
records instead; gold's form view (``g``) names it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.review_gold_form import gold_form
from annotator.core.session_edits import Refused
from tests.test_review_session_data import gold_lines, open_it, write_review_case

# Every kind gold may hold that the test scheme does not: a choice it does not list (its
# choices are "1" to "5"), text where a count goes, a field it lacks, a span of a label it lacks.
HELD = (
    "code = 9 (not a choice), number = three (not a whole number), which the scheme does not "
    "allow, and 1 span of label 'place' and field 'extra', which it does not know"
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def written_under_another_scheme(gold: Path) -> int:
    """Append to ``gold`` d2's latest line holding what the scheme does not (``HELD``), as a
    gold file made under another scheme holds it; its line number."""
    line = [one for one in gold_lines(gold) if one["doc_id"] == "d2"][-1]
    line["form"] = {**line["form"], "code": "9", "number": "three", "extra": 1}
    place = {"id": "s90", "start": 0, "end": 7, "label": "place", "text": "Ukraine", "value": None}
    line["spans"] = [*line["spans"], place]
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")
    return len(gold_lines(gold))


def test_a_gold_line_beside_the_scheme_is_said_and_kept(setup: dict[str, Path]) -> None:
    session = open_it(setup)  # the gold file written now: it holds what the scheme takes
    try:
        assert not [said for said in session.messages if "the gold of" in said]
    finally:
        assert session.close()
    number = written_under_another_scheme(setup["gold"])
    before = setup["gold"].read_bytes()
    session = open_it(setup)
    try:
        assert (
            f"gold.jsonl:{number}: the gold of d2 holds {HELD}: kept as it is (export --scheme "
            "refuses it); to take its annotators' records instead, merge it anew: l, then "
            "ctrl+r twice on it"
        ) in session.messages
        record = session.store.record("d2")
        assert gold_form(record, session.scheme).kept == HELD
        assert gold_form(session.store.record("d1"), session.scheme).kept == ""
        # Merged anew, d2 holds its annotators' records, which the scheme takes.
        session.merge_anew("d2")
        assert gold_form(session.store.record("d2"), session.scheme).kept == ""
    finally:
        assert session.close()
    assert setup["gold"].read_bytes().startswith(before)  # the line kept, a new one after it
    session = open_it(setup)
    try:
        assert not [said for said in session.messages if "the gold of" in said]
    finally:
        assert session.close()


def test_more_documents_are_counted_after_the_first(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    assert session.close()
    gold = setup["gold"]
    written_under_another_scheme(gold)
    d1 = [one for one in gold_lines(gold) if one["doc_id"] == "d1"][-1]
    d1["form"] = {**d1["form"], "code": "0"}
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d1) + b"\n")
    session = open_it(setup)
    try:
        (said,) = [said for said in session.messages if "the gold of" in said]
        assert said.startswith(
            "gold.jsonl:4: the gold of d1 (and 1 other document(s)) holds code = 0 (not a "
            "choice), which the scheme does not allow: kept as it is"
        )
    finally:
        assert session.close()


def test_settling_the_last_conflict_says_the_required_value_kept(setup: dict[str, Path]) -> None:
    """d2's last conflict (its number) settled, gold's code is still '9': not done, and said
    by its value, with the way to replace it (no conflict is left to type it over)."""
    session = open_it(setup)
    assert session.close()
    written_under_another_scheme(setup["gold"])
    session = open_it(setup)
    try:
        session.go_to_document("d2")
        session.take_notices()
        session.take(0)
        assert session.take_notices()[-1] == (
            "d2: no conflict left, but code holds '9' (not a choice); l, then ctrl+r twice, "
            "merges it anew"
        )
        d2 = session.store.record("d2")
        assert (d2.status, d2.conflicts, d2.form["code"]) == ("in_progress", [], "9")
    finally:
        assert session.close()


def test_a_document_settled_done_says_what_its_gold_still_keeps(setup: dict[str, Path]) -> None:
    """As annotate's d says it: a value a field it does not require no longer takes stays."""
    session = open_it(setup)
    assert session.close()
    gold = setup["gold"]
    d2 = [one for one in gold_lines(gold) if one["doc_id"] == "d2"][-1]
    d2["form"] = {**d2["form"], "releases": ["an item"]}
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d2) + b"\n")
    session = open_it(setup)
    try:
        session.go_to_document("d2")
        session.take_notices()
        session.take(0)
        assert session.take_notices()[1] == (
            "d2 is settled: done; it still holds releases #1 = an item (not an item), which "
            "the scheme does not allow (kept)"
        )
        assert session.store.record("d2").form["releases"] == ["an item"]
    finally:
        assert session.close()


@pytest.mark.parametrize("typed", [False, True])
def test_no_item_is_added_to_gold_holding_no_list_of_items(
    setup: dict[str, Path], typed: bool
) -> None:
    """Gold's releases hold text (a field made a group since): an item taken, or typed, is
    refused with the way forward. Appended to, 'rent' became items 'r', 'e', 'n', 't'."""
    session = open_it(setup)
    assert session.close()
    gold = setup["gold"]
    d1 = [one for one in gold_lines(gold) if one["doc_id"] == "d1"][-1]
    d1["form"] = {**d1["form"], "releases": "rent"}
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d1) + b"\n")
    session = open_it(setup)
    try:
        view = session.view()
        while view is not None and view.path != "releases":
            session.next_conflict()
            view = session.view()
        assert view is not None and view.gold_value == "rent"
        with pytest.raises(Refused) as refused:
            if typed:
                session.settle_typed([{"released_by": "Ukraine", "count": "12"}])
            else:
                session.take(0)
        assert str(refused.value) == (
            "releases: gold holds rent, not a list of items (kept from before the scheme "
            "changed): merge the document anew to replace it (l, then ctrl+r twice)"
        )
        assert session.store.record("d1").form["releases"] == "rent"
    finally:
        assert session.close()
