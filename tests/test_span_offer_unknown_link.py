"""ctrl+l's offer for a field of a group's item looks at the item's other links; a link to a
field the scheme does not have (a journal written under a scheme whose field was renamed since:
validate reports it, annotate opens it) must not refuse the offer for every other field of the
item, naming a field the annotator did not pick."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.session import open_session
from annotator.core.span_offer import pick_order
from tests.test_session_data import fixed_now, session_on
from tests.test_session_selection_fill import TEXT, label, with_a_release


def test_a_link_to_a_field_the_scheme_lacks_leaves_the_offer_as_it_was(tmp_path: Path) -> None:
    first = session_on(tmp_path, TEXT)
    first.open("d")
    kestria = label(first, "Kestria", "actor")
    ulmaria = label(first, "Ulmaria", "actor")
    with_a_release(first)
    first.fill_from_span("releases[0].released_by", kestria)
    journal = first.journal
    assert first.close()
    # The field renamed in the scheme since: its link's path is one the scheme lacks now.
    lines = [orjson.loads(line) for line in journal.read_bytes().splitlines()]
    lines[-1]["links"] = {"releases[0].given_by": lines[-1]["links"].pop("releases[0].released_by")}
    journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    session = open_session(tmp_path / "corpus", "alice", None, tmp_path / "out", now=fixed_now)
    try:
        session.open("d")
        order = pick_order(session, "releases[0].received_by", None, 0)
        assert set(order) >= {kestria, ulmaria}
    finally:
        session.close()
