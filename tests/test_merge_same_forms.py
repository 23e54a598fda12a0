"""Forms every annotator gave alike, none linking, are merged at once (``FormMerge._same_forms``):
the gold record is the one the field-by-field rules give."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge_document import GoldBuilder
from annotator.core.models import Record, sha256_text
from tests.test_group_align_data import COUNT_187, SCHEME, TEXT, record, release

EMPTY_ITEM = {"released_by": " ", "count": None, "releasees": []}
FORMS: list[dict[str, Any]] = [
    {"event_type": "exchange", "releases": [release(187), EMPTY_ITEM, release(210)]},
    {"event_type": "exchange", "releases": [EMPTY_ITEM]},  # its items all empty
    {"event_type": "exchange"},  # no group
    {"releases": [release(187, None, releasees=["Ivan", "Olena"])]},  # no required answer
    {},
]


def unit(form: dict[str, Any], names: tuple[str, ...], span_conflict: bool = False) -> Unit:
    """A unit of ``names`` giving ``form``; with ``span_conflict``, the first marked a span
    the others did not (then gold is not done, and keeps what the form merge gave it)."""
    works = {}
    for name in names:
        extra = COUNT_187 if span_conflict and name == names[0] else None
        made = record(name, [], extra, links={})
        made["form"] = form
        works[name] = Annotation(Record.model_validate(made))
    return Unit("d1", sha256_text(TEXT), works)


def field_by_field(made: Unit, min_agree: int | None) -> dict[str, Any]:
    builder = GoldBuilder(made, min_agree, SCHEME)
    builder._same_forms = lambda: False  # type: ignore[method-assign]
    return builder.data("rita", "now")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("min_agree", [None, 2])
@pytest.mark.parametrize("span_conflict", [False, True])
def test_alike_forms_merge_at_once_as_field_by_field(
    form: dict[str, Any], min_agree: int | None, span_conflict: bool
) -> None:
    made = unit(form, ("alice", "bob", "carol"), span_conflict)
    builder = GoldBuilder(made, min_agree, SCHEME)
    data = builder.data("rita", "now")
    assert data == field_by_field(made, min_agree)
    assert list(data["form"]) == list(field_by_field(made, min_agree)["form"])  # scheme order
    assert GoldBuilder(made, min_agree, SCHEME)._same_forms()  # taken at once


def test_forms_not_alike_or_too_few_annotators_merge_field_by_field() -> None:
    two = unit(FORMS[0], ("alice", "bob"))
    assert not GoldBuilder(two, 3, SCHEME)._same_forms()  # K over their number: nothing taken
    assert GoldBuilder(two, 3, SCHEME).data("rita", "now") == field_by_field(two, 3)
    works = dict(unit(FORMS[0], ("alice", "bob")).records)
    works["carol"] = unit(FORMS[2], ("carol",)).records["carol"]
    differ = Unit("d1", sha256_text(TEXT), works)
    assert not GoldBuilder(differ, None, SCHEME)._same_forms()
