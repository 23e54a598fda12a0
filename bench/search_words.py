"""The annotation screen's search (``/``, then enter) on a 1 MB article.

Whole words first: each search asks whether the query stands as a word anywhere in the text.
Asking the tokenizer of every match took 0.4 s on the event loop for ``/e`` (100,000 matches,
none a word); the search now asks it only of the matches the regex module finds at word edges,
and keeps the answer per text and query. Goal: every query under a frame (16 ms) from the
second enter on, and well under 50 ms for its first.

Printed per query: its matches; the old way (every match through the tokenizer, as a baseline
in the same run); the first enter (the answer per text and query forgotten, the folded text
kept: it is built once per text, timed on its own); and enter again. Enter also counts the
matches, up to a thousand, for "match 2 of 7". Medians of several runs.
Run from the project folder: python -m bench.search_words
"""

from __future__ import annotations

from annotator.core import search
from bench._common import median_seconds, ms
from bench.tui_latency_articles import big_text

QUERIES = ("e", "s", "an", "Norv", "Norvania", "the", "zq")


def every_match_through_the_tokenizer(text: str, query: str) -> bool:
    """What each enter asked before: whether any match is a whole word, match by match."""
    candidates = search.matches(text, query)
    return any(search._whole_word(text, *match) for match in candidates)


def first_enter(text: str, query: str, cursor: int) -> None:
    """What enter does (``find_counted``: the match, and its place among the first
    ``COUNTED_AT_MOST``), its answers per text and query forgotten."""
    search._has_whole_word.cache_clear()
    search._match_starts.cache_clear()
    search.find_counted(text, query, cursor)


def main() -> None:
    text = big_text()
    middle = len(text) // 2
    print(f"text: {len(text):,} code points")

    def fold_the_text() -> None:
        search._folded.cache_clear()
        search._folded(text)

    print(f"folding the text (once per text): {ms(median_seconds(fold_the_text, runs=5))}")
    print(f"{'query':<10} {'matches':>8} {'old way':>12} {'first enter':>12} {'enter again':>12}")
    for query in QUERIES:
        count = sum(1 for _ in search.matches(text, query))
        before = median_seconds(lambda q=query: every_match_through_the_tokenizer(text, q), runs=3)
        first = median_seconds(lambda q=query: first_enter(text, q, middle), runs=7)
        found = search.find_match(text, query, middle)
        cursor, after = (found[1], found[0]) if found else (middle, None)
        again = median_seconds(
            lambda q=query, c=cursor, a=after: search.find_counted(text, q, c, a), runs=21
        )
        print(f"{query:<10} {count:>8,} {ms(before):>12} {ms(first):>12} {ms(again):>12}")


if __name__ == "__main__":
    main()
