"""forms.link_span / unlink_span: links made and dropped with the value left alone, and
history.describe_step naming what a step changed."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.forms import (
    add_group_item,
    fill_from_span,
    link_span,
    set_field,
    unlink_span,
)
from annotator.core.history import describe_step
from tests.test_forms import SCHEME, labelled


def test_link_span_leaves_the_value_and_checks_the_label_and_item() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    record = fill_from_span(record, "releases[0].released_by", "s1", SCHEME)
    linked = link_span(record, "releases[0].released_by", "s2", SCHEME)
    assert linked.form == record.form
    assert linked.links == {"releases[0].released_by": ["s1", "s2"]}
    listed = link_span(record, "releases[0].releasees", "s5", SCHEME)
    assert listed.form["releases"][0]["releasees"] == []  # a list is not filled either
    with pytest.raises(AnnotatorError, match="linked already"):
        link_span(linked, "releases[0].released_by", "s2", SCHEME)
    with pytest.raises(AnnotatorError, match="is labelled count"):
        link_span(record, "releases[0].released_by", "s3", SCHEME)
    with pytest.raises(AnnotatorError, match="releases has 1 item"):
        link_span(record, "releases[1].count", "s3", SCHEME)
    with pytest.raises(AnnotatorError, match="event_type is not linked to spans"):
        link_span(record, "event_type", "s1", SCHEME)


def test_unlink_span_drops_one_link_or_all() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    record = fill_from_span(record, "releases[0].released_by", "s1", SCHEME)
    record = link_span(record, "releases[0].released_by", "s2", SCHEME)
    one = unlink_span(record, "releases[0].released_by", "s2")
    assert one.links == {"releases[0].released_by": ["s1"]}
    assert one.form == record.form
    assert unlink_span(record, "releases[0].released_by").links == {}
    with pytest.raises(AnnotatorError, match="not linked to s3 \\(its links: s1 s2\\)"):
        unlink_span(record, "releases[0].released_by", "s3")
    with pytest.raises(AnnotatorError, match="has no links"):
        unlink_span(record, "releases[0].count")


def test_describe_step_names_spans_fields_and_items() -> None:
    record = labelled()
    grown = add_group_item(record, "releases", SCHEME)
    step = describe_step(record, grown)
    assert (step.text, step.path, step.span_id) == ("add releases #1", "releases[0]", None)
    filled = fill_from_span(grown, "releases[0].count", "s3", SCHEME)
    assert describe_step(grown, filled).text == "releases #1 count (empty) → '146'"
    assert describe_step(filled, filled).text == "no change"
    fewer = record.model_copy(update={"spans": record.spans[1:]})
    step = describe_step(record, fewer)
    assert (step.text, step.span_id, step.offset) == ("delete s1 actor 'Ukraine'", "s1", 0)


def test_a_list_filled_from_spans_keeps_their_order_in_the_text() -> None:
    # A trial's ctrl+l picked the releasees nearest the cursor first: they read backwards.
    record = add_group_item(labelled(), "releases", SCHEME)
    record = fill_from_span(record, "releases[0].releasees", "s6", SCHEME)  # an ex-marine
    names = ["an ex-marine", "Ivan Petrenko"]
    record = set_field(record, "releases[0].releasees", names, SCHEME)
    record = fill_from_span(record, "releases[0].releasees", "s5", SCHEME)  # Mark Kaliush
    names = record.form["releases"][0]["releasees"]
    assert names == ["Mark Kaliush", "an ex-marine", "Ivan Petrenko"]  # typed one kept last
    assert record.links == {"releases[0].releasees": ["s5", "s6"]}
