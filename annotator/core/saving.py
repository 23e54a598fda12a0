"""What the annotation session and the review session share about saving through a Store:
relaying the writer's state to the screen and flushing (the store writes any rescue file as it
closes)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.store import Store

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
