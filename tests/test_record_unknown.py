"""A record holding what the scheme does not know (a label and a field renamed since): opening
it says so once, every save keeps those spans, fields and links, and d says they are there."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.models import Record
from annotator.core.record_unknown import opening_notice, unknown_to_scheme
from annotator.core.scheme import Scheme, default_scheme_path, load_scheme
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now, journal_lines, write_texts


def renamed_scheme(tmp_path: Path) -> Path:
    """The default scheme with label ``actor`` renamed ``party`` and field ``event_type``
    renamed ``kind``, as a team lead changes it mid-project."""
    text = default_scheme_path().read_text(encoding="utf-8")
    for old, new in (
        ('name = "actor"', 'name = "party"'),
        ('from_label = "actor"', 'from_label = "party"'),
        ('name = "event_type"', 'name = "kind"'),
    ):
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "renamed.toml"
    path.write_text(text, encoding="utf-8")
    # The guidelines file the scheme names, beside it.
    guidelines = default_scheme_path().with_name("prisoner_exchange.md")
    (tmp_path / guidelines.name).write_text(guidelines.read_text(encoding="utf-8"))
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_texts(tmp_path)


def annotate_a_done(corpus: Path, tmp_path: Path) -> None:
    """alice, under the default scheme: two actor spans in a, one linked from released_by,
    the event type chosen, done."""
    session = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    session.open("a")
    session.label_selection(16, 22, "actor")  # Russia: s1
    session.label_selection(27, 34, "actor")  # Ukraine: s2
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].released_by", "s1")
    assert session.mark_done() == "b"
    assert session.close()


def open_renamed(corpus: Path, tmp_path: Path) -> tuple[AnnotationSession, Path]:
    scheme = renamed_scheme(tmp_path)
    return open_session(corpus, "alice", scheme, tmp_path / "out", now=fixed_now), scheme


A_RECORD = {
    "schema_version": 1,
    "doc_id": "a",
    "doc_sha256": "0" * 64,
    "annotator": "alice",
    "status": "done",
    "spans": [
        {"id": "s1", "start": 16, "end": 22, "label": "actor", "text": "Russia"},
        {"id": "s2", "start": 27, "end": 34, "label": "actor", "text": "Ukraine"},
        {"id": "s3", "start": 43, "end": 46, "label": "count", "text": "146", "value": 146},
    ],
    "form": {
        "event_type": "exchange",
        "releases": [{"released_by": "Russia", "side": "east", "count": 146}],
    },
    "links": {"releases[0].released_by": ["s1"], "releases[0].count": ["s3"]},
}


def test_the_summary_names_unknown_labels_fields_and_links_to_unknown_spans(
    tmp_path: Path,
) -> None:
    scheme = load_scheme(renamed_scheme(tmp_path))
    unknown = unknown_to_scheme(Record.model_validate(A_RECORD), scheme)
    assert unknown.labels == {"actor": 2}
    assert unknown.fields == ["event_type", "releases[].side"]
    assert unknown.links == {"releases[0].released_by": ["s1"]}
    assert unknown.words() == "2 spans of label 'actor' and fields 'event_type', 'releases[].side'"


def test_a_link_of_a_group_s_field_the_scheme_lacks_is_that_field(tmp_path: Path) -> None:
    # Linked only, not in the form: the one rule validate's another-scheme summary also follows.
    scheme = load_scheme(renamed_scheme(tmp_path))
    record = Record.model_validate(
        {**A_RECORD, "form": {"kind": "exchange"}, "links": {"releases[0].side": ["s3"]}}
    )
    unknown = unknown_to_scheme(record, scheme)
    assert (unknown.fields, unknown.links) == (["releases[].side"], {})
    record = Record.model_validate({**A_RECORD, "form": {}, "links": {"kind": ["s1"]}})
    assert unknown_to_scheme(record, scheme).links == {"kind": ["s1"]}


def test_a_record_the_scheme_knows_whole_says_nothing() -> None:
    scheme: Scheme = load_scheme(default_scheme_path())
    record = Record.model_validate({**A_RECORD, "form": {"event_type": "exchange"}})
    assert not unknown_to_scheme(record, scheme)
    assert opening_notice(record, scheme, Path("s.toml"), Path("j.jsonl")) is None


def test_opening_says_once_what_the_scheme_does_not_know(corpus: Path, tmp_path: Path) -> None:
    annotate_a_done(corpus, tmp_path)
    session, scheme = open_renamed(corpus, tmp_path)
    try:
        session.open("a")
        journal = tmp_path / "out" / "annotations" / "alice.jsonl"
        assert session.take_notices() == [
            "this record holds 2 spans of label 'actor' and field 'event_type', which the "
            "scheme does not know (kept as they are; releases #1 released_by links to s1; "
            f"annotator validate --scheme {scheme} {journal} lists them); it is done, but the "
            "scheme requires kind, empty here: the next change puts it back in progress"
        ]
        session.open("b")  # nothing of b is unknown: nothing said
        assert session.take_notices() == []
    finally:
        session.close()


def test_every_save_keeps_unknown_spans_fields_and_links(corpus: Path, tmp_path: Path) -> None:
    annotate_a_done(corpus, tmp_path)
    session, _ = open_renamed(corpus, tmp_path)
    try:
        session.open("a")
        assert len(session.take_notices()) == 1  # what opening says (test above)
        before = session.record
        session.label_selection(43, 46, "count")  # 146: s3
        # The first change, kind still empty, puts it back in progress, as opening said.
        assert session.take_notices() == ["kind is empty now: the document is back to in progress"]
        session.set_field("releases[0].count", "146")
        session.set_field("kind", "exchange")
        session.flush(5)
        line = journal_lines(session)[-1]
        assert [span for span in line["spans"] if span["label"] == "actor"] == [
            span.model_dump() for span in before.spans
        ]
        assert line["form"]["event_type"] == "exchange"  # the renamed field's answer, kept
        assert line["form"]["kind"] == "exchange"
        assert line["links"]["releases[0].released_by"] == ["s1"]
        assert line["status"] == "in_progress"
        # d says they are there, as it finishes (told once the next document is open).
        assert session.mark_done() == "b"
        session.open("b")
        assert session.take_notices() == [
            "done a (ctrl+z undoes it); it still holds 2 spans of label 'actor' and field "
            "'event_type', which the scheme does not know (kept)"
        ]
        done = journal_lines(session)[-1]
        assert (done["doc_id"], done["status"]) == ("a", "done")
        assert [span["label"] for span in done["spans"]] == ["actor", "actor", "count"]
        assert done["form"]["event_type"] == "exchange"
    finally:
        session.close()
