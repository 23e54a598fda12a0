"""``agree --json`` gives every figure rounded to 6 places, the form's as the spans'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tests.test_agreement_data import record, run_cli, write_journal

RUSSIA = {"released_by": "Russia", "count": 146}
UKRAINE = {"released_by": "Ukraine", "count": 12}


def _floats(value: Any, path: str = "") -> list[tuple[str, float]]:
    if isinstance(value, float):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _floats(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [found for n, item in enumerate(value) for found in _floats(item, f"{path}[{n}]")]
    return []


def test_form_figures_are_rounded_like_span_figures(tmp_path: Path) -> None:
    # event_type: d1 exchange/exchange/announcement, d2 all exchange: 4 of 6 pairs agree.
    # releases: alice gives one frame, bob and carol two: frame F1 a mean of 2/3, 2/3 and 1.
    answers = {
        "alice": [("exchange", [RUSSIA]), ("exchange", [RUSSIA])],
        "bob": [("exchange", [RUSSIA, UKRAINE]), ("exchange", [RUSSIA, UKRAINE])],
        "carol": [("announcement", [RUSSIA, UKRAINE]), ("exchange", [RUSSIA, UKRAINE])],
    }
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            *(
                record(name, f"d{n}", form={"event_type": event, "releases": frames})
                for n, (event, frames) in enumerate(given, start=1)
            ),
        )
        for name, given in answers.items()
    ]
    result = run_cli("agree", *journals, "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    form = report["form"]
    assert form["event_type"]["agreement"] == 0.666667  # 4/6, not 0.6666666666666666
    assert form["releases"]["agreement"] == 0.333333  # 2 of 6 pairs give the same frames
    assert form["releases"]["frame_f1"] == 0.777778  # (2/3 + 2/3 + 1) / 3
    alpha = form["event_type"]["alpha"]
    assert alpha is not None and alpha == round(alpha, 6)
    unrounded = [(path, x) for path, x in _floats(report) if x != round(x, 6)]
    assert unrounded == []
