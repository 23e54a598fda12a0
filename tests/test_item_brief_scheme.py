"""An item only some annotators gave is named in the scheme's words: its group's ``brief``
(the default scheme's ``{released_by} → {received_by}, {count}, {date}``), else its values
plainly. A trial's protest scheme read "added the item alice and bob gave (40 strikers →
Haydarpaşa terminal, 40, 2025-06-04)": the prisoner exchange's giver → receiver put on who
was arrested and where."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from annotator.core.formats.common import Item
from annotator.core.formats.open_conflicts import conflicts_line
from annotator.core.item_brief import given_item_brief, item_fields_brief
from annotator.core.models import SCHEMA_VERSION, Document, GoldRecord, sha256_text
from annotator.core.review_gold_form import conflict_said
from annotator.core.review_item_notices import item_taken_notice
from annotator.core.review_notices import rejected_notice
from annotator.core.scheme import Scheme, default_scheme_path, load_default_scheme
from annotator.core.scheme_problems import scheme_file_problems

PROTEST = """
name = "protest"

[[labels]]
name = "arrestee"
key = "1"
color = "#b07aa1"

[[labels]]
name = "place"
key = "2"
color = "#e15759"

[[fields]]
name = "summary"
type = "text"

[[fields]]
name = "arrests"
type = "group"
{brief}

  [[fields.fields]]
  name = "who"
  type = "text"
  from_label = "arrestee"

  [[fields.fields]]
  name = "count"
  type = "integer"

  [[fields.fields]]
  name = "date"
  type = "date"

  [[fields.fields]]
  name = "where"
  type = "text"
  from_label = "place"
"""
ARREST = {"who": "40 strikers", "count": 40, "date": "2025-06-04", "where": "Haydarpaşa terminal"}
TEXT = "Police detained 40 strikers at Haydarpaşa terminal on 4 June 2025."
RELEASE = {"released_by": "Kestria", "received_by": "Norvania", "count": 95, "releasees": []}


def protest(brief: str = "") -> Scheme:
    return Scheme.model_validate(tomllib.loads(PROTEST.format(brief=brief)))


def lone(item: dict[str, Any], path: str = "arrests") -> dict[str, Any]:
    """A conflict over one item alice and bob gave, as merge makes it."""
    versions = [{"value": [item], "annotators": ["alice", "bob"]}]
    return {"id": "c1", "kind": "field", "path": path, "versions": versions}


def gold(*conflicts: dict[str, Any]) -> GoldRecord:
    return GoldRecord.model_validate(
        {
            "schema_version": SCHEMA_VERSION,
            "doc_id": "d1",
            "doc_sha256": sha256_text(TEXT),
            "annotator": "rita",
            "status": "in_progress",
            "spans": [],
            "sources": {"annotators": ["alice", "bob", "carol"]},
            "conflicts": list(conflicts),
        }
    )


def test_a_group_without_a_brief_is_named_by_its_values_in_order() -> None:
    scheme = protest()
    record = gold(lone(ARREST))
    plain = "the item alice and bob gave (40 strikers, 40, 2025-06-04, Haydarpaşa terminal)"
    assert item_taken_notice(record, "c1", [0], scheme) == (
        f"settled c1: arrests: added {plain} to gold"
    )
    assert rejected_notice(record, "c1", scheme) == f"settled c1: arrests: left out {plain}"
    assert conflict_said(lone(ARREST), scheme.field("arrests")) == f"c1 open: {plain}"
    # Export, with the scheme or without one (the default's releases is not this group).
    for given in (scheme, None):
        assert conflicts_line(Item(Document(id="d1", text=TEXT), record), given) == (
            f"d1: 1 open conflict not written — arrests: {plain}; settle it with annotator review"
        )


def test_a_groups_brief_places_its_fields_in_its_words() -> None:
    group = protest('brief = "{who} at {where}, {count}, {date}"').field("arrests")
    assert item_fields_brief(ARREST, group) == (
        "40 strikers at Haydarpaşa terminal, 40, 2025-06-04"
    )
    # An unfilled field's words before it go with it; the first filled has none before.
    assert item_fields_brief({**ARREST, "who": None}, group) == (
        "Haydarpaşa terminal, 40, 2025-06-04"
    )
    assert item_fields_brief({**ARREST, "where": " "}, group) == "40 strikers, 40, 2025-06-04"
    assert item_fields_brief({"count": 40}, group) == "40"
    assert item_fields_brief({"who": None}, group) == "(an empty item)"
    assert given_item_brief(lone(ARREST)["versions"], group) == (
        "the item alice and bob gave (40 strikers at Haydarpaşa terminal, 40, 2025-06-04)"
    )


def test_the_default_schemes_brief_keeps_its_giver_and_receiver(tmp_path: Path) -> None:
    scheme = load_default_scheme()
    group = scheme.field("releases")
    assert group is not None and group.brief == "{released_by} → {received_by}, {count}, {date}"
    assert item_fields_brief(RELEASE, group) == "Kestria → Norvania, 95"
    assert item_fields_brief({**RELEASE, "released_by": ""}, group) == "Norvania, 95"
    # A copy of it made before it had its brief (a corpus's scheme): its values plainly.
    text = default_scheme_path().read_text(encoding="utf-8")
    copy = tmp_path / "old.toml"
    copy.write_text("\n".join(line for line in text.splitlines() if "brief" not in line))
    old = Scheme.model_validate(tomllib.loads(copy.read_text(encoding="utf-8")))
    assert item_fields_brief(RELEASE, old.field("releases")) == "Kestria, Norvania, 95"
    # Export without a scheme names an item of the default's fields as the default does.
    line = conflicts_line(Item(Document(id="d1", text=TEXT), gold(lone(RELEASE, "releases"))), None)
    assert line is not None and "(Kestria → Norvania, 95)" in line


@pytest.mark.parametrize(
    ("where", "brief", "said"),
    [
        (
            "summary",
            "{summary}",
            "field 'summary' ([[fields]] #1): only a group has a brief (this is text): remove it",
        ),
        (
            "arrests",
            "{who} at {wher}",
            "field 'arrests' ([[fields]] #2): brief '{who} at {wher}': {wher} is not a field of "
            "this group (its fields: who, count, date, where); did you mean {where}?",
        ),
        (
            "arrests",
            "who, where",
            "field 'arrests' ([[fields]] #2): brief 'who, where' names none of the group's "
            'fields; write each field to show in braces, e.g. brief = "{who}, {count}"',
        ),
        (
            "arrests",
            "{who} {",
            "field 'arrests' ([[fields]] #2): brief '{who} {' has a brace that is not around a "
            'field\'s name; write each field to show as {name}, e.g. brief = "{who}, {count}"',
        ),
    ],
)
def test_a_bad_brief_is_said_at_its_line(tmp_path: Path, where: str, brief: str, said: str) -> None:
    text = PROTEST.format(brief="").replace(
        f'name = "{where}"\n', f'name = "{where}"\nbrief = "{brief}"\n'
    )
    path = tmp_path / "protest.toml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f'brief = "{brief}"') + 1
    assert scheme_file_problems(path) == [f"{path}:{line}: {said}"]
    with pytest.raises(ValidationError):
        Scheme.model_validate(tomllib.loads(text))
