"""The columns of a CoNLL-U word line: the ten of CoNLL-U, or those a CoNLL-U Plus file declares.

CoNLL-U Plus (universaldependencies.org/ext-format.html) names its columns in a first line
``# global.columns = ID FORM UPOS NER``: any number, in any order, ``_`` (and ``*``,
underspecified) for no value. The import needs ID and FORM; the NER tag is read from a column of
its own (``NER``, ``NE``, or a namespaced ``CONLL2003:NER``) when there is one, else from MISC as
in CoNLL-U. Every other column is counted as not imported, by its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError

CONLLU_COLUMNS = (
    "ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"
)  # fmt: skip

# ``# global.columns = ID FORM NER``: CoNLL-U Plus's declaration of its columns.
GLOBAL_COLUMNS = re.compile(r"#\s*global\.columns\s*=(.*)")

# A column of NER tags by its name: NER or NE, alone or after a namespace (``X:NER``).
_NER_COLUMN = re.compile(r"(?:[^:]+:)?(?:NER|NE)")

# No value in a column: ``_``, and CoNLL-U Plus's ``*`` (underspecified).
EMPTY = frozenset({"_", "*"})


@dataclass(frozen=True)
class Columns:
    """Where each column read is in a word line, and the names of those not read."""

    names: tuple[str, ...]
    id_at: int
    form_at: int
    misc_at: int | None
    ner_at: int | None
    line: int | None = None  # of its ``# global.columns``; None: CoNLL-U's ten

    @property
    def unread(self) -> list[tuple[int, str]]:
        read = {self.id_at, self.form_at, self.misc_at, self.ner_at}
        return [(at, name) for at, name in enumerate(self.names) if at not in read]

    def expected(self) -> str:
        """``10 tab-separated columns (CoNLL-U)``, or as the file declares them."""
        if self.line is None:
            return "10 tab-separated columns (CoNLL-U)"
        return (
            f"{len(self.names)} tab-separated columns, as global.columns declares them at line "
            f"{self.line} ({' '.join(self.names)})"
        )


CONLLU = Columns(CONLLU_COLUMNS, 0, 1, 9, None)


def declared(value: str, path: Path, number: int) -> Columns:
    """The columns ``# global.columns = VALUE`` declares (line ``number``); without ID or FORM,
    the words cannot be read, which is said in one line."""
    names = tuple(value.split())
    missing = [name for name in ("ID", "FORM") if name not in names]
    if missing:
        raise AnnotatorError(
            f"{path}:{number}: global.columns: no {' and no '.join(missing)} column among "
            f"{' '.join(names) or 'none'}; a CoNLL-U Plus word line needs its ID and its word "
            "(FORM) to be imported"
        )
    ner = [at for at, name in enumerate(names) if _NER_COLUMN.fullmatch(name)]
    return Columns(
        names,
        names.index("ID"),
        names.index("FORM"),
        names.index("MISC") if "MISC" in names else None,
        ner[0] if ner else None,
        number,
    )
