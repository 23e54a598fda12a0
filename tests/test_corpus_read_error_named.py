"""A corpus that opens but cannot be read (/proc/self/mem) is said as ``FILE: cannot read:
WHY``: validate --corpus and annotate said only "annotator: Input/output error"."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from tests.conftest import make_record
from tests.test_agreement_data import run_cli

UNREADABLE = Path("/proc/self/mem")
SAID = f"{UNREADABLE}: cannot read: Input/output error\n"

pytestmark = pytest.mark.skipif(
    not os.access(UNREADABLE, os.R_OK), reason="needs Linux's /proc/self/mem"
)


def test_validate_names_a_corpus_it_cannot_read(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(orjson.dumps(make_record()) + b"\n")
    result = run_cli("validate", journal, "--corpus", UNREADABLE)
    assert result.returncode == 1
    assert result.stdout + result.stderr == SAID


def test_annotate_names_a_corpus_it_cannot_read() -> None:
    with pytest.raises(AnnotatorError) as raised:  # annotate opens its corpus so
        open_corpus(UNREADABLE)
    assert f"{raised.value}\n" == SAID
