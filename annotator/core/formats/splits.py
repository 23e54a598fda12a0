"""Deterministic train/dev/test splits by document id and seed, never splitting a document.

Each document draws a number in [0, 1) from the sha256 of ``"<seed>:<doc id>"`` and lands in the
split whose share of [0, 1) holds it (shares in the order given). A document's split depends on
its id and the seed only: the same seed gives the same split on any machine, and documents added
later never move the ones already placed. Split sizes are therefore close to the shares asked for,
not exact; the export says how many documents each split got.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TypeVar

from annotator.core.errors import UsageError

_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
T = TypeVar("T")


def parse_split(spec: str) -> list[tuple[str, float]]:
    """``train=0.8,dev=0.1,test=0.1`` → [("train", 0.8), ...]; shares must add up to 1."""
    parts: list[tuple[str, float]] = []
    for piece in spec.split(","):
        name, equals, share = piece.strip().partition("=")
        name = name.strip()
        if not equals or not _NAME_RE.match(name):
            raise UsageError(f"--split: {piece.strip()!r}: expected NAME=SHARE, e.g. train=0.8")
        try:
            value = float(share)
        except ValueError:
            raise UsageError(f"--split: {name}: {share.strip()!r} is not a number") from None
        if not 0 < value <= 1:
            raise UsageError(f"--split: {name}: share {value} must be above 0 and at most 1")
        if any(name == seen for seen, _ in parts):
            raise UsageError(f"--split: {name} is named twice")
        parts.append((name, value))
    total = sum(value for _, value in parts)
    if abs(total - 1.0) > 1e-6:
        raise UsageError(f"--split: shares add up to {total:g}, not 1")
    return parts


def draw(doc_id: str, seed: int) -> float:
    """The document's number in [0, 1) for ``seed``."""
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_of(doc_id: str, seed: int, parts: Sequence[tuple[str, float]]) -> str:
    point = draw(doc_id, seed)
    edge = 0.0
    for name, share in parts:
        edge += share
        if point < edge:
            return name
    return parts[-1][0]


def assign(
    doc_ids: Sequence[str], seed: int, parts: Sequence[tuple[str, float]]
) -> dict[str, list[int]]:
    """Positions of ``doc_ids`` in each split, splits in the order given (some may be empty)."""
    out: dict[str, list[int]] = {name: [] for name, _ in parts}
    for position, doc_id in enumerate(doc_ids):
        out[split_of(doc_id, seed, parts)].append(position)
    return out
