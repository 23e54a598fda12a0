"""The status line's cut of an id (``status_fit.cut_end``) keeps its start and gives its end
way to an ellipsis; quoted words are cut in the middle instead (``display.shortened``), and the
two go by names that say which."""

from __future__ import annotations

from annotator.core.display import shortened
from annotator.tui.screens import _skip_reason
from annotator.tui.status_fit import cut_end

DOC_ID = "10-pravonia-vellmark-swap-combining-accent"


def test_an_id_keeps_its_start_and_loses_its_end() -> None:
    assert cut_end(DOC_ID, 12) == "10-pravonia…"
    assert cut_end(DOC_ID, len(DOC_ID)) == DOC_ID
    assert cut_end(DOC_ID, 1) == "…"


def test_quoted_words_keep_their_start_and_their_end() -> None:
    assert shortened("Kestria said 95 came home on Sunday", 20) == "Kestria said …Sunday"


def test_a_cut_after_a_space_loses_the_space() -> None:
    assert cut_end("Kestria said 95", 9) == "Kestria…"
    assert cut_end("10 pravonia", 4) == "10…"


def test_a_skip_reason_is_the_note_on_one_line_cut_as_an_id() -> None:
    # The list of documents cut a skip reason by a copy of cut_end (screens._skip_reason):
    # the same output from cut_end, the note's runs of whitespace one space.
    def as_it_was(note: str, limit: int) -> str:
        text = " ".join(note.split())
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

    notes = ["not about an exchange", "  two\n lines,\ttabbed  ", "duplicate of 03 ", "x" * 40]
    for note in notes:
        for limit in range(1, 45):
            assert _skip_reason(note, limit) == as_it_was(note, limit), (note, limit)
    assert _skip_reason("not about\nan exchange", 11) == "not about…"
