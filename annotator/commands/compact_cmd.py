"""``annotator compact FILE``: an atomic rewrite keeping each document's latest line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.core.store import compact


def run(args: argparse.Namespace) -> int:
    before, after, messages = compact(Path(args.file))
    for message in messages:
        print(message, file=sys.stderr)
    print(f"{args.file}: {before} line(s) → {after}")
    return 0
