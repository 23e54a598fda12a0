"""A conllu import names only the columns it leaves out that hold a value, and counts only the
words with one: ``_`` is no value in CoNLL-U. A trial's file, its LEMMA, XPOS, FEATS and DEPS
all ``_``, was said to have "4 word(s) with LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS not
imported"."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.importing import import_documents

# The trial's file: UPOS, HEAD and DEPREL hold values, the other columns not read are all ``_``.
TRIAL = (
    "# newdoc id = d1\n"
    "# text = Kestria freed Maël.\n"
    "1\tKestria\t_\tPROPN\t_\t_\t0\troot\t_\tNER=B-ORG\n"
    "2\tfreed\t_\tVERB\t_\t_\t1\tx\t_\tNER=O\n"
    "3\tMaël\t_\tPROPN\t_\t_\t2\tx\t_\tNER=B-PER|SpaceAfter=No\n"
    "4\t.\t_\tPUNCT\t_\t_\t2\tx\t_\tNER=O\n"
    "\n"
)


def _warnings(tmp_path: Path, content: str) -> tuple[list[str], Path]:
    source = tmp_path / "u.conllu"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    warnings: list[str] = []
    import_documents(source, "conllu", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="al", on_warning=warnings.append)  # fmt: skip
    return warnings, source


def test_only_the_columns_holding_a_value_are_named(tmp_path: Path) -> None:
    warnings, source = _warnings(tmp_path, TRIAL)
    assert warnings == [
        f"{source}: 4 word(s) with UPOS, HEAD, DEPREL not imported (a record holds labelled "
        "spans only)"
    ]


def test_a_column_with_one_value_is_named_and_only_its_words_counted(tmp_path: Path) -> None:
    content = (
        "1\tKestria\t_\t_\t_\t_\t_\t_\t_\tNER=B-ORG\n"
        "2\tfreed\tfree\t_\t_\t_\t_\t_\t_\tNER=O\n"
        "3\tMaël\t_\t_\t_\t_\t_\t_\t_\tNER=B-PER\n\n"
    )
    warnings, source = _warnings(tmp_path, content)
    assert warnings == [
        f"{source}: 1 word(s) with LEMMA not imported (a record holds labelled spans only)"
    ]


def test_columns_all_empty_are_not_said(tmp_path: Path) -> None:
    content = "1\tKestria\t_\t_\t_\t_\t_\t_\t_\tNER=B-ORG\n2\tfreed\t_\t_\t_\t_\t_\t_\t_\tO\n\n"
    warnings, _source = _warnings(tmp_path, content)
    assert warnings == []
