"""A span carried over whose words changed only in whitespace takes the new text's words; the
fields linked to it take them too, as when a span's words change by ``r`` (``span_links``).
Left with the old words, a list field's item no longer matched its span: the marker called it
typed (``–``) and the next save of the list dropped its link without a word."""

from __future__ import annotations

from pathlib import Path

from annotator.core.list_links import marker_words
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import FakeClock, fixed_now, journal_lines, where, write_texts

OLD = "Kestria freed Ana\tPopa and Ion Rus on Monday.\n"
NEW = "Kestria freed Ana Popa and Ion Rus on Monday.\n"
LIST = "releases[0].releasees"


def alice(corpus: Path, tmp_path: Path) -> AnnotationSession:
    return open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)


def test_fields_linked_to_a_span_whose_whitespace_changed_take_its_new_words(
    tmp_path: Path,
) -> None:
    corpus = write_texts(tmp_path)
    (corpus / "a.txt").write_text(OLD, "utf-8")
    first = alice(corpus, tmp_path)
    first.open("a")
    first.label_selection(*where(first, "Ana\tPopa"), "releasee")
    first.label_selection(*where(first, "Ion Rus"), "releasee")
    first.add_group_item("releases")
    first.fill_from_span(LIST, "s1")
    first.fill_from_span(LIST, "s2")
    assert first.close()
    (corpus / "a.txt").write_text(NEW, "utf-8")
    session = alice(corpus, tmp_path)
    try:
        session.open("a")
        session.carry_over()
        saved = journal_lines(session)[-1]
        assert saved["spans"][0]["text"] == "Ana Popa"
        assert saved["form"]["releases"][0]["releasees"] == ["Ana Popa", "Ion Rus"]
        assert marker_words(session.record, LIST, session.scheme) == ["s1", "s2"]
        # A name typed beside them keeps both links.
        session.set_field(LIST, ["Ana Popa", "Ion Rus", "Dan"])
        assert session.record.links[LIST] == ["s1", "s2"]
        # One ctrl+z still gives the stale record back.
        session.undo()
        session.undo()
        assert session.stale is not None
    finally:
        session.close()


def test_an_item_filled_with_its_tab_before_keeps_its_link_carried_over(tmp_path: Path) -> None:
    # A journal written before words were single-spaced (``span_words``) holds the tab in the
    # item: carried over, the link holds by its words, whitespace aside, and a save keeps it.
    import orjson

    corpus = write_texts(tmp_path)
    (corpus / "a.txt").write_text(OLD, "utf-8")
    first = alice(corpus, tmp_path)
    first.open("a")
    first.label_selection(*where(first, "Ana\tPopa"), "releasee")
    first.label_selection(*where(first, "Ion Rus"), "releasee")  # says the edit was whitespace
    first.add_group_item("releases")
    first.fill_from_span(LIST, "s1")
    assert first.close()
    lines = [orjson.loads(line) for line in first.journal.read_bytes().splitlines()]
    lines[-1]["form"]["releases"][0]["releasees"] = ["Ana\tPopa"]
    first.journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    (corpus / "a.txt").write_text(NEW, "utf-8")
    session = alice(corpus, tmp_path)
    try:
        session.open("a")
        session.carry_over()
        assert session.record.form["releases"][0]["releasees"] == ["Ana\tPopa"]
        assert marker_words(session.record, LIST, session.scheme) == ["s1"]
        session.set_field(LIST, ["Ana Popa", "Dan"])
        assert journal_lines(session)[-1]["links"] == {LIST: ["s1"]}
    finally:
        session.close()
