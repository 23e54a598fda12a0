"""Tokenizer, sentence splitter and selection snapping on a 1 MB article.

Goals: building the tokenizer's character classes (first use, in a fresh interpreter) under
0.2 s; snapping a selection in a 1 MB text well under a frame (about 1 ms), since it tokenizes
only the stretch around the selection (in Chinese, written without spaces, its paragraph);
tokenizing all of 1 MB (exports, kappa) under a second.
Run from the project folder: python -m bench.tokens_snap
"""

from __future__ import annotations

import subprocess
import sys

from bench._common import median_seconds, ms

FIRST_USE = r"""
import time
from annotator.core import tokens
start = time.perf_counter()
tokens.tokenize("warm up")
print(time.perf_counter() - start)
"""

PARAGRAPH = (
    "“We are home,” said Mark Kaliush’s lawyer, N’Diaye, on Sunday 🕊️. Ukraine and Russia "
    "swapped 1,200 prisoners at 10:30 a.m. in the U.S.-brokered deal; Wiśniewski-Ó was freed.\n"
)
# Chinese has no spaces: a paragraph is one stretch to tokenize, each character a token.
CHINESE = (
    "北京——中国政府周日释放了九十五名囚犯，其中包括三名记者。据官方媒体报道，这些囚犯于2024年"
    "3月17日在北京获释。外交部发言人表示，释放是人道主义举措。"
) * 4 + "\n"


def main() -> None:
    from annotator.core.sentences import sentences
    from annotator.core.spans import snap_selection
    from annotator.core.tokens import tokenize

    first = [
        float(
            subprocess.run(
                [sys.executable, "-c", FIRST_USE], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    print(f"first use (mark ranges + regex): median {ms(sorted(first)[2])}")

    text = PARAGRAPH * (1_000_000 // len(PARAGRAPH))
    print(f"text: {len(text):,} code points")
    print(f"tokenize: {ms(median_seconds(lambda: tokenize(text), runs=3))}")
    print(f"sentences: {ms(median_seconds(lambda: sentences(text), runs=3))}")
    middle = text.index("Kaliush", len(text) // 2)
    print(
        "snap_selection (token mode, middle of the text): "
        f"{ms(median_seconds(lambda: snap_selection(text, middle - 3, middle + 9), runs=101))}"
    )
    print(
        "snap_selection (token mode, 100 KB selection): "
        f"{ms(median_seconds(lambda: snap_selection(text, middle, middle + 100_000), runs=21))}"
    )
    chinese = CHINESE * (1_000_000 // len(CHINESE))
    print(f"Chinese text: {len(chinese):,} code points, {len(CHINESE) - 1} a paragraph")
    print(f"tokenize (Chinese): {ms(median_seconds(lambda: tokenize(chinese), runs=3))}")
    found = chinese.index("九十五名囚犯", len(chinese) // 2)
    print(
        "snap_selection (Chinese, middle of the text): "
        f"{ms(median_seconds(lambda: snap_selection(chinese, found, found + 6), runs=101))}"
    )


if __name__ == "__main__":
    main()
