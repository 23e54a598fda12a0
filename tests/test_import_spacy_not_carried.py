"""spaCy import says what a record cannot carry: ``doc.cats`` and a span's ``kb_id``.

A curator's trial imported a DocBin whose document had ``cats = {"exchange": 1.0}`` and an
entity with ``kb_id="Q1"``: exit 0 and not a word of either.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.importing import import_documents
from tests.test_formats_support import need

TEXT = "Kestria freed 12 soldiers to Norvania."


def docbin(path: Path) -> Path:
    need("spacy")
    from spacy.tokens import Doc, DocBin, Span
    from spacy.vocab import Vocab

    vocab = Vocab()
    words = ["Kestria", "freed", "12", "soldiers", "to", "Norvania", "."]
    spaces = [True, True, True, True, True, False, False]
    first = Doc(vocab, words=words, spaces=spaces)
    first.cats = {"exchange": 1.0, "other": 0.0}
    first.ents = [Span(first, 0, 1, label="actor", kb_id="Q1"), Span(first, 5, 6, label="actor")]
    second = Doc(vocab, words=words, spaces=spaces)
    second.ents = [Span(second, 5, 6, label="actor", kb_id="Q2")]
    plain = Doc(vocab, words=words, spaces=spaces)
    plain.ents = [Span(plain, 2, 3, label="count")]
    bin_ = DocBin(docs=[first, second, plain])
    path.write_bytes(bin_.to_bytes())
    return path


def test_cats_and_kb_ids_are_said_and_counted(tmp_path: Path) -> None:
    source = docbin(tmp_path / "cats.spacy")
    said: list[str] = []
    result = import_documents(
        source,
        "spacy",
        tmp_path / "o" / "c.jsonl",
        annotations=tmp_path / "o" / "a.jsonl",
        annotator="cur",
        on_warning=said.append,
    )
    assert said == [
        f"{source}: doc.cats: 1 document(s) (first: doc 1: {{'exchange': 1.0, 'other': 0.0}}); "
        "not carried: a record has no place for text categories",
        f"{source}: kb_id: 2 span(s) (first: doc 1: ents: 'Kestria' kb_id 'Q1'); not carried: "
        "a span has no place for a knowledge-base id",
    ]
    assert (result.documents, result.records, result.spans) == (3, 3, 4)
    assert result.summary().endswith(
        "; not imported: 1 document(s) with doc.cats, 2 span kb_id(s) (listed above)"
    )


def test_a_span_group_other_than_ours_is_said_with_its_spans_kept(tmp_path: Path) -> None:
    """A DocBin whose spans lie in ``doc.spans["places"]``: every span was imported and the
    group's name lost unsaid (an export writes every span to ``doc.spans["sc"]``)."""
    need("spacy")
    from spacy.tokens import Doc, DocBin, Span
    from spacy.vocab import Vocab

    words = ["Kestria", "freed", "12", "soldiers", "to", "Norvania", "."]
    doc = Doc(Vocab(), words=words, spaces=[True, True, True, True, True, False, False])
    doc.spans["sc"] = [Span(doc, 2, 3, label="count")]
    doc.spans["places"] = [Span(doc, 0, 1, label="actor"), Span(doc, 5, 6, label="actor")]
    source = tmp_path / "groups.spacy"
    source.write_bytes(DocBin(docs=[doc]).to_bytes())
    said: list[str] = []
    result = import_documents(source, "spacy", tmp_path / "o" / "c.jsonl",
                              annotations=tmp_path / "o" / "a.jsonl", annotator="cur",
                              on_warning=said.append)  # fmt: skip
    assert said == [
        f"{source}: span groups: 2 span(s) in doc.spans groups other than 'sc' (first: doc 1: "
        "places: 'Kestria' actor); not carried: a span has no place for its group's name (an "
        "export writes every span to doc.spans['sc'])"
    ]
    assert result.spans == 3
    assert result.summary().endswith("; not imported: 2 span(s)' group names (listed above)")


def test_token_annotations_of_a_parsed_docbin_are_said(tmp_path: Path) -> None:
    """A DocBin of a parsed corpus (POS, lemmas, dependencies): the import kept the entities
    and dropped the rest without a word, where conll and conllu say their columns."""
    need("spacy")
    from spacy.tokens import Doc, DocBin, Span
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["Ana", "met", "Bo", "."], spaces=[True, True, False, False],
              pos=["PROPN", "VERB", "PROPN", "PUNCT"], lemmas=["Ana", "meet", "Bo", "."],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "obj", "punct"])  # fmt: skip
    doc.ents = [Span(doc, 0, 1, label="actor")]
    source = tmp_path / "parsed.spacy"
    source.write_bytes(DocBin(docs=[doc]).to_bytes())
    said: list[str] = []
    result = import_documents(source, "spacy", tmp_path / "o" / "c.jsonl",
                              annotations=tmp_path / "o" / "a.jsonl", annotator="cur",
                              on_warning=said.append)  # fmt: skip
    assert said == [
        f"{source}: token annotations: 1 document(s) (first: doc 1: POS, LEMMA, DEP); not "
        "carried: a record holds labelled spans only"
    ]
    assert result.spans == 1
