"""Other annotators' records in the journal a session opens: said at the start.

``annotate`` shows the records of the annotator it runs for alone. A journal holding another's
records as well (an import's records written to ``annotations/alice.jsonl`` as root's) opened
as new, ``done 0/3``, with nothing said of the records in that same file; alice's labelling
then made a file of two annotators' records, which export, agree and merge refuse. The records
are never given another name unasked: the start names whose they are, how many, and, when the
session's annotator has none there, the rename that makes them theirs.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path

_NAMED = 3  # annotators named; more are counted


def others_notice(journal: Path, annotator: str, others: Mapping[str, int], own: int) -> str:
    """One line for ``others`` (annotator -> documents they have records of in ``journal``),
    ``own`` the documents of ``annotator``; "" when there are none."""
    if not others:
        return ""
    names = sorted(others, key=lambda name: (-others[name], name))
    held = ", ".join(f"{others[name]} document(s) of {name!r}" for name in names[:_NAMED])
    more = f" and of {len(names) - _NAMED} more annotator(s)" if len(names) > _NAMED else ""
    line = (
        f"{journal} also holds other annotators' records, not shown here (annotate shows "
        f"{annotator}'s alone): {held}{more}"
    )
    if own == 0 and len(names) == 1:
        words = ["annotator", "rename", str(journal), "--from", names[0], "--to", annotator]
        rename = shlex.join([*words, "-o", str(journal), "--force"])
        return f"{line}; to work on them as {annotator}'s, quit and run: {rename}"
    return (
        f"{line}; export, agree and merge take one annotator's records a file: keep each "
        "annotator's in their own journal (annotator rename gives records another name)"
    )
