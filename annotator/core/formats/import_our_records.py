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
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.held_kinds import GOLD_RECORDS, RECORDS


def refuse_our_records(source: Path, fmt: str) -> None:
    """Raise when ``source`` is a file of our records and ``fmt`` is not ``jsonl``."""
    if fmt == "jsonl" or not source.is_file():
        return
    held = held_in(source)
    if held is None or not held.plural.startswith((RECORDS, GOLD_RECORDS)):
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
