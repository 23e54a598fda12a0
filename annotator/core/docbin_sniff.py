"""Telling a spaCy DocBin (``.spacy``) from its first bytes, without spaCy.

A trial gave ``validate`` a ``.spacy`` file and read "invalid UTF-8" and "incomplete last
line (an interrupted write)"; ``import --format prodigy`` said only "invalid UTF-8 at byte 1".
Neither said what the file was. ``DocBin.to_bytes`` writes a msgpack map (``version``,
``attrs``, ``tokens``, ``spaces``, ...; spaCy 2 began at ``attrs``), zlib-compressed: the
first few hundred bytes, inflated, show those keys; a text file never begins so. One line
says what the file looks like and what reads it (``validate_shape``, and import's "invalid
UTF-8" through ``docbin_hint``; a corpus's "invalid UTF-8" and "invalid JSON", and a folder
without .txt files holding a ``.spacy`` one, through ``corpus_docbin_hint``).
"""

from __future__ import annotations

import zlib
from pathlib import Path

# How much of the file is read, and inflated: the keys come in its first hundred bytes.
_HEAD = 4096
# msgpack's str headers of the keys every DocBin's map holds near its start.
_KEYS = (b"\xa5attrs", b"\xa6tokens")

# What the file is said to be, and what reads it, in validate's and import's lines.
DOCBIN_WORDS = "this looks like a spaCy DocBin"
DOCBIN_READER = "annotator import --format spacy"


def looks_like_docbin(head: bytes) -> bool:
    """``head`` (a file's first bytes) begins a DocBin: a msgpack map, zlib-compressed or not,
    holding DocBin's first keys."""
    data = head[:_HEAD]
    # A zlib stream's two header bytes: deflate (0x?8) and a check that they are a multiple of 31.
    if len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0:
        try:
            data = zlib.decompressobj().decompress(data, _HEAD)
        except zlib.error:
            return False
    if not data:
        return False
    # fixmap (0x80-0x8f), map 16, map 32
    is_map = 0x80 <= data[0] <= 0x8F or data[0] in (0xDE, 0xDF)
    return is_map and all(key in data[:256] for key in _KEYS)


def docbin_hint(raw: bytes) -> str:
    """What to add to "invalid UTF-8" said of a file whose bytes are ``raw``: the format that
    reads it when it is a DocBin, else nothing."""
    return f" ({DOCBIN_WORDS}: use --format spacy)" if looks_like_docbin(raw) else ""


# What a corpus read says of a DocBin: the import makes a corpus of it.
CORPUS_HINT = f"{DOCBIN_WORDS}: {DOCBIN_READER} makes a corpus of it"


def corpus_docbin_hint(raw: bytes) -> str:
    """What to add to a corpus's "invalid UTF-8" said of a file whose bytes are ``raw``: that
    the import makes a corpus of it when it is a DocBin, else nothing (``annotate`` on a
    folder of DocBins named ``.txt`` said only "invalid UTF-8")."""
    return f" ({CORPUS_HINT})" if looks_like_docbin(raw) else ""


def file_looks_like_docbin(path: Path) -> bool:
    """``looks_like_docbin`` of the file at ``path``; False when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return looks_like_docbin(handle.read(_HEAD))
    except OSError:
        return False
