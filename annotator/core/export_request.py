"""An export asked for from the annotation screen, as ``annotator export`` takes it.

The screen builds an ``ExportRequest`` from its fields, shows its ``command_line`` and runs it
with ``export_now`` in a worker; ``output_hint`` says under the output what the export will do
to what is there, or the line it would stop with (the export's own checks). Everything here
is plain data and calls, without a terminal.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import Reporter, Sink
from annotator.core.formats.export import ExportResult, export_records
from annotator.core.formats.export_kept import LEAVE_OUT_OPTION, KeptFromAnotherScheme
from annotator.core.formats.export_out import (
    EXTENSIONS,
    check_out,
    made_line,
    refuse_other_exports,
    refuse_own_inputs,
    targets,
)
from annotator.core.formats.export_replacing import (
    Held,
    ReplacingRecords,
    refuse_replacing_records,
)
from annotator.core.formats.export_result import NothingSelected
from annotator.core.formats.hf import LABELS_FILE
from annotator.core.formats.splits import parse_split
from annotator.core.scheme import Scheme
from annotator.core.session import AnnotationSession

FORMAT_NOTES = {
    "jsonl": "the records as they are",
    "prodigy": "Prodigy tasks (JSONL)",
    "doccano": "doccano (JSONL)",
    "labelstudio": "Label Studio tasks (one JSON list)",
    "brat": "brat: a folder of .txt + .ann",
    "conll": "CoNLL: a token per line, IOB2 tags",
    "hf": "Hugging Face: a folder of JSONL rows + labels.json",
    "spacy": "spaCy DocBin (.spacy)",
}
# What export_records accepts beyond the format (its option checks): --with-text for jsonl,
# --style for doccano, --offsets utf16 for the UTF16_FORMATS; brat and hf write folders.
WITH_TEXT_FORMATS = frozenset({"jsonl"})
STYLE_FORMATS = frozenset({"doccano"})
FOLDER_FORMATS = frozenset({"brat", "hf"})
STYLES = [("label: [[start, end, label]]", "label"), ("entities: [{id, label, …}]", "entities")]
OFFSETS = [("code points (Python)", "codepoints"), ("UTF-16 units (JavaScript)", "utf16")]
STATUS_BOXES = ("done", "in_progress", "skipped")
FLUSH_SECONDS = 10.0
SHOWN_FILES = 12
# The screen's checkbox for ``--force``, and how its hint and refusal name it: a file at the
# output that is not empty, whatever it holds (``export_replacing``), is replaced only when ticked.
REPLACE_BOX = "replace existing files"
# Before a hint that is the line the export would stop with (``output_hint``).
REFUSED_MARK = "✖ "
# The line Export stops with for an output left empty (``output_path``).
NO_OUTPUT = "output: give a file or folder path"
_NOTHING_WRITTEN = " (nothing was written)"


@dataclass(frozen=True)
class ExportRequest:
    """One export, as ``annotator export`` takes it on the command line."""

    source: Path
    fmt: str
    out: Path
    corpus: Path
    annotator: str
    scheme_path: Path
    status: str = "done"
    split: str | None = None
    seed: int = 0
    with_text: bool = False
    style: str = "label"
    offsets: str = "codepoints"
    # Leave out what the scheme does not know, kept from another (``export_kept``).
    leave_out_unknown: bool = False
    # Replace an output that holds records (``--force``; ``export_replacing``).
    force: bool = False

    def command_line(self) -> str:
        words = ["annotator", "export", str(self.source), "--format", self.fmt, "-o", str(self.out)]
        words += ["--corpus", str(self.corpus), "--annotator", self.annotator]
        words += ["--scheme", str(self.scheme_path)]
        if self.status != "done":
            words += ["--status", self.status]
        if self.split is not None:
            words += ["--split", self.split, "--seed", str(self.seed)]
        if self.with_text:
            words.append("--with-text")
        if self.style != "label":
            words += ["--style", self.style]
        if self.offsets != "codepoints":
            words += ["--offsets", self.offsets]
        if self.leave_out_unknown:
            words.append(LEAVE_OUT_OPTION)
        if self.force:
            words.append("--force")
        return shlex.join(words)

    def run(self, scheme: Scheme, on_warning: Sink) -> ExportResult:
        """``export_records`` with the arguments ``annotator export`` passes for that line."""
        return export_records(
            self.source,
            self.fmt,
            self.out,
            corpus=self.corpus,
            status=self.status,
            split=self.split,
            seed=self.seed,
            annotator=self.annotator,
            with_text=self.with_text,
            style=self.style,
            offsets=self.offsets,
            scheme=scheme,
            on_warning=on_warning,
            leave_out_unknown=self.leave_out_unknown,
            force=self.force,
        )


@dataclass
class Outcome:
    request: ExportRequest
    warnings: list[str] = field(default_factory=list)
    result: ExportResult | None = None
    error: str | None = None

    def summary(self) -> str:
        """The line ``annotator export`` prints, or the error (always one line)."""
        if self.result is None:
            return " ".join((self.error or "the export stopped").split())
        parts = [self.result.exported_line(self.request.fmt, str(self.request.out))]
        left_out = self.result.left_out_counts()
        if left_out:
            parts.append(f"left out {left_out}")
        no_record = self.result.no_record_line()  # the corpus's documents nobody exported
        if no_record:
            parts.append(no_record)
        parts.extend(made_line(folder) for folder in self.result.made_folders)
        parts.extend(aside.said() for aside in self.result.kept_aside)
        replaced = self.result.replaced_unkept()  # as ``annotator export`` says it on stderr
        if len(replaced) == 1:
            parts.append("replaced the file that was there")
        elif replaced:
            parts.append(f"replaced {len(replaced)} files that were there")
        return "; ".join(parts)


def default_folder(journal: Path) -> Path:
    """``export/`` beside the journal's ``annotations/`` folder: where the screen's exports go."""
    return journal.parent.parent / "export"


def default_out(base: Path, annotator: str, fmt: str, split: bool) -> Path:
    """``export/<annotator>.<ext>`` beside ``annotations/``; a folder for folder exports."""
    if split or fmt in FOLDER_FORMATS:
        return base / "export" / f"{annotator}-{fmt}"
    ext = EXTENSIONS[fmt]
    name = f"{annotator}{ext}" if ext == f".{fmt}" else f"{annotator}.{fmt}{ext}"
    return base / "export" / name


def output_path(typed: str) -> Path:
    """The output as typed in the screen's field, as the export takes it; an AnnotatorError
    (``NO_OUTPUT``) when it is empty."""
    typed = typed.strip()
    if not typed:
        raise AnnotatorError(NO_OUTPUT)
    return Path(typed).expanduser()


def output_hint(
    fmt: str,
    split: str | None,
    out: Path | str | None = None,
    force: bool = False,
    inputs: tuple[Path, Path | None] | None = None,
) -> str:
    """What an export of ``fmt`` (``split``: the split asked for, if any) writes; with ``out``,
    what becomes of what is there now, as the export will find it: a new file or folder, one
    replaced, or, after ``REFUSED_MARK``, the line it stops with (``_output_checked``).
    ``out`` as typed in the screen's field (a string) is read by ``output_path``, as Export
    reads it: an empty one said "one file" under it, and Export stopped with ``NO_OUTPUT``.
    ``inputs``: the export's source and corpus, which it must not write over. Cheap enough for
    each change of the output: a look at the paths, and the first lines of each file whose name
    the export writes."""
    kind = _output_kind(fmt, split is not None)
    if out is None:
        return kind
    if isinstance(out, str):
        try:
            out = output_path(out)
        except AnnotatorError as error:
            return REFUSED_MARK + str(error)
    refusal, held = _output_checked(fmt, split, out, force, inputs)
    if refusal is not None:
        return REFUSED_MARK + refusal
    one_file = split is None and fmt not in FOLDER_FORMATS
    if not out.exists():
        return "one new file" if one_file else f"{kind}; a new folder"
    told = _told(held) if held is not None else None
    if told is not None:  # replace ticked: said all the same, what is there is someone's
        path, what_held = told
        what = "the file there" if one_file else f"{path.name} there"
        return f"{kind}; {what}, holding {what_held.plural}, is replaced"
    if one_file:
        return "one file; the file there is replaced"
    if fmt == "brat" and not force:  # its files' names are known as it runs: not looked at
        return (
            f"{kind}; the folder is there: its files of the same names are replaced only with "
            f'"{REPLACE_BOX}" ticked'
        )
    return f"{kind}; the folder is there: its files of the same names are replaced"


def _told(held: ReplacingRecords) -> tuple[Path, Held] | None:
    """The first file the replace box lets be replaced that holds records, documents or
    annotated texts (``Held.told``): the hint names it, not a file said by its size alone."""
    files = [(held.path, held.held), *held.also]
    return next(((path, what) for path, what in files if what.told), None)


def _output_checked(
    fmt: str,
    split: str | None,
    out: Path,
    force: bool,
    inputs: tuple[Path, Path | None] | None,
) -> tuple[str | None, ReplacingRecords | None]:
    """The line an export of ``fmt`` to ``out`` would stop with before writing, for the output
    as it is now (None: none), in the screen's words (its replace box for ``--force``), without
    the output's name where the line begins with it (the screen shows it above) nor "nothing was
    written" (nothing was tried); and, with ``force``, the files it lets be replaced.
    The export's own checks, in its order: its source and corpus (``inputs``) written over, a
    folder for a file or a file for a folder, a file where a folder must be made, a folder
    holding another export's files, a file that is not empty replaced unasked. A brat export's files
    are named after its documents, known as it runs: the last two are not looked at for brat."""
    try:
        if inputs is not None:
            refuse_own_inputs(out, *inputs)
        check_out(out, fmt, split is not None)
        names = _written_names(fmt, split)
        if names is None or not out.exists():
            return None, None
        files = dict.fromkeys(names, b"")
        refuse_other_exports(out, files, Reporter())  # its line about other files: said then
        try:
            refuse_replacing_records(targets(out, files), force=False)
        except ReplacingRecords as error:
            if force:
                return None, error
            return _without_name(replacing_refusal(error), out), None
    except AnnotatorError as error:
        return _without_name(str(error), out), None
    except OSError as error:  # a path that cannot be looked at: the export meets it too
        return _without_name(_cannot_write(out, error), out), None
    return None, None


def _cannot_write(out: Path, error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{out}: cannot write: {error.strerror or error}{where}"


def _without_name(refusal: str, out: Path) -> str:
    refusal = refusal.removesuffix(_NOTHING_WRITTEN)
    return refusal.removeprefix(f"{out}: ")


def replacing_refusal(error: ReplacingRecords) -> str:
    """The refusal of a file of records, naming the screen's replace box, not ``--force``."""
    return error.refusal(f'tick "{REPLACE_BOX}"')


def _output_kind(fmt: str, split: bool) -> str:
    ext = EXTENSIONS[fmt]
    if fmt == "brat":
        each = "a folder per split, each with" if split else "a folder:"
        return f"{each} <id>.txt + <id>.ann per document"
    if fmt == "hf":
        rows = "train.jsonl, dev.jsonl … (one per split)" if split else "data.jsonl"
        return f"a folder: {rows} + labels.json"
    if split:
        return f"a folder: one file per split (train{ext}, dev{ext} …)"
    return "one file"


def _written_names(fmt: str, split: str | None) -> list[str] | None:
    """The names under ``out`` of the files an export writes, known before it runs (as
    ``export._files`` names them; [""] for its one file): None for brat (a text and its spans
    per document), and for a split not yet valid (the screen refuses it anyway)."""
    if fmt == "brat":
        return None
    if split is None:
        return ["data.jsonl", LABELS_FILE] if fmt == "hf" else [""]
    try:
        names = [f"{name}{EXTENSIONS[fmt]}" for name, _ in parse_split(split)]
    except AnnotatorError:
        return None
    return [*names, LABELS_FILE] if fmt == "hf" else names


def export_now(request: ExportRequest, session: AnnotationSession) -> Outcome:
    """Flush the journal, then export (in a worker thread); every failure becomes one line."""
    outcome = Outcome(request)
    try:
        if not session.flush(timeout=FLUSH_SECONDS):
            raise AnnotatorError(
                f"{request.source}: your latest changes are not on disk yet "
                f"({session.save_error or 'still writing'}); nothing was exported so that none "
                "is left out (saving keeps retrying)"
            )
        # export_records refuses this too, but only after the folder below is made: an output
        # in the corpus folder must leave nothing behind there.
        refuse_own_inputs(request.out, request.source, request.corpus)
        # The export makes a missing folder and says so; the screen's own default folder is
        # made on the first export without a word.
        if request.out.parent == default_folder(request.source):
            request.out.parent.mkdir(exist_ok=True)
        outcome.result = request.run(session.scheme, outcome.warnings.append)
    except KeptFromAnotherScheme as error:  # the screen has no --scheme to leave off
        outcome.error = error.tally.refusal(error.source, on_screen=True)
    except NothingSelected as error:  # in the screen's words: its boxes, not --status
        outcome.error = error.result.nothing_selected(error.source, on_screen=True)
    except ReplacingRecords as error:  # its replace box, not --force
        outcome.error = replacing_refusal(error)
    except AnnotatorError as error:
        outcome.error = str(error)
    except OSError as error:
        outcome.error = _cannot_write(request.out, error)
    except Exception as error:  # a fault in a format: one line, and the app keeps running
        outcome.error = f"the export failed: {type(error).__name__}: {error}"
    return outcome
