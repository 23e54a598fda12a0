"""Paths named on the command line, refused when empty: ``Path("")`` is the current folder,
and an empty argument (a variable unset in a script, ``''`` typed) was taken for it unsaid:
``annotate ''`` opened the working folder as the corpus, ``export --corpus ''`` and ``agree
--corpus ''`` ran as if no corpus had been given. One rule for every command that takes a
path: one line naming the option, exit 1. ``--scheme ''`` was the default scheme unsaid, and
``import ''`` imported the working folder; ``validate ''`` said ``.: cannot read``."""

from __future__ import annotations

from pathlib import Path

from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError

# What a corpus is, as ``corpus.open_corpus`` says it.
CORPUS = "the corpus, a folder of .txt files or a .jsonl file"


# What an empty path is not taken for, said after the refusal.
NOT_CURRENT = "the current folder: give . for it"


def path_given(value: str, option: str, what: str, not_taken_for: str = NOT_CURRENT) -> Path:
    """``value`` as a path, ``option`` ("--corpus", "-o", "CORPUS") naming it; refused when
    empty, ``what`` saying what to name instead ("the gold file to write"), ``not_taken_for``
    what the empty path was wrongly taken for and how to ask for that."""
    if not value:
        raise AnnotatorError(
            f"{option}: the path is empty: name {what} (an empty path is not taken for "
            f"{not_taken_for})"
        )
    return Path(value)


def paths_given(values: list[str], option: str, what: str) -> list[Path]:
    """``path_given`` for each of a command's files (``FILE...``): an empty one refused."""
    return [path_given(value, option, what) for value in values]


def optional_path_given(value: str | None, option: str, what: str) -> Path | None:
    """``path_given`` for an option that may be left out (None): left out is no path, given
    empty is refused, not taken for left out."""
    return None if value is None else path_given(value, option, what)


def corpus_given(value: str | None) -> Corpus | None:
    """The corpus ``--corpus`` names, opened; None when the option is left out (refused when
    given empty: ``path_given``)."""
    path = optional_path_given(value, "--corpus", CORPUS)
    return None if path is None else open_corpus(path)
