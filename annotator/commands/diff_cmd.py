"""``annotator diff A B [--corpus PATH] [--scheme FILE|NAME] [--doc ID] [--json]
[--leave-out-unknown]``."""

from __future__ import annotations

import argparse

from annotator.commands import print_json_and_notes, scheme_from, warn
from annotator.commands.diff_report import print_report
from annotator.core.diff import diff_of_files
from annotator.core.errors import UsageError
from annotator.core.journals_kept import refuse_leave_out_without_scheme
from annotator.core.paths_given import corpus_given, path_given
from annotator.core.rescue_taken import rescues_pending


def run(args: argparse.Namespace) -> int:
    if args.more:
        raise UsageError(
            f"diff compares two journals, A and B ({2 + len(args.more)} given); for more "
            "annotators, `annotator agree` gives the figures and `annotator merge` or "
            "`annotator review` their conflicts"
        )
    refuse_leave_out_without_scheme(args.leave_out_unknown, args.scheme, "compared")
    scheme = scheme_from(args.scheme)
    corpus = corpus_given(args.corpus)  # '' refused, not taken for none
    # '' refused (``paths_given``): it was said as '.', a folder.
    a, b = path_given(args.a, "A", "one annotator's journal"), path_given(args.b, "B", "another's")
    for line in rescues_pending([a, b]):  # compared without their changes
        warn(line)
    report = diff_of_files(
        a,
        b,
        scheme,
        corpus,
        args.doc,
        context=not args.json,
        leave_out_unknown=args.leave_out_unknown,
    )
    if args.json:
        print_json_and_notes(report)
        return 0
    print_report(report, corpus, {label.name: label.color for label in scheme.labels})
    return 0
