"""Key tables read from the classes' public ``BINDINGS``: the help screen and the palette use them.

The annotation screen's class is made per scheme (its label keys come from the scheme), and the
article, the screen and the app each declare their complete list, so nothing here needs Textual's
private binding maps.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from annotator.core.scheme import Scheme

ScreenClass = TypeVar("ScreenClass", bound=Screen[Any])


def label_bindings(scheme: Scheme) -> list[Binding]:
    """One binding per label of the scheme: its key labels the selection."""
    return [Binding(label.key, f"label('{label.name}')", label.name) for label in scheme.labels]


def unused_digit_bindings(scheme: Scheme) -> list[Binding]:
    """One binding per digit no label of the scheme takes: it says so and which keys label
    (``not_a_label_key``). A trial's 5, with four labels, did nothing and said nothing while a
    selection waited for its label. No description: the help and the footer leave them out."""
    taken = {label.key for label in scheme.labels}
    return [
        Binding(digit, f"not_a_label_key('{digit}')", "", show=False)
        for digit in "1234567890"
        if digit not in taken
    ]


def with_label_keys(
    screen_class: type[ScreenClass], scheme: Scheme, unused_digits: bool = False
) -> type[ScreenClass]:
    """A subclass of ``screen_class`` whose bindings start with the scheme's label keys, and
    with ``unused_digits`` end with ``unused_digit_bindings``.

    Label keys come first so the footer shows them first; Screen's own focus keys are kept.
    """
    bindings: list[BindingType] = [
        *Screen.BINDINGS,
        *label_bindings(scheme),
        *screen_class.BINDINGS,
        *(unused_digit_bindings(scheme) if unused_digits else []),
    ]
    namespace = {"BINDINGS": bindings, "__module__": screen_class.__module__}
    made: type[ScreenClass] = type(
        screen_class.__name__, (screen_class,), namespace, inherit_bindings=False
    )
    return made


def declared(node_class: type) -> list[Binding]:
    """The bindings a class declares, with comma-separated keys split."""
    return list(Binding.make_bindings(getattr(node_class, "BINDINGS", [])))


def key_rows(bindings: Iterable[Binding], skip_keys: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(keys, description) rows, keys of one description joined with ' / '."""
    skip = set(skip_keys)
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if binding.key in skip or not binding.description:
            continue
        shown = binding.key_display or binding.key
        keys = rows.setdefault(binding.description, [])
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for description, keys in rows.items()]
