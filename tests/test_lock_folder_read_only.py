"""A journal's folder that cannot be written, the journal itself readable and writable: what
fails is making the lock file beside it, and the refusal names the lock and its folder and says
to make the folder writable. A trial (chmod 555 annotations, the journal 644) was told
"…/eve.jsonl: cannot open: Permission denied", as if the journal could not be opened.

The folder is made to refuse by monkeypatching (tests may run as root, whom chmod does not
stop); ``lock_not_made`` is given the error ``os.open`` raises there.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.core import review_check as review_check_module
from annotator.core.errors import AnnotatorError
from annotator.core.lock import lock_not_made, lock_path
from annotator.core.review_check import check_review
from annotator.core.review_open import open_review
from annotator.core.session import open_session
from tests.test_review_folder_made import request
from tests.test_review_session_data import fixed_now
from tests.test_session_data import write_texts

DENIED = os.strerror(errno.EACCES)


def refuse_making(lock: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Making ``lock`` refused as in a folder that cannot be written (only that file)."""
    real_open = os.open

    def refusing(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(os.fsdecode(path)) == lock and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, DENIED, os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


def test_annotate_in_a_read_only_journal_folder_names_the_lock_and_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_texts(tmp_path)
    out = tmp_path / "out"
    journal = out / "annotations" / "eve.jsonl"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"")  # readable and writable
    refuse_making(lock_path(journal), monkeypatch)
    with pytest.raises(AnnotatorError) as refused:
        open_session(corpus, "eve", None, out)
    folder = out / "annotations"
    assert str(refused.value) == (
        f"{journal}: cannot create its lock file eve.jsonl.lock in {folder} ({DENIED}): the "
        f"lock is made beside the file; make {folder} writable, then start again (nothing was "
        "written)"
    )
    assert sorted(path.name for path in folder.iterdir()) == ["eve.jsonl"]


def test_another_error_making_the_lock_names_it_and_others_are_not_the_locks() -> None:
    journal = Path("/data/out/annotations/eve.jsonl")
    lock = lock_path(journal)
    no_room = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(lock))
    assert lock_not_made(journal, no_room) == (
        f"{journal}: cannot create its lock file {lock} (No space left on device); nothing "
        "was written"
    )
    # A read-only mount names the folder to make writable, as a folder's permissions do.
    read_only = OSError(errno.EROFS, os.strerror(errno.EROFS), str(lock))
    assert lock_not_made(journal, read_only) == (
        f"{journal}: cannot create its lock file eve.jsonl.lock in {lock.parent} (Read-only "
        f"file system): the lock is made beside the file; make {lock.parent} writable, then "
        "start again (nothing was written)"
    )
    # The journal's own error, and one naming no file (a lock write refused): not the lock's.
    assert lock_not_made(journal, PermissionError(errno.EACCES, DENIED, str(journal))) is None
    assert lock_not_made(journal, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) is None


def test_review_of_a_gold_file_in_a_read_only_folder_names_the_lock_and_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = tmp_path / "gold" / "g.jsonl"
    args, options = request(tmp_path, gold)
    assert open_review(*args, now=fixed_now, **options).close()  # a gold file to go on with
    folder = gold.parent
    real_access = os.access

    def read_only(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(review_check_module.os, "access", read_only)
    with pytest.raises(AnnotatorError) as refused:
        check_review(*args, **options)
    assert str(refused.value) == (
        f"{gold}: cannot create its lock file g.jsonl.lock in {folder} ({DENIED}): the lock "
        f"is made beside the file; make {folder} writable, then start again (nothing was "
        "written)"
    )
