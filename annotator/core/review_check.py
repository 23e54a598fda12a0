"""A review's request checked without opening it: ``annotator review`` outside a terminal.

Without a terminal the review screen cannot open, and the command used to say only that it
needs one: a reviewer who ran it from a script, a pipe or CI with ``-o bob.jsonl`` (an
annotator's journal) or a corpus that is not there learnt nothing of what was wrong until
they sat at a terminal. ``check_review`` makes the refusals ``review_open.open_review`` makes
before the screen, in its order and with its words, but reads only: the gold file is not
locked, created, written nor cut (a torn last line is left where it is, and said on opening),
and a missing folder for it is not made, so a request refused for want of a terminal leaves
every file as it was.

What only opening can tell is left to it: whether another review holds the gold file's lock.
The refusals that come from the gold file are made here again (``open_review`` makes them in
``GoldStore`` and its resume, which write as they read); tests/test_review_check.py holds each
one to ``open_review``'s.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.compare import (
    Comparison,
    collector_paused,
    load_comparison,
    refuse_reviewer_among_annotators,
)
from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.held_kinds import GOLD_RECORDS, RECORDS
from annotator.core.gold_store import LineFacts, scan_gold
from annotator.core.goldfile import folder_of, folders_to_make
from annotator.core.lock import lock_not_made, lock_path
from annotator.core.merge import refuse_bad_request, refuse_gold_files, refuse_min_agree_over
from annotator.core.scheme import Scheme, default_scheme_path, load_scheme
from annotator.core.validate_shape import RECORD_KEYS


def check_review(
    files: list[Path],
    corpus_path: Path,
    output: Path,
    reviewer: str,
    *,
    scheme_path: Path | None = None,
    min_agree: int | None = None,
    leave_out_unknown: bool = False,
) -> None:
    """Refuse what ``open_review`` would refuse of this request (AnnotatorError, one line; a
    UsageError for the command line itself), writing nothing (see the module docstring)."""
    with collector_paused():
        review_request(
            files, corpus_path, output, reviewer, scheme_path, min_agree, leave_out_unknown
        )
    _check_gold_file(output, min_agree)


def review_request(
    files: list[Path],
    corpus_path: Path,
    output: Path,
    reviewer: str,
    scheme_path: Path | None,
    min_agree: int | None,
    leave_out_unknown: bool = False,
) -> tuple[Scheme, Corpus, Comparison]:
    """The scheme, corpus and comparison of a review's request, refused as ``annotator
    merge`` refuses journals (both opening a review and checking one start here). Run with the
    collector paused: tens of thousands of records are kept. ``leave_out_unknown`` as
    ``load_comparison`` takes it."""
    if not reviewer.strip():
        raise AnnotatorError("the reviewer's name is empty: pass --reviewer NAME")
    scheme = load_scheme(scheme_path if scheme_path is not None else default_scheme_path())
    corpus = open_corpus(corpus_path)
    refuse_bad_request(files, output, min_agree)
    refuse_other_data(output)
    comparison = load_comparison(
        files, scheme, corpus, doing="merged", leave_out_unknown=leave_out_unknown
    )
    refuse_gold_files(comparison, "review")
    refuse_reviewer_among_annotators(comparison, reviewer)
    refuse_min_agree_over(min_agree, comparison)
    return scheme, corpus, comparison


def refuse_other_data(output: Path) -> None:
    """Refuse a gold file ``output`` that holds someone's data of another kind, said as
    export, import and merge say it (``export_replacing.held_in``): a corpus, another tool's
    file, a file of JSON objects of other keys. Its first line was refused as a damaged gold
    line ("schema_version: required field is missing (and 7 more ...)"), which sent a reviewer
    to mend a file that is no gold file. A gold file, one damaged or not (a line holding any
    of a record's keys is a damaged record), and an annotator's journal (refused on opening
    as not gold, in words naming it) are left to the opening's refusals."""
    if not output.is_file():
        return
    held = held_in(output)
    if held is None or held.plural.startswith((GOLD_RECORDS, RECORDS)) or held.line == 0:
        return  # line 0: no line could be read, the gold file's damage is said on opening
    if held.fmt is None and set(held.keys) & set(RECORD_KEYS):
        return
    raise AnnotatorError(
        f"{output}: {held.said}; review writes only a gold file at -o: give a new file, or "
        "the gold file to go on with (nothing was written)"
    )


def _check_gold_file(output: Path, min_agree: int | None) -> None:
    if folders_to_make(output):  # made on opening (not here): a new gold file, nothing to read
        return
    folder = folder_of(output)
    created = not output.exists() or output.stat().st_size == 0
    # Opening takes a lock file beside the gold file, and writes a new one in the folder.
    if not os.access(folder, os.W_OK | os.X_OK):
        denied = os.strerror(errno.EACCES)
        if created:
            raise AnnotatorError(f"{output}: cannot write here: {denied}")
        # The gold file itself may be writable: what fails is its lock ("cannot open" said
        # the file).
        lock = PermissionError(errno.EACCES, denied, str(lock_path(output)))
        raise AnnotatorError(lock_not_made(output, lock) or f"{output}: cannot open: {denied}")
    if created:
        return
    resume_rule(output, _latest_facts(output).values(), min_agree)


def _latest_facts(output: Path) -> dict[str, LineFacts]:
    """Each document's latest gold line's facts; damage and lines that are not gold refused
    as ``GoldStore`` refuses them (damage first, then the first line that is not gold; a torn
    last line, which opening sets aside, is no refusal)."""
    try:
        scan = scan_gold(output)
    except OSError as error:
        raise AnnotatorError(f"{output}: cannot open: {error.strerror or error}") from None
    scan.refuse_damage(output)
    scan.refuse_not_gold(output)
    return {line.facts.doc_id: line.facts for line in scan.lines}


@dataclass(frozen=True)
class ResumeRule:
    """The rule documents merged anew on resuming are merged by (see ``resume_rule``)."""

    min_agree: int | None  # K, or None: every annotator
    adopted: bool  # the gold file's K, not given
    unknown: int  # latest lines that do not say their rule (written before it was kept)


def resume_rule(output: Path, facts: Iterable[LineFacts], given: int | None) -> ResumeRule:
    """The rule a resumed review merges documents anew by: the one the gold file's lines say
    they were merged by (``sources.min_agree``), else the one given; AnnotatorError when the
    lines say different rules, or every line says one and another is given. A resume
    without --min-agree re-merged a K=2 file's documents by every annotator, unsaid. Lines
    written before the rule was kept say none: beside them, the rule the others say holds."""
    rules = [line.min_agree for line in facts]
    kept = {rule for rule in rules if rule is not None}
    unknown = sum(1 for rule in rules if rule is None)
    said = ", ".join(sorted(rule_words(rule) for rule in kept))
    if len(kept) > 1:
        raise AnnotatorError(
            f"{output}: its documents were merged by different rules ({said}); "
            "review into a new gold file (-o NEW.jsonl)"
        )
    rule = next(iter(kept), None)
    if given is not None and rule is not None and given != rule:
        # Even beside lines that say no rule: documents merged anew by yet another would
        # leave the file refused as "merged by different rules" on the next resume.
        option = f"--min-agree {rule}" if isinstance(rule, int) else "no --min-agree"
        lead = (
            f"{output}: {len(rules) - unknown} of its documents were"
            if unknown
            else (f"{output} was")
        )
        raise AnnotatorError(
            f"{lead} merged with {said}, not --min-agree {given}: resume it with {option}, or "
            "review into a new gold file (-o NEW.jsonl)"
        )
    if given is not None or not isinstance(rule, int):
        return ResumeRule(given, False, unknown)
    return ResumeRule(rule, True, unknown)


def rule_words(rule: int | str | None) -> str:
    return f"--min-agree {rule}" if isinstance(rule, int) else "every annotator agreeing"
