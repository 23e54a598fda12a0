"""Without a login name to fall back on, each command names its own option for the name."""

from __future__ import annotations

import getpass

import pytest

from annotator.commands.annotate_cmd import login_name
from annotator.core.errors import AnnotatorError


def no_login_name() -> str:
    raise KeyError("uid 12345 has no name")


@pytest.mark.parametrize(("option", "said"), [((), "--annotator"), (("--reviewer",), "--reviewer")])
def test_the_option_to_pass_is_the_command_s(
    monkeypatch: pytest.MonkeyPatch, option: tuple[str, ...], said: str
) -> None:
    monkeypatch.setattr(getpass, "getuser", no_login_name)
    with pytest.raises(AnnotatorError) as refused:
        login_name(*option)
    assert str(refused.value) == f"cannot tell your login name: pass {said} NAME"
