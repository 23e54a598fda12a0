"""The annotation screen's guidelines pane: ``g`` opens the scheme's guidelines with the focus
in them, ``g`` or escape closes them (a mixin of ``annotate_screen.AnnotateScreen``)."""

from __future__ import annotations

from textual import work

from annotator.core.scheme import guidelines_path
from annotator.tui.session_view import GuidelinesView, SessionView


class GuidelinesActions(SessionView):
    """Opening, reading (in a thread) and closing the guidelines."""

    def action_focus_article(self) -> None:
        raise NotImplementedError  # AnnotateScreen's: closing them from inside goes back there

    def action_guidelines(self) -> None:
        """Open the guidelines with the focus in them (keys scroll them), or close them."""
        if self.query_one("#guidelines", GuidelinesView).display:
            self.action_close_guidelines()
            return
        path = guidelines_path(self.session.scheme_path, self.scheme)
        if path is None:
            self.notify("this scheme has no guidelines file", severity="warning")
            return
        self._read_guidelines(str(path))

    def action_close_guidelines(self) -> None:
        viewer = self.query_one("#guidelines", GuidelinesView)
        had_focus = viewer.has_focus
        viewer.display = False
        self.remove_class("-guidelines")
        if had_focus:
            self.action_focus_article()

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
        viewer = self.query_one("#guidelines", GuidelinesView)
        if text != viewer.source:  # unchanged: reopening keeps the place one was reading
            viewer.update(text)
        viewer.display = True
        self.add_class("-guidelines")
        viewer.focus()
