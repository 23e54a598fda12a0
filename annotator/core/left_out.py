"""How agree, diff, merge and review word what was left out of a comparison (``compare.Excluded``).

A document left out whole reads ``01 (bob): stale …``. When only some annotators' records of
a document are left out, the document is still compared (merged) between the others
(``Excluded.still_compared``), and the line names those records: a trial read merge's
"left out: 01 (bob)" of a document that was in gold, merged between alice and carol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def whose_records(doc_id: str, annotators: Sequence[str]) -> str:
    """``bob's record of 01``, ``bob's and carol's records of 01``."""
    names = [f"{name}'s" for name in annotators]
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{who} record{'' if len(names) == 1 else 's'} of {doc_id}"


def left_out_line(item: Mapping[str, Any], doing: str) -> str:
    """One line for an exclusion (``Excluded.as_json()``): ``doing`` is what becomes of the
    document between the others ("compared", "merged")."""
    if item["still_compared"]:
        records = whose_records(item["doc_id"], item["annotators"])
        still = f"{item['doc_id']} is still {doing} between the others"
        return f"left out: {records} ({still}): {item['reason']}"
    who = ", ".join(item["annotators"])
    return f"left out: {item['doc_id']} ({who}): {item['reason']}"
