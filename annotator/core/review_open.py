"""Opening a review: the journals merged in memory, the gold file opened as a store, resumed.

``open_review`` compares the journals exactly as ``annotator merge`` does (``merge_in_memory``),
then:

- A gold file that does not exist yet (or is empty) is written whole with the merged records,
  crash-safely and in one go (``write_gold``), before the store opens it; agreed documents are
  gold from the start.
- The gold file is opened as a ``Store`` under the reviewer's name: its lock is taken (a second
  review of the same file is refused), a torn last line is set aside, damaged lines are refused.
- Resuming: the latest line of each document (whoever wrote it) wins over the fresh merge, so
  conflicts settled before stay settled. A line whose ``doc_sha256`` is not the compared text's
  (the article changed since) is merged anew. Documents compared now but missing from the file
  are appended. Lines written under another reviewer's name (``merge --reviewer rita``) are
  taken over: written again under this reviewer's name, so the file keeps one annotator (the
  exporters read one annotator's records). Each of these is said in a message.
- A line that is not a gold record (no ``sources``: an annotator's journal given as ``-o``) is
  refused; nothing is written.

The store reads and validates the gold file; the resume then only finds each document's latest
line with a plain JSON pass, and validates anew just the lines by another reviewer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import orjson

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.goldfile import write_gold
from annotator.core.journal import parse_record_line
from annotator.core.merge import merge_in_memory, utc_now
from annotator.core.models import GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.saving import StatusRelay
from annotator.core.scheme import default_scheme_path, load_scheme
from annotator.core.store import Store


def open_review(
    files: list[Path],
    corpus_path: Path,
    output: Path,
    reviewer: str,
    *,
    scheme_path: Path | None = None,
    min_agree: int | None = None,
    now: Callable[[], str] = utc_now,
) -> ReviewSession:
    """A review of ``files`` into ``output`` (see the module docstring); AnnotatorError (one
    line) for bad journals, corpus, scheme, a locked or foreign gold file."""
    if not reviewer.strip():
        raise AnnotatorError("the reviewer's name is empty: pass --reviewer NAME")
    scheme = load_scheme(scheme_path if scheme_path is not None else default_scheme_path())
    corpus = open_corpus(corpus_path)
    comparison, fresh = merge_in_memory(files, output, scheme, reviewer, min_agree, corpus)
    messages = [f"note: {note}" for note in comparison.notes]
    for item in comparison.excluded:
        who = ", ".join(item.annotators)
        messages.append(f"left out: {item.doc_id} ({who}): {item.reason}")
    if comparison.single:
        messages.append(
            f"{len(comparison.single)} document(s) done by one annotator only are not reviewed "
            f"(first: {comparison.single[0]})"
        )
    created = not output.exists() or output.stat().st_size == 0
    if created:
        write_gold(output, fresh, force=True)
    relay = StatusRelay()
    try:
        store = Store(output, reviewer, on_status=relay)
    except OSError as error:
        raise AnnotatorError(f"{output}: cannot open: {error.strerror or error}") from None
    try:
        records, to_save, resumed = _resume(output, fresh, store, created)
    except BaseException:
        store.close()
        raise
    session = ReviewSession(
        corpus,
        scheme,
        store,
        reviewer,
        records,
        now=now,
        relay=relay,
        messages=[*store.messages, *resumed, *messages],
    )
    for record in to_save:
        session.save(record)
    opened = "new gold file" if created else "resuming"
    session.messages.insert(
        0,
        f"{output}: {opened}: {len(records)} document(s) of {', '.join(comparison.annotators)}; "
        f"{session.conflicts_left()} conflict(s) to settle in {session.documents_left()} "
        "document(s)",
    )
    return session


def _latest_lines(output: Path, store: Store) -> dict[str, GoldRecord]:
    """The latest line of each document, whoever wrote it (a non-gold line is refused).

    The store has read and validated every line already and keeps the reviewer's latest
    records; this pass only finds which line is each document's latest (orjson, no models)
    and validates the few lines by someone else anew."""
    latest: dict[str, tuple[int, bytes]] = {}
    for number, raw in enumerate(output.read_bytes().split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            fields = orjson.loads(raw)
        except orjson.JSONDecodeError:
            continue  # only a torn last line can be left (the store refuses other damage)
        if "sources" not in fields:
            raise AnnotatorError(
                f"{output}:{number}: not a gold record (no sources): is this an annotator's "
                "journal? give the gold file with -o"
            )
        latest[fields["doc_id"]] = (number, raw if fields["annotator"] != store.annotator else b"")
    records: dict[str, GoldRecord] = {}
    for doc_id, (number, raw) in latest.items():
        record = store.records[doc_id] if not raw else parse_record_line(raw, number)
        if not isinstance(record, GoldRecord):  # the store validated it: cannot happen
            raise AnnotatorError(f"{output}:{number}: not a valid gold record")
        records[doc_id] = record
    return records


def _resume(
    output: Path, fresh: list[GoldRecord], store: Store, created: bool
) -> tuple[dict[str, GoldRecord], list[GoldRecord], list[str]]:
    """(records to review, records to write again, messages)."""
    if created:
        return {record.doc_id: record for record in fresh}, [], []
    reviewer = store.annotator
    stored = _latest_lines(output, store)
    records: dict[str, GoldRecord] = {}
    added: list[str] = []
    changed: list[str] = []
    regrouped: list[str] = []  # reviewed from another set of annotators than compared now
    for record in fresh:
        old = stored.get(record.doc_id)
        if old is None:
            added.append(record.doc_id)
        elif old.doc_sha256 != record.doc_sha256:
            changed.append(record.doc_id)
        else:
            records[record.doc_id] = old
            if old.sources.annotators != record.sources.annotators:
                regrouped.append(record.doc_id)
            continue
        records[record.doc_id] = record
    others = Counter(record.annotator for record in stored.values() if record.annotator != reviewer)
    # Written again: documents new to the file or merged anew, and every other document whose
    # latest line is another reviewer's (those not compared now too, so the file keeps one name).
    to_save = [records[doc_id] for doc_id in [*added, *changed]]
    to_save += [
        record
        for doc_id, record in stored.items()
        if record.annotator != reviewer and doc_id not in changed
    ]
    messages = []
    if added:
        messages.append(
            f"{output}: {len(added)} document(s) compared now but not in the gold file are "
            f"merged in (first: {added[0]})"
        )
    if changed:
        messages.append(
            f"{output}: {len(changed)} document(s) whose text changed since their gold line "
            f"are merged anew (first: {changed[0]})"
        )
    if regrouped:
        first = regrouped[0]
        messages.append(
            f"{output}: {len(regrouped)} document(s) were reviewed from other annotators than "
            f"are compared now (first: {first}, from "
            f"{', '.join(records[first].sources.annotators)}); their gold lines stand: review "
            "into a new gold file to start them over"
        )
    if others:
        names = ", ".join(f"{name!r} ({count})" for name, count in sorted(others.items()))
        messages.append(
            f"{output}: gold lines by {names} are taken over by reviewer {reviewer!r} "
            "(written again under that name)"
        )
    return records, to_save, messages
