"""``annotator diff A B [--corpus PATH] [--scheme FILE] [--doc ID] [--json]``."""

from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.commands import scheme_from, warn
from annotator.core.corpus import Corpus, open_corpus
from annotator.core.diff import diff_of_files

if TYPE_CHECKING:
    from rich.text import Text

_KIND_TITLES = {
    "boundary": "boundary",
    "label": "label",
    "only_a": "only A",
    "only_b": "only B",
    "value": "value",
}


def run(args: argparse.Namespace) -> int:
    scheme = scheme_from(args.scheme)
    corpus = open_corpus(Path(args.corpus)) if args.corpus else None
    report = diff_of_files(
        Path(args.a), Path(args.b), scheme, corpus, args.doc, context=not args.json
    )
    if args.json:
        import orjson

        print(orjson.dumps(report).decode())
        # The notes are in the object too, but a reader of the terminal must see them.
        for line in report["notes"]:
            warn(f"note: {line}")
        return 0
    print_report(report, corpus, {label.name: label.color for label in scheme.labels})
    return 0


def _json(value: Any) -> str:
    import orjson

    return orjson.dumps(value).decode()


def _describe(span: dict[str, Any] | None) -> str:
    if span is None:
        return "—"
    value = "" if span.get("value") is None else f" = {_json(span['value'])}"
    return f"{span['label']} {span['start']}..{span['end']} {_json(span['text'])}{value}"


def _marked(text: str, start: int, end: int, span: dict[str, Any] | None, colour: str) -> Text:
    """The sentence ``text[start:end]`` with ``span`` marked (bold, underlined, in colour).

    Built from plain pieces, never markup, so article text like ``[bold]`` shows as written;
    brackets mark the span where colour is not shown (NO_COLOR, 16-colour terminals).
    """
    from rich.text import Text

    from annotator.core.display import display_text

    shown = display_text(text)
    line = Text()
    if span is None:
        line.append(shown[start:end], style="dim")
        return line
    low, high = max(span["start"], start), min(span["end"], end)
    line.append(shown[start:low])
    line.append("⟦", style="dim")
    line.append(shown[low:high], style=f"bold underline {colour}")
    line.append("⟧", style="dim")
    line.append(shown[high:end])
    return line


_CONTEXT = 70  # characters shown either side of a difference in a long sentence


def _window(item: dict[str, Any]) -> tuple[int, int]:
    """The sentence around a difference, cut to a window around it when it is long."""
    start, end = item["sentence"]
    spans = [item[side] for side in ("a", "b") if item[side] is not None]
    low = min(span["start"] for span in spans)
    high = max(span["end"] for span in spans)
    return max(start, low - _CONTEXT), min(end, high + _CONTEXT)


def print_report(report: dict[str, Any], corpus: Corpus | None, colours: dict[str, str]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    names = report["annotators"]
    width = max(len(names["a"]), len(names["b"]))
    counts = ", ".join(f"{_KIND_TITLES[kind]} {n}" for kind, n in report["counts"].items())
    console.print(
        Text(
            f"A = {names['a']}, B = {names['b']}: {report['documents']} document(s) compared; "
            f"{counts}; form fields {len(report['form'])}",
            style="bold",
        )
    )
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for item in report["differences"]:
        by_doc.setdefault(item["doc_id"], []).append(item)
    form_by_doc = {
        doc_id: list(items) for doc_id, items in groupby(report["form"], lambda i: i["doc_id"])
    }
    for doc_id in sorted(by_doc.keys() | form_by_doc.keys()):
        # One Text per document, printed once and not re-wrapped (the terminal wraps long
        # lines): printing line by line was four times slower.
        block = Text("\n")
        block.append(doc_id, style="bold reverse")
        text = corpus.get(doc_id).text if corpus is not None and doc_id in corpus else None
        for item in by_doc.get(doc_id, []):
            kind = _KIND_TITLES[item["kind"]]
            block.append(f"\n  {kind:<8} A: {_describe(item['a'])}   B: {_describe(item['b'])}")
            if text is None or "sentence" not in item:
                continue
            start, end = _window(item)
            for side in ("a", "b"):
                span = item[side]
                colour = colours.get(span["label"], "") if span else ""
                block.append(f"\n    {names[side]:>{width}} │ ", style="dim")
                if start > item["sentence"][0]:
                    block.append("…", style="dim")
                block.append_text(_marked(text, start, end, span, colour))
                if end < item["sentence"][1]:
                    block.append("…", style="dim")
        for change in form_by_doc.get(doc_id, []):
            path = change["field"]
            if change["b_field"] not in (None, path):
                path = f"{path} (B: {change['b_field']})"
            block.append(f"\n  form     {path}: A {_json(change['a'])}   B {_json(change['b'])}")
        console.print(block, soft_wrap=True)
    if not by_doc and not form_by_doc:
        console.print(Text("no differences"))
    for item in report["excluded"]:
        who = ", ".join(item["annotators"])
        console.print(Text(f"left out: {item['doc_id']} ({who}): {item['reason']}", style="dim"))
    for note in report["notes"]:
        console.print(Text(f"note: {note}", style="dim"))
