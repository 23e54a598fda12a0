"""ctrl+z after ctrl+k or ctrl+r twice on the stale document that d moved on to: the stale
record comes back first (a review found the d of the document before undone instead)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused
from tests.test_session_data import journal_lines, open_alice_on, where, write_texts


def d_onto_stale_b(tmp_path: Path) -> AnnotationSession:
    """alice's record of b (Norvania), b's text changed since; a labelled and done, d having
    moved on to b, stale."""
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "b")
    first.label_selection(*where(first, "Norvania"), "actor")
    assert first.close()
    (corpus / "b.txt").write_text("UPDATED: date 2024-03-17 Norvania freed 12 fishermen.\n")
    session = open_alice_on(corpus, tmp_path, "a")
    session.label_selection(*where(session, "Russia"), "actor")
    session.set_field("event_type", "exchange")
    assert session.mark_done() == "b"
    session.open("b")
    assert session.stale is not None and session.finish_undoable
    return session


@pytest.mark.parametrize("replace", ["carry_over", "start_over"])
def test_ctrl_z_gives_the_stale_record_back_not_the_d_before(tmp_path: Path, replace: str) -> None:
    session = d_onto_stale_b(tmp_path)
    try:
        stale = session.stale
        getattr(session, replace)()
        assert not session.finish_undoable  # a change was made since d
        step = session.undo()
        assert step is not None
        words = replace.replace("_", " ")
        assert step.text == f"{words}: your record (1 span, in progress) is back, stale here"
        assert session.stale == stale
        assert session.store.records["a"].status == "done"
        assert journal_lines(session)[-1]["doc_id"] == "b"
        with pytest.raises(Refused, match="stale"):
            session.undo()  # b is stale again; a's d is past undoing, as after any change
        assert session.store.records["a"].status == "done"
    finally:
        session.close()
