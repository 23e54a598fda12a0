"""A required field keeping a value it no longer takes (a choice renamed in the scheme) is no
answer: d refuses it, saying the value kept, by the one rule validate holds a done record to
(``form_complete.empty_required``). d accepted such a record (its form showing the field
empty), which validate then said wrong and export refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.form_complete import (
    EmptyRequired,
    empty_required,
    missing_required,
    required_kept_words,
)
from annotator.core.models import Record
from annotator.core.record_unknown import opening_notice
from annotator.core.scheme import Scheme, load_scheme
from annotator.core.session import AnnotationSession, open_session
from annotator.core.session_edits import Refused
from annotator.core.session_status import status_after_change
from annotator.core.validate import every_form_problem
from tests.test_record_unallowed import a_record, bad_journal
from tests.test_session_data import fixed_now, journal_lines, write_texts

SCHEME_TOML = """
name = "protest"
version = 2
description = "Protests."

[[labels]]
name = "ORGANISER"
key = "1"
color = "#4e79a7"
description = "Who called it."

[[fields]]
name = "protest_type"
type = "choice"
required = true
choices = ["march", "occupation"]
description = "Kind of protest."

[[fields]]
name = "arrests"
type = "integer"
required = true
description = "Arrests."

[[fields]]
name = "demands"
type = "group"
required = true
description = "One item per demand."

  [[fields.fields]]
  name = "demand"
  type = "text"
  required = true
"""


@pytest.fixture
def protest(tmp_path: Path) -> Scheme:
    path = tmp_path / "protest.toml"
    path.write_text(SCHEME_TOML, encoding="utf-8")
    return load_scheme(path)


def record(form: dict[str, Any], status: str = "in_progress") -> Record:
    return a_record(form, status=status, updated_at="2025-08-24T09:00:00Z")


def test_a_required_field_keeping_a_value_it_does_not_take_is_unanswered(
    protest: Scheme,
) -> None:
    form = {
        "protest_type": "sit_in",
        "arrests": "two",
        "demands": [{"demand": 7}, {"demand": "rent freeze"}, {"demand": " "}],
    }
    assert empty_required(record(form), protest) == [
        EmptyRequired("protest_type", why="not a choice", value="sit_in"),
        EmptyRequired("arrests", why="not a whole number", value="two"),
        EmptyRequired("demands", 0, "demand", why="not text", value=7),
        EmptyRequired("demands", 2, "demand"),
    ]
    assert missing_required(record(form), protest) == [
        "protest_type",
        "arrests",
        "demands[0].demand",
        "demands[2].demand",
    ]
    # A required group holding no list of items is unanswered, and said so.
    (group,) = empty_required(record({**form, "demands": "rent"}), protest)[2:]
    assert group == EmptyRequired("demands", why="not a list of items", value="rent")
    assert required_kept_words(group, "demands") == (
        "demands is required: 'rent' is not a list of items; add one"
    )
    # Values the fields take: nothing.
    fine = {"protest_type": "march", "arrests": 0, "demands": [{"demand": "rent freeze"}]}
    assert empty_required(record(fine), protest) == []


def test_validate_says_such_a_field_once_by_its_value(protest: Scheme) -> None:
    done = record({"protest_type": "sit_in", "arrests": 0, "demands": [{"demand": "x"}]}, "done")
    assert list(every_form_problem(done, protest)) == [
        ("form.protest_type", "'sit_in' is not one of its choices ('march' or 'occupation')")
    ]


def test_a_done_record_changed_is_back_in_progress_saying_the_value_kept(
    protest: Scheme,
) -> None:
    before = record(
        {"protest_type": "sit_in", "arrests": None, "demands": [{"demand": "x"}]}, "done"
    )
    changed = before.model_copy(update={"form": {**before.form, "demands": [{"demand": "y"}]}})
    record_after, said = status_after_change(before, changed, protest)
    assert record_after.status == "in_progress"
    assert said == [
        "arrests is empty now; protest_type holds sit_in, which the scheme does not allow: "
        "the document is back to in progress"
    ]
    record_after, said = status_after_change(before, changed, protest, elsewhere=True)
    assert said == [
        "arrests of a is empty now; protest_type holds sit_in in a, which the scheme does not "
        "allow: it is back to in progress"
    ]
    # Opened, such a done record says what the scheme requires there.
    notice = opening_notice(before, protest, Path("protest.toml"), Path("alice.jsonl"))
    assert notice is not None
    assert notice.endswith(
        "it is done, but the scheme requires arrests, empty here and a value it allows in "
        "protest_type: the next change puts it back in progress"
    )


@pytest.fixture
def renamed(tmp_path: Path) -> AnnotationSession:
    """alice's record of a, in progress, holding event_type 'sit_in' (not one of the default
    scheme's choices) and nothing else."""
    corpus = write_texts(tmp_path)
    bad_journal(corpus, tmp_path, {"event_type": "sit_in"})
    return open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)


def test_d_refuses_a_required_choice_renamed_saying_the_value(
    renamed: AnnotationSession,
) -> None:
    try:
        renamed.open("a")
        renamed.take_notices()
        refusal = (
            "not done: event_type is required: 'sit_in' is not one of its choices; choose one "
            "(o opens the form)"
        )
        assert renamed.done_refusal() == refusal
        with pytest.raises(Refused) as refused:
            renamed.mark_done()
        assert str(refused.value) == refusal
        assert renamed.record.status == "in_progress"
        assert renamed.record.form == {"event_type": "sit_in"}
        # Chosen, the value replaces it, and d takes the record.
        assert renamed.set_field("event_type", "exchange") is True
        assert renamed.done_refusal() is None
        renamed.mark_done()
        assert journal_lines(renamed)[-1]["status"] == "done"
        assert journal_lines(renamed)[-1]["form"] == {"event_type": "exchange"}
    finally:
        renamed.close()
