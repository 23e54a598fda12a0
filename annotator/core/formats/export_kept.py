"""What the records to export hold that the scheme given does not know, and the records
without it (``--leave-out-unknown``).

A scheme changed in the middle of a project (a label added, a choice renamed, a field removed)
leaves records holding what it no longer knows, and annotate keeps it as it is ("kept, not in
the scheme"). A scheme-checked export refused such a journal at its first line
(``lead.jsonl:67: form.arrests: unknown field``), saying nothing of the rest nor of a way out
but editing the journal by hand. The export now reads every record first, and refuses once,
naming each label, field and choice value kept, counted with its first line, and the ways
forward; or, asked with ``--leave-out-unknown``, exports the records without them and says of
each what it left out. Nothing goes out unsaid, nor silently differs from the journal. A done
record that leaving out a value leaves without a required field is left out whole, named with
the field (one line for all such records): gold marked done must not fail its own scheme.

A span value its label's value type does not take, a required field left empty and every
other problem stay problems of their line (``export_items.load_items``): they are no scheme's.
"""

from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.models import GoldRecord, Record
from annotator.core.record_unknown import linked_field, unknown_to_scheme
from annotator.core.scheme import FormField, Scheme
from annotator.core.validate import REQUIRED_WORDS, scheme_problems

LEAVE_OUT_OPTION = "--leave-out-unknown"
# Records named in the line saying which done records were left out whole; the rest counted.
NAMED_RECORDS = 5


@dataclass(frozen=True)
class KeptPart:
    """One thing a record holds that the scheme does not know: ``("label", "POLICE")``,
    ``("field", "arrests")`` (``demands[].side`` of a group), or a choice field's value,
    ``("value", "protest_type", "'sit_in'")``."""

    kind: str
    name: str
    value: str = ""  # a choice value's repr

    def words(self) -> str:
        if self.kind == "value":
            return f"value {self.value} of {self.name}"
        return f"{self.kind} {self.name!r}"


@dataclass
class KeptCount:
    """How many records (and spans, and links to them) hold one ``KeptPart``."""

    first_line: int
    records: int = 0
    spans: int = 0
    links: int = 0
    required_done: int = 0  # done records whose required field leaving it out empties

    def where(self) -> str:
        """``1 record, line 48`` or ``4 records, first line 33``."""
        if self.records == 1:
            return f"1 record, line {self.first_line}"
        return f"{self.records} records, first line {self.first_line}"

    def counted(self, part: KeptPart) -> str:
        """``label 'POLICE' (2 spans in 1 record, line 67)``."""
        spans = f"{self.spans} span{'s' if self.spans > 1 else ''} in " if self.spans else ""
        return f"{part.words()} ({spans}{self.where()})"


@dataclass
class Found:
    """One part in one record: its spans (of a label), the links of form fields to them, and
    whether leaving it out empties a required field of a done record (a choice value)."""

    spans: int = 0
    links: int = 0
    emptied_required: bool = False


@dataclass
class Trimmed:
    """A record without what the scheme does not know, and what that was."""

    record: Record
    parts: dict[KeptPart, Found] = field(default_factory=dict)
    # Form paths (``protest_type``, ``demands.0.kind``) of required fields it emptied, for
    # the check that follows: their emptiness is the part said, not another problem.
    emptied: list[str] = field(default_factory=list)


def without_kept(record: Record, scheme: Scheme) -> Trimmed:
    """``record`` without the spans of labels, the form fields (with their links) and the
    choice values ``scheme`` does not know (``record_unknown.unknown_to_scheme``, the rule of
    annotate's notices and of validate), and links to the spans left out; the record itself
    when it holds none."""
    unknown = unknown_to_scheme(record, scheme)
    trimmed = Trimmed(record)
    form = dict(record.form)
    for name in unknown.fields:
        top, _, sub = name.partition("[].")
        trimmed.parts[KeptPart("field", name)] = Found()
        if not sub:
            form.pop(top, None)
        elif isinstance(form.get(top), list):
            form[top] = [_without_key(item, sub) for item in form[top]]
    left_paths = _leave_out_choices(form, scheme, record.status == "done", trimmed)
    if not trimmed.parts and not unknown.labels:
        return trimmed
    left_spans = {span.id: span.label for span in record.spans if span.label in unknown.labels}
    links_to: Counter[str] = Counter()
    links: dict[str, list[str]] = {}
    for path, span_ids in record.links.items():
        if linked_field(path, scheme) is not None or path in left_paths:
            continue  # the field's or value's own links go with it
        kept_ids = [span_id for span_id in span_ids if span_id not in left_spans]
        links_to.update(left_spans[span_id] for span_id in span_ids if span_id in left_spans)
        if kept_ids:
            links[path] = kept_ids
    for label, count in unknown.labels.items():
        trimmed.parts[KeptPart("label", label)] = Found(count, links_to[label])
    spans = [span for span in record.spans if span.id not in left_spans]
    trimmed.record = record.model_copy(update={"spans": spans, "form": form, "links": links})
    return trimmed


def _without_key(item: Any, key: str) -> Any:
    return {k: v for k, v in item.items() if k != key} if isinstance(item, dict) else item


def _leave_out_choices(
    form: dict[str, Any], scheme: Scheme, done: bool, trimmed: Trimmed
) -> set[str]:
    """Take out of ``form`` each value of a choice field that is not one of its choices (a
    choice renamed: ``sit_in`` kept, the scheme has ``occupation``), in group items too; the
    link paths of those values (a choice is seldom linked, but such a link would be of a
    value not exported)."""
    left: set[str] = set()

    def leave_out(owner: dict[str, Any], known: FormField, name: str, dotted: str) -> None:
        value = owner.get(known.name)
        if known.type != "choice" or value is None or _is_choice(value, known):
            return
        del owner[known.name]
        emptied = known.required and done
        found = trimmed.parts.setdefault(KeptPart("value", name, repr(value)), Found())
        found.emptied_required |= emptied
        if emptied:
            trimmed.emptied.append(dotted)
        group, _, rest = dotted.partition(".")
        index, _, sub = rest.partition(".")
        left.add(f"{group}[{index}].{sub}" if sub else dotted)

    for known in scheme.fields:
        if known.type != "group":
            leave_out(form, known, known.name, known.name)
            continue
        items = form.get(known.name)
        if not isinstance(items, list):
            continue
        copies = [dict(item) if isinstance(item, dict) else item for item in items]
        for index, item in enumerate(copies):
            for sub in known.fields if isinstance(item, dict) else ():
                name = f"{known.name}[].{sub.name}"
                leave_out(item, sub, name, f"{known.name}.{index}.{sub.name}")
        form[known.name] = copies
    return left


def _is_choice(value: Any, known: FormField) -> bool:
    return isinstance(value, str) and value in known.choices


def other_problems(trimmed: Trimmed, scheme: Scheme) -> list[tuple[str, str]]:
    """The scheme's problems of the record without what it does not know: every one but the
    required fields emptied by leaving out their values (the value is the problem said)."""
    emptied = {(f"form.{path}", REQUIRED_WORDS) for path in trimmed.emptied}
    return [found for found in scheme_problems(trimmed.record, scheme) if found not in emptied]


class KeptTally:
    """What the records to export hold that the scheme does not know, part by part, each by
    the first line holding it; said as one refusal (``refusal``) or, left out, a line each."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.counts: dict[KeptPart, KeptCount] = {}
        # The first other problem of a record holding such parts, and how many there are: a
        # field renamed leaves the old one kept and the new one, required, empty.
        self.other: tuple[int, str, str] | None = None
        self.others = 0
        # Done records left out whole (``--leave-out-unknown``): leaving out what the scheme
        # does not know left each without a required field. (line, doc id, form paths)
        self.left_out_records: list[tuple[int, str, list[str]]] = []
        self.gold = False  # the records are a gold file's (how to give a value differs)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def take(self, line: int, trimmed: Trimmed) -> None:
        self.gold = self.gold or isinstance(trimmed.record, GoldRecord)
        for part, found in trimmed.parts.items():
            count = self.counts.setdefault(part, KeptCount(line))
            count.first_line = min(count.first_line, line)  # records come in document order
            count.records += 1
            count.spans += found.spans
            count.links += found.links
            count.required_done += found.emptied_required

    def leave_out(self, line: int, doc_id: str, emptied: list[str]) -> None:
        """``line``'s done record is not exported: leaving out its values emptied the required
        fields at ``emptied`` (form paths; ``export_items.load_items``)."""
        self.left_out_records.append((line, doc_id, emptied))

    def left_out_words(self) -> str | None:
        """``1 done record(s) that --leave-out-unknown leaves without a required field: d2
        (line 3: protest_type)``, the first few named; None when there is none."""
        if not self.left_out_records:
            return None
        named = ", ".join(
            f"{doc_id} (line {line}: {', '.join(paths)})"
            for line, doc_id, paths in self.left_out_records[:NAMED_RECORDS]
        )
        more = len(self.left_out_records) - NAMED_RECORDS
        return (
            f"{len(self.left_out_records)} done record(s) that {LEAVE_OUT_OPTION} leaves "
            f"without a required field: {named}{f' and {more} more' if more > 0 else ''}"
        )

    def also(self, line: int, problems: list[tuple[str, str]]) -> None:
        """Problems of ``line``'s record besides the parts it holds, said with the refusal."""
        if self.other is None or line < self.other[0]:
            self.other = (line, *problems[0])
        self.others += len(problems)

    def named(self) -> str:
        """The file chosen, when one was: a copied and edited scheme may keep its name."""
        return str(self.scheme.chosen_file or self.scheme.name)

    def refusal(self, source: Path, *, on_screen: bool = False) -> str:
        """The one line refusing the export: what the records hold that the scheme does not
        know, each counted with its first line, and the ways forward that exist."""
        parts = "; ".join(count.counted(part) for part, count in self.in_order())
        ways = "Ways forward, from the command line:" if on_screen else "Ways forward:"
        return (
            f"{source}: the records to export hold what scheme {self.named()} does not know "
            f"(made under another scheme, kept as they are): {parts}{self._also()}; nothing "
            "was exported. "
            f"{ways} the scheme they were made with "
            "(--scheme FILE), if one knows all of it; no --scheme (exported as they are, "
            "unchecked, unless they hold only the default scheme's labels and fields: then "
            f"checked against it); {LEAVE_OUT_OPTION} (exported without them, each said). "
            f"{self.validate_command(source)} lists every line"
        )

    def _also(self) -> str:
        if self.other is None:
            return ""
        line, path, message = self.other
        more = f" (and {self.others - 1} more)" if self.others > 1 else ""
        return f"; the records have other problems too, line {line}: {path}: {message}{more}"

    def validate_command(self, source: Path) -> str:
        scheme = str(self.scheme.source or self.scheme.name)  # the file, on screen too
        return shlex.join(["annotator", "validate", "--scheme", scheme, str(source)])

    def in_order(self) -> list[tuple[KeptPart, KeptCount]]:
        """Each part with its count, by the first line holding it."""
        return sorted(self.counts.items(), key=lambda pair: pair[1].first_line)

    def part_lines(self, source: Path, named: str, doing: str = "exported") -> list[str]:
        """A line per part left out by ``--leave-out-unknown``, counted, with its first line
        (and the links to a label's spans, and a required field then empty); ``doing``: what
        the records left out whole are not (agree's "compared", merge's "merged")."""
        lines = []
        for part, count in self.in_order():
            line = (
                f"{source}: left out {count.counted(part)}, not in scheme {named}"
                f" ({LEAVE_OUT_OPTION})"
            )
            if count.links:
                line += f"; with the {count.links} link(s) of form fields to those spans"
            if count.required_done:
                line += (
                    f"; {part.name} is required: {count.required_done} done record(s) left "
                    f"without it are not {doing}"
                )
            lines.append(line)
        return lines

    def left_out_lines(self, source: Path) -> list[str]:
        """``part_lines``, then a line naming the done records left out whole and how each
        is given a value the scheme takes."""
        lines = self.part_lines(source, self.named())
        words = self.left_out_words()
        if words:
            lines.append(
                f"{source}: left out {words}; to export each, give it a value scheme "
                f"{self.named()} takes: {self._giving(source)}"
            )
        return lines

    def _giving(self, source: Path) -> str:
        """How a record left out is given a value the scheme takes: a trial's line said to
        give one, not how. A gold record's is its annotators', merged anew in the review (it
        has no conflict left to settle the field); a journal's annotator chooses one."""
        if self.gold:
            return (
                f"{source} is a gold file: open its review (annotator review JOURNAL... "
                f"--corpus PATH -o {source} --scheme {self.named()}), then l, then ctrl+r "
                "twice on the document merges it anew from its annotators' records (where "
                "they hold the old value too, their annotators choose one in annotate first)"
            )
        return (
            f"its annotator chooses one in annotate with --scheme {self.named()} (the field "
            "shows empty till then, the value kept)"
        )


class KeptFromAnotherScheme(AnnotatorError):
    """The records to export hold what the scheme does not know; ``tally`` says what. Its
    line is the command's; the export screen words the ways forward for itself."""

    def __init__(self, tally: KeptTally, source: Path) -> None:
        super().__init__(tally.refusal(source))
        self.tally = tally
        self.source = source
