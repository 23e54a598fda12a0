"""Whether doccano or Label Studio offsets count UTF-16 units is decided from the data.

Spans without their text (doccano rows; Label Studio results without ``value.text``) cannot be
checked against it: read the wrong way after an emoji they land a character off ('arty”' for
'party'). Read both ways where the readings differ: when code points cut words and UTF-16
units fall on word boundaries throughout, the import (``offsets=None``: not said) refuses,
naming the first such span and both options; with ``--offsets codepoints`` it reads them as
asked and says once what it saw. When both readings fit, nothing is said.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from tests.test_agreement_data import run_cli as cli

# The curator's row: a JavaScript tool counted the 🎉 as two units.
TEXT = "Officials said “all of the 🎉 party” was in Zürich."
PARTY, ZURICH = TEXT.index("party"), TEXT.index("Zürich")
UTF16_LABELS = [[PARTY + 1, PARTY + 6, "EV"], [ZURICH + 1, ZURICH + 7, "LOC"]]
REFUSAL = (
    "{source}:1: label.0: EV 30..35 read as code points is 'arty”', which cuts the word "
    "'party'; read as UTF-16 units it is 'party', and so all 2 span(s) whose readings differ "
    "fit"
)


def doccano(path: Path, text: str, labels: list[list[Any]]) -> Path:
    path.write_bytes(orjson.dumps({"id": "d", "text": text, "label": labels}) + b"\n")
    return path


def span_texts(path: Path) -> list[str]:
    (record,) = map(orjson.loads, path.read_bytes().splitlines())
    return [span["text"] for span in record["spans"]]


def run(source: Path, fmt: str, out: Path, warnings: list[str], **options: Any) -> None:
    import_documents(source, fmt, out / "c.jsonl", annotations=out / "r.jsonl", annotator="x",
                     on_warning=warnings.append, **options)  # fmt: skip


def test_utf16_offsets_without_span_text_are_refused_when_offsets_is_not_said(
    tmp_path: Path,
) -> None:
    source = doccano(tmp_path / "d.jsonl", TEXT, UTF16_LABELS)
    warnings: list[str] = []
    with pytest.raises(AnnotatorError) as caught:
        run(source, "doccano", tmp_path / "out", warnings, offsets=None)
    assert str(caught.value) == REFUSAL.format(source=source) + (
        ": the offsets count UTF-16 units; nothing written: pass --offsets utf16 "
        "(--offsets codepoints keeps them as they are)"
    )
    assert warnings == [] and not (tmp_path / "out").exists()


def test_label_studio_results_without_text_are_weighed_too(tmp_path: Path) -> None:
    results = [
        {"type": "labels", "value": {"start": start, "end": end, "labels": [label]}}
        for start, end, label in UTF16_LABELS
    ]
    task = {"data": {"text": TEXT}, "annotations": [{"result": results}]}
    source = tmp_path / "ls.json"
    source.write_bytes(orjson.dumps([task]))
    with pytest.raises(AnnotatorError, match="read as UTF-16 units it is 'party'"):
        run(source, "labelstudio", tmp_path / "out", [], offsets=None)
    run(source, "labelstudio", tmp_path / "u", [], offsets="utf16")
    assert span_texts(tmp_path / "u" / "r.jsonl") == ["party", "Zürich"]


def test_the_cli_says_what_it_saw_and_reads_either_way_as_told(tmp_path: Path) -> None:
    source = doccano(tmp_path / "d.jsonl", TEXT, UTF16_LABELS)
    base = ["import", source, "--format", "doccano", "--annotator", "x"]
    result = cli(*base, "-o", tmp_path / "u.jsonl", "--annotations", tmp_path / "u.r.jsonl",
                 "--offsets", "utf16")  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert span_texts(tmp_path / "u.r.jsonl") == ["party", "Zürich"]
    result = cli(*base, "-o", tmp_path / "c.jsonl", "--annotations", tmp_path / "c.r.jsonl",
                 "--offsets", "codepoints")  # fmt: skip
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        REFUSAL.format(source=source) + ": the offsets look counted in UTF-16 units; imported "
        "as code points (--offsets codepoints): import with --offsets utf16 if the tool "
        "counted UTF-16 units",
        "1 warning(s): see above",
    ]
    assert span_texts(tmp_path / "c.r.jsonl") == ["arty”", "ürich."]


def test_code_point_offsets_beside_an_emoji_import_without_a_hint(tmp_path: Path) -> None:
    # Before, every file with an emoji got "if this file came from a tool counting UTF-16
    # units, import with --offsets utf16", right or not.
    labels = [[PARTY, PARTY + 5, "EV"], [ZURICH, ZURICH + 6, "LOC"]]
    source = doccano(tmp_path / "d.jsonl", TEXT, labels)
    result = cli("import", source, "--format", "doccano", "-o", tmp_path / "c.jsonl",
                 "--annotations", tmp_path / "r.jsonl", "--annotator", "x")  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    warnings: list[str] = []
    run(source, "doccano", tmp_path / "out", warnings, offsets=None)
    assert warnings == [] and span_texts(tmp_path / "out" / "r.jsonl") == ["party", "Zürich"]


def test_both_readings_fitting_keep_code_points_silently(tmp_path: Path) -> None:
    # 2..3 is 'a' as code points and the space before it as UTF-16 units: neither cuts a word.
    source = doccano(tmp_path / "d.jsonl", "🎉 a b", [[2, 3, "X"]])
    warnings: list[str] = []
    run(source, "doccano", tmp_path / "out", warnings, offsets=None)
    assert warnings == [] and span_texts(tmp_path / "out" / "r.jsonl") == ["a"]


def test_mixed_evidence_keeps_code_points_with_one_warning(tmp_path: Path) -> None:
    # 'party' is misread as code points ('arty”'), 'Zürich' 43..49 as UTF-16 units (' Züric'):
    # neither reading fits throughout.
    labels = [[PARTY + 1, PARTY + 6, "EV"], [ZURICH, ZURICH + 6, "LOC"]]
    source = doccano(tmp_path / "d.jsonl", TEXT, labels)
    warnings: list[str] = []
    run(source, "doccano", tmp_path / "out", warnings, offsets=None)
    assert warnings == [
        f"{source}:1: label.0: EV 30..35 read as code points is 'arty”', which cuts the word "
        "'party'; read as UTF-16 units it is 'party'; yet read as UTF-16 units 1 of 2 span(s) "
        "whose readings differ do not fit either: offsets read as code points (pass --offsets "
        "utf16 if the tool counted UTF-16 units)"
    ]
    assert span_texts(tmp_path / "out" / "r.jsonl") == ["arty”", "Zürich"]


def test_words_either_way_are_said_with_both_readings(tmp_path: Path) -> None:
    """A trial: three emoji before "US", its UTF-16 offsets read as code points give "to", a
    word too: imported as "to" with no word said."""
    text = "🔥🔥🔥 Breaking: US to EU talks"
    units = text.index("US") + 3  # each emoji counts two UTF-16 units
    source = doccano(tmp_path / "d.jsonl", text, [[units, units + 2, "GPE"]])
    warnings: list[str] = []
    run(source, "doccano", tmp_path / "out", warnings, offsets=None)
    assert warnings == [
        f"{source}:1: label.0: GPE {units}..{units + 2} read as code points is 'to'; read as "
        "UTF-16 units it is 'US': 1 span(s) after characters UTF-16 counts twice fit either "
        "way; read as code points (pass --offsets utf16 if the tool counted UTF-16 units)"
    ]
    assert span_texts(tmp_path / "out" / "r.jsonl") == ["to"]


def test_a_span_past_the_end_as_code_points_is_said_as_the_import_says_it(tmp_path: Path) -> None:
    # Read as code points 29..36 ends past the text, 35 long; as UTF-16 units it is "Zürich."
    # The length said is the one a bad span's line gives (checks._span_problem).
    text = "Officials said “all of 🎉 in Zürich."
    start = text.index("Zürich")
    source = doccano(tmp_path / "d.jsonl", text, [[start + 1, len(text) + 1, "LOC"]])
    with pytest.raises(AnnotatorError) as caught:
        run(source, "doccano", tmp_path / "out", [], offsets=None)
    assert str(caught.value) == (
        f"{source}:1: label.0: LOC 29..36 read as code points lies outside the text (35); "
        "read as UTF-16 units it is 'Zürich.', and so all 1 span(s) whose readings differ fit: "
        "the offsets count UTF-16 units; nothing written: pass --offsets utf16 "
        "(--offsets codepoints keeps them as they are)"
    )
