"""What the annotation session and the review session share about saving through a Store:
relaying the writer's state to the screen, flushing, and the rescue file of last resort."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core.models import record_line
from annotator.core.store import Store
from annotator.core.writer import append_durably

SaveListener = Callable[[str, str | None], None]


class StatusRelay:
    """Passes the writer's state on to whoever listens (set once the screen exists)."""

    def __init__(self) -> None:
        self.listener: SaveListener | None = None

    def __call__(self, state: str, error: str | None) -> None:
        if self.listener is not None:
            self.listener(state, error)


class SavesThroughStore:
    """A session whose records go through ``store``; its writer reports to ``_relay``, and
    ``_changed`` holds the ids of the documents this session saved."""

    store: Store
    _relay: StatusRelay
    _changed: set[str]

    def on_save_status(self, listener: SaveListener | None) -> None:
        """Call ``listener(state, error)`` when saving starts, ends or fails (any thread)."""
        self._relay.listener = listener

    @property
    def save_state(self) -> str:
        return self.store.state

    @property
    def save_error(self) -> str | None:
        return self.store.error

    def flush(self, timeout: float | None = None) -> bool:
        return self.store.flush(timeout)

    def write_rescue(self, folders: Iterable[Path], name: str) -> Path | None:
        """When the store cannot write: the latest record of every document saved in this
        session, in a new file ``name`` in the first folder that takes it (last line wins, so
        appending it to the journal later is safe). None when no folder took it."""
        lines = b"".join(
            record_line(self.store.records[doc_id])
            for doc_id in sorted(self._changed)
            if doc_id in self.store.records
        )
        for folder in folders:
            try:
                append_durably(folder / name, lines)
            except OSError:
                continue
            return folder / name
        return None
