"""The export screen: the annotator's journal out to a training or tool format.

It calls ``export_records``, the function ``annotator export`` calls, with the arguments of the
command line it shows, in a thread worker once the session's writer has caught up; then it shows
what was written and every warning line, or the one line that stopped the export.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from annotator.core.errors import AnnotatorError
from annotator.core.export_request import (
    FORMAT_NOTES,
    OFFSETS,
    REFUSED_MARK,
    REPLACE_BOX,
    SHOWN_FILES,
    STATUS_BOXES,
    STYLE_FORMATS,
    STYLES,
    WITH_TEXT_FORMATS,
    ExportRequest,
    Outcome,
    default_out,
    export_now,
    output_hint,
    output_path,
)
from annotator.core.formats import EXPORT_FORMATS, UTF16_FORMATS
from annotator.core.formats.splits import parse_split
from annotator.core.session import AnnotationSession
from annotator.tui.box_screen import BoxScreen
from annotator.tui.export_choice import ExportChoice
from annotator.tui.screens import MessagesSaid

# By journal (touched on the event loop only): the last export asked for, which the screen
# opens with the next time, and the exports still running (one at a time: the screen can be
# closed, and opened again, while one runs).
_LAST: dict[str, ExportRequest] = {}
_RUNNING: set[str] = set()
# Under 30 rows (80x24) the rows go without blank lines between them (``-short``), so that the
# whole body, down to the command it is the same as, is in sight without scrolling.
_HEIGHT_CLASSES = [(0, "-short"), (30, "-tall")]
# The command line's names for the split and seed boxes, as the export's refusals give them,
# and the boxes' names on the screen: a trial read "--split: shares add up to 0.7, not 1" on a
# screen that has no --split.
_SPLIT_OPTION = "--split: "
_SPLIT_ADVICE = ("with --split: choose another --seed", "with a split: choose another seed")


class MarkedCheckbox(Checkbox):
    """A checkbox whose mark is there only when it is ticked.

    Textual's shows the same "X" either way and only its colour tells on from off, which a
    monochrome terminal (or a colour-blind reader) cannot see.
    """

    def render(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class ExportBody(VerticalScroll):
    """The screen's options and result, between its title and its Export button.

    A Tab stop only while it holds more than it shows: then the arrow keys scroll it (a long
    list of warnings, say) and the dialog's frame shows it focused (``-body-focused``); with
    nothing to scroll it would be a stop that shows nothing and does nothing.
    """

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0 or self.max_scroll_x > 0

    def on_focus(self) -> None:
        self.screen.query_one("#export-box").add_class("-body-focused")

    def on_blur(self) -> None:
        self.screen.query_one("#export-box").remove_class("-body-focused")


class ExportScreen(BoxScreen[None]):
    """The options of ``annotator export`` for the annotator's journal, and the result."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]
    # Rules of this screen's own; the rest of its layout is in annotator.tcss.
    CSS_PATH = "export.tcss"
    VERTICAL_BREAKPOINTS = _HEIGHT_CLASSES

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__()
        self.session = session
        self.base = session.journal.parent.parent
        self.key = str(session.journal)
        fresh = default_out(self.base, session.annotator, "jsonl", False)
        self.last = _LAST.get(self.key) or ExportRequest(
            session.journal, "jsonl", fresh, session.corpus.path, "", session.scheme_path
        )
        split = self.last.split is not None
        self._default_out = str(default_out(self.base, session.annotator, self.last.fmt, split))

    def compose(self) -> ComposeResult:
        session, last = self.session, self.last
        formats = [(f"{fmt:<12} {FORMAT_NOTES[fmt]}", fmt) for fmt in EXPORT_FORMATS]
        statuses = last.status.split(",")

        def row(name: str, row_id: str | None = None) -> Horizontal:
            return Horizontal(Label(name, classes="export-name"), classes="export-row", id=row_id)

        def choice(options: list[tuple[str, str]], value: str, name: str) -> ExportChoice:
            return ExportChoice(options, value, id=name, about=name.removeprefix("export-"))

        with Vertical(id="export-box"):
            yield Label("Export annotations  (escape closes)", classes="title")
            # Only the body scrolls: the Export button stays in sight at 80x24.
            with ExportBody(id="export-body"):
                yield Static(
                    f"{session.journal} — {session.annotator}'s journal, every saved change\n"
                    f"corpus {session.corpus.path} · labels checked against {session.scheme_path}",
                    id="export-source",
                )
                with row("format"):
                    yield choice(formats, last.fmt, "export-format")
                with row("output", "export-out-row"):
                    hint = "a file; a folder for brat, hf and splits"
                    yield Input(str(last.out), placeholder=hint, id="export-out", compact=True)
                yield Static(id="export-out-hint")
                # Unticked each time the screen opens, whatever the last export had: replacing
                # a file of records is chosen where the hint above says what is there.
                with row("", "export-replace-row"):
                    yield MarkedCheckbox(REPLACE_BOX, False, id="export-replace", compact=True)
                with row("statuses"):
                    for status in STATUS_BOXES:
                        name = status.replace("_", " ")
                        yield MarkedCheckbox(
                            name, status in statuses, id=f"export-status-{status}", compact=True
                        )
                with row("split"):
                    hint = "none · e.g. train=0.8,dev=0.1,test=0.1"
                    yield Input(last.split or "", placeholder=hint, id="export-split", compact=True)
                    yield Label("seed", id="export-seed-name")
                    yield Input(str(last.seed), type="integer", id="export-seed", compact=True)
                with row("options", "export-options"):
                    text = "with text (each line gets the document's text and meta)"
                    yield MarkedCheckbox(text, last.with_text, id="export-with-text", compact=True)
                    yield choice(STYLES, last.style, "export-style")
                    yield choice(OFFSETS, last.offsets, "export-offsets")
                yield Static(id="export-command")
                with Vertical(id="export-result"):
                    yield Static(id="export-state")
                    yield Static(id="export-files")
                    yield Static(id="export-warnings")
            # The messages showing (those from before it opened too), over no option: as
            # toasts they covered the options. Above the Export button, which stays in sight.
            yield MessagesSaid(since_opened=False, id="export-messages")
            with Horizontal(id="export-actions"):
                yield Button("Export", id="export-run", variant="primary", compact=True)
                yield Label("enter in a field exports too", id="export-actions-hint")
        # Its own keys: the article's footer below showed through, keys that do nothing here.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._format_changed()
        self.query_one("#export-format", Select).focus()
        if self.running:
            self._show(None, "the last export is still running; you are told when it ends")

    @property
    def running(self) -> bool:
        return self.key in _RUNNING

    # ------------------------------------------------------------- the options
    @property
    def fmt(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    def _split_text(self) -> str | None:
        return self.query_one("#export-split", Input).value.strip() or None

    @on(Select.Changed, "#export-format")
    def _format_changed(self) -> None:
        fmt = self.fmt
        self.query_one("#export-with-text").display = fmt in WITH_TEXT_FORMATS
        self.query_one("#export-style").display = fmt in STYLE_FORMATS
        self.query_one("#export-offsets").display = fmt in UTF16_FORMATS
        shown = fmt in WITH_TEXT_FORMATS | STYLE_FORMATS | UTF16_FORMATS
        self.query_one("#export-options").display = shown
        self._output_kind_changed()

    @on(Input.Changed, "#export-split")
    def _output_kind_changed(self) -> None:
        split = self._split_text() is not None
        self.query_one("#export-seed", Input).disabled = not split
        out = self.query_one("#export-out", Input)
        fresh = str(default_out(self.base, self.session.annotator, self.fmt, split))
        if out.value.strip() in ("", self._default_out):  # not typed by hand: follow the format
            out.value = fresh
        self._default_out = fresh
        self._show_hint()
        self._show_command()

    @on(Input.Changed, "#export-out")
    @on(Checkbox.Changed, "#export-replace")
    def _show_hint(self) -> None:
        """What the export will do to the output as it stands, or the line it would stop with,
        as the output is typed (looked at again after each export, which has made or replaced
        it): a trial's output inside the corpus folder read "one new file" until Export."""
        typed = self.query_one("#export-out", Input).value
        force = self.query_one("#export-replace", Checkbox).value
        inputs = (self.session.journal, self.session.corpus.path)
        hint = output_hint(self.fmt, self._split_text(), typed, force, inputs)
        line = self.query_one("#export-out-hint", Static)
        # Plain text: a path or a file's JSON keys may hold brackets ("[/x]"), which as
        # markup were eaten or stopped the app.
        line.update(Content(hint))
        line.set_class(hint.startswith(REFUSED_MARK), "-refused")

    @on(Input.Changed, "#export-out")
    @on(Input.Changed, "#export-seed")
    @on(Checkbox.Changed)
    @on(Select.Changed, "#export-style")
    @on(Select.Changed, "#export-offsets")
    def _on_option(self) -> None:
        self._show_command()

    def request(self) -> ExportRequest:
        """The export the fields describe; AnnotatorError (one line) for a field left wrong."""
        fmt, session = self.fmt, self.session
        out = output_path(self.query_one("#export-out", Input).value)
        statuses = [
            s for s in STATUS_BOXES if self.query_one(f"#export-status-{s}", Checkbox).value
        ]
        if not statuses:
            raise AnnotatorError("statuses: tick at least one")
        split = self._split_text()
        if split is not None:
            try:
                parse_split(split)  # refused here, in the box's name, before anything runs
            except AnnotatorError as error:
                raise AnnotatorError(f"split: {str(error).removeprefix(_SPLIT_OPTION)}") from None
        seed_text = self.query_one("#export-seed", Input).value.strip() or "0"
        try:
            seed = int(seed_text) if split is not None else 0
        except ValueError:
            raise AnnotatorError(f"seed: {seed_text!r} is not a whole number") from None
        with_text = self.query_one("#export-with-text", Checkbox).value
        style = self.query_one("#export-style", Select).value
        offsets = self.query_one("#export-offsets", Select).value
        return ExportRequest(
            source=session.journal,
            fmt=fmt,
            out=out,
            corpus=session.corpus.path,
            annotator=session.annotator,
            scheme_path=session.scheme_path,
            status=",".join(statuses),
            split=split,
            seed=seed,
            with_text=with_text and fmt in WITH_TEXT_FORMATS,
            style=str(style) if fmt in STYLE_FORMATS else "label",
            offsets=str(offsets) if fmt in UTF16_FORMATS else "codepoints",
            force=self.query_one("#export-replace", Checkbox).value,
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
            self._show(None, "the last export is still running; you are told when it ends")
            return
        try:
            request = self.request()
        except AnnotatorError as error:
            self._show(Outcome(self.last, error=str(error)))
            return
        _LAST[self.key] = self.last = request
        _RUNNING.add(self.key)
        self.query_one("#export-run", Button).disabled = True
        self._show(None, f"exporting to {request.out} … (escape closes; the export carries on)")
        self._export(request, self.app)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, request: ExportRequest, app: App[object]) -> None:
        # ``app`` comes from the event loop: once escape has closed the screen, the screen
        # no longer leads to it.
        outcome = export_now(request, self.session)
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app has closed meanwhile
            app.call_from_thread(self._finished, outcome, app)

    def _finished(self, outcome: Outcome, app: App[object]) -> None:
        _RUNNING.discard(self.key)
        if self in app.screen_stack:
            self.query_one("#export-run", Button).disabled = False
            self._show_hint()
            self._show(outcome)
            self.query_one("#export-state").scroll_visible(animate=False, top=True)
            return
        warned = len(outcome.warnings)
        more = f"\n{warned} warning(s): export again to read them" if warned else ""
        app.notify(
            outcome.summary().replace(*_SPLIT_ADVICE) + more,
            title="export" if outcome.error is None else "export stopped",
            severity="error" if outcome.error else "warning" if warned else "information",
            timeout=15,
        )

    def _show(self, outcome: Outcome | None, running: str = "") -> None:
        """The result of ``outcome`` (or, with None, the line ``running``)."""
        state = self.query_one("#export-state", Static)
        failed = outcome is not None and outcome.error is not None
        if outcome is None:
            state.update(Text(running, style="yellow"))
        else:
            mark, style = ("✖ ", "bold") if failed else ("✓ ", "bold green")
            summary = outcome.summary().replace(*_SPLIT_ADVICE)  # the boxes, not the options
            state.update(Text(mark + summary, style=style))
        state.set_class(failed, "-error")
        files, warnings = Text(), Text()
        written = outcome.result.files if outcome and outcome.result else []
        if outcome is not None and written != [outcome.request.out]:  # one file: said above
            cut = SHOWN_FILES if len(written) > SHOWN_FILES + 2 else len(written)
            files.append("".join(f"  {path}\n" for path in written[:cut]))
            if cut < len(written):
                files.append(f"  … and {len(written) - cut} more under {outcome.request.out}\n")
        if outcome is not None and outcome.warnings:
            before = " before it stopped" if outcome.error else ""
            warnings.append(f"{len(outcome.warnings)} warning(s){before}:\n", style="bold yellow")
            warnings.append("".join(f"{line}\n" for line in outcome.warnings))
        elif outcome is not None and outcome.result is not None:
            warnings.append("no warnings", style="dim")
        self.query_one("#export-files", Static).update(files)
        self.query_one("#export-warnings", Static).update(warnings)

    def action_close(self) -> None:
        self.dismiss(None)
