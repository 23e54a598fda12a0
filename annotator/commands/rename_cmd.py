"""``annotator rename JOURNAL --from OLD --to NEW -o OUT.jsonl [--force]``."""

from __future__ import annotations

import argparse
import sys

from annotator.core.formats.export_out import made_line
from annotator.core.paths_given import path_given
from annotator.core.rename_annotator import rename_annotator


def run(args: argparse.Namespace) -> int:
    # '' refused (``paths_given``): -o '' was said as '.', a folder.
    journal = path_given(args.journal, "JOURNAL", "the journal to rename in")
    output = path_given(args.output, "-o", "the renamed journal to write")
    result = rename_annotator(journal, args.old, args.new, output, args.force)
    for note in result.notes:
        print(note, file=sys.stderr)
    for folder in result.made_folders:  # as import, export and merge say them
        print(made_line(folder))
    kept = "".join(
        f"; {count} line(s) of {name!r} kept as they were" for name, count in result.kept.items()
    )
    print(
        f"wrote {result.output}: {result.renamed} line(s) renamed {result.old!r} → "
        f"{result.new!r}{kept}"
    )
    if result.replaced:
        how = "in place, --force" if result.in_place else "--force"
        print(f"replaced {result.output} ({how})", file=sys.stderr)
    return 0
