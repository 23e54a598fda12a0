"""A gold line edited by hand so that a span is not the text's: the review makes no decision on
its document (each would write the damage again), saying why and the way out, a merge anew of
the document, which makes its record afresh from the journals. A trial's damaged gold line was
resumed without a word."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.session_edits import Refused
from tests.test_review_session_data import merge, open_it, write_review_case


def test_no_decision_on_a_gold_line_off_the_text_till_it_is_merged_anew(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    merge(case)
    gold = case["gold"]
    lines = [orjson.loads(line) for line in gold.read_bytes().splitlines()]
    d1 = next(line for line in lines if line["doc_id"] == "d1")
    assert d1["spans"] and d1["conflicts"]
    d1["spans"][0]["text"] += "X"  # a hand edit
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d1) + b"\n")
    held = gold.read_bytes()
    session = open_it(case)
    try:
        assert session.doc_id == "d1"
        # Said as the document opens, before a decision is tried.
        warning = session.misfit(session.document("d1"))
        assert warning is not None and warning.startswith(
            "d1: its gold line does not fit the text (spans.0.text: "
        )
        assert warning.endswith(
            "edited by hand?): no decision on it can be written; merge the document anew from "
            "the journals (l, then ctrl+r twice)"
        )
        assert session.misfit(session.document("d2")) is None
        with pytest.raises(Refused) as refused:
            session.take(1)
        assert str(refused.value).startswith(
            "d1: its gold line does not fit the text (spans.0.text: "
        )
        assert str(refused.value).endswith(
            "edited by hand?), so nothing was written: merge the document anew from the "
            "journals (l, then ctrl+r twice)"
        )
        assert gold.read_bytes() == held
        session.merge_anew("d1")
        assert session.doc_id == "d1"
        assert session.misfit(session.document("d1")) is None
        session.take(1)  # the record made afresh fits: decisions go on
        assert session.flush(5)
        last = orjson.loads(gold.read_bytes().splitlines()[-1])
        assert last["doc_id"] == "d1" and "X" not in last["spans"][0]["text"]
    finally:
        session.close()
