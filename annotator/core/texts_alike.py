"""Records of one text that disagree on its characters: one of their journals is damaged.

Without a corpus, merge has no text to check a span's ``text`` against (``compare._unit`` does
with one), and a gold span takes its text from one annotator's record. Records compared are of
one text (the same ``doc_sha256``), so two spans at the same offsets must hold the same
characters; where they do not, a journal line was edited by hand or damaged, and gold would
carry whichever text came first. ``refuse_texts_that_differ`` refuses it, naming both lines,
as validate names a span that does not fit its text.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path

from annotator.core.compare import Comparison, Unit
from annotator.core.errors import AnnotatorError
from annotator.core.validate_text import short_repr

_PLACE_TEXT = attrgetter("start", "end", "text")
_PLACE = itemgetter(0, 1)


def refuse_texts_that_differ(comparison: Comparison) -> None:
    """Raise naming the first two spans at the same offsets whose texts differ, in documents
    compared without a corpus (with one, every span was held to the corpus text)."""
    if comparison.corpus is not None:
        return
    for unit in comparison.units:
        # In C: the (start, end, text) of every record's spans, and their places. A place
        # held with two texts makes the first set the larger. (About a third of the orjson
        # floor over the bench's 440,000 spans: the check that gold's texts are sound.)
        spans = chain.from_iterable([record.span_lines for record in unit.records.values()])
        held = set(map(_PLACE_TEXT, spans))
        if len(held) != len(set(map(_PLACE, held))):
            raise AnnotatorError(_differing(unit, comparison.files))


def _differing(unit: Unit, files: dict[str, Path]) -> str:
    """The message for the first span (records in annotator order) whose text differs from
    an earlier span's at the same offsets."""
    first: dict[tuple[int, int], tuple[str, int, str]] = {}  # place -> (name, index, text)
    for name, record in unit.records.items():
        for index, span in enumerate(record.span_lines):
            place = (span.start, span.end)
            seen = first.setdefault(place, (name, index, span.text))
            if seen[2] == span.text:
                continue
            earlier, earlier_index, earlier_text = seen
            where = f"{files[earlier]}:{unit.records[earlier].line}"
            return (
                f"{files[name]}:{record.line}: spans.{index}.text: {short_repr(span.text)} at "
                f"{span.start}..{span.end} is {short_repr(earlier_text)} in {where} "
                f"(spans.{earlier_index}), a record of the same text (document {unit.doc_id}, "
                "the same doc_sha256): one of the two journals is damaged; give --corpus to "
                "check them against the text (validate --corpus names the line to mend)"
            )
    raise AssertionError(f"no differing span texts in {unit.doc_id}")
