"""doccano's relations (``--style entities``) from the brat R lines a record keeps, and back.

doccano's relation-extraction rows link entities: ``"relations": [{"id", "from_id", "to_id",
"type"}]`` with the ids of the row's ``entities``. A record imported from brat keeps its R lines
in the note (``brat_kept``); an export wrote ``"relations": []`` for it and said "cannot carry
the note". Now each R line ``R1<TAB>lieu Arg1:T8 Arg2:T9`` whose two arguments are spans
exported as brat had them (``Kept.written``, the rule of a brat export) is a relation from the
first to the second; the other kept lines are counted as not written (``kept_brat_words``).

An import keeps a row's relations the same way: its entities become spans ``T1``, ``T2``... (in
the row's order) and each relation an R line naming them in the record's note, so a doccano
export of the import writes them again, and so does a brat export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.formats.brat_kept import BratSpan, break_fragments, kept_block, read_kept
from annotator.core.formats.common import ImportedSpan
from annotator.core.formats.labels import scheme_name
from annotator.core.models import Span

# brat's roles of a relation's two arguments, which a doccano relation's from_id and to_id are.
_ROLES = ("Arg1", "Arg2")


@dataclass(frozen=True)
class Relation:
    """A brat R line as doccano holds it: its type, from one span id to another."""

    line: str
    type: str
    source: str
    target: str


def kept_relations(note: str, spans: Sequence[Span], text: str) -> list[Relation]:
    """The R lines of ``note``'s kept block that doccano can write: two arguments, Arg1 and
    Arg2, each a span as imported from brat (its T line's offsets and label)."""
    kept = read_kept(note)
    if not kept.lines:
        return []
    present = {span.id for span in spans if kept.as_imported(span, text)}
    written, _left, _missing = kept.written(present)
    found = []
    for line in written:
        fields = line.split("\t")
        words = fields[1].split(" ") if fields[0].startswith("R") and len(fields) > 1 else []
        if len(words) != 3:
            continue
        roles = [word.partition(":") for word in words[1:]]
        if tuple(role for role, _colon, _id in roles) != _ROLES:
            continue
        source, target = (ident for _role, _colon, ident in roles)
        if source in present and target in present:
            found.append(Relation(line, words[0], source, target))
    return found


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
            problems.append(f"{at}: from_id and to_id must be ids of the row's entities")
        else:
            lines.append(f"R{len(lines) + 1}\t{kind} Arg1:{source} Arg2:{target}")
    return lines, problems


def relations_note(lines: Sequence[str], spans: Sequence[ImportedSpan], text: str) -> str:
    """The note block keeping ``lines`` with the T lines of the spans they name. A label the
    import will rename (not a scheme name: ``founded-by``) is given as renamed, as a brat
    import gives it, so that an export tells the span unchanged; one a T line cannot hold (``PER
    SON``: brat's labels are one word) is given as the import names it (``PER_SON``)."""
    brat_spans = [
        BratSpan(
            span.start,
            span.end,
            scheme_name(span.label),
            span.where,
            span_id=span.span_id,
            brat_label=span.label if _one_word(span.label) else scheme_name(span.label),
            fragments=break_fragments(span.start, text[span.start : span.end]),
        )
        for span in spans
    ]
    return kept_block(lines, brat_spans, text)


def _one_word(label: str) -> bool:
    """Whether a T line can hold ``label`` as brat's (one word)."""
    return bool(label) and not any(c.isspace() for c in label)
