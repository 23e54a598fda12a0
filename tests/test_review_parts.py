"""No part of a session shadows another's real method with a stub (``review_parts``).

A part declares what it needs of the whole as stubs raising NotImplementedError in the parts'
common base (``ReviewParts``, ``SessionParts``), last in the method resolution order. A stub in
a part itself would come before the real method of any part after it among the bases, and
calling it would raise (``elsewhere_hint`` once did in the annotation session).
"""

from __future__ import annotations

import ast
import inspect
import textwrap

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_parts import ReviewParts
from annotator.core.session import AnnotationSession
from annotator.core.session_parts import SessionParts


def is_stub(attribute: object) -> bool:
    """Whether ``attribute`` (a method or property, as a class holds it) does nothing but
    raise NotImplementedError, a docstring aside."""
    function = attribute.fget if isinstance(attribute, property) else attribute
    if not inspect.isfunction(function):
        return False
    (definition,) = ast.parse(textwrap.dedent(inspect.getsource(function))).body
    assert isinstance(definition, ast.FunctionDef | ast.AsyncFunctionDef)
    body = definition.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if len(body) != 1 or not isinstance(body[0], ast.Raise):
        return False
    raised = body[0].exc
    if isinstance(raised, ast.Call):
        raised = raised.func
    return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"


def shadowing_stubs(whole: type) -> list[str]:
    """``Class.name`` of every stub that ``whole`` finds first for a name more than one class
    of its method resolution order defines."""
    classes = [one for one in whole.__mro__ if one is not object]
    names = {name for one in classes for name in vars(one)}
    found = []
    for name in sorted(names):
        defining = [one for one in classes if name in vars(one)]
        if len(defining) > 1 and is_stub(vars(defining[0])[name]):
            found.append(f"{defining[0].__name__}.{name}")
    return found


def stubs_of(parts: type) -> list[str]:
    return sorted(name for name, attribute in vars(parts).items() if is_stub(attribute))


@pytest.mark.parametrize("whole", [ReviewSession, AnnotationSession])
def test_no_part_shadows_a_real_method_with_a_stub(whole: type) -> None:
    assert shadowing_stubs(whole) == []


@pytest.mark.parametrize(
    ("whole", "parts"), [(ReviewSession, ReviewParts), (AnnotationSession, SessionParts)]
)
def test_what_the_parts_declare_the_whole_provides(whole: type, parts: type) -> None:
    declared = stubs_of(parts)
    assert declared  # the check below checks something
    assert parts in whole.__mro__
    assert [name for name in declared if is_stub(inspect.getattr_static(whole, name))] == []


def test_the_review_parts_declare_nothing_themselves() -> None:
    # Every stub is in ReviewParts: the parts' own classes hold real methods only.
    parts = [one for one in ReviewSession.__mro__ if issubclass(one, ReviewParts)]
    assert [f"{one.__name__}: {stubs_of(one)}" for one in parts if stubs_of(one)] == [
        f"ReviewParts: {stubs_of(ReviewParts)}"
    ]


class _Real:
    def found(self) -> int:
        return 1

    @property
    def value(self) -> int:
        return 2


class _Stubbed:
    def found(self) -> int:
        """Provided elsewhere."""
        raise NotImplementedError

    @property
    def value(self) -> int:
        raise NotImplementedError()


class _Shadowed(_Stubbed, _Real):
    pass


class _Declared(_Real, _Stubbed):
    pass


def test_the_check_finds_a_stub_before_the_real_method() -> None:
    assert shadowing_stubs(_Shadowed) == ["_Stubbed.found", "_Stubbed.value"]
    assert shadowing_stubs(_Declared) == []
    assert not is_stub(vars(_Real)["found"])
    assert stubs_of(_Stubbed) == ["found", "value"]
