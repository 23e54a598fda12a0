"""``annotator validate FILE... [--corpus PATH] [--scheme FILE|NAME]``."""

from __future__ import annotations

import argparse
import sys

from annotator.commands import scheme_from
from annotator.core.paths_given import corpus_given, paths_given
from annotator.core.rescue_taken import rescues_pending
from annotator.core.validate import validate_files


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
    checked: list[str] = []  # what was checked of a file that is not a journal
    problems = validate_files(files, corpus, scheme, warnings, checked)
    for line in problems + warnings:
        print(line)
    # What files other than journals were read as, and checked against, ends the summary: an
    # export with text told nothing of its texts being checked, or of the corpus not.
    said = "".join(f"; {what}" for what in checked)
    # One problem is its own message (a missing file, say); a count only helps with several.
    if len(problems) > 1:
        print(f"{len(problems)} problems found{said}", file=sys.stderr)
    elif problems and said:
        print(f"1 problem found{said}", file=sys.stderr)
    if problems:
        return 1
    warned = len(warnings) + len(pending)
    noted = f", {warned} warning(s) above" if warned else ""
    print(f"ok: {len(files)} file(s) valid{noted}{said}", file=sys.stderr)
    return 0
