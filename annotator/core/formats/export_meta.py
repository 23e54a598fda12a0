"""What brat, hf and conll exports cannot carry of the documents themselves: their ``meta``
(and conll, their ids and their text's whitespace), said once for the export, counted, as
``export.times_left_out`` says a record's times. A curator found a Prodigy file's ``"source":
"The New York Times"`` gone after a brat export without a word; jsonl ``--with-text``,
prodigy, doccano, labelstudio and spacy write the meta."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core.corpus import txt_meta
from annotator.core.formats.common import Item

DROPS_META = ("brat", "conll", "hf")
KEYS_NAMED = 5  # the meta keys a line names; more are counted


def meta_left_out(items: Sequence[Item], fmt: str) -> list[str]:
    """The lines saying what of the documents' meta (and ids) ``fmt`` does not write."""
    if fmt not in DROPS_META:
        return []
    lines = []
    if fmt == "conll":  # never written: an import names them after the file, in this order
        lines.append(
            f"conll cannot carry document ids: not written for {len(items)} document(s) "
            f"(first: {items[0].record.doc_id}); an import back names them <file>-000001 on, "
            "in this order"
        )
    if fmt == "conll":
        lines.extend(_text_left_out(items))
    keys: Counter[str] = Counter()
    having: list[str] = []
    for item in items:
        lost = _lost_keys(item, fmt)
        if lost:
            having.append(item.record.doc_id)
            keys.update(lost)
    if having:
        named = ", ".join(f"{key} ({count})" for key, count in keys.most_common(KEYS_NAMED))
        more = f" and {len(keys) - KEYS_NAMED} more key(s)" if len(keys) > KEYS_NAMED else ""
        back = (
            "; an import back gives only source (the file's name) and date (from a dateline)"
            if fmt == "brat"
            else ""
        )
        lines.append(
            f"{fmt} cannot carry a document's meta: not written for {len(having)} document(s) "
            f"(first: {having[0]}; keys: {named}{more}){back}; jsonl --with-text, prodigy, "
            "doccano, labelstudio and spacy keep it"
        )
    return lines


def _text_left_out(items: Sequence[Item]) -> list[str]:
    """conll: the documents an import back gives another text (``conll.text_read_back``), and
    so other offsets; the cut-word line says only a part of it."""
    from annotator.core.formats.conll import text_read_back

    changed = [
        item.record.doc_id
        for item in items
        if _surely_changed(item.document.text)
        or text_read_back(item.document.text, item.record.spans) != item.document.text
    ]
    if not changed:
        return []
    return [
        "conll cannot carry the text's whitespace: an import back rebuilds each text from its "
        "tokens, one sentence per line, words spaced ('27–29' as '27 – 29'; blank lines and a "
        f"last line break dropped), so {len(changed)} document(s) (first: {changed[0]}) come "
        "back with another text and other offsets; jsonl --with-text, prodigy, doccano, "
        "labelstudio, brat and spacy keep the text"
    ]


def _surely_changed(text: str) -> bool:
    """Whitespace a text read back never has (a final line break, a blank line, two spaces, a
    tab): most texts are told apart so, without tokenizing them again."""
    return text != text.strip() or any(gap in text for gap in ("\n\n", "  ", "\t", "\r"))


def _lost_keys(item: Item, fmt: str) -> list[str]:
    """The meta keys of ``item``'s document an import of the export does not give back: all of
    them, but for brat the ``source`` and ``date`` its ``<id>.txt`` gives back as they were."""
    meta: dict[str, Any] = item.document.meta
    if fmt != "brat":
        return list(meta)
    back = txt_meta(Path(f"{item.document.id}.txt"), item.document.text)
    return [key for key, value in meta.items() if back.get(key) != value]
