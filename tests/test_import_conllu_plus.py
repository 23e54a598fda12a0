"""CoNLL-U Plus (``# global.columns = ID FORM NER``: columns named, any number of them).

Given to the conll import it read the header as a comment and the IDs as the words (the text
``1 2 3``); given to the conllu import it was refused for not having 10 columns. The conll import
now refuses it in one line naming ``--format conllu``, which reads it by its declared columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents

ID_FORM_NER = (
    "# global.columns = ID FORM NER\n"
    "# text = Kyiv freed Arbela.\n"
    "1\tKyiv\tB-GPE\n2\tfreed\tO\n3\tArbela\tB-PER\n4\t.\t_\n\n"
)


def _write(folder: Path, content: str) -> Path:
    source = folder / "plus.conllup"
    source.write_text(content, encoding="utf-8")
    return source


def _imported(source: Path) -> tuple[str, list[tuple[str, str]], list[str]]:
    """The text, its spans (words, label) and the warnings of a conllu import."""
    warnings: list[str] = []
    out = source.parent / "out"
    import_documents(source, "conllu", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="al", on_warning=warnings.append)  # fmt: skip
    text = orjson.loads((out / "c.jsonl").read_bytes())["text"]
    record: dict[str, Any] = orjson.loads((out / "a.jsonl").read_bytes())
    return text, [(s["text"], s["label"]) for s in record["spans"]], warnings


def test_the_conll_import_refuses_it_in_one_line_naming_conllu(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path, ID_FORM_NER)
    out = tmp_path / "out"
    code = main(["import", str(source), "--format", "conll", "-o", str(out / "c.jsonl"),
                 "--annotations", str(out / "a.jsonl"), "--annotator", "al"])  # fmt: skip
    said = capsys.readouterr()
    assert code == 1
    assert said.out == ""
    assert said.err.splitlines() == [
        f"{source}:1: not CoNLL: a CoNLL-U Plus file (global.columns = ID FORM NER), read as "
        "CoNLL its IDs would be the words: import it with --format conllu, which reads the "
        "columns it declares (the NER tag from a column NER or NE, else from MISC)"
    ]
    assert not out.exists()


def test_conllu_reads_its_declared_columns_and_its_ner_column(tmp_path: Path) -> None:
    text, spans, warnings = _imported(_write(tmp_path, ID_FORM_NER))
    assert text == "Kyiv freed Arbela."
    assert spans == [("Kyiv", "GPE"), ("Arbela", "PER")]
    assert warnings == [
        f"{tmp_path / 'plus.conllup'}:6: 1 token(s) with no NER tag in NER or MISC (NER=, NE= "
        "or name=) read as O"
    ]


def test_a_namespaced_ner_column_wins_over_misc_and_other_columns_are_counted(
    tmp_path: Path,
) -> None:
    source = _write(tmp_path, (
        "# global.columns = ID FORM UPOS MISC CONLL2003:NER\n"
        "1\tKyiv\tPROPN\tNER=B-PER|SpaceAfter=No\tB-GPE\n"
        "2\t,\tPUNCT\t_\tO\n"
        "3\tArbela\tPROPN\tNER=B-PER\t_\n\n"
    ))  # fmt: skip
    text, spans, warnings = _imported(source)
    assert text == "Kyiv, Arbela"  # MISC still gives SpaceAfter
    assert spans == [("Kyiv", "GPE"), ("Arbela", "PER")]  # its own column empty: MISC's
    assert warnings == [
        f"{source}: 3 word(s) with UPOS not imported (a record holds labelled spans only)"
    ]


def test_a_line_of_another_count_names_the_declared_columns(tmp_path: Path) -> None:
    source = _write(tmp_path, "# global.columns = ID FORM NER\n1\tKyiv\tPROPN\tB-GPE\n")
    with pytest.raises(AnnotatorError) as caught:
        _imported(source)
    assert str(caught.value) == (
        f"{source}:2: expected 3 tab-separated columns, as global.columns declares them at "
        "line 1 (ID FORM NER), got 4: '1\\tKyiv\\tPROPN\\tB-GPE'"
    )


def test_columns_without_id_or_form_are_refused_at_their_line(tmp_path: Path) -> None:
    source = _write(tmp_path, "# global.columns = FORM NER\nKyiv\tB-GPE\n")
    with pytest.raises(AnnotatorError) as caught:
        _imported(source)
    assert str(caught.value) == (
        f"{source}:1: global.columns: no ID column among FORM NER; a CoNLL-U Plus word line "
        "needs its ID and its word (FORM) to be imported"
    )
