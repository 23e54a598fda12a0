"""Helpers the format tests share (corpora and gold files in a folder, optional libraries)."""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson
import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record, sha256_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_TEXT = ROOT / "seeds" / "article.txt"
SEED_GOLD = ROOT / "seeds" / "article.gold.jsonl"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def need(module: str) -> ModuleType:
    """Import an optional library; a missing one skips the test, except in CI where it fails."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if in_ci():
            pytest.fail(f"{module} is not installed: CI must install it (the test extra has it)")
        pytest.skip(f"{module} is not installed")


def record(doc_id: str, text: str, spans: Iterable[tuple[int, int, str]], **extra: Any) -> Record:
    fields: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": doc_id,
        "doc_sha256": sha256_text(text),
        "annotator": "gold",
        "status": "done",
        "spans": [
            {"id": f"s{n}", "start": s, "end": e, "label": label, "text": text[s:e]}
            for n, (s, e, label) in enumerate(spans, 1)
        ],
    }
    fields.update(extra)
    return Record.model_validate(fields)


def write_case(
    folder: Path, docs: Sequence[tuple[str, str]], records: Sequence[Record]
) -> tuple[Path, Path]:
    """A corpus JSONL and a gold file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    corpus.write_bytes(
        b"".join(orjson.dumps({"id": i, "text": t, "meta": {}}) + b"\n" for i, t in docs)
    )
    gold = folder / "gold.jsonl"
    gold.write_bytes(b"".join(orjson.dumps(r.model_dump(mode="json")) + b"\n" for r in records))
    return corpus, gold


def seed_case(folder: Path) -> tuple[Path, Path]:
    """The seed article as a one-document .txt corpus, and its gold file."""
    corpus = folder / "seed"
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_TEXT, corpus / "article.txt")
    return corpus, SEED_GOLD


def out_path(folder: Path, fmt: str, name: str = "out") -> Path:
    return folder / (name if fmt in ("brat", "hf") else f"{name}.{fmt}")


def export_import(
    folder: Path, fmt: str, corpus: Path, gold: Path, name: str = "a", **export: Any
) -> tuple[Path, Path, Path, list[str]]:
    """Export ``gold`` then import it back: (exported, corpus, records, warnings)."""
    warnings: list[str] = []
    out = out_path(folder, fmt, name)
    export_records(gold, fmt, out, corpus=corpus, on_warning=warnings.append, **export)
    offsets = export.get("offsets", "codepoints")
    back = folder / f"{name}-corpus.jsonl"
    records = folder / f"{name}-records.jsonl"
    import_documents(
        out,
        fmt,
        back,
        annotations=records,
        annotator="gold",
        offsets=offsets,
        force=True,
        on_warning=warnings.append,
    )
    return out, back, records, warnings


def spans_of(records: Path) -> dict[str, set[tuple[int, int, str]]]:
    out: dict[str, set[tuple[int, int, str]]] = {}
    for line in records.read_bytes().splitlines():
        data = orjson.loads(line)
        out[data["doc_id"]] = {(s["start"], s["end"], s["label"]) for s in data["spans"]}
    return out


def texts_of(corpus: Path) -> dict[str, str]:
    return {
        data["id"]: data["text"]
        for data in (orjson.loads(line) for line in corpus.read_bytes().splitlines())
    }


def test_need_fails_in_ci_and_skips_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        need("a_module_that_does_not_exist")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        need("a_module_that_does_not_exist")
