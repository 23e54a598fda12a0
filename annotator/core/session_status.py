"""The status a change gives a record: one rule, whichever way the change is saved.

A change of the open document (``AnnotationSession._commit``) and typing saved to the document
it was typed on after another opened (``SessionFormElsewhere._save_elsewhere``) both follow it.
Each once had its own copy, with a different test of "changed": a span's value typed with v on
a skipped document un-skipped it when saved at once, and kept it skipped when saved after the
next document opened.
"""

from __future__ import annotations

from annotator.core import forms
from annotator.core.form_complete import empty_required
from annotator.core.models import Record
from annotator.core.record_unallowed import value_words
from annotator.core.scheme import Scheme


def annotated_more(before: Record, after: Record) -> bool:
    """Whether spans, form or links changed (a note alone does not count)."""
    return (before.spans, before.form, before.links) != (after.spans, after.form, after.links)


def status_after_change(
    before: Record, after: Record, scheme: Scheme, elsewhere: bool = False
) -> tuple[Record, list[str]]:
    """``after`` (the record ``before`` became) with the status the change gives it, and what
    to say of that. A skipped document annotated more (``annotated_more``) is in progress:
    labelling a skipped document is annotating it after all (a trial found no way back from a
    skip but filling the form and pressing d), while a note, the reason for the skip, keeps it
    skipped. A done document with a required field empty, or a group item holding nothing, is
    in progress. ``elsewhere``: the
    document is not the open one, and the notices name it."""
    notices: list[str] = []
    status = after.status
    if status == "skipped" and annotated_more(before, after):
        notices.append(f"{after.doc_id} is no longer skipped: in progress")
        status = "in_progress"
    # A group item holding nothing (one just added, say) is refused by d, as a required field
    # left empty is: a done record holding one stayed done (a trial), which validate warns of.
    # A required field keeping a value the scheme does not allow (a choice renamed since) is
    # no answer either (``form_complete.empty_required``, the rule of d): it is named with it.
    places = empty_required(after, scheme) if status == "done" else []
    missing = [place.path for place in places if place.why is None]
    if status == "done":
        missing += [forms.path_words(path) for path in forms.empty_items(after, scheme)]
    kept = ", ".join(
        f"{forms.path_words(place.path)} holds {value_words(place.value)}"
        for place in places
        if place.why is not None
    )
    where = f" of {after.doc_id}" if elsewhere else ""
    said = [f"{', '.join(missing)}{where} is empty now"] if missing else []
    if kept:
        said.append(
            f"{kept}{f' in {after.doc_id}' if elsewhere else ''}, which the scheme does not allow"
        )
    if said:
        then = "it is back to in progress" if elsewhere else "the document is back to in progress"
        notices.append(f"{'; '.join(said)}: {then}")
        status = "in_progress"
    if status == after.status:
        return after, notices
    return after.model_copy(update={"status": status}), notices
