"""A Label Studio task whose text field holds where the text is, not the text.

A labelling config's ``<Text valueType="url">`` has Label Studio load each task's text from an
address: a file uploaded to Label Studio (``/data/upload/1/4f2a-article.txt``), one of its local
storage (``/data/local-files/?d=...``) or a cloud bucket's (``s3://``, ``gs://``,
``azure-blob://``). Its JSON export holds that address in ``data.text``, and the results'
offsets count the file's text. The import took the address for the article: without
annotations a corpus of file names came in unsaid, and with them every span was said to lie
outside its text. Such an address is never an article's text, so it is refused, in one line
saying what it is and what to do.
"""

from __future__ import annotations

import re

from annotator.core.errors import AnnotatorError

_ADDRESS = re.compile(r"(?:/data/(?:upload|local-files)/|(?:s3|gs|azure-blob)://)\S*")


def refuse_text_address(text: str, key: str, where: str) -> None:
    """Refuse a task whose ``data.KEY`` is only the address Label Studio loads the text from."""
    if _ADDRESS.fullmatch(text.strip()):
        raise AnnotatorError(
            f"{where}: data.{key}: {text.strip()!r} is where Label Studio loads the text from "
            "(a labelling config's <Text valueType=\"url\">), not the text; put each file's "
            f"text in data.{key} and import that"
        )
