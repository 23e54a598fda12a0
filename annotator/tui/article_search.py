"""The article's search line (``/``), under the article."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class SearchLine(Input):
    """The article's search line (``/``). Its escape gives the search up: back to the article
    with nothing selected (``AnnotateScreen.action_abandon_search``). The footer says what
    enter and escape do, as it does for the form's inputs: a trial's showed only the words
    typed and ``^p palette``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Find", key_display="enter"),
        Binding("escape", "screen.abandon_search", "Cancel"),
    ]
