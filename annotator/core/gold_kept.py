"""A gold file ``merge --force`` replaces, kept aside first when a review worked on it.

``--force`` replaces a gold file holding reviewer decisions: the review starts over, as asked.
But the decisions were then gone for good, where import, rename and export keep a journal they
replace as ``<file>.replaced-TIME``. So a gold file a review worked on is kept so too, and said.

A review adds the reviewer's active time to each record it saves (``seconds_spent``), and merge
writes 0, so a line with time on it was saved by a review. And merge writes each document once,
so a document on two lines was saved again by a review, whatever its time (a decision whose
time rounds to 0, a line edited by hand: a trial's such file was refused without --force as
holding decisions, then replaced with it and not kept). The file is looked at line by line for
those two figures alone, not parsed: replacing a 31 MB gold file must not cost merge its memory
(``goldfile.refuse_to_lose_decisions`` reads only its first lines on this path too).
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_outputs import KeptAside, kept_aside

# The key as JSON writes it, outside a string: inside one its quotes would be escaped.
_SECONDS = re.compile(rb'"seconds_spent"\s*:\s*([0-9][0-9.eE+-]*)')
# A line's document, as merge and a review write it (the first key holding it).
_DOC_ID = re.compile(rb'"doc_id"\s*:\s*("(?:[^"\\]|\\.)*")')


_SPENT = "its records hold a reviewer's time"
_SAVED_AGAIN = "a document is on two of its lines, saved again after the merge"


def reviewed(path: Path) -> str | None:
    """How the gold file at ``path`` shows a review worked on it: a line holding time a
    review spent, or a document on two lines (see above); None when neither."""
    seen: set[bytes] = set()
    try:
        with path.open("rb") as handle:
            for line in handle:
                found = _SECONDS.search(line)
                try:
                    if found is not None and float(found.group(1)) > 0:
                        return _SPENT
                except ValueError:
                    pass  # not a number JSON writes: the model's reader refuses the line
                doc = _DOC_ID.search(line)
                if doc is not None:
                    if doc.group(1) in seen:
                        return _SAVED_AGAIN
                    seen.add(doc.group(1))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
    return None


def keep_reviewed_aside(path: Path) -> KeptAside | None:
    """The gold file at ``path`` kept at ``<path>.replaced-TIME`` when a review worked on it,
    before ``merge --force`` replaces it; None when none did (or there is no file)."""
    how = reviewed(path)
    if how is None:
        return None
    try:
        old = path.read_bytes()
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
    return kept_aside(path, old, f"a review worked on it ({how})")
