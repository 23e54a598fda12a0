"""Carrying a stale record over (ctrl+k twice): 100, 400 and 1600 spans on words that recur.

A long article, every span on one of ten words (names, numbers and function words, each
found hundreds of times), changed by a line added at the top and three words fixed further
on: every span moved, by four shifts. Each place's words are found once per call, so the
time grows about with the spans and the places of their words. Goal: 1600 spans well under
a second (the screen works it out off its thread, then keeps it for the second ctrl+k).
Run from the project folder: python -m bench.carry_over
"""

from __future__ import annotations

import random

from bench._common import median_seconds, ms

WORDS = ["the", "of", "Kestria", "Norvania", "95", "prisoners", "said", "and", "released", "talks"]


def stale_and_text(spans: int) -> tuple[object, str]:
    """A record of ``spans`` spans (on every fourth word) of an old text, and the new text."""
    from annotator.core.models import SCHEMA_VERSION, Record, Span, sha256_text

    pick = random.Random(1).choice
    words = [pick(WORDS) for _ in range(spans * 4)]
    old = " ".join(words) + ".\n"
    marked, at = [], 0
    for index, word in enumerate(words):
        if index % 4 == 0:
            marked.append(
                Span(
                    id=f"s{index // 4 + 1}", start=at, end=at + len(word), label="actor", text=word
                )
            )
        at += len(word) + 1
    stale = Record(
        schema_version=SCHEMA_VERSION,
        doc_id="d",
        doc_sha256=sha256_text(old),
        annotator="alice",
        status="done",
        spans=marked,
    )
    return stale, "A line added at the top.\n" + old.replace("talks", "talk", 3)


def main() -> None:
    from annotator.core.carry_over import carry_over
    from annotator.core.models import Record

    for spans in (100, 400, 1600):
        stale, text = stale_and_text(spans)
        assert isinstance(stale, Record)
        result = carry_over(stale, text)
        took = median_seconds(lambda stale=stale, text=text: carry_over(stale, text), runs=5)
        print(f"{spans} spans, {len(text):,} code points: {ms(took)} ({result.summary()})")


if __name__ == "__main__":
    main()
