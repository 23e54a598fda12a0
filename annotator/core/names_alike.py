"""Annotator names that differ only in case or in spaces around them, said in a note.

Names are compared as they are written, so ``bob`` in one journal and ``Bob`` in another are
two annotators: a trial's agree compared them with each other without a word. They may be two
people, so nothing is refused; ``load_comparison`` adds one note per name alike to another
(agree, diff, merge, review), naming both files and, when they are one person, the rename that
gives the records one name. Rename takes no gold file, and will not join two names in one
journal (two people's work made one), so neither is offered there.
"""

from __future__ import annotations

import shlex
from collections import defaultdict
from collections.abc import Collection, Mapping
from pathlib import Path


def names_alike_notes(files: Mapping[str, Path], gold: Collection[Path] = ()) -> list[str]:
    """A note for each name of ``files`` (annotator -> journal, in the order given) alike to
    another, beside the name it would take (``_name_kept``); ``gold``: the gold files."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for name in files:
        groups[name.strip().casefold()].append(name)
    notes = []
    for names in groups.values():
        kept = _name_kept(names)
        for name in names:
            if name != kept:
                notes.append(_note(name, kept, files, gold))
    return notes


def _taken(name: str) -> bool:
    """Whether annotate (and so rename's --to) takes ``name``."""
    from annotator.core.session import ANNOTATOR_NAME  # the rule itself, not a copy of it

    return ANNOTATOR_NAME.match(name) is not None


def _name_kept(names: list[str]) -> str:
    """The name the others would be renamed to: the first that annotate takes (rename gives
    no other), else the first."""
    return next((name for name in names if _taken(name)), names[0])


def _how(name: str, other: str) -> str:
    if name.casefold() == other.casefold():
        return "in case"
    if name.strip() == other.strip():
        return "in spaces around them"
    return "in case and in spaces around them"


def _note(name: str, kept: str, files: Mapping[str, Path], gold: Collection[Path]) -> str:
    file, other = files[name], files[kept]
    said = f"{file}: annotator {name!r} and {kept!r}"
    if file == other:
        return (
            f"{said}, both in this journal, differ only {_how(name, kept)}: they are compared "
            "as two annotators (annotator rename does not join two names in one journal)"
        )
    said += f" of {other} differ only {_how(name, kept)}: they are compared as two annotators"
    if file in gold or other in gold:
        return said  # rename takes no gold file, and gold's records are the review's
    for source, old, journal, new in ((file, name, other, kept), (other, kept, file, name)):
        if _taken(new):  # the other way round when the name kept is not one rename gives
            out = source.with_name(f"{source.stem}.{new}.jsonl")
            rename = shlex.join(
                ["annotator", "rename", str(source), "--from", old, "--to", new, "-o", str(out)]
            )
            append = f"cat {shlex.quote(str(out))} >> {shlex.quote(str(journal))}"
            return (
                f"{said}; if they are one person, give the records one name and one journal: "
                f"{rename}, then {append}, and give {journal} in place of both (a document "
                f"both have a record of is then {new}'s as {old!r} left it: the last line wins)"
            )
    return said
