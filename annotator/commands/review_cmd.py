"""``annotator review FILE... --corpus PATH -o GOLD.jsonl [--reviewer NAME]
[--scheme FILE|NAME [--leave-out-unknown]] [--min-agree K]``: settle the annotators'
conflicts into a gold file, on the review screen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from annotator.commands import (
    notices_shown,
    require_terminal,
    run_app_screen,
    scheme_path_from,
)
from annotator.commands.merge_cmd import reviewer_name
from annotator.core.errors import AnnotatorError
from annotator.core.goldfile import refuse_corpus_as_gold
from annotator.core.journals_kept import refuse_leave_out_without_scheme
from annotator.core.paths_given import CORPUS, path_given, paths_given

if TYPE_CHECKING:
    from annotator.core.review import ReviewSession


class _Request(TypedDict):
    """What ``check_review`` and ``open_review`` both take beyond the paths and reviewer."""

    scheme_path: Path | None
    min_agree: int | None
    leave_out_unknown: bool


def run(args: argparse.Namespace) -> int:
    refuse_leave_out_without_scheme(args.leave_out_unknown, args.scheme, "merged")
    # '' is refused, not taken for the working folder (``paths_given``).
    files = paths_given(args.files, "FILE", "an annotator's journal")
    corpus = path_given(args.corpus, "--corpus", CORPUS)
    output = path_given(args.output, "-o", "the gold file to write")
    reviewer, scheme_path = reviewer_name(args.reviewer), scheme_path_from(args.scheme)
    refuse_corpus_as_gold(output, corpus)
    # The one request, checked first when no screen can open, else opened.
    request: _Request = {
        "scheme_path": scheme_path,
        "min_agree": args.min_agree,
        "leave_out_unknown": args.leave_out_unknown,
    }
    try:
        require_terminal("review")
    except AnnotatorError:
        # A request that could never open the screen is refused for what is wrong with it
        # (a journal given as -o, a corpus not there), not only for want of a terminal; read
        # only, so nothing is locked or made.
        from annotator.core.review_check import check_review

        check_review(files, corpus, output, reviewer, **request)
        raise
    from annotator.core.ending_signals import signals_kept_while_locked

    # A SIGTERM, a hang-up or a SIGINT while the gold file is locked is kept for the screen,
    # which closes the session for it, from the opening on: it left the lock behind.
    with signals_kept_while_locked():
        return _opened_and_run(files, corpus, output, reviewer, request)


def _opened_and_run(
    files: list[Path], corpus: Path, output: Path, reviewer: str, request: _Request
) -> int:
    from annotator.core.review_open import open_review

    session = open_review(files, corpus, output, reviewer, **request)
    # Textual is imported only here, so other commands never load it.
    from annotator.tui.review_app import ReviewApp

    journal = session.store.journal
    said_at_exit = _SaidAtExit(session)

    def make_app() -> ReviewApp:
        app = said_at_exit.app = ReviewApp(session)
        return app

    if not run_app_screen("review", said_at_exit, make_app, journal, "decisions"):
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


class _SaidAtExit:
    """The review session as ``run_app_screen`` runs it, its start-up messages printed as it
    closes, as they stand then (``review_exit``), not before the screen: the screen hid them
    until it closed, and they were read there as said on exit (a document just merged anew
    named as one whose gold line stands). The screen shows them on opening, from the session."""

    def __init__(self, session: ReviewSession) -> None:
        self.session = session
        self.messages: list[str] = []  # none printed before the screen
        self.app: object = None  # the screen's app, once made

    def close(self, timeout: float | None = 10.0) -> bool:
        from annotator.core.review_exit import set_right_on_closing, start_up_lines_at_exit

        notices = self.session.store.notices
        told = notices_shown(notices, self.app)  # the rest, and closing's, said at exit
        try:
            lines = start_up_lines_at_exit(self.session)  # read before the gold file closes
        finally:
            written = self.session.close(timeout)
        # What the gold file's last check set right as it closed: the screen is gone.
        lines.append(set_right_on_closing(notices[told:]))
        for line in lines:
            if line:
                print(line, file=sys.stderr)
        return written
