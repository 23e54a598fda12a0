"""``annotator merge FILE... -o GOLD.jsonl [--reviewer NAME] [--min-agree K] [--force]
[--json] [--scheme FILE|NAME [--leave-out-unknown]]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.commands import scheme_from, warn
from annotator.commands.annotate_cmd import login_name
from annotator.core.corpus import open_corpus
from annotator.core.formats.export_out import made_line
from annotator.core.goldfile import refuse_corpus_as_gold
from annotator.core.journals_kept import refuse_leave_out_without_scheme
from annotator.core.left_out import left_out_line
from annotator.core.merge import merge_files
from annotator.core.merge_outvoted import FIRST_FEW, outvoted_line
from annotator.core.paths_given import CORPUS, optional_path_given, path_given, paths_given
from annotator.core.rescue_taken import rescues_pending


def conflict_kinds(conflicts: dict[str, int]) -> str:
    """The open conflicts by kind, as merge's summary ends: `` (1 span, 2 fields)``, `` (1 field)``;
    a kind without any is left out, and nothing is said when none is open."""
    kinds = [
        f"{count} {kind}{'' if count == 1 else 's'}"
        for kind, count in (("span", conflicts["span"]), ("field", conflicts["field"]))
        if count
    ]
    return f" ({', '.join(kinds)})" if kinds else ""


def reviewer_name(given: str | None) -> str:
    """The name given with --reviewer, held to the rule annotate holds names to (as rename and
    import hold theirs), else the login name: "bad name" and "" were written as the gold
    records' annotator, or "" taken for no name and the login name used unsaid."""
    from annotator.core.rename_annotator import check_annotator_name

    if given is None:
        return login_name("--reviewer")
    check_annotator_name("--reviewer", given, "as annotate takes a name: the gold records bear it")
    return given


def run(args: argparse.Namespace) -> int:
    refuse_leave_out_without_scheme(args.leave_out_unknown, args.scheme, "merged")
    reviewer = reviewer_name(args.reviewer)
    # '' refused, not taken for the working folder or for no corpus (``paths_given``).
    output = path_given(args.output, "-o", "the gold file to write")
    corpus_path = optional_path_given(args.corpus, "--corpus", CORPUS)
    refuse_corpus_as_gold(output, corpus_path)
    scheme = scheme_from(args.scheme)
    corpus = open_corpus(corpus_path) if corpus_path is not None else None
    files = paths_given(args.files, "FILE", "an annotator's journal")
    for line in rescues_pending(files):  # merged without their changes
        warn(line)
    summary = merge_files(
        files,
        output,
        scheme,
        reviewer,
        args.min_agree,
        args.force,
        corpus,
        args.leave_out_unknown,
    )
    if args.json:
        import orjson

        # Flushed before the notes on stderr, so that a terminal shows the object whole first.
        print(orjson.dumps(summary).decode(), flush=True)
    for folder in summary["made_folders"]:  # as import and export say them
        print(made_line(Path(folder)), file=sys.stderr if args.json else sys.stdout)
    # With --json the object is the output; the sentence goes to stderr for the person.
    print(
        f"wrote {summary['output']}: {summary['documents']} document(s), "
        f"{summary['spans']} agreed span(s); {summary['done']} done, "
        f"{summary['in_progress']} with open conflicts{conflict_kinds(summary['conflicts'])}",
        file=sys.stderr if args.json else sys.stdout,
    )
    said = outvoted_line(summary["outvoted"], args.min_agree)
    if said:  # never left out unsaid; --json lists every one
        many = len(summary["outvoted"]) > FIRST_FEW
        more = " (--json lists every one)" if many and not args.json else ""
        print(said + more, file=sys.stderr if args.json else sys.stdout)
    if summary["replaced"] and not summary["kept_aside"]:  # kept aside: a note says it whole
        why = "--force" if summary["forced"] else "no review decisions in it"
        print(f"replaced {summary['output']} ({why})", file=sys.stderr)
    for item in summary["excluded"]:
        print(left_out_line(item, "merged"), file=sys.stderr)
    for note in summary["notes"]:
        print(f"note: {note}", file=sys.stderr)
    return 0
