"""The README's example scheme loads: a newcomer copies it to start a scheme of their own."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.scheme import load_scheme

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_scheme_block_loads_with_every_label_and_field(tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1
    # Copied as it is, with nothing beside it (a trial's copy named a guidelines file that was
    # not there, and schema check refused it): the guidelines line is there, commented out.
    (tmp_path / "protest.toml").write_text(blocks[0], encoding="utf-8")
    scheme = load_scheme(tmp_path / "protest.toml")
    assert '# guidelines = "protest.md"' in blocks[0]
    assert [label.name for label in scheme.labels] == ["organiser", "crowd"]
    assert [field.name for field in scheme.fields] == ["event_type", "crowd_size", "arrests"]
    assert [field.name for field in scheme.fields[2].fields] == ["count", "where"]
