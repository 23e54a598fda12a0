"""The line ``annotator validate`` ends with when every file is valid: what each file was read
as, and whether a corpus was checked.

A trial's ``validate annotations/alice.jsonl gold/gold.jsonl --corpus sample_docs`` said
``ok: 2 file(s) valid`` and no more, with the corpus or without it, though the README promised
the summary would say what each file was read as and whether a corpus was checked: only an
export with text said so (``validate_with_text.RecordsWithText.checked``). Now every file read
as records is named with what it was read as (``journal``, ``gold file``), then whether their
texts were checked against a corpus; an export with text is said by its own clause, as before:

    ok: 2 file(s) valid: annotations/alice.jsonl (journal), gold/gold.jsonl (gold file); texts
    checked against the corpus sample_docs
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.core.journal import JournalContents
from annotator.core.models import GoldRecord

# Files named one by one in the line; more are counted (a folder's journals given by a glob).
NAMED_AT_MOST = 5


@dataclass(frozen=True)
class FileRead:
    """A file validate read as records: ``kind``, what it was read as (``read_as``); ``said``,
    an export with text's own clause (``RecordsWithText.checked``), None for the others."""

    path: Path
    kind: str
    said: str | None = None


def read_as(contents: JournalContents) -> str:
    """What a file read as records is, by its lines: a ``journal`` (an annotator's records),
    a ``gold file`` (gold records, merge's and the review's), both (a gold file an
    annotator's lines were appended to, say), or an ``empty file`` (no record, no problem)."""
    gold = sum(isinstance(record, GoldRecord) for _line, record in contents.records)
    if not contents.records:
        return "empty file"
    if gold == len(contents.records):
        return "gold file"
    return "journal" if not gold else "journal with gold records"


def valid_summary(
    read: Sequence[FileRead], count: int, corpus: Corpus | None, warned: int, history: int = 0
) -> str:
    """``ok: N file(s) valid`` (``count``: the files given), what each of ``read`` was read as
    and whether a corpus was checked (module docstring), the warnings said above it
    (``warned``: their count), and the files whose history was said (``history``: how many,
    ``validate_history``)."""
    line = f"ok: {count} file(s) valid"
    plain = [one for one in read if one.said is None]
    if plain:
        named = ", ".join(f"{one.path} ({one.kind})" for one in plain[:NAMED_AT_MOST])
        more = len(plain) - NAMED_AT_MOST
        line += f": {named}" + (f" and {more} more" if more > 0 else "")
        line += f"; {_corpus_said(corpus)}"
    line += "".join(f"; {one.said}" for one in read if one.said is not None)
    return line + (f"; {warned} warning(s) above" if warned else "") + _history_said(history)


def _history_said(history: int) -> str:
    if not history:
        return ""
    return f"; {history} file(s) hold history that does not fit the scheme (said above, no problem)"


def _corpus_said(corpus: Corpus | None) -> str:
    if corpus is None:
        return (
            "not checked against a corpus (--corpus checks that each record's document is in "
            "it and its spans against the text)"
        )
    return f"texts checked against the corpus {corpus.path}"


def problems_summary(
    count: int, read: Sequence[FileRead], more: bool = False, history: int = 0
) -> str | None:
    """The line after the problems: their count when more than one, or when other lines were
    said beside the one (``more``: warnings, a file's question for its scheme, its history),
    which are not problems (alone, one is its own message: a missing file, say), with what an
    export with text was checked for, as before, and the files whose history was said
    (``history``); None: nothing to add."""
    said = "".join(f"; {one.said}" for one in read if one.said is not None)
    said += _history_said(history)
    if count > 1:
        return f"{count} problems found{said}"
    if count and (said or more):
        return f"1 problem found{said}"
    return None
