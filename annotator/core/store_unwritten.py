"""What a store does with the lines its writer has not put on disk: kept in a rescue file while
saving fails (``store_rescue.LiveRescue``), and written to one on closing (``store_rescue``).

An annotation session's store and a review's gold store (``gold_store``) keep them alike. A
review in NOT SAVED (a full disk, a read-only gold folder) kept its decisions in memory alone:
a ``kill -9`` or a power cut lost every one made since saving began to fail. The next opening
of the journal or gold file for writing appends the rescue file (``rescue_taken``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from annotator.core.journal import latest_key
from annotator.core.models import Record, record_line
from annotator.core.store_rescue import (
    LiveRescue,
    Unsaved,
    replace_rescue,
    rescue_folders,
    write_rescue,
)
from annotator.core.write_target import linked_file
from annotator.core.writer import Guard, JournalWriter, StatusCallback, WriteState


class UnwrittenLines:
    """A store's lines not on disk: in a rescue file while saving fails, rescued on closing.

    ``held``: the latest line of every document the journal held, kept up to date by its guard
    (None: a gold file's store, whose guard writes the file again from the bytes it holds)."""

    def __init__(self, journal: Path, held: dict[tuple[str, ...], Record] | None = None) -> None:
        self.journal = journal
        self._held = held
        self._writer: JournalWriter | None = None
        # This module's rescue_folders, as ``_rescue`` uses: both go where one patch says.
        self._live = LiveRescue(journal, self._bytes, rescue_folders)

    def start_writer(
        self, on_status: StatusCallback | None, prefix: bytes, guard: Guard
    ) -> JournalWriter:
        """The store's writer: a refusal puts the lines not on disk in a rescue file at once,
        and the journal taking them all takes it away (``LiveRescue``)."""
        live = self._live

        def status(state: WriteState | Literal["notice"], error: str | None) -> None:
            # On the writer's thread.
            if state == "error":
                live.keep()
            elif state == "saved":
                live.drop()
            if on_status is not None:
                on_status(state, error)

        self._writer = JournalWriter(self.journal, on_status=status, prefix=prefix, guard=guard)
        return self._writer

    @property
    def kept(self) -> Path | None:
        """The rescue file holding the lines not on disk while saving fails (None: none)."""
        return self._live.path

    def saved(self) -> None:
        """A record was queued: while saving fails, a crash now keeps it too."""
        self._live.keep_if_failing()

    def closed(self, written: bool) -> Unsaved | None:
        """The writer closed (``written``: every line on disk, the journal checked): the file
        kept while saving failed is no longer needed; else the lines it left are rescued."""
        if written:
            self._live.drop()
            return None
        return self._rescue()

    def _rescue(self) -> Unsaved:
        """The lines the writer left, written to a rescue file, in order. A journal gone
        meanwhile (its folder removed, and not made again) holds none of the lines before
        them: then the latest line of every document it held comes first, as the guard would
        have written it again, and appending the file makes the journal anew."""
        writer = self._started()
        unwritten = writer.unwritten
        why = (writer.refused if unwritten else writer.check_refused) or "still writing"
        unsaved = Unsaved(writer.written, len(unwritten), why.removeprefix(f"{self.journal}: "))
        if not unwritten:
            self._live.drop()
            return unsaved
        data, whole = self._lines(unwritten)
        unsaved.whole = whole
        unsaved.tried = tuple(rescue_folders())
        kept = self._live.path
        if kept is not None:
            # The rescue file kept while saving failed is brought up to date, not written
            # beside: two files holding the same lines would both be appended.
            try:
                replace_rescue(kept, data)
                unsaved.rescue = kept
                return unsaved
            except OSError:
                # Safe to go on: a failed replace leaves the kept file whole, as it was (its
                # lines are the journal's last ones or among these), and a new file takes
                # these; the kept one is removed once that is written. Should the removal
                # fail, the next opening appends both, oldest first: a line twice is the same
                # record again, none is lost. No folder taking the new file: it is left.
                pass
        unsaved.rescue = write_rescue(data, self.journal, unsaved.tried)
        if kept is not None and unsaved.rescue is not None:
            self._live.drop()
        return unsaved

    def _bytes(self) -> bytes:
        """What a rescue file written now holds: the lines not on disk (b"": none)."""
        unwritten = self._started().unwritten
        return self._lines(unwritten)[0] if unwritten else b""

    def _lines(self, unwritten: list[Record]) -> tuple[bytes, int]:
        """The rescue file's bytes for ``unwritten``, and how many lines it holds when the
        journal is gone (0: it is not)."""
        held = list(self._held.values()) if self._held else []
        if held and not os.path.lexists(linked_file(self.journal)):
            # A document's held line a later unwritten one replaces is left out (the one being
            # written when it was refused may be held already: the guard took it).
            later = set(map(latest_key, unwritten))
            lines = [record for record in held if latest_key(record) not in later] + unwritten
            return b"".join(map(record_line, lines)), len(lines)
        return self._started().unwritten_bytes(), 0

    def _started(self) -> JournalWriter:
        if self._writer is None:
            raise RuntimeError("the store's writer is not started (start_writer)")
        return self._writer
