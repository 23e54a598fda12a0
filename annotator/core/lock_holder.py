"""Who holds a journal's lock now, for a command that reads the journal and takes no lock.

A session holding the lock appended every rescue file of its journal as it opened, so a rescue
file found while it runs is the one it keeps while its saving fails (``store_unwritten``): a
reading command says so (``rescue_taken.rescues_pending``), rather than telling the reader to
append a file the session writes the lines of itself.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

import orjson

# The judgement taking the lock makes of its holder, made alike here.
from annotator.core.lock import _process_alive, lock_path


@dataclass(frozen=True)
class Holder:
    """The process holding a journal's lock now: its id, where it runs (None: this machine),
    and what it said it was doing (None: its lock file did not say)."""

    pid: int
    host: str | None
    doing: str | None


def running_holder(journal: Path) -> Holder | None:
    """The process holding ``journal``'s lock, while it runs; None when there is no lock, or
    its process closed, is gone, or cannot be told (a lock file being written, or damaged).
    A process on another machine is taken to run: it cannot be asked."""
    try:
        holder = orjson.loads(lock_path(journal).read_bytes())
        host, pid = str(holder["host"]), int(holder["pid"])
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None
    if holder.get("closed") is not None:
        return None
    here = socket.gethostname()
    if host == here and not _process_alive(pid):
        return None
    doing = holder.get("doing")
    return Holder(pid, None if host == here else host, doing if isinstance(doing, str) else None)
