"""Every test module has a name of its own: pytest imports them by basename (no packages), so a
second ``test_x.py`` under ``tests/tui/`` stops the whole run at collection (it happened)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def test_no_two_test_modules_share_a_name() -> None:
    tests = Path(__file__).parent
    names = Counter(path.name for path in tests.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
