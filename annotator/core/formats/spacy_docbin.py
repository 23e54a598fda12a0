"""spaCy ``.spacy`` DocBin, through the optional extra ``annotator[spacy]``.

Export: each document becomes a ``Doc`` whose words are the project's tokens, with whitespace
other than one plain space after a token kept as whitespace tokens (as spaCy's own tokenizer
does), so ``doc.text`` is the document's text exactly. Spans go in ``doc.ents``; when any
exported document has overlapping spans (which ``doc.ents`` cannot hold) every document's spans
go in ``doc.spans["sc"]`` instead, spaCy's span-categorizer key (reported once). The document id
and meta are ``doc.user_data["doc_id"]`` and ``["meta"]``. Import reads ``doc.ents`` and every
span group. spaCy is imported only inside these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Item,
    Reporter,
    line_id,
    read_bytes,
    report_left_out,
)
from annotator.core.formats.tokenlabels import place_spans
from annotator.core.formats.wstokens import whitespace_tokens
from annotator.core.tokens import Token, tokenize

SPANS_KEY = "sc"


def _spacy() -> Any:
    try:
        import spacy
        from spacy.tokens import DocBin  # noqa: F401
    except ImportError:
        raise AnnotatorError(
            "the spacy format needs spaCy: pip install 'annotator[spacy]'"
        ) from None
    return spacy


def words_and_spaces(text: str, tokens: Sequence[Token]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and trailing-space flags whose text is ``text``, and where each token went."""
    pieces, where = whitespace_tokens(text, tokens)
    return [piece.text for piece in pieces], [piece.ws for piece in pieces], where


def _overlapping(items: Sequence[Item]) -> bool:
    for item in items:
        ordered = sorted(item.record.spans, key=lambda s: (s.start, s.end))
        reach = -1
        for span in ordered:
            if span.start < reach:
                return True
            reach = max(reach, span.end)
    return False


def export_bytes(items: Sequence[Item], report: Reporter) -> bytes:
    _spacy()
    from spacy.tokens import Doc, DocBin
    from spacy.tokens import Span as SpacySpan
    from spacy.vocab import Vocab

    as_spans = _overlapping(items)
    if as_spans:
        report.warn(
            f"spacy: some documents have overlapping spans, which doc.ents cannot hold: every "
            f"document's spans are written to doc.spans[{SPANS_KEY!r}] (doc.ents left empty)"
        )
    vocab = Vocab()
    docbin = DocBin(store_user_data=True)
    for item in items:
        report_left_out(item, "spacy", report)
        text = item.document.text
        tokens = tokenize(text)
        words, spaces, where = words_and_spaces(text, tokens)
        doc = Doc(vocab, words=words, spaces=spaces)
        placed = place_spans(
            item.record.doc_id, text, tokens, item.record.spans, "spacy", report, as_spans
        )
        spans = [SpacySpan(doc, where[p.first], where[p.last] + 1, label=p.label) for p in placed]
        if as_spans:
            doc.spans[SPANS_KEY] = spans
        else:
            doc.ents = spans
        doc.user_data["doc_id"] = item.record.doc_id
        doc.user_data["meta"] = item.document.meta
        docbin.add(doc)
    data: bytes = docbin.to_bytes()
    return data


def read(path: Path, report: Reporter) -> list[ImportedDoc]:
    _spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    raw = read_bytes(path)
    try:
        docs = list(DocBin().from_bytes(raw).get_docs(Vocab()))
    except Exception as error:  # spaCy raises many kinds on a damaged file
        raise AnnotatorError(f"{path}: not a spaCy DocBin ({type(error).__name__})") from None
    out = []
    for number, doc in enumerate(docs, start=1):
        doc_id = doc.user_data.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            doc_id = line_id(path.stem, number)
        meta = doc.user_data.get("meta")
        where = f"{path}: doc {number - 1}"
        seen: set[tuple[int, int, str]] = set()
        spans = []
        groups = [("ents", list(doc.ents))] + [(key, list(g)) for key, g in doc.spans.items()]
        for group, members in groups:
            for span in members:
                key = (span.start_char, span.end_char, span.label_)
                if key in seen:
                    continue
                seen.add(key)
                spans.append(
                    ImportedSpan(key[0], key[1], key[2], f"{where}: {group}", surface=span.text)
                )
        out.append(
            ImportedDoc(
                doc_id,
                doc.text,
                where,
                meta=dict(meta) if isinstance(meta, dict) else {},
                spans=spans,
            )
        )
    return out
