from __future__ import annotations

from pathlib import Path
from unittest import mock

import orjson
import pytest

from annotator.core.corpus import dateline_date, normalise_txt, open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.models import sha256_text


def test_txt_rules_bom_crlf_cr_and_dateline(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes("\ufeffdate 2025-08-24 A\r\nB\rC “é”\n".encode())
    doc = open_corpus(tmp_path).get("x")
    assert doc.text == "date 2025-08-24 A\nB\nC “é”\n"
    assert doc.meta["date"] == "2025-08-24"
    assert doc.sha256 == sha256_text(doc.text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("date 2025-08-24 x", "2025-08-24"),
        ("  \n date 2024-02-29\nx", "2024-02-29"),
        ("date 2025-02-30 x", None),
        ("Date 2025-08-24 x", None),
        ("date 2025-08-24x", None),
        ("the date 2025-08-24", None),
    ],
)
def test_dateline(text: str, date: str | None) -> None:
    assert dateline_date(text) == date


def test_folder_ids_are_relative_paths_sorted_by_code_point(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "B.txt", "é.txt", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert open_corpus(tmp_path).ids == ["B", "a/z", "b", "é"]


def test_invalid_utf8_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"ok \xff no")
    corpus = open_corpus(tmp_path)
    with pytest.raises(AnnotatorError, match=r"bad\.txt: invalid UTF-8 at byte 3"):
        corpus.get("bad")


def test_jsonl_corpus_keeps_text_verbatim_and_reads_lazily(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    docs = [{"id": "b", "text": "x\r\ny", "meta": {"date": "2025-01-01"}}, {"id": "a", "text": "é"}]
    path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    corpus = open_corpus(path)
    assert corpus.ids == ["a", "b"]
    assert corpus.get("b").text == "x\r\ny"
    assert corpus.get("b").meta == {"date": "2025-01-01"}


def test_jsonl_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id":"a","text":"x"}\n\n{"id":"a","text":"y"}\n')
    with pytest.raises(AnnotatorError) as caught:
        open_corpus(path)
    assert str(caught.value) == f"{path}:3: id: duplicate document id 'a' (first on line 1)"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"[1]", "expected a JSON object, got an array"),
        (b"{nope", "invalid JSON"),
        (b'{"text": "x"}', "id: required field is missing"),
        (b'{"id": "", "text": "x"}', "id: must be a non-empty string"),
    ],
)
def test_jsonl_bad_lines(tmp_path: Path, line: bytes, message: str) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id":"a","text":"x"}\n' + line + b"\n")
    with pytest.raises(AnnotatorError, match=rf"docs\.jsonl:2: {message}"):
        open_corpus(path)


def test_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="no such corpus"):
        open_corpus(tmp_path / "nowhere")


def test_ten_thousand_documents_open_without_reading_texts(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        for number in range(10_000):
            handle.write(orjson.dumps({"id": f"d{number:05d}", "text": "word " * 50}) + b"\n")
    corpus = open_corpus(path)
    assert len(corpus) == 10_000
    assert corpus.get("d09999").text == "word " * 50
    assert corpus.position("d00010") == 10


def test_normalise_txt_only_changes_line_ends() -> None:
    assert normalise_txt("a\u2028b\x0cc\r\n".encode(), Path("x")) == "a\u2028b\x0cc\n"


def test_documents_fetched_while_kept_open_are_read_from_one_open_file(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [orjson.dumps({"id": f"d{n}", "text": f"text {n}\r\n"}) for n in range(3)]
    path.write_bytes(b"\n".join(lines) + b"\n")
    corpus = open_corpus(path)
    alone = [corpus.get(doc_id) for doc_id in ("d2", "d0", "d1")]
    opened = []
    real_open = Path.open

    def counted(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    with mock.patch.object(Path, "open", counted):
        with corpus.kept_open(), corpus.kept_open():  # kept open once, within as without
            kept = [corpus.get(doc_id) for doc_id in ("d2", "d0", "d1")]
        assert opened == [path]
        assert corpus.get("d1") == alone[2] and opened == [path, path]
    assert kept == alone


def test_a_folder_corpus_kept_open_reads_as_ever(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one\r\n", encoding="utf-8")
    corpus = open_corpus(tmp_path)
    with corpus.kept_open():
        assert corpus.get("a").text == "one\n"


def test_a_jsonl_corpus_gone_since_it_was_opened_says_it_cannot_be_read(tmp_path: Path) -> None:
    # The app crashed on a FileNotFoundError here (a network disk gone mid-session).
    path = tmp_path / "c.jsonl"
    path.write_bytes(orjson.dumps({"id": "a", "text": "one"}) + b"\n")
    corpus = open_corpus(path)
    path.unlink()
    said = f"{path}: cannot read: No such file or directory"
    with pytest.raises(AnnotatorError) as fetched:
        corpus.get("a")
    assert str(fetched.value) == said
    with pytest.raises(AnnotatorError) as kept, corpus.kept_open():
        pass
    assert str(kept.value) == said


def test_a_jsonl_read_failing_while_kept_open_says_it_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(orjson.dumps({"id": "a", "text": "one"}) + b"\n")
    corpus = open_corpus(path)
    with corpus.kept_open(), mock.patch.object(corpus._jsonl, "_handle") as handle:
        handle.read.side_effect = OSError(5, "Input/output error")
        with pytest.raises(AnnotatorError) as fetched:
            corpus.get("a")
    assert str(fetched.value) == f"{path}: cannot read: Input/output error"
    assert corpus.get("a").text == "one"  # read as ever once the disk answers
