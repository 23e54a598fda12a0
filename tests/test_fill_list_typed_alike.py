"""ctrl+l (``forms.fill_from_span``) on a list field holding an item typed as the span's words
otherwise (``span_words.spans_alike``: case, then accents, quotes and dashes aside) and no
other span's at its best tier: that item becomes the span's
words, linked, not listed a second time; an item holding another linked span's words as they
are stays that span's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import journal_lines, open_on

TEXT = "date 2024-12-08 Freed were Zoë N’Diaye, RUSSIA and Russia.\n"
PATH = "releases[0].releasees"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def label(session: AnnotationSession, words: str, last: bool = False) -> str:
    start = TEXT.rindex(words) if last else TEXT.index(words)
    return session.label_selection(start, start + len(words), "releasee").id


def test_an_item_typed_alike_becomes_the_spans_words(session: AnnotationSession) -> None:
    zoe = label(session, "Zoë N’Diaye")
    session.add_group_item("releases")
    session.set_field(PATH, "Dmitri, ZOE N'DIAYE")
    session.fill_from_span(PATH, zoe)
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["releasees"] == ["Dmitri", "Zoë N’Diaye"]
    assert line["links"] == {PATH: [zoe]}


def test_an_item_of_a_linked_spans_words_stays_its(session: AnnotationSession) -> None:
    capitals, russia = label(session, "RUSSIA"), label(session, "Russia", last=True)
    session.add_group_item("releases")
    session.fill_from_span(PATH, russia)
    session.fill_from_span(PATH, capitals)
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["releasees"] == ["RUSSIA", "Russia"]
    assert line["links"] == {PATH: [capitals, russia]}


NOWAK_TEXT = "date 2024-12-08 Kestria freed Józef Nowak and Jozef Nowak to Norvania.\n"


@pytest.fixture
def nowak(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, NOWAK_TEXT)


def nowak_span(session: AnnotationSession, words: str) -> str:
    start = NOWAK_TEXT.index(words)
    return session.label_selection(start, start + len(words), "releasee").id


def test_an_item_closer_to_another_span_stays_typed(nowak: AnnotationSession) -> None:
    """A typed "józef nowak" is "Józef Nowak" case aside, "Jozef Nowak" only as the search
    folds accents: ctrl+l on "Jozef Nowak" adds it beside the typed item (it replaced it,
    another person's name, silently)."""
    accented, plain = nowak_span(nowak, "Józef Nowak"), nowak_span(nowak, "Jozef Nowak")
    nowak.add_group_item("releases")
    nowak.set_field(PATH, "józef nowak")
    nowak.fill_from_span(PATH, plain)
    line = journal_lines(nowak)[-1]
    assert line["form"]["releases"][0]["releasees"] == ["józef nowak", "Jozef Nowak"]
    assert line["links"] == {PATH: [plain]}
    # On its own closest span, the typed item becomes its words.
    nowak.fill_from_span(PATH, accented)
    line = journal_lines(nowak)[-1]
    assert line["form"]["releases"][0]["releasees"] == ["Józef Nowak", "Jozef Nowak"]
    assert line["links"] == {PATH: [accented, plain]}


def test_an_item_alike_two_spans_at_its_best_stays_typed(nowak: AnnotationSession) -> None:
    """An item two spans give alike at its best tier ("jozef nowák": both only as the search
    folds accents) is left as typed, the span picked listed beside it."""
    plain = nowak_span(nowak, "Jozef Nowak")
    nowak_span(nowak, "Józef Nowak")
    nowak.add_group_item("releases")
    nowak.set_field(PATH, "jozef nowák")
    nowak.fill_from_span(PATH, plain)
    line = journal_lines(nowak)[-1]
    assert line["form"]["releases"][0]["releasees"] == ["jozef nowák", "Jozef Nowak"]
