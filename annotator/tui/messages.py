"""Messages a screen's reading worker posts: the document it read, or why it could not."""

from __future__ import annotations

from textual.message import Message

from annotator.core.models import Document


class DocumentLoaded(Message):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document


class LoadFailed(Message):
    def __init__(self, doc_id: str, problem: str) -> None:
        super().__init__()
        self.doc_id, self.problem = doc_id, problem
