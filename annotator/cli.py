"""The ``annotator`` command line: registers commands only.

Each command is a thin wrapper in ``annotator.commands`` (parse, call one core function, print),
imported only when that command runs, so ``annotator --help`` never loads Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from annotator import __version__

# A scheme is a file, or the name of one shipped with annotator (its stem: the default's is
# prisoner_exchange); a path that exists wins (``scheme.scheme_file``).
SCHEME_HELP = "a scheme TOML file, or the name of a shipped scheme (default: prisoner_exchange)"


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
    annotate.add_argument("--scheme", metavar="FILE|NAME", help=SCHEME_HELP)
    annotate.add_argument("--out", default=".", help="folder holding annotations/ (default: .)")

    validate = _add(
        commands,
        "validate",
        "validate_cmd",
        "Check journals against the record model, the scheme and the texts.",
    )
    validate.description = (
        "Check journals and gold files: every line against the record model and the scheme "
        "(labels, values, form fields, links), and with --corpus every span against its "
        "article's text. One line per problem, FILE:LINE: path: message; exit 1 if any. A file "
        "that is not a journal is one line saying what it looks like."
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a journal or gold file (JSONL of records), or an export of them --with-text",
    )
    validate.add_argument("--corpus", help="check spans against this corpus's texts")
    validate.add_argument("--scheme", metavar="FILE|NAME", help=SCHEME_HELP)

    stats = _add(commands, "stats", "stats_cmd", "Progress per annotator: done, skipped, spans.")
    stats.add_argument("files", nargs="+", metavar="FILE")
    stats.add_argument(
        "--corpus",
        metavar="PATH",
        help="count against this corpus: stale records, new documents, records not in it",
    )
    stats.add_argument(
        "--scheme",
        metavar="FILE|NAME",
        help="count spans per label in this scheme's labels and order, marking those it lacks "
        "(a file, or a shipped scheme's name)",
    )
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    compact = _add(commands, "compact", "compact_cmd", "Rewrite a journal keeping latest lines.")
    compact.add_argument("file", metavar="FILE")

    rename = _add(
        commands,
        "rename",
        "rename_cmd",
        "Give one annotator's records in a journal another name.",
    )
    rename.description = (
        "Give every record of annotator OLD in JOURNAL the name NEW, so that two people who "
        "worked under one name can be compared (agree, diff, merge and review refuse one name "
        "in two journals). The records of other annotators are kept as they are. Refused: NEW "
        "already has records in JOURNAL, OLD has none, NEW is not a name annotate takes. OUT is "
        "written crash-safely; an existing OUT, or JOURNAL itself, is replaced only with --force."
    )
    rename.add_argument("journal", metavar="JOURNAL", help="an annotator's journal (JSONL)")
    rename.add_argument(
        "--from", dest="old", required=True, metavar="OLD", help="the name the records bear"
    )
    rename.add_argument(
        "--to",
        dest="new",
        required=True,
        metavar="NEW",
        help="the name they are to bear (as annotate takes it: letters, digits, '.', '_', '-', "
        "'@')",
    )
    rename.add_argument(
        "-o", "--output", required=True, metavar="OUT.jsonl", help="the renamed journal to write"
    )
    rename.add_argument(
        "--force",
        action="store_true",
        help="replace an existing OUT (OUT may then be JOURNAL itself: renamed in place)",
    )

    schema = _add(
        commands,
        "schema",
        "schema_cmd",
        "Write or check the JSON Schema files (--write, --check); `annotator schema check "
        "SCHEME.toml...` checks scheme files instead, saying every problem with its line.",
    )
    mode = schema.add_mutually_exclusive_group()
    mode.add_argument("--write", nargs="?", const="", metavar="DIR", help="write JSON Schemas")
    mode.add_argument("--check", nargs="?", const="", metavar="DIR", help="exit 1 when stale")
    schema.add_argument(
        "words",
        nargs="*",
        metavar="check SCHEME.toml",
        help="check these scheme TOML files (labels, keys, colours, fields): every problem, "
        "one line each, exit 1 if any",
    )

    agree = _add(commands, "agree", "agree_cmd", "How far annotators agree: spans, tokens, form.")
    agree.add_argument("files", nargs="+", metavar="FILE", help="annotators' journals")
    agree.add_argument("--corpus", help="the articles (needed for token kappa and char alpha)")
    agree.add_argument("--scheme", metavar="FILE|NAME", help=SCHEME_HELP)
    agree.add_argument("--json", action="store_true", help="print one JSON object")
    _add_leave_out_unknown(agree, "compared")

    diff = _add(commands, "diff", "diff_cmd", "Every disagreement between two annotators.")
    # Fewer journals than two, or more, are taken only to be refused in words (``main``,
    # ``diff_cmd``): argparse said "the following arguments are required: B, more", naming
    # a hidden argument and not what diff needs; "unrecognized arguments" does not say that
    # diff compares two, nor what compares more.
    diff.add_argument("a", metavar="A", nargs="?", help="one annotator's journal")
    diff.add_argument("b", metavar="B", nargs="?", help="another annotator's journal")
    diff.add_argument("more", nargs="*", default=[], help=argparse.SUPPRESS)
    diff.add_argument("--corpus", help="the articles (to show each difference in its sentence)")
    diff.add_argument("--scheme", metavar="FILE|NAME", help=SCHEME_HELP)
    diff.add_argument("--doc", metavar="ID", help="only this document")
    diff.add_argument("--json", action="store_true", help="print one JSON object")
    _add_leave_out_unknown(diff, "compared")
    diff.usage = _usage_needing(diff, "[A] [B]", "A B")

    merge = _add(commands, "merge", "merge_cmd", "Gold records where annotators agree.")
    merge.add_argument("files", nargs="+", metavar="FILE", help="annotators' journals")
    merge.add_argument("-o", "--output", required=True, metavar="GOLD.jsonl", help="gold file")
    merge.add_argument("--reviewer", help="your name (default: the login name)")
    merge.add_argument(
        "--min-agree",
        type=int,
        metavar="K",
        help="accept what K annotators agree on, a span, an answer or that nothing more is "
        "there (default: all)",
    )
    merge.add_argument("--force", action="store_true", help="replace a reviewed gold file")
    merge.add_argument("--corpus", help="the articles (records of changed texts are left out)")
    merge.add_argument("--scheme", metavar="FILE|NAME", help=SCHEME_HELP)
    merge.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    _add_leave_out_unknown(merge, "merged")

    review = _add(commands, "review", "review_cmd", "Settle annotators' conflicts into gold.")
    review.add_argument("files", nargs="+", metavar="FILE", help="annotators' journals")
    review.add_argument("--corpus", required=True, help="the articles the journals annotate")
    review.add_argument("-o", "--output", required=True, metavar="GOLD.jsonl", help="gold file")
    review.add_argument("--reviewer", help="your name (default: the login name)")
    review.add_argument("--scheme", metavar="FILE|NAME", help=SCHEME_HELP)
    review.add_argument(
        "--min-agree",
        type=int,
        metavar="K",
        help="accept what K annotators agree on, a span, an answer or that nothing more is "
        "there (default: all)",
    )
    _add_leave_out_unknown(review, "merged")

    export = _add(commands, "export", "export_cmd", "Export records to a training or tool format.")
    export.add_argument("source", metavar="SRC", help="a gold file or an annotator's journal")
    export.add_argument(
        "--format",
        required=True,
        metavar="F",
        help="jsonl prodigy doccano labelstudio brat conll hf spacy",
    )
    export.add_argument(
        "-o",
        "--out",
        required=True,
        metavar="OUT",
        help="file or folder; - for standard output (one-file text formats)",
    )
    export.add_argument("--corpus", help="the articles (needed by every format but bare jsonl)")
    export.add_argument("--status", default="done", help="statuses to export (default: done)")
    export.add_argument("--split", metavar="SPEC", help="e.g. train=0.8,dev=0.1,test=0.1")
    export.add_argument("--seed", type=int, help="seed of --split (default: 0)")
    export.add_argument("--annotator", metavar="NAME", help="whose records, in a mixed file")
    export.add_argument("--with-text", action="store_true", help="jsonl: add text and meta")
    export.add_argument("--style", default="label", help="doccano: label or entities")
    export.add_argument("--offsets", default="codepoints", help="codepoints or utf16")
    export.add_argument(
        "--scheme",
        metavar="FILE|NAME",
        help="check labels against this scheme (a TOML file or a shipped scheme's name)",
    )
    export.add_argument(
        "--leave-out-unknown",
        action="store_true",
        help="with --scheme: leave out the labels, fields and choice values it does not know "
        "(kept from another scheme), each said with its count",
    )
    export.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="every document's warning line (without -v: up to 5 documents each have a line; "
        "more are summarised per format)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace existing output files (without it an output file that is not empty is "
        "refused, whatever it holds: a journal, a corpus, an earlier export, your own file)",
    )

    imp = _add(commands, "import", "import_cmd", "Import articles and other tools' labels.")
    imp.add_argument("source", metavar="SRC", help="file or folder written by another tool")
    imp.add_argument(
        "--format",
        required=True,
        metavar="F",
        help="txt jsonl prodigy doccano labelstudio brat conll conllu hf spacy",
    )
    imp.add_argument("-o", "--out", required=True, metavar="CORPUS.jsonl", help="corpus to write")
    imp.add_argument("--annotations", metavar="OUT.jsonl", help="write the labels as records")
    imp.add_argument(
        "--annotator",
        metavar="NAME",
        help="whose records they become (default: the one annotator the file's records name, "
        "as our jsonl does, else your login name, as annotate takes it)",
    )
    imp.add_argument("--map", action="append", metavar="OLD=NEW", help="rename a label")
    imp.add_argument(
        "--offsets",
        default=None,
        help="codepoints or utf16 (default: told by the data; a file whose spans fit only "
        "as UTF-16 units is refused, naming the option)",
    )
    imp.add_argument("--tags", help="conll/conllu/hf tags: iob1, iob2 (default) or bioes")
    imp.add_argument(
        "--per-sentence",
        action="store_true",
        help="conll: a document per sentence, as doccano reads CoNLL (default: per -DOCSTART-)",
    )
    imp.add_argument(
        "--text-key",
        metavar="KEY",
        help='doccano: the field holding the text (default: "text"), as doccano\'s Column Data; '
        "labelstudio: the data key of the text (data.KEY, $KEY in the labelling config)",
    )
    imp.add_argument(
        "--label-key",
        metavar="KEY",
        help='doccano: the field holding [start, end, label] lists (default: "label" or '
        '"labels"), as doccano\'s Column Label',
    )
    imp.add_argument(
        "--predictions",
        action="store_true",
        help="labelstudio: import a model's predictions (the first model_version found) instead "
        "of the annotations, as pre-annotations in progress; --annotator names whose (default: "
        "the model_version)",
    )
    imp.add_argument(
        "--scheme",
        metavar="FILE|NAME",
        help="labels must be this scheme's: a file or a shipped one's name (else one is written)",
    )
    imp.add_argument("--status", help="status of the records (default: done)")
    imp.add_argument("--force", action="store_true", help="replace existing output files")
    imp.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out spans that are bad data (each is listed) instead of refusing the import",
    )
    return parser


def _add_leave_out_unknown(parser: argparse.ArgumentParser, doing: str) -> None:
    """Export's ``--leave-out-unknown`` for the commands reading annotators' journals."""
    parser.add_argument(
        "--leave-out-unknown",
        action="store_true",
        help=f"with --scheme: the records are {doing} without the labels, fields and choice "
        "values it does not know (kept from another scheme), each said with its count",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # argparse refuses an argument a command does not know (``stats F --min-agree 2``) from the
    # top-level parser, with its usage: the command's own says what it takes.
    args, unknown = parser.parse_known_args(argv)
    target = getattr(args, "target", None)
    if unknown:
        (_command_parser(parser, target) or parser).error(
            f"unrecognized arguments: {' '.join(unknown)}"
        )
    if target is None:
        parser.print_help()
        return 2
    if target == "diff_cmd" and args.b is None:
        given = 0 if args.a is None else 1
        (_command_parser(parser, target) or parser).error(
            f"diff compares two journals, A and B ({given} given): name one annotator's "
            "journal and another's"
        )
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
    except BrokenPipeError:  # the reader stopped (``| head``): nothing to say to it
        _drop_stdout()
        return 1
    except OSError as error:  # writing the output failed (a full disk, say): one line
        _drop_stdout()
        where = f"{error.filename}: " if error.filename else ""
        print(f"annotator: {where}{error.strerror or error}", file=sys.stderr)
        return 1
    return status


def _command_parser(
    parser: argparse.ArgumentParser, target: str | None
) -> argparse.ArgumentParser | None:
    """The parser of the command whose module is ``target`` (None: no command given)."""
    for action in parser._actions:  # argparse keeps its subparsers only among its actions
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                if (
                    isinstance(command, argparse.ArgumentParser)
                    and target is not None
                    and command.get_default("target") == target
                ):
                    return command
    return None


def _usage_needing(parser: argparse.ArgumentParser, written: str, needed: str) -> str:
    """The parser's usage line with ``written`` (optional positionals, as argparse brackets
    them) said as ``needed``: they are refused in words when missing, but needed all the same."""
    own = parser.formatter_class
    parser.formatter_class = _one_line  # the usage is set as it reads here, wrapped by no one
    try:
        usage = parser.format_usage()
    finally:
        parser.formatter_class = own
    return usage.strip().removeprefix("usage: ").replace(written, needed)


def _one_line(prog: str) -> argparse.HelpFormatter:
    """A formatter as wide as no usage line is (``_usage_needing``)."""
    return argparse.HelpFormatter(prog, width=1_000)


def _drop_stdout() -> None:
    """Send what is left of stdout to /dev/null, so that flushing it at exit cannot fail again
    (Python would print "Exception ignored" and a traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no stdout to drop (closed, or not a real file)
        return


if __name__ == "__main__":
    sys.exit(main())
