"""Under --scheme, a label that is no scheme label name is read as the scheme's label of the name
an import without --scheme gives it.

A curator's trial: brat's ``Transfer-money`` was imported as ``Transfer_money`` (scheme names
allow letters, digits and _) into the scheme the import wrote; a brat export writes it back as
``Transfer-money``, and importing that export with the written scheme was refused ("label
Transfer-money not in scheme corpus ... rename them with --map OLD=NEW").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.scheme import load_scheme

FIXTURES = Path(__file__).parent / "fixtures" / "brat" / "docs"  # brat's tutorials (SOURCE.txt)


def import_brat(source: Path, folder: Path, said: list[str], scheme: Path | None = None) -> Path:
    records = folder / "annotations" / "cur.jsonl"
    import_documents(
        source,
        "brat",
        folder / "corpus.jsonl",
        annotations=records,
        annotator="cur",
        scheme=load_scheme(scheme) if scheme is not None else None,
        on_warning=said.append,
    )
    return records


def test_brat_import_export_import_with_the_written_scheme_is_exact(tmp_path: Path) -> None:
    first = import_brat(FIXTURES, tmp_path / "w", [])
    scheme = tmp_path / "w" / "corpus.scheme.toml"
    assert load_scheme(scheme).label("Transfer_money") is not None
    export_records(first, "brat", tmp_path / "ex", corpus=tmp_path / "w" / "corpus.jsonl")
    ann = (tmp_path / "ex" / "tutorials__news__000-introduction.ann").read_text(encoding="utf-8")
    assert "T3\tTransfer-money 443 449\tmoving" in ann.splitlines()

    said: list[str] = []
    again = import_brat(tmp_path / "ex", tmp_path / "w2", said, scheme)
    assert again.read_bytes() == first.read_bytes()
    corpus_again = (tmp_path / "w2" / "corpus.jsonl").read_bytes()
    assert corpus_again == (tmp_path / "w" / "corpus.jsonl").read_bytes()
    assert (
        "1 span(s) read as labels of scheme corpus by the names an import without --scheme "
        "gives theirs, which are not scheme label names (ASCII letters, digits, _): "
        "Transfer-money as Transfer_money (1) (choose another with --map OLD=NEW)"
    ) in said


def test_a_label_whose_valid_name_the_scheme_lacks_is_still_refused(tmp_path: Path) -> None:
    source = tmp_path / "brat"
    source.mkdir()
    for name in ("tutorials__news__000-introduction.txt", "tutorials__news__000-introduction.ann"):
        shutil.copyfile(FIXTURES / name, source / name)
    scheme = tmp_path / "s.toml"
    labels = ["Organization", "Money", "Person", "GPE", "Transfer"]
    scheme.write_text(
        'name = "news"\nversion = 1\n'
        + "".join(
            f'[[labels]]\nname = "{n}"\nkey = "{k}"\ncolor = "#4e79a7"\n'
            for k, n in enumerate(labels, 1)
        ),
        encoding="utf-8",
    )
    with pytest.raises(AnnotatorError, match="label Transfer-money not in scheme news"):
        import_brat(source, tmp_path / "w", [], scheme)
    assert not (tmp_path / "w").exists()
