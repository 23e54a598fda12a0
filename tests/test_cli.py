"""The commands as a person runs them: output, exit status, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from annotator import __version__
from annotator.cli import main
from tests.conftest import make_record

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"annotator {__version__}\n"


def test_help_and_core_never_import_textual() -> None:
    probe = (
        "import sys, contextlib, io\n"
        "import annotator.core.models, annotator.core.scheme, annotator.core.corpus\n"
        "import annotator.core.store, annotator.core.validate, annotator.core.stats\n"
        "import annotator.core.jsonschemas\n"
        "from annotator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_every_core_module_stays_free_of_textual() -> None:
    modules = sorted(
        f"annotator.core.{path.stem}"
        for path in (ROOT / "annotator" / "core").glob("*.py")
        if path.stem != "__init__"
    )
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print([m for m in sys.modules if m.split('.')[0] == 'textual'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_validate_ok_and_problems(write_jsonl: Callable[..., Path], corpus_dir: Path) -> None:
    good = write_jsonl("good.jsonl", make_record())
    result = run("validate", str(good), "--corpus", str(corpus_dir))
    assert (result.returncode, result.stdout) == (0, "")
    bad = write_jsonl("bad.jsonl", make_record(), make_record(spans=[{"id": "s1"}]))
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:2: spans.0.start: required field is missing",
        f"{bad}:2: spans.0.end: required field is missing",
        f"{bad}:2: spans.0.label: required field is missing",
        f"{bad}:2: spans.0.text: required field is missing",
    ]
    assert "Traceback" not in result.stderr
    assert result.stderr == "4 problems found\n"


def test_validate_says_a_warning_and_exits_0(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    record = make_record(form={"releases": [{"count": 146}]}, links={"releases[0].count": ["s1"]})
    path = write_jsonl("j.jsonl", record)
    result = run("validate", str(path), "--corpus", str(corpus_dir))
    assert result.returncode == 0
    assert result.stdout == (
        f"{path}:1: links.releases[0].count: warning: links s1 (actor 'Russia'), but the field "
        "is filled from count spans\n"
    )
    assert result.stderr == (
        f"ok: 1 file(s) valid: {path} (journal); texts checked against the corpus "
        f"{corpus_dir}; 1 warning(s) above\n"
    )


def test_validate_of_one_problem_is_one_line(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.jsonl"
    result = run("validate", str(missing))
    assert result.returncode == 1
    assert (result.stdout, result.stderr) == (f"{missing}: no such file\n", "")
    bad = write_jsonl("bad.jsonl", make_record(), make_record(status="finished"))
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith(f"{bad}:2: status: ")
    assert result.stderr == ""


def test_validate_ok_is_one_line_on_stderr(write_jsonl: Callable[..., Path]) -> None:
    files = [str(write_jsonl(f"{name}.jsonl", make_record())) for name in "ab"]
    result = run("validate", *files)
    # What each file was read as, and that no corpus was checked (README: the summary says).
    said = (
        f"ok: 2 file(s) valid: {files[0]} (journal), {files[1]} (journal); not checked against "
        "a corpus (--corpus checks that each record's document is in it and its spans against "
        "the text)\n"
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", said)


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("validate", "{missing}"), 1, "{missing}: no such file"),
        (("validate", "{good}", "--corpus", "{missing}"), 1, "no such corpus"),
        (("validate", "{good}", "--scheme", "{missing}"), 1, "cannot read scheme"),
        (("stats", "{missing}"), 1, "{missing}: no such file"),
        (("compact", "{missing}"), 1, "{missing}: no such file"),
        (("validate",), 2, "the following arguments are required: FILE"),
        (("frobnicate",), 2, "invalid choice"),
        (("schema", "check"), 2, "usage: annotator schema check SCHEME.toml"),
    ],
)
def test_bad_input_is_one_clear_line(
    write_jsonl: Callable[..., Path],
    tmp_path: Path,
    args: tuple[str, ...],
    status: int,
    message: str,
) -> None:
    names = {"missing": str(tmp_path / "missing.jsonl"), "good": str(write_jsonl("g.jsonl"))}
    result = run(*(arg.format(**names) for arg in args))
    assert result.returncode == status
    assert message.format(**names) in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_scheme_errors_are_reported_by_validate(
    tmp_path: Path, write_jsonl: Callable[..., Path]
) -> None:
    scheme = tmp_path / "s.toml"
    scheme.write_text(
        'name = "x"\n[[labels]]\nname = "actor"\nkey = "d"\ncolor = "#000000"\n', encoding="utf-8"
    )
    result = run("validate", str(write_jsonl("j.jsonl", make_record())), "--scheme", str(scheme))
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{scheme}:4: label 'actor' ([[labels]] #1): key 'd' is one of the screen's own keys"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'name = "x"\n[[labels]]\nname = "a"\nkey = "d"\ncolor = "#000000"\n',
            ":4: label 'a' ([[labels]] #1): key 'd' is one of the screen's own keys",
        ),
        (
            'name = "x"\n[[labels]]\nname = "a"\nkey = "1"\ncolor = "red"\n',
            ":5: label 'a' ([[labels]] #1): color 'red' is not a colour as #rrggbb",
        ),
        (
            'name = "x"\n[[labels]]\nname = "a"\nkey = "1"\ncolor = "#000000"\n'
            '[[labels]]\nname = "b"\nkey = "1"\ncolor = "#000000"\n',
            ":8: label 'b' ([[labels]] #2): key '1' is already that of label 'a'; choose another",
        ),
        (
            'name = "x"\n[[labels]]\nname = "a"\nkey = "1"\ncolor = "#000000"\n'
            '[[fields]]\nname = "n"\ntype = "integer"\nfrom_label = "a"\n',
            ":9: field 'n' ([[fields]] #1): an integer field cannot be filled from label 'a' "
            "(value_type none)",
        ),
        (
            'name = "x"\n[[labels]]\nname = "a"\nkey = "1"\ncolor = "#000000"\n'
            '[[fields]]\nname = "t"\ntype = "choice"\n',
            ":6: field 't' ([[fields]] #1): a choice field needs choices",
        ),
        ('name = "x"\nlabels = [', "invalid TOML"),
    ],
)
def test_schema_check_reports_scheme_errors(tmp_path: Path, body: str, message: str) -> None:
    scheme = tmp_path / "s.toml"
    scheme.write_text(body, encoding="utf-8")
    result = run("schema", "check", str(scheme))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{scheme}:")
    assert message in result.stdout


def test_schema_check_lists_every_problem_in_one_run(tmp_path: Path) -> None:
    scheme = tmp_path / "s.toml"
    labels = [("a", "1", "red", "none"), ("b", "2", "#000000", "float"), ("a", "d"), ("c", "x")]
    body = 'name = "x"\n'
    for name, key, *rest in labels:
        color, value_type = rest or ("#000000", "none")
        body += f'[[labels]]\nname = "{name}"\nkey = "{key}"\ncolor = "{color}"\n'
        body += f'value_type = "{value_type}"\n'
    scheme.write_text(body, encoding="utf-8")
    result = run("schema", "check", str(scheme))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Each at its line, the label named with its place.
    assert [line.removeprefix(f"{scheme}:").partition("): ")[0] + ")" for line in lines] == [
        "5: label 'a' ([[labels]] #1)",
        "11: label 'b' ([[labels]] #2)",
        "13: label 'a' ([[labels]] #3)",
        "14: label 'a' ([[labels]] #3)",
        "19: label 'c' ([[labels]] #4)",
    ]
    assert result.stderr == ""


def test_schema_check_of_default_scheme_and_json_schemas_are_current() -> None:
    result = run("schema", "check", str(ROOT / "schemas" / "prisoner_exchange.toml"))
    assert result.returncode == 0, result.stdout
    result = run("schema", "--check", str(ROOT / "schemas"))
    assert result.returncode == 0, result.stdout
    assert run("schema", "--check").returncode == 0


def test_schema_check_finds_drift(tmp_path: Path) -> None:
    assert run("schema", "--write", str(tmp_path)).returncode == 0
    assert run("schema", "--check", str(tmp_path)).returncode == 0
    record = tmp_path / "record.schema.json"
    record.write_bytes(record.read_bytes().replace(b'"doc_id"', b'"document"'))
    result = run("schema", "--check", str(tmp_path))
    assert result.returncode == 1
    assert f"{record}: out of date" in result.stdout


def test_stats_json(write_jsonl: Callable[..., Path]) -> None:
    done = make_record(
        status="done", form={"event_type": "exchange"}, flagged=True, seconds_spent=30.5
    )
    path = write_jsonl(
        "j.jsonl",
        make_record(),
        done,
        make_record(doc_id="b", status="skipped", spans=[]),
        make_record(annotator="bob", doc_id="b"),
    )
    result = run("stats", str(path), "--json")
    assert result.returncode == 0
    assert orjson.loads(result.stdout) == {
        "annotators": {
            "alice": {
                "done": 1,
                "skipped": 1,
                "in_progress": 0,
                "flagged": 1,
                "spans": {"actor": 1},
                "seconds": 30.5,
            },
            "bob": {
                "done": 0,
                "skipped": 0,
                "in_progress": 1,
                "flagged": 0,
                "spans": {"actor": 1},
                "seconds": 0.0,
            },
        }
    }
    table = run("stats", str(path))
    assert table.returncode == 0 and "alice" in table.stdout and "bob" in table.stdout


def test_stats_tables_fit_80_columns(write_jsonl: Callable[..., Path]) -> None:
    spans = [
        {"id": f"s{n}", "start": 0, "end": 6, "label": label, "text": "Russia"}
        for n, label in enumerate(["actor", "releasee", "actor"], start=1)
    ]
    path = write_jsonl("j.jsonl", make_record(spans=spans), make_record(annotator="bob"))
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "stats", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80", "LINES": "24"},
        check=False,
    )
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 80
    rows = [line.split("│") for line in lines if line.startswith("│")]
    # The per-label table: alice has 2 actors and a releasee, bob one actor and none.
    cells = [[cell.strip() for cell in row[1:-1]] for row in rows if len(row) == 5]
    assert cells == [["alice", "2", "1"], ["bob", "1", "0"]]


def test_compact_command(write_jsonl: Callable[..., Path]) -> None:
    path = write_jsonl("j.jsonl", make_record(note="1"), make_record(note="2"))
    result = run("compact", str(path))
    assert (result.returncode, result.stdout) == (0, f"{path}: 2 line(s) → 1\n")
    assert orjson.loads(path.read_bytes())["note"] == "2"


def test_validate_does_not_modify_a_torn_journal(write_jsonl: Callable[..., Path]) -> None:
    path = write_jsonl("j.jsonl", make_record(), b'{"torn')
    before = path.read_bytes()
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "j.jsonl:2: incomplete last line" in result.stdout
    assert path.read_bytes() == before


def test_compact_of_a_locked_journal_is_refused(write_jsonl: Callable[..., Path]) -> None:
    path = write_jsonl("j.jsonl", make_record(note="1"), make_record(note="2"))
    before = path.read_bytes()
    lock = path.with_name("j.jsonl.lock")
    lock.write_bytes(orjson.dumps({"host": "elsewhere", "pid": 4242, "since": 0}))
    result = run("compact", str(path))
    assert result.returncode == 1
    assert result.stderr == (
        f"{path}: locked by process 4242 on elsewhere: another annotator process is writing "
        f"it (if it is gone, as `ps -p 4242` on elsewhere shows, remove {lock}; a stopped "
        "process is not gone)\n"
    )
    assert path.read_bytes() == before
