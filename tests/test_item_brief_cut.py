"""An item's brief is cut only where it must be, and within a field's value: cut as one string,
"(Drava People’s Authority → government of … 187, 2024-06-07)" kept one field's start and the
next one's end, and "Ostreva," was lost with no sign a field was cut (``item_brief``). In the
review's toast, whose lines wrap, the brief is whole (``ItemTakenNotice.fitted``): a trial's
toast at 120 columns cut a brief it had room for."""

from __future__ import annotations

from pathlib import Path

from annotator.core.item_brief import BRIEF_LIMIT, item_fields_said
from annotator.core.review_item_notices import ItemTakenNotice
from annotator.core.scheme import load_default_scheme
from annotator.tui.review_toasts import fitted
from tests.test_review_alike_direction import DRAVA, drava_to_ann2s_item

RELEASES = load_default_scheme().field("releases")
DRAVA_ITEM = {
    "released_by": "Drava People’s Authority",
    "received_by": "government of Ostreva",
    "count": 187,
    "date": "2024-06-07",
}
WHOLE = "Drava People’s Authority → government of Ostreva, 187, 2024-06-07"


def test_a_long_brief_is_cut_within_its_longest_value_never_across_fields() -> None:
    said = item_fields_said(DRAVA_ITEM, RELEASES)
    assert len(WHOLE) > BRIEF_LIMIT == len(said)
    assert said == "Drava People…hority → government of Ostreva, 187, 2024-06-07"
    assert item_fields_said(DRAVA_ITEM, RELEASES, limit=None) == WHOLE


def test_values_at_their_floor_leave_the_last_fields_out_whole() -> None:
    long = {**DRAVA_ITEM, "received_by": "the government of the Republic of Ostreva"}
    said = item_fields_said(long, RELEASES, limit=30)
    assert said == "Drava …ority → the gove…eva …"  # the count and date left out, said so
    plain = item_fields_said({"a": "x" * 30, "b": "y" * 30, "c": 7}, None, limit=30)
    assert plain == "xxxxxxxx…xxx, yyyyyyyy…yyyy, 7"  # each value cut, none left out


def test_on_a_toast_each_value_is_cut_only_when_longer_than_its_line() -> None:
    assert item_fields_said(DRAVA_ITEM, RELEASES, limit=None, field_limit=57) == WHOLE
    narrow = item_fields_said(DRAVA_ITEM, RELEASES, limit=None, field_limit=22)
    assert narrow.endswith(" → government of Ostreva, 187, 2024-06-07")
    assert narrow.startswith("Drava") and len(narrow.split(" → ")[0]) == 22


def test_the_toast_after_taking_a_release_names_it_whole(tmp_path: Path) -> None:
    session, lone = drava_to_ann2s_item(tmp_path)
    try:
        session.go_to(DRAVA, lone)
        session.take(0)
        said = session.take_notices()[0]
        assert isinstance(said, ItemTakenNotice)  # its links' clause added, still fitted
        toast = said.fitted(57)
        assert toast.startswith(
            f"settled {lone}: releases: added the item ann2 gave (Drava People’s Authority → "
            "government of Ostreva, 210, 2024-06-08) to gold; gold's releases #1 "
            f"({WHOLE}) is so alike it may be the same one, "
        ), toast
        assert "; its links to " in toast and toast.endswith(" · ctrl+z undoes")
        assert fitted([said], 57) == toast  # the toast the review screen shows
        assert f"({WHOLE})" not in said  # as a string (the undo's words) cut, within a field
        assert "(Drava People…hority → government of Ostreva, 187, 2024-06-07)" in said
    finally:
        assert session.close()
