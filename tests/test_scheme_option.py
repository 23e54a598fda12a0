"""``--scheme FILE|NAME``: a file, or the name of a scheme shipped with annotator."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.cli import build_parser
from annotator.core import scheme as scheme_module
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import default_scheme_path, scheme_file, shipped_scheme_names
from tests.test_agreement_data import SCHEME_TOML, record, run_cli, write_journal

SCHEME_COMMANDS = ["annotate", "validate", "agree", "diff", "merge", "review", "export", "import"]


def test_the_default_scheme_by_name() -> None:
    assert "prisoner_exchange" in shipped_scheme_names()
    assert scheme_file("prisoner_exchange") == default_scheme_path()


def test_every_shipped_scheme_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    shutil.copy(default_scheme_path(), shipped / "prisoner_exchange.toml")
    (shipped / "test_scheme.toml").write_text(SCHEME_TOML, encoding="utf-8")
    (shipped / "prisoner_exchange.md").write_text("guidelines, not a scheme", encoding="utf-8")
    monkeypatch.setattr(scheme_module, "packaged_schemes_dir", lambda: shipped)
    monkeypatch.chdir(tmp_path)
    assert shipped_scheme_names() == ["prisoner_exchange", "test_scheme"]
    assert scheme_file("test_scheme") == shipped / "test_scheme.toml"
    with pytest.raises(AnnotatorError) as caught:
        scheme_file("prisoner_swap")
    assert str(caught.value) == (
        "--scheme prisoner_swap: no such file, nor the name of a scheme shipped with "
        "annotator (known: prisoner_exchange, test_scheme)"
    )
    # Not a name: a path, which load_scheme says it cannot read (guidelines are no scheme).
    assert scheme_file("prisoner_exchange.md") == Path("prisoner_exchange.md")


def test_a_path_that_exists_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "prisoner_exchange").write_text(SCHEME_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert scheme_file("prisoner_exchange") == Path("prisoner_exchange")


def test_commands_take_a_name(tmp_path: Path) -> None:
    journal = write_journal(
        tmp_path / "alice.jsonl", record("alice", form={"event_type": "exchange"})
    )
    result = run_cli("validate", journal, "--scheme", "prisoner_exchange")
    assert result.returncode == 0
    assert result.stderr.startswith(f"ok: 1 file(s) valid: {journal} (journal); not checked")
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form={"event_type": "exchange"}))
    result = run_cli("diff", journal, bob, "--scheme", "prisoner_exchange")
    assert (result.returncode, result.stderr) == (0, "")
    result = run_cli(
        "export", journal, "--format", "jsonl", "-o", "-", "--scheme", "prisoner_exchange"
    )
    assert result.returncode == 0, result.stderr


def test_an_unknown_name_is_one_line_with_the_known_ones(tmp_path: Path) -> None:
    journal = write_journal(tmp_path / "alice.jsonl", record("alice"))
    for command in (["validate", journal], ["diff", journal, journal], ["agree", journal]):
        result = run_cli(*command, "--scheme", "prisoner_swap")
        assert result.returncode == 1
        assert result.stderr == (
            "--scheme prisoner_swap: no such file, nor the name of a scheme shipped with "
            "annotator (known: prisoner_exchange)\n"
        )


def test_the_help_says_file_or_name() -> None:
    parser = build_parser()
    commands = next(
        action for action in parser._actions if hasattr(action, "choices") and action.choices
    )
    for name in SCHEME_COMMANDS:
        sub = commands.choices[name]
        [option] = [action for action in sub._actions if "--scheme" in action.option_strings]
        assert option.metavar == "FILE|NAME", name
        assert "name" in (option.help or ""), name
