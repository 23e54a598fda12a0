"""No part of a screen shadows another's real method with a stub.

The screens are made of parts as the sessions are (``AnnotateScreen``: reading, skipping, undo,
field keys, guidelines; ``ReviewScreen``: its keys and editors). Several parts declare what they
need of the whole as methods raising NotImplementedError; such a stub found first in the method
resolution order, before a later part's real method, would raise when called. The check is the
sessions' (``tests/test_review_parts.py``), run over the screens and the widgets made the same way.
"""

from __future__ import annotations

import inspect

import pytest

from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.review_doc_list import ReviewDocListScreen
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.review_screen import ReviewScreen
from annotator.tui.review_span_value_edit import SpanValueScreen
from annotator.tui.screens import DocListScreen
from annotator.tui.span_pick import SpanPickScreen
from tests.test_review_parts import is_stub, shadowing_stubs

WHOLES = [
    AnnotateScreen,
    ReviewScreen,
    DocListScreen,
    ReviewDocListScreen,
    SpanPickScreen,
    FieldEditScreen,
    ItemsEditScreen,
    SpanValueScreen,
]


@pytest.mark.parametrize("whole", WHOLES, ids=lambda whole: whole.__name__)
def test_no_part_shadows_a_real_method_with_a_stub(whole: type) -> None:
    assert shadowing_stubs(whole) == []


@pytest.mark.parametrize("whole", WHOLES, ids=lambda whole: whole.__name__)
def test_every_stub_a_part_declares_the_whole_provides(whole: type) -> None:
    # A stub no class of the whole overrides would raise the first time it is called.
    declared = {
        name for one in whole.__mro__ for name, attribute in vars(one).items() if is_stub(attribute)
    }
    if whole in (AnnotateScreen, ReviewScreen):
        assert declared  # their parts declare some: the check below checks something
    assert [name for name in sorted(declared) if is_stub(inspect.getattr_static(whole, name))] == []


def test_the_check_finds_a_stub_before_the_real_method() -> None:
    # The check itself: a part declaring a stub, placed before the part that has it for real.
    class Declares:
        def go(self) -> None:
            raise NotImplementedError

    class Provides:
        def go(self) -> None:
            return None

    class Whole(Declares, Provides):
        pass

    assert shadowing_stubs(Whole) == ["Declares.go"]
    assert shadowing_stubs(type("Fine", (Provides, Declares), {})) == []
