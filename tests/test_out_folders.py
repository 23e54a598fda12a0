"""``missing_folders``: the one walk import, export, merge and review make their folders by."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.out_folders import missing_folders


def test_an_existing_folder_needs_none(tmp_path: Path) -> None:
    assert missing_folders(tmp_path) == []


def test_the_missing_folders_innermost_first(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    assert missing_folders(deep) == [deep, tmp_path / "a" / "b", tmp_path / "a"]
    assert not (tmp_path / "a").exists()  # reads only


def test_a_file_in_the_way_is_named(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("not a folder", encoding="utf-8")
    with pytest.raises(AnnotatorError, match=r"/a: cannot write: a file stands where a folder"):
        missing_folders(tmp_path / "a")
    # A file above: the folder that cannot be made is the one on it, named.
    with pytest.raises(AnnotatorError, match=r"/a/b: cannot write: a file stands"):
        missing_folders(tmp_path / "a" / "b" / "c")
