"""Pilot: an article whose file changed opens again with its record stale, said with "…stale
here: ctrl+k twice carries it over". Once ctrl+k (or ctrl+r) settles that record, the message
goes: it stayed its 20 s beside "carried over", offering what was done already."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from annotate_helpers import drive, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

NEW_A = "date 2025-08-24 Ukraine and Russia swapped 146 prisoners on Sunday.\n"
OFFER = "is stale here: ctrl+k twice carries it over"


def rewrite(file: Path, text: str) -> None:
    before = file.stat().st_mtime_ns
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before + 1_000_000_000, before + 1_000_000_000))


def saying(app: AnnotatorApp, words: str) -> list[str]:
    return [toast for toast in toasts(app) if words in toast]


@pytest.mark.parametrize(
    ("key", "asked", "settled"),
    [
        ("ctrl+k", "ctrl+k again to carry your record over", "carried over: "),
        ("ctrl+r", "ctrl+r again to replace your record", None),
    ],
)
def test_the_offer_of_ctrl_k_goes_once_the_stale_record_is_settled(
    session: AnnotationSession, corpus: Path, key: str, asked: str, settled: str | None
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2")  # "146", saved for a
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        rewrite(corpus / "a.txt", NEW_A)
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.document.id == "a" and bool(saying(app, OFFER)))
        assert session.stale is not None
        [offer] = saying(app, OFFER)
        assert offer.startswith("a.txt changed on disk since it opened at ")
        await press(pilot, key)  # the first asks: the record is still stale, the offer stays
        await wait_for(pilot, lambda: bool(saying(app, asked)))
        assert saying(app, OFFER) == [offer] and session.stale is not None
        await press(pilot, key)
        await wait_for(pilot, lambda: session.stale is None)
        assert saying(app, OFFER) == []
        assert saying(app, asked) == []
        if settled is not None:
            assert len(saying(app, settled)) == 1

    drive(session, scenario, notifications=True)


def test_a_new_text_said_without_a_stale_record_stays_through_labelling(
    session: AnnotationSession, corpus: Path
) -> None:
    """With no record of the old text, the article opened again says only "this is its new
    text": still true once a span is labelled on it, so it stays its time."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        rewrite(corpus / "a.txt", NEW_A)
        await press(pilot, "p")
        new_text = "changed on disk since it opened at "
        await wait_for(pilot, lambda: session.document.id == "a" and bool(saying(app, new_text)))
        [said] = saying(app, new_text)
        assert said.endswith(": this is its new text") and session.stale is None
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2")  # "146", labelled
        assert [span.text for span in session.record.spans] == ["146"]
        assert saying(app, new_text) == [said]

    drive(session, scenario, notifications=True)
