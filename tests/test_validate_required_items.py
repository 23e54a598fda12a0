"""``validate`` and ``d`` hold a done record to one rule of required fields
(``form_complete.empty_required``): a required field of a group's item left empty is said by
validate as ``form.releases.1.count: required when status is done``, as ``d`` refuses it. A
curator found validate checked only the fields at the top of the form: a done article whose
release lacked its required count passed validate, though ``d`` would have refused it. Import,
merge, agree and diff hold such a record to the same rule (``validate.form_problems``, and
``form_lines.FormCheck`` in their fast reading): they took it while validate refused it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core import forms
from annotator.core.form_lines import FormCheck
from annotator.core.models import Record
from annotator.core.scheme import Scheme, load_scheme
from annotator.core.session import AnnotationSession, Refused, open_session
from annotator.core.validate import form_problems, validate_files
from tests.conftest import make_record
from tests.test_agreement_data import run_cli
from tests.test_session_data import fixed_now, journal_lines, write_texts

EXCHANGES = """\
name = "exchanges"

[[labels]]
name = "actor"
key = "1"
color = "#4e79a7"

[[labels]]
name = "count"
key = "2"
color = "#f28e2b"
value_type = "integer"

[[fields]]
name = "event_type"
type = "choice"
required = true
choices = ["exchange", "release"]

[[fields]]
name = "releases"
type = "group"
required = true

  [[fields.fields]]
  name = "count"
  type = "integer"
  required = true
  from_label = "count"

  [[fields.fields]]
  name = "released_by"
  type = "text"
  required = true

  [[fields.fields]]
  name = "note"
  type = "text"
"""

REQUIRED = "required when status is done"
FULL = {"count": 146, "released_by": "Russia", "note": None}


@pytest.fixture
def scheme_path(tmp_path: Path) -> Path:
    path = tmp_path / "exchanges.toml"
    path.write_text(EXCHANGES, encoding="utf-8")
    return path


@pytest.fixture
def scheme(scheme_path: Path) -> Scheme:
    return load_scheme(scheme_path)


def problems(path: Path, scheme: Scheme) -> list[str]:
    return [line.removeprefix(f"{path}:") for line in validate_files([path], None, scheme)]


def done(form: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return make_record(status="done", form=form, **changes)


def test_an_empty_required_field_of_an_item_is_said_with_its_path(
    write_jsonl: Callable[..., Path], scheme: Scheme
) -> None:
    releases = [FULL, {"count": None, "released_by": "  ", "note": "later"}]
    path = write_jsonl("j.jsonl", done({"event_type": "exchange", "releases": releases}))
    assert problems(path, scheme) == [
        f"1: form.releases.1.count: {REQUIRED}",
        f"1: form.releases.1.released_by: {REQUIRED}",  # spaces are no answer, as for d
    ]


def test_only_a_done_record_must_fill_them(
    write_jsonl: Callable[..., Path], scheme: Scheme
) -> None:
    started = make_record(form={"event_type": "exchange", "releases": [{"count": None}]})
    assert problems(write_jsonl("j.jsonl", started), scheme) == []


def test_a_required_group_without_items_is_said_once_by_its_name(
    write_jsonl: Callable[..., Path], scheme: Scheme
) -> None:
    path = write_jsonl("j.jsonl", done({"event_type": "exchange", "releases": []}))
    assert problems(path, scheme) == [f"1: form.releases: {REQUIRED}"]


@pytest.mark.parametrize(
    "form",
    [
        {"event_type": "exchange", "releases": [FULL]},
        {"releases": [FULL, {}]},
        {"event_type": "release", "releases": [{"count": 0, "released_by": "Kyiv"}, {"note": "x"}]},
        {"event_type": "release", "releases": [{"released_by": ""}, FULL, {"count": 3}]},
        {},
    ],
)
def test_validate_says_exactly_the_fields_d_refuses(
    write_jsonl: Callable[..., Path], scheme: Scheme, form: dict[str, Any]
) -> None:
    """The paths validate names are those ``d`` names (``forms.missing_required``), written
    the pydantic way (releases[1].count is form.releases.1.count)."""
    refused = forms.missing_required(Record.model_validate(done(form)), scheme)
    expected = [
        f"1: form.{path.replace('[', '.').replace(']', '')}: {REQUIRED}" for path in refused
    ]
    assert problems(write_jsonl("j.jsonl", done(form)), scheme) == expected


def test_a_bad_value_is_said_once_and_hides_no_other_items_empty_field(
    write_jsonl: Callable[..., Path], scheme: Scheme
) -> None:
    """The model's problem of one item's field stands for that field (its value is there,
    wrong), not for the whole group: the next item's empty required field is still said."""
    releases = [{"count": "many", "released_by": "Russia"}, {"released_by": "Kyiv", "side": "x"}]
    path = write_jsonl("j.jsonl", done({"event_type": "exchange", "releases": releases}))
    assert problems(path, scheme) == [
        "1: form.releases.0.count: Input should be a valid integer",
        "1: form.releases.1.side: unknown field",
        f"1: form.releases.1.count: {REQUIRED}",
    ]


def test_an_item_that_is_not_an_object_is_said_once(
    write_jsonl: Callable[..., Path], scheme: Scheme
) -> None:
    path = write_jsonl("j.jsonl", done({"event_type": "exchange", "releases": [FULL, "146"]}))
    (found,) = problems(path, scheme)
    assert found.startswith("1: form.releases.1: ") and REQUIRED not in found


FORMS: list[dict[str, Any]] = [
    {"event_type": "exchange", "releases": [FULL]},
    {"event_type": "exchange", "releases": [{}]},
    {"event_type": "exchange", "releases": [FULL, {"released_by": "Kyiv"}]},
    {"event_type": "exchange", "releases": [{"count": 0, "released_by": " "}]},
    {"event_type": "exchange", "releases": [{"count": None, "released_by": "Kyiv"}]},
    {"event_type": "exchange", "releases": []},
    {"event_type": "exchange"},
    {"releases": [FULL]},
    {"event_type": "exchange", "releases": [{"count": "146", "released_by": "Kyiv"}]},
    {},
]


@pytest.mark.parametrize("form", FORMS)
def test_import_merge_and_compare_hold_a_done_record_to_the_rule_of_d(
    scheme: Scheme, form: dict[str, Any]
) -> None:
    """``form_problems`` (import, and merge and compare of a line their fast check sends to
    the model) says the empty required fields ``d`` refuses, in items too, as validate does
    once the form fits the model; ``form_lines.FormCheck`` (their fast check) takes a done
    record exactly when it says nothing. Held here so that the two keep one rule: they
    checked only the top of the form, and took a release lacking its required count."""
    record = Record.model_validate(done(form))
    found = list(form_problems(record, scheme))
    if not any(message != REQUIRED for _path, message in found):
        refused = forms.missing_required(record, scheme)
        assert [path for path, _ in found] == [
            f"form.{path.replace('[', '.').replace(']', '')}" for path in refused
        ]
    assert FormCheck(scheme).fine(orjson.dumps(form), True) is (not found)
    # Not done, nothing is required yet.
    started = Record.model_validate({**done(form), "status": "in_progress"})
    fits = all(message == REQUIRED for _path, message in found)  # the model takes the form
    assert list(form_problems(started, scheme)) == ([] if fits else found)
    assert FormCheck(scheme).fine(orjson.dumps(form), False) is fits


def two_journals(folder: Path, form: dict[str, Any]) -> tuple[Path, Path]:
    """alice's done record complete; bob's first the same, then done with ``form``."""
    ok = done({"event_type": "exchange", "releases": [FULL]})
    alice = folder / "alice.jsonl"
    alice.write_bytes(orjson.dumps(ok) + b"\n")
    bob = folder / "bob.jsonl"
    bob.write_bytes(
        orjson.dumps({**ok, "annotator": "bob"}) + b"\n"
        + orjson.dumps(done(form, annotator="bob")) + b"\n"
    )  # fmt: skip
    return alice, bob


LACKING = {"event_type": "exchange", "releases": [FULL, {"released_by": "Kyiv"}]}


@pytest.mark.parametrize("command", ["agree", "diff", "merge"])
def test_merge_and_compare_refuse_what_validate_refuses(
    tmp_path: Path, scheme_path: Path, command: str
) -> None:
    """One line naming file, line and field, exit 1, as validate says it; no gold written.
    They took the record, and merge wrote a gold record of it."""
    alice, bob = two_journals(tmp_path, LACKING)
    gold = tmp_path / "gold.jsonl"
    extra = ["-o", gold, "--reviewer", "rita"] if command == "merge" else []
    result = run_cli(command, alice, bob, "--scheme", scheme_path, *extra)
    said = f"{bob}:2: form.releases.1.count: {REQUIRED}"
    assert (result.returncode, result.stdout, result.stderr) == (1, "", said + "\n")
    assert run_cli("validate", bob, "--scheme", scheme_path).stdout == said + "\n"
    assert not gold.exists()


def test_a_later_complete_line_is_taken(tmp_path: Path, scheme_path: Path) -> None:
    """Only a document's latest line counts: bob mended the release after (the refusal
    above is of the record itself, not of a line in the history)."""
    alice, bob = two_journals(tmp_path, LACKING)
    with bob.open("ab") as handle:
        handle.write(orjson.dumps(done({**LACKING, "releases": [FULL]}, annotator="bob")) + b"\n")
    result = run_cli("merge", alice, bob, "--scheme", scheme_path, "-o", tmp_path / "g.jsonl")
    assert result.returncode == 0, result.stderr


def test_import_takes_such_a_record_as_in_progress_and_says_why(
    tmp_path: Path, scheme: Scheme
) -> None:
    from tests.test_import_document_warnings import our_record, warnings_of

    releases = [{"released_by": "Russia"}, {"count": 12, "released_by": "  "}]
    form = {"event_type": "exchange", "releases": releases}
    source = our_record(tmp_path / "r.jsonl", form=form)
    assert warnings_of(source, "jsonl", scheme=scheme) == [
        f"{source}:1: document 1: form.releases.0.count, form.releases.1.released_by: empty, "
        "which a done record must fill; imported as in_progress"
    ]
    (imported,) = (tmp_path / "o" / "a.jsonl").read_bytes().splitlines()
    assert orjson.loads(imported)["status"] == "in_progress"
    assert orjson.loads(imported)["form"] == form  # kept as it was, to be filled


@pytest.fixture
def session(tmp_path: Path, scheme_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(
        write_texts(tmp_path), "alice", scheme_path, tmp_path / "out", now=fixed_now
    )
    opened.open("a")
    yield opened
    opened.close()


def test_what_d_refuses_validate_refuses_in_a_done_record(
    session: AnnotationSession, tmp_path: Path, scheme: Scheme
) -> None:
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")
    session.set_field("releases[0].note", "count unknown")
    with pytest.raises(Refused) as refused:
        session.mark_done()
    assert str(refused.value) == (
        "not done: fill the required fields releases[0].count, releases[0].released_by first "
        "(o opens the form)"
    )
    line = journal_lines(session)[-1]
    assert line["status"] == "in_progress"
    # The same line marked done by hand, as another tool or an old journal may hold it.
    path = tmp_path / "j.jsonl"
    path.write_bytes(orjson.dumps({**line, "status": "done"}) + b"\n")
    assert problems(path, scheme) == [
        f"1: form.releases.0.count: {REQUIRED}",
        f"1: form.releases.0.released_by: {REQUIRED}",
    ]
    session.set_field("releases[0].count", "146")
    session.set_field("releases[0].released_by", "Russia")
    session.mark_done()
    line = journal_lines(session)[-1]
    path.write_bytes(orjson.dumps(line) + b"\n")
    assert line["status"] == "done" and problems(path, scheme) == []


def test_the_command_names_file_line_and_path_and_exits_1(
    write_jsonl: Callable[..., Path], scheme_path: Path
) -> None:
    ok = done({"event_type": "exchange", "releases": [FULL]})
    lacking = done({"event_type": "exchange", "releases": [FULL, {"released_by": "Kyiv"}]})
    path = write_jsonl("j.jsonl", ok, lacking)
    result = run_cli("validate", path, "--scheme", scheme_path)
    assert (result.returncode, result.stdout) == (
        1,
        f"{path}:2: form.releases.1.count: {REQUIRED}\n",
    )
