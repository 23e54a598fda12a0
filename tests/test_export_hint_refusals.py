"""The line under the export screen's output says, as it is typed, the refusal the export would
stop with: the same line, from the export's own checks. A curator typed an output inside the
corpus folder and read "one new file"; only Export said it was refused."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import export_request
from annotator.core.export_request import REFUSED_MARK, ExportRequest, export_now, output_hint
from annotator.core.formats import export
from annotator.core.session import AnnotationSession
from tests.test_session_data import session_on

RECORD = b'{"doc_id": "d", "annotator": "bo", "status": "done", "spans": []}\n'


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    """alice's session with d done, so that an export gets as far as writing."""
    opened = session_on(tmp_path, "Kyiv freed 5 people.\n")
    opened.open("d")
    opened.label_selection(0, 4, "actor")
    opened.set_field("event_type", "exchange")
    opened.mark_done()
    yield opened
    opened.close()


def hint_and_refusal(
    session: AnnotationSession, out: Path, fmt: str = "jsonl", split: str | None = None
) -> tuple[str, str | None]:
    """The screen's line for ``out``, and the line the export to it stops with (None: none)."""
    inputs = (session.journal, session.corpus.path)
    hint = output_hint(fmt, split, out, False, inputs)
    request = ExportRequest(
        session.journal, fmt, out, session.corpus.path, "alice", session.scheme_path, split=split
    )
    return hint, export_now(request, session).error


def test_an_output_inside_the_corpus_folder_is_said_refused_as_it_is_typed(
    session: AnnotationSession,
) -> None:
    corpus = session.corpus.path
    out = corpus / "out.jsonl"
    hint, refusal = hint_and_refusal(session, out)
    assert refusal == (
        f"{out}: is inside the corpus folder ({corpus}); write the export outside it (nothing "
        "was written)"
    )
    assert hint == f"✖ is inside the corpus folder ({corpus}); write the export outside it"
    assert not out.exists()


def test_each_refusal_of_the_output_is_the_line_the_export_stops_with(
    session: AnnotationSession, tmp_path: Path
) -> None:
    journal = session.journal
    records = tmp_path / "bo.jsonl"
    records.write_bytes(RECORD)
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "notes.txt").write_text("notes\n", encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)  # was a traceback: Path.resolve's RuntimeError in refuse_own_inputs
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "dev.jsonl").write_bytes(b'{"tokens": []}\n')
    refused = [
        (journal, "jsonl", None, "is the same file as the source"),
        (journal.parent, "jsonl", None, "holds the source"),
        (tmp_path / "a-folder", "jsonl", None, "is a folder; jsonl writes one file"),
        (records, "hf", None, "exists and is not a folder; hf writes a folder here"),
        (tmp_path / "notes.txt" / "out.jsonl", "jsonl", None, f"{tmp_path / 'notes.txt'}: "),
        (pipe, "jsonl", None, "is not a regular file (a named pipe)"),
        (loop, "jsonl", None, "cannot write: its symbolic links go round in a loop"),
        (earlier, "jsonl", "train=0.5,test=0.5", "holds 1 file(s) of an earlier export"),
        (earlier, "hf", None, "holds 1 file(s) of an earlier export"),
        (records, "jsonl", None, "its first line is a record of annotator 'bo': choose"),
    ]
    for out, fmt, split, begins in refused:
        hint, refusal = hint_and_refusal(session, out, fmt, split)
        assert refusal is not None, (out, fmt)
        said = refusal.removesuffix(" (nothing was written)").removeprefix(f"{out}: ")
        assert hint == REFUSED_MARK + said, (out, fmt)
        assert said.startswith(begins), (out, fmt)
    assert records.read_bytes() == RECORD
    assert sorted(path.name for path in earlier.iterdir()) == ["dev.jsonl"]


def test_an_output_the_export_takes_is_not_said_refused(
    session: AnnotationSession, tmp_path: Path
) -> None:
    out = tmp_path / "new" / "alice.conll"
    assert hint_and_refusal(session, out, "conll") == ("one new file", None)
    assert out.is_file()
    # Exported once, it is a file the export replaces only with the replace box ticked.
    refusal = 'choose another name, or tick "replace existing files" to replace the file'
    hint, refused = hint_and_refusal(session, out, "conll")
    assert hint.startswith("✖ it holds ") and hint.endswith(f" bytes: {refusal}")
    assert refused == f"{out}: {hint.removeprefix('✖ ')} (nothing was written)"
    inputs = (session.journal, session.corpus.path)
    assert output_hint("conll", None, out, True, inputs) == "one file; the file there is replaced"
    records = tmp_path / "bo.jsonl"
    records.write_bytes(RECORD)
    inputs = (session.journal, session.corpus.path)
    assert output_hint("jsonl", None, records, True, inputs) == (
        "one file; the file there, holding records of annotator 'bo', is replaced"
    )


def test_a_path_that_cannot_be_looked_at_is_said_as_the_export_says_it(
    session: AnnotationSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "locked" / "alice.jsonl"

    def denied(*_args: object) -> None:
        raise PermissionError(13, "Permission denied", str(out.parent))

    monkeypatch.setattr(export_request, "check_out", denied)
    monkeypatch.setattr(export, "check_out", denied)
    hint, refusal = hint_and_refusal(session, out)
    assert refusal == f"{out}: cannot write: Permission denied ({out.parent})"
    assert hint == f"✖ cannot write: Permission denied ({out.parent})"
