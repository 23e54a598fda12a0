"""The gold file opened for a review: a ``Store`` that keeps where each document's line is,
not every record as a model.

``Store`` reads every line of a journal as a model and keeps each document's latest record,
which is what an annotation session needs. A review of 10,000 documents needs, of most of them,
only how many conflicts they hold, until the reviewer reaches them; holding them all as models
took seconds and most of a gigabyte. ``GoldStore`` does what ``Store`` does on opening (takes
the lock, sets a torn tail aside, refuses a file with damaged lines, every line checked as a
gold record, by ``record_check`` where it can, its conflicts' spans as validate checks them)
and writes through the same ordered writer, but keeps of each document only its latest
line's place and a few facts (``GoldLine``), and makes a record of its line when it is wanted
(``record``). Records saved while the review runs are
kept in ``records``, as ``Store`` keeps them; they win over the lines.

The lines are read from the file's bytes as the review holds them (``gold_guard.HeldBytes``,
about the file's size), not from the file: a gold file replaced or cut short from outside while
the review runs gave those reads other bytes (a traceback, or another document's line), and
the writer's guard then writes the file again whole from them (``gold_guard.GoldGuard``).

- A gold file that does not exist yet (or is empty) is written whole, under the lock, with the
  lines ``fresh`` gives (temp file, fsync, rename: ``goldfile.replace_locked``).
- An existing one is read line by line; a line that is not a gold record (no ``sources``: an
  annotator's journal given as ``-o``) is refused.
- ``rewrite`` is then asked which lines to write again (a review that resumes merges in new
  documents and takes over other reviewers' lines); they are appended at once, durably
  (``writer.append_durably``, which cuts the file back if it fails), before the writer starts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from annotator.core.errors import AnnotatorError
from annotator.core.gold_guard import GoldGuard, HeldBytes
from annotator.core.goldfile import folder_of, replace_locked
from annotator.core.hard_links import other_names_line
from annotator.core.journal import (
    LineProblem,
    TornTail,
    bom_length,
    cr_line_endings,
    parse_record_line,
)
from annotator.core.lock import JournalLock
from annotator.core.models import GoldRecord, Record
from annotator.core.record_check import gold_line_data
from annotator.core.rescue_taken import take_rescues
from annotator.core.rescue_typing import keep_refused_typing, refused_typing_said
from annotator.core.store import Store, damaged_refusal, set_torn_tail_aside
from annotator.core.store_unwritten import UnwrittenLines
from annotator.core.validate_conflicts import spans_of_conflicts
from annotator.core.write_target import write_target
from annotator.core.writer import StatusCallback, append_durably


class LineFacts(NamedTuple):
    """What a review needs to know of a gold line before it reads the record."""

    doc_id: str
    annotator: str
    doc_sha256: str
    annotators: tuple[str, ...]  # sources.annotators
    conflicts: int  # open conflicts
    done: bool
    # sources.versions as (annotator, digest) pairs (a tuple: lines are hashed as keys)
    versions: tuple[tuple[str, str], ...]
    min_agree: int | str | None  # sources.min_agree: K, "all", None when not kept

    @classmethod
    def of_data(cls, data: dict[str, Any]) -> LineFacts:
        """The facts of a gold record's fields (checked as a GoldRecord)."""
        sources = data["sources"]
        return cls(
            data["doc_id"],
            data["annotator"],
            data["doc_sha256"],
            tuple(sources["annotators"]),
            len(data.get("conflicts", ())),
            data["status"] == "done",
            tuple(sources.get("versions", {}).items()),
            sources.get("min_agree"),
        )

    @classmethod
    def of_record(cls, record: GoldRecord) -> LineFacts:
        return cls(
            record.doc_id,
            record.annotator,
            record.doc_sha256,
            tuple(record.sources.annotators),
            len(record.conflicts),
            record.status == "done",
            tuple(record.sources.versions.items()),
            record.sources.min_agree,
        )


class GoldLine(NamedTuple):
    """Where a document's latest line is in the gold file, and its facts."""

    number: int  # line number, from 1
    offset: int  # of its first byte
    length: int  # with its newline
    facts: LineFacts


# Lines to write: each line's facts and its bytes (a whole gold line, with its newline).
FactsAndLines = Iterable[tuple[LineFacts, bytes]]


class GoldStore(Store):
    """A gold file under review (see the module docstring). ``latest``: each document's
    latest line, whoever wrote it; ``created``: the file was written whole on opening."""

    def __init__(
        self,
        journal: Path,
        annotator: str,
        on_status: StatusCallback | None = None,
        *,
        fresh: Callable[[], FactsAndLines],
        rewrite: Callable[[GoldStore], FactsAndLines],
    ) -> None:
        # Not Store.__init__: that reads every line as a model (see the module docstring).
        self._frozen = False  # the collector is told to leave objects be (freeze_until_closed)
        # A named pipe or a device refused before it is read (or taken for a new gold file).
        write_target(journal)
        self.journal = journal
        self.annotator = annotator
        folder = folder_of(journal)
        self.created = not journal.exists() or journal.stat().st_size == 0
        self._lock = JournalLock(journal, doing="a review of this gold file")
        # Store closes through ``_release``, which takes away folders it made; a gold file's
        # folder must exist already (``folder_of``), so none is made here.
        self._made_folders: list[Path] = []
        try:
            self._lock.acquire()
        except OSError as error:
            if not self.created:
                raise
            raise AnnotatorError(
                f"{journal}: cannot write here: {error.strerror or error}"
            ) from None
        try:
            self.messages = [self._lock.message] if self._lock.message else []
            # Decisions a closing could not write come first (``rescue_taken``; read whole
            # as a journal is, only when a rescue file of it is found).
            self.messages += take_rescues(journal, self._set_torn_aside)
            # Typing an editor held at a hangup (``keep_refused_typing``), said once.
            self.messages += refused_typing_said(journal)
            self.records = {}
            self.latest: dict[str, GoldLine] = {}
            # Every line of the file as the review opened it, in order: earlier sessions'
            # decisions can be undone from them (``review_history``).
            self.history: list[GoldLine] = []
            # Decided once the lock is held: another review may have written it meanwhile.
            self.created = not journal.exists() or journal.stat().st_size == 0
            self._lines = 0  # lines in the file
            # The file's bytes as this review wrote or read them: lines are read from here.
            self.held = HeldBytes()
            owed = b""  # a newline owed by a last line written without one
            if self.created:
                # An empty file with other names: they keep it empty (said, as compact says it).
                said = replace_locked(journal, self._indexed(fresh(), 0), folder)
                self.messages.extend([said] if said else [])
            else:
                owed = self._read()
            again = list(rewrite(self))
            if again:
                self._append(owed, again)
                owed = b""
            # Once written or read (a new file's replaces any other name it had): another
            # name of the file is not kept out by the lock beside this one.
            self.messages.extend([said] if (said := other_names_line(journal)) else [])
            # A gold file removed, replaced or cut short while open is written again whole
            # from the bytes held, every line where it was (``gold_guard``).
            guard = GoldGuard(journal, self._lock, self.held, owed_newline=bool(owed))
            # Decisions not on disk while saving fails are kept in a rescue file at once, as
            # an annotation session's changes are (``store_unwritten``): a crash loses none.
            self._unwritten = UnwrittenLines(journal)
            self._writer = self._unwritten.start_writer(on_status, owed, guard)
        except BaseException:
            self._lock.release()
            raise

    def _indexed(self, lines: FactsAndLines, offset: int) -> Iterator[bytes]:
        """``lines`` as they are written at ``offset``, after the file's lines, indexed."""
        for facts, line in lines:
            self._lines += 1
            self.latest[facts.doc_id] = GoldLine(self._lines, offset, len(line), facts)
            self.history.append(self.latest[facts.doc_id])
            offset += len(line)
            self.held.extend(line)
            yield line

    def _append(self, owed: bytes, lines: FactsAndLines) -> None:
        """Append ``lines`` now, durably, after ``owed`` (a newline the last line lacks)."""
        size = self.journal.stat().st_size
        self.held.extend(owed)
        data = owed + b"".join(self._indexed(lines, size + len(owed)))
        try:
            append_durably(self.journal, data)
        except OSError as error:
            raise AnnotatorError(
                f"{self.journal}: cannot write: {error.strerror or error}"
            ) from None

    def _read(self) -> bytes:
        """Index every line; refuse damage and lines that are not gold; set a torn tail
        aside. Returns the newline owed by a last line written without one."""
        # Read once into what the review holds, scanned there: no second copy of the file.
        self.held = HeldBytes.of_file(self.journal)
        scan = scan_gold_data(self.held)
        for line in scan.lines:
            self.latest[line.facts.doc_id] = line
            self.history.append(line)
        self._lines = scan.count
        scan.refuse_damage(self.journal)
        if scan.torn is not None:
            self._set_torn_aside(scan.torn)
            self.held.cut(scan.torn.offset)
            self._lines = scan.torn.line - 1
        scan.refuse_not_gold(self.journal)
        return scan.owed

    def keep_refused_typing(self, shown: list[str], why: str = "the hang-up") -> Path | None:
        """Typing review editors hold at a close no one was asked about (a hangup), which is
        no decision until enter settles with it: kept in a note the next opening says."""
        return keep_refused_typing(self.journal, shown, why, settling=True)

    def _set_torn_aside(self, torn: TornTail) -> Path:
        """Move the file's incomplete last line to ``<file>.torn-<time>``, saying so."""
        aside = set_torn_tail_aside(self.journal, torn)
        self.messages.append(
            f"{self.journal}:{torn.line}: an incomplete last line (interrupted write) was moved "
            f"to {aside}; every complete line is kept"
        )
        return aside

    def freeze_until_closed(self) -> None:
        """Leave every object tracked now out of the cyclic collector's passes until the store
        closes (``gc.freeze``): a review's opening calls it once its records and this store's
        facts are made, with the collector paused. Reference counting frees them as ever; the
        collector takes them back on closing, so none of it outlives the review unwalked."""
        gc.freeze()
        self._frozen = True

    def _release(self) -> None:
        super()._release()
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    def record(self, doc_id: str) -> GoldRecord:
        """The document's latest gold record: saved in this review, else read from its line."""
        saved = self.records.get(doc_id)
        if isinstance(saved, GoldRecord):
            return saved
        return self.record_at(self.latest[doc_id])

    def line_at(self, line: GoldLine) -> bytes:
        """The bytes of ``line`` (without its newline), as the file holds them."""
        return self.lines_at([line])[0]

    def lines_at(self, lines: Sequence[GoldLine]) -> list[bytes]:
        """The bytes of each of ``lines`` (without newlines), as the review holds them."""
        return [self.held.read(line.offset, line.length).rstrip(b"\n") for line in lines]

    def record_at(self, line: GoldLine) -> GoldRecord:
        """The gold record of ``line`` (the document's latest, or one of ``history``)."""
        doc_id = line.facts.doc_id
        found = parse_record_line(self.line_at(line), line.number)
        if not isinstance(found, GoldRecord) or found.doc_id != doc_id:
            # The bytes held are the ones indexed: only a mistake here gives another line.
            raise AnnotatorError(
                f"{self.journal}:{line.number}: is not the line of {doc_id!r} it was when the "
                "review opened"
            )
        return found


@dataclass
class GoldScan:
    """What reading a gold file's lines finds (``scan_gold``), nothing refused or written yet:
    opening a review (``GoldStore``) and checking one (``review_check``) read it alike."""

    lines: list[GoldLine] = field(default_factory=list)  # the gold lines, in order
    problems: list[LineProblem] = field(default_factory=list)  # of complete lines
    torn: TornTail | None = None  # an incomplete last line that is no record
    not_gold: int | None = None  # the first line that is a record but not gold
    owed: bytes = b""  # a newline owed by a last line written without one
    count: int = 0  # lines in the file

    def refuse_damage(self, path: Path) -> None:
        if self.problems:
            raise damaged_refusal(self.problems, path)

    def refuse_not_gold(self, path: Path) -> None:
        if self.not_gold is not None:
            raise AnnotatorError(
                f"{path}:{self.not_gold}: not a gold record (no sources): is this an "
                "annotator's journal? give the gold file with -o"
            )


def scan_gold(path: Path) -> GoldScan:
    """Every line of the gold file at ``path`` read (OSError when it cannot be opened)."""
    with path.open("rb") as handle:
        # A gold file saved by hand in an editor that writes a mark: its first line was
        # refused as "invalid JSON", where every other reader of a journal takes it.
        return _scan(handle, len(handle.read(bom_length(handle.peek(3)))))


def scan_gold_data(held: HeldBytes) -> GoldScan:
    """Every line of a gold file's bytes as the review holds them, read as ``scan_gold``
    reads the file."""
    mark = bom_length(held.read(0, 3))
    return _scan(held.lines(mark), mark)


def _scan(lines: Iterable[bytes], offset: int) -> GoldScan:
    """Every line of ``lines`` (each with its newline; the last may lack it) read, the first
    at ``offset``. A leading byte order mark is no part of the first line, as
    ``journal.read_journal`` reads it; offsets stay the file's, so lines are read back, and a
    torn tail cut, where they are."""
    scan = GoldScan()
    for number, raw in enumerate(lines, start=1):
        complete = raw.endswith(b"\n")
        line = raw[:-1] if complete else raw
        if line.strip():
            found = line_facts(line, number)
            if isinstance(found, LineFacts):
                scan.lines.append(GoldLine(number, offset, len(raw), found))
                scan.owed = b"" if complete else b"\n"
            elif found is None:
                scan.not_gold = scan.not_gold or number
                scan.owed = b"" if complete else b"\n"
            elif complete or cr_line_endings(line):  # CR line endings: no interrupted write
                scan.problems += found
            else:
                scan.torn = TornTail(number, offset, raw)
        offset += len(raw)
        scan.count = number
    return scan


def line_facts(line: bytes, number: int) -> LineFacts | list[LineProblem] | None:
    """A gold line's facts; None for a valid Record that is not gold; else its problems."""
    data = gold_line_data(line)
    if data is not None:
        facts, conflicts = LineFacts.of_data(data), data.get("conflicts")
    else:
        found = parse_record_line(line, number)  # the model's verdict and messages
        if isinstance(found, GoldRecord):
            facts, conflicts = LineFacts.of_record(found), found.conflicts
        elif isinstance(found, Record):
            return None
        else:
            return found
    return (_conflict_problems(conflicts, number) if conflicts else None) or facts


def _conflict_problems(conflicts: list[dict[str, Any]], number: int) -> list[LineProblem]:
    """The line's conflicts' spans checked as validate checks them: the model keeps conflicts
    as dicts, and a version's span starting 5000, ending 16, opened without complaint and
    taking it ended the review in a traceback."""
    read = spans_of_conflicts(conflicts)
    return [LineProblem(number, path, message) for path, message in read.problems]
