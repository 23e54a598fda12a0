"""annotate on a journal made with another scheme (a trial's project reopened forgetting
``--scheme``): one line at start counts and names the records holding what the scheme in force
lacks, names that scheme and, when half of them or more do, asks for the journal's. A journal of
this scheme says nothing; a slip in one record is said without the question; records holding
nothing to tell a scheme by do not count towards half."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.journal_another_scheme import another_scheme_notice
from annotator.core.models import Record, sha256_text
from annotator.core.scheme import default_scheme_path, load_scheme
from annotator.core.session import open_session
from tests.test_scheme_messages import PROTEST
from tests.test_session_data import TEXTS, fixed_now, write_texts

JOURNAL = Path("out/annotations/alice.jsonl")
ASK = (
    "to go on in that one, quit with q and start again with --scheme FILE; else opening one "
    "says what it holds"
)


def record(doc_id: str, **changes: Any) -> dict[str, Any]:
    """alice's record of TEXTS[doc_id], holding nothing but what ``changes`` give it."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": doc_id,
        "doc_sha256": sha256_text(TEXTS[doc_id]),
        "annotator": "alice",
        "status": "in_progress",
        "spans": [],
    }
    data.update(changes)
    return data


def span(label: str, start: int, end: int, doc_id: str = "a") -> dict[str, Any]:
    text = TEXTS[doc_id][start:end]
    return {"id": "s1", "start": start, "end": end, "label": label, "text": text}


# Made with the protest scheme: a's place and its arrests group, b's organiser. b's event_type
# is a field of the default scheme too (its value 'march' is not one of its choices: a value,
# not a field, the scheme lacks). c was only opened.
PROTEST_RECORDS = [
    record(
        "a",
        spans=[span("location", 16, 22)],
        form={"arrests": [{"location": "Russia"}]},
        links={"arrests[0].location": ["s1"]},
    ),
    record("b", spans=[span("organiser", 16, 24, "b")], form={"event_type": "march"}),
    record("c"),
]


def write_journal(tmp_path: Path, lines: list[dict[str, Any]]) -> None:
    journal = tmp_path / JOURNAL
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))


def messages_at_start(tmp_path: Path, scheme: Path | None) -> list[str]:
    """What annotate says at start on the journal under ``scheme`` (None: the default)."""
    session = open_session(write_texts(tmp_path), "alice", scheme, tmp_path / "out", now=fixed_now)
    try:
        return [message.replace(str(tmp_path / "out"), "out") for message in session.messages]
    finally:
        assert session.close()


def test_the_default_scheme_on_another_schemes_journal_asks_for_it(tmp_path: Path) -> None:
    write_journal(tmp_path, PROTEST_RECORDS)
    assert messages_at_start(tmp_path, None) == [
        f"{JOURNAL}: 2 of its 3 records (a, b; l marks them) hold labels, fields or choice "
        "values not in scheme prisoner_exchange (the default: no --scheme was given): was this "
        f"journal made with another scheme? {ASK}"
    ]


def test_with_its_own_scheme_nothing_is_said(tmp_path: Path) -> None:
    write_journal(tmp_path, PROTEST_RECORDS)
    (tmp_path / "protest.toml").write_text(PROTEST, encoding="utf-8")
    assert messages_at_start(tmp_path, tmp_path / "protest.toml") == []


def test_a_scheme_given_is_named_and_asked_about(tmp_path: Path) -> None:
    write_journal(tmp_path, PROTEST_RECORDS[:2])
    renamed = tmp_path / "renamed.toml"
    renamed.write_text(PROTEST.replace('"location"', '"place"'), encoding="utf-8")
    # Only a's place and its group's field are not in it: one record of two, two names.
    assert messages_at_start(tmp_path, renamed) == [
        f"{JOURNAL}: 1 of its 2 records (a; l marks it) holds labels, fields or choice values "
        f"not in the scheme given, {renamed}: was this journal made with another scheme? "
        + ASK.replace("opening one", "opening it")
    ]


def test_the_default_named_with_scheme_is_the_scheme_given(tmp_path: Path) -> None:
    """``--scheme prisoner_exchange`` was given: "no --scheme was given" would be false."""
    write_journal(tmp_path, PROTEST_RECORDS)
    given = default_scheme_path()
    assert load_scheme(given).chosen_file is None  # the scheme cannot tell it was named
    [said] = messages_at_start(tmp_path, given)
    assert said.startswith(f"{JOURNAL}: 2 of its 3 records (a, b; l marks them) hold labels, ")
    assert f"scheme given, {given}: was this journal made with another scheme?" in said


def parsed(lines: list[dict[str, Any]]) -> list[Record]:
    return [Record.model_validate(line) for line in lines]


def test_one_unknown_label_in_one_record_is_a_slip_not_a_scheme(tmp_path: Path) -> None:
    """Said, counted and named (it was not said at all), without asking for a scheme."""
    scheme = load_scheme(default_scheme_path())
    lines = [record("a", spans=[span("party", 16, 22)]), record("b", status="done")]
    assert another_scheme_notice(JOURNAL, parsed(lines), scheme, None) == (
        f"{JOURNAL}: 1 of its 2 records (a; l marks it) holds labels, fields or choice values "
        "not in scheme prisoner_exchange (the default: no --scheme was given): kept as they "
        "are; opening it says what it holds"
    )
    # The same label in the other record too: two records, as validate takes it.
    lines[1] = record("b", spans=[span("party", 16, 24, "b")])
    said = another_scheme_notice(JOURNAL, parsed(lines), scheme, None)
    assert said is not None
    assert said.endswith(f"was this journal made with another scheme? {ASK}")


def test_records_holding_nothing_do_not_count_either_way(tmp_path: Path) -> None:
    """Three records only opened or skipped, two made with the protest scheme: the two tell
    which scheme the journal was made with (counted as lines, as validate does, they were
    two of five, not half)."""
    scheme = load_scheme(default_scheme_path())
    blank = [record("c", status="skipped", note="no event") for _ in range(3)]
    said = another_scheme_notice(JOURNAL, parsed(PROTEST_RECORDS[:2] + blank), scheme, None)
    assert said is not None
    assert said.startswith(f"{JOURNAL}: 2 of its 5 records (a, b; l marks them) hold labels, ")
    assert said.endswith(f"was this journal made with another scheme? {ASK}")
    assert another_scheme_notice(JOURNAL, parsed(blank), scheme, None) is None
    assert another_scheme_notice(JOURNAL, [], scheme, None) is None


def test_one_record_and_all_of_them_are_said_so(tmp_path: Path) -> None:
    scheme = load_scheme(default_scheme_path())
    one = another_scheme_notice(JOURNAL, parsed(PROTEST_RECORDS[:1]), scheme, None)
    assert one is not None
    assert one.startswith(f"{JOURNAL}: its one record (a; l marks it) holds labels, fields ")
    both = another_scheme_notice(JOURNAL, parsed(PROTEST_RECORDS[:2]), scheme, None)
    assert both is not None
    assert both.startswith(f"{JOURNAL}: all 2 of its records (a, b; l marks them) hold ")


def test_past_three_records_the_first_are_named(tmp_path: Path) -> None:
    scheme = load_scheme(default_scheme_path())
    lines = [record(doc_id, spans=[span("party", 16, 22)]) for doc_id in "abcab"]
    lines = [{**line, "doc_id": f"{line['doc_id']}{number}"} for number, line in enumerate(lines)]
    said = another_scheme_notice(JOURNAL, parsed(lines), scheme, None)
    assert said is not None
    assert said.startswith(
        f"{JOURNAL}: all 5 of its records (first: a0, b1, c2; l marks them) hold labels, "
    )
