"""``annotator validate FILE... [--corpus PATH] [--scheme FILE|NAME]``."""

from __future__ import annotations

import argparse
import sys

from annotator.commands import scheme_from
from annotator.core.paths_given import corpus_given, paths_given
from annotator.core.rescue_taken import rescues_pending
from annotator.core.validate import validate_files
from annotator.core.validate_summary import FileRead, problems_summary, valid_summary


def run(args: argparse.Namespace) -> int:
    scheme = scheme_from(args.scheme)
    corpus = corpus_given(args.corpus)  # '' refused, not taken for none
    files = paths_given(args.files, "FILE", "the file to check")  # '' was said as '.'
    # A journal missing changes a session could not write is not invalid: a warning, said
    # first, on stderr as every reading command says it, and counted with the others.
    pending = rescues_pending(files)
    for line in pending:
        print(line, file=sys.stderr)
    warnings: list[str] = []
    read: list[FileRead] = []  # what each file was read as, for the summary
    # Superseded lines that do not fit the scheme: history, one line a file, no problem.
    history: list[str] = []
    problems = validate_files(files, corpus, scheme, warnings, read, history)
    for line in problems + warnings + history:
        print(line)
    if problems:
        said = problems_summary(len(problems), read, bool(warnings or history), len(history))
        if said is not None:
            print(said, file=sys.stderr)
        return 1
    warned = len(warnings) + len(pending)
    print(valid_summary(read, len(files), corpus, warned, len(history)), file=sys.stderr)
    return 0
