"""Pilot: a record holding form fields the scheme no longer knows shows them, with their
values, read only at the form's end ("kept, not in the scheme: event_type = exchange"):
opening it named them, and the form showed their values nowhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual.pilot import Pilot

from annotator.core.models import Record
from annotator.core.scheme import load_scheme
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_rows import KeptFields, kept_words
from tests.test_record_unknown import A_RECORD, annotate_a_done, renamed_scheme
from tests.test_session_data import fixed_now


@pytest.fixture
def renamed(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    """a done under the default scheme, opened under one whose event_type is kind."""
    annotate_a_done(corpus, tmp_path)
    opened = open_session(
        corpus, "alice", renamed_scheme(tmp_path), tmp_path / "out", now=fixed_now
    )
    yield opened
    opened.close()


def kept_text(app: AnnotatorApp) -> str | None:
    """What the form's end shows of the kept fields (None: not shown)."""
    kept = screen_of(app).query_one(KeptFields)
    return str(kept.render()) if kept.display else None


def test_kept_words_name_each_value_and_link(tmp_path: Path) -> None:
    scheme = load_scheme(renamed_scheme(tmp_path))
    record = Record.model_validate(A_RECORD)
    # A group's field once per item, as the form names items (from #1).
    assert kept_words(record, scheme) == ["event_type = exchange", "releases #1 side = east"]
    releases = [{"side": "east"}, {"count": 5}, {"side": ["north", "a, b"]}]
    record = Record.model_validate(
        {
            **A_RECORD,
            "form": {"extra": {"a": 1}, "releases": releases, "blank": "", "sure": True},
            "links": {"releases[2].side": ["s1", "s2"], "demands": ["s3"]},
        }
    )
    assert kept_words(record, scheme) == [
        'extra = {"a":1}',
        "releases #1 side = east",
        'releases #3 side = north, "a, b" ⛓ s1 s2',  # a list as its input shows one
        'blank = ""',
        "sure = true",
        "demands ⛓ s3",  # only linked: its links
    ]
    assert (
        kept_words(Record.model_validate({**A_RECORD, "form": {"kind": "exchange"}}), scheme) == []
    )


def test_the_form_shows_what_the_record_keeps_and_it_stays_kept(
    renamed: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: renamed.document.id == "b")  # a is done: b comes first
        assert kept_text(app) is None  # b holds nothing the scheme does not know
        await press(pilot, "p")
        await wait_for(pilot, lambda: renamed.document.id == "a")
        await wait_for(pilot, lambda: kept_text(app) is not None)
        assert kept_text(app) == "kept, not in the scheme: event_type = exchange"
        kept = screen_of(app).query_one(KeptFields)
        assert not kept.can_focus

        # kind chosen with its letter: the record keeps event_type, and the form still says so.
        await press(pilot, "o", "e", "enter")
        await wait_for(pilot, lambda: renamed.record.form.get("kind") == "exchange")
        form = journal(renamed)[-1]["form"]
        assert (form["kind"], form["event_type"]) == ("exchange", "exchange")
        assert kept_text(app) == "kept, not in the scheme: event_type = exchange"

        # The next article holds none: the line goes.
        await press(pilot, "escape", "n")
        await wait_for(pilot, lambda: renamed.document.id == "b")
        await wait_for(pilot, lambda: kept_text(app) is None)

    drive(renamed, scenario)
