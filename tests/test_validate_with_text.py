"""``annotator validate`` on our own ``export --format jsonl --with-text``, of a gold file and of a
journal: each line is checked as the record it holds and against the text it carries.

A curator's export with text was refused as ``text: unknown field``, ``meta: unknown field`` on
every line (exit 1), though its lines follow the shipped with-text schemas and the README names
them as one of our kinds of line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import main
from annotator.core.models import sha256_text
from tests.test_formats_support import SEED_GOLD, seed_case

B_TEXT = "date 2024-01-02 Two 🕊️ doves.\n"
SAID_WITHOUT_CORPUS = (
    "each checked as a record, its spans and doc_sha256 against the text on its line; not "
    "against a corpus (--corpus checks that each is of a document of it, of the same text)"
)
SAID_WITH_CORPUS = (
    "each checked as a record, its spans and doc_sha256 against the text on its line, and that "
    "text against the corpus seed"
)


def b_record(**changes: Any) -> dict[str, Any]:
    """Alice's record of the corpus's second document, b (a span after a character of two
    code points, the dove and its variation selector)."""
    start = B_TEXT.index("doves")
    record: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": "b",
        "doc_sha256": sha256_text(B_TEXT),
        "annotator": "alice",
        "status": "in_progress",
        "spans": [
            {"id": "s1", "start": start, "end": start + 5, "label": "releasee", "text": "doves"}
        ],
    }
    record.update(changes)
    return record


def write_lines(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """In ``tmp_path`` (the working folder): the corpus ``seed`` (the seed article and b), a
    gold file of both and alice's journal of both."""
    monkeypatch.chdir(tmp_path)
    corpus, _gold = seed_case(tmp_path)
    (corpus / "b.txt").write_text(B_TEXT, encoding="utf-8")
    article = orjson.loads(SEED_GOLD.read_bytes())
    gold_b = b_record(annotator="gold", sources={"annotators": ["alice"]}, conflicts=[])
    sources = {"annotators": ["alice"]}  # the seed's line is a bare record of gold's
    gold = write_lines(tmp_path / "gold.jsonl", {**article, "sources": sources}, gold_b)
    journal = write_lines(tmp_path / "alice.jsonl", {**article, "annotator": "alice"}, b_record())
    return {"gold": gold.relative_to(tmp_path), "journal": journal.relative_to(tmp_path)}


def exported(sources: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]) -> Path:
    """``kind``'s file exported as the curator did: ``--format jsonl --with-text``."""
    out = Path(f"{kind}_text.jsonl")
    code = main(["export", str(sources[kind]), "--format", "jsonl", "--with-text", "-o",
                 str(out), "--corpus", "seed", "--status", "all"])  # fmt: skip
    assert code == 0
    capsys.readouterr()
    return out


def validate(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str], str]:
    code = main(["validate", *map(str, args)])
    said = capsys.readouterr()
    return code, said.out.splitlines(), said.err


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


KINDS = {"gold": "gold records", "journal": "annotator records"}


@pytest.mark.parametrize("kind", ["gold", "journal"])
def test_an_export_with_text_is_valid_with_a_corpus_or_without(
    sources: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = exported(sources, kind, capsys)
    assert all({"text", "meta"} <= line.keys() for line in lines_of(out))
    head = f"ok: 1 file(s) valid; {out}: 2 line(s) of {KINDS[kind]} with their text (an export "
    head += "--with-text): "
    assert validate(capsys, out) == (0, [], f"{head}{SAID_WITHOUT_CORPUS}\n")
    assert validate(capsys, out, "--corpus", "seed") == (0, [], f"{head}{SAID_WITH_CORPUS}\n")


def _span_text(lines: list[dict[str, Any]], corpus: bool) -> str:
    lines[1]["spans"][0]["text"] = "dove"
    start = B_TEXT.index("doves")
    return f"2: spans.0.text: 'dove' does not match the text at {start}..{start + 5}: 'doves'"


def _sha256(lines: list[dict[str, Any]], corpus: bool) -> str:
    lines[0]["doc_sha256"] = "0" * 64
    return (
        f"1: doc_sha256: is not the sha256 of the line's text ({sha256_text(lines[0]['text'])}: "
        "the text encoded as UTF-8): the text or doc_sha256 was changed after the export"
    )


def _unknown_field(lines: list[dict[str, Any]], corpus: bool) -> str:
    lines[1]["colour"] = "red"
    return "2: colour: unknown field"


def _text_edited(lines: list[dict[str, Any]], corpus: bool) -> str:
    """The text changed under its spans: its hash and the span there are both said, and with
    a corpus, that the text is not the corpus's."""
    lines[1]["text"] = B_TEXT.replace("doves", "birds")
    start = B_TEXT.index("doves")
    not_the_corpus_s = (
        "\n2: text: is not the text of 'b' in the corpus seed (it changed since the export, or "
        "the corpus is another's with a document of this name)"
    )
    return (
        f"2: doc_sha256: is not the sha256 of the line's text ({sha256_text(lines[1]['text'])}: "
        "the text encoded as UTF-8): the text or doc_sha256 was changed after the export\n"
        f"2: spans.0.text: 'doves' does not match the text at {start}..{start + 5}: 'birds'"
        + (not_the_corpus_s if corpus else "")
    )


def _text_missing(lines: list[dict[str, Any]], corpus: bool) -> str:
    del lines[1]["text"]
    return (
        "2: text: required field is missing (each line of an export with text holds its "
        "document's text, as most lines of this file do)"
    )


def _meta_no_object(lines: list[dict[str, Any]], corpus: bool) -> str:
    lines[0]["meta"] = ["source", "article.txt"]
    return (
        "1: meta: expected an object (the document's meta, as the export writes it: "
        '{"source": ..., "date": ...})'
    )


def _bad_record(lines: list[dict[str, Any]], corpus: bool) -> str:
    """A record's own problem is said as in a journal, beside the text's."""
    lines[1]["status"] = "finished"
    del lines[1]["text"]
    return (
        "2: status: Input should be 'in_progress', 'done' or 'skipped'\n"
        "2: text: required field is missing (each line of an export with text holds its "
        "document's text, as most lines of this file do)"
    )


DAMAGES = {
    "span text": _span_text,
    "sha256": _sha256,
    "unknown field": _unknown_field,
    "text edited": _text_edited,
    "text missing": _text_missing,
    "meta no object": _meta_no_object,
    "bad record": _bad_record,
}


@pytest.mark.parametrize("damage", list(DAMAGES))
@pytest.mark.parametrize("kind", ["gold", "journal"])
@pytest.mark.parametrize("corpus", [False, True])
def test_each_damage_is_named_by_file_line_and_field(
    sources: dict[str, Path],
    kind: str,
    damage: str,
    corpus: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = exported(sources, kind, capsys)
    lines = lines_of(out)
    expected = DAMAGES[damage](lines, corpus)
    write_lines(out, *lines)
    code, said, err = validate(capsys, out, *(["--corpus", "seed"] if corpus else []))
    assert (code, said) == (1, [f"{out}:{line}" for line in expected.splitlines()])
    count = len(said)
    found = f"{count} problem{'s' if count > 1 else ''} found"
    what = SAID_WITH_CORPUS if corpus else SAID_WITHOUT_CORPUS
    assert err == f"{found}; {out}: 2 line(s) of {KINDS[kind]} with their text (an export " + (
        f"--with-text): {what}\n"
    )


@pytest.mark.parametrize("kind", ["gold", "journal"])
def test_a_text_that_is_not_the_corpus_s_is_said_with_the_corpus(
    sources: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line whose record and text agree, but whose text the corpus no longer holds: only the
    corpus tells (the summary without it says it was not checked)."""
    out = exported(sources, kind, capsys)
    (Path("seed") / "b.txt").write_text(B_TEXT.replace("Two", "Six"), encoding="utf-8")
    assert validate(capsys, out)[:2] == (0, [])
    assert validate(capsys, out, "--corpus", "seed")[:2] == (1, [
        f"{out}:2: text: is not the text of 'b' in the corpus seed (it changed since the "
        "export, or the corpus is another's with a document of this name)"
    ])  # fmt: skip


def test_a_document_not_in_the_corpus_is_said_as_for_a_journal(
    sources: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = exported(sources, "gold", capsys)
    (Path("seed") / "b.txt").unlink()
    code, said, _err = validate(capsys, out, "--corpus", "seed")
    assert (code, said) == (1, [f"{out}:2: doc_id: 'b' is not in the corpus seed"])


def test_a_journal_with_a_stray_text_is_still_a_journal(
    sources: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Fewer than half of the lines hold a text: a journal's line edited by hand, said as the
    unknown field it is there, and the summary is a journal's."""
    lines = lines_of(sources["journal"])
    lines.append(b_record(note="again"))
    lines[1]["text"] = B_TEXT
    journal = write_lines(Path("alice.jsonl"), *lines)
    assert validate(capsys, journal) == (
        1, ["alice.jsonl:2: text: unknown field"], ""
    )  # fmt: skip
    del lines[1]["text"]
    write_lines(journal, *lines)
    said = f"ok: 1 file(s) valid: {journal} (journal); not checked against a corpus"
    code, out, err = validate(capsys, journal)
    assert (code, out, err.startswith(said)) == (0, [], True)


def test_a_torn_last_line_of_an_export_is_said_as_a_journal_s(
    sources: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = exported(sources, "journal", capsys)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 20])
    code, said, _err = validate(capsys, out)
    assert (code, said) == (1, [
        f"{out}:2: incomplete last line (an interrupted write); the store sets it aside when "
        "the journal is next opened for writing"
    ])  # fmt: skip
