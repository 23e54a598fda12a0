"""annotate's start-up line of done records lacking required fields counts each field by the
records lacking it. A trial's line said ``all 4 of its done records (first: 01, 02, 03; l marks
them) need event_type and location``: all four lacked location, one alone event_type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.journal_done_needs import done_needing_notice
from annotator.core.models import Record
from annotator.core.scheme import Scheme, load_scheme
from tests.conftest import make_record

SCHEME = """\
name = "needs"
version = 1

[[labels]]
name = "actor"
key = "1"
color = "#1f77b4"
"""
JOURNAL = Path("out/annotations/alice.jsonl")


def scheme_requiring(tmp_path: Path, *names: str) -> Scheme:
    fields = "".join(
        f'\n[[fields]]\nname = "{name}"\ntype = "text"\nrequired = true\n' for name in names
    )
    path = tmp_path / "needs.toml"
    path.write_text(SCHEME + fields, encoding="utf-8")
    return load_scheme(path)


def done(doc_id: str, **form: Any) -> Record:
    return Record.model_validate(make_record(doc_id=doc_id, status="done", form=form))


def test_each_field_is_counted_with_the_records_lacking_it(tmp_path: Path) -> None:
    scheme = scheme_requiring(tmp_path, "event_type", "location")
    records = [done("01"), *(done(f"0{n}", event_type="exchange") for n in range(2, 5))]
    assert done_needing_notice(JOURNAL, records, scheme) == (
        f"{JOURNAL}: all 4 of its done records (first: 01, 02, 03; l marks them) need fields "
        "the scheme requires: location in all 4, event_type in 1 (01)"
    )


def test_the_fields_most_lacked_come_first_their_records_named_or_counted(
    tmp_path: Path,
) -> None:
    scheme = scheme_requiring(tmp_path, "a", "b", "c", "d", "e")
    records = [
        done("01", a="x", e="x"),
        done("02", a="x", e="x"),
        done("03", a="x", b="x", c="x", e="x"),
        done("04", a="x", b="x", c="x", d="x"),
        done("05", a="x", b="x", c="x", d="x", e="x"),
    ]
    assert done_needing_notice(JOURNAL, records, scheme, at_exit=True) == (
        f"{JOURNAL}: 4 of its 5 done records (first: 01, 02, 03; annotate's l marks them) need "
        "fields the scheme requires: d in 3 (01, 02, 03), b in 2 (01, 02), c in 2 (01, 02) and 1 "
        "more field(s)"
    )


def test_fields_every_record_lacks_are_said_once(tmp_path: Path) -> None:
    scheme = scheme_requiring(tmp_path, "event_type", "location")
    records = [done("01"), done("02"), done("03", event_type="x", location="y")]
    assert done_needing_notice(JOURNAL, records, scheme) == (
        f"{JOURNAL}: 2 of its 3 done records (01, 02; l marks them) need event_type and "
        "location, which the scheme requires"
    )
