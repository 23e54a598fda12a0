"""A record holding, in fields the scheme knows, values they no longer take (a choice renamed,
a count made text): kept as they are on disk, shown empty, named on opening and by d, and
replaced only by a value chosen or typed (a trial's renamed choice ended the screen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.models import Record
from annotator.core.record_unallowed import (
    NotAllowed,
    not_allowed_words,
    shown_value,
    values_not_allowed,
)
from annotator.core.scheme import Scheme, default_scheme_path, load_scheme
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now, journal_lines, write_texts

# Every kind of value a field of the default scheme does not take: a choice it does not list,
# text where a count goes, a count where text goes, words where a date goes, one text where a
# list goes, a list holding a count, an item that is no item; and a subfield it lacks (kept
# as an unknown field, ``record_unknown``).
BAD_FORM: dict[str, Any] = {
    "event_type": "sit_in",
    "releases": [
        {
            "released_by": 7,
            "received_by": "Kestria",
            "count": "many",
            "date": "Sunday",
            "releasees": "Ann, Bo",
            "side": "east",
        },
        {"count": True, "releasees": ["Ann", 3], "date": "2024-02-30"},
        "an item",
    ],
}


def a_record(form: dict[str, Any], **more: Any) -> Record:
    return Record.model_validate(
        {
            "schema_version": 1,
            "doc_id": "a",
            "doc_sha256": "0" * 64,
            "annotator": "alice",
            "status": "in_progress",
            "spans": [],
            "form": form,
            **more,
        }
    )


@pytest.fixture
def scheme() -> Scheme:
    return load_scheme(default_scheme_path())


def test_every_value_a_field_does_not_take_is_found(scheme: Scheme) -> None:
    found = values_not_allowed(a_record(BAD_FORM), scheme)
    assert found == [
        NotAllowed("event_type", "sit_in", "not a choice"),
        NotAllowed("releases[0].released_by", 7, "not text"),
        NotAllowed("releases[0].count", "many", "not a whole number"),
        NotAllowed("releases[0].date", "Sunday", "not a date"),
        NotAllowed("releases[0].releasees", "Ann, Bo", "not a list of text"),
        NotAllowed("releases[1].count", True, "not a whole number"),
        NotAllowed("releases[1].date", "2024-02-30", "not a date"),
        NotAllowed("releases[1].releasees", ["Ann", 3], "not a list of text"),
        NotAllowed("releases[2]", "an item", "not an item"),
    ]
    assert [not_allowed_words(one) for one in found[:2]] == [
        "event_type = sit_in (not a choice)",
        "releases #1 released_by = 7 (not text)",
    ]
    # A group that is no list of items is one value, its items not looked into.
    assert values_not_allowed(a_record({"releases": {"count": 1}}), scheme) == [
        NotAllowed("releases", {"count": 1}, "not a list of items")
    ]
    good = {"event_type": "exchange", "releases": [{"count": 146, "releasees": []}]}
    assert values_not_allowed(a_record(good), scheme) == []
    assert values_not_allowed(a_record({"event_type": None}), scheme) == []  # empty


def test_the_form_shows_such_a_value_empty_and_others_as_they_are(scheme: Scheme) -> None:
    record = a_record(BAD_FORM)
    assert shown_value(record, "event_type", scheme) is None
    assert shown_value(record, "releases[0].count", scheme) is None
    assert shown_value(record, "releases[0].releasees", scheme) == []
    assert shown_value(record, "releases[0].received_by", scheme) == "Kestria"
    assert shown_value(record, "releases[2].count", scheme) is None  # no item
    record = a_record({"releases": "one release"})
    assert shown_value(record, "releases[0].count", scheme) is None


# Spans of a ("... Russia and Ukraine swapped 146 prisoners on Sunday."), linked to fields
# holding values they do not take.
BAD_SPANS = [
    {"id": "s1", "start": 16, "end": 22, "label": "actor", "text": "Russia"},
    {"id": "s2", "start": 43, "end": 56, "label": "releasee", "text": "146 prisoners"},
    {"id": "s3", "start": 43, "end": 46, "label": "count", "text": "146", "value": 146},
]
BAD_LINKS = {
    "releases[0].released_by": ["s1"],
    "releases[0].count": ["s3"],
    "releases[1].releasees": ["s2"],
}


def bad_journal(corpus: Path, tmp_path: Path, form: dict[str, Any]) -> Path:
    """alice's journal holding one record of a, in progress, whose form is ``form`` (its
    spans and links ``BAD_SPANS`` and ``BAD_LINKS``)."""
    document = open_corpus(corpus).get("a")
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    line = a_record(
        form,
        doc_sha256=document.sha256,
        updated_at="2025-08-24T09:00:00Z",
        spans=BAD_SPANS,
        links=BAD_LINKS,
    )
    journal.write_bytes(orjson.dumps(line.model_dump(mode="json")) + b"\n")
    return journal


@pytest.fixture
def bad(tmp_path: Path) -> AnnotationSession:
    corpus = write_texts(tmp_path)
    bad_journal(corpus, tmp_path, BAD_FORM)
    return open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)


def test_opening_says_once_what_the_scheme_does_not_allow_and_leaving_it_empty_keeps_it(
    bad: AnnotationSession,
) -> None:
    try:
        bad.open("a")
        (said,) = bad.take_notices()
        assert said.startswith(
            "this record holds event_type = sit_in (not a choice), releases #1 released_by "
            "= 7 (not text), "
        )
        assert said.endswith(
            "releases #3 = an item (not an item), which the scheme does not allow, and "
            "field 'releases[].side', which it does not know (kept as they are; annotator "
            f"validate --scheme {bad.scheme_path} {bad.journal} lists them)"
        )
        # The form shows these fields empty: saving them empty (leaving them) keeps them.
        for path in ("event_type", "releases[0].count", "releases[0].releasees"):
            assert bad.set_field(path, "") is False
        assert bad.set_field("event_type", None) is False  # a choice list left unchosen
        assert bad.record.form == BAD_FORM
        # Another field of the item saved: the item keeps what it held.
        assert bad.set_field("releases[0].received_by", "Norvania") is True
        assert journal_lines(bad)[-1]["form"]["releases"][0] == {
            **BAD_FORM["releases"][0],
            "received_by": "Norvania",
        }
        assert bad.take_notices() == []
    finally:
        bad.close()


def test_a_value_chosen_replaces_it_said_and_d_says_what_is_still_kept(
    bad: AnnotationSession,
) -> None:
    try:
        bad.open("a")
        bad.take_notices()
        assert bad.set_field("event_type", "exchange") is True
        assert bad.take_notices() == [
            "event_type: replaced sit_in, which the scheme does not allow (ctrl+z gives it back)"
        ]
        assert journal_lines(bad)[-1]["form"]["event_type"] == "exchange"
        bad.undo()
        assert bad.record.form["event_type"] == "sit_in"
        bad.redo()
        # Filled from a span (ctrl+l), the same.
        bad.fill_from_span("releases[0].count", "s3")
        assert bad.take_notices() == [
            "releases #1 count: replaced many, which the scheme does not allow (ctrl+z gives "
            "it back)"
        ]
        assert bad.record.form["releases"][0]["count"] == 146
        bad.undo()
        bad.take_notices()
        bad.remove_group_item("releases", 2)
        bad.remove_group_item("releases", 1)
        assert bad.mark_done() is not None
        bad.open("b")
        (said,) = [one for one in bad.take_notices() if one.startswith("done a")]
        assert said == (
            "done a (ctrl+z undoes it); it still holds releases #1 released_by = 7 (not text), "
            "releases #1 count = many (not a whole number), releases #1 date = Sunday "
            "(not a date), releases #1 releasees = Ann, Bo (not a list of text), which the "
            "scheme does not allow, and field 'releases[].side', which it does not know (kept)"
        )
        assert journal_lines(bad)[-1]["form"]["releases"] == [BAD_FORM["releases"][0]]
    finally:
        bad.close()
