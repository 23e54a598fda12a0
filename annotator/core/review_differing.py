"""Spans that a conflict's versions give one place under one label with different values:
taking them all would keep one value and lose the others, so ``t`` is neither offered nor
taken there (``review_decisions``)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from annotator.core.form_compare import normal

ValuesAt = dict[Hashable, tuple[Any, list[str]]]  # a value (normalised) -> (value, who)


def differing_values(
    versions: list[dict[str, Any]],
) -> list[tuple[tuple[int, int, str], str, ValuesAt]]:
    """Each place under one label that ``versions`` give different values: (start, end,
    label), its text, and each value with who gave it."""
    given: dict[tuple[int, int, str], ValuesAt] = {}
    texts: dict[tuple[int, int, str], str] = {}
    for version in versions:
        for body in version.get("spans") or []:
            key = (body["start"], body["end"], body["label"])
            texts.setdefault(key, body.get("text") or "")
            value = body.get("value")
            _value, who = given.setdefault(key, {}).setdefault(normal(value), (value, []))
            who.extend(version.get("annotators") or [])
    return [(key, texts[key], values) for key, values in given.items() if len(values) > 1]
