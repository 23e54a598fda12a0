"""``annotator stats FILE... [--json]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands import warn
from annotator.core.stats import stats_of_files


def run(args: argparse.Namespace) -> int:
    # Notes (a torn last line left out) go to stderr, so that --json stays one object.
    figures = stats_of_files([Path(name) for name in args.files], on_note=note)
    if args.json:
        import orjson

        print(orjson.dumps({"annotators": figures}).decode())
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Annotators")
    for column in ("annotator", "done", "skipped", "in progress", "flagged", "spans", "active"):
        table.add_column(column, justify="left" if column == "annotator" else "right")
    for name, entry in figures.items():
        spans = ", ".join(f"{label} {count}" for label, count in entry["spans"].items()) or "0"
        minutes = entry["seconds"] / 60
        table.add_row(
            name,
            str(entry["done"]),
            str(entry["skipped"]),
            str(entry["in_progress"]),
            str(entry["flagged"]),
            spans,
            f"{minutes:.1f} min",
        )
    Console().print(table)
    return 0


def note(line: str) -> None:
    warn(f"note: {line}")
