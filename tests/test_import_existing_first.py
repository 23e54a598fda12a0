"""An import into files that exist is refused before the source is read: a second run into the
same corpus printed every line about the source (9 for Label Studio's converter export), then
refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

CSV_TEST = FIXTURES / "label_studio" / "converter_csv_test" / "csv_test.json"


@pytest.mark.parametrize("existing", ["c.jsonl", "a.jsonl"])
def test_existing_outputs_are_refused_before_any_line_about_the_source(
    tmp_path: Path, existing: str
) -> None:
    (tmp_path / existing).write_text("kept\n", encoding="utf-8")
    said: list[str] = []
    with pytest.raises(AnnotatorError) as raised:
        import_documents(CSV_TEST, "labelstudio", tmp_path / "c.jsonl",
                         annotations=tmp_path / "a.jsonl", annotator="cur",
                         on_warning=said.append)  # fmt: skip
    assert str(raised.value) == (
        f"{tmp_path / existing}: already exists; choose another name or pass --force"
    )
    assert said == []
    assert (tmp_path / existing).read_text(encoding="utf-8") == "kept\n"
