"""A user trial's case, by hand: journals whose release items leave out ``releasees`` (an
optional field: validate takes such a journal, as imports and other tools write them).

One document; alice, bob and carol each give one release of 12 by the Drava People's
Authority, each naming the authority their own way (so merge pairs none of them: each item is
a conflict of its own at ``releases``). Spans: s1 actor "Drava People’s Authority" (a curly
apostrophe: bob's "Drava People's Authority" taken is stored in its words), s2 count "12".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.scheme import Scheme, load_default_scheme
from tests.test_agreement_data import write_corpus, write_journal

TEXT = "The Drava People\u2019s Authority freed 12 fishermen on Monday.\n"
AUTHORITY = "Drava People\u2019s Authority"
NOW = "2025-08-24T10:00:00Z"
SCHEME: Scheme = load_default_scheme()
NAMES = {"alice": "the authority", "bob": "Drava People's Authority", "carol": "DRAVA"}


def span(span_id: str, words: str, label: str, value: Any = None) -> dict[str, Any]:
    start = TEXT.index(words)
    return {
        "id": span_id,
        "start": start,
        "end": start + len(words),
        "label": label,
        "text": words,
        "value": value,
    }


def journal_record(name: str, released_by: str, **more: Any) -> dict[str, Any]:
    """``name``'s record: one release of 12 by ``released_by``, no ``releasees``."""
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": [span("s1", AUTHORITY, "actor"), span("s2", "12", "count", 12)],
        "form": {
            "event_type": "unilateral_release",
            "releases": [{"released_by": released_by, "count": 12, **more}],
        },
        "links": {"releases[0].count": ["s2"]},
    }


def write_case(folder: Path, records: dict[str, dict[str, Any]]) -> tuple[Path, list[Path]]:
    journals = folder / "annotations"
    journals.mkdir(exist_ok=True)
    corpus = write_corpus(folder, {"d1": TEXT})
    paths = [write_journal(journals / f"{name}.jsonl", one) for name, one in records.items()]
    return corpus, paths


def trial() -> dict[str, dict[str, Any]]:
    return {name: journal_record(name, said) for name, said in NAMES.items()}


def open_case(folder: Path, records: dict[str, dict[str, Any]] | None = None) -> ReviewSession:
    corpus, journals = write_case(folder, records or trial())
    return open_review(journals, corpus, folder / "gold.jsonl", "rita", now=lambda: NOW)


def conflict_of(session: ReviewSession, name: str) -> str:
    """The id of the conflict over ``name``'s release."""
    for conflict in session.records["d1"].conflicts:
        versions = conflict.get("versions") or []
        if conflict.get("path") == "releases" and versions[0].get("annotators") == [name]:
            return str(conflict["id"])
    raise AssertionError(f"no conflict over {name}'s release")
