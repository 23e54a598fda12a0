"""CoNLL-U with named entities in MISC imports as ``--format conllu``.

Treebanks with named entities put the tag in MISC, as spaCy's CoNLL-U converter reads it
(``name=B-PER`` in NorNE, ``NE=``, ``NER=`` or a bare tag). The text is each sentence's
``# text`` when it holds the tokens, so spans land on the treebank's own characters.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents

NORNE_LIKE = (
    "# newdoc id = avis-01\n"
    "# newpar\n"
    "# sent_id = 1\n"
    "# text = Kari Nordmann bor i Oslo.\n"
    "1\tKari\tKari\tPROPN\t_\t_\t3\tnsubj\t_\tname=B-PER\n"
    "2\tNordmann\tNordmann\tPROPN\t_\t_\t1\tflat\t_\tname=I-PER\n"
    "3\tbor\tbo\tVERB\t_\t_\t0\troot\t_\tname=O\n"
    "4\ti\ti\tADP\t_\t_\t5\tcase\t_\tname=O\n"
    "5\tOslo\tOslo\tPROPN\t_\t_\t3\tobl\t_\tSpaceAfter=No|name=B-GPE_LOC\n"
    "6\t.\t$.\tPUNCT\t_\t_\t3\tpunct\t_\tname=O\n"
    "\n"
    "# newpar\n"
    "# sent_id = 2\n"
    "# text = Han  jobber\tder.\n"
    "1\tHan\than\tPRON\t_\t_\t2\tnsubj\t_\tname=O\n"
    "2\tjobber\tjobbe\tVERB\t_\t_\t0\troot\t_\tname=O\n"
    "3\tder\tder\tADV\t_\t_\t2\tadvmod\t_\tSpaceAfter=No|name=O\n"
    "4\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O\n"
    "\n"
    "# newdoc id = avis-02\n"
    "# text = Vi dro til Equinor.\n"
    "1\tVi\tvi\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tdro\tdra\tVERB\t_\t_\t0\troot\t_\tname=O\n"
    "3\ttil\ttil\tADP\t_\t_\t4\tcase\t_\tname=O\n"
    "4\tEquinor\tEquinor\tPROPN\t_\t_\t2\tobl\t_\tSpaceAfter=No|name=B-ORG\n"
    "5\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O\n"
    "\n"
)


def run(
    tmp_path: Path, content: str, tags: str | None = None
) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], list[str], Path]:
    source = tmp_path / "ud.conllu"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    warnings: list[str] = []
    import_documents(source, "conllu", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="al", tags=tags, on_warning=warnings.append)  # fmt: skip
    docs = [orjson.loads(line) for line in (out / "c.jsonl").read_bytes().splitlines()]
    texts = {d["id"]: d["text"] for d in docs}
    rows = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    spans = {r["doc_id"]: [(s["text"], s["label"]) for s in r["spans"]] for r in rows}
    for row in rows:  # every span on its text's own characters
        assert all(texts[row["doc_id"]][s["start"] : s["end"]] == s["text"] for s in row["spans"])
    return texts, spans, warnings, source


def test_documents_text_and_spans_from_a_norne_like_file(tmp_path: Path) -> None:
    texts, spans, warnings, source = run(tmp_path, NORNE_LIKE)
    assert texts == {
        "avis-01": "Kari Nordmann bor i Oslo.\n\nHan  jobber\tder.",
        "avis-02": "Vi dro til Equinor.",
    }
    assert spans == {
        "avis-01": [("Kari Nordmann", "PER"), ("Oslo", "GPE_LOC")],
        "avis-02": [("Equinor", "ORG")],
    }
    assert warnings == [
        # (XPOS, FEATS and DEPS are ``_`` throughout: not named.)
        f"{source}: 15 word(s) with LEMMA, UPOS, HEAD, DEPREL not imported "
        "(a record holds labelled spans only)",
        f"{source}:22: 1 token(s) with no NER tag in MISC (NER=, NE= or name=) read as O",
    ]


def test_space_after_makes_the_text_where_there_is_no_fitting_text_line(tmp_path: Path) -> None:
    content = (
        "# text = This is not the sentence.\n"
        "1\tdel\t_\t_\t_\t_\t_\t_\t_\tNE=B-LOC|SpaceAfter=No\n"
        "2\tRío\t_\t_\t_\t_\t_\t_\t_\tNE=I-LOC\n"
        "3-4\tdel\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tde\tde\tADP\t_\t_\t_\t_\t_\tNE=B-LOC\n"
        "4\tel\tel\tDET\t_\t_\t_\t_\t_\tNE=O\n"
        "4.1\tvoy\t_\t_\t_\t_\t_\t_\t_\tNE=B-PER\n"
        "5\tSur\t_\t_\t_\t_\t_\t_\t_\tB-LOC\n"
    )
    texts, spans, warnings, source = run(tmp_path, content)
    assert texts == {"ud-000001": "delRío del Sur"}
    assert spans == {"ud-000001": [("delRío", "LOC"), ("del", "LOC"), ("Sur", "LOC")]}
    assert [w.removeprefix(str(source)) for w in warnings] == [
        ": 2 word(s) with LEMMA, UPOS not imported (a record holds labelled spans only)",
        ":7: 1 empty node(s) (ID N.M) with a tag not imported: an empty node is no word of the "
        "text",
        ":4: 1 multiword token(s) whose words have different labels, read as one token with its "
        "own tag or its first word's (the text holds the token, not its words)",
        ":2: 1 sentence(s) whose '# text' does not hold their tokens in order; their text is "
        "the tokens, spaced as MISC's SpaceAfter says",
    ]


def test_bioes_tags_with_the_option(tmp_path: Path) -> None:
    content = (
        "1\tKari\t_\t_\t_\t_\t_\t_\t_\tNER=B-PER\n2\tNordmann\t_\t_\t_\t_\t_\t_\t_\tNER=E-PER\n"
        "3\tOslo\t_\t_\t_\t_\t_\t_\t_\tNER=S-LOC\n"
    )
    texts, spans, _warnings, _source = run(tmp_path, content, tags="bioes")
    assert texts == {"ud-000001": "Kari Nordmann Oslo"}
    assert spans == {"ud-000001": [("Kari Nordmann", "PER"), ("Oslo", "LOC")]}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            "1\tKari\t_\t_\t_\t_\t_\t_\tNER=B-PER",
            "expected 10 tab-separated columns (CoNLL-U), "
            "got 9: '1\\tKari\\t_\\t_\\t_\\t_\\t_\\t_\\tNER=B-PER'",
        ),
        ("x\tKari\t_\t_\t_\t_\t_\t_\t_\tNER=B-PER", "ID: 'x' is no CoNLL-U word ID"),
        (
            "1\tKari\t_\t_\t_\t_\t_\t_\t_\tNER=X-PER",
            "tag: 'X-PER' is not a tag of IOB2 (B-X, I-X or O)",
        ),
    ],
)
def test_a_bad_line_is_named(tmp_path: Path, line: str, problem: str) -> None:
    source = tmp_path / "bad.conllu"
    source.write_text(f"# text = Kari\n{line}\n", encoding="utf-8")
    with pytest.raises(AnnotatorError) as raised:
        import_documents(source, "conllu", tmp_path / "c.jsonl")
    assert str(raised.value) == f"{source}:2: {problem}"


def test_the_cli_imports_and_the_records_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ud.conllu"
    source.write_text(NORNE_LIKE, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", str(source), "--format", "conllu", "-o", str(out / "c.jsonl"),
                 "--annotations", str(out / "a.jsonl"), "--annotator", "al"])  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "imported 2 document(s), 2 record(s) with 3 span(s)"
    )
    code = main(["validate", str(out / "a.jsonl"), "--corpus", str(out / "c.jsonl"),
                 "--scheme", str(out / "c.scheme.toml")])  # fmt: skip
    assert (code, capsys.readouterr().err.strip()) == (
        0,
        f"ok: 1 file(s) valid: {out / 'a.jsonl'} (journal); texts checked against the corpus "
        f"{out / 'c.jsonl'}",
    )
