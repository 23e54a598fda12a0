"""journal_summary: where the work is saved and how the corpus stands, in the words annotate
prints after its screen closes and the welcome opens with."""

from __future__ import annotations

from pathlib import Path

from annotator.core.journal_summary import saved_summary, shown_path, welcome_words
from annotator.core.session_progress import DocStatus


class Statuses:
    """A session as the summary reads it: its documents' statuses."""

    def __init__(self, statuses: list[DocStatus]) -> None:
        self.statuses = {f"d{n}": status for n, status in enumerate(statuses)}

    @property
    def ids(self) -> list[str]:
        return list(self.statuses)

    def status_of(self, doc_id: str) -> DocStatus:
        return self.statuses[doc_id]


def test_the_journal_is_named_from_the_working_directory(tmp_path: Path) -> None:
    journal = tmp_path / "annotations" / "root.jsonl"
    assert shown_path(journal, tmp_path) == "annotations/root.jsonl"
    assert shown_path(journal, tmp_path / "elsewhere") == str(journal.resolve())


def test_the_summary_counts_each_status_held_in_order(tmp_path: Path) -> None:
    statuses: list[DocStatus] = ["done"] * 12 + ["in_progress", "skipped"]
    journal = tmp_path / "annotations" / "root.jsonl"
    assert saved_summary(Statuses(statuses), journal, tmp_path) == (
        "saved to annotations/root.jsonl (14 documents: 12 done, 1 skipped, 1 in progress)"
    )
    statuses = ["new", "stale", "done"]
    assert saved_summary(Statuses(statuses), journal, tmp_path) == (
        "saved to annotations/root.jsonl (3 documents: 1 done, 1 stale, 1 new)"
    )


def test_records_stale_since_their_texts_changed_on_disk_are_named(tmp_path: Path) -> None:
    journal = tmp_path / "annotations" / "root.jsonl"
    statuses: list[DocStatus] = ["stale", "stale", "done"]
    assert saved_summary(Statuses(statuses), journal, tmp_path, ["d0"]) == (
        "saved to annotations/root.jsonl (3 documents: 1 done, 2 stale; "
        "stale since its text changed on disk: d0)"
    )
    assert saved_summary(Statuses(statuses), journal, tmp_path, ["d0", "d1"]) == (
        "saved to annotations/root.jsonl (3 documents: 1 done, 2 stale; "
        "2 stale since their texts changed on disk, first: d0)"
    )


def test_nothing_annotated_says_where_it_will_be(tmp_path: Path) -> None:
    journal = tmp_path / "annotations" / "root.jsonl"
    assert saved_summary(Statuses(["new"]), journal, tmp_path) == (
        "nothing annotated yet (1 document); your work will be saved to annotations/root.jsonl"
    )
    # A journal whose changes were all undone is there: the work is in it.
    journal.parent.mkdir()
    journal.write_bytes(b"")
    assert saved_summary(Statuses(["new"]), journal, tmp_path) == (
        "nothing annotated yet (1 document); your work is saved to annotations/root.jsonl"
    )


def test_the_welcome_names_the_annotator_and_the_journal(tmp_path: Path) -> None:
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    assert welcome_words("alice", journal, tmp_path) == (
        "Annotating as alice; each change is saved to out/annotations/alice.jsonl."
    )
