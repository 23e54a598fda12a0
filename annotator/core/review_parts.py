"""What the parts of a review session need of the whole, declared once.

``ReviewSession`` is put together from parts (``ReviewMoves``, ``ReviewUndo``,
``ReviewDocuments``, ``ReviewByHand``, ``ReviewDeciding``), each in its own module. A part calls
what ``ReviewSession`` provides; those are declared here, and every part derives from
``ReviewParts``. Declared in each part, a stub would shadow a real method of any part that came
later among the bases (only ``ReviewSession`` defining them all itself kept that from
happening); here, the common base, they come after every part in the method resolution order,
so the real one always wins (``session_parts`` does the same for the annotation session).
``SavesThroughStore`` comes after it: what that provides must not be declared here
(``tests/test_review_parts.py`` fails on a stub found before a real method).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core.models import Document, GoldRecord
from annotator.core.review_views import ConflictView, Place


class ReviewParts:
    """Provided by ``ReviewSession`` (see the module docstring)."""

    @property
    def conflict(self) -> dict[str, Any] | None:
        raise NotImplementedError

    @property
    def record(self) -> GoldRecord | None:
        raise NotImplementedError

    @property
    def finished(self) -> bool:
        raise NotImplementedError

    def document(self, doc_id: str | None = None) -> Document:
        raise NotImplementedError

    def save(self, record: GoldRecord) -> None:
        raise NotImplementedError

    def view(self) -> ConflictView | None:
        raise NotImplementedError

    def summary(self) -> str:
        raise NotImplementedError

    def _decide(
        self,
        settle: Callable[[GoldRecord, str], GoldRecord],
        said: Callable[[GoldRecord, str], str] | None = None,
    ) -> Place | None:
        raise NotImplementedError
