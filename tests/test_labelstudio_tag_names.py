"""A Label Studio file whose span results name other tags than the export's (``from_name``
``ner``, as Label Studio's own named-entity example, where the export writes ``label``) is
said on import: Label Studio shows a result only under the tag of the labelling config that
``from_name`` names, so the export of the import, loaded into the project the file came from,
showed none of its spans, and nothing had said the names changed."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

NAMED_ENTITY = FIXTURES / "label_studio" / "frontend_examples_named_entity" / "annotations_1.json"


def imported(source: Path, out: Path) -> list[str]:
    said: list[str] = []
    import_documents(source, "labelstudio", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="cur", on_warning=said.append)  # fmt: skip
    return said


def test_other_tag_names_are_said_with_those_an_export_writes(tmp_path: Path) -> None:
    said = imported(NAMED_ENTITY, tmp_path)
    assert (
        f"{NAMED_ENTITY}: 1 span result(s) name the tags from_name 'ner', to_name 'text' "
        "(first: task 1 (id 1), line 1); a labelstudio export writes from_name 'label', "
        "to_name 'text': Label Studio shows them in a project whose labelling config names its "
        "<Labels> 'label' and its <Text> 'text' (docs/formats.md)"
    ) in said


def test_the_export_s_own_names_say_nothing(tmp_path: Path) -> None:
    imported(NAMED_ENTITY, tmp_path / "first")
    out = tmp_path / "out.json"
    export_records(tmp_path / "first" / "a.jsonl", "labelstudio", out,
                   corpus=tmp_path / "first" / "c.jsonl")  # fmt: skip
    assert not [line for line in imported(out, tmp_path / "back") if "from_name" in line]
