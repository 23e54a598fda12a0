"""An integer label's or field's range (``min``, ``max``): read from the scheme and refused where
it cannot be, and held to by validate, the bulk readers, the form and span value setters, and
the form model's JSON Schema. A count of -5 passed every check before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.form_lines import FormCheck
from annotator.core.forms import add_group_item, set_field
from annotator.core.jsonschemas import rendered_schemas
from annotator.core.models import Record
from annotator.core.record_lines import LineCheck
from annotator.core.review_span_value import span_value
from annotator.core.scheme import load_default_scheme, load_scheme
from annotator.core.scheme_problems import scheme_file_problems
from annotator.core.session_edits import Refused
from annotator.core.spans import add_span, set_span_value
from annotator.core.validate import validate_files
from tests.test_agreement_data import TEXT, record, run_cli, span, write_journal

DEFAULT = load_default_scheme()

RANGED = """name = "ranged"

[[labels]]
name = "count"
key = "2"
color = "#f28e2b"
value_type = "integer"
min = 0
max = 1000

[[fields]]
name = "arrests"
type = "integer"
max = 50

[[fields]]
name = "releases"
type = "group"

  [[fields.fields]]
  name = "count"
  type = "integer"
  from_label = "count"
  min = 1
  max = 10
"""


def ranged(tmp_path: Path) -> Path:
    path = tmp_path / "ranged.toml"
    path.write_text(RANGED, encoding="utf-8")
    return path


def test_min_and_max_are_read_on_labels_and_fields_top_level_and_in_groups(
    tmp_path: Path,
) -> None:
    scheme = load_scheme(ranged(tmp_path))
    count = scheme.label("count")
    assert count is not None and (count.min, count.max) == (0, 1000)
    arrests, releases = scheme.fields
    assert (arrests.min, arrests.max) == (None, 50)
    assert (releases.fields[0].min, releases.fields[0].max) == (1, 10)
    assert scheme_file_problems(tmp_path / "ranged.toml") == []


def test_the_default_scheme_counts_from_zero() -> None:
    label = DEFAULT.label("count")
    releases = DEFAULT.field("releases")
    assert label is not None and (label.min, label.max) == (0, None)
    assert releases is not None
    count = next(field for field in releases.fields if field.name == "count")
    assert (count.min, count.max) == (0, None)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "min = 0\nmax = 1000",
            "min = 10\nmax = 5",
            [
                ":8: label 'count' ([[labels]] #1): min = 10 is more than max = 5: no value would "
                "fit; swap them"
            ],
        ),
        (
            'value_type = "integer"\nmin = 0',
            'value_type = "date"\nmin = 0',
            [
                ":8: label 'count' ([[labels]] #1): min and max are for an integer label (this "
                'one\'s value_type is date): remove them or make it value_type = "integer"',
                ":23: field 'releases.count' ([[fields]] #2, [[fields.fields]] #1): an integer "
                "field cannot be filled from label 'count' (value_type date); give that label "
                'value_type = "integer" or fill this from another',
            ],
        ),
        (
            'type = "integer"\nmax = 50',
            'type = "text"\nmax = 50',
            [
                ":14: field 'arrests' ([[fields]] #1): max is for an integer field (this one's "
                'type is text): remove it or make it type = "integer"'
            ],
        ),
        (
            "min = 1\n  max = 10",
            "min = 11\n  max = 10",
            [
                ":24: field 'releases.count' ([[fields]] #2, [[fields.fields]] #1): min = 11 is "
                "more than max = 10: no value would fit; swap them"
            ],
        ),
        (
            "max = 50",
            "max = 5.5",
            [
                ":14: field 'arrests' ([[fields]] #1): max = 5.5: use a whole number, unquoted "
                "(e.g. max = 2)"
            ],
        ),
    ],
)
def test_a_range_that_cannot_be_is_refused_by_the_loader_at_its_line(
    tmp_path: Path, old: str, new: str, said: list[str]
) -> None:
    path = ranged(tmp_path)
    assert old in RANGED
    path.write_text(RANGED.replace(old, new), encoding="utf-8")
    assert [line.removeprefix(str(path)) for line in scheme_file_problems(path)] == said
    with pytest.raises(AnnotatorError) as refused:
        load_scheme(path)
    assert str(refused.value).splitlines() == [f"{path}{line}" for line in said]


COUNT_SPAN = span("s1", 13, 16, "count", -5)  # "146" in TEXT
OPEN = "in_progress"  # the default scheme's event_type is required in a done record


def test_validate_names_file_line_and_field_of_a_count_below_min(tmp_path: Path) -> None:
    journal = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", doc_id="d0", form={"event_type": "exchange"}, status=OPEN),
        record("alice", spans=[COUNT_SPAN], form={"releases": [{"count": -5}]}, status=OPEN),
    )
    assert validate_files([journal], None, DEFAULT) == [
        f"{journal}:2: spans.0.value: -5 is less than the scheme's min = 0 (label 'count')",
        f"{journal}:2: form.releases.0.count: -5 is less than the scheme's min = 0",
    ]


def test_validate_says_a_top_level_field_past_its_max(tmp_path: Path) -> None:
    scheme = load_scheme(ranged(tmp_path))
    journal = write_journal(
        tmp_path / "j.jsonl",
        record("alice", form={"arrests": 51, "releases": [{"count": 0}]}),
    )
    assert validate_files([journal], None, scheme) == [
        f"{journal}:1: form.arrests: 51 is more than the scheme's max = 50",
        f"{journal}:1: form.releases.0.count: 0 is less than the scheme's min = 1",
    ]


@pytest.mark.parametrize(
    ("bad", "said"),
    [
        ({"spans": [COUNT_SPAN]}, "spans.0.value: -5 is less than the scheme's min = 0 (label "),
        ({"form": {"releases": [{"count": -5}]}}, "form.releases.0.count: -5 is less than"),
    ],
)
def test_agree_refuses_a_count_below_min_with_validates_message(
    tmp_path: Path, bad: dict[str, Any], said: str
) -> None:
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", status=OPEN, **bad))
    fine = {"spans": [span("s1", 13, 16, "count", 146)], "form": {"releases": [{"count": 146}]}}
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", status=OPEN, **fine))
    validated = run_cli("validate", alice)
    agreed = run_cli("agree", alice, bob)
    assert agreed.returncode == 1
    first = validated.stdout.splitlines()[0]
    assert first.startswith(f"{alice}:1: {said}")
    assert agreed.stderr.splitlines() == [first]
    assert run_cli("validate", bob).returncode == 0


def test_the_bulk_readers_take_the_range_and_refuse_past_it() -> None:
    check = LineCheck(DEFAULT)
    for value, taken in [(0, True), (146, True), (-1, False), (-5, False)]:
        spans = [span("s1", 13, 16, "count", value)]
        line = orjson.dumps(record("a", spans=spans, status=OPEN))
        assert (check.line(line) is not None) is taken
        form = orjson.dumps({"releases": [{"count": value}]})
        assert FormCheck(DEFAULT).fine(form, done=False) is taken


def test_the_form_check_holds_each_bound_as_the_form_model(tmp_path: Path) -> None:
    scheme = load_scheme(ranged(tmp_path))
    check = FormCheck(scheme)
    for arrests in [None, -(2**63), 0, 50, 51]:
        for count in [None, 0, 1, 10, 11]:
            form = {"arrests": arrests, "releases": [{"count": count}]}
            model_takes = not list(_model_errors(scheme, form))
            assert check.fine(orjson.dumps(form), done=False) is model_takes, form
            assert model_takes is ((arrests is None or arrests <= 50) and count not in (0, 11))


def _model_errors(scheme: Any, form: dict[str, Any]) -> list[Any]:
    from pydantic import ValidationError

    try:
        scheme.form_model.model_validate(form)
    except ValidationError as error:
        return error.errors()
    return []


def opened() -> Record:
    return Record.model_validate(record("alice", text=TEXT))


def test_a_count_typed_below_min_into_the_form_is_refused() -> None:
    filled = add_group_item(opened(), "releases", DEFAULT)
    with pytest.raises(AnnotatorError) as refused:
        set_field(filled, "releases[0].count", "-5", DEFAULT)
    assert str(refused.value) == "releases[0].count: -5 is less than the scheme's min = 0"
    assert set_field(filled, "releases[0].count", "0", DEFAULT).form["releases"][0]["count"] == 0


def test_a_span_value_typed_below_min_is_refused() -> None:
    labelled, added = add_span(opened(), TEXT, 13, 16, "count", DEFAULT)
    assert added.value == 146
    with pytest.raises(AnnotatorError) as refused:
        set_span_value(labelled, added.id, "-5", DEFAULT)
    assert str(refused.value) == "s1 (count): -5 is less than the scheme's min = 0"
    assert set_span_value(labelled, added.id, "0", DEFAULT).spans[0].value == 0


def test_a_value_suggested_past_max_is_none(tmp_path: Path) -> None:
    scheme = load_scheme(ranged(tmp_path))
    big_text, small_text = "Russia freed 1,200 prisoners.", "Russia freed 12 prisoners."
    big_record = Record.model_validate(record("alice", text=big_text))
    small_record = Record.model_validate(record("alice", text=small_text))
    _, big = add_span(big_record, big_text, 13, 18, "count", scheme)
    _, small = add_span(small_record, small_text, 13, 15, "count", scheme)
    assert (big.value, small.value) == (None, 12)


def test_the_form_models_json_schema_gives_minimum_and_maximum(tmp_path: Path) -> None:
    schema = load_scheme(ranged(tmp_path)).form_model.model_json_schema()
    arrests = schema["properties"]["arrests"]["anyOf"][0]
    assert arrests == {"type": "integer", "maximum": 50}
    item = next(iter(schema["$defs"].values()))
    assert item["properties"]["count"]["anyOf"][0] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 10,
    }


def test_the_scheme_json_schema_has_min_and_max_as_integers() -> None:
    schema = orjson.loads(rendered_schemas()["scheme.schema.json"])
    for table in ("Label", "FormField"):
        for key in ("min", "max"):
            bound = schema["$defs"][table]["properties"][key]
            assert bound["anyOf"][0]["type"] == "integer"
            assert bound["anyOf"][0]["minimum"] == -(2**63)


def test_reviews_typed_span_value_below_min_is_refused() -> None:
    with pytest.raises(Refused) as refused:
        span_value(DEFAULT, "count", "-5")
    assert str(refused.value) == "count: -5 is less than the scheme's min = 0"
    assert span_value(DEFAULT, "count", "0").value == 0
