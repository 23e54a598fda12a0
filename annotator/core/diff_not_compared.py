"""What each of diff's two annotators did of a document diff does not compare.

A document is compared when both annotators have a ``done`` record of it. A trial's user saw
no trace of a skip's reason ("not an event for us") in a diff of the skipper against one who
finished the document, though merge carries it into the gold note; and ``--doc`` of that
document was refused (exit 1) as if it were a typo. So the diff lists such documents:
``{"doc_id", "a", "b"}``, each side ``{"status", "note"}`` of that annotator's latest record,
or None when they have no record of it.

Listed are the documents one of the two has a record of that is not done (its status and
note say something). A document done by one and never opened by the other is in the
comparison's note "done by one annotator only" instead: where annotators share out a corpus,
those are most documents, and a line each would bury the differences. Only those are: a
document listed is left out of that note (``notes_beside``; a trial read ann1's 02, which ann3
skipped, in its line and again in the note). A document asked for with ``--doc`` is listed
whenever it is not done by both, whatever the other holds.
"""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.compare import Comparison, done_by_one_note
from annotator.core.corpus import Corpus

# The start of ``load_comparison``'s note on documents done by one annotator only.
DONE_BY_ONE = "done by one annotator only, so left out:"


def _side(record: Annotation | None) -> dict[str, str] | None:
    return None if record is None else {"status": record.status, "note": record.note}


def _not_done_by_both(a: Annotation | None, b: Annotation | None) -> bool:
    return a is None or b is None or a.status != "done" or b.status != "done"


def not_compared(
    comparison: Comparison, first: str, second: str, doc_id: str | None = None
) -> list[dict[str, Any]]:
    """The documents of ``first`` (A) and ``second`` (B) not compared because they did not
    both finish them, in doc id order (see the module docstring); with ``doc_id``, that one
    only, when it is not done by both."""
    latest = comparison.latest
    if doc_id is not None:
        doc_ids = [doc_id]
    else:
        # Only the records not done start a line; the few there are found in one pass.
        doc_ids = sorted({doc for (name, doc), record in latest.items() if record.status != "done"})
    out: list[dict[str, Any]] = []
    for doc in doc_ids:
        a, b = latest.get((first, doc)), latest.get((second, doc))
        if (a is not None or b is not None) and _not_done_by_both(a, b):
            out.append({"doc_id": doc, "a": _side(a), "b": _side(b)})
    return out


def notes_beside(
    comparison: Comparison, first: str, second: str, listed: list[dict[str, Any]]
) -> list[str]:
    """The comparison's notes to show beside the documents ``listed`` (``not_compared``):
    its note on documents done by one annotator only names those the other never opened,
    and goes when there are none (see the module docstring)."""
    shown = {item["doc_id"] for item in listed}
    by_name: dict[str, list[str]] = {}
    for doc in comparison.single:
        for name in (first, second):
            record = comparison.latest.get((name, doc))
            if doc not in shown and record is not None and record.status == "done":
                by_name.setdefault(name, []).append(doc)
    notes = []
    for note in comparison.notes:
        if not note.startswith(DONE_BY_ONE):
            notes.append(note)
        elif by_name:
            notes.append(done_by_one_note(by_name))
    return notes


def in_the_journals(comparison: Comparison, names: tuple[str, str], doc_id: str) -> bool:
    """Whether either annotator has a record of ``doc_id``, done or not."""
    return any((name, doc_id) in comparison.latest for name in names)


def no_such_document(
    comparison: Comparison,
    doc_id: str,
    files: dict[str, Path],
    corpus: Corpus | None = None,
) -> str:
    """The one line for a ``--doc`` no journal holds. ``files``: each annotator's journal, A's
    first. A document of ``corpus`` is no typo: neither annotator has a record of it, and
    that is said ("no such document" read as if the id were wrong). Otherwise (a typo) it
    names the nearest ids the journals hold: those holding what was typed (a prefix, say),
    then the most alike."""
    if corpus is not None and doc_id in corpus:
        whose = "; ".join(f"{name}: {file}" for name, file in files.items())
        return (
            f"--doc {doc_id}: neither annotator has a record of {doc_id}, a document of the "
            f"corpus ({whose})"
        )
    file_a, file_b = files.values()
    nor = ", nor in the corpus" if corpus is not None else ""
    known = sorted({doc for _name, doc in comparison.latest})
    typed = doc_id.casefold()
    nearest = [doc for doc in known if typed in doc.casefold()][:3]
    for doc in get_close_matches(doc_id, known, n=3, cutoff=0.6):
        if doc not in nearest and len(nearest) < 3:
            nearest.append(doc)
    hint = f" (nearest: {', '.join(nearest)})" if nearest else ""
    return f"--doc {doc_id}: no such document in {file_a} or {file_b}{nor}{hint}"
