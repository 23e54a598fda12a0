"""A group item that holds nothing (every field empty, no link): ``d`` refuses it, naming the
item and how to remove it, and ``validate`` warns of one in a done record. A user trial: enter
on "+ add to releases" by a slip left an empty item, d accepted it, validate said ok, and a
reviewer later saw it as a conflict version "(an empty item)"."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core import forms
from annotator.core.corpus import open_corpus
from annotator.core.models import Record
from annotator.core.scheme import load_default_scheme
from annotator.core.session import AnnotationSession, Refused, open_session
from annotator.core.session_finish import not_done
from annotator.core.validate import validate_files
from tests.conftest import make_record
from tests.test_session_data import fixed_now, journal_lines, where, write_texts

SCHEME = load_default_scheme()
EMPTY = {"released_by": None, "received_by": None, "count": None, "date": None, "releasees": []}
FILLED = {**EMPTY, "released_by": "Russia"}


def record(**changes: Any) -> Record:
    return Record.model_validate(make_record(**changes))


# ---------------------------------------------------------------- forms.empty_items
def test_an_item_with_every_field_empty_and_no_link_is_empty() -> None:
    releases = [FILLED, EMPTY, {"count": None}, {**EMPTY, "received_by": "  "}]
    assert forms.empty_items(record(form={"releases": releases}), SCHEME) == [
        "releases[1]",
        "releases[2]",  # fields left out are empty too
        "releases[3]",  # spaces are no answer
    ]


@pytest.mark.parametrize(
    "item",
    [
        {**EMPTY, "count": 0},
        {**EMPTY, "releasees": ["six wounded soldiers"]},
        {**EMPTY, "date": "2025"},
    ],
)
def test_an_item_with_a_value_is_not_empty(item: dict[str, Any]) -> None:
    assert forms.empty_items(record(form={"releases": [item]}), SCHEME) == []


def test_an_item_with_a_link_and_no_value_is_not_empty() -> None:
    """A count linked to "hundreds" has no value, but it says where the count is."""
    linked = record(form={"releases": [EMPTY]}, links={"releases[0].count": ["s1"]})
    assert forms.empty_items(linked, SCHEME) == []
    other = record(form={"releases": [FILLED, EMPTY]}, links={"releases[0].count": ["s1"]})
    assert forms.empty_items(other, SCHEME) == ["releases[1]"]


def test_no_group_no_empty_items() -> None:
    assert forms.empty_items(record(form={"event_type": "exchange"}), SCHEME) == []


# ---------------------------------------------------------------- the refusal's words
def test_not_done_names_the_empty_item_and_how_to_remove_it() -> None:
    assert not_done([], []) is None
    assert not_done(["event_type"], []) == (
        "not done: fill the required field event_type first (o opens the form)"
    )
    assert not_done([], ["releases[2]"]) == (
        "not done: releases #3 is empty; fill it, or tab to its remove button and press "
        "enter (o opens the form)"
    )
    assert not_done([], ["releases[0]", "releases[2]"]) == (
        "not done: releases #1, releases #3 are empty; fill them, or tab to their remove "
        "buttons and press enter (o opens the form)"
    )
    assert not_done(["event_type"], ["releases[1]"]) == (
        "not done: fill the required field event_type first, and releases #2 is empty; fill "
        "it, or tab to its remove button and press enter (o opens the form)"
    )


# ---------------------------------------------------------------- d in the session
@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(write_texts(tmp_path), "alice", None, tmp_path / "out", now=fixed_now)
    opened.open("a")
    yield opened
    opened.close()


def test_d_is_refused_while_an_item_is_empty_then_done_once_it_is_removed(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].released_by", session.record.spans[0].id)
    session.add_group_item("releases")  # the slip: enter on "+ add to releases"
    with pytest.raises(Refused) as refused:
        session.mark_done()
    assert str(refused.value) == (
        "not done: releases #2 is empty; fill it, or tab to its remove button and press "
        "enter (o opens the form)"
    )
    line = journal_lines(session)[-1]
    assert line["status"] == "in_progress"
    assert line["form"]["releases"] == [FILLED, EMPTY]
    session.remove_group_item("releases", 1)
    assert session.mark_done() == "b"
    line = journal_lines(session)[-1]
    assert (line["doc_id"], line["status"], line["form"]["releases"]) == ("a", "done", [FILLED])


def test_d_is_done_once_the_empty_item_is_filled(session: AnnotationSession) -> None:
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")
    with pytest.raises(Refused, match="releases #1 is empty"):
        session.mark_done()
    session.set_field("releases[0].count", "146")
    session.mark_done()
    line = journal_lines(session)[-1]
    assert (line["status"], line["form"]["releases"]) == ("done", [{**EMPTY, "count": 146}])


def test_d_says_a_required_field_and_an_empty_item_in_one_message(
    session: AnnotationSession,
) -> None:
    session.add_group_item("releases")
    with pytest.raises(Refused) as refused:
        session.mark_done()
    assert str(refused.value) == (
        "not done: fill the required field event_type first, and releases #1 is empty; fill "
        "it, or tab to its remove button and press enter (o opens the form)"
    )
    assert journal_lines(session)[-1]["status"] == "in_progress"


# ---------------------------------------------------------------- validate
def warned(path: Path, corpus: Path | None = None) -> list[str]:
    warnings: list[str] = []
    opened = open_corpus(corpus) if corpus is not None else None
    assert validate_files([path], opened, SCHEME, warnings) == []
    return [line.removeprefix(f"{path}:") for line in warnings]


def test_an_empty_item_of_a_done_record_is_a_warning_not_a_problem(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    """Journals written before d refused them may hold them: valid, but said."""
    done = make_record(
        status="done", form={"event_type": "exchange", "releases": [FILLED, EMPTY, EMPTY]}
    )
    assert warned(write_jsonl("j.jsonl", done), corpus_dir) == [
        "1: form.releases.1: warning: releases #2 is empty (no value, no link) in a done "
        "record: fill it or remove it",
        "1: form.releases.2: warning: releases #3 is empty (no value, no link) in a done "
        "record: fill it or remove it",
    ]


def test_an_empty_item_is_no_warning_unless_the_record_is_done(
    write_jsonl: Callable[..., Path],
) -> None:
    started = make_record(form={"releases": [EMPTY]})  # just added, to be filled
    assert warned(write_jsonl("j.jsonl", started)) == []
    linked = make_record(
        status="done",
        form={"event_type": "exchange", "releases": [EMPTY]},
        links={"releases[0].released_by": ["s1"]},
    )
    assert warned(write_jsonl("k.jsonl", linked)) == []  # linked: it says something


def test_validate_prints_the_warning_and_exits_0(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    done = make_record(status="done", form={"event_type": "exchange", "releases": [EMPTY]})
    path = write_jsonl("j.jsonl", done)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "validate", str(path), "--corpus", str(corpus_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == (
        f"{path}:1: form.releases.0: warning: releases #1 is empty (no value, no link) in a "
        "done record: fill it or remove it\n"
    )
    assert result.stderr == (
        f"ok: 1 file(s) valid: {path} (journal); texts checked against the corpus "
        f"{corpus_dir}; 1 warning(s) above\n"
    )


def test_links_follow_their_items_when_several_go() -> None:
    from annotator.core.form_compare import links_without_items

    links = {
        "event_type": ["s9"],
        "releases[0].count": ["s1"],
        "releases[1].count": [],
        "releases[2].date": ["s2"],
        "releases[3].count": [],
        "releases[4].released_by": ["s3"],
    }
    assert links_without_items(links, "releases", {1, 3}) == {
        "event_type": ["s9"],
        "releases[0].count": ["s1"],
        "releases[1].date": ["s2"],
        "releases[2].released_by": ["s3"],
    }
