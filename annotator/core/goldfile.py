"""Gold files: JSONL of GoldRecord lines, written whole by ``merge``, appended to by a review.

``merge`` writes a gold file crash-safely: a temporary file beside it, fsync, rename over the
old one, fsync of the folder, so a crash leaves the old file or the new one, never a mixture
(through a symbolic link, the file it leads to is replaced: ``write_target``).
It holds the file's lock (the same ``<file>.lock`` the store takes) while it writes, so a review
running on the file is never replaced under it.

A review writes to the gold file as a journal: each settled document appends its new line. So a
document whose line changed from one to the next (not only written again under another
reviewer's name, nor merged anew) carries reviewer decisions, and ``merge`` refuses to replace
such a file unless forced. It never replaces a file that is not a gold file, forced or not (an
annotator's journal, a JSONL corpus or an article given as ``-o`` by mistake: the refusal says
what it holds), nor writes into the corpus (``refuse_corpus_as_gold``). A review opening a new
gold file writes it whole the same way, under the lock it then keeps (``replace_locked``).

Each line is ``gold_line``'s: the bytes the model would write, made without the model when the
fields are valid as they stand.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_out import refuse_own_inputs
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.held_kinds import GOLD_RECORDS
from annotator.core.formats.import_outputs import KeptAside
from annotator.core.formats.output_locks import outputs_locked
from annotator.core.gold_kept import keep_reviewed_aside
from annotator.core.hard_links import kept_old_line, other_names
from annotator.core.journal import bom_length, parse_json_line, record_problems
from annotator.core.journal_guard import utc_stamp
from annotator.core.models import GoldRecord, Sources, Span, record_line
from annotator.core.out_folders import missing_folders
from annotator.core.record_check import gold_data_fine, gold_line_data
from annotator.core.review_kept import SAVED_ANEW
from annotator.core.write_target import write_target
from annotator.core.writer import fsync_directory

_GOLD_FIELDS = tuple(GoldRecord.model_fields)
_SPAN_FIELDS = tuple(Span.model_fields)
_SOURCES_FIELDS = tuple(Sources.model_fields)
# ``merged_anew`` is left out of the line when None (merge's records never have it), so
# sources without it write the model's bytes too: checking only the full tuple sent every
# merged line through the model (a fifth of merge's time) once the field was added.
_SOURCES_WITHOUT_ANEW = tuple(name for name in _SOURCES_FIELDS if name != "merged_anew")


def gold_line(data: dict[str, Any]) -> bytes:
    """``data`` as a gold file line: the bytes ``record_line(GoldRecord.model_validate(data))``
    gives, and the same ValidationError when ``data`` is not a valid gold record.

    Without making the model when it can: when ``data`` has every field in the model's order
    (so does each span and ``sources``), ``seconds_spent`` is a float (the model would turn an
    int into one) and ``record_check.gold_data_fine`` finds it valid, the model would hold the
    very same values, so ``data`` is written as it is. Anything else takes the model's way.
    Tests check the two give the same bytes."""
    if (
        tuple(data) == _GOLD_FIELDS
        and type(data["seconds_spent"]) is float
        and type(data["spans"]) is list
        and all(type(span) is dict and tuple(span) == _SPAN_FIELDS for span in data["spans"])
        and type(data["sources"]) is dict
        and _sources_as_model_writes(data["sources"])
        and gold_data_fine(data)
    ):
        try:
            return orjson.dumps(data) + b"\n"
        except orjson.JSONEncodeError:
            pass  # a value JSON has no word for: the model's serialiser says what it makes of it
    return record_line(GoldRecord.model_validate(data))


def _sources_as_model_writes(sources: dict[str, Any]) -> bool:
    """Whether ``sources`` has the model's fields in its order, as its line holds them: a
    ``merged_anew`` of None is left out of the line, so it must be absent, not null."""
    fields = tuple(sources)
    if fields == _SOURCES_WITHOUT_ANEW:
        return True
    return fields == _SOURCES_FIELDS and sources["merged_anew"] is not None


def _model_of_line(path: Path, number: int, raw: bytes) -> GoldRecord:
    """The line as a GoldRecord; an AnnotatorError naming file, line and the first problem."""
    try:
        return GoldRecord.model_validate(parse_json_line(raw))
    except ValueError as error:
        if isinstance(error, ValidationError):
            where, message = record_problems(error)[0]
            raise AnnotatorError(f"{path}:{number}: {where}: {message}") from None
        raise AnnotatorError(f"{path}:{number}: {error}") from None


def _read_bytes(path: Path) -> bytes:
    """The file's lines' bytes: a leading byte order mark left out, as every reader of a gold
    file does (``journal.bom_length``), so that merge replaces a gold file a review reads."""
    try:
        data = path.read_bytes()
        return data[bom_length(data) :]
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None


def read_gold(path: Path) -> list[tuple[int, GoldRecord]]:
    """Every line of a gold file as (line number, record); a bad line is an error."""
    out: list[tuple[int, GoldRecord]] = []
    for number, raw in enumerate(_read_bytes(path).split(b"\n"), start=1):
        if raw.strip():
            out.append((number, _model_of_line(path, number, raw)))
    return out


def _decided_doc_ids(path: Path) -> tuple[set[str], set[str]]:
    """The documents of the gold file at ``path`` holding a reviewer's decision: a line whose
    record differs from the document's line before it, the text and the annotators' records
    merged being the same (``doc_sha256``, ``sources.versions``) and no merge anew numbered
    (``sources.merged_anew``). A line written again under another reviewer's name (the record
    alike but for ``annotator`` and the times, ``review_kept.SAVED_ANEW``) and a document
    merged anew are no decision: a trial's review under a new reviewer's name, one conflict of
    one document settled, was said to hold decisions on two. Each line is checked as
    ``read_gold`` checks it (by ``record_check`` where it can, without making models; the same
    errors).

    Also returned, the documents saved by a review whose lines before are gone: one line, with
    time a reviewer spent on it (``seconds_spent`` over 0; merge writes 0). A gold file
    compacted, or exported as jsonl, keeps each document's last line alone, so its decisions
    cannot be told from what merge wrote, and a merge replaced one unasked, every decision
    lost."""
    # Each document's line before: what it was merged from, and its record's digest.
    last: dict[str, tuple[Any, bytes]] = {}
    decided: set[str] = set()
    lines: Counter[str] = Counter()
    timed: set[str] = set()  # documents whose last line holds a reviewer's time
    for number, raw in enumerate(_read_bytes(path).split(b"\n"), start=1):
        if not raw.strip():
            continue
        data = gold_line_data(raw)
        if data is None:
            data = _model_of_line(path, number, raw).model_dump(mode="json")
        sources = data["sources"]
        merged = (data["doc_sha256"], sources.get("versions"), sources.get("merged_anew"))
        # A digest, not the line: a large file's records are not all held.
        content = hashlib.blake2b(
            orjson.dumps(
                {key: value for key, value in data.items() if key not in SAVED_ANEW},
                option=orjson.OPT_SORT_KEYS,
            ),
            digest_size=16,
        ).digest()
        doc_id = data["doc_id"]
        before = last.get(doc_id)
        if before is not None and before[0] == merged and before[1] != content:
            decided.add(doc_id)
        last[doc_id] = (merged, content)
        lines[doc_id] += 1
        if data.get("seconds_spent", 0) > 0:
            timed.add(doc_id)
        else:
            timed.discard(doc_id)
    return decided, {doc_id for doc_id in timed if lines[doc_id] == 1}


# Why merge never replaces a file whose records are not gold, --force or not.
_NOT_GOLD = (
    "merge replaces only a gold file, --force or not: write the gold file to another file "
    "(nothing was written)"
)


def refuse_to_lose_decisions(path: Path, force: bool = False) -> None:
    """Raise when replacing ``path`` would lose a reviewer's work (unless ``force``: the
    review started over), or a file that is not gold (``force`` or not: a journal or a corpus
    given as ``-o`` is no merge's to replace; its refusal says what it holds, as export's
    does, ``export_replacing.held_in``). A gold file that cannot be read whole (a damaged
    line) is replaced with ``force``."""
    if not path.exists():
        return
    if force:
        # --force replaces a gold file, decisions and all: only what the file holds matters,
        # told by its first lines, not by reading it whole (a 31 MB gold file read whole cost
        # merge 0.4 s and took its peak memory over 200 MB). A file they do not tell (an
        # article, an empty file) is read as before.
        held = held_in(path)
        if held is not None:
            if not held.plural.startswith(GOLD_RECORDS):
                raise AnnotatorError(f"{path}: {held.said}; {_NOT_GOLD}")
            return
    try:
        decided, without_history = _decided_doc_ids(path)
    except AnnotatorError as error:
        held = held_in(path)
        if held is None or not held.plural.startswith(GOLD_RECORDS):
            said = f"is not a gold file ({error})" if held is None else held.said
            raise AnnotatorError(f"{path}: {said}; {_NOT_GOLD}") from None
        if force:
            return
        raise AnnotatorError(
            f"{path}: is a gold file with a line that cannot be read, refusing to replace it "
            f"(pass --force to replace it anyway): {error}"
        ) from None
    if force or not (decided or without_history):
        return
    found: list[str] = []
    if decided:
        found.append(f"reviewer decisions on {len(decided)} document(s) (first: {min(decided)})")
    if without_history:
        more = " more" if decided else ""
        found.append(
            f"{len(without_history)}{more} document(s) a review saved (first: "
            f"{min(without_history)}), their lines before gone (compacted, or exported as jsonl), "
            "so their decisions cannot be told from a merge's"
        )
    raise AnnotatorError(
        f"{path}: holds {', and '.join(found)}; refusing to replace them: write to another file "
        "with -o, or pass --force to start the review over"
    )


def refuse_corpus_as_gold(output: Path, corpus: Path | None) -> None:
    """Refuse, before anything is read, a gold file ``output`` that would be written over the
    corpus: the corpus file by any name, or a file in the corpus folder (an article; a new
    file there would be read as one), as export refuses its output there
    (``export_out.refuse_own_inputs``): ``merge -o`` an article with ``--force`` wrote the gold
    records over it, and a new ``gold.jsonl`` in the corpus folder was taken."""
    if output.is_dir():  # said as the write says it, not as a folder holding the corpus
        raise AnnotatorError(f"{output}: is a folder; -o takes the gold file to write")
    if corpus is not None:
        refuse_own_inputs(output, None, corpus, "gold file")


def write_gold(
    path: Path, records: Iterable[GoldRecord], force: bool = False
) -> tuple[KeptAside | None, str]:
    """Replace ``path`` with ``records``, one line each, crash-safely (see the docstring); what
    ``write_gold_lines`` returns."""
    return write_gold_lines(path, map(record_line, records), force)


def write_gold_lines(
    path: Path, lines: Iterable[bytes], force: bool = False
) -> tuple[KeptAside | None, str]:
    """Replace ``path`` with ``lines`` (gold lines, each with its newline), crash-safely and
    under the file's lock (see the docstring). Returns where a gold file a review worked on,
    replaced with ``force``, is kept (``gold_kept``; else None), and the line
    ``replace_locked`` returns."""
    write_target(path)  # a named pipe or a device refused before it is read (locked or not)
    if path.is_dir():  # with --force too: a folder is never replaced by a file
        raise AnnotatorError(f"{path}: is a folder; -o takes the gold file to write")
    folder = folder_of(path)
    with outputs_locked([path], "a merge"):
        refuse_to_lose_decisions(path, force)
        kept = keep_reviewed_aside(path) if force else None
        other_names = replace_locked(path, lines, folder)
    return kept, other_names


def folder_of(path: Path) -> Path:
    """The folder a gold file is written in; an error when there is none (a review makes it
    first: ``folders_to_make``)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise AnnotatorError(f"{path}: no such folder {folder}")
    return folder


def folders_to_make(path: Path) -> list[Path]:
    """The folders missing above gold file ``path``, innermost first, that a review makes
    before opening it, as merge and export make theirs (``export_out.make_folders``, whose words
    a refusal takes). Reads only, so that a review refused outside a terminal makes nothing:
    AnnotatorError when a file stands where a folder is needed or the nearest folder there
    cannot be written in."""
    parent = path.parent if str(path.parent) else Path(".")
    missing = missing_folders(parent)
    if missing and not os.access(missing[-1].parent, os.W_OK | os.X_OK):
        raise AnnotatorError(f"{parent}: cannot write: {os.strerror(errno.EACCES)}")
    return missing


def replace_locked(path: Path, lines: Iterable[bytes], folder: Path) -> str:
    """Replace ``path`` with ``lines``: temp file, fsync, rename, fsync of ``folder``. The
    caller holds the file's lock. A link is written through: the file it leads to is replaced
    (the temp file beside it, its folder fsynced), the link kept (``write_target``). Returns
    what to say, or "": the temporary files of a write that did not finish, removed
    (``_unfinished_writes_removed``), and that the file's other names (hard links) keep the
    old contents (``hard_links.other_names``)."""
    target = write_target(path)
    if target is not path:
        folder = target.parent
    removed = _unfinished_writes_removed(target)
    temp = target.with_name(f".{target.name}.merge-{utc_stamp()}")
    try:
        # Line by line: the lines may be made as they are written, never all held.
        with temp.open("xb") as handle:
            for line in lines:
                handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        before = other_names(path)
        os.replace(temp, target)
        fsync_directory(folder)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise AnnotatorError(f"{path}: cannot write: {reason}") from None
        raise
    return "; ".join(line for line in (removed, kept_old_line(before)) if line)


# A temporary file older than this beside a gold file whose lock is held was left by a write
# that did not finish: a write under way adds to its file far more often than this.
_UNFINISHED_AFTER_SECONDS = 60


def _unfinished_writes_removed(target: Path) -> str:
    """Remove the temporary files a merge or a review's opening left beside ``target`` when
    it was stopped mid-write (killed): part of a gold file each, the gold file untouched, which
    stayed there hidden for good. The caller holds the lock. The line saying so, or ""."""
    now = time.time()
    removed: list[str] = []
    for temp in sorted(target.parent.glob(f".{glob.escape(target.name)}.merge-*")):
        try:
            if now - temp.stat().st_mtime < _UNFINISHED_AFTER_SECONDS:
                continue
            temp.unlink()
        except OSError:
            continue  # gone meanwhile, or not ours to remove: left as it is
        removed.append(temp.name)
    if not removed:
        return ""
    return (
        f"removed {', '.join(removed)} from {target.parent}: part of {target.name} left by a "
        "write that did not finish (stopped mid-write); the gold file was not touched by it"
    )
