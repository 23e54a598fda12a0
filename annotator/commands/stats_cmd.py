"""``annotator stats FILE... [--corpus PATH] [--scheme FILE|NAME] [--json]``."""

from __future__ import annotations

import argparse

from annotator.commands import optional_scheme, table_console, warn
from annotator.core.invisible_said import visible
from annotator.core.paths_given import corpus_given, paths_given
from annotator.core.rescue_taken import rescues_pending
from annotator.core.stats import label_columns, read_stats
from annotator.core.stats_corpus import WITHOUT_CORPUS_NOTE


def run(args: argparse.Namespace) -> int:
    files = paths_given(args.files, "FILE", "a journal or gold file")  # '' was said as '.'
    corpus = corpus_given(args.corpus)  # '' refused, not taken for none
    scheme = optional_scheme(args.scheme)  # orders the labels; marks those it lacks
    for line in rescues_pending(files):  # counted without their changes
        warn(line)
    # Notes (a torn last line left out) go to stderr, so that --json stays one object.
    stats = read_stats(files, on_note=note, corpus=corpus)
    figures = stats.figures
    if corpus is None and figures:
        note(WITHOUT_CORPUS_NOTE)
    labels, lacked = label_columns(figures, scheme)
    if args.json:
        import orjson

        report: dict[str, object] = {"annotators": figures}
        if corpus is not None:
            report["corpus"] = {"path": args.corpus, "documents": len(corpus)}
        if stats.in_several_files:
            # Only when there is one: a report of other files keeps its keys as they were.
            report["annotators_in_several_files"] = {
                name: list(map(str, given)) for name, given in stats.in_several_files.items()
            }
        if scheme is not None:
            report["scheme"] = {
                "name": scheme.name,
                "file": str(scheme.source) if scheme.source is not None else None,
                "labels": [label.name for label in scheme.labels],
                "labels_not_in_scheme": lacked,
            }
        print(orjson.dumps(report).decode())
        return 0
    # A file without records is valid (validate says ok, exit 0): said, not an empty table.
    empty = stats.empty_words(files)
    if empty is not None:
        print(empty)
        return 0
    from rich.table import Table
    from rich.text import Text

    gold = any("open_conflicts" in entry for entry in figures.values())
    # "open" is short so that the table keeps to 80 columns; the caption says what it counts.
    caption = "open: conflicts the gold records still hold" if gold else None
    table = Table(title="Annotators", caption=caption)
    columns = ["annotator", "done", "skipped", "in progress", "flagged", "spans", "active"]
    for column in [*columns, "open"] if gold else columns:
        table.add_column(column, justify="left" if column == "annotator" else "right")
    for name, entry in figures.items():
        minutes = entry["seconds"] / 60
        # A name is text, not markup, its invisible characters shown (as diff and agree show
        # them): written raw, a U+202E in it reversed the rest of its row in a terminal.
        cells: list[str | Text] = [
            Text(visible(name)),
            str(entry["done"]),
            str(entry["skipped"]),
            str(entry["in_progress"]),
            str(entry["flagged"]),
            str(sum(entry["spans"].values())),
            f"{minutes:.1f} min",
        ]
        if gold:
            cells.append(str(entry.get("open_conflicts", "")))
        table.add_row(*cells)
    console = table_console()
    console.print(table)
    # Spans per label in a table of their own: one column per label reads down the
    # annotators, where a list in one cell wrapped at 80 columns.
    if labels:
        # A label the scheme given lacks (kept from another scheme) is marked, and said.
        # The file's name: a caption the width of the table wrapped a whole path.
        chosen = scheme.chosen_file if scheme is not None else None
        named = chosen.name if chosen is not None else scheme.name if scheme is not None else ""
        caption = f"*: not in scheme {named}" if lacked else None
        by_label = Table(title="Spans per label", caption=caption)
        by_label.add_column("annotator")
        for label in labels:
            by_label.add_column(f"{label}*" if label in lacked else label, justify="right")
        for name, entry in figures.items():
            counts = [str(entry["spans"].get(label, 0)) for label in labels]
            by_label.add_row(Text(visible(name)), *counts)
        console.print(by_label)
    if stats.standings is not None:
        # The exit line's figures and words (the table's columns keep to 80): stale and new.
        for name, standing in stats.standings.items():
            print(visible(standing.words(name, args.corpus)))
    return 0


def note(line: str) -> None:
    warn(f"note: {line}")
