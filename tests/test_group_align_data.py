"""The curator's trial case, built by hand on the default scheme: one transfer, Drava People's
Authority to Ostreva on 7 June 2024, whose count alice and carol read as 187 and bob as 210.

Spans (the same ids for each annotator): s1 actor "Drava People's Authority" 0-24, s2 count
"187" 32-35 (alice, carol) or s2 count "210" 116-119 (bob), s3 actor "Ostreva" 49-56, s4 date
"7 June 2024" 60-71 (2024-06-07). Every field of the release is linked to its span.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.scheme import Scheme, load_default_scheme
from tests.test_agreement_data import write_corpus, write_journal

TEXT = (
    "Drava People's Authority handed 187 prisoners to Ostreva on 7 June 2024, officials said; "
    "the ministry later counted 210."
)
DRAVA = "Drava People's Authority"
SCHEME: Scheme = load_default_scheme()


def span(span_id: str, words: str, label: str, value: Any = None, after: int = 0) -> dict[str, Any]:
    start = TEXT.index(words, after)
    return {
        "id": span_id,
        "start": start,
        "end": start + len(words),
        "label": label,
        "text": words,
        "value": value,
    }


COUNT_187 = span("s2", "187", "count", 187)
COUNT_210 = span("s2", "210", "count", 210)
LINKS = {
    "releases[0].released_by": ["s1"],
    "releases[0].received_by": ["s3"],
    "releases[0].count": ["s2"],
    "releases[0].date": ["s4"],
}


def release(count: int | None, date: str | None = "2024-06-07", **more: Any) -> dict[str, Any]:
    return {
        "released_by": DRAVA,
        "received_by": "Ostreva",
        "count": count,
        "date": date,
        "releasees": [],
        **more,
    }


def record(
    name: str,
    releases: list[dict[str, Any]],
    count_span: dict[str, Any] | None = None,
    links: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    spans = [
        span("s1", DRAVA, "actor"),
        *([count_span] if count_span else []),
        span("s3", "Ostreva", "actor"),
        span("s4", "7 June 2024", "date", "2024-06-07"),
    ]
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": spans,
        "form": {"event_type": "exchange", "releases": releases},
        "links": LINKS if links is None else links,
    }


def trial() -> dict[str, dict[str, Any]]:
    """alice and carol: 187, bob: 210, each count linked to its span."""
    return {
        "alice": record("alice", [release(187)], COUNT_187),
        "bob": record("bob", [release(210)], COUNT_210),
        "carol": record("carol", [release(187)], COUNT_187),
    }


def merged(records: dict[str, dict[str, Any]], min_agree: int | None) -> GoldRecord:
    works = {name: Annotation(Record.model_validate(records[name])) for name in sorted(records)}
    (made,) = merge_units([Unit("d1", sha256_text(TEXT), works)], SCHEME, "rita", min_agree)
    return made


def body(one: dict[str, Any]) -> dict[str, Any]:
    """A span as a conflict's version lists it (no id)."""
    return {key: one[key] for key in ("start", "end", "label", "text", "value")}


def write_case(folder: Path, records: dict[str, dict[str, Any]]) -> tuple[Path, list[Path]]:
    """The corpus and a journal per annotator, in ``folder``."""
    journals = folder / "annotations"
    journals.mkdir(exist_ok=True)
    corpus = write_corpus(folder, {"d1": TEXT})
    paths = [write_journal(journals / f"{name}.jsonl", made) for name, made in records.items()]
    return corpus, paths
