"""How often ctrl+l's highlight (``span_offer.offer``) is the span the annotator linked.

A user trial of sample_docs (its journal: tests/fixtures/span_offer_trial/you.jsonl) found the
first suggestion wrong in ways that made the annotator fill wrong data: a mediator offered as a
release's receiver, a count of another release before the one inside the item's releasee. The
last record of each document holds the annotator's final form and links: the truth. A second
trial's final records (root.jsonl there: another release's group offered as a list's next, a
count shared by both directions offered last) are replayed the same way, each journal apart.

The replay: for each document's final record, each field of each group item filled from spans,
in form order (items in order, fields in the scheme's order, a field's links in the order they
are stored), one step per link. The state of a step is the final record with that link, the
field's later links, the item's later fields and the later items taken out (top-level fields
and earlier items kept): as if the form were filled in order. The list is asked for the field
and the rank of the truly linked span noted. top-1 counts a step only when the span is
highlighted (not when ``none_fits`` highlights none); top-3, when it is among the first three;
top-1 words, when the highlighted span has the truth's words (another 'Kestria': the field
gets the same value, only its link differs).

The cursor: on the span labelled last (the highest id), where it rests after labelling a whole
article (the list does not move it); the same steps are also run with the cursor at the text's
start. The ranking before the trial changed it (``annotator/core/span_offer.py`` of commit
4f4d3fb, read from git, so no copy of it is kept) is run in the same run as the baseline; without
the project's git history it is left out, said.

Run from the project folder: python -m bench.span_offer_eval [--misses]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from annotator.core import span_offer
from annotator.core.models import Record, Span
from annotator.core.session import AnnotationSession, open_session

ROOT = Path(__file__).resolve().parent.parent
TRIALS = ROOT / "tests" / "fixtures" / "span_offer_trial"
JOURNALS = (TRIALS / "you.jsonl", TRIALS / "root.jsonl")
CORPUS = ROOT / "sample_docs"

Offer = Callable[[AnnotationSession, str, tuple[int, int] | None, int], Any]


@dataclass(frozen=True)
class Step:
    """One ctrl+l of the replay: the field at ``path`` should get ``truth`` in ``state``."""

    doc_id: str
    path: str
    truth: str
    state: Record


def final_records(journal: Path) -> list[Record]:
    """The last record of each document, in the order they were first written."""
    last: dict[str, Record] = {}
    for line in journal.read_bytes().splitlines():
        record = Record.model_validate(orjson.loads(line))
        last[record.doc_id] = record
    return list(last.values())


def steps(session: AnnotationSession, record: Record, backwards: bool = False) -> Iterator[Step]:
    """The replay's steps of ``record`` (see the module's docstring); ``backwards``: each
    item's fields from its last to its first (releasees, date and count before the actors)."""
    kept_form = {
        name: value
        for name, value in record.form.items()
        if not isinstance(value, list) or not value or not isinstance(value[0], dict)
    }
    kept_links = {path: ids for path, ids in record.links.items() if "[" not in path}
    for group in session.scheme.fields:
        if group.type != "group":
            continue
        items = record.form.get(group.name) or []
        for index, item in enumerate(items):
            kept_form[group.name] = [*items[:index], {}]
            for field in reversed(group.fields) if backwards else group.fields:
                path = f"{group.name}[{index}].{field.name}"
                linked = record.links.get(path, [])
                for count, truth in enumerate(linked):
                    links = {**kept_links, path: linked[:count]} if count else dict(kept_links)
                    current = dict(kept_form[group.name][index])
                    if count and isinstance(item.get(field.name), list):
                        current[field.name] = item[field.name][:count]
                    form = {**kept_form, group.name: [*items[:index], current]}
                    state = record.model_copy(update={"form": form, "links": links})
                    yield Step(record.doc_id, path, truth, state)
                kept_form[group.name][index] = {
                    **kept_form[group.name][index],
                    field.name: item.get(field.name),
                }
                if linked:
                    kept_links[path] = linked
        kept_form[group.name] = items


def last_labelled(record: Record) -> Span | None:
    """The span labelled last: ids are ``s`` and a number given in turn."""
    numbered = [span for span in record.spans if span.id[1:].isdigit()]
    return max(numbered, key=lambda span: int(span.id[1:]), default=None)


@dataclass
class Tally:
    steps: int = 0
    top1: int = 0
    top3: int = 0
    same_words: int = 0  # the highlight is of the truth's words: the field gets the same value

    def line(self, name: str) -> str:
        return f"{name:<34} " + "  ".join(
            f"{what} {count:>2}/{self.steps} ({count / self.steps:4.0%})"
            for what, count in (
                ("top-1", self.top1),
                ("top-3", self.top3),
                ("top-1 words", self.same_words),
            )
        )


def rank_of(
    session: AnnotationSession, step: Step, ask: Offer, cursor_at_start: bool
) -> tuple[int, bool, list[str]]:
    """Where the truth stands in the list asked for ``step`` (and whether none is highlighted)."""
    session.state.record = step.state
    span = None if cursor_at_start else last_labelled(step.state)
    cursor = span.start if span is not None else 0
    session.follow(cursor, cursor, cursor)
    offered = ask(session, step.path, None, cursor)
    order: list[str] = offered.order
    return order.index(step.truth), offered.none_fits, order


def evaluate(
    session: AnnotationSession, all_steps: list[Step], ask: Offer, cursor_at_start: bool
) -> tuple[Tally, list[str]]:
    tally, misses = Tally(), []
    for step in all_steps:
        session.open(step.doc_id)
        rank, none_fits, order = rank_of(session, step, ask, cursor_at_start)
        tally.steps += 1
        tally.top1 += rank == 0 and not none_fits
        tally.top3 += rank < 3
        truth = step.state.span_by_id(step.truth)
        best = step.state.span_by_id(order[0])
        tally.same_words += (
            not none_fits and truth is not None and best is not None and truth.text == best.text
        )
        if rank != 0 or none_fits:
            words = {span.id: span.text for span in step.state.spans}
            offered = ", ".join(f"{i} {words[i]!r}" for i in order[:3])
            misses.append(
                f"  {step.doc_id[:2]} {step.path:<26} truth {step.truth} {words[step.truth]!r} "
                f"rank {rank + 1}{' (none fits)' if none_fits else ''}; offered {offered}"
            )
    return tally, misses


BASELINE_COMMIT = "4f4d3fb"


def baseline_offer() -> Offer | None:
    """``offer`` of span_offer.py as of ``BASELINE_COMMIT`` (git show); None without git."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BASELINE_COMMIT}:annotator/core/span_offer.py"],
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("span_offer_baseline")
    sys.modules[module.__name__] = module  # its dataclasses look their module up there
    exec(compile(source, f"span_offer.py@{BASELINE_COMMIT}", "exec"), module.__dict__)
    found: Offer = module.offer
    return found


def main() -> None:
    show_misses = "--misses" in sys.argv
    with tempfile.TemporaryDirectory() as out:
        session = open_session(CORPUS, "replay", None, Path(out))
        try:
            rankings: list[tuple[str, Offer]] = [
                ("now (annotator.core.span_offer)", span_offer.offer)
            ]
            before = baseline_offer()
            if before is None:
                print(f"baseline left out: span_offer.py of {BASELINE_COMMIT} not found in git")
            else:
                rankings.insert(0, (f"before ({BASELINE_COMMIT})", before))
            for journal in JOURNALS:
                print(f"{journal.relative_to(ROOT)}:")
                replay(session, final_records(journal), rankings, show_misses)
        finally:
            session.close()


def replay(
    session: AnnotationSession,
    records: list[Record],
    rankings: list[tuple[str, Offer]],
    show_misses: bool,
) -> None:
    """Prints the tallies of each ranking on the steps of ``records``, in form order and last
    field first, the cursor on the span labelled last and on the text's start."""
    for backwards in (False, True):
        all_steps: list[Step] = []
        for record in records:
            session.open(record.doc_id)
            all_steps.extend(steps(session, record, backwards))
        order = "last field first" if backwards else "form order"
        print(f"{len(records)} documents, {len(all_steps)} ctrl+l steps, {order}")
        for cursor_at_start in (False, True):
            where = "text's start" if cursor_at_start else "span labelled last"
            print(f"  cursor on the {where}:")
            for name, ask in rankings:
                tally, misses = evaluate(session, all_steps, ask, cursor_at_start)
                print("    " + tally.line(name))
                if show_misses and not cursor_at_start:
                    print("\n".join(misses))


if __name__ == "__main__":
    main()
