"""A merge's conflicts as versions: who gave what, ordered, and when nothing more is settled.

Versions are kept as ``fingerprint -> (body, who gave it)``: the fingerprint says what an
annotator gave (alike answers share one), the body is the first such annotator's answer as it
is written into the conflict.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

Versions = dict[Hashable, tuple[Any, list[str]]]


def ordered_versions(versions: Versions) -> list[tuple[Any, list[str]]]:
    """The versions as a conflict lists them: most annotators first, then by the first name."""
    return sorted(versions.values(), key=lambda item: (-len(item[1]), item[1][0]))


def settled_by_nothing(versions: Versions, threshold: int) -> bool:
    """Whether K (``threshold``) annotators gave nothing beyond what is accepted, and more of
    them than gave any other version: then they agree there is nothing more, as K annotators
    giving one answer to a field agree on it, and no conflict is left. (With K = every
    annotator, only when nobody gave anything more.)"""
    nothing = versions.get(())
    if nothing is None or len(nothing[1]) < threshold:
        return False
    return all(len(who) < len(nothing[1]) for key, (_body, who) in versions.items() if key != ())
