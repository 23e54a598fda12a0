"""CoNLL: one token per line with its tag, a blank line after each sentence, ``-DOCSTART-``.

Export: the project's tokenizer and sentence splitter, IOB2 tags, ``TOKEN TAG`` separated by one
space (tokens never hold whitespace), each document opened by ``-DOCSTART- O`` and a blank line.
Document ids and meta are not part of CoNLL; documents come in id order. Nor is whitespace: an
import rebuilds the text from the tokens (``text_read_back``), as the export says once. Readers
take a sentence at a time, where an ``I-`` tag opening a sentence is invalid IOB2: a span across
a sentence break is written as one span per sentence, ``B-`` again after the break
(``cut_at_sentences``), and that is reported. CoNLL has no field for "no space after"
(CoNLL-U's ``SpaceAfter=No`` is in a column this format has not), so a word cut at a span's
edge (``Ex-`` + ``Yahoo``) reads back spaced: said once per file (``say_cut_words``).

Import: IOB1, IOB2 or BIOES (``--tags``); columns separated by spaces or tabs, the first is the
token and the last the tag (so 2-column and 4-column CoNLL-2003 files both read). Each
``-DOCSTART-`` line starts a document (a file without one is one document). Tags are read across
the whole document, so an ``I-`` tag opening a sentence (another tool's file) continues the span
before the break. The text is rebuilt from the tokens (see ``tokenlabels.join_tokens``), one
sentence per line. CoNLL-U comments (``# sent_id = 1``: a ``#`` line whose last column is no
tag) are skipped and counted in a line; a file whose first line is JSON is refused as not CoNLL,
and so is a CoNLL-U file (a word line of 10 tab-separated columns, its ID first), or a CoNLL-U
Plus file (``# global.columns = ID FORM NER``, any number of columns), whose IDs would
otherwise be read as the words (``conllu`` imports both).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Item,
    Reporter,
    line_id,
    read_text,
    report_left_out,
)
from annotator.core.formats.conllu_columns import GLOBAL_COLUMNS
from annotator.core.formats.tokenlabels import (
    TokenSpan,
    cut_at_edges,
    decode_tags,
    describe,
    iob2_tags,
    join_tokens,
    place_spans,
)
from annotator.core.models import Span
from annotator.core.sentences import sentences
from annotator.core.tokens import Token, tokenize

_COLUMNS = re.compile(r"[ \t]+")
DOCSTART = "-DOCSTART-"


def document_lines(item: Item, report: Reporter, cuts: list[str] | None = None) -> list[str]:
    """The lines of one document; each word cut at a span's edge goes to ``cuts`` (its
    pieces as written, ``'Ex-' 'Yahoo'``)."""
    text = item.document.text
    whole = tokenize(text)
    tokens = cut_at_edges(whole, item.record.spans)
    if cuts is not None and len(tokens) > len(whole):
        cuts.extend(_cut_words(item.record.doc_id, whole, tokens))
    placed = place_spans(item.record.doc_id, text, tokens, item.record.spans, "conll", report)
    tags = iob2_tags(len(tokens), placed)
    groups = _sentence_tokens(text, tokens)
    cut_at_sentences(item.record.doc_id, tags, placed, {low for low, _high in groups}, report)
    lines = [f"{DOCSTART} O", ""]
    for low, high in groups:
        lines.extend(f"{tokens[index].text} {tags[index]}" for index in range(low, high))
        lines.append("")
    return lines


def text_read_back(text: str, spans: Sequence[Span]) -> str:
    """The text an import of this document's export gives: its tokens (cut at the spans'
    edges, as written) joined as ``_document`` joins them, one sentence per line. Whitespace
    is not in CoNLL: a blank line, a line break inside a sentence and spacing differ."""
    tokens = cut_at_edges(tokenize(text), spans)
    return "\n".join(
        join_tokens([token.text for token in tokens[low:high]])[0]
        for low, high in _sentence_tokens(text, tokens)
    )


def _sentence_tokens(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Each sentence's tokens, as ``tokens[low:high]``; sentences without tokens are none."""
    groups = []
    position = 0
    for _start, end in sentences(text):
        begun = position
        while position < len(tokens) and tokens[position].end <= end:
            position += 1
        if position > begun:
            groups.append((begun, position))
    return groups


def cut_at_sentences(
    doc_id: str,
    tags: list[str],
    placed: Sequence[TokenSpan],
    firsts: set[int],
    report: Reporter,
) -> None:
    """Tag ``B-`` again the first token of a sentence inside a span (``firsts``: the tokens
    that open a sentence), so that each sentence read alone is valid IOB2; each span cut so
    is reported."""
    for span in placed:
        cuts = [index for index in range(span.first + 1, span.last + 1) if index in firsts]
        for index in cuts:
            tags[index] = f"B-{span.label}"
        if cuts:
            what = describe(span.span) if span.span is not None else span.label
            report.warn(
                f"{doc_id}: conll: span {what} runs across {len(cuts)} sentence "
                f"break(s); written as {len(cuts) + 1} spans, one per sentence (B- again after "
                "each break: a sentence is read alone)"
            )


def _cut_words(doc_id: str, whole: Sequence[Token], cut: Sequence[Token]) -> list[str]:
    """Each token of ``whole`` written as several of ``cut``: ``doc: 'Ex-' 'Yahoo'``."""
    found = []
    position = 0
    for token in whole:
        pieces = []
        while position < len(cut) and cut[position].end <= token.end:
            pieces.append(cut[position].text)
            position += 1
        if len(pieces) > 1:
            found.append(f"{doc_id}: {' '.join(repr(piece) for piece in pieces)}")
    return found


def say_cut_words(cuts: Sequence[str], report: Reporter) -> None:
    """One line for the words cut at a span's edge: the spans are exact, but CoNLL cannot say
    that no space came between the pieces, so an import (ours, or any reader joining tokens
    with spaces) gives the text ``Ex- Yahoo``."""
    if cuts:
        report.warn(
            f"conll: {len(cuts)} word(s) cut where a span starts or ends inside them (first: "
            f"{cuts[0]}), so each span is exact; CoNLL has no field for 'no space after', so "
            "an import reads them back spaced (hf and spacy keep them whole)"
        )


def export_text(items: Sequence[Item], report: Reporter) -> bytes:
    out: list[str] = []
    cuts: list[str] = []
    for item in items:
        report_left_out(item, "conll", report)
        out.extend(document_lines(item, report, cuts))
    say_cut_words(cuts, report)
    return "".join(line + "\n" for line in out).encode("utf-8", "surrogatepass")


class _Doc:
    def __init__(self, line: int) -> None:
        self.line = line
        self.sentences: list[list[tuple[str, str, int]]] = [[]]


def read(
    path: Path, scheme: str, report: Reporter, per_sentence: bool = False
) -> list[ImportedDoc]:
    """The documents of a CoNLL file: one per ``-DOCSTART-`` (a file without one is one), or,
    ``per_sentence``, one per sentence, as doccano imports CoNLL (a training file without
    ``-DOCSTART-`` was one document of thousands of sentences)."""
    content = read_text(path)
    docs: list[_Doc] = []
    current: _Doc | None = None
    comments: list[int] = []
    middle: list[tuple[int, str]] = []  # tokens with columns between token and tag (POS...)
    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            if current is not None and current.sentences[-1]:
                current.sentences.append([])
            continue
        columns = _COLUMNS.split(line.strip(" \t"))
        if not docs and not comments:
            _refuse_json(line, path, number)
        _refuse_conllu_plus(line, path, number)
        if _is_comment(columns):
            comments.append(number)
            continue
        _refuse_conllu(line, path, number)
        if columns[0] == DOCSTART:
            current = _Doc(number)
            docs.append(current)
            continue
        if len(columns) < 2:
            raise AnnotatorError(f"{path}:{number}: expected TOKEN and TAG columns, got {line!r}")
        if current is None:
            current = _Doc(number)
            docs.append(current)
        current.sentences[-1].append((columns[0], columns[-1], number))
        if any(column != "_" for column in columns[1:-1]):
            middle.append((number, " ".join(columns[1:-1])))
    if not docs:
        raise AnnotatorError(f"{path}: no tokens in this file")
    if comments:
        report.warn(
            f"{path}:{comments[0]}: {len(comments)} comment line(s) ('# ...', as CoNLL-U "
            "writes sent_id and text) skipped: the text is made from the tokens"
        )
    if per_sentence:
        docs = [_sentence(sentence) for doc in docs for sentence in doc.sentences if sentence]
    imported = [_document(doc, index, path, scheme, report) for index, doc in enumerate(docs, 1)]
    if middle:  # once the tags are read: a file refused for a tag needs no more words
        _say_middle_columns(path, middle, report)
    return imported


def _say_middle_columns(path: Path, middle: list[tuple[int, str]], report: Reporter) -> None:
    """The columns between a token and its tag (CoNLL-2003's POS and chunk tags) have no place
    in a record: said in one line, counted, as conllu says LEMMA, UPOS and the others."""
    number, first = middle[0]
    report.warn(
        f"{path}:{number}: {len(middle)} token(s) with columns between the token and its tag "
        f"(POS, chunk...: {first!r} first) not imported (a record holds labelled spans only)"
    )


# A tag as any of the schemes writes one: a line ``# TAG`` is a token "#" (a tweet's hashtag).
_TAG = re.compile(r"O|[BIESLU]-\S+")


def _is_comment(columns: list[str]) -> bool:
    """A CoNLL-U comment (``# sent_id = 1``, ``# text = ...``): a line opening with ``#``
    whose last column is no tag (``# O`` is the token ``#``)."""
    return columns[0].startswith("#") and (len(columns) < 2 or not _TAG.fullmatch(columns[-1]))


def _refuse_json(line: str, path: Path, number: int) -> None:
    """A JSON file (doccano, Prodigy, spaCy's JSONL) read as CoNLL: said as such, not as a
    token whose tag is the rest of the JSON line."""
    stripped = line.strip()
    if stripped in ("{", "[") or stripped.startswith(('{"', "[{", "[[")):
        raise AnnotatorError(
            f"{path}:{number}: not CoNLL: this line is JSON ({stripped[:30]!r}...); CoNLL "
            "is a TOKEN and a TAG on each line: import a JSON file with its own --format "
            "(jsonl, doccano, prodigy, labelstudio)"
        )


# A CoNLL-U word line: ten tab-separated columns, the first the word's ID (``1``), a multiword
# token's range (``1-2``) or an empty node's (``1.1``).
_CONLLU_ID = re.compile(r"[1-9][0-9]*(?:-[1-9][0-9]*|\.[1-9][0-9]*)?")


def _refuse_conllu(line: str, path: Path, number: int) -> None:
    """A CoNLL-U file read as CoNLL: its first column is the word's ID and its last MISC, so
    each word would become its number (the text ``1 2 3``) with MISC as its tag, unseen when
    MISC holds a tag (``B-PER``); refused, saying what the file is."""
    fields = line.split("\t")
    if len(fields) == 10 and _CONLLU_ID.fullmatch(fields[0]):
        raise AnnotatorError(
            f"{path}:{number}: not CoNLL: this is a CoNLL-U line (10 tab-separated columns, "
            f"the ID {fields[0]!r} first, the word {fields[1]!r} second), read as CoNLL its IDs "
            "would be the words: import it with --format conllu (its NER tags in MISC: "
            "NER=B-PER, NE=, name= or a bare tag)"
        )


def _refuse_conllu_plus(line: str, path: Path, number: int) -> None:
    """A CoNLL-U Plus file read as CoNLL: ``# global.columns`` names its columns, any number
    of them (``ID FORM NER``), so no count of columns tells it; its IDs would be the words."""
    plus = GLOBAL_COLUMNS.fullmatch(line.strip())
    if plus is not None:
        raise AnnotatorError(
            f"{path}:{number}: not CoNLL: a CoNLL-U Plus file (global.columns ="
            f"{plus.group(1)}), read as CoNLL its IDs would be the words: import it with "
            "--format conllu, which reads the columns it declares (the NER tag from a column "
            "NER or NE, else from MISC)"
        )


def _sentence(sentence: list[tuple[str, str, int]]) -> _Doc:
    """A document of one sentence, beginning at its first token's line."""
    doc = _Doc(sentence[0][2])
    doc.sentences = [sentence]
    return doc


def _document(doc: _Doc, index: int, path: Path, scheme: str, report: Reporter) -> ImportedDoc:
    rows = [sentence for sentence in doc.sentences if sentence]
    lines: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    offset = 0
    for sentence in rows:
        words = [token for token, _tag, _line in sentence]
        line, positions = join_tokens(words)
        starts.extend(offset + w for w in positions)
        ends.extend(offset + w + len(word) for w, word in zip(positions, words, strict=True))
        lines.append(line)
        offset += len(line) + 1
    flat = [entry for sentence in rows for entry in sentence]
    tags = [tag for _token, tag, _line in flat]

    def where(position: int) -> str:
        return f"{path}:{flat[position][2]}"

    spans = [
        ImportedSpan(starts[s.first], ends[s.last], s.label, where(s.first))
        for s in decode_tags(tags, scheme, where, report)
    ]
    return ImportedDoc(
        line_id(path.stem, index), "\n".join(lines), f"{path}:{doc.line}", spans=spans
    )
