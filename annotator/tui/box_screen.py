"""A box over a screen (a list to pick from, help, a question) that closes only itself:
``BoxScreen``.

Textual's ``dismiss`` pops whatever screen is on top. A box closed twice (a list's enter and an
escape typed after it, both on their way on a loaded machine) or closed while another box is
over it popped the screen below: the annotation screen went, and left a blank one that took no
key. A box not on top closes nothing.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class BoxScreen(ModalScreen[ResultT]):
    """A modal screen whose ``dismiss`` acts only while it is the screen on top."""

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.app.screen is not self:
            # Closed already, or under another box: popping would close another screen.
            self.log.warning(f"{self!r} closed while not on top: left as it is")
            return AwaitComplete()
        return super().dismiss(result)
