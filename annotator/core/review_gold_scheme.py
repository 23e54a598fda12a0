"""Gold lines a review resumes on that hold what the scheme in force does not allow or know.

The annotators' journals are checked against the scheme before a review opens (``agree``,
``diff``, ``merge`` and ``review`` refuse a value a field no longer takes, a label or a field
the scheme lacks). The gold file is not: it was written under the scheme of its day, and a
scheme changed since (a choice renamed ``sit_in`` -> ``occupation``, a field removed) leaves
its lines holding the old. A trial's review resumed on such a file without a word: the
document stood done gold, its form view showed ``sit_in`` as any value, and only ``export
--scheme`` refused it later. Nothing is changed or dropped here: the review says at opening
which documents' gold holds what (``gold_beside_scheme``), and the way to take the annotators'
records instead (merged anew, they hold what the scheme takes).

Each document's latest line is checked in bulk (``_GoldFit``: the parts of it the scheme
speaks of, decoded by msgspec; ``form_lines``' fast check of the form, the labels and values
of spans as ``record_check`` remembers them, the links); only a line that does not fit is read
as a record, for the words of what it holds (``record_unknown.held_words``). Resuming on the
30.9 MB gold file of ``bench.review_open`` it took 0.13 s of the 1.3 s opening.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
import orjson

from annotator.core.form_lines import FormCheck
from annotator.core.gold_store import GoldStore
from annotator.core.record_check import SpanValues
from annotator.core.record_unknown import held_words
from annotator.core.scheme import Scheme
from annotator.core.validate import links_problems


class _SpanPart(msgspec.Struct, gc=False):
    label: str
    value: int | str | None = None


class _GoldPart(msgspec.Struct, gc=False):
    """What of a gold line the check reads (its other keys are passed over in C)."""

    status: str
    spans: list[_SpanPart]
    form: msgspec.Raw = msgspec.Raw(b"{}")
    links: dict[str, list[str]] = {}


class _GoldFit:
    """Whether a gold line's record fits the scheme, as ``record_lines.LineCheck`` asks of a
    journal's (which refuses a gold line's own keys). The line was checked as a gold record
    when the review opened: only the scheme is asked here."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.decoder = msgspec.json.Decoder(_GoldPart)
        self.form = FormCheck(scheme)
        self.values = SpanValues(scheme)

    def fits(self, raw: bytes) -> bool:
        part = self.decoder.decode(raw)
        if not self.values.fit(part.spans):
            return False
        if not self.form.fine(part.form, part.status == "done"):
            return False
        links = part.links
        if not links:
            return True
        form = orjson.loads(memoryview(part.form))
        return next(links_problems(links, form, self.scheme), None) is None


def gold_beside_scheme(store: GoldStore, scheme: Scheme, doc_ids: Iterable[str]) -> str | None:
    """One line naming the documents of ``doc_ids`` whose latest gold holds what ``scheme``
    does not allow or know, the first with its line and what it holds, and the way to take
    its annotators' records instead; None when every one fits."""
    fit = _GoldFit(scheme)
    lines = [store.latest[doc_id] for doc_id in doc_ids if doc_id in store.latest]
    # One line's bytes at a time: all of them at once held the gold file twice.
    unfit = [line for line in lines if not fit.fits(store.line_at(line))]
    # A line that fits the scheme but not d's rule (a done record lacking a required field)
    # holds nothing the scheme lacks: said by validate, not here.
    said = [(line, words) for line in unfit if (words := held_words(store.record_at(line), scheme))]
    if not said:
        return None
    (first, words), more = said[0], len(said) - 1
    others = f" (and {more} other document(s))" if more else ""
    return (
        f"{store.journal.name}:{first.number}: the gold of {first.facts.doc_id}{others} holds "
        f"{words}: kept as it is (export --scheme refuses it); to take its annotators' "
        "records instead, merge it anew: l, then ctrl+r twice on it"
    )
