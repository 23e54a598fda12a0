"""``annotator agree FILE... [--corpus PATH] [--scheme FILE|NAME] [--json]
[--leave-out-unknown]``."""

from __future__ import annotations

import argparse

from annotator.commands import print_json_and_notes, scheme_from, warn
from annotator.core.agreement import agreement_of_files
from annotator.core.journals_kept import refuse_leave_out_without_scheme
from annotator.core.paths_given import corpus_given, paths_given
from annotator.core.rescue_taken import rescues_pending


def run(args: argparse.Namespace) -> int:
    refuse_leave_out_without_scheme(args.leave_out_unknown, args.scheme, "compared")
    scheme = scheme_from(args.scheme)
    corpus = corpus_given(args.corpus)  # '' was taken for no corpus, unsaid: refused
    files = paths_given(args.files, "FILE", "an annotator's journal")  # '' was said as '.'
    for line in rescues_pending(files):  # compared without their changes
        warn(line)
    report = agreement_of_files(files, scheme, corpus, args.leave_out_unknown)
    if args.json:
        print_json_and_notes(report)
        return 0
    from annotator.commands.agree_tables import print_report  # rich only for the tables

    print_report(report, {label.name: label.color for label in scheme.labels})
    return 0
