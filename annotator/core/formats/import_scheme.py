"""Which scheme an import without ``--scheme`` uses, and which records validate would refuse.

Our own ``jsonl`` export carries the form and links, which need a scheme that defines the form.
Imported back without ``--scheme`` they used to be dropped (a trial's done records then failed
``annotator validate``): now, when records carry a form or links, the first shipped scheme (the
default first) that accepts every label, value, form and link of the file is used, and said.
When none does, the import writes ``CORPUS.scheme.toml`` from the labels as before, and the
summary says how many records a validate would refuse and why (``Refusals``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from annotator.core.formats.common import ImportedDoc
from annotator.core.models import Record
from annotator.core.scheme import (
    Scheme,
    default_scheme_path,
    load_default_scheme,
    load_scheme,
    packaged_schemes_dir,
    shipped_scheme_names,
)
from annotator.core.validate import links_problems, scheme_problems
from annotator.core.value_range import label_value_problem


def _shipped_in_order() -> list[str]:
    """Shipped scheme names, the default first, then the others sorted."""
    default = default_scheme_path().stem
    names = shipped_scheme_names()
    return [default, *(name for name in names if name != default)] if default in names else names


def _accepts(scheme_name: str, docs: Sequence[ImportedDoc]) -> bool:
    scheme = load_scheme(packaged_schemes_dir() / f"{scheme_name}.toml")
    for doc in docs:
        for span in doc.spans or []:
            label = scheme.label(span.label)
            if label is None or label_value_problem(label, span.value) is not None:
                return False
        try:
            scheme.form_model.model_validate(doc.form)
        except ValidationError:
            return False
        if any(links_problems(doc.links, doc.form, scheme)):
            return False
    return True


def shipped_scheme_for(docs: Sequence[ImportedDoc]) -> str | None:
    """The name of the first shipped scheme accepting every label, value, form and link of
    ``docs``, when some of them carry a form or links; None when none does or none need one."""
    if not any(doc.form or doc.links for doc in docs):
        return None
    for name in _shipped_in_order():
        if _accepts(name, docs):
            return name
    return None


def default_label_order(names: Iterable[str]) -> list[str]:
    """The labels of a scheme written from labels alone: those of the default scheme in its
    order (so they get its keys when all are there), then the others alphabetically. The order
    the spans come in the file is not used: another export of the same work would change it."""
    default = [label.name for label in load_default_scheme().labels]
    given = set(names)
    known = [name for name in default if name in given]
    return known + sorted(given - set(known))


@dataclass(frozen=True)
class Refusals:
    """Records a validate against ``scheme`` (as the check command names it) would refuse:
    how many, and the first problem of the first one (``doc: path: message``)."""

    scheme: str
    count: int
    first: str

    def said(self, what: str = "record(s)") -> str:
        return f"{self.count} {what} will not validate against {self.scheme} (first: {self.first})"


def refusals(
    records: Sequence[Record], scheme: Scheme, shown: str, only: str = ""
) -> Refusals | None:
    """How ``records`` fare against ``scheme`` (``shown``: how the summary names it); None
    when every one validates. ``only``: count only problems whose path starts with it."""
    refused = []
    for record in records:
        problems = [
            (path, message)
            for path, message in scheme_problems(record, scheme)
            if path.startswith(only)
        ]
        if problems:
            path, message = problems[0]
            refused.append(f"{record.doc_id}: {path}: {message}")
    if not refused:
        return None
    return Refusals(shown, len(refused), refused[0])
