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
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CONF_FILE = "annotation.conf"
_ROLE_NUMBER = re.compile(r"[0-9]+\Z")
HEADER = (
    "# Written by annotator export: the types this folder's .ann files use, so that brat shows\n"
    "# them configured. Each export writes it again; see brat's documentation to refine it.\n"
)


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

    def text(self) -> str:
        out = [HEADER, "[entities]\n"]
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


def annotation_conf(ann_texts: Iterable[str]) -> str:
    """The ``annotation.conf`` declaring every type the ``.ann`` texts use."""
    types = _Types()
    for ann in ann_texts:
        for line in ann.splitlines():
            types.read(line)
    return types.text()
