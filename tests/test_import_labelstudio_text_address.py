"""A Label Studio task whose data.text is the address its text is loaded from (a config's
``<Text valueType="url">``) is refused in one line: the import took the address for the
article, a corpus of file names without annotations, and with them every span 'outside the
text'. A text that merely holds an address among its words is an article as any other."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents


def write_tasks(folder: Path, *texts: str) -> Path:
    source = folder / "tasks.json"
    tasks = [{"id": 9 + n, "data": {"text": text}} for n, text in enumerate(texts)]
    source.write_bytes(orjson.dumps(tasks))
    return source


@pytest.mark.parametrize(
    "address",
    [
        "/data/upload/1/4f2a-article.txt",
        "/data/local-files/?d=news/article.txt",
        "s3://bucket/news/article.txt",
        "gs://bucket/article.txt",
        "azure-blob://container/article.txt",
    ],
)
def test_a_text_that_is_where_label_studio_loads_it_from_is_refused(
    tmp_path: Path, address: str
) -> None:
    source = write_tasks(tmp_path, "Kyiv freed 12 people.", address)
    corpus = tmp_path / "c.jsonl"
    with pytest.raises(AnnotatorError) as caught:
        import_documents(source, "labelstudio", corpus)
    assert str(caught.value) == (
        f"{source}:1: task 2 (id 10): data.text: {address!r} is where Label Studio loads the "
        'text from (a labelling config\'s <Text valueType="url">), not the text; put each '
        "file's text in data.text and import that"
    )
    assert not corpus.exists()


def test_a_text_holding_an_address_among_its_words_is_imported(tmp_path: Path) -> None:
    text = "The list is at /data/upload/1/list.txt and s3://bucket/x, said the ministry."
    source = write_tasks(tmp_path, text, "https://example.org/a")
    corpus = tmp_path / "c.jsonl"
    import_documents(source, "labelstudio", corpus)
    texts = [orjson.loads(line)["text"] for line in corpus.read_bytes().splitlines()]
    assert sorted(texts) == sorted([text, "https://example.org/a"])
