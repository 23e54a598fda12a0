"""The annotation screen: the article, the panel beside it, and every key of issue 3.

Keys become calls on the AnnotationSession; after each change the views are redrawn from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Markdown, OptionList, Static, TextArea
from textual.worker import get_current_worker

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document
from annotator.core.scheme import guidelines_path
from annotator.core.session import AnnotationSession
from annotator.tui.article import ArticleView
from annotator.tui.form_panel import (
    EventForm,
    FieldEdited,
    GroupEdited,
    Legend,
    NoteEdited,
    SpanDetail,
    SpanList,
    ValueEdited,
)
from annotator.tui.screens import STATUS_MARKS, DocListScreen, HelpScreen

_FAILED = object()
SAVE_MARKS = {
    "saved": ("● saved", "green"),
    "saving": ("◌ saving…", "yellow"),
    "error": ("✖ NOT SAVED (retrying)", "bold white on red"),
}


# Actions that need an open document (disabled while none could be read).
_NEEDS_DOCUMENT = {
    "label",
    "rebound",
    "delete_span",
    "undo",
    "redo",
    "next_span",
    "previous_span",
    "toggle_char_mode",
    "search",
    "done",
    "skip",
    "flag",
    "focus_form",
    "fill_from_span",
}


class DocumentLoaded(Message):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document


class LoadFailed(Message):
    def __init__(self, doc_id: str, problem: str) -> None:
        super().__init__()
        self.doc_id, self.problem = doc_id, problem


class AnnotateScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rebound", "Re-bound", show=False),
        Binding("x", "delete_span", "Delete span", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("d", "done", "Done"),
        Binding("s", "skip", "Skip"),
        Binding("f", "flag", "Flag", show=False),
        Binding("n", "next_doc", "Next doc"),
        Binding("p", "previous_doc", "Previous document", show=False),
        Binding("u", "next_unfinished", "Next unfinished", show=False),
        Binding("l", "doc_list", "List"),
        Binding("o", "focus_form", "Go to the form", show=False),
        Binding("slash", "search", "Search", key_display="/", show=False),
        Binding("c", "toggle_char_mode", "Char mode", show=False),
        Binding("g", "guidelines", "Guidelines", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+l", "fill_from_span", "Fill field from span", show=False),
        Binding("ctrl+r", "start_over", "Start over (stale record)"),
        Binding("escape", "focus_article", "Back to article", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, session: AnnotationSession) -> None:
        super().__init__()
        self.session = session
        self.scheme = session.scheme
        self._failed_id: str | None = None  # a document that could not be read
        # The scheme's label keys come first, so the footer shows them first.
        labels = BindingsMap(
            [
                Binding(label.key, f"label('{label.name}')", label.name)
                for label in self.scheme.labels
            ]
        )
        for key, bindings in self._bindings.key_to_bindings.items():
            labels.key_to_bindings.setdefault(key, []).extend(bindings)
        self._bindings = labels

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Static(id="banner")
                yield ArticleView(self.scheme, id="article")
                yield Input(
                    placeholder="search: enter selects the next match · escape returns",
                    id="search",
                    compact=True,
                )
            yield Markdown(id="guidelines")
            with Vertical(id="side"):
                yield Legend(self.scheme, id="legend")
                yield SpanList(id="spans")
                yield SpanDetail(self.scheme, id="detail")
                yield EventForm(self.scheme, id="form")
        yield Footer(compact=True)

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    def on_mount(self) -> None:
        self.query_one("#search").display = False
        self.query_one("#guidelines").display = False
        self.query_one("#banner").display = False
        self.open_document(self.session.first_unfinished_id())
        for message in self.session.messages:
            self.notify(message, timeout=10)
        if not self.session.store.records:
            keys = "/".join(label.key for label in self.scheme.labels)
            self.notify(
                f"Select words with shift+arrows or the mouse, press {keys} to label them, "
                "o to fill the event form, d when the article is done. "
                "? lists every key; ctrl+p finds any action by name.",
                title="Welcome",
                timeout=20,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        loaded = self.session.loaded
        if action == "start_over":  # only offered (and shown) for a stale record
            return loaded and self.session.stale is not None
        if action in _NEEDS_DOCUMENT and not loaded:
            return None
        return True

    # ------------------------------------------------------------- documents
    def open_document(self, doc_id: str) -> None:
        self.article.loading = True
        self._read(doc_id)

    @work(thread=True, exclusive=True, group="read")
    def _read(self, doc_id: str) -> None:
        try:
            document = self.session.read(doc_id)
        except AnnotatorError as error:
            message: Message = LoadFailed(doc_id, str(error))
        else:
            message = DocumentLoaded(document)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    async def on_document_loaded(self, message: DocumentLoaded) -> None:
        self._failed_id = None
        self.session.enter(message.document)
        article = self.article
        article.load_text(message.document.text)
        article.loading = False
        self.redraw()
        article.move_to_offset(0)
        article.scroll_home(animate=False)
        article.focus()
        self.show_notices()

    def on_load_failed(self, message: LoadFailed) -> None:
        """Show that the document cannot be read; n / p / u move on from it."""
        self.session.close_document()
        self._failed_id = message.doc_id
        article = self.article
        article.loading = False
        article.load_text("")
        self.query_one("#spans", SpanList).show(self.scheme, None, None)
        self.query_one("#detail", SpanDetail).show(None, [])
        self.query_one("#form", EventForm).disable()
        banner = self.query_one("#banner", Static)
        banner.update(f"✖ Cannot read {message.doc_id}: {message.problem}\nn / p / u / l move on.")
        banner.display = True
        position = self.session.ids.index(message.doc_id) + 1
        self.query_one("#status", Static).update(
            Text(f" {position}/{len(self.session.ids)}  {message.doc_id} · cannot be read")
        )
        self.refresh_bindings()

    # ------------------------------------------------------------- redrawing
    def redraw(self) -> None:
        """Draw everything from the session (after a change or a new document)."""
        session = self.session
        self.article.set_spans(session.record.spans)
        self.run_worker(self.update_form(), group="form", exclusive=True)
        self.refresh_side()
        self.refresh_status()
        self.refresh_bindings()
        banner = self.query_one("#banner", Static)
        stale = session.stale
        banner.display = stale is not None
        if stale is not None:
            banner.update(
                f"⚠ Stale record: this text changed since you annotated it "
                f"({stale.updated_at or 'earlier'}: {len(stale.spans)} spans, {stale.status}). "
                "It is not shown and nothing is saved. ctrl+r starts over and replaces it."
            )

    async def update_form(self) -> None:
        """The form from the record (a group whose size changed is rebuilt, hence async)."""
        await self.query_one("#form", EventForm).show(self.session)

    def show_notices(self) -> None:
        for notice in self.session.take_notices():
            self.notify(notice, timeout=8)

    def refresh_side(self) -> None:
        session = self.session
        span = session.span(session.selected)
        others = session.spans_under(self.article.cursor_offset) if span else []
        cursor = self.article.cursor_offset
        self.query_one("#spans", SpanList).show(
            self.scheme, session.record, session.selected, cursor
        )
        self.query_one("#detail", SpanDetail).show(span, others)

    def refresh_status(self) -> None:
        session = self.session
        if not session.loaded:
            return
        document, record = session.document, session.record
        done, total = session.progress()
        text = Text()
        text.append(f" {session.position + 1}/{total} ", style="bold reverse")
        text.append(f" {document.id}", style="bold")
        if document.meta.get("date"):
            text.append(f" · {document.meta['date']}")
        status = "stale" if session.stale else session.status_of(document.id)
        text.append(f" · {STATUS_MARKS.get(status, '⚠ stale')}")
        if record.flagged:
            text.append(" ⚑ flagged", style="bold yellow")
        if session.char_mode:
            text.append(" · CHAR MODE", style="bold magenta")
        text.append(f" · {session.annotator} · done {done}/{total} · ")
        mark, style = SAVE_MARKS.get(session.save_state, SAVE_MARKS["error"])
        text.append(mark, style=style)
        self.query_one("#status", Static).update(text)

    def change(self, action: Callable[..., Any], *args: Any) -> Any:
        """Run a session action; a refusal is shown, not raised. Returns _FAILED on refusal."""
        self.session.activity()
        try:
            result = action(*args)
        except AnnotatorError as error:  # a Refused action, or no document open
            self.notify(str(error), severity="warning")
            return _FAILED
        self.redraw()
        self.show_notices()
        return result

    # ------------------------------------------------------------ the article
    @on(TextArea.SelectionChanged, "#article")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        session = self.session
        if not session.loaded:
            return
        session.activity()
        start, end = self.article.selection_offsets()
        if start == end:
            before = session.selected
            session.select_at(end)
            if session.selected != before:
                self.refresh_side()

    def action_label(self, label: str) -> None:
        start, end = self.article.selection_offsets()
        if start == end and self.session.selected is None:
            self.session.select_at(start)
        span = self.change(self.session.label_selection, start, end, label)
        if span is not _FAILED and start != end:
            self.article.move_to_offset(span.end)

    def action_rebound(self) -> None:
        start, end = self.article.selection_offsets()
        span = self.change(self.session.rebound, start, end)
        if span is not _FAILED:
            self.article.move_to_offset(span.end)

    def action_delete_span(self) -> None:
        self.change(self.session.delete)

    def action_undo(self) -> None:
        if self.change(self.session.undo) is False:
            self.notify("nothing to undo")

    def action_redo(self) -> None:
        if self.change(self.session.redo) is False:
            self.notify("nothing to redo")

    def _step(self, forward: bool) -> None:
        span = self.session.step_span(self.article.cursor_offset, forward)
        if span is None:
            self.notify("no spans in this document yet")
            return
        self.article.move_to_offset(span.start)
        self.article.scroll_cursor_visible(center=True)
        self.refresh_side()

    def action_next_span(self) -> None:
        self._step(True)

    def action_previous_span(self) -> None:
        self._step(False)

    def action_toggle_char_mode(self) -> None:
        session = self.session
        session.char_mode = not session.char_mode
        self.article.char_mode = session.char_mode
        self.notify(
            "character mode: selections are kept exactly"
            if session.char_mode
            else "token mode: selections snap to whole words"
        )
        self.refresh_status()

    @on(OptionList.OptionSelected, "#spans")
    def _span_chosen(self, event: OptionList.OptionSelected) -> None:
        span = self.session.span(event.option.id)
        if span is not None:
            self.session.selected = span.id
            self.article.move_to_offset(span.start)
            self.article.scroll_cursor_visible(center=True)
            self.refresh_side()
            self.article.focus()

    # ---------------------------------------------------------------- search
    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _find_next(self, event: Input.Submitted) -> None:
        found = self.session.find(event.value, self.article.cursor_offset)
        if found is None:
            self.notify(f"{event.value!r} is not in this article", severity="warning")
            return
        self.article.select_offsets(*found)
        self.article.scroll_cursor_visible(center=True)

    # ------------------------------------------------------------------ form
    def action_focus_form(self) -> None:
        first = self.query_one("#form", EventForm).first_field()
        if first is not None:
            first.focus()

    def action_focus_article(self) -> None:
        self.query_one("#search").display = False
        self.article.focus()

    def action_fill_from_span(self) -> None:
        focused = self.focused
        path = getattr(focused, "name", None) if focused is not None else None
        if not path or focused is None or focused.id == "note":
            self.notify(
                "move to a form field (o), then ctrl+l fills it from the selected span",
                severity="warning",
            )
            return
        self.change(self.session.fill_from_span, path)

    def on_field_edited(self, message: FieldEdited) -> None:
        ok = self.change(self.session.set_field, message.path, message.raw) is not _FAILED
        message.widget.set_class(not ok, "-invalid")

    def on_value_edited(self, message: ValueEdited) -> None:
        ok = self.change(self.session.set_value, message.raw, message.span_id) is not _FAILED
        message.widget.set_class(not ok, "-invalid")

    def on_note_edited(self, message: NoteEdited) -> None:
        self.change(self.session.set_note, message.note)

    async def on_group_edited(self, message: GroupEdited) -> None:
        if message.index is not None:
            self.change(self.session.remove_group_item, message.group, message.index)
            return
        index = self.change(self.session.add_group_item, message.group)
        if index is not _FAILED:
            await self.update_form()  # the new item's fields exist once this returns
            form = self.query_one("#form", EventForm)
            first = form.first_field(prefix=f"{message.group}[{index}].")
            if first is not None:
                first.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.session.activity()

    # -------------------------------------------------------- moving through
    def _go(self, doc_id: str | None, none_message: str) -> None:
        if doc_id is None:
            self.notify(none_message)
        else:
            self.open_document(doc_id)

    def action_done(self) -> None:
        following = self.change(self.session.mark_done)
        if following is not _FAILED:
            self._go(following, "that was the last unfinished document")

    def action_skip(self) -> None:
        following = self.change(self.session.skip)
        if following is not _FAILED:
            self._go(following, "that was the last unfinished document")

    def action_flag(self) -> None:
        flagged = self.change(self.session.toggle_flag)
        if flagged is not _FAILED:
            self.notify("flagged for review" if flagged else "flag removed")

    def action_next_doc(self) -> None:
        self._go(self.session.next_id(self._failed_id), "this is the last document")

    def action_previous_doc(self) -> None:
        self._go(self.session.previous_id(self._failed_id), "this is the first document")

    def action_next_unfinished(self) -> None:
        self._go(
            self.session.next_unfinished_id(self._failed_id), "every other document is finished"
        )

    def action_start_over(self) -> None:
        if self.session.stale is None:
            self.notify("start over is for a stale record; this one is current")
            return
        self.change(self.session.start_over)

    def action_doc_list(self) -> None:
        def chosen(doc_id: str | None) -> None:
            if doc_id is not None:
                self.open_document(doc_id)

        current = self.session.document.id if self.session.loaded else None
        self.app.push_screen(DocListScreen(self.session.entries(), current), chosen)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.key_sections()))

    def key_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every binding of this screen, its article and the app, for the help screen."""
        labels = [
            (label.key, f"{label.name}: {label.description}" if label.description else label.name)
            for label in self.scheme.labels
        ]
        article = [
            ("arrows, ctrl+←/→", "move (ctrl: word by word)"),
            ("home / end, pageup / pagedown", "line start / end, page up / down"),
            ("shift + any move", "select (snapped to whole words; c: character mode)"),
            ("mouse drag", "select"),
        ]
        moves = {
            key
            for key, bindings in self.article._bindings.key_to_bindings.items()
            if all(b.action.startswith("cursor_") and "article" not in b.action for b in bindings)
        }
        article += _rows(self.article._bindings.key_to_bindings, skip=moves)
        screen = _rows(self._bindings.key_to_bindings, skip={lab.key for lab in self.scheme.labels})
        app = _rows(self.app._bindings.key_to_bindings)
        return [
            ("Labels: label the selection; with none, relabel the span at the cursor", labels),
            ("In the article", article),
            ("Anywhere (in the form, tab moves between fields)", screen + app),
        ]

    async def action_guidelines(self) -> None:
        viewer = self.query_one("#guidelines", Markdown)
        if viewer.display:
            viewer.display = False
            self.remove_class("-guidelines")
            return
        path = guidelines_path(self.session.scheme_path, self.scheme)
        if path is None:
            self.notify("this scheme has no guidelines file", severity="warning")
            return
        self._read_guidelines(str(path))

    @work(thread=True, group="guidelines")
    def _read_guidelines(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            self.app.call_from_thread(self.notify, f"{path}: {error}", severity="error")
            return
        self.app.call_from_thread(self._show_guidelines, text)

    def _show_guidelines(self, text: str) -> None:
        viewer = self.query_one("#guidelines", Markdown)
        viewer.update(text)
        viewer.display = True
        self.add_class("-guidelines")

    async def action_quit(self) -> None:
        await self.app.run_action("quit")


def _rows(key_to_bindings: dict[str, Any], skip: set[str] | None = None) -> list[tuple[str, str]]:
    rows: dict[str, list[str]] = {}
    for key, bindings in key_to_bindings.items():
        if skip and key in skip:
            continue
        for binding in bindings:
            if binding.description:
                shown = binding.key_display or key
                rows.setdefault(binding.description, []).append(shown)
    return [(" / ".join(keys), description) for description, keys in rows.items()]
