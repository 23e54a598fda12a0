"""A gold file ``merge --force`` replaces, kept aside first when a review worked on it.

``--force`` replaces a gold file holding reviewer decisions: the review starts over, as asked.
But the decisions were then gone for good, where import, rename and export keep a journal they
replace as ``<file>.replaced-TIME``. So a gold file a review worked on is kept so too, and said.

A review adds the reviewer's active time to each record it saves (``seconds_spent``), and merge
writes 0, so a line with time on it was saved by a review. The file is looked at line by line
for that figure alone, not parsed: replacing a 31 MB gold file must not cost merge its memory
(``goldfile.refuse_to_lose_decisions`` reads only its first lines on this path too).
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_outputs import KeptAside, kept_aside

# The key as JSON writes it, outside a string: inside one its quotes would be escaped.
_SECONDS = re.compile(rb'"seconds_spent"\s*:\s*([0-9][0-9.eE+-]*)')


def reviewed(path: Path) -> bool:
    """Whether a line of the gold file at ``path`` holds time a review spent (see above)."""
    try:
        with path.open("rb") as handle:
            for line in handle:
                found = _SECONDS.search(line)
                if found is None:
                    continue
                try:
                    if float(found.group(1)) > 0:
                        return True
                except ValueError:
                    continue  # not a number JSON writes: the model's reader refuses the line
    except FileNotFoundError:
        return False
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
    return False


def keep_reviewed_aside(path: Path) -> KeptAside | None:
    """The gold file at ``path`` kept at ``<path>.replaced-TIME`` when a review worked on it,
    before ``merge --force`` replaces it; None when none did (or there is no file)."""
    if not reviewed(path):
        return None
    try:
        old = path.read_bytes()
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
    return kept_aside(path, old, "a review worked on it (its records hold a reviewer's time)")
