"""Typing a field refuses, shown at a hangup, is said at the next start (``rescue_typing``).

A trial typed ``twelvex`` in a release's date and closed the terminal: the journal's release
had no date, no rescue file was written, and the next start said nothing (a quit in the same
state asks first). Nothing typed is dropped unsaid.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.store import Store

SHOWN = "releases #1 date shows 'twelvex'"


def test_typing_refused_at_a_hangup_is_said_once_by_the_next_opening(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "annotations" / "eve.jsonl"
    store = Store(journal, "eve")
    note = store.keep_refused_typing([SHOWN])
    assert store.close()
    assert note is not None and note.parent == home and list(home.iterdir()) == [note]
    kept = orjson.loads(note.read_bytes())
    assert kept["shown"] == [SHOWN] and kept["journal"] == str(journal)

    again = Store(journal, "eve")
    again.close()
    assert again.messages == [
        f"{journal}: at the hang-up ({kept['at']}), releases #1 date showed 'twelvex', which it "
        "refuses: not saved; type it again"
    ]
    assert list(home.iterdir()) == [note.with_name(note.name + ".said")]
    third = Store(journal, "eve")
    third.close()
    assert third.messages == []


def test_nothing_shown_writes_no_note_and_another_journal_s_note_is_not_said(
    tmp_path: Path, home: Path
) -> None:
    store = Store(tmp_path / "a" / "eve.jsonl", "eve")
    assert store.keep_refused_typing([]) is None
    assert store.keep_refused_typing([SHOWN]) is not None
    store.close()
    other = Store(tmp_path / "b" / "eve.jsonl", "eve")  # same name, another folder
    other.close()
    assert other.messages == []
