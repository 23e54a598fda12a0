"""Relations that doccano and Label Studio exports wrote as "not written" though they could hold
them.

brat names a relation's arguments by the roles ``annotation.conf`` declares for its type, Arg1
and Arg2 unless it says others. An R line of other roles (``Family Person:T4 Relative:T5``) was
counted as a relation doccano and Label Studio cannot carry; it is a relation from its first
argument to its second while its type's lines all give those roles in that order. When they do
not (``Relative:T5 Person:T4`` beside it), the line does not tell its source, and the count now
names the roles.

And a label renamed on import with ``--map`` (doccano's ``ORG`` as ``company``) left the note's
copy of the span under its old label: the span no longer looked as imported, and its relations
were not written ("the brat lines R1 kept on import, which name spans changed or deleted since
(T1)"). The relations now follow the renamed label.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

NEWS = FIXTURES / "brat" / "docs" / "tutorials__news__000-introduction"
RELATION_EXAMPLE = FIXTURES / "doccano" / "import_examples" / "relation_extraction.example.jsonl"


def imported(source: Path, fmt: str, out: Path, **options: Any) -> tuple[Path, Path, list[str]]:
    said: list[str] = []
    import_documents(source, fmt, out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="cur", on_warning=said.append, **options)  # fmt: skip
    return out / "c.jsonl", out / "a.jsonl", said


def exported(records: Path, corpus: Path, fmt: str, out: Path, **options: Any) -> list[str]:
    said: list[str] = []
    export_records(records, fmt, out, corpus=corpus, on_warning=said.append, verbose=True,
                   **options)  # fmt: skip
    return said


def news_with(folder: Path, *replaced: tuple[str, str]) -> Path:
    """brat's tutorial document, its .ann's lines replaced as given."""
    source = folder / "brat"
    source.mkdir(parents=True)
    shutil.copy(NEWS.with_suffix(".txt"), source / "d.txt")
    ann = NEWS.with_suffix(".ann").read_text()
    for old, new in replaced:
        assert old in ann
        ann = ann.replace(old, new)
    (source / "d.ann").write_text(ann)
    return source


def relations_written(fmt: str, out: Path) -> list[tuple[str, str, str]]:
    """(type, source, target) of each relation written, the spans named by their text."""
    if fmt == "doccano":
        (row,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
        words = {e["id"]: row["text"][e["start_offset"] : e["end_offset"]] for e in row["entities"]}
        return [(r["type"], words[r["from_id"]], words[r["to_id"]]) for r in row["relations"]]
    (task,) = orjson.loads(out.read_bytes())
    results = task["annotations"][0]["result"]
    words = {r["id"]: r["value"]["text"] for r in results if r["type"] == "labels"}
    return [
        (label, words[r["from_id"]], words[r["to_id"]])
        for r in results
        if r["type"] == "relation"
        for label in r["labels"]
    ]


FORMATS = [("doccano", {"style": "entities"}), ("labelstudio", {})]


@pytest.mark.parametrize(("fmt", "options"), FORMATS)
def test_roles_a_type_always_gives_are_its_source_and_target(
    tmp_path: Path, fmt: str, options: dict[str, Any]
) -> None:
    source = news_with(tmp_path, ("Family Arg1:T4 Arg2:T5", "Family Person:T4 Relative:T5"))
    corpus, records, _said = imported(source, "brat", tmp_path / "in")
    out = tmp_path / "out"
    said = exported(records, corpus, fmt, out, **options)
    assert relations_written(fmt, out) == [
        ("Origin", "banks", "Switzerland"),
        ("Family", "Raul Salinas de Gortari", "former Mexican president"),
    ]
    assert not [line for line in said if "relation" in line]


@pytest.mark.parametrize(("fmt", "options"), FORMATS)
def test_roles_that_do_not_tell_the_source_are_named(
    tmp_path: Path, fmt: str, options: dict[str, Any]
) -> None:
    source = news_with(
        tmp_path,
        ("Family Arg1:T4 Arg2:T5", "Family Person:T4 Relative:T5"),
        ("R2\tOrigin Arg1:T6 Arg2:T7", "R2\tOrigin Arg1:T6 Arg1:T7"),
        ("R1\tFamily", "R3\tFamily Relative:T5 Person:T4\t\nR1\tFamily"),
    )
    corpus, records, _said = imported(source, "brat", tmp_path / "in")
    out = tmp_path / "out"
    said = exported(records, corpus, fmt, out, **options)
    assert relations_written(fmt, out) == []
    # In the .ann's order.
    (line,) = [line for line in said if "relation" in line]
    assert line == (
        f"d: {fmt} cannot carry 3 relation(s), 1 event(s), 5 attribute(s), 1 normalisation(s), "
        "1 brat note(s) kept from brat (R2 Origin's roles are Arg1 and Arg1: its source is not "
        "told; R3 Family's roles are Relative and Person, other Family lines' Person and "
        "Relative: its source is not told; R1 Family's roles are Person and Relative, other "
        "Family lines' Relative and Person: its source is not told); not written"
    )


def test_doccano_relations_follow_a_label_renamed_with_map(tmp_path: Path) -> None:
    corpus, records, _said = imported(
        RELATION_EXAMPLE, "doccano", tmp_path / "in", label_map=["ORG=company"]
    )
    out = tmp_path / "out.jsonl"
    assert exported(records, corpus, "doccano", out, style="entities") == []
    assert relations_written("doccano", out) == [
        ("foundedAt", "Google", "September 4, 1998"),
        ("foundedBy", "Google", "Larry Page"),
        ("foundedBy", "Google", "Sergey Brin"),
    ]
    said = exported(records, corpus, "brat", tmp_path / "brat_out")
    assert not [line for line in said if "changed or deleted" in line]
    ann = (tmp_path / "brat_out" / "relation_extraction.example-000001.ann").read_text()
    assert "T1\tcompany 0 6\tGoogle\n" in ann
    assert [line for line in ann.splitlines() if line.startswith("R")] == [
        "R1\tfoundedAt Arg1:T1 Arg2:T2",
        "R2\tfoundedBy Arg1:T1 Arg2:T3",
        "R3\tfoundedBy Arg1:T1 Arg2:T4",
    ]


def test_label_studio_relations_follow_a_label_renamed_with_map(tmp_path: Path) -> None:
    corpus, records, _said = imported(RELATION_EXAMPLE, "doccano", tmp_path / "in")
    first = tmp_path / "first.json"
    exported(records, corpus, "labelstudio", first)
    corpus2, records2, _said = imported(
        first, "labelstudio", tmp_path / "back", label_map=["ORG=company"]
    )
    out = tmp_path / "out.json"
    assert exported(records2, corpus2, "labelstudio", out) == []
    assert relations_written("labelstudio", out) == [
        ("foundedAt", "Google", "September 4, 1998"),
        ("foundedBy", "Google", "Larry Page"),
        ("foundedBy", "Google", "Sergey Brin"),
    ]
    (task,) = orjson.loads(out.read_bytes())
    assert task["annotations"][0]["result"][0]["value"]["labels"] == ["company"]
