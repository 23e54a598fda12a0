"""A file of JSON objects whose keys no kind here knows is replaced only when asked.

A trial's doccano file with its own keys (``column_data``, ``column_label``: read with
``--text-key`` and ``--label-key``; validate names it "another tool's file") was replaced by an
export without ``--force``, and the export screen said "the file there is replaced" with no ✖:
no kind ``held_kinds`` tells had those keys. Any file whose first lines are JSON objects, or a
JSON array of them, is someone's data: export, import and merge each refuse it in one line
naming its keys. A file of CoNLL, brat or spaCy is replaced as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.export_request import REFUSED_MARK, REPLACE_BOX, output_hint
from annotator.core.goldfile import refuse_to_lose_decisions
from tests.test_formats_cli import cli
from tests.test_formats_fixtures import EXAMPLES
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."
CUSTOM_KEYS = EXAMPLES / "sequence_labeling.example.jsonl"  # column_data, column_label
HOLDS = "its first line is a JSON object (keys: column_data, column_label)"


def custom_keys_file(folder: Path) -> tuple[Path, bytes]:
    path = Path(shutil.copy(CUSTOM_KEYS, folder / "rows.jsonl"))
    return path, path.read_bytes()


def test_export_refuses_a_file_of_json_objects_of_other_keys(tmp_path: Path) -> None:
    corpus, source = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])
    out, before = custom_keys_file(tmp_path)
    result = cli("export", source, "--format", "jsonl", "-o", out)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{out}: {HOLDS}: choose another name, or pass --force to replace the file (nothing was "
        "written)\n"
    )
    assert out.read_bytes() == before
    # The export screen says the refusal as it is typed, and what the file holds when ticked.
    assert output_hint("doccano", None, out) == (
        f'{REFUSED_MARK}{HOLDS}: choose another name, or tick "{REPLACE_BOX}" to replace the file'
    )
    assert output_hint("doccano", None, out, force=True) == (
        "one file; the file there, holding JSON objects (keys: column_data, column_label), is "
        "replaced"
    )
    forced = cli("export", source, "--format", "doccano", "--corpus", corpus, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes() != before


def test_import_names_what_an_existing_output_holds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records, before = custom_keys_file(tmp_path)
    args = ("import", CUSTOM_KEYS, "--format", "doccano", "--text-key", "column_data")
    result = cli(*args, "--label-key", "column_label", "-o", corpus, "--annotations", records)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{records}: already exists ({HOLDS}; 3 line(s)); choose another name or pass --force\n"
    )
    assert records.read_bytes() == before
    assert not corpus.exists()
    result = cli(*args, "--label-key", "column_label", "-o", records)
    assert result.stderr == (
        f"{records}: already exists ({HOLDS}); choose another name or pass --force\n"
    )


def test_merge_names_what_its_output_holds(tmp_path: Path) -> None:
    out, before = custom_keys_file(tmp_path)
    for force in (False, True):
        with pytest.raises(AnnotatorError) as refused:
            refuse_to_lose_decisions(out, force)
        assert str(refused.value).startswith(f"{out}: {HOLDS}; merge replaces only a gold file")
    assert out.read_bytes() == before


def test_conll_docbin_and_json_of_no_object_are_replaced_only_with_force(
    tmp_path: Path,
) -> None:
    """Files holding no JSON object are said by their size, and replaced only with --force:
    an earlier CoNLL or spaCy export (corrected by hand since, perhaps) was replaced unasked."""
    corpus, source = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])
    for fmt, name in (("conll", "out.conll"), ("spacy", "out.spacy"), ("jsonl", "tags.jsonl")):
        out = tmp_path / name
        old = b'["O", "B-actor"]\n' if fmt == "jsonl" else b"old\n"
        out.write_bytes(old)
        args = ("export", source, "--format", fmt, "--corpus", corpus, "-o", out)
        refused = cli(*args)
        assert (refused.returncode, refused.stdout) == (1, "")
        assert refused.stderr == (
            f"{out}: it holds {len(old)} bytes: choose another name, or pass --force to "
            "replace the file (nothing was written)\n"
        )
        assert out.read_bytes() == old
        result = cli(*args, "--force")
        assert result.returncode == 0, result.stderr
        assert f"{out}: replaced the file that was there" in result.stderr
