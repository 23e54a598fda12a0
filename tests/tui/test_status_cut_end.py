"""The status line's cut of an id (``status_fit.cut_end``) keeps its start and gives its end
way to an ellipsis; quoted words are cut in the middle instead (``display.shortened``), and the
two go by names that say which."""

from __future__ import annotations

from annotator.core.display import shortened
from annotator.tui.status_fit import cut_end

DOC_ID = "10-pravonia-vellmark-swap-combining-accent"


def test_an_id_keeps_its_start_and_loses_its_end() -> None:
    assert cut_end(DOC_ID, 12) == "10-pravonia…"
    assert cut_end(DOC_ID, len(DOC_ID)) == DOC_ID
    assert cut_end(DOC_ID, 1) == "…"


def test_quoted_words_keep_their_start_and_their_end() -> None:
    assert shortened("Kestria said 95 came home on Sunday", 20) == "Kestria said …Sunday"
