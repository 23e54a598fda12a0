"""Opening a review: the journals compared as ``annotator merge`` compares them, the gold file
opened as a store, resumed.

``open_review`` reads the journals exactly as ``annotator merge`` does (``load_comparison``,
the same checks and refusals), then opens the gold file as a ``GoldStore`` under the
reviewer's name: its lock is taken (a second review of the same file is refused), a torn last
line is set aside, damaged lines and lines that are not gold (an annotator's journal given as
``-o``) are refused. Then:

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

A missing folder of the gold file (``-o gold/g.jsonl``) is made once the journals, corpus and
scheme are accepted, as ``merge`` and ``export`` make theirs, and said among the start-up
messages (``made the folder gold``); a refusal after that takes it away again while empty.

Nothing is held of a document but where its latest line is and how many conflicts it has open
(``gold_store.LineFacts``): the session makes a document's record from its line when the
reviewer reaches it (``review_records.ReviewRecords``), and only documents merged in or taken
over are merged or read now.

Gold documents with open conflicts whose annotators' records are not merged now (records
``--leave-out-unknown`` left out whole) are outside the review: named second, after the
opening line, and said wherever the review says every conflict is settled
(``review_outside``); their lines stay as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core.compare import Comparison, Unit, collector_paused
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_out import made_line, make_folders
from annotator.core.gold_store import FactsAndLines, GoldStore, LineFacts
from annotator.core.goldfile import folders_to_make
from annotator.core.left_out import left_out_line
from annotator.core.merge import (
    merged_lines,
    utc_now,
)
from annotator.core.merge_outvoted import Outvoted
from annotator.core.models import GoldRecord, record_line
from annotator.core.null_lists import null_list_lines, null_lists_notice, written_by_review
from annotator.core.rescue_taken import rescues_pending
from annotator.core.review import ReviewSession
from annotator.core.review_check import resume_rule, review_request, rule_words
from annotator.core.review_exit import changed_annotators, records_changed_line, regrouped_line
from annotator.core.review_gold_scheme import gold_beside_scheme
from annotator.core.review_history import decisions_in_force
from annotator.core.review_outside import outside_line, outside_review
from annotator.core.review_outvoted import outvoted_said
from annotator.core.review_records import ReviewRecords
from annotator.core.review_span_ids import GoldSpanNumbers, renumbered
from annotator.core.saving import StatusRelay
from annotator.core.scheme import Scheme
from annotator.core.store import remove_empty_folders


def open_review(
    files: list[Path],
    corpus_path: Path,
    output: Path,
    reviewer: str,
    *,
    scheme_path: Path | None = None,
    min_agree: int | None = None,
    now: Callable[[], str] = utc_now,
    leave_out_unknown: bool = False,
) -> ReviewSession:
    """A review of ``files`` into ``output`` (see the module docstring); AnnotatorError (one
    line) for bad journals, corpus, scheme, a locked or foreign gold file;
    ``leave_out_unknown`` as ``compare.load_comparison`` takes it."""
    relay = StatusRelay()
    # Tens of thousands of records are kept while the gold file is made or read.
    with collector_paused():
        scheme, corpus, comparison = review_request(
            files, corpus_path, output, reviewer, scheme_path, min_agree, leave_out_unknown
        )
        resume = _Resume(comparison, scheme, reviewer, min_agree, now())
        missing = folders_to_make(output)
        try:
            made = make_folders([output]) if missing else []
            store = GoldStore(
                output, reviewer, on_status=relay, fresh=resume.fresh, rewrite=resume.rewrite
            )
        except OSError as error:
            remove_empty_folders(missing)
            raise AnnotatorError(f"{output}: cannot open: {error.strerror or error}") from None
        except BaseException:
            remove_empty_folders(missing)  # nothing of a refused review is left behind
            raise
        # What the opening made (millions of objects: the records compared, the gold file's
        # facts) lives as long as the review: the collector, resumed, walked it all at once
        # and again at its next pass, a fifth of a second of the opening (and a pause at each
        # full pass while reviewing). It is left out of the collector's passes until the
        # review closes.
        store.freeze_until_closed()
    counts: dict[str, tuple[int, bool]] = {}
    for unit in comparison.units:
        facts = store.latest[unit.doc_id].facts
        counts[unit.doc_id] = (facts.conflicts, facts.done)
    session = ReviewSession(
        corpus,
        scheme,
        store,
        reviewer,
        ReviewRecords(counts, store.record),
        now=now,
        relay=relay,
        messages=[
            *map(made_line, made),
            *store.messages,
            *resume.messages,
            *outvoted_said(output, resume.outvoted, resume.min_agree),
            *_beside_scheme(store, scheme, counts),
            # A journal read without its rescue file's changes (appended by its annotate).
            *rescues_pending(files),
            *_comparison_messages(comparison),
        ],
        annotations={unit.doc_id: unit.records for unit in comparison.units},
        units={unit.doc_id: unit for unit in comparison.units},
        min_agree=resume.min_agree,
        records_changed=resume.stood,
    )
    session.messages.insert(
        0,
        opening_message(
            output,
            _opened_as(store.created, resume.superseded),
            len(counts),
            comparison.annotators,
            session.conflicts_left(),
            session.documents_left(),
        ),
    )
    # Gold documents with open conflicts whose annotators' records are not merged now: said
    # second, and where the review would say every conflict is settled (``review_outside``).
    session.outside = outside_review((line.facts for line in store.latest.values()), counts)
    if session.outside:
        said = outside_line(output.name, session.outside, leave_out_unknown)
        session.messages.insert(1, said)
    return session


def _beside_scheme(store: GoldStore, scheme: Scheme, doc_ids: Iterable[str]) -> list[str]:
    """What the gold file holds that the scheme does not allow or know (a file resumed after
    the scheme changed), said once (``review_gold_scheme``); a file written now holds none."""
    said = None if store.created else gold_beside_scheme(store, scheme, doc_ids)
    return [said] if said else []


def _opened_as(created: bool, superseded: int) -> str:
    if created:
        return "new"
    return "resumed" if superseded else "merged"


def opening_message(
    output: Path,
    opened_as: str,
    documents: int,
    annotators: list[str],
    conflicts: int,
    open_documents: int,
) -> str:
    """The review's first message: what the gold file is and what is left to settle.

    ``opened_as``: ``new`` (written now), ``merged`` (written by ``annotator merge``, no review
    decision in it yet) or ``resumed`` (it holds review decisions). A reviewer's first review
    of a merge's file was told "resuming", which read as if someone had been at it before.
    The file is named without its folder (given with ``-o``): the message opens the review in
    a toast, where at 80x24 the whole path made it four lines over the article."""
    who = f"{documents} document(s) of {', '.join(annotators)}"
    left = f"{conflicts} conflict(s) to settle in {open_documents} document(s)"
    name = output.name
    if opened_as == "new":
        return f"{name}: new gold file: {who}; {left}"
    if opened_as == "merged":
        return f"{name}: gold file from merge, not reviewed yet: {who}; {left}"
    return f"{name}: resuming the review: {who}; {left}"


def _comparison_messages(comparison: Comparison) -> list[str]:
    messages = [f"note: {note}" for note in comparison.notes]
    # A document still merged between the others is said so: "left out: 01 (bob)" read as
    # if the document were dropped from gold (the line merge prints too).
    messages.extend(left_out_line(item.as_json(), "merged") for item in comparison.excluded)
    return messages


class _Resume:
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
                f"{_whose(who)})"
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


def _whose(names: list[str]) -> str:
    return f"{', '.join(names)}'s record" if len(names) == 1 else f"{', '.join(names)}'s records"
