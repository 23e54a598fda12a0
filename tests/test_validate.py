"""Every validation message, as `annotator validate` prints it: FILE:LINE: path: message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core.corpus import open_corpus
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import links_problems, validate_files
from tests.conftest import ARTICLE, make_record

SCHEME = load_default_scheme()


def problems(path: Path, corpus: Path | None = None) -> list[str]:
    opened = open_corpus(corpus) if corpus is not None else None
    found = validate_files([path], opened, SCHEME)
    return [line.removeprefix(f"{path}:") for line in found]


def span(**changes: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": "s1", "start": 16, "end": 22, "label": "actor", "text": "Russia"}
    out.update(changes)
    return out


def test_valid_record_has_no_problems(write_jsonl: Callable[..., Path], corpus_dir: Path) -> None:
    assert problems(write_jsonl("j.jsonl", make_record()), corpus_dir) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{nope", "1: invalid JSON: "),
        ("[1, 2]", "1: expected a JSON object, got an array"),
        ('"text"', "1: expected a JSON object, got a string"),
        ("null", "1: expected a JSON object, got null"),
    ],
)
def test_json_level_problems(write_jsonl: Callable[..., Path], line: str, expected: str) -> None:
    (found,) = problems(write_jsonl("j.jsonl", line))
    assert found.startswith(expected)


def test_nan_is_named(write_jsonl: Callable[..., Path]) -> None:
    line = make_record()
    text = (
        '{"schema_version": 1, "doc_id": "a", "doc_sha256": "' + line["doc_sha256"] + '", '
        '"annotator": "a", "status": "done", "spans": [], "seconds_spent": NaN}'
    )
    assert problems(write_jsonl("j.jsonl", text)) == [
        "1: invalid JSON: NaN and Infinity are not JSON numbers"
    ]


def test_invalid_utf8(write_jsonl: Callable[..., Path]) -> None:
    assert problems(write_jsonl("j.jsonl", b'{"a": "\xff"}\n')) == [
        "1: invalid UTF-8 at byte 7 of the line"
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"spans": [span(start=16.0)]}, "spans.0.start: Input should be a valid integer"),
        ({"spans": [span(start="16")]}, "spans.0.start: Input should be a valid integer"),
        ({"spans": [span(end=True)]}, "spans.0.end: Input should be a valid integer"),
        ({"spans": [span(end=16)]}, "spans.0.end: end 16 must be greater than start 16"),
        ({"spans": [span(start=-1)]}, "spans.0.start: Input should be greater than or equal to 0"),
        ({"spans": [span(), span()]}, "duplicate span id 's1' (also spans.0)"),
        ({"status": "finished"}, "status: Input should be 'in_progress', 'done' or 'skipped'"),
        ({"schema_version": 2}, "schema_version: schema_version 2 is newer than this annotator"),
        ({"colour": "red"}, "colour: unknown field"),
        ({"doc_sha256": "ABC"}, "doc_sha256: must be 64 lowercase hex digits"),
        ({"updated_at": "2025-08-24 10:00"}, "updated_at: must be a UTC time"),
        ({"links": {"event_type": ["s9"]}}, "links.event_type: unknown span id 's9'"),
    ],
)
def test_model_problems(
    write_jsonl: Callable[..., Path], changes: dict[str, Any], expected: str
) -> None:
    (found,) = problems(write_jsonl("j.jsonl", make_record(**changes)))
    assert found.startswith("1: ")
    assert expected in found


def test_missing_required_field(write_jsonl: Callable[..., Path]) -> None:
    record = make_record()
    del record["spans"]
    assert problems(write_jsonl("j.jsonl", record)) == ["1: spans: required field is missing"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"spans": [span(label="place")]},
            # The way forward, as agree says it: no scheme was given.
            "1: spans.0.label: unknown label 'place' (scheme prisoner_exchange: "
            "actor, count, date, releasee); were these journals made with another scheme? "
            "pass it with --scheme FILE",
        ),
        (
            {"spans": [span(label="count", value="146")]},
            "1: spans.0.value: expected an integer, got '146' (label 'count')",
        ),
        (
            {"spans": [span(label="date", value="2025-02-30")]},
            "1: spans.0.value: '2025-02-30' is not a calendar date (label 'date')",
        ),
        (
            {"spans": [span(value=3)]},
            "1: spans.0.value: label takes no value, got 3 (label 'actor')",
        ),
        (
            {"form": {"event_type": "party"}},
            "1: form.event_type: 'party' is not one of its choices ('exchange', "
            "'unilateral_release', 'repatriation_of_remains', 'announcement' or 'not_relevant') "
            "(scheme prisoner_exchange); were these journals made with another scheme? pass it "
            "with --scheme FILE",
        ),
        (
            {"form": {"releases": [{"count": 3.0}]}},
            "1: form.releases.0.count: Input should be a valid integer",
        ),
        ({"form": {"weather": "fine"}}, "1: form.weather: unknown field"),
        ({"status": "done"}, "1: form.event_type: required when status is done"),
        (
            {"links": {"releases[0].count": ["s1"]}, "form": {"releases": []}},
            "1: links.releases[0].count: releases has no item 0",
        ),
        ({"links": {"weather": ["s1"]}}, "1: links.weather: not a field of the form"),
    ],
)
def test_scheme_problems(
    write_jsonl: Callable[..., Path], changes: dict[str, Any], expected: str
) -> None:
    assert problems(write_jsonl("j.jsonl", make_record(**changes))) == [expected]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"doc_id": "zz"}, "1: doc_id: 'zz' is not in the corpus"),
        ({"doc_sha256": "0" * 64}, "1: doc_sha256: does not match the text of 'a' in the corpus"),
        ({"spans": [span(start=60, end=500, text="x")]}, "1: spans.0.end: 500 is past the end"),
        (
            {"spans": [span(text="Ukraine")]},
            "1: spans.0.text: 'Ukraine' does not match the text at 16..22: 'Russia'",
        ),
    ],
)
def test_text_problems(
    write_jsonl: Callable[..., Path], corpus_dir: Path, changes: dict[str, Any], expected: str
) -> None:
    (found,) = problems(write_jsonl("j.jsonl", make_record(**changes)), corpus_dir)
    assert found.startswith(expected)


def test_offsets_are_code_points_over_emoji(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    text = (corpus_dir / "b.txt").read_text(encoding="utf-8")
    start = text.index("doves")
    assert start == 23  # 🕊️ is two code points: U+1F54A U+FE0F
    record = make_record(
        text=text, doc_id="b", spans=[span(start=start, end=start + 5, text="doves")]
    )
    assert problems(write_jsonl("j.jsonl", record), corpus_dir) == []


def test_torn_tail_and_line_numbers(write_jsonl: Callable[..., Path]) -> None:
    path = write_jsonl("j.jsonl", make_record(), "", "[]", b'{"schema_')
    assert problems(path) == [
        "3: expected a JSON object, got an array",
        "4: incomplete last line (an interrupted write); the store sets it aside when the "
        "journal is next opened for writing",
    ]


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    assert validate_files([path], None, SCHEME) == [f"{path}: no such file"]


def test_the_seed_gold_is_valid() -> None:
    root = Path(__file__).resolve().parent.parent
    gold = root / "seeds" / "article.gold.jsonl"
    assert validate_files([gold], open_corpus(root / "seeds"), SCHEME) == []


def test_article_constant_is_what_the_fixture_writes(corpus_dir: Path) -> None:
    assert (corpus_dir / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_gold_records_are_validated_as_gold(write_jsonl: Callable[..., Path]) -> None:
    gold = make_record(annotator="rita", sources={"annotators": ["alice", "bob"]})
    assert problems(write_jsonl("g.jsonl", gold)) == []
    bad = make_record(sources={"annotators": "alice"}, conflicts=[{"id": "c1"}])
    assert problems(write_jsonl("b.jsonl", bad)) == [
        "1: sources.annotators: Input should be a valid list"
    ]


def test_a_link_to_a_span_of_another_label_is_a_warning_not_a_problem(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    """Journals written before a relabel dropped such links may hold them: valid, but said."""
    record = make_record(
        form={"releases": [{"released_by": "Russia", "count": 146}]},
        links={"releases[0].released_by": ["s1"], "releases[0].count": ["s1"]},
    )
    path = write_jsonl("j.jsonl", record)
    warnings: list[str] = []
    assert validate_files([path], open_corpus(corpus_dir), SCHEME, warnings) == []
    assert warnings == [
        f"{path}:1: links.releases[0].count: warning: links s1 (actor 'Russia'), but the "
        "field is filled from count spans"
    ]
    assert problems(path, corpus_dir) == []  # without the list: nothing


def test_a_link_from_a_field_filled_from_no_label_is_a_warning(
    write_jsonl: Callable[..., Path],
) -> None:
    record = make_record(form={"event_type": "exchange"}, links={"event_type": ["s1"]})
    path = write_jsonl("j.jsonl", record)
    warnings: list[str] = []
    assert validate_files([path], None, SCHEME, warnings) == []
    assert warnings == [
        f"{path}:1: links.event_type: warning: links s1 (actor 'Russia'), but the field is "
        "not filled from spans"
    ]


def test_a_wrong_corpus_is_one_line_not_one_per_record(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "z.txt").write_text("Another text.\n", encoding="utf-8")
    path = write_jsonl("j.jsonl", make_record(), make_record(), make_record(doc_id="b"))
    assert validate_files([path], open_corpus(other), SCHEME) == [
        f"{path}: none of its 3 record(s) is of a document in the corpus {other} (first: "
        "'a'): is it the corpus they were made on?"
    ]


def test_one_record_of_a_document_not_in_the_corpus_is_its_line(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    path = write_jsonl("j.jsonl", make_record(), make_record(doc_id="zz"))
    assert problems(path, corpus_dir) == [f"2: doc_id: 'zz' is not in the corpus {corpus_dir}"]


def test_a_warning_is_of_a_document_s_last_line_only(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    linked = make_record(form={"releases": [{"count": 146}]}, links={"releases[0].count": ["s1"]})
    path = write_jsonl("j.jsonl", linked, linked, linked)
    warnings: list[str] = []
    assert validate_files([path], open_corpus(corpus_dir), SCHEME, warnings) == []
    assert [line.split(": ")[0] for line in warnings] == [f"{path}:3"]
    fixed = write_jsonl("k.jsonl", linked, make_record())  # mended since: no warning
    warnings.clear()
    assert validate_files([fixed], open_corpus(corpus_dir), SCHEME, warnings) == []
    assert warnings == []


def test_a_superseded_line_of_an_older_text_is_history_not_a_problem(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    """A trial's start over, undone, then the text restored: the blank line made for the
    changed text stayed, superseded, and failed validate."""
    older = make_record(doc_sha256="0" * 64, spans=[])
    path = write_jsonl("j.jsonl", make_record(), older, make_record())
    assert problems(path, corpus_dir) == []
    last = write_jsonl("k.jsonl", make_record(), older)  # the last line is checked
    (found,) = problems(last, corpus_dir)
    assert found.startswith("2: doc_sha256: does not match the text of 'a'")


def test_a_done_record_with_an_unknown_field_has_its_empty_required_field_said(
    write_jsonl: Callable[..., Path],
) -> None:
    """Every problem of the line: the unknown field stopped the check, and the required field
    was found wanting only once the unknown one was mended."""
    record = make_record(status="done", form={"weather": "fine"})
    assert problems(write_jsonl("j.jsonl", record)) == [
        "1: form.weather: unknown field",
        "1: form.event_type: required when status is done",
    ]
    bad_item = make_record(status="done", form={"releases": [{"count": 3.0}]})
    assert problems(write_jsonl("k.jsonl", bad_item)) == [
        "1: form.releases.0.count: Input should be a valid integer",
        "1: form.event_type: required when status is done",
    ]


def test_a_required_field_with_a_bad_value_is_said_once(
    write_jsonl: Callable[..., Path],
) -> None:
    record = make_record(status="done", form={"event_type": "party", "weather": "fine"})
    found = problems(write_jsonl("j.jsonl", record))
    assert [line.partition(": ")[2].partition(":")[0] for line in found] == [
        "form.event_type",
        "form.weather",
    ]
    assert not any("required" in line for line in found)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("event_type", None),
        ("releases[1].count", None),
        ("releases", "not a field of the form"),  # a group holds items, not a value
        ("releases[0]", "not a field of the form"),
        ("releases[0].weather", "not a field of the form"),
        ("event_type[0].count", "not a field of the form"),  # not a group
        ("weather[0].count", "not a field of the form"),
        ("releases.0.count", "not a field of the form"),  # pydantic's way, not a link path
        ("releases[-1].count", "not a field of the form"),
        ("releases[\u0661].count", "not a field of the form"),  # ASCII digits, as forms reads
        ("releases[2].count", "releases has no item 2"),
        ("0releases[0].count", "not a field of the form"),
    ],
)
def test_each_kind_of_link_path(path: str, expected: str | None) -> None:
    """A link path names a top-level field that is no group, or a field of a group's item
    the form has (``forms.resolve_path``, the one rule for paths, as the form reads them)."""
    form = {"event_type": "exchange", "releases": [{"count": 1}, {"count": 2}]}
    found = [message for _where, message in links_problems({path: ["s1"]}, form, SCHEME)]
    assert found == ([] if expected is None else [expected])


def test_the_help_says_what_is_checked_and_what_file_is() -> None:
    """``validate --help`` said "Check JSONL records against the models", FILE undescribed:
    neither the scheme's checks nor the corpus's were named."""
    from tests.test_agreement_data import run_cli

    result = run_cli("validate", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())  # argparse wraps to the terminal
    assert "FILE a journal or gold file (JSONL of records)" in text
    for words in ("record model and the scheme", "with --corpus every span against its"):
        assert words in text
    assert "against the models" not in text
