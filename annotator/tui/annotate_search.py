"""The annotation screen's search (a mixin of ``annotate_screen.AnnotateScreen``): ``/`` opens
the search line, enter goes to the next match and selects it in the article, so that a label
key labels it at once; escape gives the search up, and escape in the article lets go of the
selection (a match left selected was labelled by a label key pressed long after)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input

from annotator.tui.session_view import SessionView


class SearchKeys(SessionView):
    """``/``, enter and escape in the search line, and escape in the article."""

    if TYPE_CHECKING:
        # AnnotateScreen's: back to the article, the search line hidden.
        def action_focus_article(self) -> None: ...

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        self.show_search_bar(True)
        search.focus()
        # The last query stays, selected: enter finds its next match, typing replaces it.
        search.select_all()

    @on(Input.Submitted, "#search")
    def _find_next(self, event: Input.Submitted) -> None:
        found = self.session.find(event.value, self.article.cursor_offset)
        if found is None:
            self.tell_about("search", f"{event.value!r} is not in this article")
            # Selected: what is typed next replaces it, rather than run on after it (a trial's
            # next queries piled up into one: 'Renee/In returnx/...').
            self.query_one("#search", Input).select_all()
            return
        # Where the match stands, and a wrap said: a trial's enter went back to the top with
        # nothing said, nor how many there were.
        self.tell_about("search", found.said(event.value), "information")
        # Back to the article with the match selected, so a label key labels it at once.
        self.action_focus_article()
        self.article.select_offsets(found.start, found.end)
        self.article.scroll_cursor_visible(center=True)

    def action_clear_selection(self) -> None:
        """escape in the article: the selection goes, the cursor stays (as in brat or an
        editor): a trial's label key long after a search labelled the match it had left
        selected. With nothing selected, escape is what it is elsewhere."""
        if self.article.selection.is_empty:
            self.action_focus_article()  # hides a search line left open
        else:
            self.article.clear_selection()

    def action_abandon_search(self) -> None:
        """escape in the search line: back to the article with nothing selected, the match
        of an earlier search among them (a label key labelled it)."""
        self.action_focus_article()
        self.article.clear_selection()
