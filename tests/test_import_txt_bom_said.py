"""What an import says of the texts it changes (a byte order mark dropped, CRLF made LF) is
only what is true: ``--format txt`` holds no spans, yet a trial's import of a .txt with a BOM
said "dropped, as a .txt corpus drops it, and their spans moved with it"."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.importing import import_documents

BOM = b"\xef\xbb\xbf"


def _warnings(source: Path, fmt: str, out: Path) -> list[str]:
    warnings: list[str] = []
    records = out / "a.jsonl" if fmt == "brat" else None  # txt takes no annotations
    annotator = "al" if fmt == "brat" else None
    import_documents(source, fmt, out / "c.jsonl", annotations=records, annotator=annotator,
                     on_warning=warnings.append)  # fmt: skip
    return warnings


def test_a_txt_import_says_the_mark_and_crlf_without_spans(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bom.txt").write_bytes(BOM + b"Kestria freed 95 prisoners.\n")
    (folder / "crlf.txt").write_bytes(b"Norvania thanked Kestria.\r\n")
    assert _warnings(folder, "txt", tmp_path / "o") == [
        f"1 document(s) began with a byte order mark (first: {folder / 'bom.txt'}: document "
        "bom): dropped, as a .txt corpus drops it",
        f"1 document(s) had CRLF or CR line endings (first: {folder / 'crlf.txt'}: document "
        "crlf): their text is made LF, as a .txt corpus is read",
    ]


def test_a_brat_import_says_its_spans_moved_only_when_it_has_some(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bare.txt").write_bytes(BOM + b"Kestria\r\n")
    (folder / "bare.ann").write_text("", encoding="utf-8")
    (folder / "held.txt").write_bytes(BOM + b"Norvania\r\n")
    (folder / "held.ann").write_text("T1\tGPE 1 9\tNorvania\n", encoding="utf-8")
    assert _warnings(folder, "brat", tmp_path / "o") == [
        f"2 document(s) began with a byte order mark (first: {folder / 'bare.txt'}: document "
        "bare): dropped, as a .txt corpus drops it, and their spans moved with it",
        f"2 document(s) had CRLF or CR line endings (first: {folder / 'bare.txt'}: document "
        "bare): their text is made LF, as a .txt corpus is read, and their spans moved with it",
    ]
    (folder / "held.ann").write_text("", encoding="utf-8")
    assert _warnings(folder, "brat", tmp_path / "o2") == [
        f"2 document(s) began with a byte order mark (first: {folder / 'bare.txt'}: document "
        "bare): dropped, as a .txt corpus drops it",
        f"2 document(s) had CRLF or CR line endings (first: {folder / 'bare.txt'}: document "
        "bare): their text is made LF, as a .txt corpus is read",
    ]
