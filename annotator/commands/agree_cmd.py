"""``annotator agree FILE... [--corpus PATH] [--scheme FILE|NAME] [--json]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.commands import print_json_and_notes, scheme_from, table_console
from annotator.core.agreement import (
    agreement_of_files,
    document_score,
    form_alpha_notes,
    lowest_documents,
)
from annotator.core.corpus import open_corpus


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def run(args: argparse.Namespace) -> int:
    scheme = scheme_from(args.scheme)
    corpus = open_corpus(Path(args.corpus)) if args.corpus else None
    report = agreement_of_files([Path(name) for name in args.files], scheme, corpus)
    if args.json:
        print_json_and_notes(report)
        return 0
    print_report(report, {label.name: label.color for label in scheme.labels})
    return 0


def print_report(report: dict[str, Any], colours: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    # Names and doc ids come from the journals: always Text, never markup.
    console = table_console()
    names: list[str] = report["annotators"]
    spans = report["spans"]
    overall = Table(
        title=Text(f"Agreement: {report['documents']} document(s), {len(names)} annotators")
    )
    overall.add_column("figure")
    overall.add_column("value", justify="right")
    for title, key in (
        ("span exact F1 (mean over pairs)", "exact_f1"),
        ("span overlap F1 (mean over pairs)", "overlap_f1"),
        ("token Cohen's kappa (mean over pairs)", "token_kappa"),
        ("character Krippendorff's alpha", "char_alpha"),
        ("span value agreement (mean over pairs)", "value_agreement"),
    ):
        overall.add_row(title, figure(spans[key]))
    console.print(overall)

    labels = Table(
        title="Per label",
        caption="spans: all annotators' · values: equal values of spans equal in both",
        caption_justify="left",
    )
    for column in ("label", "spans", "exact F1", "overlap F1", "values"):
        labels.add_column(column, justify="left" if column == "label" else "right")
    for label, row in spans["by_label"].items():
        labels.add_row(
            Text(label, style=colours.get(label, "")),
            str(row["spans"]),
            figure(row["exact_f1"]),
            figure(row["overlap_f1"]),
            figure(row["value_agreement"]),
        )
    console.print(labels)

    matrix = Table(title="Pairs: exact F1 / overlap F1 / kappa / values (documents)")
    matrix.add_column("")
    for name in names[1:]:
        matrix.add_column(Text(name), justify="right")
    cells = {(row["a"], row["b"]): row for row in report["pairs"]}
    for position, first in enumerate(names[:-1]):
        line: list[Text] = [Text(first)]
        for place, second in enumerate(names[1:], start=1):
            row = cells.get((first, second))
            if place <= position or row is None:
                line.append(Text(""))
                continue
            line.append(
                Text(
                    f"{figure(row['exact_f1'])} / {figure(row['overlap_f1'])} / "
                    f"{figure(row['token_kappa'])} / {figure(row['value_agreement'])} "
                    f"({row['documents']})"
                )
            )
        matrix.add_row(*line)
    console.print(matrix)

    # Why an alpha is n/a is said under the table that shows it, not among the notes at the end.
    alpha_notes = form_alpha_notes(report["form"])
    form = Table(
        title="Form fields",
        caption=Text("\n".join(alpha_notes)) if alpha_notes else None,
        caption_justify="left",
    )
    for column in ("field", "level", "documents", "alpha", "agreement", "frame F1"):
        form.add_column(column, justify="left" if column in ("field", "level") else "right")
    for name, row in report["form"].items():
        form.add_row(
            Text(name),
            row["level"],
            str(row["units"]),
            figure(row["alpha"]),
            figure(row["agreement"]),
            figure(row["frame_f1"]) if "frame_f1" in row else "",
        )
    console.print(form)

    lowest = Table(
        title="Lowest agreement (spans, values and form): look here first",
        caption="score: the mean of exact F1, values and form; the lowest first",
    )
    for column in ("document", "annotators", "score", "exact F1", "overlap F1", "values", "form"):
        lowest.add_column(
            column, justify="left" if column in ("document", "annotators") else "right"
        )
    for row in lowest_documents(report):
        lowest.add_row(
            Text(row["doc_id"]),
            Text(", ".join(row["annotators"])),
            figure(document_score(row)),
            figure(row["exact_f1"]),
            figure(row["overlap_f1"]),
            figure(row["value_agreement"]),
            figure(row.get("form_agreement")),
        )
    console.print(lowest)

    excluded = report["excluded"]
    if excluded:
        console.print(Text(f"{len(excluded)} document(s) left out:", style="bold"))
        for item in excluded[:10]:
            who = ", ".join(item["annotators"])
            console.print(Text(f"  {item['doc_id']} ({who}): {item['reason']}"))
        if len(excluded) > 10:
            console.print(Text(f"  … and {len(excluded) - 10} more (see --json)"))
    for note in report["notes"]:
        if note not in alpha_notes:
            console.print(Text(f"note: {note}", style="dim"))
