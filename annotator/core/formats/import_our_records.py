"""Our own records given to ``annotator import`` with another tool's ``--format``: refused.

An ``export --with-text`` file (records with their texts) read with ``--format prodigy`` was
taken for Prodigy tasks: every record a text to annotate anew, its ids made up (``wt-000001``),
a done record in progress, its form, links and values dropped, fourteen "not carried" lines
said, exit 0, and ``--format jsonl``, which imports it whole, never named. Other readers refused
it, not all naming ``--format jsonl``. So a file whose first lines (as ``held_kinds`` tells
them, the rule export and validate follow) are our records (a journal, a gold file, an export
with their texts) is refused by every other format before anything is read or written, in one
line naming what it holds and ``--format jsonl``. A corpus's documents (``{"id", "text"}``) are
texts Prodigy and doccano read as they are: imported as before.

Our records in a JSON array (``[{...}, ...]``, as a script or another tool may save them) were
refused naming ``--format jsonl``, which reads one record a line and then refused them too. No
format reads them: every one, ``jsonl`` included, refuses them with the ``jq`` line that makes
them JSON lines. ``--format jsonl`` is not made to read arrays: it reads a file a line at a
time, each error naming its line, where an array is read whole (an export with its texts can be
large) and its mistakes have no line of their own; one command turns it into lines.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_replacing import Held, held_in
from annotator.core.formats.held_kinds import GOLD_RECORDS, RECORDS


def refuse_our_records(source: Path, fmt: str) -> None:
    """Raise when ``source`` is a file of our records and ``fmt`` is not ``jsonl``, or they
    are no JSON lines (an array of them, say) whatever ``fmt`` is."""
    if not source.is_file():
        return
    held = held_in(source)
    if held is None or not held.plural.startswith((RECORDS, GOLD_RECORDS)):
        return
    if not held.said.startswith(("its first line", "its line")):
        raise AnnotatorError(_not_json_lines(source, held))
    if fmt == "jsonl":
        return
    if held.fmt == "jsonl":  # with their texts: --format jsonl imports them whole
        raise AnnotatorError(
            f"{source}: {held.said}, with its text (annotator's own JSONL, as export "
            f"--with-text writes it), not what --format {fmt} reads: import it with --format "
            "jsonl, which keeps its ids, statuses, forms and links (nothing written)"
        )
    raise AnnotatorError(
        f"{source}: {held.said}, without its text (annotator's own journal or gold file), not "
        f"what --format {fmt} reads: annotate opens it as it is; to import it, export it with "
        "--with-text --corpus CORPUS and import that with --format jsonl (nothing written)"
    )


def _not_json_lines(source: Path, held: Held) -> str:
    """Our records in JSON read whole (an array, or objects over several lines): the command
    that makes them one record a line, and what to do with that."""
    lines = source.with_name(
        f"{source.stem}.lines.jsonl" if source.suffix == ".jsonl" else f"{source.stem}.jsonl"
    )
    array = _starts_an_array(source)
    shape = "in a JSON array" if array else "spread over several lines"
    program = shlex.quote(".[]" if array else ".")
    command = f"jq -c {program} {shlex.quote(str(source))} > {shlex.quote(str(lines))}"
    if held.fmt == "jsonl":  # with their texts
        shape = f"with its text, {shape}"
        then = "import that with --format jsonl"
    else:
        shape = f"without its text, {shape}"
        then = (
            "annotate opens that as it is; to import it, export it with --with-text --corpus "
            "CORPUS and import that with --format jsonl"
        )
    return (
        f"{source}: {held.said}, {shape}, not one record a line, which no --format reads: "
        f"make it one a line with `{command}`, then {then} (nothing written)"
    )


def _starts_an_array(source: Path) -> bool:
    """Whether the file's first character, after a byte order mark and spaces, is ``[``."""
    with source.open("rb") as handle:
        start = handle.read(4096)
    return start.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"[")
