"""``annotator review FILE... --corpus PATH -o GOLD.jsonl [--reviewer NAME]
[--scheme FILE|NAME] [--min-agree K]``: settle the annotators' conflicts into a gold file, on
the review screen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.commands import require_terminal, run_app_screen, scheme_path_from
from annotator.commands.annotate_cmd import login_name
from annotator.core.errors import AnnotatorError


def run(args: argparse.Namespace) -> int:
    files = [Path(name) for name in args.files]
    corpus, output = Path(args.corpus), Path(args.output)
    reviewer, scheme_path = args.reviewer or login_name("--reviewer"), scheme_path_from(args.scheme)
    try:
        require_terminal("review")
    except AnnotatorError:
        # A request that could never open the screen is refused for what is wrong with it
        # (a journal given as -o, a corpus not there), not only for want of a terminal; read
        # only, so nothing is locked or made.
        from annotator.core.review_check import check_review

        check_review(
            files, corpus, output, reviewer, scheme_path=scheme_path, min_agree=args.min_agree
        )
        raise
    from annotator.core.review_open import open_review

    session = open_review(
        files, corpus, output, reviewer, scheme_path=scheme_path, min_agree=args.min_agree
    )
    # Textual is imported only here, so other commands never load it.
    from annotator.tui.review_app import ReviewApp

    journal = session.store.journal
    if not run_app_screen("review", session, lambda: ReviewApp(session), journal, "decisions"):
        return 1
    left = session.conflicts_left()
    if left:
        print(
            f"{session.store.journal}: {left} conflict(s) left in {session.documents_left()} "
            "document(s); run the same command again to continue",
            file=sys.stderr,
        )
    else:
        print(session.summary(), file=sys.stderr)
    return 0
