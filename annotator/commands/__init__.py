"""Thin command wrappers: each parses its arguments, calls one core function and prints."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from annotator.core.errors import AnnotatorError
from annotator.core.paths_given import path_given
from annotator.core.scheme import Scheme, load_chosen_scheme, load_default_scheme, scheme_file

if TYPE_CHECKING:
    from rich.console import Console

# What --scheme names, said when it is given empty.
SCHEME = "the scheme, a .toml file or the name of a shipped scheme"


def scheme_given(word: str | None) -> str | None:
    """``--scheme``'s word, None when left out; given empty, refused (``path_given``): ``''``
    was taken for no --scheme, the default scheme used unsaid."""
    if word is not None:
        path_given(word, "--scheme", SCHEME, "the default scheme: leave --scheme out for it")
    return word


def scheme_from(word: str | None) -> Scheme:
    """The scheme named on the command line (a file or a shipped scheme's name), or the
    default one."""
    word = scheme_given(word)
    return load_chosen_scheme(word) if word else load_default_scheme()


def optional_scheme(word: str | None) -> Scheme | None:
    """The scheme named on the command line, or None when the command works without one."""
    word = scheme_given(word)
    return load_chosen_scheme(word) if word else None


def scheme_path_from(word: str | None) -> Path | None:
    """The file of the scheme named on the command line (None: the command's default), for
    the screens, which read the scheme's guidelines beside it."""
    word = scheme_given(word)
    return scheme_file(word) if word else None


def warn(line: str) -> None:
    """A reported item (something a format cannot hold, say): one line on stderr."""
    print(line, file=sys.stderr)


def print_json_and_notes(report: dict[str, Any]) -> None:
    """``report`` (agree's, diff's) as one JSON object on stdout, then its notes on stderr."""
    import orjson

    # Flushed before the notes on stderr, so that a terminal shows the object whole first.
    print(orjson.dumps(report).decode(), flush=True)
    # The notes are in the object too, but a reader of the terminal must see them.
    for line in report["notes"]:
        warn(f"note: {line}")


# Wide enough for the tables of agree and stats whatever the labels and names; a table only
# takes the width it needs.
FILE_WIDTH = 200


def table_console() -> Console:
    """A rich console for tables on stdout. Written to a file or a pipe (no terminal, no
    COLUMNS), rich would fit tables into 80 columns and cut their headers and cells to "…".

    Its tables measure a Hindi vowel sign as terminals draw it, one cell (``cell_widths``, as
    diff's report does): by rich's own count, none, agree's column of a Hindi annotator name
    or document id ran past its rule, and every rule after it stood right of the header's."""
    from rich.console import Console

    from annotator.core.cell_widths import measure_spacing_marks_as_drawn

    measure_spacing_marks_as_drawn()
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=FILE_WIDTH)


def require_terminal(command: str) -> None:
    """Refuse to start a full-screen app without a terminal on both ends.

    Without one (stdin from a file or /dev/null, output to a pipe) Textual would start anyway,
    write escape codes and wait for keys that never come. Called before anything is opened, so
    nothing is written either.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AnnotatorError(
            f"annotator {command} needs a terminal (stdin and stdout must be a tty)"
        )


class ScreenSession(Protocol):
    """A session a screen runs over: messages to show first; close says if all was written."""

    messages: list[str]

    def close(self, timeout: float | None = 10.0) -> bool: ...


def notices_shown(notices: list[str], app: object) -> int:
    """How many of the store's ``notices`` (so far) the screen showed: not those given as the
    quit flushed, the screen going (``SavingApp.notices_told``; an app without it, as a
    test's stand-in, showed every one given before closing). Those after it, and those
    closing gives, are for the exit to say."""
    told_then = getattr(app, "notices_told", None)
    return len(notices) if told_then is None else min(len(notices), told_then)


def run_screen(session: ScreenSession, run_app: Callable[[], object]) -> bool:
    """Print the session's messages, run the app, then close the session whatever happened.

    Returns whether everything was written.
    """
    from annotator.core.ending_signals import keep_again

    for message in session.messages:
        print(message, file=sys.stderr)
    try:
        run_app()
    finally:
        # The app's event loop, closing, gave the signals their defaults back: a SIGTERM
        # would end a closing still writing a rescue file, the lock left.
        keep_again()
        written = session.close()
    return written


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
    apps: list[ScreenApp] = []

    def run_app() -> None:
        app = make_app()
        apps.append(app)
        app.run()
        ended.append(app.return_code)

    written = run_screen(session, run_app)
    # Once the session is closed: what was not written, the rescue file holding it, a lock
    # left (``SavingApp.closing_words``, read from the closed store; an app without them, as
    # a test's stand-in, leaves the line below to say it).
    words = getattr(apps[0], "closing_words", None) if apps else None
    said: list[str] = words() if callable(words) else []
    for line in said:
        print(line, file=sys.stderr)
    if not written and not said:
        print(f"{journal}: some {saved_what} could not be written", file=sys.stderr)
    if ended and ended[0] != 0:
        print(
            f"annotator {command}: the screen closed unexpectedly (return code {ended[0]}); "
            f"what was saved before is in {journal}",
            file=sys.stderr,
        )
        return False
    return written
