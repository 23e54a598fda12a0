"""Spans that are bad data stop an import unless --skip-bad; what a record cannot carry is counted.

Bad data: a span outside its text, empty, without a label, cutting a character in two, or whose
text disagrees with the document. Each is listed (file, line or entry, field), then the import
refuses: exit 1, nothing written. With ``--skip-bad`` they are left out and the summary counts
them. What a format holds that a record cannot carry stays a warning, exit 0, counted too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import ImportResult, import_documents
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import run_cli as cli

REFUSED = (
    "{source}: {count} span(s) are bad data (listed above); nothing written: correct the source "
    "or the options, or pass --skip-bad to import without them"
)


def jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def imported(
    source: Path, fmt: str, folder: Path, warnings: list[str] | None = None, **options: Any
) -> tuple[ImportResult, list[str]]:
    """Import as annotator "a" into ``folder`` (c.jsonl, r.jsonl); the warning lines go to
    ``warnings`` (a new list when not given) as they are said."""
    said: list[str] = [] if warnings is None else warnings
    result = import_documents(
        source,
        fmt,
        folder / "c.jsonl",
        annotations=folder / "r.jsonl",
        annotator="a",
        on_warning=said.append,
        **options,
    )
    return result, said


def refused(source: Path, fmt: str, folder: Path, **options: Any) -> list[str]:
    """The warning lines of an import that must refuse, having written nothing."""
    warnings: list[str] = []
    with pytest.raises(AnnotatorError) as caught:
        imported(source, fmt, folder, warnings, **options)
    bad = [line for line in warnings if "; not imported" in line]
    assert str(caught.value) == REFUSED.format(source=source, count=len(bad))
    assert not folder.exists() or list(folder.iterdir()) == []
    return warnings


def test_labelstudio_result_without_labels_is_reported_counting_from_1(tmp_path: Path) -> None:
    source = tmp_path / "ls.json"
    kyiv = {"value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["GPE"]}}
    unlabelled = {"value": {"start": 19, "end": 25, "labels": []}}
    empty = {"value": {"start": 11, "end": 17, "text": "people", "labels": ["", "PER"]}}
    task = {"id": 7, "data": {"text": "Kyiv freed people on Sunday."}}
    task["annotations"] = [{"result": [kyiv, unlabelled, empty]}]
    source.write_bytes(orjson.dumps([{"data": {"text": "Other."}}, task]))
    at = f"{source}:1: task 2 (id 7): annotation 1"
    assert refused(source, "labelstudio", tmp_path / "out") == [
        f"{at}: result 2: value.labels: empty, the span has no label; not imported",
        f"{at}: result 3: value.labels.0: empty label; not imported",
    ]
    result, _warnings = imported(source, "labelstudio", tmp_path / "out", skip_bad=True)
    assert (result.spans, result.bad_spans) == (2, 2)  # Kyiv, and people as PER


@pytest.mark.parametrize(
    ("fmt", "row", "field"),
    [
        ("prodigy", {"text": "Kyiv freed", "answer": "accept",
                     "spans": [{"start": 0, "end": 4, "label": ""}]},
         "spans.0.label"),
        ("doccano", {"text": "Kyiv freed", "label": [[0, 4, ""]]}, "label.0.2"),
        ("doccano", {"text": "Kyiv freed",
                     "entities": [{"id": 1, "label": "", "start_offset": 0, "end_offset": 4}]},
         "entities.0.label"),
    ],
)  # fmt: skip
def test_an_empty_label_names_file_line_and_field(
    tmp_path: Path, fmt: str, row: dict[str, Any], field: str
) -> None:
    source = jsonl(tmp_path / "emptylab.jsonl", row)
    result = cli("import", source, "--format", fmt, "-o", tmp_path / "out" / "c.jsonl",
                 "--annotations", tmp_path / "out" / "r.jsonl", "--annotator", "a")  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{source}:1: {field}: empty label; not imported",
        REFUSED.format(source=source, count=1),
    ]
    assert "--map" not in result.stderr and not (tmp_path / "out").exists()


def test_bad_spans_refuse_the_import_unless_skip_bad(tmp_path: Path) -> None:
    text = "Kyiv freed 146 people."
    source = jsonl(
        tmp_path / "t.jsonl",
        {"text": text, "meta": {"doc_id": "a"}, "answer": "accept", "spans": [
            {"start": 0, "end": 4, "label": "GPE", "text": "Kyiv"},
            {"start": 11, "end": 14, "label": "N", "text": "147"},
            {"start": 15, "end": 99, "label": "N"},
            {"start": 5, "end": 5, "label": "N"},
        ]},
    )  # fmt: skip
    args = ["import", source, "--format", "prodigy", "-o", tmp_path / "c.jsonl",
            "--annotations", tmp_path / "r.jsonl", "--annotator", "a"]  # fmt: skip
    bad = [
        f"{source}:1: spans.1: N 11..14: text '147' does not match the document there ('146'); "
        "not imported",
        f"{source}:1: spans.2: N 15..99 lies outside the text (22); not imported",
        f"{source}:1: spans.3: N 5..5 is empty; not imported",
    ]
    result = cli(*args)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [*bad, REFUSED.format(source=source, count=3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.jsonl"]
    result = cli(*args, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "imported 1 document(s), 1 record(s) with 1 span(s); 3 span(s) left out as bad "
        "(listed above); 1 record(s) that lost spans are in progress and flagged: review them"
    )
    assert result.stderr.splitlines() == [*bad, "3 warning(s): see above"]
    (record,) = (orjson.loads(line) for line in (tmp_path / "r.jsonl").read_bytes().splitlines())
    # The note says what the record lost and why, as the import said it.
    lost = [line.removesuffix("; not imported") for line in bad]
    note = "\n".join(["import --skip-bad left out, as bad data:", *lost])
    assert (record["status"], record["flagged"], record["note"]) == ("in_progress", True, note)


def test_what_a_record_cannot_carry_is_a_warning_counted_in_the_summary(tmp_path: Path) -> None:
    row = {"id": "d", "text": "Kyiv freed Oleh.", "relations": [{"from_id": 1, "to_id": 2}],
           "label": [[0, 4, "GPE"], [0, 4, "GPE"], [11, 15, "PER"]]}  # fmt: skip
    source = jsonl(tmp_path / "d.jsonl", row)
    result = cli("import", source, "--format", "doccano", "-o", tmp_path / "c.jsonl",
                 "--annotations", tmp_path / "r.jsonl", "--annotator", "a")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "imported 1 document(s), 1 record(s) with 2 span(s); not imported: 1 relation(s), "
        "1 duplicate span(s) (listed above)"
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "cut"),
    [
        ("Peace 🕊️ now", 6, 7, "its end cuts the character '🕊️'"),  # before its U+FE0F
        ("We 👍🏽 it", 4, 6, "its start cuts the character '👍🏽'"),  # before the skin tone
        ("👩‍👩‍👧 home", 0, 2, "its end cuts the character '👩\\u200d👩\\u200d👧'"),  # after a ZWJ
        ("Rene\u0301e", 0, 4, "its end cuts the character 'e\u0301'"),  # before the accent
        ("🇺🇦🇷🇺", 1, 3, "its start cuts the character '🇺🇦' and its end cuts the character "
         "'🇷🇺'"),
    ],
)  # fmt: skip
def test_a_span_that_cuts_a_character_is_bad_data(
    tmp_path: Path, text: str, start: int, end: int, cut: str
) -> None:
    source = jsonl(tmp_path / "p.jsonl", {"text": text, "answer": "accept", "spans": [
        {"start": start, "end": end, "label": "X"}]})  # fmt: skip
    assert refused(source, "prodigy", tmp_path / "out") == [
        f"{source}:1: spans.0: X {start}..{end}: {cut} in two; not imported"
    ]


def test_doccano_utf16_offsets_read_as_code_points_are_caught(tmp_path: Path) -> None:
    # doccano rows carry no span text: the drift shows where a span cuts a character.
    text = "Peace 🕊️ for 👩‍👩‍👧 in Kyiv"
    units = text.encode("utf-16-le")
    words = ["Peace", "🕊️", "👩‍👩‍👧", "Kyiv"]
    label = []
    for word in words:
        start = units.find(word.encode("utf-16-le")) // 2
        label.append([start, start + len(word.encode("utf-16-le")) // 2, "X"])
    source = jsonl(tmp_path / "d.jsonl", {"id": "d", "text": text, "label": label})
    hint = " (offsets counted in UTF-16 units? import with --offsets utf16)"
    # Read as code points, as asked (without --offsets the data say UTF-16 and import refuses).
    warnings = refused(source, "doccano", tmp_path / "a", offsets="codepoints")
    assert warnings[0].startswith(f"{source}:1: label.2: X 14..22 read as code points is ")
    assert warnings[0].endswith("the offsets look counted in UTF-16 units; imported as code "
                                "points (--offsets codepoints): import with --offsets utf16 if "
                                "the tool counted UTF-16 units")  # fmt: skip
    assert warnings[1:] == [
        f"{source}:1: label.2: X 14..22: its start cuts the character '👩\\u200d👩\\u200d👧' "
        f"in two; not imported{hint}",
        f"{source}:1: label.3: X 26..30 lies outside the text (26); not imported{hint}",
    ]
    result, _warnings = imported(source, "doccano", tmp_path / "b", offsets="utf16")
    assert (result.spans, result.bad_spans) == (4, 0)


def _six_documents(folder: Path) -> Path:
    rows = [
        {"id": f"d{n}", "text": "Kyiv freed 146.", "label": [[0, 4, "actor"]]} for n in range(6)
    ]
    return jsonl(folder / "six.jsonl", *rows)


def test_a_required_field_empty_in_many_documents_is_one_line(tmp_path: Path) -> None:
    source = _six_documents(tmp_path)
    result, warnings = imported(source, "doccano", tmp_path / "a", scheme=load_default_scheme())
    assert result.records == 6
    assert warnings == [
        "6 document(s): form.event_type: empty, which a done record must fill; imported as "
        f"in_progress (first: {source}:1: document d0)"
    ]
    few = jsonl(tmp_path / "few.jsonl", *orjson.loads(b"[" + b",".join(
        source.read_bytes().splitlines()[:2]) + b"]"))  # fmt: skip
    _result, warnings = imported(few, "doccano", tmp_path / "b", scheme=load_default_scheme())
    assert warnings == [
        f"{few}:{n}: document d{n - 1}: form.event_type: empty, which a done record must fill; "
        "imported as in_progress"
        for n in (1, 2)
    ]
