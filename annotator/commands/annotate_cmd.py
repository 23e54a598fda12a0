"""``annotator annotate CORPUS [--annotator NAME] [--scheme FILE|NAME] [--out DIR]``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from annotator.commands import require_terminal, run_screen, scheme_path_from
from annotator.core.errors import AnnotatorError


def login_name(option: str = "--annotator") -> str:
    """The login name, the default name of who annotates (or reviews: ``option`` names the
    option to give instead, "--reviewer" for merge and review)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise AnnotatorError(f"cannot tell your login name: pass {option} NAME") from None


def run(args: argparse.Namespace) -> int:
    require_terminal("annotate")
    from annotator.core.journal_elsewhere import elsewhere_message, find_journal_elsewhere
    from annotator.core.session import open_session

    scheme = scheme_path_from(args.scheme)
    annotator = args.annotator or login_name()
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

    ended: list[int | None] = []  # the app's return code, once it has run

    def run_app() -> None:
        app = AnnotatorApp(session)
        app.run()
        ended.append(app.return_code)

    written = run_screen(session, run_app)
    if not written:
        print(f"{session.journal}: some changes could not be written", file=sys.stderr)
    if ended and ended[0] != 0:
        # Not quit by the person (q, ctrl+q): an error or a cancellation ended the screen.
        # A trial's screen closed with exit 0 and no word, mid-work.
        print(
            f"annotator annotate: the screen closed unexpectedly (return code {ended[0]}); "
            f"what was saved before is in {session.journal}",
            file=sys.stderr,
        )
        return 1
    return 0 if written else 1
