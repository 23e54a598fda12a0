"""``export -o FILE --force`` (and an export's files in a folder) and ``schema --write`` write
each file anew whole (temp file, fsync, rename), as compact and import do: a file there with
more than one name (a hard link: ``ln``, a ``cp -al`` or rsnapshot backup) gets a new file under
this name, and its other names keep the old contents. They said nothing of it; now they say
the line compact says (``hard_links.OtherNames.kept_old_line``), the export among its warnings
(the CLI's stderr, the export screen's list), schema on stderr."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from annotator.core.export_request import export_now
from annotator.core.formats.export import export_records
from annotator.core.jsonschemas import SCHEMA_FILES
from tests.test_agreement_data import run_cli
from tests.test_export_request import request_to
from tests.test_formats_support import record, write_case
from tests.test_rewrite_hard_links import kept_old
from tests.test_session_data import session_on

TEXT = "Kyiv freed 146 people."


def _case(folder: Path) -> tuple[Path, Path]:
    """A corpus of one document and its gold file, with one span."""
    return write_case(folder, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])


def test_export_over_a_linked_file_says_the_other_name_keeps_it(tmp_path: Path) -> None:
    corpus, source = _case(tmp_path / "in")
    out = tmp_path / "gold.conll"
    old = b"Kyiv\tB-actor\n"  # an earlier export, corrected by hand
    out.write_bytes(old)
    backup = tmp_path / "backup.conll"
    os.link(out, backup)
    said: list[str] = []
    result = export_records(source, "conll", out, corpus=corpus, force=True, on_warning=said.append)
    line = kept_old(out, 2, backup)
    # After what conll cannot carry (said before the write), as the last warning.
    assert said == result.warnings and result.warnings[-1] == line
    assert result.replaced == [out]
    # As it says: the backup is the old file, the output a new one.
    assert backup.read_bytes() == old and out.read_bytes() != old
    assert os.stat(out).st_nlink == 1
    # One name now: nothing said.
    again = export_records(source, "conll", out, corpus=corpus, force=True)
    assert again.warnings == result.warnings[:-1]


def test_a_folder_export_says_each_linked_file_it_replaced(tmp_path: Path) -> None:
    corpus, source = _case(tmp_path / "in")
    out = tmp_path / "hf"
    export_records(source, "hf", out, corpus=corpus)
    rows = out / "data.jsonl"
    backup = tmp_path / "rows.backup.jsonl"
    os.link(rows, backup)
    result = export_records(source, "hf", out, corpus=corpus, force=True)
    assert result.warnings == [kept_old(rows, 2, backup)]


def test_the_export_command_prints_the_line(tmp_path: Path) -> None:
    corpus, source = _case(tmp_path / "in")
    out = tmp_path / "gold.conll"
    args = ("export", source, "--format", "conll", "-o", out, "--corpus", corpus)
    assert run_cli(*args).returncode == 0
    backup = tmp_path / "backup.conll"
    os.link(out, backup)
    result = run_cli(*args, "--force")
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith(
        f"\n{kept_old(out, 2, backup)}\n"
        "2 warning(s): see above\n"
        f"{out}: replaced the file that was there\n"
    )
    assert result.stdout == f"exported 1 document(s) as conll to {out}\n"


def test_the_export_screen_shows_the_line_among_its_warnings(tmp_path: Path) -> None:
    opened = session_on(tmp_path, "Kyiv freed 5 people.\n")
    try:
        opened.open("d")
        opened.label_selection(0, 4, "actor")
        opened.set_field("event_type", "exchange")
        opened.mark_done()
        out = tmp_path / "export" / "alice.jsonl"
        assert export_now(request_to(opened, out), opened).error is None
        backup = tmp_path / "alice.backup.jsonl"
        os.link(out, backup)
        forced = dataclasses.replace(request_to(opened, out), force=True)
        outcome = export_now(forced, opened)
        assert outcome.error is None
        assert outcome.warnings == [kept_old(out, 2, backup)]
    finally:
        opened.close()


def test_schema_write_over_a_linked_schema_says_it(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    assert run_cli("schema", "--write", folder).returncode == 0
    schema = folder / "record.schema.json"
    backup = tmp_path / "record.backup.json"
    os.link(schema, backup)
    result = run_cli("schema", "--write", folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == kept_old(schema, 2, backup) + "\n"
    assert result.stdout == "".join(f"wrote {folder / name}\n" for name in SCHEMA_FILES)
    # One name each now: nothing said.
    assert run_cli("schema", "--write", folder).stderr == ""
