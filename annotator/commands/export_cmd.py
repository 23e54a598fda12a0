"""``annotator export SRC --format F -o OUT [...]``: gold data out, in the format asked for."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.commands import optional_scheme, warn
from annotator.core.formats.export import export_records


def run(args: argparse.Namespace) -> int:
    scheme = optional_scheme(args.scheme)
    result = export_records(
        Path(args.source),
        args.format,
        Path(args.out),
        corpus=Path(args.corpus) if args.corpus else None,
        status=args.status,
        split=args.split,
        seed=args.seed,
        annotator=args.annotator,
        with_text=args.with_text,
        style=args.style,
        offsets=args.offsets,
        scheme=scheme,
        on_warning=warn,
    )
    splits = ", ".join(f"{name} {count}" for name, count in result.splits.items())
    where = str(args.out) if len(result.files) == 1 else f"{args.out} ({len(result.files)} files)"
    line = f"exported {result.documents} document(s) as {args.format} to {where}"
    print(line + (f": {splits}" if splits else ""))
    if result.warnings:
        print(f"{len(result.warnings)} warning(s): see above", file=sys.stderr)
    return 0
