"""annotate on a journal whose scheme changed mid-project (a user trial: a label removed, a choice
renamed, then a field made required). The start counts every record holding a label, field or
choice value the scheme lacks, names the first few and asks for the journal's scheme only when
half of them or more do; it names the done records lacking a required field; the document list's
entries mark both; the exit says both again of the journal as it is then."""

from __future__ import annotations

from pathlib import Path

from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now, write_texts

# v1: the journal's scheme. v2 removes the label mediator (mediated_by is typed now) and renames
# the choice one_way_release; v3 makes the new field location required.
V1 = """\
name = "releases"
version = 1

[[labels]]
name = "party"
key = "1"
color = "#1f77b4"

[[labels]]
name = "mediator"
key = "5"
color = "#9467bd"

[[fields]]
name = "outcome"
type = "choice"
required = true
choices = ["swap", "one_way_release", "talks_only"]

[[fields]]
name = "mediated_by"
type = "text"
from_label = "mediator"
"""
V2 = (
    V1.replace("version = 1", "version = 2")
    .replace('[[labels]]\nname = "mediator"\nkey = "5"\ncolor = "#9467bd"\n\n', "")
    .replace('from_label = "mediator"\n', "")
    .replace('"one_way_release"', '"unilateral"')
)
V3 = V2 + '\n[[fields]]\nname = "location"\ntype = "text"\nrequired = true\n'
JOURNAL = Path("out/annotations/alice.jsonl")


def schemes(tmp_path: Path) -> dict[str, Path]:
    written = {}
    for name, text in (("v1", V1), ("v2", V2), ("v3", V3)):
        written[name] = tmp_path / f"{name}.toml"
        written[name].write_text(text, encoding="utf-8")
    return written


def annotated_under_v1(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    """alice's journal under v1, every document done: a holds a mediator span (linked from
    mediated_by), b the choice one_way_release, c neither. The corpus and the schemes."""
    corpus, written = write_texts(tmp_path), schemes(tmp_path)
    session = open_session(corpus, "alice", written["v1"], tmp_path / "out", now=fixed_now)
    try:
        session.open("a")  # "date 2025-08-24 Russia and Ukraine swapped 146 prisoners ..."
        session.label_selection(16, 22, "party")
        mediator = session.label_selection(27, 34, "mediator")
        session.fill_from_span("mediated_by", mediator.id)
        session.set_field("outcome", "swap")
        session.mark_done()
        session.open("b")  # "date 2024-03-17 Norvania freed 12 fishermen."
        session.label_selection(16, 24, "party")
        session.set_field("outcome", "one_way_release")
        session.mark_done()
        session.open("c")  # "Kestria said talks would continue."
        session.label_selection(0, 7, "party")
        session.set_field("outcome", "talks_only")
        session.mark_done()
    finally:
        assert session.close()
    return corpus, written


def reopened(tmp_path: Path, corpus: Path, scheme: Path | None) -> AnnotationSession:
    return open_session(corpus, "alice", scheme, tmp_path / "out", now=fixed_now)


def said(session: AnnotationSession, lines: list[str]) -> list[str]:
    out = str(session.journal.parent.parent)
    return [line.replace(out, "out") for line in lines]


def test_a_choice_renamed_counts_as_a_label_removed_does(tmp_path: Path) -> None:
    """The trial's alice: told "2 of its 4" where 3 held what v2 lacks (a renamed choice was
    not counted). Here 2 of 3: a's mediator span, b's one_way_release."""
    corpus, written = annotated_under_v1(tmp_path)
    session = reopened(tmp_path, corpus, written["v2"])
    try:
        assert said(session, session.messages) == [
            f"{JOURNAL}: 2 of its 3 records (a, b; l marks them) hold labels, fields or choice "
            f"values not in the scheme given, {written['v2']}: was this journal made with "
            "another scheme? to go on in that one, quit with q and start again with --scheme "
            "FILE; else opening one says what it holds",
            # b's renamed choice answers the required outcome no more.
            f"{JOURNAL}: 1 of its 3 done records (b; l marks it) needs outcome, which the "
            "scheme requires",
        ]
        marked = [(entry.doc_id, entry.not_in_scheme) for entry in session.entries()]
        assert marked == [("a", True), ("b", True), ("c", False)]
    finally:
        session.close()


def test_fewer_than_half_are_said_by_count_without_asking_for_a_scheme(tmp_path: Path) -> None:
    """One record of three holding what the scheme lacks: said, counted and named, as a
    scheme changed on purpose leaves it; the journal is not taken for another scheme's."""
    corpus, written = annotated_under_v1(tmp_path)
    session = reopened(tmp_path, corpus, written["v1"])
    try:
        session.open("b")
        session.set_field("outcome", "swap")  # b is clean now: a's mediator is left under v2
    finally:
        assert session.close()
    session = reopened(tmp_path, corpus, written["v2"])
    try:
        assert said(session, session.messages) == [
            f"{JOURNAL}: 1 of its 3 records (a; l marks it) holds labels, fields or choice "
            f"values not in the scheme given, {written['v2']}: kept as they are; opening it "
            "says what it holds"
        ]
        assert said(session, session.scheme_notices(at_exit=True)) == [
            f"{JOURNAL}: 1 of its 3 records (a; annotate's l marks it) holds labels, fields or "
            f"choice values not in the scheme given, {written['v2']}: kept as they are; "
            f"annotator validate --scheme {written['v2']} {JOURNAL} lists them"
        ]
    finally:
        session.close()


def test_the_exit_says_the_records_as_they_are_then(tmp_path: Path) -> None:
    """bob's trial: every mediator span deleted under v2, the exit still asked for the old
    scheme. Said of the records at exit: less once one is set right, nothing once none is left."""
    corpus, written = annotated_under_v1(tmp_path)
    session = reopened(tmp_path, corpus, written["v2"])
    try:
        assert len(session.messages) == 2  # what a and b hold; b's outcome needed
        session.open("a")
        [mediator] = [span for span in session.record.spans if span.label == "mediator"]
        session.delete(mediator.id)
        assert said(session, session.scheme_notices(at_exit=True)) == [
            f"{JOURNAL}: 1 of its 3 records (b; annotate's l marks it) holds labels, fields or "
            f"choice values not in the scheme given, {written['v2']}: kept as they are; "
            f"annotator validate --scheme {written['v2']} {JOURNAL} lists them",
            f"{JOURNAL}: 1 of its 3 done records (b; annotate's l marks it) needs outcome, "
            "which the scheme requires",
        ]
        session.open("b")
        session.set_field("outcome", "unilateral")
        assert session.scheme_notices(at_exit=True) == []
        assert [entry.not_in_scheme for entry in session.entries()] == [False, False, False]
    finally:
        session.close()


def test_done_records_lacking_a_field_made_required_are_named(tmp_path: Path) -> None:
    """The trial's v3: ``done 4/4``, four ``✓ done`` in the list, nothing said at start, and
    three of the four records lacked location. b's outcome, a value v3 no longer allows, is
    no answer to the required field either."""
    corpus, written = annotated_under_v1(tmp_path)
    session = reopened(tmp_path, corpus, written["v2"])
    try:
        session.open("a")
        session.delete(next(s.id for s in session.record.spans if s.label == "mediator"))
    finally:
        assert session.close()
    session = reopened(tmp_path, corpus, written["v3"])
    try:
        assert said(session, session.messages) == [
            f"{JOURNAL}: 1 of its 3 records (b; l marks it) holds labels, fields or choice "
            f"values not in the scheme given, {written['v3']}: kept as they are; opening it "
            "says what it holds",
            # Each field counted: b alone needs outcome (all three were said to).
            f"{JOURNAL}: all 3 of its done records (a, b, c; l marks them) need fields the "
            "scheme requires: location in all 3, outcome in 1 (b)",
        ]
        assert [(entry.status, entry.needs) for entry in session.entries()] == [
            ("done", ("location",)),
            ("done", ("outcome", "location")),
            ("done", ("location",)),
        ]
        assert session.progress() == (3, 3)  # still done: the next change puts one back
        session.open("a")
        session.set_field("location", "Kherson")
        assert said(session, session.scheme_notices(at_exit=True))[1] == (
            f"{JOURNAL}: 2 of its 3 done records (b, c; annotate's l marks them) need fields "
            "the scheme requires: location in both, outcome in 1 (b)"
        )
        assert session.entries()[0].needs == ()
    finally:
        session.close()


def test_records_not_done_are_not_named_as_needing(tmp_path: Path) -> None:
    corpus, written = annotated_under_v1(tmp_path)
    session = reopened(tmp_path, corpus, written["v1"])
    try:
        session.open("c")
        session.set_field("outcome", None)  # a required field emptied: c is in progress
        assert session.record.status == "in_progress"
    finally:
        assert session.close()
    session = reopened(tmp_path, corpus, written["v3"])
    try:
        needing = [line for line in said(session, session.messages) if "need" in line]
        assert needing == [
            f"{JOURNAL}: all 2 of its done records (a, b; l marks them) need fields the scheme "
            "requires: location in both, outcome in 1 (b)"
        ]
        assert [entry.needs for entry in session.entries()][2] == ()
    finally:
        session.close()
