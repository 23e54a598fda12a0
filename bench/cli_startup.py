"""`annotator --help` start time against a bare `python -c pass` in the same run (goal < 0.3 s).

Run from the project folder: python -m bench.cli_startup
"""

from __future__ import annotations

import subprocess
import sys

from bench._common import median_seconds, ms


def main() -> None:
    bare = median_seconds(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 11)
    helped = median_seconds(
        lambda: subprocess.run(
            [sys.executable, "-m", "annotator", "--help"], check=True, stdout=subprocess.DEVNULL
        ),
        11,
    )
    print("start-up, median of 11 runs")
    print(f"  python -c pass:        {ms(bare)}")
    print(f"  annotator --help:      {ms(helped)}")
    print(f"  difference:            {ms(helped - bare)}")


if __name__ == "__main__":
    main()
