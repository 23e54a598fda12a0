"""Why ``v`` types no value where it does not apply, said true of the conflict: on a conflict of
one version (a document fewer than ``--min-agree K`` finished) it said "here they differ
otherwise", though one version has nothing to differ from."""

from __future__ import annotations

from annotator.core.review_span_value import no_value_to_type
from tests.test_agreement_data import span

RUSSIA = span("s1", 0, 6, "actor")


def conflict_of(*versions: dict[str, object]) -> dict[str, object]:
    return {"id": "c1", "kind": "span", "region": [0, 6], "versions": list(versions)}


def test_one_version_is_said_to_have_nothing_to_differ_from() -> None:
    said = no_value_to_type(conflict_of({"spans": [RUSSIA], "annotators": ["alice", "bob"]}))
    assert "differ otherwise" not in said
    assert said.endswith(
        "; this conflict has one version, nothing to differ from: take it (1), reject it (r), "
        "or draw the span (e)"
    )


def test_versions_that_differ_in_more_than_the_value_are_said_so() -> None:
    said = no_value_to_type(
        conflict_of(
            {"spans": [RUSSIA], "annotators": ["alice"]},
            {"spans": [], "annotators": ["bob"]},
        )
    )
    assert said == (
        "v types a span's value where the versions mark the same words under one label with "
        "different values; here they differ otherwise: take a version, or draw the span (e)"
    )
