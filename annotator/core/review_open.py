"""Opening a review: the journals compared as ``annotator merge`` compares them, the gold file
opened as a store, resumed.

``open_review`` reads the journals exactly as ``annotator merge`` does (``load_comparison``,
the same checks and refusals), then opens the gold file as a ``GoldStore`` under the
reviewer's name: its lock is taken (a second review of the same file is refused), a torn last
line is set aside, damaged lines and lines that are not gold (an annotator's journal given as
``-o``) are refused.

What the gold file needs written before the review starts is written then
(``review_resume.Resume``): a new file whole, else the documents merged in, merged anew, taken
over or set right, each said in a message.

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

from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core.compare import Comparison, collector_paused
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_out import made_line, make_folders
from annotator.core.gold_store import GoldStore
from annotator.core.goldfile import folders_to_make
from annotator.core.left_out import left_out_line
from annotator.core.merge import utc_now
from annotator.core.rescue_taken import rescues_pending
from annotator.core.review import ReviewSession
from annotator.core.review_check import review_request
from annotator.core.review_gold_scheme import gold_beside_scheme
from annotator.core.review_outside import outside_line, outside_review
from annotator.core.review_outvoted import outvoted_said
from annotator.core.review_records import ReviewRecords
from annotator.core.review_resume import Resume
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
        resume = Resume(comparison, scheme, reviewer, min_agree, now())
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
