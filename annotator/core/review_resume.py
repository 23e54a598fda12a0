"""What opening a review writes to the gold file before the review starts, and says of it.

Kept apart from ``review_open``, which reads the journals and opens the gold store: what is
here decides, document by document, which lines the store writes (a new file's whole merge,
or an existing file's documents merged in, merged anew, taken over, set right) and the
messages that say so. ``GoldStore`` writes a new file with ``Resume.fresh``'s lines, then
appends ``Resume.rewrite``'s (none for a new file):

- A gold file that does not exist yet (or is empty) is written whole with the merged records,
  crash-safely and in one go, each line made as ``merge`` makes it; agreed documents are gold
  from the start.
- An existing file is said to come from ``merge`` while no line of it is superseded (one line
  a document, as merge writes it), else the review resumes. Either way the latest line of each
  document (whoever wrote it) wins over a fresh merge, so conflicts settled before stay
  settled. A line whose ``doc_sha256`` is not the compared text's (the article changed since)
  is merged anew. Documents compared now but missing from the file are merged in. A document
  whose annotators' records changed since its merge (``sources.versions``,
  ``Annotation.version``) is merged anew while no review decision stands in it; one with
  decisions keeps them, and the message names it (the review's list marks it). An annotator
  who finished the document since its merge, or left it unfinished, is such a change. A
  document merged from an annotator whose journal is not given now is merged anew from the
  annotators compared now alike while not reviewed, and named when it is (``l``, ctrl+r
  merges it anew). A document merged anew has its spans
  numbered above every id its lines in the file had (``review_span_ids.renumbered``). Lines
  written under another reviewer's name (``merge --reviewer rita``) are taken over: written
  again under this reviewer's name, so each document's latest line is the reviewer's (the
  older lines stay, superseded: export, stats and compact read a gold file as the review
  does, each document's latest line whoever wrote it, ``journal.latest_key``). Each of these
  is said in a message, and the lines are appended before the review starts. So is each
  document whose latest line holds a list as null (``null_lists``): written again with ``[]``,
  else export refused it for good when the review had nothing more to write in it.
"""

from __future__ import annotations

from collections import Counter

from annotator.core.compare import Comparison, Unit
from annotator.core.gold_store import FactsAndLines, GoldStore, LineFacts
from annotator.core.merge import merged_lines
from annotator.core.merge_outvoted import Outvoted
from annotator.core.models import GoldRecord, record_line
from annotator.core.null_lists import null_list_lines, null_lists_notice, written_by_review
from annotator.core.review_check import resume_rule, rule_words
from annotator.core.review_exit import (
    changed_annotators,
    records_changed_line,
    records_of,
    regrouped_line,
)
from annotator.core.review_history import decisions_in_force
from annotator.core.review_span_ids import GoldSpanNumbers, renumbered
from annotator.core.scheme import Scheme


class Resume:
    """What the gold store writes on opening: the whole merge for a new file, else the lines
    to write again (see the module docstring); ``messages`` says what was done."""

    def __init__(
        self,
        comparison: Comparison,
        scheme: Scheme,
        reviewer: str,
        min_agree: int | None,
        stamp: str,
    ) -> None:
        self.comparison = comparison
        self.scheme = scheme
        self.reviewer = reviewer
        self.min_agree = min_agree
        self.stamp = stamp  # updated_at of every line written now
        self.messages: list[str] = []
        self.superseded = 0  # lines of the file another line of their document supersedes
        self.adopted = False  # min_agree is the gold file's, not given
        self.unknown_rules = 0  # latest lines that do not say the rule they were merged by
        self.stood: list[str] = []  # documents with decisions whose records changed since
        self.outvoted: list[Outvoted] = []  # left out of what is merged now (said once)

    def _follow_the_file_s_rule(self, store: GoldStore) -> None:
        """Merge anew by the rule the gold file was merged by (``review_check.resume_rule``)."""
        rule = resume_rule(
            store.journal, (line.facts for line in store.latest.values()), self.min_agree
        )
        self.min_agree, self.adopted, self.unknown_rules = (
            rule.min_agree,
            rule.adopted,
            rule.unknown,
        )

    def _merged(self, units: list[Unit]) -> FactsAndLines:
        lines = merged_lines(
            units, self.scheme, self.reviewer, self.min_agree, self.stamp, self.outvoted
        )
        for data, line in lines:
            yield LineFacts.of_data(data), line

    def _merged_anew(self, units: list[Unit], store: GoldStore) -> FactsAndLines:
        """``units`` merged anew, each document's spans numbered above every id its lines in
        the gold file had (``review_span_ids.renumbered``): merge numbers from s1, and s2 then
        named another span than the file's earlier lines (and a review's notices) did."""
        if not units:
            return
        numbers = GoldSpanNumbers(store)
        for data, line in merged_lines(
            units, self.scheme, self.reviewer, self.min_agree, self.stamp, self.outvoted
        ):
            highest = numbers.highest(data["doc_id"])
            if not highest or not data["spans"]:
                yield LineFacts.of_data(data), line
                continue
            record = renumbered(GoldRecord.model_validate(data), highest + 1)
            yield LineFacts.of_record(record), record_line(record)

    def fresh(self) -> FactsAndLines:
        """Every compared document's merged line, for a new gold file."""
        return self._merged(self.comparison.units)

    def rewrite(self, store: GoldStore) -> FactsAndLines:
        """The lines to append to an existing gold file (none for a new one)."""
        if store.created:
            return []
        output, reviewer, latest = store.journal, self.reviewer, store.latest
        self._follow_the_file_s_rule(store)
        # A merge writes one line a document; a review appends a document's line again for
        # each decision. So lines before the last document's latest one that are no
        # document's latest are superseded: a review has been at the file.
        last = max((line.number for line in latest.values()), default=0)
        self.superseded = last - len(latest)
        added: list[Unit] = []
        changed: list[Unit] = []
        # Merged from an annotator whose journal is not given now: merged anew from those
        # compared now when not reviewed yet, else kept and named.
        regathered: list[tuple[Unit, tuple[str, ...]]] = []
        regrouped: list[str] = []
        updated: list[tuple[Unit, list[str]]] = []  # annotators' records changed: merged anew
        stood: list[tuple[str, list[str]]] = []  # the same after review decisions: kept
        decided: set[str] | None = None  # documents with decisions in force, read when needed
        given = set(self.comparison.files)  # every annotator whose journal is given
        for unit in self.comparison.units:
            line = latest.get(unit.doc_id)
            if line is None:
                added.append(unit)
                continue
            facts = line.facts
            if facts.doc_sha256 != unit.sha256:
                changed.append(unit)
                continue
            # An annotator who finished the document since the merge (or left it unfinished)
            # is a change of its records: a trial's was said to make the document "reviewed
            # from other annotators", which it never was, and it was not merged anew.
            who = changed_annotators(facts.annotators, dict(facts.versions), unit)
            if not who:
                continue
            if decided is None:
                decided = decisions_in_force(store)
            elsewhere = not given.issuperset(facts.annotators)
            if unit.doc_id not in decided:
                if elsewhere:
                    regathered.append((unit, facts.annotators))
                else:
                    updated.append((unit, who))
            elif elsewhere:
                regrouped.append(unit.doc_id)
            else:
                stood.append((unit.doc_id, who))
        others = Counter(
            line.facts.annotator for line in latest.values() if line.facts.annotator != reviewer
        )
        # Written again: documents new to the file or merged anew, and every other document
        # whose latest line is another reviewer's (those not compared now too, so the file
        # keeps one name).
        anew_units = [*changed, *(unit for unit, _ in updated), *(unit for unit, _ in regathered)]
        again = [*self._merged(added), *self._merged_anew(anew_units, store)]
        anew = {unit.doc_id for unit in anew_units}
        # Latest lines holding null lists (written by earlier reviews), read as the file holds
        # them, one line's bytes at a time: a list of them all held a copy of the gold file
        # (30 MB more at the peak of resuming on 10,000 documents).
        nulls = null_list_lines(
            ((line.number, store.line_at(line)) for line in latest.values()), self.scheme
        )
        held_null = {found.doc_id for found in nulls}
        set_right: list[tuple[LineFacts, bytes]] = []  # the reviewer's own, only for that
        for doc_id, line in latest.items():
            if doc_id in anew:
                continue  # merged anew: no null of the file's line is written again
            # Taken over, or set right: a document whose line holds a null list is written
            # again now, or export refused it for good when no conflict was left to decide.
            if line.facts.annotator != reviewer or doc_id in held_null:
                record = written_by_review(store.record(doc_id), self.scheme, reviewer, self.stamp)
                mine = line.facts.annotator == reviewer
                (set_right if mine else again).append(
                    (LineFacts.of_record(record), record_line(record))
                )
        if again and self.min_agree is not None and self.adopted:
            self.messages.append(
                f"{output}: merged by the gold file's rule, at least {self.min_agree} annotators "
                f"agreeing (--min-agree {self.min_agree}, as `annotator merge` was given)"
            )
        elif again and self.unknown_rules:
            self.messages.append(
                f"{output}: {self.unknown_rules} gold line(s) do not say the rule they were "
                f"merged by (written before it was kept): documents merged anew now are merged "
                f"with {rule_words(self.min_agree or 'all')}; give --min-agree K if the file "
                "was merged with one"
            )
        if added:
            self.messages.append(
                f"{output}: {len(added)} document(s) compared now but not in the gold file are "
                f"merged in (first: {added[0].doc_id})"
            )
        if changed:
            self.messages.append(
                f"{output}: {len(changed)} document(s) whose text changed since their gold line "
                f"are merged anew (first: {changed[0].doc_id})"
            )
        if updated:
            unit_first, who = updated[0]
            self.messages.append(
                f"{output}: {len(updated)} document(s) not reviewed yet are merged anew: their "
                f"annotators' records changed since the merge (first: {unit_first.doc_id}, "
                f"{records_of(who)})"
            )
        if regathered:
            unit_first, annotators = regathered[0]
            self.messages.append(
                f"{output}: {len(regathered)} document(s) not reviewed yet are merged anew "
                "from the annotators compared now: they were merged from others (first: "
                f"{unit_first.doc_id}, from {', '.join(annotators)})"
            )
        self.stood = [doc_id for doc_id, _who in stood]
        if stood:
            doc_id, who = stood[0]
            # One wording, which the exit's lines find and say again as it stands then.
            self.messages.append(records_changed_line(output, len(stood), doc_id, who))
        if regrouped:
            first = regrouped[0]
            # One wording, which the exit's lines find and say again as it stands then.
            self.messages.append(
                regrouped_line(output, len(regrouped), first, latest[first].facts.annotators)
            )
        if others:
            names = ", ".join(f"{name!r} ({count})" for name, count in sorted(others.items()))
            self.messages.append(
                f"{output}: gold lines by {names} are taken over by reviewer {reviewer!r} "
                "(written again under that name)"
            )
        said = null_lists_notice(output.name, nulls)  # every one is written again above
        self.messages.extend([said] if said else [])
        # After the messages of what was merged or taken over, which setting right is not.
        return [*again, *set_right]
