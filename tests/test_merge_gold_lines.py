"""Merge's gold lines written without models: the model's bytes, and its refusals."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.goldfile import gold_line
from annotator.core.merge_document import GoldBuilder
from annotator.core.models import GoldRecord, Record, Sources, record_line, sha256_text
from annotator.core.record_check import GoldShape, SourcesShape, gold_data_fine
from annotator.core.record_lines import LineCheck
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import ALICE_SPANS, BOB_SPANS, record, span

# ``merge`` writes each gold line from the merged fields as they stand (``goldfile.gold_line``)
# when ``record_check.gold_data_fine`` finds them valid; these tests hold it to the bytes the
# model path writes (``record_line(GoldRecord.model_validate(...))``) and to its refusals.

SCHEME = load_default_scheme()


def annotation_of(data: dict[str, Any]) -> Annotation:
    """The record as the bulk readers keep it: through their fast check, or through the model
    when the scheme finds fault (a done record without its required fields, say)."""
    checked = LineCheck(SCHEME).line(orjson.dumps(data))
    if checked is None:
        return Annotation(Record.model_validate(data))
    return Annotation.of_line(checked)


LONG_TEXT = "Russia freed 146 prisoners and Ukraine freed 12 soldiers on 24 August 2025."
NOW = "2025-08-24T10:00:00Z"
NAMES = ["alice", "bob", "carol", "dan"]
_VALUES = {
    "actor": st.none(),
    "releasee": st.none(),
    "count": st.one_of(st.none(), st.integers(0, 3)),
    "date": st.sampled_from([None, "2025-08-24", "2025-08", "2025"]),
}


@st.composite
def annotations(draw: st.DrawFn, name: str) -> Annotation:
    """One annotator's record: spans crowded into a short text (so that they overlap, repeat
    and differ), a form and links."""
    spans = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, 12))
        end = start + draw(st.integers(1, 4))
        label = draw(st.sampled_from(list(_VALUES)))
        spans.append(span(f"s{number}", start, end, label, draw(_VALUES[label]), LONG_TEXT))
    draw(st.randoms()).shuffle(spans)
    frame = st.fixed_dictionaries(
        {},
        optional={
            "released_by": st.sampled_from(["Russia", " Russia", "Ukraine", ""]),
            "count": st.integers(0, 2),
            "releasees": st.lists(st.sampled_from(["a", "b"]), max_size=2),
        },
    )
    form = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "event_type": st.sampled_from(["exchange", "announcement"]),
                "releases": st.lists(frame, max_size=3),
            },
        )
    )
    links = {}
    if spans and form.get("releases") and draw(st.booleans()):
        links["releases[0].count"] = [spans[0]["id"]]
    if spans and "event_type" in form and draw(st.booleans()):
        links["event_type"] = [spans[-1]["id"]]
    data = record(name, spans=spans, form=form, text=LONG_TEXT, links=links)
    data["flagged"] = draw(st.booleans())
    return annotation_of(data)


@st.composite
def units(draw: st.DrawFn) -> tuple[Unit, int | None]:
    names = NAMES[: draw(st.integers(2, 4))]
    unit = Unit("d1", sha256_text(LONG_TEXT), {name: draw(annotations(name)) for name in names})
    return unit, draw(st.sampled_from([None, *range(2, len(names) + 1)]))


@given(units())
@settings(max_examples=300, deadline=None)
def test_gold_lines_are_the_model_s_bytes(case: tuple[Unit, int | None]) -> None:
    unit, min_agree = case
    data = GoldBuilder(unit, min_agree, SCHEME).data("rita", NOW)
    model = GoldRecord.model_validate(data)
    assert gold_data_fine(data)
    assert gold_line(data) == orjson.dumps(data) + b"\n" == record_line(model)
    # Nothing silently dropped: each span of each annotator is gold (sourced to them), in
    # their version of a conflict, or outvoted: K annotators marked nothing more where it is.
    threshold = min_agree or len(unit.records)
    gold_keys = {(s.start, s.end, s.label, s.value) for s in model.spans}
    for name, annotation in unit.records.items():
        for one in annotation.spans:
            key = (one.start, one.end, one.label, one.value)
            gold = [s.id for s in model.spans if (s.start, s.end, s.label, s.value) == key]
            theirs = [
                (s["start"], s["end"], s["label"], s["value"])
                for conflict in model.conflicts
                for version in conflict["versions"]
                if conflict["kind"] == "span" and name in version["annotators"]
                for s in version["spans"]
            ]
            # K annotators marked nothing more competing with it (the same question: one
            # label, other bounds; one place, other labels; crossing). A span of another
            # label inside it, or around it, is a question of its own.
            clear = [
                other
                for other, theirs_all in unit.records.items()
                if not any(
                    (s.start, s.end, s.label, s.value) not in gold_keys
                    and s.start < one.end
                    and one.start < s.end
                    and _competing(one, s)
                    for s in theirs_all.spans
                )
            ]
            outvoted = threshold < len(unit.records) and len(clear) >= threshold
            assert (gold and name in model.sources.spans[gold[0]]) or key in theirs or outvoted
    for conflict in model.conflicts:
        who = [name for version in conflict["versions"] for name in version["annotators"]]
        if "[" in conflict.get("path", ""):
            # A field of an item K annotators hold: each of them in one version (those
            # without the item gave it no value).
            assert len(set(who)) == len(who) >= threshold
            assert set(who) <= set(unit.records)
        elif conflict.get("path") == "releases":
            # An item fewer than K hold: its holders, each in one version of one item.
            assert len(set(who)) == len(who) < threshold
            assert set(who) <= set(unit.records)
            assert all(len(version["value"]) == 1 for version in conflict["versions"])
        else:
            assert sorted(who) == list(unit.records)


def good_gold() -> dict[str, Any]:
    alice = record("alice", spans=ALICE_SPANS, form={"event_type": "exchange"})
    bob = record("bob", spans=BOB_SPANS, form={"event_type": "announcement"})
    unit = Unit("d1", alice["doc_sha256"], {r["annotator"]: annotation_of(r) for r in (alice, bob)})
    return GoldBuilder(unit, 2, SCHEME).data("rita", NOW)


def gold_variants() -> list[dict[str, Any]]:
    """The merged fields with each field (and each field of a span, of sources, of a
    conflict) set oddly, taken away, or an unknown one added."""
    odd: list[Any] = [None, True, 0, 1.5, -1, "", "x", [], {}, ["s1"], {"a": 1}, NOW + "\n",
                      "2022-99-99T99:99:99Z", "2023-02-29T10:00:00Z"]  # fmt: skip
    out = [good_gold()]
    paths: list[tuple[str, ...]] = [(key,) for key in [*good_gold(), "extra"]]
    paths += [("spans", 0, key) for key in [*good_gold()["spans"][0], "extra"]]
    paths += [("sources", key) for key in ["annotators", "spans", "extra"]]
    paths += [("conflicts", 0, key) for key in ["id", "kind", 7]]
    for path in paths:
        for value in [*odd, "missing"]:
            data = copy.deepcopy(good_gold())
            place = data
            for part in path[:-1]:
                place = place[part]
            if value == "missing":
                place.pop(path[-1], None)
            else:
                place[path[-1]] = value
            out.append(data)
    for spans in ([dict(ALICE_SPANS[0], id="s1", value=None)] * 2, [dict(ALICE_SPANS[0], end=0)]):
        out.append(dict(good_gold(), spans=spans))
    out.append(dict(good_gold(), links={"event_type": ["s9"]}))
    out.append(dict(good_gold(), seconds_spent=0))
    return out


@pytest.mark.parametrize("data", gold_variants())
def test_gold_lines_refuse_what_the_model_refuses(data: dict[str, Any]) -> None:
    try:
        expected = record_line(GoldRecord.model_validate(copy.deepcopy(data)))
    except ValidationError:
        assert not gold_data_fine(data)
        with pytest.raises(ValidationError):
            gold_line(data)
        return
    assert gold_line(data) == expected


def test_the_gold_shapes_have_the_models_fields() -> None:
    for shape, model in ((GoldShape, GoldRecord), (SourcesShape, Sources)):
        assert list(shape.__annotations__) == list(model.model_fields)
        required = {name for name, info in model.model_fields.items() if info.is_required()}
        assert set(TypeAdapter(shape).json_schema()["required"]) == required


def _competing(one: Any, other: Any) -> bool:
    """Two overlapping spans answer one question (merge's rule, written out here again)."""
    if one.label == other.label or (one.start, one.end) == (other.start, other.end):
        return True
    nested = (one.start <= other.start and other.end <= one.end) or (
        other.start <= one.start and one.end <= other.end
    )
    return not nested


def test_merged_lines_are_written_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # Merge's records have no ``merged_anew`` (left out of the line when None): once the field
    # was added, checking sources for the model's whole field tuple sent every line through
    # the model, a fifth of merge's time, with the same bytes, so no other test saw it.
    data = good_gold()
    expected = record_line(GoldRecord.model_validate(copy.deepcopy(data)))

    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model's way was taken")

    monkeypatch.setattr(GoldRecord, "model_validate", no_model)
    assert "merged_anew" not in data["sources"]
    assert gold_line(data) == expected


@pytest.mark.parametrize("merged_anew", [None, 2])
def test_merged_anew_given_writes_the_model_s_bytes(merged_anew: int | None) -> None:
    data = good_gold()
    data["sources"]["merged_anew"] = merged_anew
    expected = record_line(GoldRecord.model_validate(copy.deepcopy(data)))
    assert (b'"merged_anew":2' in expected) == (merged_anew == 2)
    assert gold_line(data) == expected
