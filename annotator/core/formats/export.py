"""``export_records``: the one export function (the CLI and the export screen both call it).

It checks the options and the output path (``export_out``), then reads the records (a gold file
or a journal) and checks each against its text and, with a scheme, against the scheme
(``export_items``); then renders everything in memory and only then writes, each file
atomically. Bad input stops the export before anything is written. What a format cannot hold is
reported through ``on_warning``, once the output is accepted: a problem of one document names
it; what a format cannot carry of many documents (form, values, a gold record's open
conflicts...) is one summary line per format, each document's line in ``ExportResult.details``
(and through ``on_warning`` too with ``verbose``); a record's ``updated_at`` and
``seconds_spent``, which jsonl and labelstudio carry whole (prodigy carries ``updated_at`` in
whole seconds), are one line in all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats import EXPORT_FORMATS, UTF16_FORMATS
from annotator.core.formats.common import Item, Reporter, Sink
from annotator.core.formats.export_items import NEEDS_CORPUS, load_items
from annotator.core.formats.export_keep import keep_journals_aside
from annotator.core.formats.export_kept import LEAVE_OUT_OPTION
from annotator.core.formats.export_meta import meta_left_out
from annotator.core.formats.export_out import (
    EXTENSIONS,
    check_out,
    new_folders,
    refuse_other_exports,
    refuse_own_inputs,
    targets,
    write,
)
from annotator.core.formats.export_replacing import refuse_replacing_records
from annotator.core.formats.export_result import ExportResult as ExportResult  # its old home
from annotator.core.formats.export_result import NothingSelected
from annotator.core.formats.open_conflicts import report_open_conflicts
from annotator.core.formats.output_locks import export_lock_targets, outputs_locked
from annotator.core.formats.prodigy_keys import has_fraction
from annotator.core.formats.source import parse_statuses
from annotator.core.formats.splits import assign, parse_split
from annotator.core.scheme import Scheme

LEAVE_OUT_NEEDS_SCHEME = (
    f"{LEAVE_OUT_OPTION}: give the --scheme whose unknowns to leave out (without --scheme "
    "every record is exported as it is)"
)
STYLES = ("label", "entities")
OFFSETS = ("codepoints", "utf16")
# Formats whose one file is text, so it can go to standard output (``-o -``) and be piped; brat
# and hf write folders, spacy's DocBin is binary.
STREAM_FORMATS = frozenset({"jsonl", "prodigy", "doccano", "labelstudio", "conll"})


class HeldWarnings:
    """The export's warnings, held back until it is known to go ahead: an output folder that
    is refused (it holds another export) is then the one line said, not the last after many
    about the records. ``release`` passes on what was held, and later lines at once."""

    def __init__(self, sink: Sink | None) -> None:
        self._sink = sink
        self._held: list[str] | None = []

    def __call__(self, line: str) -> None:
        if self._held is not None:
            self._held.append(line)
        elif self._sink is not None:
            self._sink(line)

    def release(self) -> None:
        held, self._held = self._held or [], None
        for line in held:
            self(line)


def _check_options(
    fmt: str, style: str, offsets: str, with_text: bool, split: str | None, to_stream: bool
) -> None:
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"--format: {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    if to_stream and fmt not in STREAM_FORMATS:
        raise UsageError(
            f"-o -: {fmt} cannot go to standard output (only "
            f"{', '.join(sorted(STREAM_FORMATS))} can); give a path"
        )
    if to_stream and split:
        raise UsageError("-o -: --split writes a folder of files; give a folder path")
    if style not in STYLES:
        raise UsageError(f"--style: {style!r}: choose label or entities")
    if style != "label" and fmt != "doccano":
        raise UsageError("--style entities is for --format doccano")
    if offsets not in OFFSETS:
        raise UsageError(f"--offsets: {offsets!r}: choose codepoints or utf16")
    if offsets == "utf16" and fmt not in UTF16_FORMATS:
        raise UsageError("--offsets utf16 is for doccano and labelstudio")
    if with_text and fmt != "jsonl":
        raise UsageError("--with-text is for --format jsonl (the other formats carry the text)")


# The formats that write both times whole: the others' line names them as where to keep times.
TIMES_KEPT = ("jsonl", "labelstudio")


def times_left_out(items: Sequence[Item], fmt: str) -> str | None:
    """The one line saying that ``fmt`` drops when records were last changed and the time spent
    on them, or None. jsonl writes a record whole, labelstudio both times (an annotation's
    ``updated_at`` and ``lead_time``); the other formats have no place for either, so it is
    said once for the export, not for every document (all of them, mostly).
    prodigy writes ``updated_at`` as ``_timestamp``, whole seconds: only a fraction is lost."""
    if fmt in TIMES_KEPT:  # labelstudio: an annotation's updated_at, lead_time
        return None
    if fmt == "prodigy":
        changed_words = "updated_at's fraction of a second (_timestamp holds whole seconds)"
        changed = [
            item.record.updated_at is not None and has_fraction(item.record.updated_at)
            for item in items
        ]
    else:
        changed_words = "updated_at"
        changed = [item.record.updated_at is not None for item in items]
    spent = [item.record.seconds_spent != 0 for item in items]
    named = " and ".join(
        name
        for name, lost in ((changed_words, changed), ("seconds_spent (time spent)", spent))
        if any(lost)
    )
    if not named:
        return None
    having = sum(one or other for one, other in zip(changed, spent, strict=True))
    return (
        f"{fmt} cannot carry {named} of any record: not written for {having} document(s) "
        f"({' and '.join(TIMES_KEPT)} keep them)"
    )


def prodigy_ignored(items: Sequence[Item], fmt: str) -> str | None:
    """The one line saying how many records not done prodigy writes as ``answer: ignore``,
    which our import takes as no annotation: their spans do not come back (prodigy counts as
    carrying ``status``, so no document's line says it)."""
    if fmt != "prodigy":
        return None
    ignored = sum(item.record.status != "done" for item in items)
    if not ignored:
        return None
    return (
        f"prodigy: {ignored} record(s) not done are written with answer ignore: importing "
        "them back leaves their spans out"
    )


def render(
    items: Sequence[Item],
    fmt: str,
    report: Reporter,
    *,
    style: str = "label",
    utf16: bool = False,
    with_text: bool = False,
    labels: Sequence[str] = (),
) -> dict[str, bytes]:
    """One format's files for ``items``: {"": bytes} for a one-file format, else name → bytes."""
    if fmt == "jsonl":
        from annotator.core.formats import jsonl

        return {"": jsonl.export_rows(items, with_text)}
    if fmt == "prodigy":
        from annotator.core.formats import prodigy

        return {"": prodigy.export_rows(items, report)}
    if fmt == "doccano":
        from annotator.core.formats import doccano

        return {"": doccano.export_rows(items, style, utf16, report)}
    if fmt == "labelstudio":
        from annotator.core.formats import labelstudio_export

        return {"": labelstudio_export.export_tasks(items, utf16, report)}
    if fmt == "conll":
        from annotator.core.formats import conll

        return {"": conll.export_text(items, report)}
    if fmt == "hf":
        from annotator.core.formats import hf

        return {"": hf.export_rows(items, labels, report)}
    if fmt == "spacy":
        from annotator.core.formats import spacy_docbin

        return {"": spacy_docbin.export_bytes(items, report)}
    from annotator.core.formats import brat

    return brat.export_files(items, report)


def export_records(
    source: Path,
    fmt: str,
    out: Path | None,
    *,
    corpus: Path | Corpus | None = None,
    status: str | Sequence[str] = "done",
    split: str | None = None,
    seed: int = 0,
    annotator: str | None = None,
    with_text: bool = False,
    style: str = "label",
    offsets: str = "codepoints",
    scheme: Scheme | None = None,
    on_warning: Sink | None = None,
    verbose: bool = False,
    leave_out_unknown: bool = False,
    force: bool = False,
) -> ExportResult:
    """Export the latest records of ``source`` to ``out`` in format ``fmt``.

    ``out`` is a file, except for brat, hf and ``split`` exports, where it is a folder:
    ``OUT/<split>.<ext>`` (brat: ``OUT/<split>/``), hf: ``OUT/data.jsonl`` or
    ``OUT/<split>.jsonl``, with ``OUT/labels.json``. With ``out`` None (``-o -``) nothing is
    written: the one file of a ``STREAM_FORMATS`` export comes back as ``result.data``.
    """
    # Every usage problem first, before a record is read or a warning said.
    _check_options(fmt, style, offsets, with_text, split, out is None)
    if leave_out_unknown and scheme is None:
        raise UsageError(LEAVE_OUT_NEEDS_SCHEME)
    statuses = parse_statuses(status) if isinstance(status, str) else tuple(status)
    parts = parse_split(split) if split else None
    need_text = fmt != "jsonl" or with_text
    if need_text and corpus is None:
        raise UsageError(NEEDS_CORPUS)
    if out is not None:
        refuse_own_inputs(out, source, corpus.path if isinstance(corpus, Corpus) else corpus)
        check_out(out, fmt, parts is not None)
    opened = open_corpus(corpus) if isinstance(corpus, Path) else corpus
    items, selection, unknown = load_items(
        source, opened, annotator, statuses, scheme, need_text, leave_out_unknown
    )
    result = ExportResult(
        len(items), [], statuses=statuses, left_out=selection.left_out, gold=selection.gold
    )
    result.left_out_required = unknown.left_out_words() if unknown else None
    if opened is not None:
        result.annotator = annotator
        result.no_record = [i for i in opened.ids if i not in selection.doc_ids]
    if not items:  # every format alike: nothing written, an earlier file left as it was
        raise NothingSelected(result, source)
    held = HeldWarnings(on_warning)
    report = Reporter(held, verbose=verbose)
    for left in unknown.left_out_lines(source) if unknown else ():  # --leave-out-unknown's
        report.warn(left)
    if fmt != "jsonl":  # jsonl writes a gold record whole, its conflicts too
        report_open_conflicts(items, report, fmt, scheme)
    labels: list[str] = []
    if fmt == "hf":  # the order gives each label its integers
        from annotator.core.formats.hf import label_order

        found = {span.label for item in items for span in item.record.spans}
        labels = label_order(found, scheme, opened.path if opened else None, report)

    def render_(chosen: Sequence[Item]) -> dict[str, bytes]:
        return render(
            chosen,
            fmt,
            report,
            style=style,
            utf16=offsets == "utf16",
            with_text=with_text,
            labels=labels,
        )

    try:
        files, counts = _files(items, fmt, render_, report, parts, seed, labels)
    except AnnotatorError:
        held.release()  # what was said before the problem explains it (hf: the empty split)
        raise
    # What the format drops of every record, then (finish) what else of each document.
    for line in (prodigy_ignored(items, fmt), times_left_out(items, fmt)):
        if line:
            report.warn(line)
    for line in meta_left_out(items, fmt):  # what it drops of the documents themselves
        report.warn(line)
    report.finish()
    result.details = report.details
    if out is None:
        held.release()
        result.splits, result.warnings, result.data = counts, report.lines, files[""]
        return result
    # Every output's lock held from before it is judged until it is written (``output_locks``):
    # a refusal is then the one line said, and no session starts on it meanwhile.
    with outputs_locked(export_lock_targets(targets(out, files), fmt), "an export") as taken:
        kept: list[Path] = []
        generated: list[Path] = []  # replaced without --force: nothing of anyone's is lost
        if fmt == "brat":  # an annotation.conf a curator edited stays; ours goes beside it
            from annotator.core.formats.brat_conf import keep_edited, kept_line

            kept, generated = keep_edited(out, files)
        refuse_other_exports(out, files, report, kept)
        refuse_replacing_records([t for t in targets(out, files) if t not in generated], force)
        if force:  # a journal replaced is kept aside first (``export_keep``)
            result.kept_aside = keep_journals_aside(targets(out, files), list(files.values()))
        held.release()
        for line in taken:  # a stale lock taken over
            report.warn(line)
        replaced = [path for path in targets(out, files) if path.is_file()]
        result.made_folders = new_folders([out])  # made by the write, as import makes them
        written, other_names_kept = write(out, files, fmt)
        for line in other_names_kept:  # a backup made of links keeps the old file: said
            report.warn(line)
        if kept:  # once written: a failed write leaves no annotation.conf.new to compare
            report.warn(kept_line(kept))
    result.files, result.replaced = written, replaced
    result.splits, result.warnings = counts, report.lines
    return result


def _files(
    items: Sequence[Item],
    fmt: str,
    render_: Callable[[Sequence[Item]], dict[str, bytes]],
    report: Reporter,
    parts: list[tuple[str, float]] | None,
    seed: int,
    labels: Sequence[str],
) -> tuple[dict[str, bytes], dict[str, int]]:
    """The export's files (name under OUT -> bytes; "" for the one file) and each split's size."""
    ext = EXTENSIONS[fmt]
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    if parts is None:
        rendered = render_(items)
        if fmt == "hf":
            files["data.jsonl"] = rendered[""]
        elif fmt != "brat":
            files[""] = rendered[""]
        else:
            files.update(rendered)
    else:
        groups = assign([item.record.doc_id for item in items], seed, parts)
        for name, positions in groups.items():
            counts[name] = len(positions)
            if not positions:
                report.warn(f"split {name}: no documents fell in it (seed {seed})")
            chosen = [items[p] for p in positions]
            rendered = render_(chosen)
            if fmt == "brat":
                files.update({f"{name}/{rel}": data for rel, data in rendered.items()})
            else:
                files[f"{name}{ext}"] = rendered[""]
    if fmt == "hf":
        from annotator.core.formats.hf import LABELS_FILE, labels_bytes

        files[LABELS_FILE] = labels_bytes(labels)
    return files, counts
