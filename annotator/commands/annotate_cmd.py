"""``annotator annotate CORPUS [--annotator NAME] [--scheme FILE|NAME] [--out DIR]``."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from annotator.commands import ScreenSession, require_terminal, run_screen, scheme_path_from
from annotator.core.errors import AnnotatorError


def login_name(option: str = "--annotator") -> str:
    """The login name, the default name of who annotates (or reviews: ``option`` names the
    option to give instead, "--reviewer" for merge and review)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise AnnotatorError(f"cannot tell your login name: pass {option} NAME") from None


class ScreenApp(Protocol):
    """A screen's app: it runs until it ends, with a return code (0: quit by the person)."""

    @property
    def return_code(self) -> int | None: ...

    def run(self) -> object: ...


def run_app_screen(
    command: str,
    session: ScreenSession,
    make_app: Callable[[], ScreenApp],
    journal: Path,
    saved_what: str,
) -> bool:
    """Run the app ``make_app`` makes over ``session`` (``run_screen``) and say on stderr what
    went wrong: lines of ``saved_what`` ("changes", "decisions") not written to ``journal``,
    or a screen ended by anything but a quit (an error, a cancellation: a return code not
    0). True when neither: the command exits 0. Both screens' commands share it: each
    ignored its app's return code, and a trial's screen closed mid-work with exit 0, unsaid."""
    ended: list[int | None] = []  # the app's return code, once it has run

    def run_app() -> None:
        app = make_app()
        app.run()
        ended.append(app.return_code)

    written = run_screen(session, run_app)
    if not written:
        print(f"{journal}: some {saved_what} could not be written", file=sys.stderr)
    if ended and ended[0] != 0:
        print(
            f"annotator {command}: the screen closed unexpectedly (return code {ended[0]}); "
            f"what was saved before is in {journal}",
            file=sys.stderr,
        )
        return False
    return written


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

    quit_well = run_app_screen(
        "annotate", session, lambda: AnnotatorApp(session), session.journal, "changes"
    )
    return 0 if quit_well else 1
