"""Pilot: the review panel quotes a span holding an invisible character with it escaped, as
``annotator diff`` shows it (``core.invisible_said``): a trial's panel showed “Kestria” with a
zero-width space after it beside “Kestria”, the same to the eye, and wrote a raw U+202E, which
a bidi-aware terminal took as an order to reverse the rest of the line."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import wait_for
from rich.text import Text
from test_review_keys import NOW, panel_text
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.visible_text import append_quoted, append_visible
from tests.test_agreement_data import SCHEME_TOML, record, span, write_corpus, write_journal

TEXT = "Norvania and Kestria\u200b met. The envoy \u202eHedda Aro\u202c spoke."
KESTRIA = TEXT.index("Kestria")
HEDDA = TEXT.index("\u202e")


def review_of_two(tmp_path: Path) -> ReviewSession:
    """alice's and bob's spans over "Kestria" and "Hedda Aro", each with its controls or not."""
    alice = [span("s1", KESTRIA, KESTRIA + 7, "actor", text=TEXT)]
    alice.append(span("s2", HEDDA + 1, HEDDA + 10, "actor", text=TEXT))
    bob = [span("s1", KESTRIA, KESTRIA + 8, "actor", text=TEXT)]
    bob.append(span("s2", HEDDA, HEDDA + 11, "actor", text=TEXT))
    files = [
        write_journal(tmp_path / "alice.jsonl", record("alice", spans=alice, text=TEXT)),
        write_journal(tmp_path / "bob.jsonl", record("bob", spans=bob, text=TEXT)),
    ]
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    return open_review(files, corpus, gold, "rita", scheme_path=scheme, now=lambda: NOW)


def test_the_panel_quotes_invisible_characters_escaped(tmp_path: Path) -> None:
    session = review_of_two(tmp_path)
    seen: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: "Span conflict" in panel_text(app))
            await Pilot(app).pause()
            seen.append(panel_text(app))
            await pilot.press("n")
            await wait_for(pilot, lambda: panel_text(app) != seen[0])
            seen.append(panel_text(app))

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    kestria, hedda = seen
    assert "actor “Kestria” " in kestria
    assert "actor “Kestria⟨U+200B⟩” " in kestria
    assert "\n“Kestria⟨U+200B⟩”\n" in kestria  # the region quoted at the top
    assert "actor “Hedda Aro” " in hedda
    assert "actor “⟨U+202E⟩Hedda Aro⟨U+202C⟩” " in hedda
    assert not any(char in kestria + hedda for char in "\u200b\u202e\u202c")


def test_drawing_a_span_quotes_the_selection_escaped(tmp_path: Path) -> None:
    # While a span is drawn (e), the panel names what is selected and what a label key
    # writes of it: a raw U+202E there reversed the rest of the line too.
    session = review_of_two(tmp_path)
    seen: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: "Span conflict" in panel_text(app))
            first = panel_text(app)
            await pilot.press("n")
            await wait_for(pilot, lambda: panel_text(app) != first)
            await pilot.press("e", "c", "shift+left")  # character mode: the selection as it is
            await wait_for(pilot, lambda: "Selected: " in panel_text(app))
            seen.append(panel_text(app))
            await pilot.press("c")  # token mode: what a label key writes, snapped
            await wait_for(pilot, lambda: "as whole words" in panel_text(app))
            seen.append(panel_text(app))

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    exact, snapped = (" ".join(said.split()) for said in seen)
    assert f"Selected: “⟨U+202E⟩Hedda Aro” {HEDDA}–{HEDDA + 10}" in exact
    assert f"Selected: {HEDDA}–{HEDDA + 10} → as whole words: “Hedda Aro”" in snapped
    assert not any(char in exact + snapped for char in "\u202e\u202c")


def test_the_escapes_are_dim_the_rest_as_it_was() -> None:
    out = Text()
    append_quoted(out, "Kestria\u200b")
    append_visible(out, " 12\u200b", "bold")
    assert out.plain == "“Kestria⟨U+200B⟩” 12⟨U+200B⟩"
    styles = [(out.plain[one.start : one.end], str(one.style)) for one in out.spans]
    assert styles == [("⟨U+200B⟩", "dim"), (" 12", "bold"), ("⟨U+200B⟩", "bold dim")]
    plain = Text()
    append_quoted(plain, "Kestria")
    append_visible(plain, " 12", "bold")
    assert plain.plain == "“Kestria” 12"
