"""brat standoff: a folder of ``<id>.txt`` and ``<id>.ann`` pairs.

Export. Each span is a ``T`` line (``T3<TAB>label START END<TAB>surface``), in text order. A
span whose id is already a brat id (``T`` and digits, as import keeps them) keeps it; the other
spans are numbered in text order from above every T id the record holds or its note mentions.
The lines import kept in the note (``brat_kept``: events, relations, attributes, normalisations,
others' notes) are written back as brat wrote them while the spans they name are as imported
(same id, offsets and label); those naming a span changed or deleted since are left out and
reported, a line per document, as is a kept block edited by hand (``Kept.damage``). A span
still on the offsets import gave it keeps the fragments brat gave it; another across a line
break is written as brat writes one, fragments cut at the breaks without the spaces beside them
(``0 5;7 12``, surface joined by one space).
Everything else the record holds goes in ``AnnotatorNotes`` (``#`` lines, numbered above the
kept ones), each a keyword and JSON: ``value <json>`` on the span that has the value; ``form
<field> <json>`` (one per form field), ``links <json>`` (span ids as T ids), ``note <json>``
(what annotators wrote), ``flagged true`` and ``status <json>`` (a record not done) on the
first span written. A record without spans has nowhere to hang notes: its form, links, note
and status are reported, not written. A text with CRLF or CR is written as it is (brat counts
its CRs), and said: an import reads it back LF; so is one beginning with U+FEFF, which opens its
.txt file as a byte order mark would: an import drops it. ``annotation.conf``: see ``brat_conf``.

Import (each ``.ann`` file: ``brat_ann``). ``T`` lines become spans with their T ids as span
ids, checked against the text; a ``T`` line that cannot be read, or repeats an id, is bad data
as a span off its text is (listed with the others, then one refusal unless ``--skip-bad``). A
discontinuous span becomes one span from its first start to its last end (reported). The notes
above are read back; every other line is kept verbatim in the record's note (``brat_kept``,
once the spans are checked and labelled: ``keep_in_note``) and counted in a report. A ``.txt``
without ``.ann`` is a document nobody annotated (no record; such files are named in a line,
as a README beside the data is read so too); an empty ``.ann`` is an annotation
that found nothing. The ``.txt`` files are read as a ``.txt`` corpus folder is (a BOM dropped,
CRLF and CR made LF; ``meta.source`` and, from a leading ``date YYYY-MM-DD``, ``meta.date``);
brat's offsets count the file as it is, BOM and CRs too: spans are checked against it, then
moved with the text without its BOM and made LF, as every import makes it (``line_endings``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.formats.brat_ann import read_ann
from annotator.core.formats.brat_conf import CONF_FILE, annotation_conf
from annotator.core.formats.brat_kept import (
    break_fragments,
    kept_block,
    ranges_text,
    read_kept,
    with_ids,
)
from annotator.core.formats.common import (
    BRAT_LINES,
    DocLeftOut,
    ImportedDoc,
    Item,
    Reporter,
    decode,
    read_bytes,
    report_left_out,
    safe_relative,
)
from annotator.core.formats.import_checks import ImportReporter
from annotator.core.formats.kept_brat_words import changed_words
from annotator.core.models import Record

_T_ID = re.compile(r"T[0-9]+\Z")
_T_MENTION = re.compile(r"\bT([0-9]+)\b")


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _t_ids(record: Record) -> dict[str, str]:
    """The T id of every span: its own when it is a unique brat id, else a fresh number.

    Import keeps brat's T ids as span ids and the lines it cannot read (events, relations,
    attributes, other notes) verbatim in the note, where they name spans by those ids: keeping
    the ids keeps those references on the same text. Fresh numbers start above every T id in
    the spans or mentioned in the note, so a new span never takes the id of one a kept line
    names (even one deleted since).
    """
    counts = Counter(span.id for span in record.spans)
    kept = {span.id for span in record.spans if counts[span.id] == 1 and _T_ID.match(span.id)}
    taken = [int(ident[1:]) for ident in counts if _T_ID.match(ident)]
    taken += [int(number) for number in _T_MENTION.findall(record.note)]
    number = max(taken, default=0)
    out: dict[str, str] = {}
    for span in sorted(record.spans, key=lambda s: (s.start, s.end, s.label)):
        if span.id in kept:
            out[span.id] = span.id
        else:
            number += 1
            out[span.id] = f"T{number}"
    return out


def ann_text(item: Item, report: Reporter) -> str:
    record, text = item.record, item.document.text
    lines: list[str] = []
    notes: list[tuple[str, str]] = []
    written: list[str] = []
    tid = _t_ids(record)
    kept = read_kept(record.note)
    damage = kept.damage(text)
    if damage:  # said, as the lines lost cannot be written back
        report.warn(
            f"{record.doc_id}: brat: the brat lines import kept in its note were edited since: "
            f"{damage}; the lines still read as kept are written back"
        )
    labels = kept.brat_labels()
    # A span imported with an id that is no T id (a Label Studio result's) has a T id here:
    # the kept lines naming it are written naming that (``with_ids``).
    as_imported = {span.id for span in record.spans if kept.as_imported(span, text)}
    for span in sorted(record.spans, key=lambda s: (s.start, s.end, s.label)):
        fragments = kept.fragments(span, text) or break_fragments(span.start, span.text)
        if not fragments:
            report.warn(f"{record.doc_id}: brat: span {span.id} holds only line breaks; left out")
            continue
        if fragments[0][0] != span.start or fragments[-1][1] != span.end:
            report.warn(
                f"{record.doc_id}: brat: span {span.id} {span.start}..{span.end} begins or ends "
                f"with a line break, which brat cannot hold; written as "
                f"{fragments[0][0]}..{fragments[-1][1]}"
            )
        ident = tid[span.id]
        written.append(ident)
        surface = " ".join(text[low:high] for low, high in fragments)
        label = labels.get(span.label, span.label)
        lines.append(f"{ident}\t{label} {ranges_text(fragments)}\t{surface}")
        if span.value is not None:
            notes.append((ident, f"value {_json(span.value)}"))
    back, left, missing = kept.written(as_imported if written else set())
    lines.extend(with_ids(line, tid) for line in back)
    if written:
        first = written[0]
        for field, value in record.form.items():
            notes.append((first, f"form {field} {_json(value)}"))
        if record.links:
            links = {path: [tid.get(i, i) for i in ids] for path, ids in record.links.items()}
            notes.append((first, f"links {_json(links)}"))
        if kept.note:
            notes.append((first, f"note {_json(kept.note)}"))
        if record.flagged:
            notes.append((first, "flagged true"))
        if record.status != "done":  # imported back, it would be done (the import's default)
            notes.append((first, f"status {_json(record.status)}"))
    else:  # the note that is not brat's: the brat lines are said below
        human = Item(item.document, record.model_copy(update={"note": kept.note}))
        report_left_out(
            human, "brat (a document without spans)", report, frozenset({"span values"})
        )
    if left:
        said = ((BRAT_LINES, changed_words(left, missing)),)
        report.left_out("brat", DocLeftOut(record.doc_id, ((BRAT_LINES, len(left)),), said))
    above = kept.last_note_number()
    for index, (ref, body) in enumerate(notes, start=above + 1):
        lines.append(f"#{index}\tAnnotatorNotes {ref}\t{body}")
    return "".join(line + "\n" for line in lines)


def export_files(items: Sequence[Item], report: Reporter) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    anns: list[str] = []
    for item in items:
        base = safe_relative(item.record.doc_id)
        files[f"{base}.txt"] = item.document.text.encode("utf-8", "surrogatepass")
        anns.append(ann_text(item, report))
        files[f"{base}.ann"] = anns[-1].encode("utf-8", "surrogatepass")
    files[CONF_FILE] = annotation_conf(anns)
    _say_line_endings(items, report)
    _say_leading_marks(items, report)
    return files


def _say_line_endings(items: Sequence[Item], report: Reporter) -> None:
    """A text with CRs is written as it is (the .ann counts them, as brat does), but an
    import reads it back LF (``line_endings``): a round trip changes it, so that is said."""
    with_cr = [item.record.doc_id for item in items if "\r" in item.document.text]
    if with_cr:
        report.warn(
            f"brat: {len(with_cr)} document(s) have CRLF or CR line endings (first: "
            f"{with_cr[0]}): written as they are, but an import reads them back LF, as it "
            "reads every text, with the spans moved: a text different from this corpus's"
        )


def _say_leading_marks(items: Sequence[Item], report: Reporter) -> None:
    """A text beginning with U+FEFF is written as it is (the .ann counts it, as brat does),
    but a .txt file opening with it opens with a byte order mark, which an import (and a .txt
    corpus) drops as the file's: a round trip changes the text, so that is said."""
    marked = [item.record.doc_id for item in items if item.document.text.startswith("\ufeff")]
    if marked:
        report.warn(
            f"brat: {len(marked)} document(s) begin with U+FEFF (first: {marked[0]}): "
            "written as it is, but a .txt file beginning with it begins with a byte order "
            "mark, which an import drops, as a .txt corpus does, with the spans moved: a text "
            "different from this corpus's"
        )


def keep_in_note(doc: ImportedDoc) -> None:
    """Keep in ``doc``'s note its brat lines (those of its .ann that are not spans, or
    relations read from doccano or Label Studio as R lines), with what a brat export needs to
    write them back (``brat_kept``); called once its spans are checked and labelled as the
    record holds them, so that a label ``--map`` renamed is the one the block tells."""
    block = kept_block(doc.kept, doc.spans or [], doc.text)
    if block:
        doc.note = f"{doc.note}\n\n{block}" if doc.note else block


def read(folder: Path, report: ImportReporter) -> list[ImportedDoc]:
    if not folder.is_dir():
        raise AnnotatorError(f"{folder}: brat data is a folder of .txt and .ann files")
    # The .txt files are a corpus folder: ids, text and meta (source, and date from a dateline)
    # as ``--format txt`` reads them, so a brat round trip keeps the date.
    corpus = open_corpus(folder)
    texts = {folder / f"{document.id}.txt": document for document in corpus}
    known = {p.with_suffix(".ann") for p in texts}
    for orphan in sorted(p for p in folder.rglob("*.ann") if p not in known):
        report.not_carried(
            f"{orphan}: no .txt beside it; not imported", ".ann file(s) without .txt"
        )
    docs: list[ImportedDoc] = []
    bare: list[str] = []  # .txt files without .ann: documents nobody annotated
    for path, document in texts.items():
        ann = path.with_suffix(".ann")
        # The .ann counts the characters of the file as it is: read it against those.
        doc = ImportedDoc(
            document.id, decode(read_bytes(path), path), str(path), dict(document.meta)
        )
        if ann.is_file():
            read_ann(doc, ann, report)
        else:
            bare.append(f"{document.id}.txt")
        # Its BOM and CRs stay, as brat counts them: the import checks the spans against the
        # file as written, then drops the one and makes the text LF (``line_endings``), said.
        docs.append(doc)
    if bare:
        _say_bare(folder, bare, report)
    return docs


def _say_bare(folder: Path, bare: list[str], report: ImportReporter, named: int = 5) -> None:
    """Every .txt is a document, a README or SOURCE.txt beside the data too: the ones
    without .ann are named (the first ``named``), so one that is no document can be seen."""
    more = f" and {len(bare) - named} more" if len(bare) > named else ""
    report.warn(
        f"{folder}: {len(bare)} .txt file(s) without .ann, imported as documents nobody "
        f"annotated (no record): {', '.join(bare[:named])}{more}"
    )
