"""brat's ``annotation.conf`` for an exported folder: the types its ``.ann`` files use.

brat shows every type it finds no configuration for as unconfigured (an error box per
document, no colours, no menus to annotate with). So a brat export writes ``annotation.conf``
beside the ``.ann`` files (brat looks it up in the document's folder, then in the folders
above), made from the lines written: the ``T`` types that no event uses as its trigger under
``[entities]``; each ``E`` line's type under ``[events]`` with the roles its lines use (a role's
trailing digits dropped, as brat numbers repeated roles: ``Theme2`` is ``Theme``); ``R`` lines'
types and ``*`` lines' (``Equiv``) under ``[relations]``; ``A`` and ``M`` lines' under
``[attributes]``, with the values they take. Arguments are ``<ANY>`` (any type: the folder's
lines are brat's own or ours, not checked against a design), and ``<OVERLAP>`` allows every
overlap, since spans may nest or cross (a count inside its releasee).

A curator edits ``annotation.conf`` (brat's documentation says to: labels, relation arguments,
abbreviations), so an export never writes over an edited one. The file carries the sha256 of
the rest of itself (``MARK``): while that still matches, it is as an export wrote it and the
next export replaces it, ``--force`` or not (one an export wrote before the sha256 line,
with no such line, while it is byte for byte what that export wrote for the types it
declares); otherwise (edited, or written by hand or by brat's tools) it is kept and the
export's own goes beside it as ``annotation.conf.new``. ``keep_edited`` tells the two. That
is the way package managers treat a configuration file someone edited (``.rpmnew``,
``.dpkg-new``, ``.pacnew``): the edited one stays in force (brat reads only
``annotation.conf``), the new one is there to compare.
Refusing the export instead would hold up every export over a file the export does not need.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

CONF_FILE = "annotation.conf"
_ROLE_NUMBER = re.compile(r"[0-9]+\Z")
NEW_SUFFIX = ".new"
HEADER = (
    "# Written by annotator export: the types this folder's .ann files use, so that brat shows\n"
    "# them configured. An export replaces it while it is as written (the sha256 line says);\n"
    "# once edited, it is kept and an export writes its own beside it as annotation.conf.new.\n"
)
MARK = b"# sha256 of the rest of this file: "
# The header of an export before the sha256 line: such a conf is as that export wrote it when
# the rest is what ``_Types.text`` writes for the types it declares (``_as_an_older_export``).
OLDER_HEADER = (
    "# Written by annotator export: the types this folder's .ann files use, so that brat shows\n"
    "# them configured. Each export writes it again; see brat's documentation to refine it.\n"
)
_EQUIV_ARGUMENTS = "Arg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive"


class _Types:
    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.events: dict[str, set[str]] = {}
        self.relations: dict[str, tuple[str, ...]] = {}
        self.equivs: set[str] = set()
        self.attributes: dict[str, set[str]] = {}

    def read(self, line: str) -> None:
        ident, _tab, rest = line.partition("\t")
        body = rest.split("\t", 1)[0].split()
        if not body:
            return
        kind = ident[:1]
        if kind == "T":
            self.entities.add(body[0])
        elif kind == "E":
            kind_name = body[0].split(":", 1)[0]
            roles = self.events.setdefault(kind_name, set())
            roles.update(_ROLE_NUMBER.sub("", a.split(":", 1)[0]) for a in body[1:] if ":" in a)
        elif kind == "R":
            roles_of = tuple(a.split(":", 1)[0] for a in body[1:] if ":" in a)
            self.relations.setdefault(body[0], roles_of or ("Arg1", "Arg2"))
        elif kind == "*":
            self.equivs.add(body[0])
        elif kind in "AM":
            values = self.attributes.setdefault(body[0], set())
            values.update(body[2:3])

    def declare(self, section: str, line: str) -> None:
        """Read back a line ``text`` wrote under ``[section]``."""
        name, _tab, arguments = line.partition("\t")
        roles = [argument.split(":", 1)[0] for argument in arguments.split(", ") if argument]
        if section == "entities":
            self.entities.add(name)
        elif section == "relations" and name != "<OVERLAP>":
            if arguments == _EQUIV_ARGUMENTS:
                self.equivs.add(name)
            else:
                self.relations[name] = tuple(roles)
        elif section == "events":
            self.events[name] = {role.removesuffix("*") for role in roles}
        elif section == "attributes":
            values = arguments.partition(", Value:")[2]
            self.attributes[name] = set(values.split("|")) if values else set()

    def text(self) -> str:
        out = ["[entities]\n"]
        out += [f"{name}\n" for name in sorted(self.entities - set(self.events))]
        out.append("[relations]\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n")
        for name, arguments_of in sorted(self.relations.items()):
            out.append(f"{name}\t{', '.join(f'{role}:<ANY>' for role in arguments_of)}\n")
        for name in sorted(self.equivs - set(self.relations)):
            out.append(f"{name}\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive\n")
        out.append("[events]\n")
        for name, roles in sorted(self.events.items()):
            arguments = ", ".join(f"{role}*:<ANY>" for role in sorted(roles))
            out.append(f"{name}\t{arguments}\n" if arguments else f"{name}\n")
        out.append("[attributes]\n")
        for name, values in sorted(self.attributes.items()):
            value = f", Value:{'|'.join(sorted(values))}" if values else ""
            out.append(f"{name}\tArg:<ANY>{value}\n")
        return "".join(out)


def annotation_conf(ann_texts: Iterable[str]) -> bytes:
    """The ``annotation.conf`` declaring every type the ``.ann`` texts use, marked with the
    sha256 of the rest of it."""
    types = _Types()
    for ann in ann_texts:
        for line in ann.splitlines():
            types.read(line)
    header, body = HEADER.encode("utf-8"), types.text().encode("utf-8", "surrogatepass")
    return header + _mark_line(header + body) + body


def _mark_line(rest: bytes) -> bytes:
    return MARK + hashlib.sha256(rest).hexdigest().encode("ascii") + b"\n"


def as_exported(data: bytes) -> bool:
    """Whether ``data`` is an ``annotation.conf`` as an export wrote it: its mark line holds the
    sha256 of the rest of it (any edit, a comment's too, changes that); with no mark line, as
    an export before the mark wrote it (``_as_an_older_export``)."""
    lines = data.splitlines(keepends=True)
    marks = [index for index, line in enumerate(lines) if line.startswith(MARK)]
    if not marks:
        return _as_an_older_export(data)
    if len(marks) != 1:
        return False
    rest = b"".join(lines[: marks[0]] + lines[marks[0] + 1 :])
    return lines[marks[0]] == _mark_line(rest)


def _as_an_older_export(data: bytes) -> bool:
    """Whether ``data`` is, byte for byte, what an export before the sha256 line wrote for the
    types it declares: its header, then what this module writes for them. With no hash, that
    is what shows it unedited: an edit (a comment, a label, an argument's type, an order) makes
    it other than what an export writes, save one that declares another type just as an export
    would have (then it is replaced, as an export wrote it)."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    if not text.startswith(OLDER_HEADER):
        return False
    body = text[len(OLDER_HEADER) :]
    types, section = _Types(), ""
    for line in body.split("\n")[:-1]:
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        else:
            types.declare(section, line)
    return types.text() == body


def keep_edited(out: Path, files: dict[str, bytes]) -> tuple[list[Path], list[Path]]:
    """Leave each ``annotation.conf`` of ``files`` already under ``out`` that differs from the
    export's and is not as an export wrote it (edited): the export's goes beside it as
    ``annotation.conf.new`` instead (in ``files``). Returns the confs kept (``kept_line`` says
    them), and those there as an export wrote them, which the export replaces without
    ``--force`` (they hold nothing but the types of the ``.ann`` files beside them, the sha256
    line shows them unedited); every other file there is replaced only with ``--force``."""
    kept, unedited = [], []
    for name in [n for n in files if n == CONF_FILE or n.endswith(f"/{CONF_FILE}")]:
        path = out / name
        try:
            there = path.read_bytes() if path.is_file() else None
        except OSError:
            there = None  # unreadable: the write says what stands in the way
        if there is None:
            continue
        if there == files[name] or as_exported(there):
            unedited.append(path)
            continue
        files[f"{name}{NEW_SUFFIX}"] = files.pop(name)
        kept.append(path)
    return kept, unedited


def kept_line(kept: list[Path]) -> str:
    alike = f" (and in {len(kept) - 1} more folder(s))" if len(kept) > 1 else ""
    return (
        f"{kept[0]}: kept as it is: edited since an export wrote it (or not written by one); "
        f"this export's is beside it as {CONF_FILE}{NEW_SUFFIX}{alike}: brat reads only "
        f"{CONF_FILE}, so compare them and merge what you need"
    )
