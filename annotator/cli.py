"""The ``annotator`` command line: registers commands only.

Each command is a thin wrapper in ``annotator.commands`` (parse, call one core function, print),
imported only when that command runs, so ``annotator --help`` never loads Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from annotator import __version__


def _add(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, target: str, help: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help, description=help)
    parser.set_defaults(target=target)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate news articles for event extraction; check, compare, export labels.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    annotate = _add(commands, "annotate", "annotate_cmd", "Open the annotation screen on a corpus.")
    annotate.add_argument("corpus", help="a folder of .txt files or a .jsonl file of documents")
    annotate.add_argument("--annotator", help="your name (default: the login name)")
    annotate.add_argument("--scheme", help="scheme TOML file (default: prisoner_exchange)")
    annotate.add_argument("--out", default=".", help="folder holding annotations/ (default: .)")

    validate = _add(commands, "validate", "validate_cmd", "Check JSONL records against the models.")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--corpus", help="check spans against this corpus's texts")
    validate.add_argument("--scheme", help="scheme TOML file (default: prisoner_exchange)")

    stats = _add(commands, "stats", "stats_cmd", "Progress per annotator: done, skipped, spans.")
    stats.add_argument("files", nargs="+", metavar="FILE")
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    compact = _add(commands, "compact", "compact_cmd", "Rewrite a journal keeping latest lines.")
    compact.add_argument("file", metavar="FILE")

    schema = _add(
        commands,
        "schema",
        "schema_cmd",
        "Write or check the JSON Schema files; `schema check SCHEME.toml` checks a scheme.",
    )
    mode = schema.add_mutually_exclusive_group()
    mode.add_argument("--write", nargs="?", const="", metavar="DIR", help="write JSON Schemas")
    mode.add_argument("--check", nargs="?", const="", metavar="DIR", help="exit 1 when stale")
    schema.add_argument("words", nargs="*", metavar="check SCHEME.toml", help=argparse.SUPPRESS)

    agree = _add(commands, "agree", "agree_cmd", "How far annotators agree: spans, tokens, form.")
    agree.add_argument("files", nargs="+", metavar="FILE", help="annotators' journals")
    agree.add_argument("--corpus", help="the articles (needed for token kappa and char alpha)")
    agree.add_argument("--scheme", help="scheme TOML file (default: prisoner_exchange)")
    agree.add_argument("--json", action="store_true", help="print one JSON object")

    diff = _add(commands, "diff", "diff_cmd", "Every disagreement between two annotators.")
    diff.add_argument("a", metavar="A", help="one annotator's journal")
    diff.add_argument("b", metavar="B", help="another annotator's journal")
    diff.add_argument("--corpus", help="the articles (to show each difference in its sentence)")
    diff.add_argument("--scheme", help="scheme TOML file (default: prisoner_exchange)")
    diff.add_argument("--doc", metavar="ID", help="only this document")
    diff.add_argument("--json", action="store_true", help="print one JSON object")

    merge = _add(commands, "merge", "merge_cmd", "Gold records where annotators agree.")
    merge.add_argument("files", nargs="+", metavar="FILE", help="annotators' journals")
    merge.add_argument("-o", "--output", required=True, metavar="GOLD.jsonl", help="gold file")
    merge.add_argument("--reviewer", help="your name (default: the login name)")
    merge.add_argument(
        "--min-agree",
        type=int,
        metavar="K",
        help="accept what K annotators agree on (default: all)",
    )
    merge.add_argument("--force", action="store_true", help="replace a reviewed gold file")
    merge.add_argument("--corpus", help="the articles (records of changed texts are left out)")
    merge.add_argument("--scheme", help="scheme TOML file (default: prisoner_exchange)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    target = getattr(args, "target", None)
    if target is None:
        parser.print_help()
        return 2
    from annotator.core.errors import AnnotatorError, UsageError

    module = importlib.import_module(f"annotator.commands.{target}")
    try:
        status: int = module.run(args)
    except UsageError as error:
        parser.exit(2, f"annotator: error: {error}\n")
    except AnnotatorError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
