"""What an export did: the documents written, where, and what it left out and why (their
status, or no record at all), in the words ``annotator export`` and the export screen say."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_outputs import KeptAside
from annotator.core.models import STATUSES


@dataclass
class ExportResult:
    documents: int
    files: list[Path]
    splits: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # per document, what a summary line counts
    replaced: list[Path] = field(default_factory=list)  # files that existed and were written over
    # Journals among them, kept aside first (``export_keep``): each said instead of "replaced".
    kept_aside: list[KeptAside] = field(default_factory=list)
    data: bytes | None = None  # the one file, when no output path was given (``-o -``)
    statuses: tuple[str, ...] = ("done",)  # the statuses exported (``--status``)
    # Documents whose latest record has another status, so were not exported: status -> count.
    left_out: dict[str, int] = field(default_factory=dict)
    gold: bool = False  # the source is a gold file (in progress there: review not finished)
    # With a corpus: its documents, in corpus order, of which the source holds no record.
    no_record: list[str] = field(default_factory=list)
    annotator: str | None = None  # the annotator chosen (``--annotator``)
    made_folders: list[Path] = field(default_factory=list)  # missing on the way: made, said
    # In words, the done records ``--leave-out-unknown`` left without a required field, so
    # left out whole (``KeptTally.left_out_words``); said among the warnings when others go.
    left_out_required: str | None = None

    def replaced_unkept(self) -> list[Path]:
        """The files replaced that were not kept aside (each of those is said on its own)."""
        kept = {aside.path for aside in self.kept_aside}
        return [path for path in self.replaced if path not in kept]

    def exported_line(self, fmt: str, out: str) -> str:
        """``exported 3 document(s) as conll to OUT (2 files): train 2, dev 1``, as both
        ``annotator export`` and the export screen say it (``out`` as the user wrote it)."""
        if self.data is not None:
            where = "standard output"
        elif len(self.files) == 1:
            where = out
        else:
            where = f"{out} ({len(self.files)} files)"
        splits = ", ".join(f"{name} {size}" for name, size in self.splits.items())
        line = f"exported {self.documents} document(s) as {fmt} to {where}"
        return line + (f": {splits}" if splits else "")

    def left_out_counts(self) -> str | None:
        """``N document(s) whose status is not S: n in progress, ...``, or None if none."""
        if not self.left_out:
            return None
        total = sum(self.left_out.values())
        parts = [f"{n} {status.replace('_', ' ')}" for status, n in self.left_out.items()]
        if self.gold and "in_progress" in self.left_out:  # a gold record with open conflicts
            parts[list(self.left_out).index("in_progress")] += " (review not finished)"
        return (
            f"{total} document(s) whose status is not {' or '.join(self.statuses)}: "
            + ", ".join(parts)
        )

    def no_record_line(self) -> str | None:
        """``3 document(s) of the corpus have no record: not exported (first: d7)``, or None:
        with ``--corpus``, the documents nobody's record covers are said, not left unseen."""
        if not self.no_record:
            return None
        whose = f" of {self.annotator}" if self.annotator else ""
        return (
            f"{len(self.no_record)} document(s) of the corpus have no record{whose}: not "
            f"exported (first: {self.no_record[0]})"
        )

    def wider_status(self) -> str:
        """The ``--status`` that exports the documents left out for their status too."""
        wider = [*self.statuses, *(s for s in self.left_out if s not in self.statuses)]
        return "all" if set(wider) == set(STATUSES) else ",".join(wider)

    def left_out_line(self, source: Path) -> str | None:
        """What was not exported for its status, and the ``--status`` that takes it too."""
        counts = self.left_out_counts()
        if counts is None:
            return None
        return f"{source}: left out {counts}; --status {self.wider_status()} exports them too"

    def nothing_selected(self, source: Path, *, on_screen: bool = False) -> str:
        """The one line refusing an export that selects no record (an empty file would
        replace a good one and read as a finished export), with what was left out and how to
        take it: the ``--status`` of ``annotator export``, or ``on_screen`` the export
        screen's statuses boxes to tick (the screen has no ``--status`` to give)."""
        line = f"{source}: no records with status {', '.join(self.statuses)} to export"
        counts = self.left_out_counts()
        why = [f"left out {counts}; {self._take_them(on_screen)}"] if counts else []
        if self.left_out_required:
            why.append(f"left out {self.left_out_required}")
        if why:
            line += f" ({'; '.join(why)})"
        return f"{line}; nothing was written"

    def _take_them(self, on_screen: bool) -> str:
        if not on_screen:
            return f"--status {self.wider_status()} exports them too"
        boxes = [f'"{s.replace("_", " ")}"' for s in self.left_out if s not in self.statuses]
        return f"tick {' and '.join(boxes)} in statuses to export them too"


class NothingSelected(AnnotatorError):
    """An export that selects no record. Its line is the command's (naming ``--status``); the
    export screen words it for its own boxes from ``result``."""

    def __init__(self, result: ExportResult, source: Path) -> None:
        super().__init__(result.nothing_selected(source))
        self.result = result
        self.source = source
