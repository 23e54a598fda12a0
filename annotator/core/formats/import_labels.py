"""Labels on import: ``--map`` renames, then labels are checked against the scheme given or
named for the scheme written beside the corpus (``fit_scheme``).

Under ``--scheme``, a label that is not a scheme label name (``Transfer-money``) is read as the
scheme's label of the name an import without ``--scheme`` gives it (``Transfer_money``), said
once: a brat export writes brat's names back, and its import with the scheme the first import
wrote was refused. The scheme written from an hf ``labels.json`` keeps its labels, every one, in
its order (``declared``), so an export of the records gives each tag the same integer.
"""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.formats.brat_kept import references
from annotator.core.formats.common import ImportedDoc
from annotator.core.formats.import_checks import ImportReporter
from annotator.core.formats.import_scheme import default_label_order
from annotator.core.formats.kept_brat_words import kind_of
from annotator.core.formats.labels import scheme_name, value_type
from annotator.core.scheme import Scheme


def rename_labels(
    docs: Sequence[ImportedDoc], mapping: dict[str, str], report: ImportReporter
) -> None:
    left: Counter[str] = Counter()
    lines_left: list[tuple[str, list[str]]] = []  # (document, ids of its kept lines left out)
    for doc in docs:
        if doc.spans is None:
            continue
        kept = []
        gone: set[str] = set()
        for span in doc.spans:
            new = mapping.get(span.label, span.label)
            if not new:
                left[span.label] += 1
                gone.add(span.span_id or "")
                continue
            span.label = new
            kept.append(span)
        doc.spans = kept
        if gone and doc.kept:
            doc.kept, out = _without_lines_naming(doc.kept, gone)
            if out:
                lines_left.append((doc.doc_id, out))
    for label, count in sorted(left.items()):
        report.not_carried(
            f"--map {label}=: {count} {label} span(s) left out as asked",
            "span(s) left out by --map",
            count,
        )
    _say_lines_left(lines_left, report)
    unused = sorted(set(mapping) - {*left, *_labels_before(docs, mapping)})
    if unused:
        report.warn(f"--map: no spans labelled {', '.join(unused)} in the source")


def _without_lines_naming(lines: list[str], gone: set[str]) -> tuple[list[str], list[str]]:
    """The kept brat lines (relations, events, attributes...) not naming an annotation of
    ``gone`` (span ids ``--map OLD=`` left out), nor a line that does (an attribute of an
    event of such a span), and the ids of those that do: no export could write them, and a
    relation kept naming a span no record holds was said at every export as changed since."""
    gone = set(gone)
    staying = list(lines)
    while True:
        out = [line for line in staying if set(references(line)) & gone]
        if not out:
            break
        gone |= {line.split("\t", 1)[0] for line in out}
        staying = [line for line in staying if line not in out]
    left_out = [line.split("\t", 1)[0] for line in lines if line not in staying]
    return staying, left_out


def _say_lines_left(lines_left: list[tuple[str, list[str]]], report: ImportReporter) -> None:
    """One line for the kept lines ``--map OLD=`` left out with their spans, by kind."""
    if not lines_left:
        return
    kinds: Counter[str] = Counter()
    for _doc_id, idents in lines_left:
        kinds.update(f"{kind_of(ident)}(s)" for ident in idents)
    doc_id, idents = lines_left[0]
    counted = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    report.warn(
        f"--map: {counted} naming spans it left out are left out too, since no export could "
        f"write them (first: {doc_id}: {', '.join(idents)})"
    )
    for kind, count in kinds.items():
        report.not_imported[f"{kind} naming spans left out by --map"] = count
    # The readers counted them as kept in the note; the summary counts them once, as left out.
    for _doc_id, idents in lines_left:
        for ident in idents:
            for what in _KEPT_COUNTS[0 if ident[:1] == "R" else 1 :]:
                if report.not_imported.get(what):
                    report.not_imported[what] -= 1
                    if not report.not_imported[what]:
                        del report.not_imported[what]
                    break


# How the readers count the lines they keep in the note (doccano and Label Studio relations;
# any line of brat's), tried in this order for an R line, the last alone for another.
_KEPT_COUNTS = ("relation(s) kept in the note", "brat line(s) kept in the note")


def _labels_before(docs: Sequence[ImportedDoc], mapping: dict[str, str]) -> set[str]:
    # Spans are renamed in place; a label mapped to a new name shows up as that name.
    found = {span.label for doc in docs for span in doc.spans or []}
    return {old for old, new in mapping.items() if new in found}


def fit_scheme(
    docs: Sequence[ImportedDoc],
    scheme: Scheme | None,
    source: Path,
    report: ImportReporter,
    declared: Sequence[str] = (),
    mapping: Mapping[str, str] | None = None,
) -> tuple[Scheme | None, list[tuple[str, str, str]]]:
    """Check labels against ``scheme``, or name them for the scheme written beside the corpus.

    ``declared``: the labels the source lists, in its order (hf's ``labels.json``): the scheme
    written holds them all, spans or not, in that order, then the others found. ``mapping``:
    ``--map``'s, by which a label made valid is named in the hint (``--map ORG=NEW``, not the
    name ``--map ORG=bad-name`` gave it, which a second ``--map`` cannot take)."""
    counts: Counter[str] = Counter(s.label for d in docs for s in d.spans or [])
    if scheme is not None:
        _take_scheme_names(docs, counts, scheme, report)
        _refuse_unknown(docs, counts, scheme)
        return scheme, []
    listed = list(dict.fromkeys(declared))
    mapped_from: dict[str, str] = {}
    for old, new in (mapping or {}).items():
        mapped_from.setdefault(new, old)
    names = _scheme_names(
        [*counts, *(label for label in listed if label not in counts)], report, mapped_from
    )
    values: dict[str, list[Any]] = {names[label]: [] for label in [*listed, *counts]}
    for doc in docs:
        for span in doc.spans or []:
            span.label = names[span.label]
            if span.value is not None:
                values[span.label].append(span.value)
    found = []
    for label, kept in values.items():
        kind = value_type(kept)
        if kept and kind == "none":
            report.not_carried(
                f"label {label}: its {len(kept)} value(s) are neither all integers nor all "
                "dates; dropped",
                "value(s)",
                len(kept),
            )
            for doc in docs:
                for span in doc.spans or []:
                    if span.label == label:
                        span.value = None
        total = sum(1 for d in docs for s in d.spans or [] if s.label == label)
        found.append((label, kind, f"Imported from {source.name}: {total} span(s)."))
    kept = [names[label] for label in listed]
    order = kept + [name for name in default_label_order(values) if name not in kept]
    return None, sorted(found, key=lambda item: order.index(item[0]))


def scheme_names(labels: Iterable[str], report: ImportReporter) -> dict[str, str]:
    """The name each source label gets in the scheme written: a valid name keeps it; an invalid
    one is made valid (reported), taking a suffix when that name is taken by another label of
    the source (``Transfer-money`` beside ``Transfer_money`` becomes ``Transfer_money_2``)."""
    return _scheme_names(list(labels), report)


def map_hint(label: str) -> str:
    """``LABEL=NEW`` as a shell takes it: quoted when the label holds a space or a character a
    shell reads (Label Studio's ``Person Name``: ``--map Person Name=NEW`` gave --map ``Person``
    and a stray argument); letters of any script and ``-`` stay as they are."""
    word = f"{label}=NEW"
    plain = all(char.isalnum() or char in "_-.@%+=:,/" for char in word)
    return word if plain else shlex.quote(word)


def _scheme_names(
    labels: Sequence[str],
    report: ImportReporter | None,
    mapped_from: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """``scheme_names``; with ``report`` None, nothing said (the names an import under
    ``--scheme`` compares with the scheme's). ``mapped_from``: a label ``--map`` gave -> the
    source's label it was, which the hint names."""
    # The valid names first: each is its own and no invalid one may take it.
    names = {label: label for label in labels if scheme_name(label) == label}
    for label in labels:
        if label in names:
            continue
        name = base = scheme_name(label)
        suffix = 2
        while name in names.values():
            name, suffix = f"{base}_{suffix}", suffix + 1
        taken = [other for other, given in names.items() if given == base]
        why = f" ({taken[0]!r} is a label of the source too)" if name != base and taken else ""
        if report is not None:
            report.warn(
                f"label {label!r} is not a scheme label name (ASCII letters, digits, _); "
                f"imported as {name!r}{why} (choose another with --map "
                f"{map_hint((mapped_from or {}).get(label, label))})"
            )
        names[label] = name
    return names


def _take_scheme_names(
    docs: Sequence[ImportedDoc], counts: Counter[str], scheme: Scheme, report: ImportReporter
) -> None:
    """Under ``scheme``, read a label it lacks as the scheme's label of the name an import
    without ``--scheme`` gives it (``Transfer-money`` as ``Transfer_money``), said once with
    the spans counted; ``counts`` follows. A brat export writes brat's names back, so the
    scheme its first import wrote refused its own round trip."""
    names = _scheme_names(list(counts), None)
    taken = {
        label: names[label]
        for label in counts
        if scheme.label(label) is None and scheme.label(names[label]) is not None
    }
    if not taken:
        return
    for doc in docs:
        for span in doc.spans or []:
            span.label = taken.get(span.label, span.label)
    listed = ", ".join(f"{old} as {new} ({counts[old]})" for old, new in taken.items())
    spans = sum(counts[old] for old in taken)
    report.warn(
        f"{spans} span(s) read as labels of scheme {scheme.name} by the names an import "
        "without --scheme gives theirs, which are not scheme label names (ASCII letters, "
        f"digits, _): {listed} (choose another with --map OLD=NEW)"
    )
    for old, new in taken.items():
        counts[new] += counts.pop(old)


def _refuse_unknown(docs: Sequence[ImportedDoc], counts: Counter[str], scheme: Scheme) -> None:
    """One line for labels ``scheme`` lacks: where the first one is (file, line and field, as
    the reader named its span), then every unknown label with its count and the --map hint."""
    unknown = [label for label in counts if scheme.label(label) is None]
    if not unknown:
        return
    first = next(s for d in docs for s in d.spans or [] if scheme.label(s.label) is None)
    spans = sum(counts[label] for label in unknown)
    listed = ", ".join(f"{label} ({counts[label]})" for label in unknown)
    known = ", ".join(label.name for label in scheme.labels)
    raise AnnotatorError(
        f"{first.where}: label {first.label} not in scheme {scheme.name} ({known}); "
        f"{spans} span(s) of {len(unknown)} unknown label(s): {listed}; "
        "rename them with --map OLD=NEW (NEW empty leaves them out)"
    )
