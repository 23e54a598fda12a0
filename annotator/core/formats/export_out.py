"""Where an export goes: the output path checked before anything is read, the folder checked
for an earlier export's files before anything is said or written, and the crash-safe write."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import Reporter
from annotator.core.formats.export_replacing import Held, held_in
from annotator.core.formats.held_kinds import kind_of
from annotator.core.formats.safe_writes import write_atomic, write_files
from annotator.core.lock import lock_path
from annotator.core.out_folders import missing_folders
from annotator.core.real_path import real_path
from annotator.core.write_target import write_target

EXTENSIONS = {
    "jsonl": ".jsonl",
    "prodigy": ".jsonl",
    "doccano": ".jsonl",
    "labelstudio": ".json",
    "conll": ".conll",
    "hf": ".jsonl",
    "spacy": ".spacy",
    "brat": "",
}
# Formats that write a folder even without --split.
FOLDER_FORMATS = frozenset({"brat", "hf"})


def check_out(out: Path, fmt: str, split: bool) -> None:
    """Refuse an output path the export cannot write, before the records are read: a folder
    for one file, a file for a folder, or a file where a folder on the way must be. A folder on
    the way that does not exist is made when the export writes, and said (``new_folders``)."""
    one_file = not split and fmt not in FOLDER_FORMATS
    if one_file:
        write_target(out)  # a named pipe or a device refused (a link is written through)
    if one_file and out.is_dir():
        raise AnnotatorError(f"{out}: is a folder; {fmt} writes one file")
    if not one_file and out.exists() and not out.is_dir():
        raise AnnotatorError(f"{out}: exists and is not a folder; {fmt} writes a folder here")
    missing_folders(out.parent)  # refuses a file standing where a folder must be made


def new_folders(outputs: list[Path]) -> list[Path]:
    """The folder of each of ``outputs`` that does not exist: import, export and merge make it
    (and any missing above it) when they write, and say so in one line each (``made_line``):
    an import often starts a project's folder, and a typo must not make a folder tree unseen."""
    found: list[Path] = []
    for out in outputs:
        if not out.parent.exists() and out.parent not in found:
            found.append(out.parent)
    return found


def made_line(folder: Path) -> str:
    return f"made the folder {folder}"


def make_folders(outputs: list[Path]) -> list[Path]:
    """Make the folders ``new_folders`` names (for a writer that does not make them itself);
    the ones made. A file on the way is one line naming it."""
    for out in outputs:
        if out.parent.exists() and not out.parent.is_dir():
            raise AnnotatorError(
                f"{out.parent}: cannot write: a file stands where a folder is needed"
            )
    made = new_folders(outputs)
    for folder in made:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise AnnotatorError(
                f"{folder}: cannot write: a file stands where a folder is needed"
            ) from None
        except OSError as error:
            raise AnnotatorError(f"{folder}: cannot write: {error.strerror or error}") from None
    return made


def _same_file(one: Path, other: Path) -> bool:
    """Both exist and are one file, by any name (a symlink, a hard link, ``..`` in a path)."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is missing: it cannot be written over through the other
        return False


def refuse_own_inputs(
    out: Path, source: Path | None, corpus: Path | None, writer: str = "export"
) -> None:
    """Refuse, before anything is read, an output that would write over what the ``writer``
    (export, import, or a merge's or review's "gold file", which name no ``source`` here) reads:
    the source or the corpus file itself by any name, the corpus folder or a folder inside it,
    or a folder that holds the source or the corpus (their files would be written over, or
    taken for an earlier export's)."""
    # real_path, not Path.resolve: Python 3.11's raises RuntimeError on a loop of links (``-o``
    # naming one was a traceback); a loop is one line.
    target = real_path(out, "cannot write")
    inputs = [("the source", source)] if source is not None else []
    inputs += [("the corpus", corpus)] if corpus is not None else []
    for what, path in inputs:
        held = real_path(path, "cannot read")
        # A source that is a folder is refused when it is read, with what was expected.
        folder = held.is_dir()
        if folder and what == "the source":
            continue
        if target == held or _same_file(out, path):
            kind = "folder" if folder else "file"
            problem = f"is the same {kind} as {what} ({path}); write the {writer} to another {kind}"
        elif held.is_relative_to(target):
            problem = f"holds {what} ({path}); write the {writer} to a folder that does not"
        elif folder and target.is_relative_to(held):
            problem = f"is inside {what} folder ({path}); write the {writer} outside it"
        else:
            continue
        raise AnnotatorError(f"{out}: {problem} (nothing was written)")


# The names an export writes end so (brat: .txt and .ann; hf: .jsonl and labels.json); a file
# with one of these under an export folder may be an earlier export's.
EXPORT_SUFFIXES = frozenset({*(ext for ext in EXTENSIONS.values() if ext), ".txt", ".ann"})


def other_export_files(
    out: Path, files: dict[str, bytes], kept: Sequence[Path] = ()
) -> tuple[list[Path], list[Path]]:
    """Files already under folder ``out`` that this export (``files``) does not write: those an
    export could have written, then the others (hidden files, and ``kept``: an edited
    ``annotation.conf`` the export leaves in force and says so, are neither; nor the lock
    files of this export's own, which it holds while it looks)."""
    if not out.is_dir():
        return [], []
    ours = {out / name for name in files} | set(kept)
    ours |= {lock_path(path) for path in ours}  # held while this export writes (output_locks)
    exported: list[Path] = []
    others: list[Path] = []
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out)
        if path in ours or not path.is_file():
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue
        (exported if _could_be_exported(path) else others).append(path)
    return exported, others


def _could_be_exported(path: Path) -> bool:
    """Whether an export writes files such as ``path``: a ``.txt`` only beside its ``.ann``, as
    brat writes each document (a curator's own notes.txt was called an earlier export's)."""
    if path.suffix == ".txt":
        return path.with_suffix(".ann").is_file()
    return path.suffix in EXPORT_SUFFIXES


def refuse_other_exports(
    out: Path, files: dict[str, bytes], report: Reporter, kept: Sequence[Path] = ()
) -> None:
    """Stop an export into a folder that holds another export's files (with splits, documents
    of one split would be left in another); never delete them. Other files are said and kept."""
    if list(files) == [""]:
        return
    exported, others = other_export_files(out, files, kept)
    journals = [(path, held) for path in exported if (held := _journal_held(path)) is not None]
    if journals:
        # ``-o annotations/``: the journals there are annotate's, no earlier export's to remove.
        path, held = journals[0]
        earlier = len(exported) - len(journals)
        also = f" and {earlier} file(s) of an earlier export" if earlier else ""
        raise AnnotatorError(
            f"{out}: holds {len(journals)} annotator journal(s){also} that are not part of this "
            f"export (e.g. {path.relative_to(out)}: {held.said}), so the folder would mix the "
            "export with them; write it to another folder (nothing was written)"
        )
    if exported:
        raise AnnotatorError(
            f"{out}: holds {len(exported)} file(s) of an earlier export that are not part of this "
            f"one (e.g. {exported[0].relative_to(out)}), so the folder would mix two exports; "
            "choose an empty folder or remove them (nothing was written)"
        )
    if others:
        report.warn(
            f"{out}: {len(others)} other file(s) are not part of this export and are left as "
            f"they are (e.g. {others[0].relative_to(out)})"
        )


def _journal_held(path: Path) -> Held | None:
    """What ``path`` holds when it is an annotator's journal as annotate names one
    (``NAME.jsonl`` holding records of annotator NAME), else None."""
    if path.suffix != ".jsonl":
        return None
    held = held_in(path)
    own = kind_of({"annotator": path.stem, "doc_id": ""})
    return held if held is not None and own is not None and held.what == own.what else None


def targets(out: Path, files: dict[str, bytes]) -> list[Path]:
    return [out] if list(files) == [""] else [out / name for name in files]


def write(out: Path, files: dict[str, bytes], fmt: str) -> tuple[list[Path], list[str]]:
    """Write the export's ``files`` (``""``: the one file, at ``out``); the paths written, and
    a line for each file replaced that had other names (hard links), which keep the old
    contents (``safe_writes.write_together``)."""
    if list(files) == [""]:
        if out.is_dir():  # made since check_out looked
            raise AnnotatorError(f"{out}: is a folder; {fmt} writes one file")
        return [out], write_atomic(out, files[""])
    return write_files(out, files)
