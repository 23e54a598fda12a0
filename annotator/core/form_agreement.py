"""Field agreement (``agree``), over forms compared as ``form_compare`` compares them (an
empty group item is no frame).

Per top-level field, Krippendorff's alpha over documents (units) and annotators (coders), a
document an annotator has no compared record of being missing data. Choice, text, date and
list fields are nominal, and an empty answer is one of the values (an annotator who left a
field empty said something). Integer fields are interval, and for alpha an empty answer is
missing data (it has no place on the scale). ``agreement`` is the share of pairs of
annotators, over documents, giving equal answers, and for it an empty answer is an answer in
every field type, an integer's too: empty beside 250 disagrees, as ``diff`` and ``merge`` say
(a share of equal answers has no scale to leave it off). ``units`` counts the documents with
answers of two annotators, empty ones included; an integer field also has ``alpha_units``, the
documents with numbers of two annotators, and ``empty_answers``, the empty answers in the
documents counted, and a note when there are any (``empty_answer_notes``). A group has no
alpha: its figure is the exact-frame F1 (pooled over documents per pair, then the mean over
pairs), under the group's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from functools import partial
from itertools import combinations
from typing import Any

from annotator.core.alpha import Level, alpha_of_units
from annotator.core.compare import Unit
from annotator.core.form_compare import Item, field_value, frame_key, items_in
from annotator.core.scheme import FormField, Scheme

# An empty answer, as a value (None means "missing" to the alpha functions).
EMPTY: Hashable = ("<empty>",)


def level_of(field: FormField) -> Level:
    return "interval" if field.type == "integer" else "nominal"


def field_agreement(
    units: list[Unit],
    annotators: list[str],
    scheme: Scheme,
    per_unit: list[float | None] | None = None,
) -> dict[str, Any]:
    """``{"<field>": {"alpha", "agreement", "level", "units", ...}}`` for every top-level field.

    One pass over the units; a group's frames are counted as they are met, never all held.
    ``per_unit``, when given, gets each unit's share of equal answers over its pairs of
    annotators and top-level fields (None when no field was answered by two of them).
    """
    plain = [field for field in scheme.fields if field.type != "group"]
    groups = [field for field in scheme.fields if field.type == "group"]
    tables: dict[str, list[list[Hashable | None]]] = {field.name: [] for field in plain}
    pairs = list(combinations(annotators, 2))
    # per group, per pair: [frames in both, frames of either side, documents shared]
    frame_counts = {group.name: {pair: [0, 0, 0] for pair in pairs} for group in groups}
    # per group: [pairs of annotators compared, pairs giving the same frames]
    same_frames = {group.name: [0, 0] for group in groups}
    for unit in units:
        forms = {name: record.form for name, record in unit.records.items()}
        # Every field's empty answers are EMPTY here, as agreement counts them; an integer
        # field's alpha takes them for missing data (``_on_the_scale``).
        for field in plain:
            row: list[Hashable | None] = []
            for name in annotators:
                form = forms.get(name)
                value = None if form is None else field_value(form, field)
                row.append(EMPTY if form is not None and value is None else value)
            tables[field.name].append(row)
        unit_pairs = unit_equal = 0
        if per_unit is not None:
            for field in plain:
                pairs_here, equal_here = _equal_pairs(tables[field.name][-1])
                unit_pairs += pairs_here
                unit_equal += equal_here
        for group in groups:
            items = {
                name: items_in(forms[name], group, partial(getattr, record, "links"))
                for name, record in unit.records.items()
            }
            counted = same_frames[group.name][:]
            _count_frames(items, group, frame_counts[group.name], same_frames[group.name])
            unit_pairs += same_frames[group.name][0] - counted[0]
            unit_equal += same_frames[group.name][1] - counted[1]
        if per_unit is not None:
            per_unit.append(unit_equal / unit_pairs if unit_pairs else None)
    out: dict[str, Any] = {}
    for field in scheme.fields:
        if field.type == "group":
            out[field.name] = _group_figures(
                frame_counts[field.name], same_frames[field.name], len(units)
            )
            continue
        table = tables[field.name]
        interval = level_of(field) == "interval"
        on_the_scale = [_on_the_scale(row) for row in table] if interval else table
        compared = [row for row in table if _answers(row) >= 2]
        figures: dict[str, Any] = {
            "alpha": _figure(alpha_of_units(on_the_scale, level_of(field))),
            "agreement": _figure(_pair_agreement(table)),
            "level": level_of(field),
            "units": len(compared),
        }
        if interval:
            figures["alpha_units"] = sum(1 for row in on_the_scale if _answers(row) >= 2)
            figures["empty_answers"] = sum(row.count(EMPTY) for row in compared)
        out[field.name] = figures
    return out


def empty_answer_notes(form: dict[str, Any]) -> list[str]:
    """How an integer field's empty answers were counted, one note per field that had any in
    the documents compared: missing data for alpha, an answer for agreement, so that the two
    figures' documents (and a by-hand count of diff's lines) can be told apart. A field every
    compared answer of which is empty gets none: agreement 1.0 and alpha's note (no numbers)
    say it."""
    notes = []
    for name, figures in form.items():
        empties = figures.get("empty_answers")
        # Equal answers everywhere and no document with two numbers: every answer is empty.
        if not empties or (figures["agreement"] == 1.0 and not figures["alpha_units"]):
            continue
        answers = "1 empty answer" if empties == 1 else f"{empties} empty answers"
        units = figures["alpha_units"]
        documents = "1 document" if units == 1 else f"{units} documents"
        notes.append(
            f"{name}: {answers}: missing data for alpha ({documents}), "
            f"an answer for agreement ({figures['units']})"
        )
    return notes


def _answers(row: list[Hashable | None]) -> int:
    return sum(value is not None for value in row)


def _on_the_scale(row: list[Hashable | None]) -> list[Hashable | None]:
    """An integer field's answers for alpha: an empty one is missing data, as no record is."""
    return [None if value == EMPTY else value for value in row]


def _figure(value: float | None) -> float | None:
    """A figure as ``agree`` reports every figure: rounded to 6 places."""
    return None if value is None else round(value, 6)


def _equal_pairs(row: list[Hashable | None]) -> tuple[int, int]:
    """Pairs of the answers given in one unit (None: none given), and how many are equal."""
    present = [value for value in row if value is not None]
    pairs = equal = 0
    for first, second in combinations(present, 2):
        pairs += 1
        equal += first == second
    return pairs, equal


def _pair_agreement(table: list[list[Hashable | None]]) -> float | None:
    counted = [_equal_pairs(row) for row in table]
    pairs = sum(pairs for pairs, _equal in counted)
    agreeing = sum(equal for _pairs, equal in counted)
    return agreeing / pairs if pairs else None


def _count_frames(
    items: dict[str, list[Item]],
    group: FormField,
    counts: dict[tuple[str, str], list[int]],
    same: list[int],
) -> None:
    """Count one document's frames of ``group`` for each pair of annotators: frames in
    both (as multisets), frames of either, and whether the two gave the same frames."""
    for (a, b), tally in counts.items():
        items_a, items_b = items.get(a), items.get(b)
        if items_a is None or items_b is None:
            continue
        tally[2] += 1
        tally[1] += len(items_a) + len(items_b)
        same[0] += 1
        # Equal items are equal frames (the common case): no need to make them.
        if items_a == items_b:
            tally[0] += len(items_a)
            same[1] += 1
            continue
        both = _frames_in_both(items_a, items_b, group)
        tally[0] += both
        # Two multisets are equal when all of each is in both.
        if both == len(items_a) == len(items_b):
            same[1] += 1


def _frames_in_both(items_a: list[Item], items_b: list[Item], group: FormField) -> int:
    """How many frames two lists of items have in common, as multisets.

    Equal items are equal frames, so they are paired first as they are (dict equality, in C);
    frames are made only of the items left on both sides (an annotator who left out a release
    the other gave leaves none). Pairing some equal items first changes no count: each key's
    count in both is what those pairs hold plus its count in both of what is left."""
    rest_b = [item for _index, item in items_b]
    rest_a: list[dict[str, Any]] = []
    for _index, item in items_a:
        if item in rest_b:
            rest_b.remove(item)
        else:
            rest_a.append(item)
    both = len(items_a) - len(rest_a)
    if rest_a and rest_b:
        frames_a = Counter(frame_key(item, group) for item in rest_a)
        frames_b = Counter(frame_key(item, group) for item in rest_b)
        both += (frames_a & frames_b).total()
    return both


def _group_figures(
    counts: dict[tuple[str, str], list[int]], same: list[int], units: int
) -> dict[str, Any]:
    pair_f1 = [
        2 * both / either if either else 1.0 for both, either, shared in counts.values() if shared
    ]
    return {
        "alpha": None,
        "agreement": _figure(same[1] / same[0]) if same[0] else None,
        "level": "frames",
        "units": units,
        "frame_f1": _figure(sum(pair_f1) / len(pair_f1)) if pair_f1 else None,
    }
