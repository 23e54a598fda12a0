"""Which existing outputs an export may replace: none unasked, whatever it holds.

An export replaces a file that is at its output only with ``--force`` (the export screen's
replace box), unless the file is empty: a CoNLL, brat or spaCy file there, an earlier export's
or the user's own (a hand-corrected ``.conll``, a curated brat folder), was replaced unasked,
said only afterwards. A file holding records (an annotator's journal, a gold file, or a jsonl
export of them) is said by what it holds: ``-o`` naming a journal by mistake replaced its
records with the export's, and import, rename and merge all refuse such a thing. So is a JSONL
corpus (one ``{"id", "text"}`` document a line): a user's only copy of their articles. So is a
file of another tool's annotated texts (a Label Studio, Prodigy or doccano file, an hf export's
rows: ``held_kinds``), whether an earlier export or the tool's own, the only copy of work done
there. So is any other file of JSON objects, said by its keys: a doccano file with its own keys
(``column_data``), read with ``--text-key``. Any other file is said by its size. Each file of a
folder export (brat, hf, ``--split``) is judged alike, and all of them are said in one line.

What a file holds is told by its lines, as a person looking at it would tell it: not by its
first line alone, since one damaged line (torn by a crash, a Latin-1 byte, a git conflict
marker ``<<<<<<< HEAD``) made a journal "no records" and it was replaced, every record after it
lost. So the first lines with anything on them are read, up to a bound (a large file costs a
bounded prefix, as the export screen asks again at each change of its output), and the first
record or document among them is said with its line number. A JSON file that is no JSON lines
(a Label Studio export: an array of tasks, on one line or pretty-printed over many) is read as
JSON from its start, within the same bounds, its first entries looked at one by one. A
JSON-lines file (named ``.jsonl``) none of whose lines read can be read, or that cannot be read
at all, is refused too: what it holds is not known.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import DETAIL_UP_TO
from annotator.core.formats.held_kinds import Kind, kind_of, said_keys
from annotator.core.journal import bom_length, parse_json_line

# How much of a file is read to tell what it holds: this many lines with anything on them, and
# no more than this many bytes (records of a long article with ``--with-text`` fit). A file
# whose records lie beyond is taken by what came before (rare: a record is usually line 1).
LOOKED_AT_LINES = 100
LOOKED_AT_MIB = 64
LOOKED_AT_BYTES = LOOKED_AT_MIB * 1024 * 1024
_FIRST_READ = 64 * 1024  # of a file read as JSON whole, doubled as an entry needs
# Names of files that are JSON lines whatever they hold now (journals, gold files, corpora).
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
_CR_ALONE = re.compile(r"\r(?!\n)")
_JSON_SPACE = re.compile(r"[ \t\r\n]*")


@dataclass(frozen=True)
class Held:
    """What an output holds that an export replaces only with ``--force``: ``what`` (``a
    record of annotator 'alice'``) at ``line`` (1-based; 0 when no line could be read), the
    refusal's words ``said``, and ``plural`` for a hint (``records of annotator 'alice'``);
    ``fmt``, the ``annotator import --format`` reading it (``held_kinds.Kind``), if any;
    ``keys``, those of a JSON object of no kind known (``Kind.keys``); ``told`` False for a file
    of none of these (a CoNLL, brat or spaCy file), said by its size (``held_or_there``)."""

    what: str
    line: int
    said: str
    plural: str
    fmt: str | None = None
    keys: tuple[str, ...] = ()
    told: bool = True
    known: bool = True  # False: a JSON object of no kind known (``Kind.known``)


def held_in(path: Path) -> Held | None:
    """What the file at ``path`` holds that is not replaced unasked: its first record, gold
    record, corpus document or other tool's annotated text (its line or entry said), else its
    first JSON object of another shape (``Held.fmt`` None), or, for a
    JSON-lines file none of whose lines read can be read, or that cannot be read at all, that
    what it holds is not known; None for anything else, a file of another name that cannot be
    read included (the write then says what is wrong)."""
    json_lines = path.name.lower().endswith(JSON_LINES_SUFFIXES)
    try:
        with path.open("rb") as handle:
            found, first_is_json = _first_held(_looked_at(handle))
            # An object of no kind on a later line, the first no JSON by itself, is likely a
            # piece of a value written over several lines (a Label Studio task's result on a
            # line of its own): the file was said to hold "JSON objects (keys: id, from_name,
            # ...)", and import named no format for it. The whole value tells.
            piece = isinstance(found, Held) and not found.known and not first_is_json
            if not isinstance(found, Held) or piece:
                # JSON read as a whole: an array (Label Studio's tasks, on one line or many),
                # or values each over several lines (a pretty-printed task: its first line,
                # ``{``, is no JSON by itself).
                whole = _first_held_entry(handle, arrays_only=first_is_json)
                if piece:
                    found = whole if isinstance(whole, Held) and whole.known else found
                else:
                    found = found if isinstance(whole, str) else whole
    except OSError as error:
        return _not_known(f"it cannot be read ({error.strerror or error})") if json_lines else None
    if isinstance(found, Held) or found is None:
        return found
    return _not_known(found) if json_lines else None  # a CoNLL file is no JSON lines


def _first_held(lines: Iterator[tuple[int, bytes | None]]) -> tuple[Held | str | None, bool]:
    """The first record, document or annotated text of ``lines``; else the first JSON object
    of another shape; else None when a line is JSON of something else (hf's labels, a number)
    or none has anything on it; else why none could
    be read. And whether the first line is JSON by itself."""
    first_is_json = False
    problem = ""
    readable = False
    objects: Held | None = None  # the first JSON object of no kind known, if no kind follows
    seen = 0
    for seen, (number, raw) in enumerate(lines, start=1):
        if raw is None:
            problem = problem or f"line {number}: longer than the {LOOKED_AT_MIB} MiB read"
            break
        kind = _line_kind(raw)
        if isinstance(kind, Kind) and not kind.known:
            objects = objects or _held_at(f"line {number}", number, kind)
            first_is_json = first_is_json or seen == 1
        elif isinstance(kind, Kind):
            return _held_at(f"line {number}", number, kind), seen == 1
        elif kind is None:
            readable = True
            first_is_json = first_is_json or seen == 1
        else:
            problem = problem or f"line {number}: {kind}"
    if objects is not None:
        return objects, first_is_json
    if readable or not problem:
        return None, first_is_json
    what = f"its first {seen} lines" if seen == LOOKED_AT_LINES else "its lines"
    return f"none of {what} could be read ({problem})", first_is_json


def _first_held_entry(handle: IO[bytes], *, arrays_only: bool) -> Held | str | None:
    """The first record, document or annotated text among the first entries of a file read as
    JSON (an array's items, or one value after another: a pretty-printed object), within the
    bounds lines are read in; None when they are JSON of something else; else why none could
    be read (or, ``arrays_only``, that the file is no array)."""
    text = _Prefix(handle)
    at = text.skip_space(0)
    array = text.at(at) == "["
    if not array and (arrays_only or text.at(at) != "{"):
        return "not a JSON array" if arrays_only else "not JSON"
    at += 1 if array else 0
    decoder = json.JSONDecoder()
    objects: Held | None = None  # the first JSON object of no kind known, if no kind follows
    for number in range(1, LOOKED_AT_LINES + 1):
        at = text.skip_space(at)
        if text.at(at) in ("", "]"):
            return objects
        while True:
            try:
                value, at = decoder.raw_decode(text.text, at)
                break
            except json.JSONDecodeError as error:
                if not text.more():  # the whole file, or all that is read of it
                    return f"entry {number}: {error.msg}" if number == 1 else objects
        kind = _value_kind(value)
        if kind is not None and not kind.known:
            objects = objects or _held_at(f"entry {number}", number, kind)
        elif kind is not None:
            return _held_at(f"entry {number}", number, kind)
        at = text.skip_space(at)
        if array and text.at(at) != ",":
            return objects  # its end, or something that is no array's
        at += 1 if array else 0
    return objects


class _Prefix:
    """A file's text from its start (a byte order mark left out), read further as asked,
    doubling, to ``LOOKED_AT_BYTES`` in all. A character cut at the end of what is read is
    read again whole with what follows."""

    def __init__(self, handle: IO[bytes]) -> None:
        handle.seek(0)
        handle.seek(bom_length(handle.read(3)))
        self._handle = handle
        self._data = b""
        self._ended = False
        self.text = ""
        self.more()

    def more(self) -> bool:
        """Read further; False at the end of the file or of the bound."""
        room = LOOKED_AT_BYTES - len(self._data)
        if self._ended or room <= 0:
            return False
        chunk = self._handle.read(min(max(len(self._data), _FIRST_READ), room))
        if not chunk:
            self._ended = True
            return False
        self._data += chunk
        self.text = self._data.decode("utf-8", errors="replace")
        return True

    def at(self, index: int) -> str:
        return self.text[index : index + 1]

    def skip_space(self, index: int) -> int:
        """The first index from ``index`` on that is not JSON whitespace (read further for it)."""
        while True:
            found = _JSON_SPACE.match(self.text, index)
            index = found.end() if found else index
            if index < len(self.text) or not self.more():
                return index


def _not_known(why: str) -> Held:
    return Held(
        "lines that cannot be read",
        0,
        f"{why}, so whether it holds records is not known",
        "lines that cannot be read",
    )


def records_held(path: Path) -> str | None:
    """What ``held_in`` finds in the file at ``path``, in a few words (``a record of annotator
    'X'``, ``a gold record of reviewer 'X'``, ``a corpus document 'X'``, ``a doccano row``...);
    None for nothing."""
    held = held_in(path)
    return None if held is None else held.what


def _looked_at(handle: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """The file's lines with anything on them and their numbers, ``LOOKED_AT_LINES`` at most,
    read within ``LOOKED_AT_BYTES``; a line cut there is None, the last. A leading byte order
    mark is no part of the first line (``journal.bom_length``)."""
    left = LOOKED_AT_BYTES
    head = handle.read(3)
    handle.seek(bom_length(head))
    number = seen = 0
    while seen < LOOKED_AT_LINES:
        raw = handle.readline(left)
        if not raw:
            return
        number += 1
        if len(raw) == left and not raw.endswith(b"\n"):
            yield number, None
            return
        left -= len(raw)
        if raw.strip():
            seen += 1
            yield number, raw


def _line_kind(raw: bytes) -> Kind | str | None:
    """What a line's object is (``held_kinds``); None for JSON of something else; else what is
    wrong with the line, as the journal's reader says it. A byte that is not UTF-8 (a Latin-1
    hand edit) is read past, and lines ending in CR alone (an old Mac's, one line here) are
    read one by one: a person sees records there."""
    try:
        return _value_kind(orjson.loads(raw))
    except orjson.JSONDecodeError:
        pass
    wrong = "invalid JSON"
    try:
        parse_json_line(raw)
    except ValueError as error:
        wrong = str(error)
    text = raw.decode("utf-8", errors="replace")
    readable = False
    objects: Kind | None = None  # said when no piece is of a kind known
    for piece in _CR_ALONE.split(text) if _CR_ALONE.search(text.rstrip()) else [text]:
        try:
            value = orjson.loads(piece)
        except orjson.JSONDecodeError:
            continue
        kind = _value_kind(value)
        if kind is not None and kind.known:
            return kind
        objects = objects or kind
        readable = True
    return objects if objects is not None or readable else wrong


def _value_kind(value: object) -> Kind | None:
    """What ``value`` is (``held_kinds``); a JSON object of no kind known here is someone's
    data all the same (a doccano file with its own keys, which ``--text-key`` reads; another
    tool's rows), said by its keys and kept as the others: only JSON that is no object (hf's
    labels.json, a list of numbers) is replaced unasked."""
    if not isinstance(value, dict):
        return None
    return kind_of(value) or _objects(list(value))


def _objects(keys: list[str]) -> Kind:
    keyed = f"keys: {said_keys(keys)}" if keys else "no keys"
    return Kind(
        f"a JSON object ({keyed})", f"JSON objects ({keyed})", known=False, keys=tuple(keys)
    )


def _held_at(place: str, number: int, kind: Kind) -> Held:
    """``place`` (``line 2``, ``entry 1``) of the file holds ``kind``."""
    word, _, _ = place.partition(" ")
    where = f"its first {word}" if number == 1 else f"its {place}"
    said = f"{where} is {kind.what}"
    return Held(kind.what, number, said, kind.plural, kind.fmt, kind.keys, known=kind.known)


class ReplacingRecords(AnnotatorError):
    """An output ``path`` is a file that is not empty (``held``: the records, documents or
    annotated texts it holds, else its size), and so may others of the export's files
    (``also``: a folder export's). Its line is the command's; the export screen names its
    checkbox where the command names ``--force``."""

    def __init__(self, path: Path, held: Held, also: Sequence[tuple[Path, Held]] = ()) -> None:
        self.path = path
        self.held = held
        self.also = list(also)
        super().__init__(self.refusal("pass --force"))

    def refusal(self, way: str) -> str:
        """The refusal, ``way`` saying how to replace the files anyway: one file's line names
        it (``refusal_with``); several files' line names each (up to ``DETAIL_UP_TO``, the rest
        counted), what it holds beside it, so that one refusal tells all there is to move."""
        if not self.also:
            return self.refusal_with(self.path, self.held, way)
        files = [(self.path, self.held), *self.also]
        named = [f"{path} ({held.said})" for path, held in files[:DETAIL_UP_TO]]
        if len(files) > DETAIL_UP_TO:
            named.append(f"{len(files) - DETAIL_UP_TO} more")
        return (
            f"{len(files)} files of this export hold what is replaced only when asked: "
            f"{'; '.join(named)}: choose another folder, or {way} to replace them (nothing was "
            "written)"
        )

    @staticmethod
    def refusal_with(path: Path, held: Held, way: str) -> str:
        return (
            f"{path}: {held.said}: choose another name, or {way} to replace the file (nothing "
            "was written)"
        )


def held_or_there(path: Path) -> Held | None:
    """What ``held_in`` finds in the file at ``path``; else, when the file is not empty, that
    it is there, said by its size (``Held.told`` False); None for no file or an empty one,
    which holds nothing to lose."""
    if not path.is_file():
        return None
    held = held_in(path)
    if held is not None:
        return held
    try:
        size = path.stat().st_size
    except OSError:  # gone since it was looked at: nothing there to replace
        return None
    if not size:
        return None
    amount = "1 byte" if size == 1 else f"{size:,} bytes"
    return Held(f"a file of {amount}", 0, f"it holds {amount}", "files", told=False)


def refuse_replacing_records(paths: Sequence[Path], force: bool) -> None:
    """Refuse, before anything is written, to replace a file of ``paths`` that is not empty,
    unless ``force``; one line saying what each such file holds (``held_or_there``), and where
    (a ``--split`` refused for its first file only was refused again for the next once that
    one was moved)."""
    if force:
        return
    found = [(path, held) for path in paths if (held := held_or_there(path))]
    if found:
        (path, held), *also = found
        raise ReplacingRecords(path, held, also)
