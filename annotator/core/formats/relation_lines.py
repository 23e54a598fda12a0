"""The brat R lines a record keeps in its note (``brat_kept``) as relations from one span to
another, as doccano's ``relations`` and Label Studio's relation results hold them; and the
spans of relations read from those tools, kept as brat's.

An R line names its two arguments by roles: ``Arg1`` and ``Arg2`` by default, others when
brat's ``annotation.conf`` declares them for the type (``Part-of Part:<ANY>, Whole:<ANY>``),
and brat draws the relation from the first to the second. A relation of doccano or Label
Studio holds a type, a source and a target, no role names: a line of other roles is written
from its first argument to its second while every R line of its type the record keeps gives
the same two roles in the same order (the roles are then its type's, as annotation.conf
declares them, and their order says which argument is the source). Otherwise the line does not
tell which is the source (``Founder:T2 Company:T1`` beside ``Company:T3 Founder:T4``), or names
other than two arguments: it is not written, and the words said name its roles
(``KeptRelations.refused``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.formats.brat_kept import BratSpan, break_fragments, read_kept
from annotator.core.formats.common import ImportedSpan, Item, Reporter
from annotator.core.formats.import_checks import BadSpan
from annotator.core.formats.kept_brat_words import report_kept_left_out
from annotator.core.formats.labels import scheme_name
from annotator.core.models import Span

# brat's default roles of a relation's two arguments.
DEFAULT_ROLES = ("Arg1", "Arg2")
# An id an R line can name (``Arg1:ID``) and a kept T line can hold: no space, no colon.
_NAMABLE = re.compile(r"[^\s:]+\Z")


@dataclass(frozen=True)
class Relation:
    """A brat R line as doccano and Label Studio hold it: its type, from one span id to
    another."""

    line: str
    type: str
    source: str
    target: str


@dataclass
class KeptRelations:
    """The R lines of a note written as relations, the words naming the roles of those not
    written for them (``R2 foundedBy, roles Founder and Company``...), and the R lines not
    written because a span they name was changed or deleted since import (``changed``), with
    the ids of those spans (``changed_spans``): said apart, as a brat export says them, since
    it is the change, not the format, that leaves them out."""

    relations: list[Relation] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    changed_spans: set[str] = field(default_factory=set)

    def lines(self) -> list[str]:
        return [relation.line for relation in self.relations]

    def why(self) -> str:
        """The refusals in words, or "" when there are none."""
        return "; ".join(self.refused)


def report_relations_left_out(item: Item, fmt: str, report: Reporter, kept: KeptRelations) -> None:
    """What ``fmt``, writing ``kept``'s relations, leaves out of the record's note, said as
    ``kept_brat_words.report_kept_left_out`` says it (doccano's and Label Studio's alike)."""
    report_kept_left_out(
        item,
        fmt,
        report,
        written=kept.lines(),
        why=kept.why(),
        changed=kept.changed,
        changed_spans=kept.changed_spans,
    )


def _arguments(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """An R line's type and its (role, id) arguments; None for a line that is no R line."""
    fields = line.split("\t")
    if not fields[0].startswith("R") or len(fields) < 2:
        return None
    words = fields[1].split(" ")
    arguments = [word.partition(":") for word in words[1:]]
    return words[0], [(role, ident) for role, _colon, ident in arguments]


def kept_relations(note: str, spans: Sequence[Span], text: str) -> KeptRelations:
    """The R lines of ``note``'s kept block a relation of two spans holds: two arguments of
    roles the line's type always gives in that order (module docstring), each a span as
    imported (its T line's offsets and label), as a brat export writes them back."""
    kept = read_kept(note)
    found = KeptRelations()
    if not kept.lines:
        return found
    present = {span.id for span in spans if kept.as_imported(span, text)}
    written, left, missing = kept.written(present)
    found.changed = [line for line in left if _arguments(line) is not None]
    if found.changed:
        found.changed_spans = missing
    roles_of: dict[str, set[tuple[str, ...]]] = {}
    for line in kept.lines:
        parsed = _arguments(line)
        if parsed is not None:
            roles_of.setdefault(parsed[0], set()).add(tuple(role for role, _id in parsed[1]))
    for line in written:
        parsed = _arguments(line)
        if parsed is None:
            continue
        kind, arguments = parsed
        roles = tuple(role for role, _id in arguments)
        ids = [ident for _role, ident in arguments]
        if not all(ident in present for ident in ids):
            continue  # an event's or another line's: no span to link (counted as not written)
        refusal = _refusal(line.split("\t", 1)[0], kind, roles, roles_of[kind])
        if refusal:
            found.refused.append(refusal)
        else:
            found.relations.append(Relation(line, kind, ids[0], ids[1]))
    return found


def _refusal(ident: str, kind: str, roles: tuple[str, ...], of_type: set[tuple[str, ...]]) -> str:
    """Why a relation cannot hold the R line ``ident`` of the roles ``roles``, naming them;
    "" when it can (``of_type``: the roles of every R line of its type)."""
    named = " and ".join(roles)
    if len(roles) != 2:
        return f"{ident} {kind} has {len(roles)} arguments ({named}), not a source and a target"
    if roles == DEFAULT_ROLES:
        return ""
    others = sorted(" and ".join(pair) for pair in of_type if pair != roles)
    if roles[0] == roles[1] or others:
        also = f", other {kind} lines' {'; '.join(others)}" if others else ""
        return f"{ident} {kind}'s roles are {named}{also}: its source is not told"
    return ""


def namable(ident: str) -> bool:
    """Whether an R line can name the span id ``ident`` (``Arg1:ID``)."""
    return bool(_NAMABLE.match(ident))


def one_word(label: str) -> bool:
    """Whether a brat line can hold ``label`` as a type (one word)."""
    return bool(label) and not any(c.isspace() for c in label)


def as_brat_spans(spans: Sequence[ImportedSpan], text: str) -> list[ImportedSpan]:
    """``spans`` (a bad one as it is) as spans read from brat T lines, so that the kept block
    (``brat_kept.kept_block``) shows those the R lines name as the source had them: its label
    as the T line's (one a T line cannot hold, ``PER SON``, as the import names it,
    ``PER_SON``), fragments as a brat export cuts them."""
    return [
        span
        if isinstance(span, BadSpan)
        else BratSpan(
            span.start,
            span.end,
            span.label,
            span.where,
            surface=span.surface,
            value=span.value,
            span_id=span.span_id,
            brat_label=span.label if one_word(span.label) else scheme_name(span.label),
            fragments=break_fragments(span.start, text[span.start : span.end]),
        )
        for span in spans
    ]
