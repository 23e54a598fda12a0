"""What the parts of an annotation session need of the whole, declared once.

``AnnotationSession`` is put together from parts (``SessionEdits``, ``SessionHistory``,
``SessionStale``, ``SessionProgress``, ``SessionFinish``, ``SessionCarryOver``), each in its own
module. A part calls what ``AnnotationSession`` or another part provides; those are declared here,
and every part derives from ``SessionParts``. Declared in each part, a stub could shadow another
part's real method when that part came later among the bases (``elsewhere_hint`` did); here, the
common base, they come after every part in the method resolution order, so the real one always wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.history import History, Step
from annotator.core.models import Document, Record

if TYPE_CHECKING:
    from annotator.core.session import DocumentState


class SessionParts:
    """Provided by ``AnnotationSession`` or one of its parts (see the module docstring)."""

    @property
    def state(self) -> DocumentState:
        raise NotImplementedError

    @property
    def document(self) -> Document:
        raise NotImplementedError

    @property
    def record(self) -> Record:
        raise NotImplementedError

    @property
    def stale(self) -> Record | None:
        raise NotImplementedError

    @property
    def journal(self) -> Path:
        raise NotImplementedError

    @property
    def loaded(self) -> bool:
        raise NotImplementedError

    def _save(self, record: Record) -> None:
        raise NotImplementedError

    def _blank(self, document: Document) -> Record:
        raise NotImplementedError

    def _begin_history(self, record: Record) -> None:
        raise NotImplementedError

    def _stale_again(self, record: Record, way_out: str) -> Step:
        raise NotImplementedError

    def _writable(self) -> None:
        raise NotImplementedError

    def _history(self) -> History:
        raise NotImplementedError

    def _commit(self, record: Record, undoable: bool = True, run: str | None = None) -> None:
        raise NotImplementedError

    def _new_span_id(self) -> str:
        raise NotImplementedError

    def _note_span_ids(self, record: Record) -> None:
        raise NotImplementedError

    def _stamp(self) -> str:
        raise NotImplementedError

    def missing_required(self) -> list[str]:
        raise NotImplementedError

    def next_unfinished_id(self, after: str | None = None) -> str | None:
        raise NotImplementedError

    def progress(self) -> tuple[int, int]:
        raise NotImplementedError

    def elsewhere_hint(self) -> str:
        raise NotImplementedError
