"""doccano's relations (``--style entities``) from the brat R lines a record keeps, and back.

doccano's relation-extraction rows link entities: ``"relations": [{"id", "from_id", "to_id",
"type"}]`` with the ids of the row's ``entities``. A record imported from brat keeps its R lines
in the note (``brat_kept``); an export wrote ``"relations": []`` for it and said "cannot carry
the note". Now each R line ``R1<TAB>lieu Arg1:T8 Arg2:T9`` whose two arguments are spans
exported as brat had them (``Kept.written``, the rule of a brat export) is a relation from the
first to the second (``relation_lines``: other roles than Arg1 and Arg2 too, while they tell
the source); the other kept lines are counted as not written (``kept_brat_words``).

An import keeps a row's relations the same way: its entities become spans ``T1``, ``T2``... (in
the row's order) and each relation an R line naming them in the record's note (once the labels
are renamed, ``brat.keep_in_note``), so a doccano export of the import writes them again, and
so does a brat export.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.formats.common import ImportedSpan
from annotator.core.formats.relation_lines import Relation


def relation_rows(relations: Sequence[Relation], numbers: dict[str, int]) -> list[dict[str, Any]]:
    """doccano's ``relations`` of a row whose entities are numbered ``numbers`` (span id →
    entity id)."""
    return [
        {
            "id": index,
            "from_id": numbers[relation.source],
            "to_id": numbers[relation.target],
            "type": relation.type,
        }
        for index, relation in enumerate(relations)
    ]


def read_relations(
    relations: Any, entity_ids: Sequence[Any], spans: Sequence[ImportedSpan], where: str
) -> tuple[list[str], list[str]]:
    """The R lines of a row's ``relations`` between its entities (``entity_ids`` in the row's
    order, ``spans`` their spans, each given ``T<n>``), and why each relation not kept was not
    (its place and reason)."""
    lines: list[str] = []
    problems: list[str] = []
    if not isinstance(relations, list):
        return [], [f"{where}: relations: expected a list"]
    ids: dict[Any, str] = {}
    for entity_id, span in zip(entity_ids, spans, strict=True):
        if isinstance(entity_id, int | str) and not isinstance(entity_id, bool):
            ids.setdefault(entity_id, span.span_id or "")
    for index, relation in enumerate(relations):
        at = f"{where}: relations.{index}"
        if not isinstance(relation, dict):
            problems.append(f"{at}: expected an object")
            continue
        kind = relation.get("type")
        source, target = ids.get(relation.get("from_id")), ids.get(relation.get("to_id"))
        if not isinstance(kind, str) or not kind or any(c.isspace() for c in kind):
            problems.append(f"{at}.type: {kind!r} is no brat relation type (a word)")
        elif not source or not target:
            # Which of the two, and the ids there are: the line named neither.
            end = "from_id" if not source else "to_id"
            known = ", ".join(repr(ident) for ident in list(ids)[:5]) or "none"
            more = ", ..." if len(ids) > 5 else ""
            problems.append(
                f"{at}.{end}: {relation.get(end)!r} is not the id of one of the row's entities "
                f"(ids: {known}{more})"
            )
        else:
            lines.append(f"R{len(lines) + 1}\t{kind} Arg1:{source} Arg2:{target}")
    return lines, problems
