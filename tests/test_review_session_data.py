"""The review session tests' case: two annotators who disagree on two documents, gold readers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.scheme import load_scheme
from annotator.core.validate import validate_files
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    TEXT,
    record,
    run_cli,
    write_corpus,
    write_journal,
)

NOW = "2025-08-24T10:00:00Z"
TEXT2 = "Ukraine freed 12 soldiers."
RELEASE_RUSSIA = {"released_by": "Russia", "count": 146}
RELEASE_UKRAINE = {"released_by": "Ukraine", "count": 12}


def fixed_now() -> str:
    return NOW


def write_review_case(tmp_path: Path) -> dict[str, Path]:
    """The scheme (``code`` required), corpus and journals a review opens, and its gold file."""
    scheme_file = tmp_path / "scheme.toml"
    # ``code`` is required here: rejecting its versions must be refused.
    scheme_file.write_text(
        SCHEME_TOML.replace(
            'name = "code"\ntype = "choice"', 'name = "code"\ntype = "choice"\nrequired = true'
        ),
        encoding="utf-8",
    )
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT2})
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", spans=ALICE_SPANS, form={"code": "1", "releases": [RELEASE_RUSSIA]}),
        record("alice", "d2", text=TEXT2, form={"code": "1", "number": 3}),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record(
            "bob",
            spans=BOB_SPANS,
            form={"code": "2", "releases": [RELEASE_RUSSIA, RELEASE_UKRAINE]},
        ),
        record("bob", "d2", text=TEXT2, form={"code": "1", "number": 4}),
    )
    return {
        "scheme": scheme_file,
        "corpus": corpus,
        "alice": alice,
        "bob": bob,
        "gold": tmp_path / "gold.jsonl",
    }


def open_it(setup: dict[str, Path], reviewer: str = "rita", **kwargs: Any) -> ReviewSession:
    return open_review(
        [setup["alice"], setup["bob"]],
        setup["corpus"],
        setup["gold"],
        reviewer,
        scheme_path=setup["scheme"],
        now=fixed_now,
        **kwargs,
    )


def merge(setup: dict[str, Path], reviewer: str = "rita") -> None:
    """``annotator merge`` of the case's two journals into its gold file, as ``reviewer``."""
    result = run_cli(
        "merge",
        setup["alice"],
        setup["bob"],
        "-o",
        setup["gold"],
        "--reviewer",
        reviewer,
        "--scheme",
        setup["scheme"],
    )
    assert result.returncode == 0, result.stderr


def gold_lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def latest(path: Path) -> dict[str, dict[str, Any]]:
    return {line["doc_id"]: line for line in gold_lines(path)}


def spans_of(line: dict[str, Any]) -> list[tuple[str, int, int, str, Any]]:
    return [(s["id"], s["start"], s["end"], s["label"], s["value"]) for s in line["spans"]]


def assert_valid(setup: dict[str, Path]) -> None:
    problems = validate_files(
        [setup["gold"]], _corpus(setup["corpus"]), load_scheme(setup["scheme"])
    )
    assert problems == []


def _corpus(path: Path) -> Any:
    from annotator.core.corpus import open_corpus

    return open_corpus(path)
