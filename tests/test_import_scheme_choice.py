"""Import without ``--scheme``: the shipped scheme that takes a file's forms, said on the command
line; the keys of a scheme written from labels alone, in an order the file does not change."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import SEED_GOLD, seed_case

TEXT = "On 3 May Arbela freed 12 men to Kestria."


def _doccano(folder: Path, labels: list[str]) -> Path:
    """One document whose spans come in the order ``labels`` gives (one word each)."""
    words = {"date": (3, 8), "count": (22, 24), "actor": (9, 15), "releasee": (22, 28)}
    spans = [[*words.get(label, (32, 39)), label] for label in labels]
    source = folder / "in.jsonl"
    source.write_bytes(orjson.dumps({"id": "d1", "text": TEXT, "label": spans}) + b"\n")
    return source


def _keys(folder: Path, labels: list[str]) -> dict[str, str]:
    source = _doccano(folder, labels)
    corpus = folder / "c.jsonl"
    import_documents(
        source, "doccano", corpus, annotations=folder / "a.jsonl", annotator="al", force=True
    )
    scheme = tomllib.loads(folder.joinpath("c.scheme.toml").read_text(encoding="utf-8"))
    return {label["name"]: label["key"] for label in scheme["labels"]}


def test_default_labels_keep_the_default_schemes_order_whatever_the_files(tmp_path: Path) -> None:
    """A trial: date came before count in the text, so date got 2 and count 3, the other way
    round from the shipped scheme."""
    expected = {"actor": "1", "count": "2", "date": "3", "releasee": "4"}
    assert _keys(tmp_path, ["date", "count", "actor", "releasee"]) == expected
    assert _keys(tmp_path, ["releasee", "actor", "count", "date"]) == expected


def test_other_labels_follow_by_name(tmp_path: Path) -> None:
    keys = _keys(tmp_path, ["place", "date", "Mediator"])
    assert list(keys.items()) == [("date", "1"), ("Mediator", "2"), ("place", "3")]


def test_the_command_says_which_shipped_scheme_and_checks_with_it(tmp_path: Path) -> None:
    corpus, _gold = seed_case(tmp_path)
    line = orjson.loads(SEED_GOLD.read_bytes().splitlines()[0])
    line.pop("sources", None)
    line.pop("conflicts", None)
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(orjson.dumps({**line, "annotator": "alice"}) + b"\n")
    exported = tmp_path / "ex.jsonl"
    export_records(journal, "jsonl", exported, corpus=corpus, status="all", with_text=True)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(exported), "--format", "jsonl",
         "-o", "corpus.jsonl", "--annotations", "a.jsonl", "--annotator", "rt"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "no --scheme: the records carry a form; using the shipped scheme prisoner_exchange, "
        f"which takes every label, form and link in {exported}"
    )
    assert lines[-2:] == [
        "check them: annotator validate a.jsonl --corpus corpus.jsonl --scheme prisoner_exchange",
        "annotate them: annotate opens rt's journal at OUT/annotations/rt.jsonl, not a.jsonl: "
        "move it to annotations/rt.jsonl, then: annotator annotate corpus.jsonl --scheme "
        "prisoner_exchange --annotator rt",
    ]
    check = subprocess.run(
        [sys.executable, "-m", "annotator", "validate", "a.jsonl", "--corpus", "corpus.jsonl"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout


# ---------------------------------------------------------------- whose records, by default


def _exported(folder: Path, *annotators: str) -> Path:
    """Our jsonl export of the seed article, one record line per annotator (their own ids)."""
    corpus, _gold = seed_case(folder)
    line = orjson.loads(SEED_GOLD.read_bytes().splitlines()[0])
    line.pop("sources", None)
    line.pop("conflicts", None)
    rows = []
    for number, name in enumerate(annotators):
        journal = folder / f"{name}.jsonl"
        journal.write_bytes(orjson.dumps({**line, "annotator": name}) + b"\n")
        out = folder / f"ex_{name}.jsonl"
        export_records(journal, "jsonl", out, corpus=corpus, status="all", with_text=True)
        row = orjson.loads(out.read_bytes())
        rows.append(orjson.dumps({**row, "doc_id": f"article{number}"}) + b"\n")
    exported = folder / "ex.jsonl"
    exported.write_bytes(b"".join(rows))
    return exported


def test_records_stay_their_writers_without_annotator(tmp_path: Path) -> None:
    exported = _exported(tmp_path, "alice")
    result = import_documents(
        exported,
        "jsonl",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "a.jsonl",
        login=lambda: "curator",
    )
    assert result.annotator == "alice"
    assert result.annotator_from == "the annotator the records in ex.jsonl name"
    assert orjson.loads((tmp_path / "a.jsonl").read_bytes())["annotator"] == "alice"


def test_records_of_several_annotators_want_annotator(tmp_path: Path) -> None:
    exported = _exported(tmp_path, "alice", "bob")
    with pytest.raises(AnnotatorError) as caught:
        import_documents(
            exported, "jsonl", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
            login=lambda: "curator",
        )  # fmt: skip
    assert str(caught.value) == (
        f"{exported}: records of 2 annotators (alice, bob); the import writes one annotator's "
        "records: choose whose with --annotator NAME"
    )
    assert not (tmp_path / "c.jsonl").exists()


def test_a_format_without_names_gives_the_login_name_and_says_so(tmp_path: Path) -> None:
    source = _doccano(tmp_path, ["date"])
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(source), "--format", "doccano",
         "-o", "c.jsonl", "--annotations", "a.jsonl"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ, "LOGNAME": "carol", "USER": "carol"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        "the records are carol's (your login name, as annotate takes it; --annotator NAME "
        "chooses another)"
    ) in result.stdout.splitlines()
    assert orjson.loads((tmp_path / "a.jsonl").read_bytes())["annotator"] == "carol"
