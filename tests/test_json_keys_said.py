"""The keys of a file of JSON objects are said safely wherever a refusal names them.

A trial's file whose first line was ``{"\\u001b[31mred\\u001b[0m":1,"a\\nb":2}``, given to
``annotator export --format jsonl -o``, printed its keys raw: the escape codes coloured the
terminal and the newline broke the one-line refusal in two. A key of 10,000 characters would
flood the line. Keys a person reads as they are (``column_data``) are said as before; others
as JSON strings, each cut with … past ``KEY_SAID_UP_TO``: in export's refusal, the export
screen's hint and ✖ line, import's ``already exists``, merge's refusal and validate's look.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.export_request import REFUSED_MARK, REPLACE_BOX, output_hint
from annotator.core.formats.held_kinds import KEY_SAID_UP_TO, said_keys
from annotator.core.goldfile import refuse_to_lose_decisions
from tests.test_formats_cli import cli
from tests.test_formats_fixtures import EXAMPLES
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."
ESCAPES = {"\x1b[31mred\x1b[0m": 1, "a\nb": 2}
ESCAPES_SAID = r'keys: "\u001b[31mred\u001b[0m", "a\nb"'
LONG = "k" * 10_000
LONG_SAID = "keys: " + "k" * (KEY_SAID_UP_TO - 1) + "…, short"


def _objects(folder: Path, keys: dict[str, int]) -> tuple[Path, bytes]:
    path = folder / "rows.jsonl"
    path.write_bytes(orjson.dumps(keys) + b"\n")
    return path, path.read_bytes()


def _one_safe_line(said: str) -> None:
    """One line (its newline at its end, if any), with no control character in it."""
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in said.removesuffix("\n"))


def test_ordinary_keys_are_said_as_they_are() -> None:
    assert said_keys(["column_data", "column_label"]) == "column_data, column_label"
    assert said_keys(["é", "中文", "a b"]) == "é, 中文, a b"
    assert said_keys([f"k{n}" for n in range(8)]) == "k0, k1, k2, k3, k4, k5, ..."


def test_keys_that_would_mislead_are_said_as_json_strings() -> None:
    assert said_keys(list(ESCAPES)) == ESCAPES_SAID.removeprefix("keys: ")
    # A right-to-left override, C1's CSI, DEL, a quote, a backslash, a comma, spaces at an end
    weird = ["\u202eabc", "\x9b2J", "\x7f", 'q"\\', "a,b", " s", ""]
    assert said_keys(weird[:6]) == r'"\u202eabc", "\u009b2J", "\u007f", "q\"\\", "a,b", " s"'
    assert said_keys([""]) == '""'


def test_long_keys_are_cut() -> None:
    assert said_keys([LONG, "short"]) == LONG_SAID.removeprefix("keys: ")
    cut = said_keys(["\x1b" * 100])
    assert cut == '"' + r"\u001b" * 6 + '…"' and len(cut) <= KEY_SAID_UP_TO


@pytest.mark.parametrize(
    ("keys", "said"), [(ESCAPES, ESCAPES_SAID), ({LONG: 1, "short": 2}, LONG_SAID)]
)
def test_export_and_its_screen_say_the_keys_safely(
    tmp_path: Path, keys: dict[str, int], said: str
) -> None:
    _, source = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])
    out, before = _objects(tmp_path, keys)
    holds = f"its first line is a JSON object ({said})"
    result = cli("export", source, "--format", "jsonl", "-o", out)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{out}: {holds}: choose another name, or pass --force to replace the file (nothing was "
        "written)\n"
    )
    _one_safe_line(result.stderr)
    assert out.read_bytes() == before
    refused = output_hint("jsonl", None, out)
    assert refused == (
        f'{REFUSED_MARK}{holds}: choose another name, or tick "{REPLACE_BOX}" to replace the file'
    )
    ticked = output_hint("jsonl", None, out, force=True)
    assert ticked == f"one file; the file there, holding JSON objects ({said}), is replaced"
    for line in (refused, ticked):
        _one_safe_line(line)


def test_import_merge_and_validate_say_the_keys_safely(tmp_path: Path) -> None:
    out, before = _objects(tmp_path, ESCAPES)
    holds = f"its first line is a JSON object ({ESCAPES_SAID})"
    fixture = EXAMPLES / "sequence_labeling.example.jsonl"
    args = ("import", fixture, "--format", "doccano", "--text-key", "column_data")
    result = cli(*args, "--label-key", "column_label", "-o", out)
    assert (result.returncode, result.stdout) == (1, "")
    assert (
        result.stderr == f"{out}: already exists ({holds}); choose another name or pass --force\n"
    )
    _one_safe_line(result.stderr)
    with pytest.raises(AnnotatorError) as merge_refused:
        refuse_to_lose_decisions(out)
    assert str(merge_refused.value).startswith(f"{out}: {holds}; merge replaces only a gold file")
    _one_safe_line(str(merge_refused.value))
    validated = cli("validate", out)
    assert validated.returncode == 1
    assert (
        f"{out}:1: this looks like another tool's file ({ESCAPES_SAID.removeprefix('keys: ')}), "
        "not a journal of records" in validated.stdout + validated.stderr
    )
    assert "\x1b" not in validated.stdout + validated.stderr
    assert out.read_bytes() == before


def test_import_names_a_row_s_fields_safely(tmp_path: Path) -> None:
    rows, _ = _objects(tmp_path, ESCAPES)
    fields = ESCAPES_SAID.removeprefix("keys: ")
    result = cli("import", rows, "--format", "doccano", "-o", tmp_path / "corpus.jsonl")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f'{rows}:1: text: required field is missing (doccano rows hold the text in "text"; '
        f"fields here: {fields}; name the text's field with --text-key KEY, the labels' with "
        "--label-key KEY)\n"
    )
    tasks = tmp_path / "tasks.jsonl"
    tasks.write_bytes(orjson.dumps({"data": {"\x1b[1mx": "a", "y\nz": "b"}}) + b"\n")
    texts = r'"\u001b[1mx", "y\nz"'
    result = cli("import", tasks, "--format", "labelstudio", "-o", tmp_path / "corpus.jsonl")
    assert result.stderr == (
        f"{tasks}:1: task 1: data: several text fields ({texts}) and none is called text; name "
        "the text's with --text-key KEY\n"
    )
    args = ("--text-key", "q", "-o", tmp_path / "corpus.jsonl")
    result = cli("import", tasks, "--format", "labelstudio", *args)
    assert result.stderr == (
        f"{tasks}:1: task 1: data.q: missing (--text-key q); the text fields here: {texts}\n"
    )
    _one_safe_line(result.stderr)
