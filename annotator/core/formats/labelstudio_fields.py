"""What a Label Studio import carries of an imported annotation's and a task's other fields, and
one line for each kind of what it does not.

A record holds an annotation's ``lead_time`` (as ``seconds_spent``) and ``updated_at`` (when it
is a UTC time, as Label Studio writes it: ``2022-10-31T21:19:19.131302Z``). It has no place for
``completed_by`` (the records are the annotator's the import names), ``reviews`` (a reviewer's
accept or reject: a rejected annotation comes in as any other, so the line counts the rejected),
``ground_truth`` (Label Studio's mark on an annotation; ``false``, its default on every
annotation, says nothing and is not counted), nor for the rest of Label Studio's bookkeeping
(``created_at``, ``last_action``, ids): each kind is counted in one line per file, so nothing
is dropped unsaid. A task's fields are read (``data``, ``meta``, ``id``, its annotations,
predictions and drafts) or counted the same way.

A span result names the labelling config's tags it belongs to (``from_name``, ``to_name``); an
export writes ``label`` and ``text``, the config docs/formats.md gives. Label Studio shows a
result only under the tag its ``from_name`` names, so other names (``ner``, as Label Studio's
own named-entity example has) are said in one line with those the export writes: loaded into
the project the file came from, the export showed none of its spans, and nothing had said so.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.formats.import_checks import ImportReporter
from annotator.core.models import utc_time_problem

# Keys of an imported annotation that a record has no place for (a lead_time or updated_at:
# when it is not one a record takes), and why.
_NOT_CARRIED = {
    "lead_time": "not a number of seconds, which a record's seconds_spent takes",
    "updated_at": "not a UTC time like 2025-08-24T10:00:00Z, which a record's updated_at takes",
    "completed_by": "the records are the annotator's the import names",
    "ground_truth": "marked ground truth in Label Studio; a record has no such mark",
}

# The tags a labelstudio export's span results name (from_name, to_name): the labelling
# config docs/formats.md gives has them.
EXPORT_TAGS = ("label", "text")

# What the import reads of an annotation or prediction, and of a task: the rest is counted.
_READ = frozenset({"result", "was_cancelled", "model_version", "reviews", *_NOT_CARRIED})
_TASK_READ = frozenset(
    {"data", "meta", "id", "annotations", "completions", "predictions", "drafts"}
)


def lead_time(annotation: dict[str, Any]) -> float | None:
    """The seconds an annotation's ``lead_time`` gives (Label Studio's time spent on it, the
    time a record's ``seconds_spent`` holds); None when it has none, or none that is a
    number of seconds (negative, text, true), which is said."""
    lead = annotation.get("lead_time")
    if not isinstance(lead, int | float) or isinstance(lead, bool):
        return None
    return float(lead) if math.isfinite(lead) and lead >= 0 else None


def updated_at(annotation: dict[str, Any]) -> str | None:
    """The annotation's ``updated_at`` when it is a UTC time a record takes (Label Studio's
    own fit; one of their shape that is no such time does not), else None."""
    value = annotation.get("updated_at")
    return value if isinstance(value, str) and utc_time_problem(value) is None else None


def _holds(value: Any) -> bool:
    """Whether a field's value says anything (null, empty and false do not)."""
    return value not in (None, "", [], {}, False)


@dataclass
class FieldsSaid:
    """The fields not carried over a file's tasks, each kind said in one line (``say``);
    ``entry``: what is imported of each task (``annotation``, or with --predictions
    ``prediction``)."""

    entry: str = "annotation"
    not_carried: dict[str, list[str]] = field(default_factory=dict)  # key -> where
    reviewed: list[str] = field(default_factory=list)  # where each reviewed annotation is
    rejected: int = 0
    others: Counter[str] = field(default_factory=Counter)  # annotation key -> annotations
    task_others: Counter[str] = field(default_factory=Counter)  # task key -> tasks
    # (from_name, to_name) of span results other than the export's -> results, and the first
    other_tags: Counter[tuple[str, str]] = field(default_factory=Counter)
    other_tags_first: str = ""

    def task(self, task: dict[str, Any]) -> None:
        self.task_others.update(k for k, v in task.items() if k not in _TASK_READ and _holds(v))

    def annotation(self, chosen: dict[str, Any], where: str) -> None:
        """Note what of the imported annotation (or prediction) ``chosen`` is not carried."""
        carried = {"lead_time": lead_time(chosen), "updated_at": updated_at(chosen)}
        for key in _NOT_CARRIED:
            if key in carried and carried[key] is not None:
                continue
            if _holds(chosen.get(key)) if key == "ground_truth" else chosen.get(key) is not None:
                self.not_carried.setdefault(key, []).append(where)
        reviews = chosen.get("reviews")
        if isinstance(reviews, list) and reviews:
            self.reviewed.append(where)
            self.rejected += any(
                isinstance(r, dict) and r.get("accepted") is False for r in reviews
            )
        self.others.update(k for k, v in chosen.items() if k not in _READ and _holds(v))

    def tags(self, result: dict[str, Any], where: str) -> None:
        """Note the tags the span ``result`` names when they are not the export's (a file
        written by hand, without them, says nothing)."""
        source, target = result.get("from_name"), result.get("to_name")
        names = (
            source if isinstance(source, str) else "",
            target if isinstance(target, str) else "",
        )
        if (names[0] or EXPORT_TAGS[0], names[1] or EXPORT_TAGS[1]) != EXPORT_TAGS:
            self.other_tags[names] += 1
            self.other_tags_first = self.other_tags_first or where

    def say(self, path: Path, report: ImportReporter) -> None:
        if self.other_tags:
            named = "; ".join(
                f"from_name {source!r}, to_name {target!r}" for source, target in self.other_tags
            )
            report.warn(
                f"{path}: {self.other_tags.total()} span result(s) name the tags {named} "
                f"(first: {self.other_tags_first}); a labelstudio export writes from_name "
                f"{EXPORT_TAGS[0]!r}, to_name {EXPORT_TAGS[1]!r}: Label Studio shows them in a "
                f"project whose labelling config names its <Labels> {EXPORT_TAGS[0]!r} and its "
                f"<Text> {EXPORT_TAGS[1]!r} (docs/formats.md)"
            )
        for key, wheres in self.not_carried.items():
            marked = " marked true" if key == "ground_truth" else ""
            report.not_carried(
                f"{path}: {key}: {len(wheres)} imported {self.entry}(s){marked} (first: "
                f"{wheres[0]}); not carried: {_NOT_CARRIED[key]}",
                f"{self.entry}(s) with {key}",
                len(wheres),
            )
        if self.reviewed:
            report.not_carried(
                f"{path}: reviews: {len(self.reviewed)} imported {self.entry}(s) reviewed, "
                f"{self.rejected} of them rejected (first: {self.reviewed[0]}); not carried: a "
                "record has no review, and a rejected annotation is imported as any other",
                f"reviewed {self.entry}(s)",
                len(self.reviewed),
            )
        imported = f"imported {self.entry}s"
        for counted, whose in ((self.others, imported), (self.task_others, "tasks")):
            if counted:
                listed = ", ".join(f"{key} ({count})" for key, count in sorted(counted.items()))
                report.not_carried(
                    f"{path}: {len(counted)} other field(s) of the {whose} not carried (Label "
                    f"Studio's own; a record has no place for them): {listed}",
                    f"field(s) of the {whose}",
                    sum(counted.values()),
                )
