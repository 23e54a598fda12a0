"""Paths named on the command line, refused when empty: ``Path("")`` is the current folder,
and an empty argument (a variable unset in a script, ``''`` typed) was taken for it unsaid:
``annotate ''`` opened the working folder as the corpus, ``export --corpus ''`` and ``agree
--corpus ''`` ran as if no corpus had been given. One rule for every command that takes a
path: one line naming the option, exit 1."""

from __future__ import annotations

from pathlib import Path

from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError

# What a corpus is, as ``corpus.open_corpus`` says it.
CORPUS = "the corpus, a folder of .txt files or a .jsonl file"


def path_given(value: str, option: str, what: str) -> Path:
    """``value`` as a path, ``option`` ("--corpus", "-o", "CORPUS") naming it; refused when
    empty, ``what`` saying what to name instead ("the gold file to write")."""
    if not value:
        raise AnnotatorError(
            f"{option}: the path is empty: name {what} (an empty path is not taken for the "
            "current folder: give . for it)"
        )
    return Path(value)


def optional_path_given(value: str | None, option: str, what: str) -> Path | None:
    """``path_given`` for an option that may be left out (None): left out is no path, given
    empty is refused, not taken for left out."""
    return None if value is None else path_given(value, option, what)


def corpus_given(value: str | None) -> Corpus | None:
    """The corpus ``--corpus`` names, opened; None when the option is left out (refused when
    given empty: ``path_given``)."""
    path = optional_path_given(value, "--corpus", CORPUS)
    return None if path is None else open_corpus(path)
