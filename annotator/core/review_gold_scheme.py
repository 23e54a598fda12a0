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

import re
from collections import Counter
from collections.abc import Iterable

import msgspec
import orjson

from annotator.core.form_lines import FormCheck
from annotator.core.gold_store import GoldStore
from annotator.core.models import GoldRecord
from annotator.core.record_check import SpanValues
from annotator.core.record_unallowed import value_words, values_not_allowed
from annotator.core.record_unknown import unknown_to_scheme
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


GOLD_BESIDE_SCHEME = "does not know or allow, kept as it is"
"""The words of ``gold_beside_scheme``'s line, by which ``review_exit`` finds it."""

_NAMED = 3  # documents named for one thing held, and things named of one kind
# Each kind of thing a gold record may hold beside the scheme, as the line heads it.
_KINDS = {
    "label": "spans of labels it does not know",
    "value": "values its fields do not take",
    "field": "fields it does not know",
}


class _Held:
    """What the documents' gold holds beside the scheme, thing by thing, kind by kind (a
    label's spans, a value a field does not take, a field), each with the documents holding
    it, in the order of the documents."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.documents: list[str] = []
        self.where: dict[str, dict[str, list[str]]] = {kind: {} for kind in _KINDS}
        self.spans: Counter[str] = Counter()

    def add(self, record: GoldRecord, where: str) -> None:
        """``record``'s parts beside the scheme; ``where``: its document, as named."""
        unknown = unknown_to_scheme(record, self.scheme)
        values = values_not_allowed(record, self.scheme)
        if not (unknown or values):
            return
        self.documents.append(where)
        for label, count in unknown.labels.items():
            self.spans[repr(label)] += count
            self._at("label", repr(label), where)
        for found in values:
            # An item's field once, whichever item holds the value (``releases[].side``).
            path = re.sub(r"\[\d+\]", "[]", found.path)
            self._at("value", f"{path} = {value_words(found.value)} ({found.why})", where)
        for name in unknown.fields:
            self._at("field", repr(name), where)

    def _at(self, kind: str, thing: str, where: str) -> None:
        documents = self.where[kind].setdefault(thing, [])
        if where not in documents:
            documents.append(where)

    def kinds_words(self) -> list[str]:
        """A sentence per kind held: its documents counted, each thing named with where."""
        said = []
        for kind, words in _KINDS.items():
            things = self.where[kind]
            if not things:
                continue
            count = len({where for documents in things.values() for where in documents})
            named = [self._thing_words(kind, thing, docs) for thing, docs in things.items()]
            more = len(named) - _NAMED
            listed = "; ".join(named[:_NAMED]) + (f"; and {more} more" if more > 0 else "")
            said.append(f"{words[0].upper()}{words[1:]}, in {count} document(s): {listed}")
        return said

    def _thing_words(self, kind: str, thing: str, documents: list[str]) -> str:
        more = len(documents) - _NAMED
        named = documents[:_NAMED]
        if more > 0:
            places = f"{', '.join(named)} and {more} more document(s)"
        else:
            places = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
        if kind == "label":
            spans = self.spans[thing]
            return f"{thing}, {spans} span{'s' if spans > 1 else ''} in {places}"
        return f"{thing} in {places}"

    def cut(self) -> bool:
        """Whether some thing or document is left unnamed."""
        return any(
            len(things) > _NAMED or any(len(docs) > _NAMED for docs in things.values())
            for things in self.where.values()
        )


def gold_beside_scheme(store: GoldStore, scheme: Scheme, doc_ids: Iterable[str]) -> str | None:
    """One line saying what the latest gold of the documents of ``doc_ids`` holds that
    ``scheme`` does not allow or know, kind by kind, each thing with the documents holding it
    (and their lines), and the way to take their annotators' records instead; None when every
    one fits. A record saved in this review is read as it stands (the exit's line says the
    gold as it is then: a document merged anew is no longer named)."""
    fit = _GoldFit(scheme)
    held = _Held(scheme)
    for doc_id in doc_ids:
        saved = store.records.get(doc_id)
        if isinstance(saved, GoldRecord):
            # Written in this review: its line's number is not kept, its document is named.
            held.add(saved, doc_id)
            continue
        line = store.latest.get(doc_id)
        # One line's bytes at a time: all of them at once held the gold file twice.
        if line is None or fit.fits(store.line_at(line)):
            continue
        # A line that fits the scheme but not d's rule (a done record lacking a required
        # field) holds nothing the scheme lacks: said by validate, not here.
        held.add(store.record_at(line), f"{doc_id} (line {line.number})")
    if not held.documents:
        return None
    chosen = scheme.chosen_file
    named = f"scheme {chosen.name}" if chosen is not None else "the scheme"
    every = ""
    if held.cut():
        option = f" --scheme {chosen}" if chosen is not None else ""
        every = f" (annotator validate{option} {store.journal} lists every line)"
    kinds = ". ".join(held.kinds_words())
    return (
        f"{store.journal.name}: the gold of {len(held.documents)} document(s) holds what "
        f"{named} {GOLD_BESIDE_SCHEME} (export --scheme refuses it). {kinds}{every}. To take "
        "a document's annotators' records instead, merge it anew: l, then ctrl+r twice on it"
    )
