"""Label Studio's relation results, from the brat R lines a record keeps in its note, and back.

Label Studio links two regions of an annotation by a result ``{"from_id", "to_id", "type":
"relation", "direction": "right", "labels": [...]}``, the ids those of the regions' results
(its documented JSON export; the labelling config lists the labels under ``<Relations>``).
An export writes a span's id as its result's id, so each R line the note keeps between two
spans as imported (``relation_lines.kept_relations``) is a relation from the first to the
second, labelled with the line's type; lines between the same two spans are one relation of
their labels, as Label Studio holds a relation of several (``<Relations choice="multiple">``).

An import keeps an annotation's relations the same way as a doccano import keeps its rows':
an R line for each of a relation's labels, between the spans of the results it names (their
ids kept as the spans', so a Label Studio export writes the same ids again), in the record's
note (``brat.keep_in_note``), which Label Studio, doccano and brat exports write back.
``"direction": "left"`` runs from ``to_id`` to ``from_id``: its R line names them so (written
back ``"right"``, the ids swapped). What an R line cannot hold is not imported, said: a relation
both ways (``"bi"``; brat's R lines have a direction), one without a label (an R line needs a
type) or with a label of more than a word (``is a``: brat's types are one word), one naming a
result that is no span of the annotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.formats.common import ImportedSpan
from annotator.core.formats.import_checks import BadSpan, ImportReporter
from annotator.core.formats.relation_lines import Relation, namable, one_word

_DIRECTIONS = ("right", "left", "bi")


def relation_results(relations: Sequence[Relation]) -> list[dict[str, Any]]:
    """Label Studio's relation results of ``relations``: one per pair of spans, in the order
    of the first line of each, labelled with their types."""
    labels: dict[tuple[str, str], list[str]] = {}
    for relation in relations:
        labels.setdefault((relation.source, relation.target), []).append(relation.type)
    return [
        {
            "from_id": source,
            "to_id": target,
            "type": "relation",
            "direction": "right",
            "labels": types,
        }
        for (source, target), types in labels.items()
    ]


def is_relation(result: Any) -> bool:
    return isinstance(result, dict) and result.get("type") == "relation"


def read_relation_results(
    found: Sequence[tuple[str, dict[str, Any]]],
    spans: Sequence[ImportedSpan],
    where: str,
    report: ImportReporter,
) -> list[str]:
    """The R lines of an annotation's relation results ``found`` (each with its place) between
    its ``spans``, for the record's note; each relation not kept is said with why."""
    if not found:
        return []
    ids = {span.span_id for span in spans if span.span_id and not isinstance(span, BadSpan)}
    if not ids:  # the result ids are not the spans' (said by the import): nothing to name
        report.not_carried(
            f"{where}: {len(found)} relation(s) not imported (they name results by ids no "
            "span keeps)",
            "relation(s)",
            len(found),
        )
        return []
    lines: list[str] = []
    for at, result in found:
        problem = _problem(result, ids)
        if problem:
            report.not_carried(f"{at}: {problem}; not imported", "relation(s)")
            continue
        source, target = result["from_id"], result["to_id"]
        if result.get("direction") == "left":
            source, target = target, source
        for label in result["labels"]:
            lines.append(f"R{len(lines) + 1}\t{label} Arg1:{source} Arg2:{target}")
    if lines:
        report.not_carried(
            f"{where}: {len(lines)} relation(s) kept in the record's note as brat R lines, "
            "not imported as spans (Label Studio, doccano and brat exports write them back)",
            "relation(s) kept in the note",
            len(lines),
        )
    return lines


def _problem(result: dict[str, Any], ids: set[str]) -> str:
    """Why the relation ``result`` cannot be an R line between spans of ``ids``; "" when it
    can."""
    direction = result.get("direction", "right")
    if direction not in _DIRECTIONS:
        return f"direction: {direction!r} is none of right, left and bi"
    if direction == "bi":
        return (
            'direction "bi": a relation both ways, which a brat R line (the note keeps '
            "relations as) is not"
        )
    for key in ("from_id", "to_id"):
        ident = result.get(key)
        if not isinstance(ident, str) or ident not in ids:
            return f"{key}: {ident!r} is the id of no span result of the annotation"
        if not namable(ident):
            return f"{key}: {ident!r}: a brat R line cannot name an id with a space or colon"
    labels = result.get("labels")
    if not isinstance(labels, list) or not labels:
        return "labels: none; a brat R line (the note keeps relations as) needs a type"
    for number, label in enumerate(labels):
        if not isinstance(label, str) or not one_word(label):
            return f"labels.{number}: {label!r} is no brat relation type (a word)"
    return ""
