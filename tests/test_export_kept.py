"""A scheme-checked export of records holding what the scheme does not know (a scheme changed
mid-project: a label added, a choice renamed, a field removed; annotate keeps such data as it
is): refused once, each label, field and value named and counted with its first line, the ways
forward said; or, with ``--leave-out-unknown``, exported without them, each part said."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.export_request import ExportRequest, export_now
from annotator.core.formats.export import export_records
from annotator.core.formats.export_kept import KeptFromAnotherScheme
from annotator.core.scheme import Scheme, load_scheme
from tests.test_agreement_data import record as agreement_record
from tests.test_agreement_data import run_cli, write_corpus, write_journal
from tests.test_session_data import session_on

TEXT = "The Tenants Union marched in Leeds and police held 2 people."
OLD = """\
name = "protest"

[[labels]]
name = "ORGANISER"
key = "1"
color = "#4e79a7"

[[labels]]
name = "PLACE"
key = "3"
color = "#59a14f"

[[fields]]
name = "protest_type"
type = "choice"
required = true
choices = ["march", "strike", "sit_in", "other"]

[[fields]]
name = "arrests"
type = "integer"

[[fields]]
name = "demands"
type = "group"

  [[fields.fields]]
  name = "by"
  type = "text"
  from_label = "ORGANISER"

  [[fields.fields]]
  name = "kind"
  type = "choice"
  choices = ["peaceful", "violent"]

  [[fields.fields]]
  name = "side"
  type = "text"
"""
# Version 2: POLICE added, sit_in renamed occupation, arrests removed; in demands, peaceful
# renamed calm and side removed.
NEW = (
    OLD.replace('"sit_in"', '"occupation"')
    .replace('[[fields]]\nname = "arrests"\ntype = "integer"\n\n', "")
    .replace('"peaceful"', '"calm"')
    .replace('\n  [[fields.fields]]\n  name = "side"\n  type = "text"\n', "")
    + '\n[[labels]]\nname = "POLICE"\nkey = "5"\ncolor = "#76b7b2"\n'
)


def span(span_id: str, word: str, label: str) -> dict[str, Any]:
    start = TEXT.index(word)
    return {"id": span_id, "start": start, "end": start + len(word), "label": label, "text": word}


def record(
    doc_id: str, form: dict[str, Any], *spans: dict[str, Any], **more: Any
) -> dict[str, Any]:
    return alices(doc_id, TEXT, *spans, form=form, **more)


def alices(doc_id: str, text: str, *spans: dict[str, Any], **more: Any) -> dict[str, Any]:
    return agreement_record("alice", doc_id, spans=list(spans), text=text, **more)


UNION = span("s1", "Tenants Union", "ORGANISER")
POLICE = span("s2", "police", "POLICE")


def journal_of(folder: Path) -> Path:
    """Three documents' latest records, d1 and d2 holding what the new scheme does not know
    (line 1 is d1's history, made before the scheme changed)."""
    return write_journal(
        folder / "alice.jsonl",
        record("d1", {"protest_type": "march", "arrests": 1}, UNION, status="in_progress"),
        record(
            "d1",
            {"protest_type": "march", "arrests": 2, "demands": [{"by": "Tenants Union"}]},
            UNION,
            POLICE,
            links={"demands[0].by": ["s1", "s2"], "arrests": ["s2"]},
        ),
        record(
            "d2",
            {
                "protest_type": "sit_in",
                "arrests": 14,
                "demands": [{"kind": "peaceful", "side": "x"}],
            },
        ),
        record("d3", {"protest_type": "strike"}, UNION),
    )


def scheme_file(folder: Path, text: str, name: str) -> Scheme:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_scheme(path)


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, Path, Scheme, Scheme]:
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT, "d3": TEXT})
    old = scheme_file(tmp_path, OLD, "protest.toml")
    new = scheme_file(tmp_path, NEW, "protest2.toml")
    return journal_of(tmp_path), corpus, old, new


WAYS = (
    "the scheme they were made with (--scheme FILE), if one knows all of it; no --scheme "
    "(exported as they are, unchecked, unless they hold only the default scheme's labels and "
    "fields: then checked against it); --leave-out-unknown (exported without them, each said)"
)


def test_the_refusal_names_every_kept_part_counted_and_the_ways_forward(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeptFromAnotherScheme) as raised:
        export_records(journal, "jsonl", out, corpus=corpus, scheme=new)
    assert str(raised.value) == (
        f"{journal}: the records to export hold what scheme {new.chosen_file} does not know "
        "(made under another scheme, kept as they are): field 'arrests' (2 records, first line "
        "2); field 'demands[].side' (1 record, line 3); value 'sit_in' of protest_type (1 "
        "record, line 3); value 'peaceful' of demands[].kind (1 record, line 3); nothing was "
        f"exported. Ways forward: {WAYS}. "
        f"annotator validate --scheme {new.source} {journal} lists every line"
    )
    assert not out.exists()


def test_with_the_old_scheme_the_label_added_since_is_named(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, old, _new = case
    with pytest.raises(KeptFromAnotherScheme) as raised:
        export_records(journal, "conll", tmp_path / "o.conll", corpus=corpus, scheme=old)
    assert "kept as they are): label 'POLICE' (1 span in 1 record, line 2); nothing" in str(
        raised.value
    )


def test_leaving_out_exports_the_rest_and_says_each_part(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    before = journal.read_bytes()
    out = tmp_path / "out.jsonl"
    said: list[str] = []
    result = export_records(
        journal, "jsonl", out, corpus=corpus, scheme=new, on_warning=said.append,
        leave_out_unknown=True,
    )  # fmt: skip
    kept = f"not in scheme {new.chosen_file} (--leave-out-unknown)"
    assert said == [
        f"{journal}: left out field 'arrests' (2 records, first line 2), {kept}",
        f"{journal}: left out field 'demands[].side' (1 record, line 3), {kept}",
        f"{journal}: left out value 'sit_in' of protest_type (1 record, line 3), {kept}; "
        "protest_type is required: 1 done record(s) left without it are not exported",
        f"{journal}: left out value 'peaceful' of demands[].kind (1 record, line 3), {kept}",
        # d2 is done: without sit_in it would fail the scheme it is exported under.
        f"{journal}: left out 1 done record(s) that --leave-out-unknown leaves without a "
        f"required field: d2 (line 3: protest_type); to export each, give it a value scheme "
        f"{new.chosen_file} takes: its annotator chooses one in annotate with --scheme "
        f"{new.chosen_file} (the field shows empty till then, the value kept)",
    ]
    assert result.documents == 2
    rows = {row["doc_id"]: row for row in map(orjson.loads, out.read_bytes().splitlines())}
    assert list(rows) == ["d1", "d3"]
    assert rows["d1"]["form"] == {"protest_type": "march", "demands": [{"by": "Tenants Union"}]}
    # The field's own link goes with it; the POLICE span, known here, stays with its link.
    assert rows["d1"]["links"] == {"demands[0].by": ["s1", "s2"]}
    assert [span["label"] for span in rows["d1"]["spans"]] == ["ORGANISER", "POLICE"]
    assert rows["d3"]["form"] == {"protest_type": "strike"}
    assert journal.read_bytes() == before  # the journal keeps all of it


def test_leaving_out_a_label_takes_the_links_to_its_spans_and_says_them(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, old, _new = case
    out = tmp_path / "out.jsonl"
    said: list[str] = []
    export_records(
        journal, "jsonl", out, corpus=corpus, scheme=old, on_warning=said.append,
        leave_out_unknown=True,
    )  # fmt: skip
    assert said == [
        f"{journal}: left out label 'POLICE' (1 span in 1 record, line 2), not in scheme "
        f"{old.chosen_file} (--leave-out-unknown); with the 2 link(s) of form fields to those "
        "spans"
    ]
    d1 = orjson.loads(out.read_bytes().splitlines()[0])
    assert d1["spans"] == [{**UNION, "value": None}]
    # demands[0].by keeps its link to the union; arrests, linked to the police span only,
    # has no link left.
    assert d1["links"] == {"demands[0].by": ["s1"]}
    assert d1["form"]["arrests"] == 2


def test_another_problem_is_said_with_what_earlier_records_hold(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    """A record holding nothing the scheme lacks, after records that do: its own problem is
    said with the refusal, which names what they hold. Said alone at its line, a curator's
    export under another scheme read "form.event_type: required when status is done", the
    labels the scheme lacked (171 spans) unnamed. Leaving those out, it is its line's."""
    journal, corpus, _old, new = case
    lines = journal.read_bytes().splitlines(keepends=True)
    d3 = orjson.loads(lines[3])
    d3["form"]["protest_type"] = None  # a done record without its required field
    journal.write_bytes(b"".join(lines[:3]) + orjson.dumps(d3) + b"\n")
    with pytest.raises(KeptFromAnotherScheme) as kept:
        export_records(journal, "jsonl", tmp_path / "o.jsonl", corpus=corpus, scheme=new)
    said = str(kept.value)
    assert said.startswith(f"{journal}: the records to export hold what scheme ")
    assert (
        "; the records have other problems too, line 4: form.protest_type: required when "
        "status is done; nothing was exported."
    ) in said
    with pytest.raises(AnnotatorError) as raised:
        export_records(
            journal, "jsonl", tmp_path / "o.jsonl", corpus=corpus, scheme=new,
            leave_out_unknown=True,
        )  # fmt: skip
    assert not isinstance(raised.value, KeptFromAnotherScheme)
    assert str(raised.value) == f"{journal}:4: form.protest_type: required when status is done"


def test_other_problems_of_records_holding_such_parts_are_said_with_them(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    # A field renamed: the old one kept, the new one, required, empty in a done record.
    journal, corpus, _old, new = case
    lines = journal.read_bytes().splitlines(keepends=True)
    d3 = orjson.loads(lines[3])
    d3["form"] = {"kind_of_protest": "strike"}
    journal.write_bytes(b"".join(lines[:3]) + orjson.dumps(d3) + b"\n")
    with pytest.raises(KeptFromAnotherScheme) as raised:
        export_records(journal, "jsonl", tmp_path / "o.jsonl", corpus=corpus, scheme=new)
    assert (
        "field 'kind_of_protest' (1 record, line 4); the records have other problems too, "
        "line 4: form.protest_type: required when status is done; nothing was exported."
    ) in str(raised.value)
    # Left out, the record lacks what the scheme requires: refused at its line.
    with pytest.raises(AnnotatorError, match=r":4: form\.protest_type: required when status"):
        export_records(
            journal, "jsonl", tmp_path / "o.jsonl", corpus=corpus, scheme=new,
            leave_out_unknown=True,
        )  # fmt: skip


def test_records_the_scheme_knows_whole_export_as_ever(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    write_journal(journal, record("d3", {"protest_type": "occupation"}, UNION, POLICE))
    out = tmp_path / "out.jsonl"
    said: list[str] = []
    for leave_out in (False, True):
        export_records(
            journal, "jsonl", out, corpus=corpus, scheme=new, on_warning=said.append,
            leave_out_unknown=leave_out, force=True,  # the second replaces the first's records
        )  # fmt: skip
        spans = orjson.loads(out.read_bytes())["spans"]
        assert [span["id"] for span in spans] == ["s1", "s2"]
    assert not [line for line in said if "left out" in line]


def test_leaving_out_needs_a_scheme(case: tuple[Path, Path, Scheme, Scheme]) -> None:
    journal, corpus, _old, _new = case
    with pytest.raises(UsageError, match=r"^--leave-out-unknown: give the --scheme"):
        export_records(journal, "jsonl", None, corpus=corpus, leave_out_unknown=True)


def test_the_command_refuses_in_one_line_and_leaves_out_when_asked(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    out = tmp_path / "out.jsonl"
    args = ("export", journal, "--format", "jsonl", "-o", out, "--corpus", corpus)
    refused = run_cli(*args, "--scheme", str(new.source))
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1
    assert "field 'arrests' (2 records, first line 2)" in refused.stderr
    assert not out.exists()
    taken = run_cli(*args, "--scheme", str(new.source), "--leave-out-unknown")
    assert taken.returncode == 0, taken.stderr
    # d2, done, lacks its required protest_type without sit_in: left out, said, exit 0 as
    # for a record left out for its status.
    assert taken.stdout == f"exported 2 document(s) as jsonl to {out}\n"
    assert f"{journal}: left out field 'arrests' (2 records, first line 2)" in taken.stderr
    left_out = "leaves without a required field: d2 (line 3: protest_type); to export each"
    assert left_out in taken.stderr
    assert taken.stderr.endswith("5 warning(s): see above\n")
    # Without --scheme the records go out as they are, what the scheme lacks included (over
    # the records exported before: --force).
    plain = run_cli(*args, "--force")
    assert plain.returncode == 0, plain.stderr
    assert b'"arrests":2' in out.read_bytes()


def test_the_screen_names_the_command_line_and_words_the_refusal(
    case: tuple[Path, Path, Scheme, Scheme], tmp_path: Path
) -> None:
    journal, corpus, _old, new = case
    request = ExportRequest(
        journal, "jsonl", tmp_path / "o.jsonl", corpus, "alice", Path(str(new.source)),
        leave_out_unknown=True,
    )  # fmt: skip
    assert shlex.split(request.command_line())[-1] == "--leave-out-unknown"
    said: list[str] = []
    assert request.run(new, said.append).documents == 2  # d2, done, left without a value
    assert len(said) == 5
    with pytest.raises(KeptFromAnotherScheme) as raised:
        ExportRequest(**{**request.__dict__, "leave_out_unknown": False}).run(new, said.append)
    on_screen = raised.value.tally.refusal(journal, on_screen=True)
    assert f"Ways forward, from the command line: {WAYS}." in on_screen


def test_validate_names_the_value_a_choice_no_longer_takes(
    case: tuple[Path, Path, Scheme, Scheme],
) -> None:
    journal, corpus, _old, new = case
    result = run_cli("validate", journal, "--corpus", corpus, "--scheme", str(new.source))
    assert result.returncode == 1
    # Each line goes on with the way forward (validate_history.forward_words).
    lines = result.stdout.splitlines()
    assert any(
        one.startswith(
            f"{journal}:3: form.protest_type: 'sit_in' is not one of its choices ('march', "
            "'strike', 'occupation' or 'other'): "
        )
        for one in lines
    )
    assert any(
        one.startswith(
            f"{journal}:3: form.demands.0.kind: 'peaceful' is not one of its choices ('calm' or "
            "'violent'): "
        )
        for one in lines
    )


def test_the_export_screen_says_the_refusal_in_its_own_words(tmp_path: Path) -> None:
    text = "Kyiv freed 5 people.\n"
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    place = {"id": "s1", "start": 0, "end": 4, "label": "location", "text": "Kyiv"}
    write_journal(journal, alices("d", text, place, form={"event_type": "exchange"}, status="done"))
    opened = session_on(tmp_path, text)
    try:
        out = tmp_path / "o.jsonl"
        request = ExportRequest(
            journal, "jsonl", out, opened.corpus.path, "alice", opened.scheme_path
        )
        error = export_now(request, opened).error or ""
        assert error.startswith(f"{journal}: the records to export hold what scheme ")
        assert "label 'location' (1 span in 1 record, line 1)" in error
        assert f"Ways forward, from the command line: {WAYS}." in error
        assert not out.exists()
    finally:
        opened.close()
