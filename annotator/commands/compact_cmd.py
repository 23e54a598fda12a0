"""``annotator compact FILE``: an atomic rewrite keeping each document's latest line."""

from __future__ import annotations

import argparse
import sys

from annotator.core.paths_given import path_given
from annotator.core.store import compact


def run(args: argparse.Namespace) -> int:
    # '' refused (``paths_given``): it was said as '.', a folder.
    before, after, messages = compact(path_given(args.file, "FILE", "the journal to compact"))
    for message in messages:
        print(message, file=sys.stderr)
    print(f"{args.file}: {before} line(s) → {after}")
    return 0
