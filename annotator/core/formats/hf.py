"""Hugging Face token classification: JSONL rows ``{"id", "tokens", "ner_tags", "spaces",
"whitespace"}`` and labels.json.

One row per document (``id`` is the document id), tokens from the project's tokenizer (cut where
a span starts or ends inside one), IOB2 tags as integers, ``spaces``: whether whitespace
follows each token before the next, as spaCy's ``Doc(words=, spaces=)`` takes them, so that a
word cut at a span's edge (``Ex-`` + ``Yahoo``) reads back whole, and ``whitespace``: the
whitespace itself after each token (the last token's: the text's end), as spaCy's
``token.whitespace_`` but any whitespace (``"\n\n"``, ``"\t"``, two spaces), so the text reads
back exactly: ``spaces`` alone made every gap one space. Whitespace before the first token has no
place in a row (a per-token column holds it no more than spaCy's ``Doc``), so a document that
begins with whitespace, or holds nothing else, is said once per file (``say_untold_start``).
``labels.json`` is the list of tag
names by integer: ``["O", "B-actor", "I-actor", ...]``, the labels those of the scheme in force,
in its order (``label_order``). ``datasets.load_dataset("json", data_files=...)`` reads the rows;
it cannot load an empty file, so an export that would write one (an empty split, no records) is
refused. Import reads a folder (``labels.json`` and every ``*.jsonl``) or one ``.jsonl`` file
with ``labels.json`` beside it; tags may also be strings. A row with ``whitespace`` gets its text
from it (each token, then its whitespace), checked against ``spaces`` when it has both; a row
with ``spaces`` only, from them (one space where a token has one, none where not); without
either, from ``join_tokens``. The scheme such an import writes keeps ``labels.json``'s labels,
every one, in its order (``declared_labels``), so an export of the records gives each tag the
integer it had.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set
from itertools import pairwise
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Item,
    Reporter,
    decode,
    line_id,
    read_bytes,
    report_left_out,
    without_bom,
)
from annotator.core.formats.hf_fields import OtherFields
from annotator.core.formats.import_checks import ImportReporter
from annotator.core.formats.import_json import json_lines
from annotator.core.formats.tokenlabels import (
    cut_at_edges,
    decode_tags,
    iob2_tags,
    join_tokens,
    place_spans,
)
from annotator.core.scheme import Scheme
from annotator.core.tokens import Token, parts_tokens, tokenize

LABELS_FILE = "labels.json"


def label_order(
    found: Set[str], scheme: Scheme | None, corpus: Path | None, report: Reporter
) -> list[str]:
    """The labels of ``labels.json`` in the order that gives each its integers: the labels of
    the scheme in force, all of them, in its order, so the same tag is the same integer in
    every export whichever labels it holds (a curator trains on several). The scheme in force
    is ``scheme`` (``--scheme``); without one, the default scheme when it holds every label
    exported (as validate takes it), else the scheme ``annotator import`` wrote beside the
    corpus when that one does (said).
    Labels no scheme holds are sorted, their integers then depending on the labels exported:
    that is said."""
    if scheme is not None:
        names = [label.name for label in scheme.labels]
        return names + sorted(found - set(names))
    for candidate, path in _schemes_in_force(corpus):
        names = [label.name for label in candidate.labels]
        if found <= set(names):
            if path is not None:
                report.warn(
                    f"hf: labels.json: the labels in the order of {path} (the scheme annotator "
                    "import wrote beside the corpus), for ids stable across exports; --scheme "
                    "chooses another"
                )
            return names
    report.warn(
        f"hf: labels.json: the labels are sorted (no scheme holds all of {', '.join(sorted(found))}"
        "), so an integer depends on the labels this export holds; pass --scheme for ids "
        "stable across exports"
    )
    return sorted(found)


def _schemes_in_force(corpus: Path | None) -> Iterator[tuple[Scheme, Path | None]]:
    """The default scheme, then the scheme import wrote beside ``corpus`` (with its file)."""
    from annotator.core.formats.labels import IMPORT_MARK
    from annotator.core.scheme import load_default_scheme, load_scheme

    yield load_default_scheme(), None
    if corpus is not None:
        path = corpus.with_name(f"{corpus.stem}.scheme.toml")
        try:
            if path.is_file() and path.read_text(encoding="utf-8").startswith(IMPORT_MARK):
                yield load_scheme(path), path
        except (OSError, UnicodeDecodeError, AnnotatorError):
            pass  # not one to take: the labels are sorted, which is said


def tag_names(labels: Sequence[str]) -> list[str]:
    names = ["O"]
    for label in labels:
        names.extend([f"B-{label}", f"I-{label}"])
    return names


def labels_bytes(labels: Sequence[str]) -> bytes:
    return orjson.dumps(tag_names(labels)) + b"\n"


# An hf file is read by ``datasets.load_dataset``, which refuses an empty one ("Instruction ...
# corresponds to no data!"): an export that would write one stops instead, before any write.
NO_ROWS = (
    "hf: nothing written: datasets.load_dataset cannot load an empty .jsonl "
    "(with --split: choose another --seed or other shares)"
)


def export_rows(items: Sequence[Item], labels: Sequence[str], report: Reporter) -> bytes:
    if not items:
        raise AnnotatorError(NO_ROWS)
    index = {name: number for number, name in enumerate(tag_names(labels))}
    out = []
    untold: list[str] = []
    for item in items:
        report_left_out(item, "hf", report)
        text = item.document.text
        tokens = cut_at_edges(tokenize(text), item.record.spans)
        placed = place_spans(item.record.doc_id, text, tokens, item.record.spans, "hf", report)
        tags = iob2_tags(len(tokens), placed)
        row = {
            "id": item.record.doc_id,
            "tokens": [token.text for token in tokens],
            "ner_tags": [index[tag] for tag in tags],
            "spaces": spaces_after(tokens),
            "whitespace": whitespace_after(text, tokens),
        }
        if text[: tokens[0].start if tokens else len(text)]:
            untold.append(item.record.doc_id)
        out.append(orjson.dumps(row) + b"\n")
    say_untold_start(untold, report)
    return b"".join(out)


def whitespace_after(text: str, tokens: Sequence[Token]) -> list[str]:
    """The whitespace after each token, up to the next (the last token: to the text's end); the
    tokenizer leaves nothing but whitespace between tokens (a zero-width space and U+FEFF
    counted: ``tokens.parts_tokens``)."""
    ends = [after.start for after in tokens[1:]] + [len(text)] * bool(tokens)
    return [text[token.end : end] for token, end in zip(tokens, ends, strict=True)]


def say_untold_start(doc_ids: Sequence[str], report: Reporter) -> None:
    """One line for the documents whose text begins with whitespace (or is only whitespace):
    a row keeps the whitespace after each token, none before the first, so their import
    begins at the first token."""
    if doc_ids:
        report.warn(
            f"hf: {len(doc_ids)} document(s) begin with whitespace (first: {doc_ids[0]}), "
            "which a row cannot hold (whitespace is kept after each token, none before the "
            "first): importing the rows gives their text without it"
        )


def spaces_after(tokens: Sequence[Token]) -> list[bool]:
    """Whether whitespace follows each token before the next (the last token: none): the tokens
    are cut at span edges inside words, and a reader joining every token with a space would
    read ``Ex-Yahoo`` back as ``Ex- Yahoo``."""
    return [one.end < after.start for one, after in pairwise(tokens)] + [False] * bool(tokens)


def _labels(path: Path) -> list[str] | None:
    if not path.is_file():
        return None
    try:
        names = orjson.loads(without_bom(read_bytes(path)))
    except orjson.JSONDecodeError as error:
        raise AnnotatorError(f"{path}: invalid JSON: {error}") from None
    if isinstance(names, dict):
        names = names.get("names")
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise AnnotatorError(f'{path}: expected a list of tag names, e.g. ["O", "B-PER", ...]')
    return names


def _labels_path(source: Path) -> Path:
    return source / LABELS_FILE if source.is_dir() else source.parent / LABELS_FILE


def declared_labels(
    source: Path, label_map: Mapping[str, str], scheme_out: Path, report: Reporter
) -> list[str]:
    """The labels ``labels.json`` names, in its order, as ``--map`` renames them (one it
    leaves out, out): the scheme import writes (``scheme_out``) holds them all, those without
    spans too, so an export of the records gives each tag the integer it had (a trial's
    re-import sorted them and dropped a label no span had: ``B-LOC`` moved from 5 to 3). Said
    (not when they are the default scheme's, in its order: its ids are an export's anyway),
    with a word when the file's tags are not in the order an export writes them."""
    labels_path = _labels_path(source)
    names = _labels(labels_path)
    if not names:
        return []
    found = [label for tag in names if (label := _tag_label(tag)) is not None]
    declared = [new for label in dict.fromkeys(found) if (new := label_map.get(label, label))]
    if not declared:
        return []
    declared = list(dict.fromkeys(declared))
    same = names == tag_names(list(dict.fromkeys(found)))
    if same and declared == _default_labels():
        return declared  # the default scheme's ids, which an export gives anyway: nothing new
    report.warn(
        f"hf: {labels_path}: {scheme_out} keeps its {len(declared)} label(s) in its order "
        + (
            "(those without spans too), so an export of these records gives each tag the "
            "same integer"
            if same
            else "(those without spans too), but its tags are not in the order an export "
            "writes them (O, then B-X and I-X of each label): an export's integers differ"
        )
    )
    return declared


def _default_labels() -> list[str]:
    from annotator.core.scheme import load_default_scheme

    return [label.name for label in load_default_scheme().labels]


def _tag_label(tag: str) -> str | None:
    """``PER`` of ``B-PER`` (any one-letter prefix: IOB, BIOES); None for ``O`` and a name
    that is no tag."""
    prefix, dash, label = tag.partition("-")
    return label if dash and label and len(prefix) == 1 else None


def read(source: Path, scheme: str, report: ImportReporter) -> list[ImportedDoc]:
    if source.is_dir():
        files = sorted(p for p in source.glob("*.jsonl") if p.is_file())
        if not files:
            raise AnnotatorError(f"{source}: no .jsonl files in this folder")
    else:
        files = [source]
    labels_path = _labels_path(source)
    names = _labels(labels_path)
    docs = []
    for path in files:
        decode(read_bytes(path), path)
        others = OtherFields()
        for number, row in json_lines(path):
            docs.append(_row(row, path, number, names, labels_path, scheme, report))
            others.read(row, number)
        others.say(path, report)
    return docs


def _row(
    row: dict[str, Any],
    path: Path,
    number: int,
    names: list[str] | None,
    labels_path: Path,
    scheme: str,
    report: Reporter,
) -> ImportedDoc:
    at = f"{path}:{number}"
    tokens, raw_tags = row.get("tokens"), row.get("ner_tags")
    if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
        raise AnnotatorError(f"{at}: tokens: expected a list of non-empty strings")
    if not isinstance(raw_tags, list) or len(raw_tags) != len(tokens):
        raise AnnotatorError(f"{at}: ner_tags: expected one tag per token ({len(tokens)})")
    tags = []
    for position, tag in enumerate(raw_tags):
        if isinstance(tag, str):
            tags.append(tag)
        elif isinstance(tag, int) and not isinstance(tag, bool):
            if names is None:
                raise AnnotatorError(
                    f"{at}: ner_tags: integers need {labels_path} to name them (not found)"
                )
            if not 0 <= tag < len(names):
                raise AnnotatorError(
                    f"{at}: ner_tags.{position}: {tag} is not a tag of {labels_path}"
                )
            tags.append(names[tag])
        else:
            raise AnnotatorError(f"{at}: ner_tags.{position}: expected an integer or a tag name")
    if any(not isinstance(t, str) or any(c.isspace() for c in t) for t in tokens):
        raise AnnotatorError(f"{at}: tokens: a token holds whitespace")
    spaces = _spaces(row, at, len(tokens))
    whitespace = _whitespace(row, at, spaces, len(tokens))
    if whitespace is not None:
        text, starts = _followed(tokens, whitespace)
    elif spaces is not None:
        text, starts = _spaced(tokens, spaces)
    else:
        text, starts = join_tokens(tokens, one_sentence=False)
    raw_id = row.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    doc_id = raw_id if isinstance(raw_id, str) and raw_id else line_id(path.stem, number)

    def where(position: int) -> str:
        return f"{at}: ner_tags.{position}"

    spans = [
        ImportedSpan(starts[s.first], starts[s.last] + len(tokens[s.last]), s.label, where(s.first))
        for s in decode_tags(tags, scheme, where, report)
    ]
    return ImportedDoc(doc_id, text, at, spans=spans)


def _spaces(row: dict[str, Any], at: str, size: int) -> list[bool] | None:
    """The row's ``spaces``, when it has them (our export writes them; spaCy's ``Doc`` has
    them): one boolean per token."""
    spaces = row.get("spaces")
    if spaces is None:
        return None
    if not isinstance(spaces, list) or not all(isinstance(s, bool) for s in spaces):
        raise AnnotatorError(f"{at}: spaces: expected a list of true or false, one per token")
    if len(spaces) != size:
        raise AnnotatorError(f"{at}: spaces: expected one per token ({size}), got {len(spaces)}")
    return spaces


def _whitespace(
    row: dict[str, Any], at: str, spaces: Sequence[bool] | None, size: int
) -> list[str] | None:
    """The row's ``whitespace`` (our export writes it): one string of whitespace per token,
    saying what ``spaces`` says where the row has both (a row edited in one and not the other
    is refused, not read one way or the other)."""
    whitespace = row.get("whitespace")
    if whitespace is None:
        return None
    if not isinstance(whitespace, list) or not all(isinstance(w, str) for w in whitespace):
        raise AnnotatorError(f"{at}: whitespace: expected a list of strings, one per token")
    if len(whitespace) != size:
        raise AnnotatorError(
            f"{at}: whitespace: expected one per token ({size}), got {len(whitespace)}"
        )
    for position, gap in enumerate(whitespace):
        if not all(map(parts_tokens, gap)):
            raise AnnotatorError(
                f"{at}: whitespace.{position}: {gap!r} is not whitespace (what follows a token "
                "before the next)"
            )
        if spaces is not None and position < size - 1 and spaces[position] != bool(gap):
            raise AnnotatorError(
                f"{at}: whitespace.{position}: {gap!r} disagrees with spaces.{position} "
                f"({str(spaces[position]).lower()}); correct one of them"
            )
    return whitespace


def _followed(tokens: Sequence[str], whitespace: Sequence[str]) -> tuple[str, list[int]]:
    """The text of ``tokens``, each followed by its whitespace, and where each token starts."""
    starts = []
    size = 0
    for token, gap in zip(tokens, whitespace, strict=True):
        starts.append(size)
        size += len(token) + len(gap)
    return "".join(token + gap for token, gap in zip(tokens, whitespace, strict=True)), starts


def _spaced(tokens: Sequence[str], spaces: Sequence[bool]) -> tuple[str, list[int]]:
    """The text of ``tokens``, one space after each whose ``spaces`` says so (but the last:
    a text does not end in a space we made), and where each token starts."""
    starts = []
    size = 0
    for token, space in zip(tokens, spaces, strict=True):
        starts.append(size)
        size += len(token) + space
    text = "".join(token + " " * space for token, space in zip(tokens, spaces, strict=True))
    return text.removesuffix(" ") if spaces and spaces[-1] else text, starts
