"""A spaCy DocBin given where a journal or another format is read is named as one.

A trial gave ``validate`` a ``.spacy`` file and read two lines, "invalid UTF-8" and
"incomplete last line (an interrupted write)", and ``import --format prodigy`` said only
"invalid UTF-8 at byte 1": neither said what the file was or what reads it.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from annotator.core.docbin_sniff import docbin_hint, looks_like_docbin
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from tests.test_agreement_data import run_cli

# explosion/projects' tutorials/ner_tweets demo DocBin (tests/fixtures/spacy/SOURCE.txt).
DOCBIN = Path(__file__).parent / "fixtures" / "spacy" / "ner_tweets.demo.spacy"
# A DocBin's msgpack map by hand, as spaCy 2 wrote it (attrs first): {"attrs": [], "tokens": b""}.
BARE_MAP = b"\x82\xa5attrs\x90\xa6tokens\xc4\x00"
HINT = " (this looks like a spaCy DocBin: use --format spacy)"


def test_validate_says_a_docbin_in_one_line_naming_the_import(tmp_path: Path) -> None:
    result = run_cli("validate", DOCBIN)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"{DOCBIN}: this looks like a spaCy DocBin, not a journal; annotator import "
        "--format spacy reads such files"
    ]


def test_an_uncompressed_docbin_is_told_too(tmp_path: Path) -> None:
    path = tmp_path / "bare.spacy"
    path.write_bytes(BARE_MAP)
    (line,) = validate_files([path], None, load_default_scheme())
    assert line.startswith(f"{path}: this looks like a spaCy DocBin")


@pytest.mark.parametrize(
    "head",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # a msgpack fixmap's first byte, no DocBin keys
        zlib.compress(b"Kestria freed 12 soldiers to Norvania.\xff"),  # zlib, not msgpack
        b"x\x9c\x00\x01broken",  # a zlib header, then no deflate stream
        b'{"attrs": 1, "tokens": 2}\n',  # the words, as JSON: not msgpack's
        b"",
    ],
)
def test_other_bytes_are_not_taken_for_a_docbin(head: bytes) -> None:
    assert not looks_like_docbin(head)
    assert docbin_hint(head) == ""


def test_other_binary_files_are_said_as_before(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert validate_files([path], None, load_default_scheme()) == [
        # Its last piece ("\x00\x00\x00\rIHDR", no newline after) holds a CR: read as a line
        # of a file whose lines end in CR (journal.py), not a torn tail, so it is counted.
        f"{path}:1: not a journal: no line of it is a JSON record (3 line(s) unreadable; the "
        "first: '\ufffdPNG')"
    ]


@pytest.mark.parametrize(
    ("fmt", "where"),
    [
        ("prodigy", ":1"),  # read line by line (import_json)
        ("jsonl", ":1"),
        ("conll", ""),  # read whole (common.decode)
        ("labelstudio", ""),
    ],
)
def test_import_with_another_format_names_the_spacy_format(
    tmp_path: Path, fmt: str, where: str
) -> None:
    result = run_cli("import", DOCBIN, "--format", fmt, "-o", tmp_path / "corpus.jsonl")
    assert (result.returncode, result.stdout) == (1, "")
    of = " of the line" if where else ""  # a line's byte, as validate counts it
    assert result.stderr.splitlines() == [f"{DOCBIN}{where}: invalid UTF-8 at byte 1{of}{HINT}"]
    assert not (tmp_path / "corpus.jsonl").exists()


def test_import_of_another_binary_file_has_no_hint(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(zlib.compress(b'{"text": "Kestria"}\n'))
    result = run_cli("import", path, "--format", "prodigy", "-o", tmp_path / "corpus.jsonl")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{path}:1: invalid UTF-8 at byte 1 of the line"]
