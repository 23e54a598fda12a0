"""spaCy ``.spacy`` DocBin, through the optional extra ``annotator[spacy]``.

Export: each document becomes a ``Doc`` whose words are the project's tokens, with whitespace other
than one plain space after a token kept as whitespace tokens (as spaCy's own tokenizer does), and a
zero-width space or U+FEFF, which part tokens but are no space to spaCy, in the word beside them
(``wstokens``), so ``doc.text`` is the document's text exactly; a word is cut where a span starts or
ends inside it (``exact_pieces``), so every span is exact. Every span goes in ``doc.spans["sc"]``
(spaCy's span-categorizer key) and in ``doc.ents``, which cannot overlap: of a document's
overlapping spans, ``doc.ents`` keeps those that fit, taken as conll and hf take them (text order,
longer first: ``tokenlabels.apart``), so one document's overlaps never empty another's ``doc.ents``.
The documents whose ``doc.ents`` is incomplete are said in one line. The document id and meta are
``doc.user_data["doc_id"]`` and ``["meta"]``. Import reads ``doc.ents`` and every span group (a span
in both once), so every span comes back; ``doc.cats`` and a span's ``kb_id`` are reported and
counted (a record has no place for them). Other ``user_data`` keys go in the document's meta when
their values are JSON, else are reported and counted (``_UserData``). A document's tokens are not
kept: the project tokenizes the text itself (``I'm`` is one token, spaCy's ``I`` and ``'m`` two), so
tokens other than those export writes are said and counted, as Prodigy's are (``other_tokens``).
spaCy is imported only inside these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    DETAIL_UP_TO,
    ImportedDoc,
    ImportedSpan,
    Item,
    Reporter,
    line_id,
    read_bytes,
    report_left_out,
)
from annotator.core.formats.import_checks import ImportReporter
from annotator.core.formats.tokenlabels import apart, place_spans
from annotator.core.formats.wstokens import exact_pieces
from annotator.core.tokens import Token

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


@dataclass(frozen=True)
class _Incomplete:
    """A document whose ``doc.ents`` holds ``kept`` of its ``total`` spans."""

    doc_id: str
    kept: int
    total: int

    def line(self) -> str:
        return (
            f"{self.doc_id}: spacy: doc.ents holds {self.kept} of {self.total} spans "
            f"({self.total - self.kept} overlap another, and doc.ents cannot overlap); all "
            f"{self.total} are in doc.spans[{SPANS_KEY!r}]"
        )


def _say_incomplete(found: Sequence[_Incomplete], report: Reporter) -> None:
    """One line for every document whose ``doc.ents`` lacks some of its spans, naming up to
    DETAIL_UP_TO of them; each document's own line goes to ``details`` (said too with -v)."""
    if not found:
        return
    names = ", ".join(entry.doc_id for entry in found[:DETAIL_UP_TO])
    if len(found) > DETAIL_UP_TO:
        names += f" and {len(found) - DETAIL_UP_TO} more"
    left = sum(entry.total - entry.kept for entry in found)
    report.warn(
        f"spacy: {len(found)} document(s) with overlapping spans have an incomplete doc.ents "
        f"({names}): doc.ents cannot overlap, so {left} span(s) overlapping another are left "
        f"out of it; every span is in doc.spans[{SPANS_KEY!r}]"
    )
    report.details.extend(entry.line() for entry in found)
    if report.verbose:
        for entry in found:
            report.warn(entry.line())


def export_bytes(items: Sequence[Item], report: Reporter) -> bytes:
    _spacy()
    from spacy.tokens import Doc, DocBin
    from spacy.tokens import Span as SpacySpan
    from spacy.vocab import Vocab

    vocab = Vocab()
    docbin = DocBin(store_user_data=True)
    incomplete: list[_Incomplete] = []
    for item in items:
        report_left_out(item, "spacy", report)
        text = item.document.text
        pieces = exact_pieces(text, item.record.spans)
        doc = Doc(vocab, words=[p.text for p in pieces], spaces=[p.ws for p in pieces])
        tokens = [Token(p.start, p.end, p.text) for p in pieces]
        # Placed once with overlaps kept; every span is exactly its tokens.
        placed = place_spans(
            item.record.doc_id, text, tokens, item.record.spans, "spacy", report, True
        )
        ents = apart(placed)
        if len(ents) < len(placed):
            incomplete.append(_Incomplete(item.record.doc_id, len(ents), len(placed)))
        doc.spans[SPANS_KEY] = [SpacySpan(doc, p.first, p.last + 1, label=p.label) for p in placed]
        doc.ents = [SpacySpan(doc, p.first, p.last + 1, label=p.label) for p in ents]
        doc.user_data["doc_id"] = item.record.doc_id
        doc.user_data["meta"] = item.document.meta
        docbin.add(doc)
    _say_incomplete(incomplete, report)
    data: bytes = docbin.to_bytes()
    return data


# A pipeline's token annotations, as ``Doc.has_annotation`` names them: a DocBin of a parsed
# corpus holds them, and they were dropped without a word (conll and conllu say their columns).
TOKEN_ATTRIBUTES = ("TAG", "POS", "MORPH", "LEMMA", "DEP")


def read(path: Path, report: ImportReporter) -> list[ImportedDoc]:
    """Every document's text and spans (``doc.ents`` and every span group); ``doc.cats``, a
    span's ``kb_id`` and the name of a span group other than ours, which a record has no place
    for, are said once each for the file and counted (a group's name was lost unsaid: an export
    writes every span to ``doc.spans["sc"]``)."""
    _spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    raw = read_bytes(path)
    try:
        docs = list(DocBin().from_bytes(raw).get_docs(Vocab()))
    except Exception as error:  # spaCy raises many kinds on a damaged file
        raise AnnotatorError(f"{path}: not a spaCy DocBin ({type(error).__name__})") from None
    out = []
    cats: list[str] = []  # where each document with text categories is
    linked: list[str] = []  # where each span with a knowledge-base id is
    # Where each span of a group other than ents and ours is: its group's name is lost.
    grouped: list[str] = []
    tagged: list[str] = []  # where each document with token annotations is, and which
    retokenized: list[str] = []  # where each document of other tokens is, and how
    user_data = _UserData()
    for number, doc in enumerate(docs, start=1):
        doc_id = doc.user_data.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            doc_id = line_id(path.stem, number)
        meta = doc.user_data.get("meta")
        meta = dict(meta) if isinstance(meta, dict) else {}
        user_data.read(doc.user_data, meta, number)
        # Counted from 1, as every importer counts lines, tasks and entries (and as the
        # fallback id counts): "doc 4" named the fifth document.
        where = f"{path}: doc {number}"
        seen: set[tuple[int, int, str]] = set()
        spans = []
        groups = [("ents", list(doc.ents))] + [(key, list(g)) for key, g in doc.spans.items()]
        for group, members in groups:
            for span in members:
                if group not in ("ents", SPANS_KEY):
                    grouped.append(f"doc {number}: {group}: {span.text!r} {span.label_}")
                key = (span.start_char, span.end_char, span.label_)
                if key in seen:
                    continue
                seen.add(key)
                if span.kb_id_:
                    linked.append(f"doc {number}: {group}: {span.text!r} kb_id {span.kb_id_!r}")
                spans.append(
                    ImportedSpan(key[0], key[1], key[2], f"{where}: {group}", surface=span.text)
                )
        if doc.cats:
            cats.append(f"doc {number}: {dict(doc.cats)}")
        # An empty document "has" every annotation (none of its no tokens lacks it).
        annotated = [attr for attr in TOKEN_ATTRIBUTES if len(doc) and doc.has_annotation(attr)]
        if annotated:
            tagged.append(f"doc {number}: {', '.join(annotated)}")
        words = [(t.idx, t.idx + len(t.text)) for t in doc if not t.text.isspace()]
        other = other_tokens(doc.text, words, spans)
        if other is not None:
            retokenized.append(f"doc {number}: {other}")
        out.append(
            ImportedDoc(
                doc_id,
                doc.text,
                where,
                meta=meta,
                spans=spans,
            )
        )
    _say_not_carried(path, cats, linked, report)
    if tagged:
        report.not_carried(
            f"{path}: token annotations: {len(tagged)} document(s) (first: {tagged[0]}); not "
            "carried: a record holds labelled spans only",
            "document(s) with token annotations",
            len(tagged),
        )
    if grouped:
        report.not_carried(
            f"{path}: span groups: {len(grouped)} span(s) in doc.spans groups other than "
            f"{SPANS_KEY!r} (first: {grouped[0]}); not carried: a span has no place for its "
            f"group's name (an export writes every span to doc.spans[{SPANS_KEY!r}])",
            "span(s)' group names",
            len(grouped),
        )
    if retokenized:
        report.not_carried(
            f"{path}: tokens: {len(retokenized)} document(s) (first: {retokenized[0]}); not "
            "carried: the project tokenizes the text itself, and export writes its tokens",
            "document(s) with other tokens",
            len(retokenized),
        )
    user_data.say(path, report)
    return out


@dataclass
class _UserData:
    """``doc.user_data`` beyond the ``doc_id`` and ``meta`` our export writes: a key (a string)
    whose value is JSON goes in the document's meta, unless meta has that key already; every
    other entry (an extension attribute's tuple key, a value JSON cannot hold, a ``doc_id``
    that is no string, a ``meta`` that is no object) is said, counted. Both were dropped
    without a word."""

    kept: dict[str, int] = field(default_factory=dict)  # key -> documents
    dropped: list[str] = field(default_factory=list)  # "doc N: key (why)"

    def read(self, user_data: dict[Any, Any], meta: dict[str, Any], number: int) -> None:
        for key, value in user_data.items():
            if key == "doc_id" and isinstance(value, str):
                continue  # the document's id (an empty one: named after the file)
            if key == "meta" and isinstance(value, dict):
                continue
            if isinstance(key, str) and key in meta and meta[key] == value:
                continue  # meta holds it already: nothing lost
            why = _why_not_meta(key, value, meta)
            if why is None:
                meta[key] = value
                self.kept[key] = self.kept.get(key, 0) + 1
            else:
                self.dropped.append(f"doc {number}: {_key_words(key)} ({why})")

    def say(self, path: Path, report: ImportReporter) -> None:
        if self.kept:
            keys = ", ".join(f"{key} ({count} document(s))" for key, count in self.kept.items())
            report.warn(f"{path}: doc.user_data: kept in the document's meta: {keys}")
        if self.dropped:
            report.not_carried(
                f"{path}: doc.user_data: {len(self.dropped)} value(s) not imported (first: "
                f"{self.dropped[0]})",
                "doc.user_data value(s)",
                len(self.dropped),
            )


def other_tokens(
    text: str, words: Sequence[tuple[int, int]], spans: Sequence[ImportedSpan]
) -> str | None:
    """Where the words of a document (their offsets in ``text``, whitespace left out) first
    differ from the tokens export writes of it (``exact_pieces``: the project's, cut at the
    spans' edges), as ``spaCy's 'I' + "'m", the project's "I'm"``; None when they do not."""
    ours = [(p.start, p.end) for p in exact_pieces(text, spans) if not p.text.isspace()]
    differ = next(
        ((a, b) for a, b in zip_longest(words, ours) if a != b),
        None,
    )
    if differ is None:
        return None
    start = min(edge[0] for edge in differ if edge is not None)
    both = {end for _s, end in words} & {end for _s, end in ours}
    end = min((e for e in both if e > start), default=len(text))

    def pieces(edges: Sequence[tuple[int, int]]) -> str:
        inside = [repr(text[a:b]) for a, b in edges if start <= a and b <= end]
        return " + ".join(inside) or "no token"

    return f"spaCy's {pieces(words)}, the project's {pieces(ours)}"


def _why_not_meta(key: Any, value: Any, meta: dict[str, Any]) -> str | None:
    """Why ``user_data[key]`` cannot go in the document's meta, or None when it can."""
    if key in ("doc_id", "meta"):
        return f"a {key} that is no {'string' if key == 'doc_id' else 'object'}"
    if not isinstance(key, str):
        return "a record has no place for spaCy's extension attributes"
    if key in meta:
        return "meta has this key already"
    try:
        same = orjson.loads(orjson.dumps(value)) == value
    except (TypeError, orjson.JSONEncodeError):
        same = False
    return None if same else f"a {type(value).__name__} value, which JSON cannot hold"


def _key_words(key: Any) -> str:
    """``doc._.sentiment`` for an extension attribute's key ``("._.", "sentiment", None,
    None)``, else the key as Python writes it."""
    if isinstance(key, tuple) and len(key) == 4 and key[0] == "._.":
        where = "doc" if key[2] is None else f"token {key[2]}" if key[3] is None else "span"
        return f"{where}._.{key[1]}"
    return repr(key)


def _say_not_carried(
    path: Path, cats: Sequence[str], linked: Sequence[str], report: ImportReporter
) -> None:
    if cats:
        report.not_carried(
            f"{path}: doc.cats: {len(cats)} document(s) (first: {cats[0]}); not carried: a "
            "record has no place for text categories",
            "document(s) with doc.cats",
            len(cats),
        )
    if linked:
        report.not_carried(
            f"{path}: kb_id: {len(linked)} span(s) (first: {linked[0]}); not carried: a span "
            "has no place for a knowledge-base id",
            "span kb_id(s)",
            len(linked),
        )
