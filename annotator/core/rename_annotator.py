"""Renaming an annotator in a journal (``annotator rename``), so that two people who worked
under one name can be compared.

``agree``, ``diff``, ``merge`` and ``review`` refuse one name in two journals, since a person
cannot be compared with themselves; when two people did share a name, one journal's records are
given another. Every line of the old name gets the new one, earlier lines too: a session never
gives a span id its earlier lines held (``store.earlier_span_ids``), which it reads from them.
A journal may mix annotators: the other lines are copied byte for byte, and so are a byte order
mark, blank lines and each line's ending (LF, CRLF, or none at the end), so the file differs
only where the name was. A renamed line is the same JSON object with its ``annotator`` changed
(its keys in their order, every value as it was read).

Every line is read as the journal readers read it: a damaged complete line is refused naming
file, line and field; a file that is plainly no journal says what it looks like, as validate
does; a gold file is refused, since it names annotators in its sources and conflicts too. An
incomplete last line (an interrupted write) cannot be renamed: written to another file, it is
left out and said, as ``agree`` leaves it out (the journal keeps it); written in place, it is
set aside to ``<journal>.torn-<time>`` first, as the store and ``compact`` set it aside. The
new file is written crash-safely (``safe_writes``), under the lock a session takes, so that
an ``annotate`` running on either file is never written over.

A journal with a rescue file not appended yet (``rescue_taken``) is refused before anything is
written: renamed, its changes would be missing, and the file's records would keep the old name
(appended to the journal renamed in place, they would bring it back). A file whose records are
in the journal already is refused too when the journal is renamed in place and the file holds
records of the old name: no longer found in the journal, they would be appended again.
"""

from __future__ import annotations

import os
import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.common import read_bytes
from annotator.core.formats.export_out import new_folders
from annotator.core.formats.export_replacing import ReplacingRecords, held_or_there
from annotator.core.formats.import_outputs import journal_name, kept_aside
from annotator.core.formats.output_locks import outputs_locked
from annotator.core.formats.safe_writes import write_atomic
from annotator.core.journal import (
    JournalContents,
    LineProblem,
    TornTail,
    bom_length,
    parse_record_line,
)
from annotator.core.models import GoldRecord
from annotator.core.out_folders import missing_folders
from annotator.core.rescue_taken import APPENDED, judge_rescues
from annotator.core.store import set_torn_tail_aside
from annotator.core.validate_shape import not_a_journal
from annotator.core.write_target import write_target

# A line of the journal as written: what is kept of it, and where it ends.
_ENDINGS = (b"\r\n", b"\n")


@dataclass
class RenameResult:
    """What ``rename_annotator`` did: lines renamed, lines of others kept, what was said."""

    journal: Path
    output: Path
    old: str
    new: str
    renamed: int = 0
    kept: dict[str, int] = field(default_factory=dict)  # other annotator -> lines kept
    in_place: bool = False
    replaced: bool = False
    made_folders: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_annotator_name(
    option: str, name: str, why: str = "as annotate takes it: it names the journal file"
) -> None:
    """The rule annotate holds names to (they name journal files), for the name given
    (``why``: what the name is for, said in the refusal)."""
    from annotator.core.session import ANNOTATOR_NAME  # the rule itself, not a copy of it

    if not ANNOTATOR_NAME.match(name):
        raise UsageError(
            f"{option} {name!r}: use letters, digits, '.', '_', '-' or '@', beginning with a "
            f"letter or digit ({why})"
        )


def rename_annotator(
    journal: Path, old: str, new: str, output: Path, force: bool = False
) -> RenameResult:
    """Write ``journal`` to ``output`` with ``old``'s records made ``new``'s (see the module
    docstring). AnnotatorError, one line, when ``old`` has no record there (naming who has),
    ``new`` already has, a line is damaged, or ``output`` exists (``journal`` itself too)
    without ``force``; UsageError for a ``new`` that annotate would not take, or the same name
    twice. ``old`` is not held to annotate's rule: it need only be a name the records bear, and
    one written by hand can be mended so."""
    check_annotator_name("--to", new)
    if old == new:
        raise UsageError(f"--from and --to are both {old!r}: nothing to rename")
    result = RenameResult(journal, output, old, new)
    result.in_place = _check_output(journal, output, force)
    result.replaced = output.exists()
    # The output's lock, as a session takes it: an ``annotate`` writing that journal (the
    # journal itself, when in place) is refused, never written over.
    with outputs_locked([output], "a rename") as taken:
        result.notes.extend(taken)
        data, contents = _read(journal)
        renamed, counts = _renamed(journal, data, contents, old, new)
        _refuse_names(journal, counts, old, new)
        result.notes.extend(_alike_note(journal, counts, old, new))
        _refuse_rescue_pending(journal, contents, old, output, result.in_place)
        result.renamed = counts[old]
        result.kept = {name: count for name, count in sorted(counts.items()) if name != old}
        if not result.in_place:
            _refuse_another_journal(output, new, result.kept)
        torn = contents.torn
        # Written over, the journal keeps its incomplete last line nowhere: set aside first.
        aside = set_torn_tail_aside(journal, torn) if torn and result.in_place else None
        if torn is not None:
            result.notes.append(_torn_note(journal, output, torn, aside))
        result.made_folders = new_folders([output])
        if result.replaced and not result.in_place:
            result.notes.extend(_keep_replaced_aside(output))
        try:
            result.notes.extend(write_atomic(output, renamed))
        except AnnotatorError as error:
            if aside is None:
                raise
            raise AnnotatorError(f"{error}; its incomplete last line is in {aside}") from None
    return result


def _check_output(journal: Path, output: Path, force: bool) -> bool:
    """Refuse, before the journal is read, an output that cannot be written or that exists
    without ``force``; whether it is the journal itself (by any name)."""
    target = write_target(output)  # a named pipe or a device refused (a link written through)
    if target.is_dir():
        raise AnnotatorError(f"{output}: is a folder; -o takes the journal to write")
    missing_folders(output.parent)  # a file standing where a folder must be made
    in_place = _same_file(journal, output)
    if in_place and not force:
        raise AnnotatorError(
            f"{output}: is the journal itself ({journal}); pass --force to rewrite it in place, "
            "or write the renamed journal to another file"
        )
    if output.exists() and not force:
        # What it holds is said, as export says it: "already exists" gave no pause before a
        # --force that replaced another annotator's journal.
        held = held_or_there(output)
        if held is not None:
            raise AnnotatorError(ReplacingRecords.refusal_with(output, held, "pass --force"))
        raise AnnotatorError(f"{output}: already exists; choose another name or pass --force")
    return in_place


def _refuse_another_journal(output: Path, new: str, kept: dict[str, int]) -> None:
    """Refuse, even with --force, to write the renamed records into the journal annotate opens
    for another annotator (``annotations/alice.jsonl``) holding none of theirs: a trial's
    ``-o annotations/alice.jsonl --force`` put bob's records in alice's journal, as import
    refuses to."""
    name = journal_name(output)
    if name is None or name == new or name in kept:
        return
    raise AnnotatorError(
        f"{output}: annotate opens it as {name}'s journal, but the renamed records are "
        f"{new}'s; nothing written: write them to {output.with_name(f'{new}.jsonl')}, or "
        "another file"
    )


def _keep_replaced_aside(output: Path) -> list[str]:
    """Before ``--force`` writes over another file than the journal: the file as it is, kept
    beside it (``.replaced-TIME``) when it holds anything, and said. Replaced unkept, a
    trial's corpus, or another annotator's journal, was gone with no word of what it held."""
    held = held_or_there(output)
    if held is None:
        return []
    try:
        old = output.read_bytes()
    except OSError as error:
        raise AnnotatorError(f"{output}: cannot read: {error.strerror or error}") from None
    kept = kept_aside(output, old, held.said)
    return [f"{output}: {held.said}: kept as it was at {kept.aside}"]


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is missing: the one cannot be written over through the other
        return False


def _read(journal: Path) -> tuple[bytes, JournalContents]:
    data = read_bytes(journal, "rename reads a journal, a file")
    return data, JournalContents(path=journal, size=len(data))


def _renamed(
    journal: Path, data: bytes, contents: JournalContents, old: str, new: str
) -> tuple[bytes, Counter[str]]:
    """The journal's bytes with ``old``'s lines renamed, and the record lines of each
    annotator; every line read as ``journal.read_journal`` reads it (``contents`` gets its
    records, problems and torn tail)."""
    offset = bom_length(data)
    out = [data[:offset]]
    counts: Counter[str] = Counter()
    number = 0
    while offset < len(data):
        number += 1
        newline = data.find(b"\n", offset)
        end = newline + 1 if newline != -1 else len(data)
        raw = data[offset:end]
        body, ending = _split_ending(raw)
        line_start, offset = offset, end
        if not body.strip():
            out.append(raw)
            continue
        parsed = parse_record_line(body, number)
        if isinstance(parsed, list):
            if ending:
                contents.problems.extend(parsed)
            else:
                contents.torn = TornTail(number, line_start, raw)
            continue
        if isinstance(parsed, GoldRecord):
            raise AnnotatorError(
                f"{journal}:{number}: sources: a gold record; rename takes an annotator's "
                "journal (a gold file names the annotators it compares in its sources too)"
            )
        contents.records.append((number, parsed))
        counts[parsed.annotator] += 1
        if parsed.annotator != old:
            out.append(raw)
            continue
        record = orjson.loads(body)  # as it was read: keys in their order, values untouched
        record["annotator"] = new
        out.append(orjson.dumps(record) + ending)
    _refuse_damaged(journal, contents)
    return b"".join(out), counts


def _split_ending(raw: bytes) -> tuple[bytes, bytes]:
    for ending in _ENDINGS:
        if raw.endswith(ending):
            return raw[: -len(ending)], ending
    return raw, b""


def _refuse_damaged(journal: Path, contents: JournalContents) -> None:
    """One line for a file that is no journal (validate's), else for its first bad line."""
    shape = not_a_journal(journal, contents)
    if shape is not None:
        raise AnnotatorError(shape)
    if not contents.problems:
        return
    first: LineProblem = contents.problems[0]
    on_line = sum(problem.line == first.line for problem in contents.problems) - 1
    lines = len({problem.line for problem in contents.problems}) - 1
    extra = f" (and {on_line} more on this line)" if on_line else ""
    if lines:
        extra += f" ({lines} more line(s) damaged; run `annotator validate {journal}`)"
    raise AnnotatorError(first.format(journal) + extra)


def _refuse_names(journal: Path, counts: Counter[str], old: str, new: str) -> None:
    if counts[new]:
        raise AnnotatorError(
            f"{journal}: {new!r} already has records here ({counts[new]} line(s)): renaming "
            f"{old!r} to it would make two people's work one; choose another name"
        )
    if counts[old]:
        return
    if not counts:
        raise AnnotatorError(f"{journal}: no records of {old!r}: the file holds no records")
    named = sorted(counts.items())
    listed = ", ".join(f"{name!r} ({count} line(s))" for name, count in named[:5])
    more = f" and {len(named) - 5} more" if len(named) > 5 else ""
    raise AnnotatorError(f"{journal}: no records of {old!r}; its records are of {listed}{more}")


def _alike_note(journal: Path, counts: Counter[str], old: str, new: str) -> list[str]:
    """A note when ``new`` differs only in case (or spaces around it) from another name the
    journal holds: taken (they may be two people), but agree, diff and merge would compare
    them as two annotators, and say so then; a trial's ``--to Cur`` beside ``cur`` went
    unsaid."""
    folded = new.strip().casefold()
    alike = [
        name for name in counts if name not in (old, new) and name.strip().casefold() == folded
    ]
    if not alike:
        return []
    return [
        f"{journal}: {new!r} differs only in case or spaces from {alike[0]!r}, whose records "
        "the journal also holds: agree, diff and merge compare them as two annotators"
    ]


def _refuse_rescue_pending(
    journal: Path, contents: JournalContents, old: str, output: Path, in_place: bool
) -> None:
    """Refuse a journal whose rescue file a rename would leave behind (module docstring):
    one line naming the file, what renaming now would do, and how to take the file first."""
    for rescue in judge_rescues(journal, lambda: contents).rescues:
        of_old = any(record.annotator == old for record in rescue.records)
        if rescue.in_journal and not (in_place and of_old):
            continue  # what is renamed holds its changes; the journal's opening sets it aside
        path, count = _q(rescue.path), len(rescue.records)
        held = "1 change" if count == 1 else f"{count} changes"
        head = f"{journal}: its rescue file {rescue.path} ({held} a session could not write)"
        if rescue.in_journal:
            raise AnnotatorError(
                f"{head} is in it already but not set aside: renamed in place now, its records "
                f"of {old!r} would no longer be found in it and the next opening would append "
                f"them again under that name; run `annotator annotate` of the journal first "
                f"(which sets the file aside) or set it aside yourself: mv {path} "
                f"{path}{APPENDED} (nothing was written)"
            )
        why = (
            f"its records would stay under the old name {old!r}"
            if of_old
            else f"{output} would be without its changes"
        )
        append = f"cat {path} >> {_q(journal)}"
        if rescue.later_of is None:
            how = (
                "run `annotator annotate` of the journal first (which appends the file) or "
                f"append it by hand: {append}"
            )
        else:  # the opening refuses such a file: annotate would not append it
            how = (
                f"the journal holds a record of {rescue.later_of} later than the rescued one, "
                f"so `annotator annotate` refuses it: append it by hand ({append}) or set it "
                f"aside (mv {path} {path}.kept)"
            )
        raise AnnotatorError(
            f"{head} is not in it yet: renamed now, {why}; {how}, then rename (nothing was written)"
        )


def _q(path: Path) -> str:
    return shlex.quote(str(path))


def _torn_note(journal: Path, output: Path, torn: TornTail, aside: Path | None) -> str:
    """Where the incomplete last line went: set aside (``aside``) when the journal is written
    over, as the store sets it aside; else left out of the output and kept in the journal."""
    where = f"{journal}:{torn.line}: incomplete last line (an interrupted write)"
    if aside is not None:
        return f"{where} was moved to {aside}; every complete line is kept"
    return f"{where} left out of {output} (the journal keeps it)"
