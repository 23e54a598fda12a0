"""``annotator diff``: every disagreement between two annotators, document by document.

Spans are paired in the order of design.md, each span taking part in at most one pair:

1. same offsets and label: no difference, or ``value`` when the normalised values differ;
2. same offsets, other label: ``label``;
3. same label, overlapping, other offsets: ``boundary``, the pairs with the largest overlap
   first (ties: the earlier spans first);
4. what is left: ``only_a`` / ``only_b``.

Within a step, spans pair in document order. Form fields that differ are listed with their
path and both values (see ``form_differences``): ``{"doc_id", "field", "b_field",
"a", "b", "only"}``. A repeatable group's items pair as merge pairs them
(``form_compare.align_items``: equal items, then items agreeing on more than half of the
fields either filled), so a release whose count alone differs is one line, of its count. An
item that only one annotator has (nothing of the other's is the same item) is not a
difference of the item at its index (the other may have an item there, paired with another):
it has ``only`` ``"a"`` or ``"b"``, its path in that annotator's form (``releases[0]``) and
the other side None; ``only`` is None for every other difference. An empty item (no value, no
link) is no answer and no difference (``form_compare``). The annotators' notes of each document
where either wrote one are listed too (``annotator_notes``: they are for the reviewer), and what
each did of a document not compared because they did not both finish it (``not_compared``: its
status and note, a skip's reason; see ``diff_not_compared``). For a person
(``context``, with the texts), each span difference also carries the sentence(s) around it
(``sentence``: start and end offsets, from the project's sentence splitter).
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import nullcontext
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from annotator.core.annotation import Annotation, SpanView
from annotator.core.compare import Comparison, collector_paused, load_comparison
from annotator.core.corpus import Corpus
from annotator.core.diff_not_compared import (
    DONE_BY_ONE,
    in_the_journals,
    no_such_document,
    not_compared,
    notes_beside,
)
from annotator.core.diff_sentences import SentenceFinder
from annotator.core.errors import AnnotatorError
from annotator.core.form_differences import form_differences
from annotator.core.scheme import Scheme

DiffKind = Literal["boundary", "label", "only_a", "only_b", "value"]
DIFF_KINDS: tuple[DiffKind, ...] = ("boundary", "label", "only_a", "only_b", "value")
_KIND_ORDER = {kind: order for order, kind in enumerate(("value", "label", "boundary"))}


# Sort keys of spans, at C speed (SpanView fields: id, start, end, label, text, value): by
# position, (start, end, label, id).
_by_position = itemgetter(1, 2, 3, 0)
_by_offsets_label = itemgetter(1, 2, 3)
_by_offsets = itemgetter(1, 2)


def span_differences(
    a: Annotation, b: Annotation
) -> list[tuple[DiffKind, SpanView | None, SpanView | None]]:
    """The span differences of two records of one document, in document order."""
    keys_a, keys_b = a.span_keys(), b.span_keys()
    set_a, set_b = set(keys_a), set(keys_b)
    if len(set_a) != len(keys_a) or len(set_b) != len(keys_b):
        return paired_spans(list(a.spans), list(b.spans))
    # Step 1 when neither record has a span twice: a span pairs with the other record's span
    # of the same offsets and label, found by set intersection; only the few left over (and
    # twins whose values differ) are made into spans and paired one by one.
    out: list[tuple[DiffKind, SpanView | None, SpanView | None]] = []
    common = set_a & set_b
    # (key, value) pairs found in both: a common key missing from them differs in value.
    same = set(zip(keys_a, a.span_values(), strict=True))
    same &= set(zip(keys_b, b.span_values(), strict=True))
    if len(same) != len(common):
        # Span values are already in their one normal form (an int, an ISO date).
        for key in sorted(common - {key for key, _value in same}):
            out.append(("value", a.span_at(keys_a.index(key)), b.span_at(keys_b.index(key))))
    if len(common) == len(set_a) == len(set_b):
        return out
    free_a = sorted(map(a.span_at, map(keys_a.index, set_a - common)), key=_by_position)
    free_b = sorted(map(b.span_at, map(keys_b.index, set_b - common)), key=_by_position)
    return _pair_the_rest(free_a, free_b, out)


def paired_spans(
    spans_a: list[SpanView], spans_b: list[SpanView]
) -> list[tuple[DiffKind, SpanView | None, SpanView | None]]:
    """The differences of two lists of spans by the four steps, one span at a time (what
    ``span_differences`` does by sets when no span is there twice; tests compare the two)."""
    free_a = sorted(spans_a, key=_by_position)
    free_b = sorted(spans_b, key=_by_position)
    out: list[tuple[DiffKind, SpanView | None, SpanView | None]] = []
    _pair_by(free_a, free_b, _by_offsets_label, "value", out)
    return _pair_the_rest(free_a, free_b, out)


def _pair_the_rest(
    free_a: list[SpanView],
    free_b: list[SpanView],
    out: list[tuple[DiffKind, SpanView | None, SpanView | None]],
) -> list[tuple[DiffKind, SpanView | None, SpanView | None]]:
    """Steps 2 to 4 over the spans step 1 left (in document order), after ``out``'s."""
    _pair_by(free_a, free_b, _by_offsets, "label", out)
    candidates = sorted(
        (
            (-(min(x.end, y.end) - max(x.start, y.start)), _by_position(x), _by_position(y), x, y)
            for x in free_a
            for y in free_b
            if x.label == y.label and x.start < y.end and y.start < x.end
        ),
        key=lambda item: item[:3],
    )
    paired: set[int] = set()
    for _overlap, _pa, _pb, x, y in candidates:
        if id(x) in paired or id(y) in paired:
            continue
        paired.update((id(x), id(y)))
        out.append(("boundary", x, y))
    out.extend(("only_a", span, None) for span in free_a if id(span) not in paired)
    out.extend(("only_b", None, span) for span in free_b if id(span) not in paired)
    return sorted(out, key=_in_document_order)


def _in_document_order(
    item: tuple[DiffKind, SpanView | None, SpanView | None],
) -> tuple[int, int, int]:
    # Without generators: a sort key of every difference (tens of thousands).
    kind, x, y = item
    if x is None or y is None:
        span = y if x is None else x
        assert span is not None
        return (span.start, span.end, _KIND_ORDER.get(kind, 3))
    return (min(x.start, y.start), max(x.end, y.end), _KIND_ORDER.get(kind, 3))


def _pair_by(
    free_a: list[SpanView],
    free_b: list[SpanView],
    key: Any,
    kind: DiffKind,
    out: list[tuple[DiffKind, SpanView | None, SpanView | None]],
) -> None:
    """Pair spans with equal ``key``s in document order, each at most once; a pair is a
    difference of ``kind`` (for ``value``: when the values differ). The paired spans leave
    ``free_a`` and ``free_b``."""
    waiting: defaultdict[Any, list[SpanView]] = defaultdict(list)
    for span in free_b:
        waiting[key(span)].append(span)
    kept_a: list[SpanView] = []
    for span in free_a:
        matches = waiting.get(key(span))
        if not matches:
            kept_a.append(span)
            continue
        other = matches.pop(0)
        free_b.remove(other)
        if kind != "value" or span.value != other.value:
            out.append((kind, span, other))
    free_a[:] = kept_a


def _span_json(span: SpanView | None) -> dict[str, Any] | None:
    # ``SpanView.as_json`` made here, one call less per span, as a dict display: making it
    # from (field, value) pairs (``dict(zip(...))``) took three times as long.
    if span is None:
        return None
    span_id, start, end, label, text, value = span
    return {"id": span_id, "start": start, "end": end, "label": label, "text": text, "value": value}


def differences(
    comparison: Comparison,
    scheme: Scheme,
    first: str,
    second: str,
    context: bool = False,
    doc_id: str | None = None,
) -> dict[str, Any]:
    """The diff of annotator ``first`` (A) against ``second`` (B) over the compared units,
    and what each did of the documents not compared (``not_compared``; with ``doc_id``, of
    that one only).

    With ``context`` (and a corpus), each span difference also gives ``sentence``: the start
    and end of the sentence(s) around it, for showing it to a person.
    """
    spans_out: list[dict[str, Any]] = []
    form_out: list[dict[str, Any]] = []
    notes_out: list[dict[str, Any]] = []  # the annotators' notes for the reviewer
    counts = dict.fromkeys(DIFF_KINDS, 0)
    documents = 0
    corpus = comparison.corpus if context else None
    # The corpus file opened once for all the texts, not once per text (a tenth of its time).
    with corpus.kept_open() if corpus is not None else nullcontext():
        for unit in comparison.units:
            record_a, record_b = unit.records.get(first), unit.records.get(second)
            if record_a is None or record_b is None:
                continue
            documents += 1
            found = span_differences(record_a, record_b)
            text = comparison.text(unit) if found and context else None
            finder = SentenceFinder(text) if text is not None else None
            for kind, x, y in found:
                counts[kind] += 1
                item: dict[str, Any] = {
                    "doc_id": unit.doc_id,
                    "kind": kind,
                    "a": _span_json(x),
                    "b": _span_json(y),
                }
                if finder is not None:
                    spans = [span for span in (x, y) if span is not None]
                    start = min(span.start for span in spans)
                    end = min(max(span.end for span in spans), len(finder.text))
                    item["sentence"] = list(finder.around(start, end))
                spans_out.append(item)
            # Forms written alike are the same answers (half the bench's documents): no field
            # can differ, told without decoding them.
            if not record_a.same_form(record_b):
                links_a, links_b = (
                    partial(getattr, record_a, "links"),
                    partial(getattr, record_b, "links"),
                )
                for change in form_differences(
                    record_a.form, record_b.form, scheme, links_a, links_b
                ):
                    form_out.append({"doc_id": unit.doc_id, **change})
            if record_a.note or record_b.note:
                notes_out.append({"doc_id": unit.doc_id, "a": record_a.note, "b": record_b.note})
    listed = not_compared(comparison, first, second, doc_id)
    notes = notes_beside(comparison, first, second, listed)
    if comparison.corpus is None and context and documents:
        notes.append("pass --corpus PATH to see each difference in its sentence")
    return {
        "annotators": {"a": first, "b": second},
        "documents": documents,
        "differences": spans_out,
        "form": form_out,
        "annotator_notes": notes_out,
        "counts": counts,
        "not_compared": listed,
        "excluded": [item.as_json() for item in comparison.excluded],
        "notes": notes,
    }


def _single_annotator(comparison: Comparison, file: Path) -> str:
    names = sorted(name for name, path in comparison.files.items() if path == file)
    if len(names) != 1:
        raise AnnotatorError(
            f"{file}: holds the records of {len(names)} annotators ({', '.join(names)}): diff "
            "compares two journals of one annotator each (use `annotator agree` for more)"
        )
    return names[0]


def diff_of_files(
    file_a: Path,
    file_b: Path,
    scheme: Scheme,
    corpus: Corpus | None = None,
    doc_id: str | None = None,
    context: bool = False,
    leave_out_unknown: bool = False,
) -> dict[str, Any]:
    """Read two journals and list their differences (the core of ``annotator diff``);
    ``leave_out_unknown`` as ``load_comparison`` takes it."""
    # The records are freed (by the helper's return) before the collector resumes: alive,
    # its first pass would walk every one of them (tens of milliseconds) for nothing.
    with collector_paused():
        return _diff(file_a, file_b, scheme, corpus, doc_id, context, leave_out_unknown)


def _diff(
    file_a: Path,
    file_b: Path,
    scheme: Scheme,
    corpus: Corpus | None,
    doc_id: str | None,
    context: bool,
    leave_out_unknown: bool = False,
) -> dict[str, Any]:
    # With --doc, no document compared is no refusal: the one asked for is said first (a
    # trial's diff --doc of a document only A held was refused as "no document is done by
    # two or more annotators" when the two shared none).
    comparison = load_comparison(
        [file_a, file_b],
        scheme,
        corpus,
        need_compared=doc_id is None,
        leave_out_unknown=leave_out_unknown,
    )
    first, second = _single_annotator(comparison, file_a), _single_annotator(comparison, file_b)
    if doc_id is not None:
        # A document the journals hold is a fair request even when it is not compared (not
        # done by both, or left out): the report then says why (``not_compared``,
        # ``excluded``). Only an id neither holds is refused: a typo, or a document of the
        # corpus neither annotator has a record of (``no_such_document`` tells them apart).
        if not in_the_journals(comparison, (first, second), doc_id):
            files = {first: file_a, second: file_b}
            raise AnnotatorError(no_such_document(comparison, doc_id, files, corpus))
        comparison.units = [unit for unit in comparison.units if unit.doc_id == doc_id]
        comparison.excluded = [item for item in comparison.excluded if item.doc_id == doc_id]
        comparison.notes = [
            note for note in comparison.notes if not note.startswith(ABOUT_OTHER_DOCUMENTS)
        ]
    return differences(comparison, scheme, first, second, context, doc_id)


# The starts of ``load_comparison``'s notes that list documents not compared. With ``--doc``
# they name other documents (the one diffed is compared, or ``not_compared`` says what each
# annotator did of it), and a trial's reviewer read "carol 1 skipped (08-…)" under a diff of
# 07 as a word about 07: they are left out then. The other notes are on the journals
# themselves (a torn last line, a gold file) and stay. tests/test_diff_doc_notes.py fails if
# the notes' words change.
NOT_DONE = "records not done are not compared:"
ABOUT_OTHER_DOCUMENTS = (NOT_DONE, DONE_BY_ONE)
