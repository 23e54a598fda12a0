"""spaCy import keeps ``doc.user_data`` beyond ``doc_id`` and ``meta`` in the document's meta,
or says what it cannot keep, counted.

It read ``doc_id`` and ``meta`` and dropped every other key without a word (a DocBin made by
another pipeline keeps its own fields there, and an extension attribute's value).
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.importing import import_documents
from tests.test_formats_support import need


def docbin(path: Path) -> Path:
    need("spacy")
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    Doc.set_extension("annotator_test_mood", default=None, force=True)
    first = Doc(vocab, words=["Kestria", "freed", "12", "."], spaces=[True, True, False, False])
    first.user_data.update(
        {
            "doc_id": "a",
            "meta": {"source": "wire", "desk": "Europe"},
            "desk": "Europe",  # meta holds it already, the same: nothing lost
            "section": "World",
            "scores": {"exchange": 0.9},
            "vector": b"\x00\x01",  # bytes: JSON has no such thing
        }
    )
    first._.annotator_test_mood = "calm"
    second = Doc(vocab, words=["Maro", "said", "so", "."], spaces=[True, True, False, False])
    second.user_data.update({"doc_id": 7, "section": "Asia", "meta": ["not", "an", "object"]})
    path.write_bytes(DocBin(docs=[first, second], store_user_data=True).to_bytes())
    return path


def test_user_data_goes_in_meta_or_is_said(tmp_path: Path) -> None:
    source = docbin(tmp_path / "u.spacy")
    said: list[str] = []
    result = import_documents(source, "spacy", tmp_path / "c.jsonl", on_warning=said.append)
    corpus = [orjson.loads(line) for line in (tmp_path / "c.jsonl").read_bytes().splitlines()]
    assert {row["id"]: row["meta"] for row in corpus} == {
        "a": {
            "source": "wire",
            "desk": "Europe",
            "section": "World",
            "scores": {"exchange": 0.9},
        },
        "u-000002": {"section": "Asia"},
    }
    assert said == [
        f"{source}: doc.user_data: kept in the document's meta: section (2 document(s)), "
        "scores (1 document(s))",
        f"{source}: doc.user_data: 4 value(s) not imported (first: doc 1: 'vector' (a bytes "
        "value, which JSON cannot hold))",
    ]
    assert result.summary().endswith("; not imported: 4 doc.user_data value(s) (listed above)")
