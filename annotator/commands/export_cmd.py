"""``annotator export SRC --format F -o OUT [...]``: gold data out, in the format asked for."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.commands import optional_scheme, warn
from annotator.core.errors import UsageError
from annotator.core.formats.export import export_records
from annotator.core.formats.export_out import made_line
from annotator.core.paths_given import CORPUS, optional_path_given, path_given
from annotator.core.rescue_taken import rescues_pending

STDOUT = "-"  # ``-o -``: the one file to standard output


def run(args: argparse.Namespace) -> int:
    scheme = optional_scheme(args.scheme)
    source = path_given(args.source, "SRC", "the gold file or journal to export")
    path_given(args.out, "-o", "the file or folder to write (- for standard output)")
    for line in rescues_pending([source]):  # exported without their changes
        warn(line)
    if args.seed is not None and not args.split:
        # Refused as --style or --with-text where they do nothing: taken unsaid, a curator
        # believed the export's order, or its parts, were chosen by it.
        raise UsageError("--seed is for --split: it chooses which documents go to each part")
    to_stdout = args.out == STDOUT
    result = export_records(
        source,
        args.format,
        None if to_stdout else Path(args.out),
        corpus=optional_path_given(args.corpus, "--corpus", CORPUS),
        status=args.status,
        split=args.split,
        seed=args.seed or 0,
        annotator=args.annotator,
        with_text=args.with_text,
        style=args.style,
        offsets=args.offsets,
        scheme=scheme,
        on_warning=warn,
        # Every document's line instead of a summary per format (``-v``, where the parser has it).
        verbose=args.verbose,
        leave_out_unknown=args.leave_out_unknown,
        force=args.force,
    )
    if result.data is not None:
        write_stdout(result.data)
    # The count follows the warnings it counts: after the lines said about the export (no
    # record, left out, replaced), which are not warnings, a trial read "1 warning(s): see
    # above" under two lines and could not tell which was meant.
    if result.warnings:
        print(f"{len(result.warnings)} warning(s): see above", file=sys.stderr)
    line = result.exported_line(args.format, str(args.out))
    # With the data on stdout, what is said about it goes to stderr so a pipe gets the data only.
    for folder in result.made_folders:  # as import says them: a typo must not go unseen
        print(made_line(folder))
    print(line, file=sys.stderr if to_stdout else sys.stdout)
    left_out = result.left_out_line(source)
    if left_out:
        print(left_out, file=sys.stderr)
    no_record = result.no_record_line()
    if no_record:  # information, not an error: the exit stays 0
        print(no_record, file=sys.stderr)
    for aside in result.kept_aside:  # a journal replaced: where the file as it was is kept
        print(aside.said(), file=sys.stderr)
    replaced = result.replaced_unkept()
    if len(replaced) == 1:
        print(f"{replaced[0]}: replaced the file that was there", file=sys.stderr)
    elif replaced:
        print(f"{args.out}: replaced {len(replaced)} files that were there", file=sys.stderr)
    return 0


def write_stdout(data: bytes) -> None:
    """Write all of ``data`` to standard output, or raise BrokenPipeError when the reader
    closed it early (``| head -1``), so no ``exported`` line claims what the reader never got.

    A pipe's buffered ``write`` can take part of the bytes and return their count instead of
    raising, the rest never written: the loop writes on until all is taken or the pipe fails.
    (``cli.main`` takes the BrokenPipeError: exit 1, what is left of stdout sent nowhere.)
    """
    out = sys.stdout.buffer
    sys.stdout.flush()
    view = memoryview(data)
    while view:
        view = view[out.write(view) :]
    out.flush()
