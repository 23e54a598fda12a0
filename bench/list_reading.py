"""Reading and showing a list field's text: a pasted list of 1,000 names (9 KB).

The annotation screen reads a list at each pause in the typing, at a quit and at d, on its
thread, so it must take well under 0.05 s: trying every run of pieces as a known item took
seconds. Known items: none, one holding a comma (a linked span's words), the 1,000 names with
it (the field's items as they were), and the whole list as one (a span over all of it).
Run from the project folder: python -m bench.list_reading
"""

from __future__ import annotations

from annotator.core.list_text import shown_list, typed_list
from bench._common import median_seconds, ms

NAMES = [f"Name{number:04d}" for number in range(1000)]
SPAN = "Sergeant Pavel Ostrovin, 41"


def main() -> None:
    typed = ", ".join(NAMES)
    for about, known in (
        ("no known items", []),
        ("one with a comma", [SPAN]),
        ("the 1,000 and one with a comma", [*NAMES, SPAN]),
        ("the whole list as one", [typed]),
    ):
        read = median_seconds(lambda known=known: typed_list(typed, known))
        shown = median_seconds(lambda known=known: shown_list(NAMES, known))
        print(f"{len(typed)} characters, {about}: read {ms(read)}, shown {ms(shown)}")


if __name__ == "__main__":
    main()
