"""``annotator review FILE... --corpus PATH -o GOLD.jsonl [--reviewer NAME]
[--scheme FILE|NAME] [--min-agree K]``: settle the annotators' conflicts into a gold file, on
the review screen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.commands import require_terminal, run_screen, scheme_path_from
from annotator.commands.annotate_cmd import login_name


def run(args: argparse.Namespace) -> int:
    require_terminal("review")
    from annotator.core.review_open import open_review

    session = open_review(
        [Path(name) for name in args.files],
        Path(args.corpus),
        Path(args.output),
        args.reviewer or login_name(),
        scheme_path=scheme_path_from(args.scheme),
        min_agree=args.min_agree,
    )
    # Textual is imported only here, so other commands never load it.
    from annotator.tui.review_app import ReviewApp

    if not run_screen(session, lambda: ReviewApp(session).run()):
        print(f"{session.store.journal}: some decisions could not be written", file=sys.stderr)
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
