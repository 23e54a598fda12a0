"""``annotator import SRC --format F -o CORPUS.jsonl [...]``: other tools' work in."""

from __future__ import annotations

import argparse
import getpass
import shlex
import sys
from pathlib import Path

from annotator.commands import optional_scheme, warn
from annotator.commands.annotate_cmd import login_name
from annotator.core.formats.export_out import made_line
from annotator.core.formats.import_outputs import JOURNALS_FOLDER, journal_name
from annotator.core.formats.import_result import ImportResult
from annotator.core.formats.importing import import_documents
from annotator.core.paths_given import optional_path_given, path_given
from annotator.core.real_path import real_path


def scheme_named(
    args: argparse.Namespace, written: list[Path], shipped: str | None = None
) -> str | None:
    """The scheme of what was imported: written here, given, or shipped (None: the default)."""
    schemes = [str(path) for path in written if path.name.endswith(".scheme.toml")]
    return schemes[0] if schemes else args.scheme or shipped


def validate_command(
    args: argparse.Namespace, written: list[Path], shipped: str | None = None
) -> str:
    """The validate line that checks what was imported against its own scheme: validate's
    default is the shipped scheme, which a trial's imported labels all failed."""
    scheme = scheme_named(args, written, shipped)
    words = ["annotator", "validate", args.annotations, "--corpus", args.out]
    words += ["--scheme", scheme] if scheme else []
    return shlex.join(words)


def check_line(args: argparse.Namespace, result: ImportResult) -> str:
    """``check them: COMMAND``. A file without labels gives no scheme to write, so the
    command has no --scheme and validate reads the records with the default scheme; when that
    refuses some (done records whose form it requires: a trial's Label Studio file with no
    spans), the line says so, names the --scheme to give and how to import them for the default
    scheme instead, rather than suggest a command that fails."""
    command = validate_command(args, result.files, result.shipped_scheme)
    written = any(path.name.endswith(".scheme.toml") for path in result.files)
    refused = result.refused
    if written or args.scheme or result.shipped_scheme or refused is None:
        return f"check them: {command}"
    return (
        f"check them: {command} --scheme SCHEME, naming the scheme you will annotate them "
        f"with: {args.source} has no label, so no scheme was written, and without --scheme "
        f"validate reads them with {refused.scheme}, which refuses {refused.count} of them "
        f"(first: {refused.first}); to annotate them with it, import them again with "
        "--status in_progress --force"
    )


def _is_login(name: str) -> bool:
    try:
        return getpass.getuser() == name
    except (KeyError, OSError):
        return False


def annotate_line(args: argparse.Namespace, result: ImportResult) -> str:
    """``annotate them: COMMAND``: the annotate command that opens the imported records, its
    --out and --annotator given when annotate's defaults are not them. annotate opens
    ``OUT/annotations/NAME.jsonl``: records written elsewhere were never found by it, and
    nothing said so; the line then says where to move the file first."""
    records = Path(args.annotations)
    annotator = result.annotator or ""
    in_place = journal_name(records) == annotator
    folder = records.parent.parent if in_place else records.parent
    words = ["annotator", "annotate", args.out]
    scheme = scheme_named(args, result.files, result.shipped_scheme)
    if scheme is None and result.refused is not None:
        scheme = "SCHEME"  # the default scheme refuses them: the check line says which to give
    words += ["--scheme", scheme] if scheme else []
    words += [] if _is_login(annotator) else ["--annotator", annotator]
    here = real_path(folder, "cannot read") == real_path(Path.cwd(), "cannot read")
    words += [] if here else ["--out", str(folder)]
    command = shlex.join(words)
    if in_place:
        return f"annotate them: {command}"
    journal = folder / JOURNALS_FOLDER / f"{annotator}.jsonl"
    there = (
        f" ({journal} exists: add these lines to it, or import into another folder)"
        if journal.exists()
        else ""
    )
    return (
        f"annotate them: annotate opens {annotator}'s journal at OUT/{JOURNALS_FOLDER}/"
        f"{annotator}.jsonl, not {records}: move it to {journal}{there}, then: {command}"
    )


def run(args: argparse.Namespace) -> int:
    # '' refused (``paths_given``): SRC '' imported the working folder, -o '' was said as '.',
    # --annotations '' was taken for none and the labels not imported.
    source = path_given(args.source, "SRC", "the file or folder to import")
    out = path_given(args.out, "-o", "the corpus to write, a .jsonl file")
    annotations = optional_path_given(args.annotations, "--annotations", "the records to write")
    scheme = optional_scheme(args.scheme)
    result = import_documents(
        source,
        args.format,
        out,
        annotations=annotations,
        annotator=args.annotator,
        label_map=args.map or [],
        offsets=args.offsets,
        tags=args.tags,
        scheme=scheme,
        status=args.status,
        force=args.force,
        skip_bad=args.skip_bad,
        per_sentence=args.per_sentence,
        text_key=args.text_key,
        label_key=args.label_key,
        predictions=args.predictions,
        on_warning=warn,
        login=login_name,
    )
    # The count follows the warnings it counts (said as the import read), as export's does:
    # under the check and annotate lines a trial took it for a count of those.
    if result.warnings:
        print(f"{len(result.warnings)} warning(s): see above", file=sys.stderr)
    if result.shipped_scheme is not None:
        print(
            f"no --scheme: the records carry a form; using the shipped scheme "
            f"{result.shipped_scheme}, which takes every label, form and link in {args.source}"
        )
    print(result.summary())
    if args.predictions and not args.annotator:
        print(f"the predictions are {result.annotator}'s records (named after their model)")
    elif result.annotator_from is not None:
        print(
            f"the records are {result.annotator}'s ({result.annotator_from}; "
            "--annotator NAME chooses another)"
        )
    for folder in result.made_folders:  # a typo must not make a folder tree unseen
        print(made_line(folder))
    kept = {aside.path: aside for aside in result.kept_aside}
    for path in result.files:
        if path in kept:
            print(kept[path].said())
        else:
            print(f"{'replaced' if path in result.replaced else 'wrote'} {path}")
    if args.annotations:
        print(check_line(args, result))
        print(annotate_line(args, result))
    return 0
