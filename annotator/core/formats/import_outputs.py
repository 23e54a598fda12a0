"""An import's outputs that exist already, and the records file's name as annotate reads it.

A second import into the same files is refused unless ``--force``, in one line naming every
output that exists and what it holds, as export names it (``export_replacing.held_in``): a
trial's refusal named the corpus alone, while the records file beside it was a journal holding
an afternoon's annotate work, which ``--force`` then replaced unsaid.

With ``--force``, a records file holding lines this import does not write (work done there
since the last import: annotate appends to the file it wrote) is kept aside first, as a
session keeps a journal replaced under it (``<file>.replaced-TIME``), and said in one line;
replacing it is what ``--force`` asked, losing that work is not. A file holding only lines the
import writes again is replaced as before. ``CORPUS.scheme.toml`` is kept aside the same way
when its bytes differ from the scheme this import writes: a user's edits to it (a label's
colour, a form) were replaced without a copy.

``annotate`` opens ``OUT/annotations/NAME.jsonl`` and shows NAME's records alone: records
written to ``annotations/alice.jsonl`` as root's were in the file annotate opened for alice,
and hidden there (``done 0/3``), then mixed with hers. So a records file in an ``annotations``
folder, named for another annotator than the records', is refused, naming the name to give;
authorship is never changed unasked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.held_kinds import CORPUS_DOCUMENTS, Kind, kind_of
from annotator.core.journal import bom_length
from annotator.core.journal_guard import keep_aside

# The folder annotate keeps its journals in, each named after its annotator.
JOURNALS_FOLDER = "annotations"


@dataclass(frozen=True)
class KeptAside:
    """A file replaced with ``--force`` that held what the import does not write (``why``), so
    the file as it was is kept at ``aside``."""

    path: Path
    aside: Path
    why: str

    def said(self) -> str:
        return f"replaced {self.path}; {self.why}, so the file as it was is kept as {self.aside}"


def _lines(data: bytes) -> list[bytes]:
    """The lines with anything on them, without their endings or a byte order mark."""
    data = data[bom_length(data[:3]) :]
    return [line.rstrip(b"\r") for line in data.split(b"\n") if line.strip()]


def _is_held(line: bytes) -> bool:
    """Whether the line is a record (or a document, another tool's annotated text): someone's
    work, as export tells it (``held_kinds``). A line that is no JSON (a torn one) is none."""
    return _held_kind(line) is not None


def _held_kind(line: bytes) -> Kind | None:
    """What the line holds (``held_kinds.kind_of``), None when it is no JSON object of a kind."""
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return kind_of(value) if isinstance(value, dict) else None


def _count_lines(path: Path) -> int | None:
    try:
        return len(_lines(path.read_bytes()))
    except OSError:
        return None


def _existing_said(path: Path, records: Path | None) -> str:
    """``PATH: already exists (what it holds)``: its first record or document, as export
    says it; and for the records file, how many lines it has."""
    held = held_in(path) if path.is_file() else None
    if held is not None and not held.line:  # nothing read of it: it is refused all the same
        held = None
    about = [held.said] if held is not None else []
    if records is not None and path == records and held is not None:
        count = _count_lines(path)
        about += [f"{count} line(s)"] if count else []
    return f"{path}: already exists" + (f" ({'; '.join(about)})" if about else "")


def refuse_existing(
    paths: Sequence[Path],
    force: bool,
    records: Path | None,
    also: Sequence[Path] = (),
    scheme: Path | None = None,
) -> list[Path]:
    """The outputs that exist (to be replaced, with ``force``); without it, AnnotatorError in
    one line naming each and what it holds. ``records``: the file the records go to; ``also``:
    outputs not known yet to be written (the scheme, before the source is read), named too
    when they exist and the others are refused; ``scheme``: the scheme file (in ``paths`` or
    ``also``), kept aside when it differs (``keep_edited_scheme_aside``)."""
    existing = [path for path in paths if path.exists()]
    if not existing or force:
        return existing
    maybe = [path for path in also if path not in existing and path.exists()]
    said = "; ".join(_existing_said(path, records) for path in [*existing, *maybe])
    existing += maybe
    # The corpus output holding annotations (a journal given as -o) is kept aside too.
    corpus_held = [
        path for path in existing if path != records and path != scheme and holds_annotations(path)
    ]
    if len(existing) == 1:
        if not corpus_held:
            raise AnnotatorError(f"{said}; choose another name or pass --force")
        raise AnnotatorError(
            f"{said}; choose another name or pass --force to replace it (it is kept aside "
            "first: it holds annotations, not a corpus's texts)"
        )
    kept = []
    if corpus_held:
        kept.append("a corpus output holding annotations")
    if records in existing:
        kept.append("a file of records holding lines this import does not write")
    if scheme in existing:
        kept.append("a scheme file that differs from the one written")
    aside = f" ({' and '.join(kept)} {'are' if len(kept) > 1 else 'is'} kept aside first)"
    raise AnnotatorError(
        f"{said}; choose other names or pass --force to replace them{aside if kept else ''}"
    )


def _held_bytes(path: Path) -> bytes | None:
    """The bytes of an output about to be replaced, None when there is no such file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None


def keep_work_aside(records: Path, data: bytes) -> KeptAside | None:
    """Before ``records`` is replaced with ``data``: when it holds records ``data`` does not
    (lines that differ), the file as it is, kept at ``<records>.replaced-TIME``; None when
    there is no such line (or no file)."""
    old = _held_bytes(records)
    if old is None:
        return None
    lines = _lines(old)
    written = set(_lines(data))
    others = sum(1 for line in lines if line not in written and _is_held(line))
    if not others:
        return None
    why = (
        f"{others} of its {len(lines)} line(s) are not this import's (annotate's work since, "
        "or another import's)"
    )
    return kept_aside(records, old, why)


def keep_annotations_aside(corpus: Path) -> KeptAside | None:
    """Before the corpus output ``corpus`` is replaced: when it holds records, gold records or
    another tool's annotated texts (a journal given as ``-o``), the file as it is, kept at
    ``<corpus>.replaced-TIME``; None when it holds a corpus's documents only (an earlier
    import's, replaced as before) or nothing. A trial's ``-o annotations/bob.jsonl --force``
    replaced bob's 14 done records with three texts and kept no copy."""
    old = _held_bytes(corpus)
    if old is None:
        return None
    lines = _lines(old)
    work = _annotation_kinds(lines)
    if not work:
        return None
    why = f"{len(work)} of its {len(lines)} line(s) are {work[0].plural}, not a corpus's texts"
    return kept_aside(corpus, old, why)


def holds_annotations(path: Path) -> bool:
    """Whether ``path`` holds a line of records or annotated texts (``keep_annotations_aside``
    keeps it aside): said in the refusal, as the records file's keeping aside is."""
    try:
        lines = _lines(path.read_bytes())
    except OSError:
        return False
    return bool(_annotation_kinds(lines))


def _annotation_kinds(lines: list[bytes]) -> list[Kind]:
    """What each of ``lines`` holding records or another tool's annotated texts holds (a
    corpus's documents and lines of no kind left out)."""
    held = [kind for line in lines if (kind := _held_kind(line)) is not None]
    return [kind for kind in held if kind.plural != CORPUS_DOCUMENTS]


def keep_edited_scheme_aside(scheme: Path, data: bytes) -> KeptAside | None:
    """Before ``scheme`` is replaced with ``data``: when its bytes differ (edited since the
    import, or another import's), the file as it is, kept at ``<scheme>.replaced-TIME``; None
    when they are the same (or there is no file)."""
    old = _held_bytes(scheme)
    if old is None:
        return None
    if old == data:
        return None
    why = "it is not the scheme this import writes (edited since, or another import's)"
    return kept_aside(scheme, old, why)


def kept_aside(path: Path, old: bytes, why: str) -> KeptAside:
    """``old``, the bytes of ``path`` before it is replaced, kept at ``<path>.replaced-TIME``
    (import's, and rename's over another file); one line when that cannot be written."""
    try:
        aside = keep_aside(path, "replaced", old)
    except OSError as error:
        raise AnnotatorError(
            f"{path}: cannot keep the file aside before replacing it "
            f"({error.strerror or error}); nothing written"
        ) from None
    return KeptAside(path, aside, why)


def journal_name(records: Path) -> str | None:
    """The annotator whose journal annotate takes ``records`` for (``annotations/NAME.jsonl``),
    else None."""
    from annotator.core.session import ANNOTATOR_NAME

    if records.parent.name != JOURNALS_FOLDER or records.suffix != ".jsonl":
        return None
    return records.stem if ANNOTATOR_NAME.match(records.stem) else None


def refuse_another_name(records: Path | None, annotator: str, why: str | None) -> None:
    """Refuse records of ``annotator`` written to a journal annotate opens for another name.
    ``why``: why they are ``annotator``'s (None: ``--annotator`` named them)."""
    name = journal_name(records) if records is not None else None
    if name is None or name == annotator:
        return
    assert records is not None
    own = records.with_name(f"{annotator}.jsonl")
    whose = f"--annotator {annotator} makes them" if why is None else "they are"
    because = "" if why is None else f" ({why})"
    raise AnnotatorError(
        f"{records}: annotate opens it as {name}'s journal and shows {name}'s records alone, "
        f"but {whose} {annotator}'s{because}; nothing written: import them with --annotations "
        f"{own}, or with --annotator {name} if they are {name}'s"
    )
