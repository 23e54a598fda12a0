"""An input whose own keys take effect in the order they were typed: ``InOrderInput``.

Textual inserts a typed character as soon as the input reads its key, but runs the input's key
bindings (backspace, delete, arrows, home, end...) only once the key has bubbled up to the app.
When the terminal delivers a bound key and a character in one read (a fast typist, or keys
batched over SSH: backspace then "d"), the character lands first and the backspace then deletes
it, so "abc", backspace, "d" gave "abc" instead of "abd". This input runs its own bindings as
each key arrives, in order with the typed characters; every other key goes on as before.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input


def _actions_by_key(bindings: list[Binding | tuple[str, ...]]) -> dict[str, str]:
    """Each key of ``bindings`` (a binding may name several, comma-separated) -> its action."""
    out: dict[str, str] = {}
    for binding in bindings:
        keys, action = (
            (binding.key, binding.action) if isinstance(binding, Binding) else binding[:2]
        )
        for key in keys.split(","):
            out.setdefault(key.strip(), action)
    return out


class InOrderInput(Input):
    """``Input``, its bound keys run when they arrive (see the module docstring)."""

    _ACTIONS = _actions_by_key(list(Input.BINDINGS))

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)  # restarts the cursor's blink; inserts a typed character
        action = self._ACTIONS.get(event.key)
        if action is None or event.is_printable:
            return
        # Handled here, so the app's binding check never sees it and cannot run it again.
        event.stop()
        event.prevent_default()
        await self.run_action(action)
