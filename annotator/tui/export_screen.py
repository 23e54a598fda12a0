"""The export screen: the annotator's journal out to a training or tool format.

It calls ``export_records``, the function ``annotator export`` calls, with the arguments of the
command line it shows, in a thread worker once the session's writer has caught up, and shows
what was written and every warning line, or the one line that stopped the export.
"""

from __future__ import annotations

import contextlib
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from annotator.core.errors import AnnotatorError
from annotator.core.formats import EXPORT_FORMATS, UTF16_FORMATS
from annotator.core.formats.common import Sink
from annotator.core.formats.export import EXTENSIONS, ExportResult, export_records
from annotator.core.models import STATUSES
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
STYLE_CHOICES = [
    ("label: [[start, end, label]]", "label"),
    ("entities: [{id, label, start_offset, end_offset}]", "entities"),
]
OFFSET_CHOICES = [
    ("code points (Python)", "codepoints"),
    ("UTF-16 code units (JavaScript tools)", "utf16"),
]
FLUSH_SECONDS = 10.0
SHOWN_FILES = 12


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
        return shlex.join(words)

    def run(self, scheme: Scheme, on_warning: Sink) -> ExportResult:
        """``export_records`` with the arguments ``annotator export`` passes for this line."""
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
        )


@dataclass
class Outcome:
    request: ExportRequest
    warnings: list[str] = field(default_factory=list)
    result: ExportResult | None = None
    error: str | None = None

    def summary(self) -> str:
        """The line ``annotator export`` prints, or the error."""
        if self.result is None:
            return self.error or "the export stopped"
        result, request = self.result, self.request
        count = len(result.files)
        where = str(request.out) if count == 1 else f"{request.out} ({count} files)"
        line = f"exported {result.documents} document(s) as {request.fmt} to {where}"
        splits = ", ".join(f"{name} {size}" for name, size in result.splits.items())
        return line + (f": {splits}" if splits else "")


def default_out(base: Path, annotator: str, fmt: str, split: bool) -> Path:
    """``export/<annotator>.<ext>`` beside the annotations; a folder for folder exports."""
    if split or fmt in FOLDER_FORMATS:
        return base / "export" / f"{annotator}-{fmt}"
    ext = EXTENSIONS[fmt]
    name = f"{annotator}{ext}" if ext == f".{fmt}" else f"{annotator}.{fmt}{ext}"
    return base / "export" / name


def output_hint(fmt: str, split: bool) -> str:
    ext = EXTENSIONS[fmt]
    if fmt == "brat":
        each = "a folder per split, each with" if split else "a folder:"
        return f"{each} <id>.txt + <id>.ann per document"
    if fmt == "hf":
        rows = "train.jsonl, dev.jsonl … (one per split)" if split else "data.jsonl"
        return f"a folder: {rows} + labels.json"
    if split:
        return f"a folder: one file per split (train{ext}, dev{ext} …)"
    return "one file; an existing file of that name is replaced"


def os_error_line(out: Path, error: OSError) -> str:
    where = f" ({error.filename})" if error.filename and str(error.filename) != str(out) else ""
    return f"{out}: cannot write: {error.strerror or error}{where}"


def refuse_clash(out: Path, kept: list[tuple[str, Path]]) -> None:
    """An export must not write over (or into) the journal or the corpus."""
    target = out.resolve()
    for what, path in kept:
        held = path.resolve()
        if target == held:
            problem = f"that is {what}"
        elif target in held.parents:
            problem = f"that folder holds {what}"
        elif held.is_dir() and held in target.parents:
            problem = f"that is inside {what}"
        else:
            continue
        raise AnnotatorError(f"{out}: {problem} ({path}); choose another output path")


class ExportScreen(ModalScreen[None]):
    """The options of ``annotator export`` for the annotator's journal, and the result."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__()
        self.session = session
        self.base = session.journal.parent.parent
        self.running = False
        self._default_out = str(default_out(self.base, session.annotator, "jsonl", False))

    def compose(self) -> ComposeResult:
        session = self.session
        formats = [(f"{fmt:<12} {FORMAT_NOTES[fmt]}", fmt) for fmt in EXPORT_FORMATS]
        with Vertical(id="export-box"):
            yield Label("Export annotations  (escape closes)", classes="title")
            yield Static(
                f"{session.journal} — {session.annotator}'s journal, every saved change\n"
                f"corpus {session.corpus.path} · labels checked against {session.scheme_path}",
                id="export-source",
            )
            with Horizontal(classes="export-row"):
                yield Label("format", classes="export-name")
                yield Select(
                    formats, value="jsonl", allow_blank=False, id="export-format", compact=True
                )
            with Horizontal(classes="export-row", id="export-out-row"):
                yield Label("output", classes="export-name")
                yield Input(self._default_out, id="export-out", compact=True)
            yield Static(output_hint("jsonl", False), id="export-out-hint", classes="export-hint")
            with Horizontal(classes="export-row"):
                yield Label("statuses", classes="export-name")
                for status in STATUSES:
                    yield Checkbox(
                        status.replace("_", " "),
                        status == "done",
                        id=f"export-status-{status}",
                        compact=True,
                    )
            with Horizontal(classes="export-row"):
                yield Label("split", classes="export-name")
                yield Input(
                    placeholder="none · e.g. train=0.8,dev=0.1,test=0.1",
                    id="export-split",
                    compact=True,
                )
                yield Label("seed", classes="export-seed-name")
                yield Input("0", type="integer", id="export-seed", compact=True)
            with Horizontal(classes="export-row", id="export-options"):
                yield Label("options", classes="export-name")
                yield Checkbox(
                    "with text (each line gets the document's text and meta)",
                    id="export-with-text",
                    compact=True,
                )
                yield Select(
                    STYLE_CHOICES, value="label", allow_blank=False, id="export-style", compact=True
                )
                yield Select(
                    OFFSET_CHOICES,
                    value="codepoints",
                    allow_blank=False,
                    id="export-offsets",
                    compact=True,
                )
            yield Static(id="export-command")
            yield Button("Export", id="export-run", variant="primary", compact=True)
            with VerticalScroll(id="export-result"):
                yield Static(id="export-state")
                yield Static(id="export-error")
                yield Static(id="export-files")
                yield Static(id="export-warnings")

    def on_mount(self) -> None:
        self.query_one("#export-error").display = False
        self._format_changed()
        self.query_one("#export-format", Select).focus()

    # ------------------------------------------------------------- the options
    @property
    def fmt(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    def _split_text(self) -> str | None:
        text = self.query_one("#export-split", Input).value.strip()
        return text or None

    def _format_changed(self) -> None:
        fmt = self.fmt
        self.query_one("#export-with-text").display = fmt in WITH_TEXT_FORMATS
        self.query_one("#export-style").display = fmt in STYLE_FORMATS
        self.query_one("#export-offsets").display = fmt in UTF16_FORMATS
        shown = fmt in WITH_TEXT_FORMATS | STYLE_FORMATS | UTF16_FORMATS
        self.query_one("#export-options").display = shown
        self._output_kind_changed()

    def _output_kind_changed(self) -> None:
        split = self._split_text() is not None
        out = self.query_one("#export-out", Input)
        fresh = str(default_out(self.base, self.session.annotator, self.fmt, split))
        if out.value.strip() == self._default_out:  # not typed by hand: follow the format
            out.value = fresh
        self._default_out = fresh
        self.query_one("#export-out-hint", Static).update(output_hint(self.fmt, split))
        self._show_command()

    @on(Select.Changed, "#export-format")
    def _on_format(self) -> None:
        self._format_changed()

    @on(Input.Changed, "#export-split")
    def _on_split(self) -> None:
        self._output_kind_changed()

    @on(Input.Changed, "#export-out")
    @on(Input.Changed, "#export-seed")
    @on(Checkbox.Changed)
    @on(Select.Changed, "#export-style")
    @on(Select.Changed, "#export-offsets")
    def _on_option(self) -> None:
        self._show_command()

    def request(self) -> ExportRequest:
        """The export the screen's fields describe; AnnotatorError for a field left wrong."""
        fmt, session = self.fmt, self.session
        out = self.query_one("#export-out", Input).value.strip()
        if not out:
            raise AnnotatorError("output: give a file or folder path")
        split = self._split_text()
        seed_text = self.query_one("#export-seed", Input).value.strip() or "0"
        try:
            seed = int(seed_text)
        except ValueError:
            raise AnnotatorError(f"seed: {seed_text!r} is not a whole number") from None
        statuses = [s for s in STATUSES if self.query_one(f"#export-status-{s}", Checkbox).value]
        if not statuses:
            raise AnnotatorError("statuses: tick at least one")
        return ExportRequest(
            source=session.journal,
            fmt=fmt,
            out=Path(out).expanduser(),
            corpus=session.corpus.path,
            annotator=session.annotator,
            scheme_path=session.scheme_path,
            status=",".join(statuses),
            split=split,
            seed=seed if split is not None else 0,
            with_text=fmt in WITH_TEXT_FORMATS
            and self.query_one("#export-with-text", Checkbox).value,
            style=str(self.query_one("#export-style", Select).value)
            if fmt in STYLE_FORMATS
            else "label",
            offsets=str(self.query_one("#export-offsets", Select).value)
            if fmt in UTF16_FORMATS
            else "codepoints",
        )

    def _show_command(self) -> None:
        line = Text("same as  ", style="bold")
        try:
            line.append(self.request().command_line())
        except AnnotatorError as error:
            line.append(str(error), style="italic")
        self.query_one("#export-command", Static).update(line)

    # -------------------------------------------------------------- exporting
    @on(Button.Pressed, "#export-run")
    @on(Input.Submitted)
    def start(self) -> None:
        if self.running:
            return
        try:
            request = self.request()
        except AnnotatorError as error:
            self._show(Outcome(self._blank_request(), error=str(error)))
            return
        self.running = True
        self.query_one("#export-run", Button).disabled = True
        self.query_one("#export-error").display = False
        for part in ("#export-files", "#export-warnings"):
            self.query_one(part, Static).update("")
        self.query_one("#export-state", Static).update(
            Text(f"exporting to {request.out} … (escape closes; it carries on)", style="yellow")
        )
        self._export(request)

    def _blank_request(self) -> ExportRequest:
        session = self.session
        return ExportRequest(
            session.journal, self.fmt, Path(), session.corpus.path, "", session.scheme_path
        )

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, request: ExportRequest) -> None:
        outcome = Outcome(request)
        try:
            if not self.session.flush(timeout=FLUSH_SECONDS):
                problem = self.session.save_error or "still writing"
                raise AnnotatorError(
                    f"{request.source}: your latest changes are not on disk yet ({problem}); "
                    "nothing exported, so that none is left out — saving keeps retrying"
                )
            kept = [("your journal", request.source), ("the corpus", request.corpus)]
            refuse_clash(request.out, kept)
            outcome.result = request.run(self.session.scheme, outcome.warnings.append)
        except AnnotatorError as error:
            outcome.error = str(error)
        except OSError as error:
            outcome.error = os_error_line(request.out, error)
        except Exception as error:  # a fault in a format: one line, and the app keeps running
            outcome.error = f"the export failed: {type(error).__name__}: {error}"
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app has closed meanwhile
            self.app.call_from_thread(self._finished, outcome)

    def _finished(self, outcome: Outcome) -> None:
        self.running = False
        if self in self.app.screen_stack:
            self.query_one("#export-run", Button).disabled = False
            self._show(outcome)
            return
        warned = len(outcome.warnings)
        more = f"\n{warned} warning(s): export again to read them" if warned else ""
        self.app.notify(
            outcome.summary() + more,
            title="export" if outcome.error is None else "export stopped",
            severity="error" if outcome.error else "warning" if warned else "information",
            timeout=15,
        )

    def _show(self, outcome: Outcome) -> None:
        state = self.query_one("#export-state", Static)
        error = self.query_one("#export-error", Static)
        if outcome.error is not None:
            state.update("")
            error.update(Text("✖ " + " ".join(outcome.error.split()), style="bold"))
            error.display = True
        else:
            error.display = False
            state.update(Text("✓ " + outcome.summary(), style="bold green"))
        files = outcome.result.files if outcome.result else []
        listed = Text()
        for path in files[: SHOWN_FILES if len(files) > SHOWN_FILES + 2 else len(files)]:
            listed.append(f"  {path}\n")
        if len(files) > SHOWN_FILES + 2:
            listed.append(f"  … and {len(files) - SHOWN_FILES} more under {outcome.request.out}\n")
        self.query_one("#export-files", Static).update(listed)
        warnings = Text()
        if outcome.warnings:
            before = " before it stopped" if outcome.error else ""
            warnings.append(
                f"{len(outcome.warnings)} warning(s){before}:\n",
                style="bold yellow",
            )
            for line in outcome.warnings:
                warnings.append(f"{line}\n")
        elif outcome.result is not None:
            warnings.append("no warnings", style="dim")
        self.query_one("#export-warnings", Static).update(warnings)

    def action_close(self) -> None:
        self.dismiss(None)
