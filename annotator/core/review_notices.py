"""What the review tells a reviewer after a decision: the lines its one toast shows.

Pure functions over the gold record before the decision (and the span drawn, or the record
after); the review session gathers their lines (``ReviewSession.take_notices``). Each decision
is confirmed (the review moves on at once), and what it did to gold beyond what the panel
showed is said, never left silent: the spans a drawn span left out and the value it was given,
gold's spans a version was added beside, spans of one label that now overlap, words that
now carry two labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.form_compare import normal
from annotator.core.forms import path_words
from annotator.core.item_brief import given_item_brief, whose
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import find_conflict, versions_holding
from annotator.core.review_decisions import short, value_text
from annotator.core.review_group_take import lone_item_group
from annotator.core.review_outcome import nothing_marked
from annotator.core.review_unkept_links import unkept_links_notice
from annotator.core.scheme import Scheme
from annotator.core.spans import overlapping


@dataclass(frozen=True)
class LeftOut:
    """A span of a conflict's versions that a span drawn by hand left out of gold."""

    label: str
    text: str
    start: int
    end: int
    annotators: tuple[str, ...]  # every annotator whose version held it, in version order


def left_out(record: GoldRecord, conflict_id: str, drawn: Span) -> list[LeftOut]:
    """The spans of the conflict's versions that settling it with ``drawn`` drops, each once:
    all but the drawn one (same offsets and label) and those gold already holds (a dispute
    over a value only: the span stays). ``record``: the record before the decision."""
    conflict = find_conflict(record, conflict_id)
    kept = {(span.start, span.end, span.label) for span in record.spans}
    kept.add((drawn.start, drawn.end, drawn.label))
    found: dict[tuple[int, int, str], tuple[str, list[str]]] = {}
    for version in conflict.get("versions") or []:
        for body in version.get("spans") or []:
            key = (body["start"], body["end"], body["label"])
            if key in kept:
                continue
            _text, who = found.setdefault(key, (body.get("text") or "", []))
            who.extend(name for name in version.get("annotators") or [] if name not in who)
    return [
        LeftOut(label, text, start, end, tuple(who))
        for (start, end, label), (text, who) in sorted(found.items())
    ]


SHORT = 20
"""The drawn words are cut no shorter than other notices' quotes (``short``'s default)."""
SHOWN_LEFT_OUT = 3
"""Spans left out named one by one; beyond, the last are counted ("2 more")."""


def distinct_quotes(texts: list[str], limit: int = SHORT) -> list[str]:
    """Each of ``texts`` quoted as ``short`` quotes it (cut at a word to ``limit``), but never
    cut before the word where it differs from another of them: cut at 20 characters, a span
    drawn as "eight foreign" and the one it left out, "eight foreign hostages", both read
    "eight foreign". The same words twice (at other places) are quoted alike: their offsets
    tell them apart."""
    flat = [" ".join(text.split()) for text in texts]
    quoted = []
    for text in flat:
        needed = limit
        for other in flat:
            if other != text:
                needed = max(needed, _limit_to_differ(text, other))
        quoted.append(short(text, needed))
    return quoted


def _limit_to_differ(text: str, other: str) -> int:
    """The ``short`` limit that keeps ``text`` up to the end of the first word in which it
    differs from ``other`` (all of it when it is the shorter and the other goes on)."""
    pairs = zip(text, other, strict=False)
    shorter = min(len(text), len(other))
    same = next((at for at, (mine, theirs) in enumerate(pairs) if mine != theirs), shorter)
    space = text.find(" ", same + 1)
    if space < 0:
        return len(text)
    # ``short`` keeps the characters before the limit's last one, up to its last space.
    return space + 2


class DrawnNotice(str):
    """``drawn_notice``'s message. As a string it names the drawn span and those it left out
    as every notice names spans, cut short; ``fitted`` quotes the drawn one whole when it fits
    a line of the width given (the toast's) and says each one's offsets: cut at 20 characters
    ("settled c2 with releasee “95 Kestrian…”") the reviewer could not tell what was drawn
    without opening the gold file, nor which of two spans of the same start was left out.
    A string still, so the session's notices stay one list of messages."""

    head: str
    drawn: Span
    value: str
    dropped: tuple[LeftOut, ...]
    tail: str

    def __new__(
        cls, head: str, drawn: Span, value: str, dropped: list[LeftOut], tail: str
    ) -> DrawnNotice:
        made = super().__new__(cls, _drawn_message(head, drawn, value, dropped, tail, None))
        made.head, made.drawn, made.value, made.tail = head, drawn, value, tail
        made.dropped = tuple(dropped)
        return made

    def fitted(self, width: int) -> str:
        """The message with the drawn words whole when they fit ``width`` columns with their
        quotation marks (cut at a word to that width when not), every span's offsets after
        its words."""
        return _drawn_message(self.head, self.drawn, self.value, self.dropped, self.tail, width)


def _drawn_message(
    head: str,
    drawn: Span,
    value: str,
    dropped: Sequence[LeftOut],
    tail: str,
    width: int | None,
) -> str:
    """``DrawnNotice``'s text; ``width``: the line's, and then with offsets (None: neither)."""
    texts = [drawn.text, *(one.text for one in dropped)]
    quotes = distinct_quotes(texts)
    if width is not None:  # the drawn words whole when they fit the line
        quotes[0] = distinct_quotes(texts, max(SHORT, width - 2))[0]

    def where(start: int, end: int) -> str:
        return "" if width is None else f" {start}–{end}"

    said = f"{head}{quotes[0]}{where(drawn.start, drawn.end)}{value}"
    if dropped:
        shown = [
            f"{one.label} {quote}{where(one.start, one.end)} ({', '.join(one.annotators)})"
            for one, quote in zip(dropped, quotes[1:], strict=True)
        ]
        if len(shown) > SHOWN_LEFT_OUT:
            shown[SHOWN_LEFT_OUT - 1 :] = [f"{len(shown) - SHOWN_LEFT_OUT + 1} more"]
        said += f"; left out: {'; '.join(shown)}"
    return said + tail


def drawn_notice(
    record: GoldRecord,
    conflict_id: str,
    drawn: Span,
    scheme: Scheme,
    counted: str | None = None,
    linked: Sequence[str] = (),
) -> DrawnNotice:
    """What to tell a reviewer who settled the conflict with ``drawn``: its value, when its
    label takes one (read from its words, so it may differ from what a version gave the same
    span: said, with the version that gave another), the form fields now linked to it
    (``linked``: their paths; by their words or value, ``value_links``, or as an annotator
    linked the same span), and the spans it left out. ``record``: the record before the
    decision. ``counted``: where a date counted from an earlier one came from
    (``review_drawn_span.drawn_value``), said instead of its words."""
    head = f"settled {conflict_id} with {drawn.label} "
    value = ""
    label = scheme.label(drawn.label)
    if label is not None and label.value_type != "none":
        others = _other_values(record, conflict_id, drawn)
        how = "read from its words" if counted is None else counted.removeprefix("no value: ")
        value = f" = {value_text(drawn.value)} ({how}{others})"
    if linked:
        # Gold gained the link with no link key pressed: said, as a typed value's is.
        value += f"; {', '.join(path_words(path) for path in linked)} linked to it"
    dropped = left_out(record, conflict_id, drawn)
    return DrawnNotice(head, drawn, value, dropped, " · ctrl+z undoes")


def _other_values(record: GoldRecord, conflict_id: str, drawn: Span) -> str:
    """``; 1 (alice) gives 86``: the versions that gave the drawn span another value."""
    others = []
    for number, version in enumerate(find_conflict(record, conflict_id).get("versions") or []):
        for body in version.get("spans") or []:
            same_place = (body["start"], body["end"], body["label"]) == (
                drawn.start,
                drawn.end,
                drawn.label,
            )
            if same_place and normal(body.get("value")) != normal(drawn.value):
                who = ", ".join(version.get("annotators") or [])
                others.append(f"version {number + 1} ({who}) gave {value_text(body.get('value'))}")
    return "".join(f"; {other}" for other in others)


def taken_notice(record: GoldRecord, conflict_id: str, indexes: list[int]) -> str:
    """What taking the versions at ``indexes`` did (``record``: before it): the review moves
    on at once, so without a word a reviewer could not tell a key had acted. A version's span
    at the place and label of a gold span sets that span's value (one span per place): said
    with the value it had. Gold's other spans in the region stay beside a version's: said, as
    taking adds to them."""
    conflict = find_conflict(record, conflict_id)
    versions = conflict.get("versions") or []
    if len(indexes) == 1:
        said = f"settled {conflict_id}: took {whose(versions[indexes[0]]['annotators'])} version"
        if conflict.get("kind") == "span" and not versions[indexes[0]].get("spans"):
            # As the panel said the version: "took ann1 and ann3's version" alone read as
            # spans taken (a trial), and its undo and redo say the decision by these words.
            said += f" ({nothing_marked(record, conflict)})"
    else:
        said = f"settled {conflict_id}: took every version"
    taken = [body for index in indexes for body in versions[index].get("spans") or []]
    places = {(body["start"], body["end"], body["label"]): body for body in taken}
    region = conflict.get("region")
    changed: list[str] = []
    kept: list[Span] = []
    for span in record.spans:
        body = places.get((span.start, span.end, span.label))
        if body is not None:
            if normal(body.get("value")) != normal(span.value):
                changed.append(
                    f"gold's {span.label} {short(span.text)} now = "
                    f"{value_text(body.get('value'))} (was {value_text(span.value)})"
                )
        elif region and taken and span.start < region[1] and span.end > region[0]:
            kept.append(span)
    if changed:
        said += "; " + "; ".join(changed)
    if kept:
        more = f" and {len(kept) - 1} more" if len(kept) > 1 else ""
        said += f"; gold's {kept[0].label} {short(kept[0].text)}{more} stays beside it"
    return said


def links_gained_notice(before: GoldRecord, after: GoldRecord) -> str | None:
    """The form fields a decision linked to spans it added to gold (``after``: the record it
    made of ``before``): taking a span links the fields whose answer names it
    (``review_links``), as a span drawn with ``e`` does, and ``e`` says it (``drawn_notice``);
    taking a version said only "took alice's version" while gold gained the link (a trial's
    releases #1 released by, agreed and unlinked, linked to the span taken). ``releases #1
    released by linked to it`` for one span added, else each span named; None: no link
    gained."""
    known = {span.id for span in before.spans}
    added = {span.id: span for span in after.spans if span.id not in known}
    gained: dict[str, list[str]] = {}  # span id -> the paths newly linked to it
    for path, span_ids in after.links.items():
        for one in span_ids:
            if one in added and one not in (before.links.get(path) or []):
                gained.setdefault(one, []).append(path_words(path))
    if not gained:
        return None
    if len(added) == 1:
        (paths,) = gained.values()
        return f"{', '.join(paths)} linked to it"
    return "; ".join(
        f"{', '.join(paths)} linked to {one} {short(added[one].text)}"
        for one, paths in sorted(gained.items(), key=lambda item: added[item[0]].start)
    )


def taken_links_notice(
    before: GoldRecord, after: GoldRecord, conflict_id: str, indexes: list[int]
) -> str | None:
    """What taking the versions at ``indexes`` did to links, beyond the panel's words: the
    links it gained (``links_gained_notice``), and those of the versions it did not keep
    (``review_unkept_links``); None: neither."""
    said = [
        links_gained_notice(before, after),
        unkept_links_notice(before, after, conflict_id, indexes),
    ]
    return "; ".join(filter(None, said)) or None


def rejected_notice(record: GoldRecord, conflict_id: str, scheme: Scheme) -> str:
    """What ``r`` did (``record``: before it). On an item only some annotators gave, that the
    item is left out of gold, named (``releases: left out the item ann1 gave (Kestria →
    Norvania, 95)``): "rejected every version" of its one version said neither (a trial).
    One version giving anything (the others marked nothing there): whose; else every version."""
    conflict = find_conflict(record, conflict_id)
    versions = versions_holding(conflict)
    group = lone_item_group(conflict, scheme)
    if group is not None:
        brief = given_item_brief(conflict["versions"], group)
        return f"settled {conflict_id}: {group.name}: left out {brief}"
    if len(versions) == 1:
        return f"settled {conflict_id}: rejected {whose(versions[0]['annotators'])} version"
    return f"settled {conflict_id}: rejected every version"


def overlap_notice(before: GoldRecord, after: GoldRecord) -> str | None:
    """Spans a decision added that overlap another of their label in gold, or lie on the very
    words of a span of another label (None: neither). Taking two versions that draw one count
    at other bounds, or that give the same words two labels, is allowed, but an export to a
    format of one tag per token (``conll``, ``hf``) then keeps only one of them: said when it
    happens, not found out at export. Spans of other labels that only overlap (a count inside
    the releasee it counts) are how a scheme nests, and go without a word."""
    known = {span.id for span in before.spans}
    said: list[str] = []
    for found in (_same_label_overlap, _same_words_other_label):
        for added in after.spans:
            if added.id not in known and (line := found(after, added)) is not None:
                said.append(f"{line} (an export to conll or hf keeps one)")
                break
    return "; ".join(said) + " · ctrl+z undoes" if said else None


def _same_label_overlap(after: GoldRecord, added: Span) -> str | None:
    for _where, other in overlapping(after, added):
        if other.label == added.label:
            first, second = sorted([added, other], key=lambda span: (span.start, span.end))
            return (
                f"gold now holds overlapping {added.label} spans {short(first.text)} and "
                f"{short(second.text)}"
            )
    return None


def _same_words_other_label(after: GoldRecord, added: Span) -> str | None:
    """A label conflict taken whole: ``t`` on alice's actor "Ukraine" and bob's releasee
    "Ukraine" wrote both without a word (a trial), as the overlap above once was."""
    labels = sorted(
        {span.label for span in after.spans if (span.start, span.end) == (added.start, added.end)}
    )
    if len(labels) < 2:
        return None
    many = "two" if len(labels) == 2 else str(len(labels))
    return (
        f"gold now holds {short(added.text)} as {_joined(labels)}: the same words carry "
        f"{many} labels"
    )


def _joined(words: list[str]) -> str:
    """``actor and releasee``, ``actor, count and releasee`` (two words or more)."""
    return f"{', '.join(words[:-1])} and {words[-1]}"
