"""A value kept from before a range was set or narrowed is a value its field or label no
longer takes, said as a choice renamed is (a user trial).

The trial's scheme set ``max = 100`` on the count label and ``min = 1``, ``max = 100`` on a
release's count; a done record kept a release count of 150 and a count span of -5. annotate
said nothing at start, the list showed ``✓ done`` unmarked, the span list ``s3 95 = -5``, the
form ``count 150`` unwarned, and d said done; validate, agree, diff, merge and review then
refused the journal. Now the start counts the record, the list and the status line mark it,
opening it and d name both values, the form shows the count empty, and a required field
keeping such a value is no answer. The bulk readers keep validate's words: a range changed
since, not another scheme, which their hint for a choice renamed asks for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.field_takes import why_not_allowed
from annotator.core.journal_another_scheme import holds_what_scheme_lacks, scheme_notices
from annotator.core.journal_done_needs import done_needing_notice
from annotator.core.models import Record, sha256_text
from annotator.core.record_check import SchemeCheck
from annotator.core.record_unallowed import (
    shown_value,
    span_values_not_allowed,
    values_not_allowed,
)
from annotator.core.record_unknown import done_words, opening_notice
from annotator.core.scheme import Scheme, default_scheme_path, load_scheme
from annotator.core.validate import scheme_problems

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs"
DOC = "01-arbela-pow-swap"
TEXT = (SAMPLES / f"{DOC}.txt").read_text(encoding="utf-8")
JOURNAL = Path("proj2/annotations/alice.jsonl")


def ranged_scheme(tmp_path: Path, *, required_count: bool = False) -> Scheme:
    """The trial's good.toml: the default with ``max = 100`` on the count label and ``min =
    1``, ``max = 100`` on a release's count (``required_count``: made required too)."""
    text = default_scheme_path().read_text(encoding="utf-8")
    text = text.replace('guidelines = "prisoner_exchange.md"\n', "")
    text = text.replace("min = 0\ndescription", "min = 0\nmax = 100\ndescription", 1)
    required = "\n  required = true" if required_count else ""
    bounds = f'from_label = "count"\n  min = 1\n  max = 100{required}'
    text = text.replace('from_label = "count"\n  min = 0', bounds, 1)
    assert text.count("max = 100") == 2
    path = tmp_path / "good.toml"
    path.write_text(text, encoding="utf-8")
    return load_scheme(path)


def trial_record(status: str = "done", span_value: Any = -5, count: Any = 150) -> Record:
    start = TEXT.index("95")
    data = {
        "schema_version": 1,
        "doc_id": DOC,
        "doc_sha256": sha256_text(TEXT),
        "annotator": "alice",
        "status": status,
        "spans": [
            {"id": "s3", "start": start, "end": 2 + start, "label": "count", "text": "95"}
            | {"value": span_value},
        ],
        "form": {"event_type": "exchange", "releases": [{"count": count}]},
        "links": {"releases[0].count": ["s3"]},
    }
    return Record.model_validate(data)


def test_a_count_outside_its_range_is_a_value_the_field_no_longer_takes(tmp_path: Path) -> None:
    scheme = ranged_scheme(tmp_path)
    count = scheme.field("releases").fields[2]  # type: ignore[union-attr]
    assert (why_not_allowed(count, 150), why_not_allowed(count, 0)) == (
        "more than its max = 100",
        "less than its min = 1",
    )
    assert why_not_allowed(count, 100) is None
    record = trial_record()
    assert [tuple(one) for one in values_not_allowed(record, scheme)] == [
        ("releases[0].count", 150, "more than its max = 100")
    ]
    assert [tuple(one) for one in span_values_not_allowed(record, scheme)] == [
        ("s3", -5, "less than its min = 0")
    ]
    assert shown_value(record, "releases[0].count", scheme) is None  # the form shows it empty
    assert holds_what_scheme_lacks(record, scheme)
    assert holds_what_scheme_lacks(trial_record(count=12), scheme)  # the span's alone
    assert not holds_what_scheme_lacks(trial_record(span_value=95, count=95), scheme)


def test_opening_and_d_name_both_values(tmp_path: Path) -> None:
    scheme = ranged_scheme(tmp_path)
    held = (
        "releases #1 count = 150 (more than its max = 100), span s3 = -5 (less than its "
        "min = 0), which the scheme does not allow"
    )
    notice = opening_notice(trial_record(), scheme, tmp_path / "good.toml", JOURNAL)
    assert notice == (
        f"this record holds {held} (kept as they are; annotator validate --scheme "
        f"{tmp_path / 'good.toml'} {JOURNAL} lists them)"
    )
    assert done_words(trial_record(), scheme) == f"; it still holds {held} (kept)"


def test_the_start_counts_the_record_without_asking_for_another_scheme(tmp_path: Path) -> None:
    scheme = ranged_scheme(tmp_path)
    given = tmp_path / "good.toml"
    assert scheme_notices(JOURNAL, [trial_record()], scheme, given) == [
        f"{JOURNAL}: its one record ({DOC}; l marks it) holds labels, fields or values not in "
        f"the scheme given, {given}: kept as they are; opening it says what it holds"
    ]


def test_a_required_count_outside_its_range_is_no_answer(tmp_path: Path) -> None:
    scheme = ranged_scheme(tmp_path, required_count=True)
    assert done_needing_notice(JOURNAL, [trial_record()], scheme) == (
        f"{JOURNAL}: its one done record ({DOC}; l marks it) needs releases #1 count, which "
        "the scheme requires"
    )


def test_the_bulk_readers_keep_validate_s_words(tmp_path: Path) -> None:
    """Not the hint a choice renamed gets ("made with another scheme?"): a range changed."""
    record = trial_record(span_value=95)
    for scheme in (ranged_scheme(tmp_path), _as_default(ranged_scheme(tmp_path))):
        [(path, message)] = list(scheme_problems(record, scheme))
        assert (path, message) == (
            "form.releases.0.count",
            "150 is more than the scheme's max = 100",
        )
        said = SchemeCheck(scheme).problem(JOURNAL, 1, record)
        assert said == f"{JOURNAL}:1: {path}: {message}"


def _as_default(scheme: Scheme) -> Scheme:
    """``scheme`` as if no --scheme had named it (read from no file)."""
    return Scheme.model_validate(scheme.model_dump())
