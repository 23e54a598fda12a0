"""Form operations: typed fields, repeatable groups, filling from spans with links, checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.core.forms import (
    add_group_item,
    field_value,
    fill_from_span,
    form_problems,
    item_path,
    link_span,
    missing_required,
    remove_group_item,
    resolve_path,
    set_field,
    typed_list,
)
from annotator.core.models import Record, sha256_text
from annotator.core.scheme import Scheme, load_default_scheme
from annotator.core.spans import add_span, delete_span

SCHEME = load_default_scheme()
TEXT = (
    "Ukraine and Russia swapped 146 prisoners on Sunday, 24 August 2025. "
    "Among those freed was Mark Kaliush, an ex-marine."
)
EMPTY_RELEASE = {
    "released_by": None,
    "received_by": None,
    "count": None,
    "date": None,
    "releasees": [],
}


def blank() -> Record:
    return Record(
        schema_version=1,
        doc_id="d1",
        doc_sha256=sha256_text(TEXT),
        annotator="alice",
        status="in_progress",
        spans=[],
    )


def labelled() -> Record:
    record = blank()
    for part, label in [
        ("Ukraine", "actor"),
        ("Russia", "actor"),
        ("146", "count"),
        ("24 August 2025", "date"),
        ("Mark Kaliush", "releasee"),
        ("an ex-marine", "releasee"),
    ]:
        start = TEXT.index(part)
        record, _ = add_span(record, TEXT, start, start + len(part), label, SCHEME)
    return record  # s1 Ukraine, s2 Russia, s3 146, s4 date, s5 Kaliush, s6 ex-marine


def test_add_group_item_appends_an_empty_item() -> None:
    record = add_group_item(blank(), "releases", SCHEME)
    record = add_group_item(record, "releases", SCHEME)
    assert record.form == {"releases": [EMPTY_RELEASE, EMPTY_RELEASE]}
    with pytest.raises(AnnotatorError, match="no repeatable group 'event_type'"):
        add_group_item(record, "event_type", SCHEME)


def test_set_field_checks_each_type() -> None:
    record = add_group_item(blank(), "releases", SCHEME)
    record = set_field(record, "event_type", "exchange", SCHEME)
    record = set_field(record, "releases[0].count", " 1,200 ", SCHEME)
    record = set_field(record, "releases[0].date", "2025-08", SCHEME)
    record = set_field(record, "releases[0].released_by", "  Ukraine ", SCHEME)
    record = set_field(record, "releases[0].releasees", "Mark Kaliush\n\n Ivan Petrenko ", SCHEME)
    assert record.form == {
        "event_type": "exchange",
        "releases": [
            {
                "released_by": "Ukraine",
                "received_by": None,
                "count": 1200,
                "date": "2025-08",
                "releasees": ["Mark Kaliush", "Ivan Petrenko"],
            }
        ],
    }
    cleared = set_field(record, "releases[0].count", "", SCHEME)
    assert field_value(cleared, "releases[0].count", SCHEME) is None
    no_names = set_field(record, "releases[0].releasees", "", SCHEME)
    assert field_value(no_names, "releases[0].releasees", SCHEME) == []
    assert set_field(record, "event_type", None, SCHEME).form["event_type"] is None


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("event_type", "swap", "'swap' is not a choice of event_type"),
        ("releases[0].count", "many", "releases\\[0\\].count: expected a whole number"),
        ("releases[0].count", 3.0, "expected a whole number"),
        ("releases[0].count", True, "expected a whole number"),
        ("releases[0].date", "24/08/2025", "is not a date"),
        ("releases[0].date", "2025-02-29", "not a calendar date"),
        ("releases[0].released_by", 7, "takes text"),
        ("releases[0].releasees", [1], "takes a list of text"),
        ("releases[1].count", "3", "releases has 1 item$"),
        ("releases[0].colour", "red", "no form field 'releases\\[0\\].colour'"),
        ("releases", "x", "is a repeatable group"),
        ("event_type[0].x", "x", "not a repeatable group"),
        ("nothing", "x", "no form field 'nothing'"),
    ],
)
def test_set_field_refusals(path: str, value: object, message: str) -> None:
    record = add_group_item(blank(), "releases", SCHEME)
    with pytest.raises(AnnotatorError, match=message):
        set_field(record, path, value, SCHEME)


def test_fill_from_span_takes_values_or_text_and_links() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    record = fill_from_span(record, "releases[0].released_by", "s1", SCHEME)
    record = fill_from_span(record, "releases[0].received_by", "s2", SCHEME)
    record = fill_from_span(record, "releases[0].count", "s3", SCHEME)
    record = fill_from_span(record, "releases[0].date", "s4", SCHEME)
    record = fill_from_span(record, "releases[0].releasees", "s5", SCHEME)
    record = fill_from_span(record, "releases[0].releasees", "s6", SCHEME)
    assert record.form["releases"] == [
        {
            "released_by": "Ukraine",
            "received_by": "Russia",
            "count": 146,
            "date": "2025-08-24",
            "releasees": ["Mark Kaliush", "an ex-marine"],
        }
    ]
    assert record.links == {
        "releases[0].released_by": ["s1"],
        "releases[0].received_by": ["s2"],
        "releases[0].count": ["s3"],
        "releases[0].date": ["s4"],
        "releases[0].releasees": ["s5", "s6"],
    }
    # A scalar field filled again takes the new span and only its link.
    again = fill_from_span(record, "releases[0].released_by", "s2", SCHEME)
    assert again.form["releases"][0]["released_by"] == "Russia"
    assert again.links["releases[0].released_by"] == ["s2"]
    # The original record is untouched.
    assert record.form["releases"][0]["released_by"] == "Ukraine"


def test_fill_from_span_refusals() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    with pytest.raises(AnnotatorError, match="filled from count spans; s1 \\('Ukraine'\\)"):
        fill_from_span(record, "releases[0].count", "s1", SCHEME)
    with pytest.raises(AnnotatorError, match="event_type is not filled from spans"):
        fill_from_span(record, "event_type", "s1", SCHEME)
    with pytest.raises(AnnotatorError, match="no span 's9'"):
        fill_from_span(record, "releases[0].count", "s9", SCHEME)
    with pytest.raises(AnnotatorError, match="releases has 1 item"):
        fill_from_span(record, "releases[1].count", "s3", SCHEME)
    listed = fill_from_span(record, "releases[0].releasees", "s5", SCHEME)
    with pytest.raises(AnnotatorError, match="s5 \\('Mark Kaliush'\\) is already in the list"):
        fill_from_span(listed, "releases[0].releasees", "s5", SCHEME)


def test_a_text_listed_by_hand_is_linked_not_refused() -> None:
    """A trial: an item typed by hand lost its link, and ctrl+l on its span was refused as
    "already in the list", so the link could not be put back."""
    record = add_group_item(labelled(), "releases", SCHEME)
    record = set_field(record, "releases[0].releasees", ["Mark Kaliush"], SCHEME)
    linked = fill_from_span(record, "releases[0].releasees", "s5", SCHEME)
    assert linked.form["releases"][0]["releasees"] == ["Mark Kaliush"]
    assert linked.links == {"releases[0].releasees": ["s5"]}


def test_a_second_span_of_the_same_value_replaces_the_link() -> None:
    """ctrl+l fills a field from the span taken alone: a second "146" takes the first's link
    (a trial's correction of a wrong pick kept both, unseen; ctrl+t adds a link); a span of
    another value replaces the value and the links too."""
    text = TEXT + " Kyiv said 146 had come home."
    record = blank().model_copy(update={"doc_sha256": sha256_text(text)})
    for start, end in [(27, 30), (len(TEXT) + 11, len(TEXT) + 14)]:
        record, _ = add_span(record, text, start, end, "count", SCHEME)
    record = add_group_item(record, "releases", SCHEME)
    record = fill_from_span(record, "releases[0].count", "s1", SCHEME)
    second = fill_from_span(record, "releases[0].count", "s2", SCHEME)
    assert second.form["releases"][0]["count"] == 146
    assert second.links == {"releases[0].count": ["s2"]}
    assert fill_from_span(second, "releases[0].count", "s2", SCHEME) is second  # again: nothing
    # A figure linked beside it with ctrl+t stays when the span it is filled from is taken again.
    both = link_span(second, "releases[0].count", "s1", SCHEME)
    assert fill_from_span(both, "releases[0].count", "s2", SCHEME) is both
    other, _ = add_span(
        both, text, TEXT.index("24 August"), TEXT.index("24 August") + 2, "count", SCHEME
    )
    replaced = fill_from_span(other, "releases[0].count", "s3", SCHEME)
    assert replaced.form["releases"][0]["count"] == 24
    assert replaced.links == {"releases[0].count": ["s3"]}


def test_a_hand_set_value_drops_the_link_an_equal_one_keeps_it() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    record = fill_from_span(record, "releases[0].count", "s3", SCHEME)
    assert set_field(record, "releases[0].count", "146", SCHEME).links == {
        "releases[0].count": ["s3"]
    }
    assert set_field(record, "releases[0].count", "145", SCHEME).links == {}


def test_remove_group_item_reindexes_later_links() -> None:
    record = labelled()
    for _ in range(3):
        record = add_group_item(record, "releases", SCHEME)
    record = fill_from_span(record, "releases[0].count", "s3", SCHEME)
    record = fill_from_span(record, "releases[1].released_by", "s1", SCHEME)
    record = fill_from_span(record, "releases[2].count", "s3", SCHEME)
    record = fill_from_span(record, "releases[2].releasees", "s5", SCHEME)
    after = remove_group_item(record, "releases", 1)
    assert after.links == {
        "releases[0].count": ["s3"],
        "releases[1].count": ["s3"],
        "releases[1].releasees": ["s5"],
    }
    assert after.form["releases"][1]["releasees"] == ["Mark Kaliush"]
    assert len(after.form["releases"]) == 2
    with pytest.raises(AnnotatorError, match="no item releases\\[2\\] \\(the group has 2\\)"):
        remove_group_item(after, "releases", 2)


def test_deleting_a_linked_span_keeps_the_value_and_drops_the_link() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    record = fill_from_span(record, "releases[0].count", "s3", SCHEME)
    after = delete_span(record, "s3")
    assert after.links == {}
    assert after.form["releases"][0]["count"] == 146


def test_missing_required() -> None:
    record = blank()
    assert missing_required(record, SCHEME) == ["event_type"]
    record = set_field(record, "event_type", "not_relevant", SCHEME)
    assert missing_required(record, SCHEME) == []


def test_generic_over_the_scheme() -> None:
    scheme = Scheme.model_validate(
        {
            "name": "arrests",
            "labels": [
                {"name": "person", "key": "1", "color": "#112233"},
                {"name": "when", "key": "2", "color": "#445566", "value_type": "date"},
            ],
            "fields": [
                {"name": "verdict", "type": "text", "required": True},
                {
                    "name": "arrests",
                    "type": "group",
                    "required": True,
                    "fields": [
                        {"name": "who", "type": "list", "from_label": "person"},
                        {"name": "on", "type": "date", "from_label": "when", "required": True},
                    ],
                },
            ],
        }
    )
    record = blank()
    assert missing_required(record, scheme) == ["verdict", "arrests"]
    record = add_group_item(record, "arrests", scheme)
    assert record.form == {"arrests": [{"who": [], "on": None}]}
    assert missing_required(record, scheme) == ["verdict", "arrests[0].on"]
    start = TEXT.index("Sunday")
    record, span = add_span(record, TEXT, start, start + 6, "when", scheme, doc_date="2025-08-26")
    assert span.value == "2025-08-24"
    record = fill_from_span(record, "arrests[0].on", span.id, scheme)
    record = set_field(record, "verdict", "guilty", scheme)
    assert missing_required(record, scheme) == []
    assert resolve_path(scheme, "arrests[3].who")[1] == 3


def test_a_path_with_a_final_newline_is_no_path() -> None:
    """A link key read from a journal is a path only as a whole: ``$`` would let a final
    newline through (``"event_type\\n"`` read as ``event_type``)."""
    with pytest.raises(AnnotatorError, match="no form field"):
        resolve_path(SCHEME, "event_type\n")
    with pytest.raises(AnnotatorError, match="no form field"):
        resolve_path(SCHEME, "releases[0].count\n")
    assert item_path("releases[0].count\n") is None
    assert item_path("releases[0].count") == ("releases", 0, "count")
    assert resolve_path(SCHEME, "event_type")[0].name == "event_type"


def test_form_problems_use_pydantic_paths() -> None:
    form = {
        "event_type": "swap",
        "releases": [EMPTY_RELEASE, {**EMPTY_RELEASE, "count": "146", "date": "2025-02-30"}],
        "colour": "red",
    }
    assert form_problems(form, SCHEME) == [
        (
            "event_type",
            "Input should be 'exchange', 'unilateral_release', 'repatriation_of_remains', "
            "'announcement' or 'not_relevant'",
        ),
        ("releases.1.count", "Input should be a valid integer"),
        ("releases.1.date", "'2025-02-30' is not a calendar date"),
        ("colour", "Extra inputs are not permitted"),
    ]
    assert form_problems({"event_type": "exchange", "releases": [EMPTY_RELEASE]}, SCHEME) == []
    assert form_problems({}, SCHEME) == []
    assert form_problems([], SCHEME) == [("", "the form must be an object, got list")]


@given(st.lists(st.sampled_from(["add", "remove0", "remove_last", "fill"]), max_size=12))
@settings(max_examples=200)
def test_links_always_point_at_existing_items(operations: list[str]) -> None:
    record = labelled()
    for operation in operations:
        size = len(record.form.get("releases", []))
        if operation == "add":
            record = add_group_item(record, "releases", SCHEME)
        elif operation.startswith("remove") and size:
            record = remove_group_item(
                record, "releases", 0 if operation == "remove0" else size - 1
            )
        elif operation == "fill" and size:
            record = fill_from_span(record, f"releases[{size - 1}].count", "s3", SCHEME)
    items = record.form.get("releases", [])
    for path in record.links:
        index = int(path.split("[")[1].split("]")[0])
        assert index < len(items)
        assert items[index]["count"] == 146
    assert form_problems(record.form, SCHEME) == []


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("", []),
        (" , ,", []),
        ("Mark Kaliush", ["Mark Kaliush"]),
        (" Mark Kaliush ,Olena  K. ,", ["Mark Kaliush", "Olena  K."]),
    ],
)
def test_a_typed_list_is_comma_separated(typed: str, items: list[str]) -> None:
    assert typed_list(typed) == items
