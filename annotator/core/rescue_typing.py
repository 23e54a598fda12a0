"""Typing a field refuses, shown when the session ended without a quit (a hangup, a SIGTERM).

A quit with such text shown (``twelvex`` in a date) stops and says it is not saved; a hangup
cannot ask, and it closed the session without it, saying nothing then or at the next start: the
typing was dropped unsaid. Now the app hands what it shows to ``keep_refused_typing``, which
writes it beside the rescue files (the home folder, else ``/tmp``), and the next opening of the
journal for writing says it (``refused_typing_said``): "at the hang-up (…), releases #1 date
showed 'twelvex', which it refuses: not saved". The file is then renamed ``.said``, kept. A
review's editor holding typing at a hangup is kept and said alike (``GoldStore``): "at the
hang-up (…), an editor held the value typed for c1, 'kelpie', no decision until enter …".
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import orjson

from annotator.core.journal_guard import utc_stamp
from annotator.core.store_rescue import journal_tag, rescue_folders, write_rescue_named

SAID = ".said"  # a note said is renamed so: kept, and not said again


def typing_prefix(journal: Path) -> str:
    """``annotator-refused-<journal's name>-<journal_tag>-``: how the journal's notes begin."""
    stem = re.sub(r"[^A-Za-z0-9._@-]", "_", journal.stem)
    return f"annotator-refused-{stem}-{journal_tag(journal)}-"


def keep_refused_typing(
    journal: Path, shown: list[str], why: str = "the hang-up", *, settling: bool = False
) -> Path | None:
    """Write ``shown`` (each as the quit names it: "releases #1 date shows 'twelvex'") to a
    note the next opening of ``journal`` says; the note (None: nothing shown, or no folder
    took it). ``why``: what ended the session, in the words said. ``settling``: typing in a
    review's editor, not refused but no decision until enter settles with it ("the value
    typed for c1, 'kelpie'")."""
    if not shown:
        return None
    at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    facts = {"journal": str(journal), "at": at, "why": why, "shown": shown}
    data = orjson.dumps(facts | ({"settling": True} if settling else {}))
    name = f"{typing_prefix(journal)}{utc_stamp()}.json"
    return write_rescue_named(name, data + b"\n", rescue_folders())


def refused_typing_said(journal: Path) -> list[str]:
    """What the journal's notes hold, one line each thing shown, oldest first; each note is
    then renamed ``.said`` (one that cannot be read is named, and left)."""
    prefix = typing_prefix(journal)
    notes: list[Path] = []
    seen: set[str] = set()
    for folder in rescue_folders():
        where = os.path.realpath(folder)
        if where in seen:
            continue
        seen.add(where)
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        notes += [folder / n for n in names if n.startswith(prefix) and n.endswith(".json")]
    said: list[str] = []
    for note in sorted(notes, key=lambda path: path.name):
        try:
            held = orjson.loads(note.read_bytes())
            at, why, shown = str(held["at"]), str(held["why"]), [str(s) for s in held["shown"]]
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError) as error:
            said.append(f"{journal}: {note} holds typing a session did not save; unread: {error}")
            continue
        for each in shown:
            if held.get("settling"):
                said.append(
                    f"{journal}: at {why} ({at}), an editor held {each}, no decision until "
                    "enter settles with it: not saved; type it again"
                )
                continue
            showed = each.replace(" shows ", " showed ", 1)
            said.append(
                f"{journal}: at {why} ({at}), {showed}, which it refuses: not saved; type it again"
            )
        try:
            note.rename(note.with_name(note.name + SAID))
        except OSError as error:
            said.append(f"{note} could not be renamed ({error.strerror or error}): remove it")
    return said
