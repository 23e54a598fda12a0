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

from annotator.core.review_exit import start_up_lines_at_exit
from annotator.core.review_gold_form import gold_form
from annotator.core.review_gold_scheme import GOLD_BESIDE_SCHEME
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
        assert not [said for said in session.messages if "the gold of " in said]
    finally:
        assert session.close()
    number = written_under_another_scheme(setup["gold"])
    before = setup["gold"].read_bytes()
    session = open_it(setup)
    try:
        assert (
            "gold.jsonl: the gold of 1 document(s) holds what scheme scheme.toml does not know "
            "or allow, kept as it is (export --scheme refuses it). Spans of labels it does not "
            f"know, in 1 document(s): 'place', 1 span in d2 (line {number}). Values its fields "
            f"do not take, in 1 document(s): code = 9 (not a choice) in d2 (line {number}); "
            f"number = three (not a whole number) in d2 (line {number}). Fields it does not "
            f"know, in 1 document(s): 'extra' in d2 (line {number}). To take a document's "
            "annotators' records instead, merge it anew: l, then ctrl+r twice on it"
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
        assert not [said for said in session.messages if "the gold of " in said]
    finally:
        assert session.close()


def _append_latest(gold: Path, doc_id: str, **form: object) -> int:
    """Append ``doc_id``'s latest gold line again with ``form``'s values; its line number."""
    line = [one for one in gold_lines(gold) if one["doc_id"] == doc_id][-1]
    line["form"] = {**line["form"], **form}
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")
    return len(gold_lines(gold))


def _beside_scheme(messages: list[str]) -> list[str]:
    return [said for said in messages if GOLD_BESIDE_SCHEME in said]


def test_each_kind_is_said_with_its_own_documents(setup: dict[str, Path]) -> None:
    """A trial's opening said 'the gold of 01 (and 2 other document(s)) holds 1 span of label
    'mediator'': document 02 held no such span but a renamed choice, never named. Each kind
    is said, counted, with the documents holding each thing."""
    session = open_it(setup)
    assert session.close()
    gold = setup["gold"]
    d2 = written_under_another_scheme(gold)
    d1 = _append_latest(gold, "d1", code="0")
    session = open_it(setup)
    try:
        (said,) = _beside_scheme(session.messages)
        assert said == (
            "gold.jsonl: the gold of 2 document(s) holds what scheme scheme.toml does not know "
            "or allow, kept as it is (export --scheme refuses it). Spans of labels it does not "
            f"know, in 1 document(s): 'place', 1 span in d2 (line {d2}). Values its fields do "
            f"not take, in 2 document(s): code = 0 (not a choice) in d1 (line {d1}); code = 9 "
            f"(not a choice) in d2 (line {d2}); number = three (not a whole number) in d2 (line "
            f"{d2}). Fields it does not know, in 1 document(s): 'extra' in d2 (line {d2}). To "
            "take a document's annotators' records instead, merge it anew: l, then ctrl+r "
            "twice on it"
        )
    finally:
        assert session.close()


def test_the_exit_line_says_gold_as_it_is_at_exit(setup: dict[str, Path]) -> None:
    """A trial merged one of the documents anew and settled it: the exit's line still
    counted it. It is read from gold at exit: d2 merged anew is no longer named, and
    once d1 is too, nothing is said; ctrl+z puts d1 back and says it again."""
    session = open_it(setup)
    assert session.close()
    gold = setup["gold"]
    written_under_another_scheme(gold)
    d1 = _append_latest(gold, "d1", code="0")
    session = open_it(setup)
    try:
        session.merge_anew("d2")
        (said,) = _beside_scheme(start_up_lines_at_exit(session))
        assert said == (
            "gold.jsonl: the gold of 1 document(s) holds what scheme scheme.toml does not know "
            "or allow, kept as it is (export --scheme refuses it). Values its fields do not "
            f"take, in 1 document(s): code = 0 (not a choice) in d1 (line {d1}). To take a "
            "document's annotators' records instead, merge it anew: l, then ctrl+r twice on it"
        )
        session.merge_anew("d1")
        assert _beside_scheme(start_up_lines_at_exit(session)) == []
        session.undo()
        (said,) = _beside_scheme(start_up_lines_at_exit(session))
        # Saved in this review, its line's number is not kept: the document is named.
        assert "code = 0 (not a choice) in d1. To take" in said
    finally:
        assert session.close()


def test_many_documents_and_things_are_cut_with_validate_named(setup: dict[str, Path]) -> None:
    """Past three documents of one thing, or three things of one kind, the rest are counted
    and validate, which lists every line, named."""
    session = open_it(setup)
    assert session.close()
    gold = setup["gold"]
    _append_latest(gold, "d1", a=1, b=1, c=1, d=1)
    _append_latest(gold, "d2", d=1)
    session = open_it(setup)
    try:
        (said,) = _beside_scheme(session.messages)
        assert (
            "Fields it does not know, in 2 document(s): 'a' in d1 (line 3); 'b' in d1 (line "
            "3); 'c' in d1 (line 3); and 1 more (annotator validate --scheme "
            f"{setup['scheme']} {gold} lists every line). To take"
        ) in said
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
