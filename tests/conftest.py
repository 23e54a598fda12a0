"""Shared fixtures: small corpora and records built in temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.notifications import Notification

from annotator.core.models import sha256_text

# How much longer a message stays in a test than it would for a person (see below).
MESSAGES_OUTLAST = 60


@pytest.fixture(autouse=True)
def messages_outlast_a_loaded_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages stay up 60 times as long as they are asked to: tests look for a message on
    screen, and a CI run loaded by other work once stalled longer than a message's 5 s between
    the key that told it and the test's look, so the message had gone (a search's "match 1 of
    7"). A test asserts what the app says, not how fast it gets there; what a message asks for
    is unchanged (tests that check a timeout read what was asked)."""

    def time_left(notification: Notification) -> float:
        stays = notification.timeout * MESSAGES_OUTLAST
        return notification.raised_at + stays - time.time()

    monkeypatch.setattr(Notification, "time_left", property(time_left))


ARTICLE = "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("date 2024-01-02 Two 🕊️ doves.\n", encoding="utf-8")
    return folder


def make_record(text: str = ARTICLE, **changes: Any) -> dict[str, Any]:
    """A valid record of ``text`` (as a dict, ready to change and dump)."""
    start = text.find("Russia")
    record: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": "a",
        "doc_sha256": sha256_text(text),
        "annotator": "alice",
        "status": "in_progress",
        "spans": [
            {"id": "s1", "start": start, "end": start + 6, "label": "actor", "text": "Russia"}
        ],
    }
    record.update(changes)
    return record


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, *lines: dict[str, Any] | bytes | str) -> Path:
        path = tmp_path / name
        out = b""
        for line in lines:
            if isinstance(line, dict):
                out += orjson.dumps(line) + b"\n"
            elif isinstance(line, str):
                out += line.encode() + b"\n"
            else:
                out += line
        path.write_bytes(out)
        return path

    return write


@pytest.fixture
def tmux() -> str:
    """The tmux program for end-to-end tests: skipped without it, except in CI where it fails."""
    found = shutil.which("tmux")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is missing: the end-to-end test must run in CI (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    return found


@pytest.fixture
def holder() -> Iterator[int]:
    """The id of a live process on this machine, to name in a lock file (as a running session
    would hold it)."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own (``Path.home``): rescue files are written there."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setattr(Path, "home", lambda: folder)
    return folder
