"""Import's lines about one document say ``FILE:LINE: document ID: FIELD: problem``: the id
alone after the line number read as a number of something (``good.jsonl:1: 1: event_type
empty``), and the field is named by its path as validate names it (``form.event_type``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.importing import import_documents
from annotator.core.models import sha256_text
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import run_cli

TEXT = "Kyiv freed 146 men."


def our_record(path: Path, **extra: Any) -> Path:
    fields = {
        "schema_version": 1, "doc_id": "1", "doc_sha256": sha256_text(TEXT), "annotator": "al",
        "status": "done", "text": TEXT,
        "spans": [{"id": "s1", "start": 0, "end": 4, "label": "actor", "text": "Kyiv"}],
    }  # fmt: skip
    path.write_bytes(orjson.dumps({**fields, **extra}) + b"\n")
    return path


def warnings_of(source: Path, fmt: str, **options: Any) -> list[str]:
    heard: list[str] = []
    out = source.parent / "o"
    import_documents(source, fmt, out / "c.jsonl", annotations=out / "a.jsonl",
                     on_warning=heard.append, **options)  # fmt: skip
    return heard


def test_the_trial_line_names_the_document_and_the_field_path(tmp_path: Path) -> None:
    source = tmp_path / "good.jsonl"
    source.write_text('{"id": "1", "text": "Kyiv freed 146 men.", "label": [[0, 4, "actor"]]}\n')
    out = tmp_path / "o"
    result = run_cli(
        "import", source, "--format", "doccano", "-o", out / "c.jsonl", "--annotations",
        out / "a.jsonl", "--annotator", "al", "--scheme", "prisoner_exchange",
    )  # fmt: skip
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        f"{source}:1: document 1: form.event_type: empty, which a done record must fill; "
        "imported as in_progress"
    )


def test_a_form_that_does_not_fit_and_then_lacks_its_required_fields(tmp_path: Path) -> None:
    source = our_record(tmp_path / "forms.jsonl", form={"nope": 1})
    assert warnings_of(source, "jsonl", scheme=load_default_scheme()) == [
        f"{source}:1: document 1: form: does not fit the scheme (form.nope: unknown field); "
        "form and links not imported",
        f"{source}:1: document 1: form: its required fields empty, which a done record must "
        "fill; imported as in_progress",
    ]


def test_a_form_without_a_scheme_names_form_and_links(tmp_path: Path) -> None:
    source = our_record(tmp_path / "forms.jsonl", form={"nope": 1})
    assert warnings_of(source, "jsonl")[0] == (
        f"{source}:1: document 1: form, links: need a scheme that defines the form; not "
        "imported (import with --scheme FILE to keep them)"
    )


def test_a_gold_records_sources_name_the_document(tmp_path: Path) -> None:
    sources = {"annotators": ["al", "bo"]}
    source = our_record(tmp_path / "gold.jsonl", sources=sources)
    assert warnings_of(source, "jsonl")[0] == (
        f"{source}:1: document 1: sources, conflicts: not kept (a gold record's: the import "
        "writes one annotator's records)"
    )
