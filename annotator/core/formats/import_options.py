"""The options of ``annotator import`` checked before anything is read: usage errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats import IMPORT_FORMATS, UTF16_FORMATS
from annotator.core.formats.common import ImportedDoc
from annotator.core.formats.jsonl import RecordLineDoc
from annotator.core.formats.tokenlabels import TAG_SCHEMES
from annotator.core.models import STATUSES
from annotator.core.real_path import real_path


def check_options(
    fmt: str,
    corpus: Path,
    annotations: Path | None,
    annotator: str | None,
    offsets: str | None,
    tags: str | None,
    status: str | None,
    per_sentence: bool = False,
    predictions: bool = False,
) -> None:
    """A usage error (exit 2) for options that do not go together or are not known."""
    if fmt not in IMPORT_FORMATS:
        raise UsageError(f"--format: {fmt!r}: choose one of {', '.join(IMPORT_FORMATS)}")
    if corpus.suffix != ".jsonl":
        raise UsageError(f"-o {corpus}: the corpus is written as a .jsonl file of documents")
    if predictions and fmt != "labelstudio":
        raise UsageError("--predictions is for labelstudio")
    if predictions and annotations is None:
        raise UsageError("--predictions imports them as records: pass --annotations FILE")
    # Without --annotator the records are of the annotator the file names, else of the login
    # name (``import_annotator``); predictions, of their model_version.
    if annotations is None and annotator is not None:
        raise UsageError("--annotator NAME names whose records --annotations FILE holds: pass both")
    # real_path: a loop of links is one line (Path.resolve raised RuntimeError for it).
    if annotations is not None and real_path(annotations, "cannot write") == real_path(
        corpus, "cannot write"
    ):
        raise UsageError("--annotations must be another file than the corpus")
    if annotator is not None:
        check_annotator(annotator)
    if offsets not in (None, "codepoints", "utf16"):
        raise UsageError(f"--offsets: {offsets!r}: choose codepoints or utf16")
    if offsets == "utf16" and fmt not in UTF16_FORMATS:
        raise UsageError("--offsets utf16 is for doccano and labelstudio")
    if tags is not None and tags not in TAG_SCHEMES:
        raise UsageError(f"--tags {tags}: choose one of {', '.join(TAG_SCHEMES)}")
    if tags is not None and fmt not in ("conll", "conllu", "hf"):
        # A right scheme for another format was said as if the scheme were wrong.
        raise UsageError(f"--tags is for conll, conllu and hf (not {fmt}): {fmt} has no tags")
    if per_sentence and fmt != "conll":
        raise UsageError("--per-sentence is for conll")
    if status is not None and status not in STATUSES:
        raise UsageError(f"--status: {status!r}: choose one of {', '.join(STATUSES)}")


def check_keys(fmt: str, text_key: str | None, label_key: str | None) -> None:
    """doccano's columns, as its own import lets the user name them; Label Studio's data key
    of the text (``$body`` in a labelling config)."""
    if text_key is not None and fmt not in ("doccano", "labelstudio"):
        raise UsageError("--text-key is for doccano and labelstudio")
    if label_key is not None and fmt != "doccano":
        raise UsageError("--label-key is for doccano")
    for option, key in (("--text-key", text_key), ("--label-key", label_key)):
        if key == "":
            raise UsageError(f"{option}: name the field (not empty)")


def check_annotator(name: str) -> None:
    """The name annotate takes (it names the journal file), so the records can be worked on."""
    from annotator.core.session import ANNOTATOR_NAME

    if not ANNOTATOR_NAME.match(name):
        raise UsageError(
            f"--annotator {name!r}: use letters, digits, '.', '_', '-' or '@' (as annotate "
            "takes it: it names the journal file)"
        )


def import_annotator(
    docs: Sequence[ImportedDoc], source: Path, login: Callable[[], str] | None
) -> tuple[str, str]:
    """Whose records ``--annotations`` holds without ``--annotator``, and why: the one
    annotator the file's records name (our jsonl: re-imported work stays its writer's), else
    ``login`` (the login name, as annotate takes it). Records of several annotators are
    refused: the import writes one annotator's records."""
    names = sorted(
        {doc.annotator for doc in docs if isinstance(doc, RecordLineDoc) and doc.annotator}
    )
    if len(names) > 1:
        listed = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        raise AnnotatorError(
            f"{source}: records of {len(names)} annotators ({listed}); the import writes one "
            "annotator's records: choose whose with --annotator NAME"
        )
    if names:
        name, why = names[0], f"the annotator the records in {source.name} name"
    elif login is not None:
        name, why = login(), "your login name, as annotate takes it"
    else:
        raise AnnotatorError("--annotations FILE: name whose records they are with --annotator")
    try:
        check_annotator(name)
    except UsageError as error:
        raise AnnotatorError(f"{source}: {why}: {error}") from None
    return name, why
