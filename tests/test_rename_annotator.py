"""``rename_annotator``: one annotator's records in a journal given another name, the rest of
the file as it was, crash-safely. A reviewer's trial found agree, diff, merge and review
telling two people sharing a name to be renamed, with nothing in the project to rename them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

import annotator.core.rename_annotator as rename_module
from annotator.core.errors import AnnotatorError, LockedError, UsageError
from annotator.core.journal import read_journal
from annotator.core.lock import JournalLock
from annotator.core.rename_annotator import rename_annotator
from tests.conftest import make_record


def line(annotator: str, doc_id: str = "a", **changes: Any) -> bytes:
    return orjson.dumps(make_record(annotator=annotator, doc_id=doc_id, **changes))


def renamed_line(annotator: str, new: str, doc_id: str = "a", **changes: Any) -> bytes:
    return line(annotator, doc_id, **changes).replace(
        f'"annotator":"{annotator}"'.encode(), f'"annotator":"{new}"'.encode()
    )


# Another annotator's line as a hand or another program wrote it: spaces, a \u escape, a float
# written 2.50. Kept byte for byte, it must not come out as orjson would write it.
HAND_WRITTEN = (
    b'{ "schema_version": 1, "doc_id": "b", "doc_sha256": "'
    + make_record()["doc_sha256"].encode()
    + b'", "annotator": "bob", "status": "in_progress", "spans": [], '
    b'"note": "caf\\u00e9", "seconds_spent": 2.50 }'
)


def test_a_mixed_journal_renames_only_the_old_name_s_lines(tmp_path: Path) -> None:
    journal = tmp_path / "mixed.jsonl"
    before = b"\n".join(
        [line("ann1"), HAND_WRITTEN, line("ann1", "c", note="second"), line("carol", "d")]
    )
    journal.write_bytes(before + b"\n")
    out = tmp_path / "out.jsonl"

    result = rename_annotator(journal, "ann1", "ann1b", out)

    assert (
        out.read_bytes()
        == b"\n".join(
            [
                renamed_line("ann1", "ann1b"),
                HAND_WRITTEN,
                renamed_line("ann1", "ann1b", "c", note="second"),
                line("carol", "d"),
            ]
        )
        + b"\n"
    )
    assert (result.renamed, result.kept) == (2, {"bob": 1, "carol": 1})
    assert (result.in_place, result.replaced, result.notes) == (False, False, [])
    assert journal.read_bytes() == before + b"\n"  # the journal itself is left as it was
    contents = read_journal(out)
    assert contents.problems == [] and contents.torn is None
    assert [record.annotator for _line, record in contents.records] == [
        "ann1b",
        "bob",
        "ann1b",
        "carol",
    ]


def test_a_renamed_line_keeps_its_keys_in_their_order_and_its_values(tmp_path: Path) -> None:
    # Keys not in the model's order, a non-ASCII note, an escaped quote.
    original = {
        "annotator": "ann1",
        "note": 'said "é" twice',
        **make_record(annotator="ann1", seconds_spent=12.25, flagged=True),
    }
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(orjson.dumps(original) + b"\n")
    out = tmp_path / "out.jsonl"
    rename_annotator(journal, "ann1", "ann1b", out)
    written = orjson.loads(out.read_bytes())
    assert list(written) == list(original)
    assert written == {**original, "annotator": "ann1b"}


def test_every_line_of_the_old_name_is_renamed_earlier_ones_too(tmp_path: Path) -> None:
    """A session never gives a span id again that its earlier lines held: those lines must
    stay the annotator's, under the new name."""
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n" + line("ann1", status="done") + b"\n")
    out = tmp_path / "out.jsonl"
    assert rename_annotator(journal, "ann1", "ann1b", out).renamed == 2
    assert {r.annotator for _n, r in read_journal(out).records} == {"ann1b"}


def test_bom_crlf_blank_lines_and_a_last_line_without_newline_are_kept(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(
        b"\xef\xbb\xbf"
        + line("ann1")
        + b"\r\n"
        + b"\r\n"
        + line("bob", "b")
        + b"\r\n"
        + line("ann1", "c")  # complete, its newline never written
    )
    out = tmp_path / "out.jsonl"
    rename_annotator(journal, "ann1", "x", out)
    assert out.read_bytes() == (
        b"\xef\xbb\xbf"
        + renamed_line("ann1", "x")
        + b"\r\n"
        + b"\r\n"
        + line("bob", "b")
        + b"\r\n"
        + renamed_line("ann1", "x", "c")
    )


def test_a_torn_last_line_is_left_out_of_another_file_and_said(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    before = line("ann1") + b"\n" + line("bob", "b") + b"\n" + line("ann1", "c")[:40]
    journal.write_bytes(before)
    out = tmp_path / "out.jsonl"
    result = rename_annotator(journal, "ann1", "ann1b", out)
    assert out.read_bytes() == renamed_line("ann1", "ann1b") + b"\n" + line("bob", "b") + b"\n"
    assert result.notes == [
        f"{journal}:3: incomplete last line (an interrupted write) left out of {out} "
        "(the journal keeps it)"
    ]
    assert journal.read_bytes() == before
    assert result.renamed == 1


def test_a_torn_last_line_is_set_aside_before_a_rewrite_in_place(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    torn = line("ann1", "c")[:40]
    journal.write_bytes(line("ann1") + b"\n" + torn)
    result = rename_annotator(journal, "ann1", "ann1b", journal, force=True)
    assert journal.read_bytes() == renamed_line("ann1", "ann1b") + b"\n"
    [aside] = tmp_path.glob("j.jsonl.torn-*")
    assert aside.read_bytes() == torn
    assert result.notes == [
        f"{journal}:2: incomplete last line (an interrupted write) was moved to {aside}; "
        "every complete line is kept"
    ]
    assert (result.in_place, result.replaced) == (True, True)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["j.jsonl", aside.name]


def test_a_failed_rewrite_in_place_leaves_the_journal_and_says_where_the_torn_line_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n" + b'{"schema')

    def fail(path: Path, data: bytes) -> None:
        raise AnnotatorError(f"{path}: cannot write: No space left on device")

    monkeypatch.setattr(rename_module, "write_atomic", fail)
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann1b", journal, force=True)
    [aside] = tmp_path.glob("j.jsonl.torn-*")
    assert str(caught.value) == (
        f"{journal}: cannot write: No space left on device; its incomplete last line is in {aside}"
    )
    assert journal.read_bytes() == line("ann1") + b"\n"  # every complete line as it was
    assert aside.read_bytes() == b'{"schema'


def test_a_new_name_that_already_has_records_is_refused(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n" + line("ann2", "b") + b"\n" + line("ann2") + b"\n")
    out = tmp_path / "out.jsonl"
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann2", out)
    assert str(caught.value) == (
        f"{journal}: 'ann2' already has records here (2 line(s)): renaming 'ann1' to it would "
        "make two people's work one; choose another name"
    )
    assert not out.exists()


def test_an_old_name_without_records_is_refused_naming_who_has_them(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("bob") + b"\n" + line("alice", "b") + b"\n" + line("bob", "c") + b"\n")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann1b", tmp_path / "out.jsonl")
    assert str(caught.value) == (
        f"{journal}: no records of 'ann1'; its records are of 'alice' (1 line(s)), "
        "'bob' (2 line(s))"
    )
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(empty, "ann1", "ann1b", tmp_path / "out.jsonl")
    assert str(caught.value) == f"{empty}: no records of 'ann1': the file holds no records"
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("new", ["ann 1", "-x", "", "ann/1", ".hidden"])
def test_a_new_name_annotate_would_not_take_is_a_usage_error(tmp_path: Path, new: str) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    with pytest.raises(UsageError) as caught:
        rename_annotator(journal, "ann1", new, tmp_path / "out.jsonl")
    assert str(caught.value) == (
        f"--to {new!r}: use letters, digits, '.', '_', '-' or '@', beginning with a letter or "
        "digit (as annotate takes it: it names the journal file)"
    )
    assert sorted(tmp_path.iterdir()) == [journal]


def test_an_old_name_annotate_would_not_take_can_be_mended(tmp_path: Path) -> None:
    """A name written by hand ("Jane Doe") is one the records bear: renaming mends it."""
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("Jane Doe") + b"\n")
    out = tmp_path / "out.jsonl"
    assert rename_annotator(journal, "Jane Doe", "jane", out).renamed == 1
    assert out.read_bytes() == renamed_line("Jane Doe", "jane") + b"\n"


def test_the_same_name_twice_is_a_usage_error(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    with pytest.raises(UsageError, match="--from and --to are both 'ann1': nothing to rename"):
        rename_annotator(journal, "ann1", "ann1", tmp_path / "out.jsonl")


def test_a_damaged_line_is_one_line_naming_file_line_and_field(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    bad = make_record(annotator="ann1", doc_id="b", spans=[{"id": "s1"}])
    journal.write_bytes(
        line("ann1") + b"\n" + orjson.dumps(bad) + b"\n" + b"{not json\n" + line("ann1", "c")
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann1b", out)
    assert str(caught.value) == (
        f"{journal}:2: spans.0.start: required field is missing (and 3 more on this line) "
        f"(1 more line(s) damaged; run `annotator validate {journal}`)"
    )
    assert not out.exists()


def test_a_corpus_given_for_the_journal_is_said_as_validate_says_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"id": "a", "text": "Hi."}\n{"id": "b", "text": "Yo."}\n')
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(corpus, "ann1", "ann1b", tmp_path / "out.jsonl")
    assert str(caught.value) == (
        f"{corpus}:1: this looks like a corpus file of documents (id, text), not a journal; "
        f"did you mean --corpus {corpus}?"
    )


def test_a_gold_file_is_refused(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    record = make_record(annotator="rev", sources={"annotators": ["ann1", "ann2"]})
    gold.write_bytes(line("ann1") + b"\n" + orjson.dumps(record) + b"\n")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(gold, "rev", "reviewer", tmp_path / "out.jsonl")
    assert str(caught.value) == (
        f"{gold}:2: sources: a gold record; rename takes an annotator's journal (a gold file "
        "names the annotators it compares in its sources too)"
    )


def test_a_missing_journal_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match=r"nope\.jsonl: no such file$"):
        rename_annotator(tmp_path / "nope.jsonl", "a", "b", tmp_path / "out.jsonl")
    (tmp_path / "folder").mkdir()
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(tmp_path / "folder", "a", "b", tmp_path / "out.jsonl")
    assert (
        str(caught.value) == f"{tmp_path / 'folder'}: is a folder; rename reads a journal, a file"
    )


def test_an_existing_output_is_replaced_only_with_force(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"mine\n")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann1b", out)
    said = str(caught.value)  # what it holds, as export says it
    assert said.startswith(f"{out}: none of its lines could be read (line 1: invalid JSON")
    assert said.endswith(
        ": choose another name, or pass --force to replace the file (nothing was written)"
    )
    assert out.read_bytes() == b"mine\n"
    result = rename_annotator(journal, "ann1", "ann1b", out, force=True)
    assert (result.replaced, result.in_place) == (True, False)
    assert out.read_bytes() == renamed_line("ann1", "ann1b") + b"\n"
    # What it held is kept beside it, and said.
    (aside,) = tmp_path.glob("out.jsonl.replaced-*")
    assert aside.read_bytes() == b"mine\n"
    (note,) = result.notes
    assert note.startswith(f"{out}: none of its lines could be read") and note.endswith(
        f": kept as it was at {aside}"
    )


def test_an_empty_output_is_said_to_exist_and_replaced_unkept(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann1b", out)
    assert str(caught.value) == f"{out}: already exists; choose another name or pass --force"
    result = rename_annotator(journal, "ann1", "ann1b", out, force=True)
    assert result.notes == [] and not list(tmp_path.glob("out.jsonl.replaced-*"))


def test_another_annotator_s_journal_is_said_and_kept_when_replaced(tmp_path: Path) -> None:
    """A trial's ``rename j.jsonl --from root --to bob -o annotations/alice.jsonl --force``
    replaced alice's journal with bob's records, nothing kept, after a refusal that said only
    "already exists"."""
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("root") + b"\n")
    folder = tmp_path / "annotations"
    folder.mkdir()
    alice = folder / "alice.jsonl"
    alice.write_bytes(line("alice") + b"\n" + line("alice", "b") + b"\n")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "root", "bob", alice)
    assert str(caught.value).startswith(f"{alice}: its first line is a record of annotator ")
    # Even with --force: bob's records are not written into the journal annotate opens for alice.
    for force in (False, True):
        with pytest.raises(AnnotatorError) as caught:
            rename_annotator(journal, "root", "alice2", alice, force=force)
        if force:
            assert str(caught.value) == (
                f"{alice}: annotate opens it as alice's journal, but the renamed records are "
                f"alice2's; nothing written: write them to {folder / 'alice2.jsonl'}, or "
                "another file"
            )
    assert alice.read_bytes() == line("alice") + b"\n" + line("alice", "b") + b"\n"
    assert not list(folder.glob("alice.jsonl.replaced-*"))
    # Written as alice's own (renamed to alice): taken, the file before kept beside it.
    result = rename_annotator(journal, "root", "alice", alice, force=True)
    (aside,) = folder.glob("alice.jsonl.replaced-*")
    assert aside.read_bytes() == line("alice") + b"\n" + line("alice", "b") + b"\n"
    assert result.notes[-1].endswith(f": kept as it was at {aside}")


def test_in_place_only_with_force_by_any_name(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(journal)
    for out in (journal, tmp_path / "." / "j.jsonl", link):
        with pytest.raises(AnnotatorError) as caught:
            rename_annotator(journal, "ann1", "ann1b", out)
        assert str(caught.value) == (
            f"{out}: is the journal itself ({journal}); pass --force to rewrite it in place, or "
            "write the renamed journal to another file"
        )
    assert journal.read_bytes() == line("ann1") + b"\n"
    result = rename_annotator(journal, "ann1", "ann1b", link, force=True)
    assert result.in_place
    assert link.is_symlink()  # written through, as every crash-safe write is
    assert journal.read_bytes() == renamed_line("ann1", "ann1b") + b"\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["j.jsonl", "link.jsonl"]


def test_an_output_a_session_holds_is_refused(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    lock = JournalLock(journal)
    lock.acquire()  # as a running annotate holds its journal
    try:
        with pytest.raises(LockedError, match="another annotator process is writing it"):
            rename_annotator(journal, "ann1", "ann1b", journal, force=True)
    finally:
        lock.release()
    assert journal.read_bytes() == line("ann1") + b"\n"


def test_a_folder_for_the_output_is_refused_and_missing_folders_are_made(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("ann1") + b"\n")
    with pytest.raises(AnnotatorError) as caught:
        rename_annotator(journal, "ann1", "ann1b", tmp_path, force=True)
    assert str(caught.value) == f"{tmp_path}: is a folder; -o takes the journal to write"
    out = tmp_path / "new" / "annotations" / "ann1b.jsonl"
    result = rename_annotator(journal, "ann1", "ann1b", out)
    assert result.made_folders == [out.parent]
    assert out.read_bytes() == renamed_line("ann1", "ann1b") + b"\n"


def test_a_new_name_alike_to_another_in_case_is_taken_and_said(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(line("root") + b"\n" + line("cur", "b") + b"\n")
    out = tmp_path / "out.jsonl"
    result = rename_annotator(journal, "root", "Cur", out)
    assert result.notes == [
        f"{journal}: 'Cur' differs only in case or spaces from 'cur', whose records the journal "
        "also holds: agree, diff and merge compare them as two annotators"
    ]
    assert result.renamed == 1
    assert rename_annotator(journal, "root", "carl", tmp_path / "o2.jsonl").notes == []
