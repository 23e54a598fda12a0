"""What import reads as it is found: CRLF brat files, a BOM, a path that is not there, --force."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats import IMPORT_FORMATS
from annotator.core.formats.common import Item
from annotator.core.formats.importing import import_documents
from annotator.core.formats.prodigy import task
from annotator.core.models import Document
from tests.test_agreement_data import run_cli as cli
from tests.test_formats_support import record, spans_of, texts_of

BOM = b"\xef\xbb\xbf"


def test_brat_crlf_text_becomes_lf_with_spans_on_the_same_characters(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    raw = "Kyiv, Sunday.\r\n\r\nUkraine freed 146\rpeople."
    (folder / "a.txt").write_bytes(BOM + raw.encode("utf-8"))
    # brat counts the characters of the file as it is (the BOM too, as Python reads it).
    file_text = "\ufeff" + raw
    words = [("Kyiv", "GPE"), ("Ukraine", "GPE"), ("146", "N"), ("people", "N")]
    lines = []
    for number, (word, label) in enumerate(words, start=1):
        start = file_text.index(word)
        lines.append(f"T{number}\t{label} {start} {start + len(word)}\t{word}")
    start = file_text.index("freed")  # across the lone CR: two fragments, joined
    lines.append(f"T5\tX {start} {start + 9};{start + 10} {start + 16}\tfreed 146 people")
    (folder / "a.ann").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    warnings: list[str] = []
    result = import_documents(folder, "brat", tmp_path / "c.jsonl",
                              annotations=tmp_path / "r.jsonl", annotator="a",
                              on_warning=warnings.append)  # fmt: skip
    assert result.spans == 5, warnings
    text = "Kyiv, Sunday.\n\nUkraine freed 146\npeople."
    assert texts_of(tmp_path / "c.jsonl") == {"a": text}
    spans = orjson.loads((tmp_path / "r.jsonl").read_bytes())["spans"]
    assert [s["text"] for s in spans] == ["Kyiv", "Ukraine", "freed 146\npeople", "146", "people"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    # The warning's offsets are the .ann's, and says so (the record's are 3 less here).
    joined = next(line for line in warnings if "discontinuous span X" in line)
    assert f"one span {start}..{start + 16} (as the .ann counts the file; less its CRs" in joined


def test_brat_offsets_past_a_crlf_text_are_still_outside(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"Kyiv\r\nfreed")
    (folder / "a.ann").write_text("T1\tGPE 8 12\tfree\n", encoding="utf-8")
    warnings: list[str] = []
    with pytest.raises(AnnotatorError, match="1 span"):
        import_documents(folder, "brat", tmp_path / "c.jsonl", annotations=tmp_path / "r.jsonl",
                         annotator="a", on_warning=warnings.append)  # fmt: skip
    # Checked against the file as brat counts it (CRs too), so the line says the .ann's own
    # offsets; then the text is made LF, as every import makes it, and that is said (no
    # span is left to move with it: the line does not say one moved).
    assert warnings == [
        f"{folder / 'a.ann'}:1: T1: GPE 8..12 lies outside the text (11); not imported",
        f"1 document(s) had CRLF or CR line endings (first: {folder / 'a.txt'}: document a): "
        "their text is made LF, as a .txt corpus is read",
    ]


@pytest.mark.parametrize("fmt", IMPORT_FORMATS)
def test_a_source_that_does_not_exist_is_said_so(tmp_path: Path, fmt: str) -> None:
    missing = tmp_path / "nope"
    result = cli("import", missing, "--format", fmt, "-o", tmp_path / "z.jsonl")
    assert (result.returncode, result.stderr) == (1, f"{missing}: no such file or folder\n")


@pytest.mark.parametrize(
    ("fmt", "name", "content"),
    [
        ("doccano", "d.jsonl", b'{"id": "a", "text": "Kyiv", "label": [[0, 4, "GPE"]]}\n'),
        ("prodigy", "p.jsonl",
         b'{"text": "Kyiv", "meta": {"doc_id": "a"}, "spans": [{"start": 0, "end": 4, '
         b'"label": "GPE"}]}\n'),
        ("jsonl", "j.jsonl", b'{"id": "a", "text": "Kyiv", "meta": {}}\n'),
        ("labelstudio", "l.json",
         b'[{"id": "a", "data": {"text": "Kyiv"}, "annotations": [{"result": [{"value": '
         b'{"start": 0, "end": 4, "text": "Kyiv", "labels": ["GPE"]}}]}]}]'),
        ("doccano", "pretty.json", b'[\n {"id": "a", "text": "Kyiv", "label": [[0, 4, "GPE"]]}\n]'),
    ],
)  # fmt: skip
def test_a_leading_bom_is_dropped(tmp_path: Path, fmt: str, name: str, content: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(BOM + content)
    # The jsonl line is a document without a record: --annotations would have none to write.
    annotations, annotator = (tmp_path / "r.jsonl", "x") if fmt != "jsonl" else (None, None)
    import_documents(
        source, fmt, tmp_path / "c.jsonl", annotations=annotations, annotator=annotator
    )
    assert texts_of(tmp_path / "c.jsonl") == {"a": "Kyiv"}
    if annotations is not None:
        assert spans_of(annotations) == {"a": {(0, 4, "GPE")}}


def test_force_says_which_files_it_replaced(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Kyiv", "label": [[0, 4, "GPE"]]}\n')
    corpus, scheme = tmp_path / "f.jsonl", tmp_path / "f.scheme.toml"
    args = ["import", source, "--format", "doccano", "-o", corpus]
    first = cli(*args, "--annotations", tmp_path / "r.jsonl", "--annotator", "a")
    assert first.stdout.splitlines()[1:] == [
        f"wrote {corpus}",
        f"wrote {scheme}",
        f"wrote {tmp_path / 'r.jsonl'}",
        # validate's default scheme is the shipped one: the line to check them with this one.
        f"check them: annotator validate {tmp_path / 'r.jsonl'} --corpus {corpus} --scheme "
        f"{scheme}",
        # r.jsonl is not where annotate looks (OUT/annotations/NAME.jsonl): it says so.
        f"annotate them: annotate opens a's journal at OUT/annotations/a.jsonl, not "
        f"{tmp_path / 'r.jsonl'}: move it to {tmp_path / 'annotations' / 'a.jsonl'}, then: "
        f"annotator annotate {corpus} --scheme {scheme} --annotator a --out {tmp_path}",
    ]
    checked = cli("validate", tmp_path / "r.jsonl", "--corpus", corpus, "--scheme", scheme)
    assert checked.returncode == 0, checked.stderr
    scheme.write_text("# edited\n", encoding="utf-8")
    records = tmp_path / "r2.jsonl"
    result = cli(*args, "--annotations", records, "--annotator", "a", "--force")
    assert result.returncode == 0, result.stderr
    # The edited scheme is kept aside (``import_outputs.keep_edited_scheme_aside``).
    [aside] = tmp_path.glob("f.scheme.toml.replaced-*")
    assert aside.read_text(encoding="utf-8") == "# edited\n"
    assert result.stdout.splitlines()[1:] == [
        f"replaced {corpus}",
        f"replaced {scheme}; it is not the scheme this import writes (edited since, or another "
        f"import's), so the file as it was is kept as {aside}",
        f"wrote {records}",
        f"check them: annotator validate {records} --corpus {corpus} --scheme {scheme}",
        f"annotate them: annotate opens a's journal at OUT/annotations/a.jsonl, not {records}: "
        f"move it to {tmp_path / 'annotations' / 'a.jsonl'}, then: annotator annotate {corpus} "
        f"--scheme {scheme} --annotator a --out {tmp_path}",
    ]


@pytest.mark.parametrize(
    ("status", "answer"), [("done", "accept"), ("in_progress", "ignore"), ("skipped", "ignore")]
)
def test_prodigy_accepts_only_finished_documents(status: str, answer: str) -> None:
    text = "Kyiv freed 146."
    item = Item(Document(id="d", text=text), record("d", text, [(0, 4, "GPE")], status=status))
    assert task(item)["answer"] == answer


def test_an_output_over_the_source_is_refused_and_a_new_folder_is_said(tmp_path: Path) -> None:
    """A trial: `import X -o X --force` replaced the source with the corpus (export refuses it
    too), and `-o nodir/deep/c.jsonl` made the folders a typo named, unsaid."""
    source = tmp_path / "tasks.jsonl"
    source.write_bytes(orjson.dumps({"text": "Kyiv freed 146 people."}) + b"\n")
    kept = source.read_bytes()
    refused = cli("import", source, "--format", "prodigy", "-o", source, "--force")
    assert (refused.returncode, refused.stderr) == (
        1,
        f"{source}: is the same file as the source ({source}); write the import to another "
        "file (nothing was written)\n",
    )
    assert source.read_bytes() == kept
    # A folder that does not exist is made, and said (an import often starts a project's
    # folder; a typo must not make one unseen).
    made = tmp_path / "nodir" / "deep" / "c.jsonl"
    result = cli("import", source, "--format", "prodigy", "-o", made)
    assert result.returncode == 0, result.stderr
    assert f"made the folder {made.parent}\n" in result.stdout  # and nodir above it
    assert made.exists()
