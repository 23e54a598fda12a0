"""A record against a text: the corpus's (``text_problems``, a journal's lines) or the one its
own line holds (``line_text_problems``, a line of ``export --format jsonl --with-text``), and a
line's text against the corpus's (``corpus_text_problems``).

Spans are checked as everywhere: offsets within the text, each span's ``text`` what is there,
whole characters (``span_text_problems``). ``doc_sha256`` is the lowercase hex sha256 of the
text encoded as UTF-8 (``models.sha256_text``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from annotator.core.corpus import lf_text
from annotator.core.models import Document, Record, sha256_text
from annotator.core.tokens import character_around


def short_repr(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def text_problems(record: Record, document: Document) -> Iterator[tuple[str, str]]:
    """Where the record disagrees with the document's text."""
    if record.doc_sha256 != document.sha256:
        endings = (
            " (the text differs only in line endings)"
            if record.doc_sha256 in line_ending_variants(document.text)
            else ""
        )
        yield (
            "doc_sha256",
            f"does not match the text of {record.doc_id!r} in the corpus "
            "(made for another text: it changed since it was annotated, or the record is of "
            f"another corpus's document of this name: stale record){endings}",
        )
        return
    yield from span_text_problems(record.spans, document.text)


def line_ending_variants(text: str) -> set[str]:
    """The doc_sha256 of ``text`` with LF, CRLF or CR line endings throughout, to tell a stale
    record whose text differs only in them: one made for the text as another tool wrote it
    (CRLF) against a .txt corpus read LF, say (validate and import say so)."""
    lf = lf_text(text)
    return {sha256_text(lf.replace("\n", ending)) for ending in ("\n", "\r\n", "\r")}


class TextSpan(Protocol):
    """What checking a span against its text reads (``models.Span``, compare's spans)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def span_text_problems(spans: Sequence[TextSpan], text: str) -> Iterator[tuple[str, str]]:
    """Spans whose offsets pass the end of ``text`` or whose ``text`` is not what is there."""
    for index, span in enumerate(spans):
        for field, message in one_span_text_problems(span, text):
            yield (f"spans.{index}.{field}", message)


def one_span_text_problems(span: TextSpan, text: str) -> Iterator[tuple[str, str]]:
    """``span_text_problems`` of one span, each as the span's field (``end``, ``text``,
    ``start``) and its message: the spans a gold line's conflicts hold are checked by it too
    (``validate_conflicts``)."""
    size = len(text)
    if span.end > size:
        yield ("end", f"{span.end} is past the end of the text ({size})")
        return
    actual = text[span.start : span.end]
    if actual != span.text:
        yield (
            "text",
            f"{short_repr(span.text)} does not match the text at "
            f"{span.start}..{span.end}: {short_repr(actual)}",
        )
        return
    for edge in ("start", "end"):
        offset = span.start if edge == "start" else span.end
        around = character_around(text, offset)
        if around is not None:
            first, last = around
            yield (
                edge,
                f"{offset} falls inside the character {text[first:last]!r} at "
                f"{first}..{last}: a span takes whole characters",
            )


def line_text_problems(record: Record, document: Document) -> Iterator[tuple[str, str]]:
    """Where a record of an export with text disagrees with the text its own line holds
    (``document``: the line's ``text`` and ``meta``). Both are said, the hash and the spans:
    a hash edited by hand leaves the spans right, a text edited leaves neither."""
    if record.doc_sha256 != document.sha256:
        endings = (
            " (the text differs only in line endings from the one it is of)"
            if record.doc_sha256 in line_ending_variants(document.text)
            else ""
        )
        yield (
            "doc_sha256",
            f"is not the sha256 of the line's text ({document.sha256}: the text encoded as "
            f"UTF-8): the text or doc_sha256 was changed after the export{endings}",
        )
    yield from span_text_problems(record.spans, document.text)


def corpus_text_problems(
    document: Document, in_corpus: Document, corpus_name: str
) -> Iterator[tuple[str, str]]:
    """Where the text a line of an export with text holds is not the corpus's text of its
    document (the corpus changed since the export, or is another's of the same names)."""
    if document.text == in_corpus.text:
        return
    endings = (
        " (the texts differ only in line endings)"
        if lf_text(document.text) == lf_text(in_corpus.text)
        else ""
    )
    yield (
        "text",
        f"is not the text of {document.id!r} in the corpus {corpus_name} (it changed since "
        f"the export, or the corpus is another's with a document of this name){endings}",
    )
