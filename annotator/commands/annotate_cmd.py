"""``annotator annotate CORPUS [--annotator NAME] [--scheme FILE|NAME] [--out DIR]``."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.commands import (
    notices_shown,
    require_terminal,
    run_app_screen,
    scheme_path_from,
)
from annotator.core.errors import AnnotatorError
from annotator.core.paths_given import CORPUS, path_given
from annotator.core.scheme import load_scheme

if TYPE_CHECKING:
    from annotator.core.journal_elsewhere import NoJournalYet
    from annotator.core.session import AnnotationSession


def login_name(option: str = "--annotator") -> str:
    """The login name, the default name of who annotates (or reviews: ``option`` names the
    option to give instead, "--reviewer" for merge and review), held to annotate's rule."""
    from annotator.core.session import ANNOTATOR_NAME

    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        raise AnnotatorError(f"cannot tell your login name: pass {option} NAME") from None
    if not ANNOTATOR_NAME.match(name):
        raise AnnotatorError(
            f"your login name {name!r} is not a name annotate takes (letters, digits, '.', "
            f"'_', '-' or '@', beginning with a letter or digit): pass {option} NAME"
        )
    return name


def chosen_name(given: str | None) -> str:
    """The name given with --annotator, held to annotate's rule (an empty one too: it was
    taken for no name, and the login name used unsaid), else the login name."""
    from annotator.core.rename_annotator import check_annotator_name

    if given is None:
        return login_name()
    check_annotator_name("--annotator", given)
    return given


def check_out_folder(out: str) -> None:
    """Refuse an ``--out`` that is no folder, or whose ``annotations`` is none, before the
    screen: a file given said "OUT/annotations/NAME.jsonl: cannot open: Not a directory"."""
    from annotator.core.corpus import path_kind

    # Not taken for the working folder unsaid (the default, ., says it).
    path_given(out, "--out", "the folder annotate keeps annotations/ in")
    if Path(out).exists() and not Path(out).is_dir():
        raise AnnotatorError(
            f"{out}: is {path_kind(Path(out))}, and --out must be a folder (annotate keeps "
            "the journal in its annotations/ folder)"
        )
    journals = Path(out) / "annotations"
    if journals.exists() and not journals.is_dir():
        raise AnnotatorError(
            f"{journals}: is {path_kind(journals)}; annotate keeps the journals in a folder of "
            "that name: move it, or give another --out"
        )


def run(args: argparse.Namespace) -> int:
    corpus = path_given(args.corpus, "corpus", CORPUS)  # '' opened the working folder
    scheme = scheme_path_from(args.scheme)
    if scheme is not None:
        # Before the terminal is asked for, as review does: a scheme's problems are said
        # wherever the command runs, every one of them (schema check's lines).
        load_scheme(scheme)
    annotator = chosen_name(args.annotator)
    check_out_folder(args.out)
    require_terminal("annotate")
    from annotator.core.ending_signals import signals_kept_while_locked

    # A SIGTERM, a hang-up or a SIGINT while the journal is locked is kept for the screen,
    # which closes the session for it, from the opening on: it left the lock behind.
    with signals_kept_while_locked():
        return _opened_and_run(args, corpus, annotator, scheme)


def _opened_and_run(
    args: argparse.Namespace, corpus: Path, annotator: str, scheme: Path | None
) -> int:
    from annotator.core.session import open_session

    # Before any text is read: a text whose file changed since is hashed again at the exit.
    started_ns = time.time_ns()
    session = open_session(corpus, annotator, scheme, Path(args.out))
    # A new journal while one of this corpus is beside it: the first thing the screen says
    # (until the first save makes the journal: ``NoJournalYet``).
    no_journal_yet = _journal_elsewhere(args, corpus, annotator, session)
    if no_journal_yet is not None:
        session.messages.insert(0, no_journal_yet)
    # Textual is imported only here, so other commands never load it.
    from annotator.tui.app import AnnotatorApp

    closing = _SetRightAtExit(session)

    def make_app() -> AnnotatorApp:
        app = closing.app = AnnotatorApp(session)
        return app

    quit_well = run_app_screen("annotate", closing, make_app, session.journal, "changes")
    if quit_well:
        # Where the work is, once the screen is gone: a trial's annotator quit to a shell
        # that said nothing, and asked where the journal was.
        from annotator.core.journal_summary import exit_summary

        print(exit_summary(session, session.journal, started_ns), file=sys.stderr)
        # What the start said of the records under the scheme, said of them as they are now
        # (nothing, once none is left): the start's line, printed before the screen, stood
        # after it out of date (a trial removed every span the scheme lacked, and it still
        # asked for the old scheme).
        # The other journal, only if there is still no journal here (nothing saved): said
        # before the screen, it stood above "your work is saved to" the journal made since.
        still = _journal_elsewhere(args, corpus, annotator, session)
        for line in ([still] if still is not None else []) + session.scheme_notices(at_exit=True):
            print(line, file=sys.stderr)
    return 0 if quit_well else 1


def _journal_elsewhere(
    args: argparse.Namespace, corpus: Path, annotator: str, session: AnnotationSession
) -> NoJournalYet | None:
    """The line naming a journal of this corpus elsewhere while the session's does not exist
    (``find_journal_elsewhere``), with the command opening it; None when there is none."""
    from annotator.core.journal_elsewhere import elsewhere_message, find_journal_elsewhere

    journal = session.store.journal
    found = find_journal_elsewhere(corpus, session.corpus, annotator, journal)
    if found is None:
        return None
    return elsewhere_message(
        found,
        journal,
        args.corpus,
        annotator,
        annotator_given=args.annotator is not None,
        scheme_arg=args.scheme,
    )


class _SetRightAtExit:
    """The session as ``run_app_screen`` runs it, saying as it closes, in one line, what the
    journal's checks set right once the screen was going (``journal_guard.set_right_on_closing``):
    another program replaced the journal, appended to it or cut it, and the check before the
    quit's last line, or closing's, wrote it again whole (what it found kept aside) or moved
    the bytes aside. That was told to the screen, gone by then, and the exit said nothing of
    it. Said before the exit's other lines, as the review says its gold file's."""

    def __init__(self, session: AnnotationSession) -> None:
        from annotator.core.journal_elsewhere import NoJournalYet

        self.session = session
        # Printed before the screen, as they were; not the notices of the records under the
        # scheme, nor the journal elsewhere, which the exit says again as they are then.
        at_start = set(session.scheme_notices())
        self.messages = [
            line
            for line in session.messages
            if line not in at_start and not isinstance(line, NoJournalYet)
        ]
        self.app: object = None  # the screen's app, once made

    def close(self, timeout: float | None = 10.0) -> bool:
        from annotator.core.journal_guard import set_right_on_closing

        notices = self.session.store.notices
        told = notices_shown(notices, self.app)  # the rest, and closing's, said at exit
        written = self.session.close(timeout)
        line = set_right_on_closing("the session", notices[told:])
        if line:
            print(line, file=sys.stderr)
        return written
