"""``annotator annotate CORPUS [--annotator NAME] [--scheme FILE|NAME] [--out DIR]``."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path

from annotator.commands import require_terminal, run_app_screen, scheme_path_from
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme


def login_name(option: str = "--annotator") -> str:
    """The login name, the default name of who annotates (or reviews: ``option`` names the
    option to give instead, "--reviewer" for merge and review)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise AnnotatorError(f"cannot tell your login name: pass {option} NAME") from None


def run(args: argparse.Namespace) -> int:
    scheme = scheme_path_from(args.scheme)
    if scheme is not None:
        # Before the terminal is asked for, as review does: a scheme's problems are said
        # wherever the command runs, every one of them (schema check's lines).
        load_scheme(scheme)
    require_terminal("annotate")
    from annotator.core.journal_elsewhere import elsewhere_message, find_journal_elsewhere
    from annotator.core.session import open_session

    annotator = args.annotator or login_name()
    # Before any text is read: a text whose file changed since is hashed again at the exit.
    started_ns = time.time_ns()
    session = open_session(Path(args.corpus), annotator, scheme, Path(args.out))
    # A new journal while one of this corpus is beside it: the first thing the screen says.
    found = find_journal_elsewhere(
        Path(args.corpus), session.corpus, annotator, session.store.journal
    )
    if found is not None:
        message = elsewhere_message(
            found,
            session.store.journal,
            args.corpus,
            annotator,
            annotator_given=args.annotator is not None,
            scheme_arg=args.scheme,
        )
        session.messages.insert(0, message)
    # Textual is imported only here, so other commands never load it.
    from annotator.tui.app import AnnotatorApp

    quit_well = run_app_screen(
        "annotate", session, lambda: AnnotatorApp(session), session.journal, "changes"
    )
    if quit_well:
        # Where the work is, once the screen is gone: a trial's annotator quit to a shell
        # that said nothing, and asked where the journal was.
        from annotator.core.journal_summary import exit_summary

        print(exit_summary(session, session.journal, started_ns), file=sys.stderr)
    return 0 if quit_well else 1
