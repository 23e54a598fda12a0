"""Reading another tool's files: the format's reader, with the options that tell it how."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import ImportedDoc
from annotator.core.formats.import_checks import ImportReporter


@dataclass(frozen=True)
class ReadOptions:
    """How to read a source (``annotator import``'s options, checked by ``import_options``)."""

    utf16: bool = False  # doccano, labelstudio: offsets count UTF-16 units
    tags: str = "iob2"  # conll, conllu, hf
    per_sentence: bool = False  # conll: a document per sentence
    # doccano: the field holding the text (None: "text"); labelstudio: the data key of the
    # text (None: found as ``labelstudio`` finds it)
    text_key: str | None = None
    label_key: str | None = None  # doccano: the field of [start, end, label]; None: label(s)
    predictions: bool = False  # labelstudio: a model's predictions, not the annotations
    # The spans become records (--annotations): doccano and prodigy refuse a file whose spans
    # all lie under a key they do not read (``import_span_keys``).
    annotations: bool = False
    # doccano: the labels --map names (doccano 1.x's label ids are read when it names them all)
    label_map: frozenset[str] = frozenset()


# What a file is said to look like, by the import format that reads it.
_LOOKS_LIKE = {
    "jsonl": "annotator's JSONL (documents, or records with their text)",
    "prodigy": "a Prodigy file",
    "doccano": "a doccano file",
    "labelstudio": "a Label Studio file",
    "conll": "a CoNLL file",
    "conllu": "a CoNLL-U file",
    "hf": "a Hugging Face export's rows",
    "spacy": "a spaCy DocBin",
    "brat": "a brat .ann file",
}
# What to pass, when ``--format F`` alone does not say it.
_READ_WITH = {"brat": "--format brat reads its folder (.txt and .ann files)"}


def read_source(
    source: Path, fmt: str, options: ReadOptions, report: ImportReporter
) -> list[ImportedDoc]:
    """The documents of ``source`` in format ``fmt``, with their spans as the tool wrote them
    (offsets in code points; checked against their text later). A source refused that looks
    like another format's file says which (``other_format``)."""
    try:
        return _read(source, fmt, options, report)
    except AnnotatorError as error:
        said = str(error)
        other = other_format(source, fmt, said)
        if other is None:
            raise
        raise AnnotatorError(f"{said}; {other}") from None


def other_format(source: Path, fmt: str, said: str) -> str | None:
    """``it looks like a Prodigy file: --format prodigy`` when ``source``, refused as ``fmt``
    with the line ``said``, looks like another format's file (``validate_shape``) and the
    line names no ``--format`` for it; else None. A Prodigy file read as Label Studio was
    refused as "invalid JSON", a CoNLL file read as CoNLL-U for its columns: right about the
    line, silent about the file."""
    from annotator.core.validate_shape import import_format

    # A byte that is not UTF-8 is wrong whatever the format: naming one there (a Latin-1
    # doccano file "looks like annotator's JSONL") would send the user to a reader refusing
    # the same byte.
    if "invalid UTF-8" in said:
        return None
    guess = import_format(source)
    if guess is None or guess == fmt or f"--format {guess}" in said:
        return None
    return f"it looks like {_LOOKS_LIKE[guess]}: {_READ_WITH.get(guess, f'--format {guess}')}"


def _read(
    source: Path, fmt: str, options: ReadOptions, report: ImportReporter
) -> list[ImportedDoc]:
    if not source.exists():
        raise AnnotatorError(f"{source}: no such file or folder")
    if fmt == "txt":
        if not source.is_dir():
            raise AnnotatorError(f"{source}: --format txt reads a folder of .txt files")
        refuse_brat_annotations(source)
        return _txt_documents(source, report)
    if fmt == "jsonl":
        from annotator.core.formats import jsonl

        return jsonl.read(source, report)
    if fmt == "prodigy":
        from annotator.core.formats import prodigy

        return prodigy.read(source, report, options.annotations)
    if fmt == "doccano":
        from annotator.core.formats import doccano

        return doccano.read(
            source,
            options.utf16,
            report,
            options.text_key or "text",
            options.label_key,
            options.annotations,
            options.label_map,
        )
    if fmt == "labelstudio":
        from annotator.core.formats import labelstudio

        return labelstudio.read(
            source, options.utf16, report, options.predictions, options.text_key
        )
    if fmt == "brat":
        from annotator.core.formats import brat

        return brat.read(source, report)
    if fmt == "conll":
        from annotator.core.formats import conll

        return conll.read(source, options.tags, report, options.per_sentence)
    if fmt == "conllu":
        from annotator.core.formats import conllu

        return conllu.read(source, options.tags, report)
    if fmt == "hf":
        from annotator.core.formats import hf

        return hf.read(source, options.tags, report)
    from annotator.core.formats import spacy_docbin

    return spacy_docbin.read(source, report)


def refuse_brat_annotations(folder: Path) -> None:
    """Refuse (AnnotatorError) a folder whose ``.ann`` files hold annotations: ``--format txt``
    reads only the texts, so it would import brat's spans as unannotated texts without a word.
    Empty ``.ann`` files (a brat export of documents without spans) lose nothing and pass."""
    annotated: list[Path] = []
    lines = 0
    for ann in sorted(folder.rglob("*.ann")):
        if not ann.is_file():
            continue
        try:
            held = sum(1 for line in ann.read_bytes().splitlines() if line.strip())
        except OSError as error:
            raise AnnotatorError(f"{ann}: cannot read: {error.strerror or error}") from None
        if held:
            annotated.append(ann)
            lines += held
    if annotated:
        raise AnnotatorError(
            f"{annotated[0]}: brat annotations ({lines} line(s) in {len(annotated)} .ann "
            "file(s)), which --format txt does not read: use --format brat"
        )


def _txt_documents(folder: Path, report: ImportReporter) -> list[ImportedDoc]:
    """The ``.txt`` files of ``folder`` as a corpus lists them, each read once and kept as
    written, CRs too: the import makes the text LF and says so, as for every format. An empty
    file (or one of whitespace only) is an empty document: said, named, in one line."""
    from annotator.core.corpus import lf_text, open_corpus, txt_meta
    from annotator.core.formats.line_endings import txt_as_written

    corpus = open_corpus(folder)
    docs = []
    empty: list[str] = []
    for doc_id in corpus.ids:
        file = corpus.txt_file(doc_id)
        assert file is not None  # a folder corpus's every entry is its file
        text = txt_as_written(file)
        name = file.relative_to(folder)
        meta = txt_meta(name, lf_text(text.removeprefix("\ufeff")))
        docs.append(ImportedDoc(doc_id, text, str(file), meta))
        if not text.removeprefix("\ufeff").strip():
            empty.append(name.as_posix())
    if empty:
        more = f" and {len(empty) - EMPTY_NAMED} more" if len(empty) > EMPTY_NAMED else ""
        report.warn(
            f"{folder}: {len(empty)} .txt file(s) hold no words (empty, or whitespace only), "
            f"imported as documents with nothing to annotate: {', '.join(empty[:EMPTY_NAMED])}"
            f"{more}"
        )
    return docs


EMPTY_NAMED = 5  # the empty files named in the line; more are counted
