"""A class set on the annotation screen restyles only the widgets the rules naming it style.

Textual restyles a node and every node under it when one of its classes changes. The screen's
classes change often (``-guidelines`` as g opens the guidelines, ``-focus-beside-article`` as the
focus moves between the article and the panel, the sizes' ``-narrow``, ``-under``, ``-short``),
and the screen holds some 50 widgets, 220 once the guidelines are read (their Markdown blocks):
each change took 15 to 35 ms, two of them at each g (bench/overlay_open.py). Only the rules
that name the class can start or stop applying; each styles the widgets its selector ends on
(``#side``, ``Toast``, ``ToastHolder``...): those are restyled, with the screen. A rule ending on
a class, on any widget (``*``) or on a scrollbar (Textual styles those apart) is not followed:
every node is restyled, as Textual would.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen


def styled_by_rules_naming(stylesheet: Stylesheet, classes: Iterable[str]) -> set[str] | None:
    """The names (``#id``, a widget type) the rules naming any of ``classes`` end on; None
    when one ends on something else (then every node is to be restyled)."""
    wanted = set(classes)
    ends: set[str] = set()
    for rule in stylesheet.rules:
        named = (
            selector.type == SelectorType.CLASS and selector.name in wanted
            for selectors in rule.selector_set
            for selector in selectors.selectors
        )
        if any(named):
            ends |= rule.selector_names
    if any(end == "*" or end.startswith((".", "ScrollBar")) for end in ends):
        return None
    return ends


def restyle_for_classes(screen: Screen[Any], classes: Iterable[str]) -> None:
    """What Textual does when ``classes`` of ``screen`` change, for the nodes it can change."""
    stylesheet = screen.app.stylesheet
    ends = styled_by_rules_naming(stylesheet, classes)
    nodes: Iterable[DOMNode] = screen.walk_children(with_self=True)
    if ends is not None:
        under = screen.walk_children()
        nodes = [screen, *(node for node in under if names_of(node) & ends)]
    stylesheet.update_nodes(nodes, animate=True)


def names_of(node: DOMNode) -> set[str]:
    """What a selector can name ``node`` by: its id, its classes and the names of the classes it
    is made of. Every class of its type counts, where Textual counts those up to one that does
    not inherit CSS: a few more nodes restyled, never one fewer (and no private attribute)."""
    names = {f".{name}" for name in node.classes}
    names.update(kind.__name__ for kind in type(node).__mro__)
    if node.id is not None:
        names.add(f"#{node.id}")
    return names


class ClassesRestyleFew(Screen[Any]):
    """A screen whose class changes restyle only what they can change (``restyle_for_classes``)."""

    def add_class(self, *class_names: str, update: bool = True) -> Self:
        added = set(class_names) - self.classes
        super().add_class(*class_names, update=False)
        if update and added:
            restyle_for_classes(self, added)
        return self

    def remove_class(self, *class_names: str, update: bool = True) -> Self:
        removed = set(class_names) & self.classes
        super().remove_class(*class_names, update=False)
        if update and removed:
            restyle_for_classes(self, removed)
        return self
