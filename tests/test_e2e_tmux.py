"""End to end in a real terminal: ``annotator annotate`` in tmux, driven by keys, checked on disk.

A person's session in miniature: select words with shift+arrows, label them with the number keys,
find text with ``/``, nest a span in another, choose the event type in the form by keyboard, mark
the document done, quit; then the journal must hold exactly those spans and pass
``annotator validate --corpus``. The test runs its own tmux server (``-L``), so it never touches a
tmux the person running the tests has open. Without tmux it is skipped, except in CI (CI=true),
where a missing tmux is a failure: .ci/run installs it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

pytestmark = pytest.mark.tmux

CORPUS = Path(__file__).parent / "fixtures" / "snapshot_docs"
FIRST = "01-russia-ukraine-swap"
SECOND = "02-tamore-hostages-freed"
TIMEOUT = 20.0


def _clean_environment() -> dict[str, str]:
    """Our environment without COLUMNS and LINES.

    Textual sizes its screen by ``shutil.get_terminal_size``, which believes COLUMNS and LINES
    over the terminal itself. They can be in the process's C environment without being in
    ``os.environ`` (readline sets them when it is loaded, as under pytest), and a child started
    with the inherited environment would draw an 80x24 screen in the 160x45 pane."""
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}


class Terminal:
    """One tmux session on a private server: send keys, read the screen."""

    def __init__(self, tmux: str, command: str, width: int = 160, height: int = 45) -> None:
        self.tmux = tmux
        self.socket = f"annotator-e2e-{uuid.uuid4().hex[:12]}"
        self.name = "e2e"
        self._run(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), command
        )
        self._socket_path = self._run("display", "-p", "#{socket_path}").stdout.strip()

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-u", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            env=_clean_environment(),
        )

    def keys(self, *keys: str, times: int = 1, literal: bool = False) -> None:
        repeat = ["-N", str(times)] if times > 1 else []
        self._run("send-keys", "-t", self.name, *repeat, *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        result = self._run("capture-pane", "-p", "-t", self.name, check=False)
        return result.stdout

    def size(self) -> str:
        shown = self._run("display", "-p", "-t", self.name, "#{pane_width}x#{pane_height}")
        return shown.stdout.strip()

    def program_pid(self) -> int:
        """The process id of the program the session runs."""
        return int(self._run("display", "-p", "-t", self.name, "#{pane_pid}").stdout)

    def running(self) -> bool:
        return self._run("has-session", "-t", self.name, check=False).returncode == 0

    def wait(self, what: str, condition: Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if condition(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {timeout:.0f} s for {what}; the screen ({self.size()}):\n{shown}"
                )
            time.sleep(0.05)

    def wait_for_text(self, text: str, timeout: float = TIMEOUT) -> str:
        return self.wait(repr(text), lambda shown: text in shown, timeout)

    def leave_article(self, key: str, what: str) -> None:
        """Press ``key`` and wait until the article has lost the focus (its keys leave the
        footer): only then is it safe to type, and to expect escape to bring them back."""
        self.keys(key)
        self.wait(what, lambda shown: "Delete span" not in footer(shown))

    def search(self) -> None:
        """/ opens the search line; it keeps the last query, so clear it (ctrl+a, ctrl+k)."""
        self.leave_article("/", "the search line to take the focus")
        self.keys("C-a")
        self.keys("C-k")

    def wait_for_article(self) -> None:
        """Wait until the article has the focus (its keys are in the footer)."""
        self.wait("the article to have the focus", lambda shown: "Delete span" in footer(shown))

    def back_to_article(self) -> None:
        """escape, then wait until the article has the focus again (its keys are in the footer).

        A key sent right after escape would reach the app as alt+key, as in any terminal."""
        self.keys("Escape")
        self.wait("the article to have the focus", lambda shown: "Delete span" in footer(shown))

    def wait_until_ended(self, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while self.running():
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not end; the screen:\n{self.screen()}")
            time.sleep(0.05)

    def kill(self) -> None:
        """End the server and the app in it, and remove the server's socket."""
        self._run("kill-server", check=False)
        if self._socket_path:
            Path(self._socket_path).unlink(missing_ok=True)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def footer(screen: str) -> str:
    lines = screen.rstrip("\n").splitlines()
    return lines[-1] if lines else ""


def last_records(journal: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for line in journal.read_bytes().splitlines():
        record = orjson.loads(line)
        records[record["doc_id"]] = record
    return records


def test_label_spans_fill_form_mark_done_quit_and_validate(
    tmux: str, corpus: Path, tmp_path: Path
) -> None:
    program = Path(sys.executable).parent / "annotator"
    out = tmp_path / "out"
    status_file = tmp_path / "exit-status"
    command = (
        f"{shlex.quote(str(program))} annotate {shlex.quote(str(corpus))} --annotator e2e "
        f"--out {shlex.quote(str(out))}; echo $? > {shlex.quote(str(status_file))}"
    )
    terminal = Terminal(tmux, command)
    try:
        terminal.wait_for_text("Russia and Ukraine each sent back")
        assert f"1/2  {FIRST}" in terminal.screen()

        # "Russia" (16..22): sixteen steps right, six shift+right, 1 = actor.
        terminal.keys("Right", times=16)
        terminal.keys("S-Right", times=6)
        terminal.keys("1")
        terminal.wait_for_text("actor (1)")
        # The cursor is now after "Russia"; "Ukraine" is 27..34.
        terminal.keys("Right", times=5)
        terminal.keys("S-Right", times=7)
        terminal.keys("1")
        terminal.wait_for_text("actor (2)")

        # Find "Sunday" with / and label it date (3).
        terminal.search()
        terminal.keys("Sunday", literal=True)
        terminal.keys("Enter")  # selects the match and gives the article the focus back
        terminal.wait_for_article()
        terminal.keys("3")
        terminal.wait_for_text("date (1)")

        # Find "146" and label it count (2); then "146 Russian servicemen" around it, releasee.
        terminal.search()
        terminal.keys("146", literal=True)
        terminal.keys("Enter")
        terminal.wait_for_article()
        terminal.keys("2")
        terminal.wait_for_text("count (1)")
        terminal.keys("Left", times=3)
        terminal.keys("S-Right", times=22)
        terminal.keys("4")
        terminal.wait_for_text("releasee (1)")

        # d is refused while event_type is empty; the document stays.
        terminal.keys("d")
        terminal.wait_for_text("fill the required field")
        assert f"1/2  {FIRST}" in terminal.screen()

        # o goes to the form (event_type first): enter opens the choices, down, enter picks
        # "exchange"; escape returns to the article.
        terminal.leave_article("o", "the form to take the focus")
        terminal.keys("Enter")
        terminal.wait_for_text("unilateral_release")
        terminal.keys("Down")
        terminal.keys("Enter")
        terminal.wait(
            "the choice to close on exchange",
            lambda s: "unilateral_release" not in s and "exchange " in s.split("event_type*")[-1],
        )
        terminal.back_to_article()

        # d marks done and opens the next unfinished document; q quits.
        terminal.keys("d")
        terminal.wait_for_text(f"2/2  {SECOND}")
        terminal.wait_for_text("done 1/2")
        terminal.keys("q")
        terminal.wait_until_ended()
    finally:
        terminal.kill()

    assert status_file.read_text().strip() == "0"
    journal = out / "annotations" / "e2e.jsonl"
    records = last_records(journal)
    assert set(records) == {FIRST}
    record = records[FIRST]
    assert record["status"] == "done"
    assert record["annotator"] == "e2e"
    assert record["form"]["event_type"] == "exchange"
    spans = [
        (s["id"], s["start"], s["end"], s["label"], s["text"], s["value"]) for s in record["spans"]
    ]
    assert spans == [
        ("s1", 16, 22, "actor", "Russia", None),
        ("s2", 27, 34, "actor", "Ukraine", None),
        ("s3", 75, 81, "date", "Sunday", "2025-08-24"),
        ("s4", 710, 713, "count", "146", 146),
        ("s5", 710, 732, "releasee", "146 Russian servicemen", None),
    ]

    validated = subprocess.run(
        [str(program), "validate", str(journal), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr


def test_a_closed_terminal_saves_the_typing_as_a_quit_does(
    tmux: str, corpus: Path, tmp_path: Path
) -> None:
    # A trial closed the terminal 0.2 s after typing a note (an SSH connection dropping): the
    # process ended at the hangup, before the pause save, and the note was lost. Closing the
    # tmux server hangs the pane's terminal up, as a dropped connection does.
    program = Path(sys.executable).parent / "annotator"
    out = tmp_path / "out"
    command = (
        f"{shlex.quote(str(program))} annotate {shlex.quote(str(corpus))} --annotator e2e "
        f"--out {shlex.quote(str(out))}"
    )
    terminal = Terminal(tmux, command)
    journal = out / "annotations" / "e2e.jsonl"
    try:
        terminal.wait_for_text("Russia and Ukraine each sent back")
        terminal.leave_article("o", "the form to take the focus")  # event_type
        terminal.keys("Tab")  # + add to releases
        terminal.keys("Tab")  # the note
        terminal.keys("typed before hangup", literal=True)
        # All of it shown (a loaded run drew "typed before hangu" and the hangup came before
        # the last key was read): what the screen holds is what a hangup must save.
        terminal.wait("the note to show the typing", lambda s: "typed before hangup" in s)
        # Closed at once: the pause save is a second away.
    finally:
        terminal.kill()
    deadline = time.monotonic() + TIMEOUT
    while not (journal.exists() and FIRST in last_records(journal)):
        assert time.monotonic() < deadline, "the typing was never saved after the hangup"
        time.sleep(0.05)
    assert last_records(journal)[FIRST]["note"] == "typed before hangup"


def _process_ended(pid: int) -> bool:
    """Whether ``pid`` has ended: gone, or a zombie its new parent has not reaped yet."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    except OSError:  # no /proc here
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return state == "Z"


def test_a_hangup_amid_a_flood_of_output_ends_the_process(
    tmux: str, corpus: Path, tmp_path: Path
) -> None:
    # A trial on a 1 MB article typed a note, pressed escape, sent 40 PageDown and closed the
    # terminal at once: the process lived on (47 s and more), holding the journal's lock, 1
    # time in 3. Textual's output thread died on its first write to the gone terminal, and
    # the redraws waiting for it filled its queue: its shutdown waited forever to stop it.
    from annotator.core.lock import lock_path

    paragraphs = [
        paragraph
        for text_file in sorted(CORPUS.glob("*.txt"))
        for paragraph in text_file.read_text(encoding="utf-8").split("\n\n")[1:]
        if paragraph.strip()
    ]
    text = "date 2025-08-24 A long article.\n\n"
    while len(text) < 1_000_000:
        text += "\n\n".join(paragraphs) + "\n\n"
    documents = tmp_path / "long.jsonl"
    documents.write_bytes(orjson.dumps({"id": "long", "text": text}) + b"\n")
    program = Path(sys.executable).parent / "annotator"
    out = tmp_path / "out"
    command = (
        f"{shlex.quote(str(program))} annotate {shlex.quote(str(documents))} --annotator e2e "
        f"--out {shlex.quote(str(out))}"
    )
    terminal = Terminal(tmux, command)
    journal = out / "annotations" / "e2e.jsonl"
    try:
        terminal.wait_for_article()
        pid = terminal.program_pid()
        terminal.leave_article("o", "the form to take the focus")
        terminal.keys("BTab")  # from the form's first field round to the note
        terminal.keys("saved before the flood", literal=True)
        terminal.wait("the note to show the typing", lambda s: "saved before the flood" in s)
        terminal.back_to_article()  # escape saves the note
        terminal.keys("PageDown", times=40)
    finally:
        terminal.kill()  # at once, the PageDowns' redraws on their way
    deadline = time.monotonic() + TIMEOUT
    while not _process_ended(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if not _process_ended(pid):
        os.kill(pid, signal.SIGKILL)  # not left behind by the test
        raise AssertionError(f"the process lived on {TIMEOUT:.0f} s after the hangup")
    assert not lock_path(journal).exists()
    assert last_records(journal)["long"]["note"] == "saved before the flood"
