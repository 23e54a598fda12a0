"""A field filled from a span whose words hold a tab, a line break (CRLF in the file) or a
non-breaking space takes them single-spaced (``span_words``): a review found
'11 civilian\\tofficials' in a list. A link stays with the value or item holding its span's
words, whitespace aside, one filled before with the tab kept too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import forms
from annotator.core.list_links import marker_words
from annotator.core.models import Span
from annotator.core.session import AnnotationSession
from annotator.core.span_links import follow_span
from annotator.core.span_words import index_of_words, single_spaced
from tests.test_session_data import journal_lines, session_on

TEXT = "Kestria freed 11 civilian\tofficials of the Garesh\r\nnavy to Ulmaria\u00a0Province.\r\n"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    opened.open("d")
    yield opened
    opened.close()


def label(session: AnnotationSession, words: str, name: str) -> str:
    start = session.text.index(words)
    return session.label_selection(start, start + len(words), name).id


def filled(session: AnnotationSession) -> tuple[str, str, str]:
    """The releasee (a tab), the giver (a line break), the receiver (a non-breaking space),
    each filled into the first release."""
    releasee = label(session, "11 civilian\tofficials", "releasee")
    giver = label(session, "Garesh\nnavy", "actor")  # the file's CRLF is read as a line break
    receiver = label(session, "Ulmaria\u00a0Province", "actor")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].releasees", releasee)
    session.fill_from_span("releases[0].released_by", giver)
    session.fill_from_span("releases[0].received_by", receiver)
    return releasee, giver, receiver


def test_values_filled_from_spans_are_single_spaced_and_stay_linked(
    session: AnnotationSession,
) -> None:
    releasee, giver, receiver = filled(session)
    saved = journal_lines(session)[-1]
    assert saved["form"]["releases"][0] == {
        "released_by": "Garesh navy",
        "received_by": "Ulmaria Province",
        "count": None,
        "date": None,
        "releasees": ["11 civilian officials"],
    }
    assert saved["links"] == {
        "releases[0].releasees": [releasee],
        "releases[0].released_by": [giver],
        "releases[0].received_by": [receiver],
    }
    assert saved["spans"][0]["text"] == "11 civilian\tofficials"  # the span's words as they are
    assert marker_words(session.record, "releases[0].releasees", session.scheme) == [releasee]


def test_the_list_saved_as_its_input_shows_it_keeps_its_links(session: AnnotationSession) -> None:
    releasee, _giver, _receiver = filled(session)
    other = label(session, "Kestria", "releasee")
    session.fill_from_span("releases[0].releasees", other)
    shown = forms.typed_text(session.field_value("releases[0].releasees"))
    assert shown == "Kestria, 11 civilian officials"  # in text order
    session.set_field("releases[0].releasees", "Kestria, 11 civilian officials, Pavel")
    assert session.record.links["releases[0].releasees"] == [other, releasee]
    assert marker_words(session.record, "releases[0].releasees", session.scheme) == [
        other,
        releasee,
        "–",
    ]


def test_a_value_filled_with_its_tab_before_keeps_its_links(session: AnnotationSession) -> None:
    releasee, giver, _receiver = filled(session)
    record, scheme = session.record, session.scheme
    # As a journal written before the fix holds it: the span's words as they stand.
    form = {"releases": [{**record.form["releases"][0]}]}
    form["releases"][0]["releasees"] = ["11 civilian\tofficials"]
    form["releases"][0]["released_by"] = "Garesh\nnavy"
    old = record.model_copy(update={"form": form})
    assert marker_words(old, "releases[0].releasees", scheme) == [releasee]
    shown = ["11 civilian officials", "Pavel"]  # saved as its input shows it, a name typed
    typed = forms.set_field(old, "releases[0].releasees", shown, scheme)
    assert typed.links["releases[0].releasees"] == [releasee]
    # ctrl+l again on the span it holds: nothing changes (a link made by ctrl+t would stay).
    again = forms.fill_from_span(old, "releases[0].released_by", giver, scheme)
    assert again is old
    listed = forms.fill_from_span(
        old.model_copy(update={"links": {}}), "releases[0].releasees", releasee, scheme
    )
    assert listed.form["releases"][0]["releasees"] == ["11 civilian\tofficials"]  # linked only
    assert listed.links["releases[0].releasees"] == [releasee]


def test_a_span_whose_words_change_is_followed_by_its_tabbed_item(
    session: AnnotationSession,
) -> None:
    releasee, giver, _receiver = filled(session)
    record, scheme = session.record, session.scheme
    form = {"releases": [{**record.form["releases"][0]}]}
    form["releases"][0]["releasees"] = ["11 civilian\tofficials"]
    form["releases"][0]["released_by"] = "Garesh\nnavy"
    old = record.model_copy(update={"form": form})
    spans = [
        span.model_copy(update={"text": span.text.replace("11", "12")})
        if span.id == releasee
        else span.model_copy(update={"text": "Garesh\tfleet"})
        if span.id == giver
        else span
        for span in old.spans
    ]
    changed = old.model_copy(update={"spans": spans})
    followed, _said = follow_span(old, changed, releasee, scheme)
    followed, _said = follow_span(old, followed, giver, scheme)
    assert followed.form["releases"][0]["releasees"] == ["12 civilian officials"]
    assert followed.form["releases"][0]["released_by"] == "Garesh fleet"


def test_single_spaced_folds_every_run_of_whitespace() -> None:
    assert single_spaced(" a\t\tb\r\nc\u00a0d ") == "a b c d"
    span = Span(id="s1", start=0, end=5, label="x", text="a\u00a0b")
    assert index_of_words(["c", "a  b"], span) == 1
    assert index_of_words(["ab"], span) is None
