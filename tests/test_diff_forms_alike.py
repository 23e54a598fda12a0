"""Two records whose forms are written alike have no form difference, told without decoding
the forms (``Annotation.same_form``); forms written otherwise are still compared answer by
answer, so the same answers with their keys in another order are no difference either."""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotation import Annotation
from annotator.core.diff import diff_of_files
from annotator.core.models import Record
from tests.test_agreement_data import record, scheme, write_journal

FORM = {"code": "1", "number": 3, "releases": [{"released_by": "Russia", "count": 146}]}
# The same answers, the keys in another order: written otherwise, equal.
REORDERED = {"releases": [{"count": 146, "released_by": "Russia"}], "number": 3, "code": "1"}


def annotation(name: str, form: dict[str, object]) -> Annotation:
    return Annotation(Record.model_validate(record(name, form=form)))


def test_forms_written_alike_are_the_same_form() -> None:
    assert annotation("alice", FORM).same_form(annotation("bob", dict(FORM)))
    assert not annotation("alice", FORM).same_form(annotation("bob", REORDERED))
    assert not annotation("alice", FORM).same_form(annotation("bob", {**FORM, "code": "2"}))


def test_diff_of_forms_alike_or_reordered_finds_no_difference(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", "d1", form=FORM),
        record("alice", "d2", form=FORM),
        record("alice", "d3", form=FORM),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record("bob", "d1", form=dict(FORM)),
        record("bob", "d2", form=REORDERED),
        record("bob", "d3", form={**FORM, "code": "2"}),
    )
    report = diff_of_files(alice, bob, test_scheme)
    assert report["documents"] == 3
    assert report["form"] == [
        {"doc_id": "d3", "field": "code", "b_field": "code", "a": "1", "b": "2", "only": None}
    ]
