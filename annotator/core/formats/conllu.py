"""CoNLL-U (Universal Dependencies) with named entities in MISC: import only.

A word line is 10 tab-separated columns: ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS,
MISC. Treebanks with named entities put the tag in MISC, as spaCy's CoNLL-U converter reads
it: an item ``NER=B-PER``, ``NE=B-PER`` or ``name=B-PER`` (NorNE), or the bare tag
(``B-PER``), read in IOB2, IOB1 or BIOES (``--tags``) across the whole document, as the conll
import reads them. ``# newdoc`` starts a document (its ``id`` the document's id; a file
without one is one document), ``# newpar`` a paragraph. A CoNLL-U Plus file (``# global.columns
= ID FORM NER``) is read by the columns it declares, its NER tag from a column of its own when it
has one (``conllu_columns``).

The text: each sentence's ``# text``, when its tokens are found in it in order with only
whitespace between them (so the text is exactly the treebank's); else the tokens joined by one
space, none after a token whose MISC says ``SpaceAfter=No`` (said, with the first sentence whose
``# text`` did not fit). Sentences go one per line, a blank line between paragraphs. A multiword
token (``1-2 del``) is one token of the text, its words (``de``, ``el``) are not; it takes its
own tag, else its first word's (a multiword token whose words have several labels is said). Its
words follow it, each ID of its range in order, in its sentence: one missing or out of order is
refused (read on, a missing one took the next sentence's words for its own, unsaid). An
empty node (``8.1``) is no word of the text: skipped, and one holding a tag is said. What a
record has no place for (LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS) is counted in one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Reporter,
    line_id,
    read_text,
)
from annotator.core.formats.conllu_columns import CONLLU, EMPTY, GLOBAL_COLUMNS, Columns, declared
from annotator.core.formats.tokenlabels import decode_tags

_NER_KEYS = ("NER", "NE", "name")
_TAG = re.compile(r"O|[BIES]-\S+")
_WORD_ID = re.compile(r"[1-9][0-9]*")
_RANGE_ID = re.compile(r"([1-9][0-9]*)-([1-9][0-9]*)")
_EMPTY_ID = re.compile(r"[0-9]+\.[1-9][0-9]*")


@dataclass
class _Token:
    """A token of the text (a word, or a multiword token): its form, tag, and whether a space
    follows it."""

    form: str
    tag: str | None
    space_after: bool
    line: int


@dataclass
class _Sentence:
    tokens: list[_Token] = field(default_factory=list)
    text: str | None = None  # its ``# text``
    paragraph: bool = False  # opened by ``# newpar``


@dataclass
class _Doc:
    doc_id: str | None
    line: int
    sentences: list[_Sentence] = field(default_factory=list)


@dataclass
class _Said:
    """What the file holds that is not imported, or read another way, each said in one line."""

    unread: int = 0  # words with a value in LEMMA ... DEPS (or another column a file declares)
    # The columns not read, in the file's order, and those a word gives a value (only these
    # are named: a trial's line named LEMMA, XPOS, FEATS and DEPS, all ``_`` in its file).
    unread_names: tuple[str, ...] = ()
    valued_names: set[str] = field(default_factory=set)
    tag_column: str | None = None  # a CoNLL-U Plus column of NER tags, by its name

    def tags_in(self) -> str:
        """Where the tags were looked for: ``NER or MISC``, or ``MISC``."""
        return f"{self.tag_column} or MISC" if self.tag_column else "MISC"

    untagged: list[int] = field(default_factory=list)
    tagged_empty: list[int] = field(default_factory=list)
    mixed_words: list[int] = field(default_factory=list)
    unfit_text: list[int] = field(default_factory=list)
    tags: int = 0


@dataclass
class _Multiword:
    """A multiword token (``1-2 del``) whose words (``de``, ``el``) follow: it takes its own
    tag, else its first word's; words of several labels are said."""

    token: _Token
    first: int
    last: int
    own: str | None  # its own tag
    labels: set[str | None] = field(default_factory=set)
    expected: int = 0  # the ID of the word that must come next (set from ``first``)

    def __post_init__(self) -> None:
        self.expected = self.first

    def word(self, word_id: int, tag: str | None, said: _Said) -> None:
        if word_id == self.first and self.own is None:
            self.token.tag = tag
        self.labels.add(_label(tag))
        self.expected += 1
        if word_id == self.last and len(self.labels) > 1:
            said.mixed_words.append(self.token.line)

    def lacking(self, path: Path) -> AnnotatorError:
        """The refusal of this token when its range ends unread: a word left out would
        otherwise be taken from the next sentence's words, which would vanish unsaid."""
        return AnnotatorError(
            f"{path}:{self.token.line}: ID: multiword token {self.first}-{self.last} lacks "
            f"word {self.expected}"
        )


def _misc(misc: str) -> tuple[str | None, bool]:
    """The NER tag a MISC column holds (None: none) and whether a space follows the token."""
    tag = None
    space = True
    for item in misc.split("|") if misc not in EMPTY else []:
        key, eq, value = item.partition("=")
        if eq and key in _NER_KEYS:
            tag = value
        elif not eq and _TAG.fullmatch(item):
            tag = item
        elif key == "SpaceAfter" and value == "No":
            space = False
    return tag, space


def _word(fields: list[str], columns: Columns) -> tuple[str, str, str | None, bool]:
    """A word line's ID, FORM, NER tag (its own column's, else MISC's; None: none) and whether
    a space follows it (MISC's SpaceAfter)."""
    misc = fields[columns.misc_at] if columns.misc_at is not None else "_"
    tag, space = _misc(misc)
    if columns.ner_at is not None:
        own = fields[columns.ner_at]
        tag = own if own not in EMPTY else tag
    return fields[columns.id_at], fields[columns.form_at], tag, space


def _label(tag: str | None) -> str | None:
    return None if tag in (None, "O") else tag.partition("-")[2]


def read(path: Path, scheme: str, report: Reporter) -> list[ImportedDoc]:
    content = read_text(path)
    docs: list[_Doc] = []
    said = _Said()
    sentence = _Sentence()
    multiword: _Multiword | None = None  # the multiword token whose words are being read
    columns = CONLLU
    paragraph = False

    def close() -> None:
        nonlocal sentence
        if multiword is not None:
            raise multiword.lacking(path)
        if sentence.tokens:
            if not docs:
                docs.append(_Doc(None, sentence.tokens[0].line))
            docs[-1].sentences.append(sentence)
        sentence = _Sentence()

    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            close()
            continue
        if line.startswith("#"):
            plus = GLOBAL_COLUMNS.fullmatch(line.strip())
            if plus is not None:
                columns = declared(plus.group(1), path, number)
                at = columns.ner_at
                said.tag_column = columns.names[at] if at is not None else None
                continue
            key, _eq, value = line[1:].partition("=")
            key = key.strip()
            if key.startswith("newdoc"):
                close()
                named = value.strip() if key == "newdoc id" else ""
                docs.append(_Doc(named or None, number))
            elif key.startswith("newpar"):
                paragraph = True
            elif key == "text":
                sentence.text = value.removeprefix(" ")
            continue
        fields = line.split("\t")
        if len(fields) != len(columns.names):
            raise AnnotatorError(
                f"{path}:{number}: expected {columns.expected()}, got {len(fields)}: {line[:40]!r}"
            )
        word_id, form, tag, space = _word(fields, columns)
        said.tags += tag is not None
        if _EMPTY_ID.fullmatch(word_id):
            if tag is not None:
                said.tagged_empty.append(number)
            continue
        if not form:
            raise AnnotatorError(f"{path}:{number}: FORM: empty")
        if not sentence.tokens and paragraph:
            sentence.paragraph, paragraph = True, False
        valued = [name for at, name in columns.unread if fields[at] not in EMPTY]
        said.unread += bool(valued)
        said.valued_names.update(valued)
        said.unread_names = tuple(name for _at, name in columns.unread)
        ranged = _RANGE_ID.fullmatch(word_id)
        if ranged and multiword is not None:
            raise multiword.lacking(path)
        if ranged:
            token = _Token(form, tag, space, number)
            sentence.tokens.append(token)
            multiword = _Multiword(token, int(ranged.group(1)), int(ranged.group(2)), tag)
            continue
        if not _WORD_ID.fullmatch(word_id):
            raise AnnotatorError(f"{path}:{number}: ID: {word_id!r} is no CoNLL-U word ID")
        if multiword is not None:
            _in_order(multiword, int(word_id), path, number)
            multiword.word(int(word_id), tag, said)
            if int(word_id) == multiword.last:
                multiword = None
            continue
        sentence.tokens.append(_Token(form, tag, space, number))
    close()
    if not docs:
        raise AnnotatorError(f"{path}: no words in this file (CoNLL-U)")
    _say(path, said, report)
    tagged = said.tags > 0
    out = [_document(doc, index, path, scheme, tagged, said, report) for index, doc in
           enumerate((d for d in docs if d.sentences), 1)]  # fmt: skip
    if said.untagged:
        report.warn(
            f"{path}:{said.untagged[0]}: {len(said.untagged)} token(s) with no NER tag in "
            f"{said.tags_in()} (NER=, NE= or name=) read as O"
        )
    if said.unfit_text:
        report.warn(
            f"{path}:{said.unfit_text[0]}: {len(said.unfit_text)} sentence(s) whose '# text' "
            "does not hold their tokens in order; their text is the tokens, spaced as MISC's "
            "SpaceAfter says"
        )
    return out


def _in_order(multiword: _Multiword, word_id: int, path: Path, number: int) -> None:
    """Refuse a word that is not the next of ``multiword``'s range: one past it means a word
    of the range is missing, one inside it out of order."""
    if word_id == multiword.expected:
        return
    if not multiword.first <= word_id <= multiword.last:
        raise multiword.lacking(path)
    raise AnnotatorError(
        f"{path}:{number}: ID: word {word_id} of multiword token {multiword.first}-"
        f"{multiword.last} out of order (expected word {multiword.expected})"
    )


def _say(path: Path, said: _Said, report: Reporter) -> None:
    if said.tags == 0:
        report.warn(
            f"{path}: no NER tag in {said.tags_in()} (NER=B-PER, NE=, name= or a bare tag): "
            "the documents are imported without labels"
        )
    if said.unread:
        valued = [name for name in said.unread_names if name in said.valued_names]
        report.warn(
            f"{path}: {said.unread} word(s) with {', '.join(valued)} not imported "
            "(a record holds labelled spans only)"
        )
    if said.tagged_empty:
        report.warn(
            f"{path}:{said.tagged_empty[0]}: {len(said.tagged_empty)} empty node(s) (ID "
            "N.M) with a tag not imported: an empty node is no word of the text"
        )
    if said.mixed_words:
        report.warn(
            f"{path}:{said.mixed_words[0]}: {len(said.mixed_words)} multiword token(s) whose "
            "words have different labels, read as one token with its own tag or its first "
            "word's (the text holds the token, not its words)"
        )


def _sentence_text(sentence: _Sentence) -> tuple[str, list[int]] | None:
    """The sentence's ``# text`` and where each token starts in it, when it holds the tokens
    in order with only whitespace between them."""
    text = sentence.text
    if text is None:
        return None
    starts = []
    position = 0
    for token in sentence.tokens:
        while position < len(text) and text[position].isspace():
            position += 1
        if not text.startswith(token.form, position):
            return None
        starts.append(position)
        position += len(token.form)
    return (text, starts) if not text[position:].strip() else None


def _spaced(sentence: _Sentence) -> tuple[str, list[int]]:
    parts: list[str] = []
    starts = []
    size = 0
    for index, token in enumerate(sentence.tokens):
        if index and sentence.tokens[index - 1].space_after:
            parts.append(" ")
            size += 1
        starts.append(size)
        parts.append(token.form)
        size += len(token.form)
    return "".join(parts), starts


def _document(
    doc: _Doc, index: int, path: Path, scheme: str, tagged: bool, said: _Said, report: Reporter
) -> ImportedDoc:
    text = ""
    starts: list[int] = []
    ends: list[int] = []
    tokens: list[_Token] = []
    for number, sentence in enumerate(doc.sentences):
        found = _sentence_text(sentence)
        if found is None and sentence.text is not None:
            said.unfit_text.append(sentence.tokens[0].line)
        line, placed = found or _spaced(sentence)
        if number:
            text += "\n\n" if sentence.paragraph else "\n"
        starts += [len(text) + at for at in placed]
        ends += [
            len(text) + at + len(t.form) for at, t in zip(placed, sentence.tokens, strict=True)
        ]
        text += line
        tokens += sentence.tokens
    doc_id = doc.doc_id or line_id(path.stem, index)
    if not tagged:
        return ImportedDoc(doc_id, text, f"{path}:{doc.line}", spans=None)
    said.untagged += [token.line for token in tokens if token.tag is None]
    tags = [token.tag or "O" for token in tokens]

    def where(position: int) -> str:
        return f"{path}:{tokens[position].line}"

    spans = [
        ImportedSpan(starts[s.first], ends[s.last], s.label, where(s.first))
        for s in decode_tags(tags, scheme, where, report)
    ]
    return ImportedDoc(doc_id, text, f"{path}:{doc.line}", spans=spans)
