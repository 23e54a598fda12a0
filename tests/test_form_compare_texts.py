"""Normal forms of texts met again are looked up (``form_compare._TEXTS``): the same answers as
made anew, a text of spaces no answer each time, and no more than so many texts kept."""

from __future__ import annotations

from annotator.core import form_compare
from annotator.core.form_compare import normal


def test_a_text_met_again_is_normalised_as_it_was_the_first_time() -> None:
    for _time in range(2):
        assert normal("  the  Red\tCross ") == "the Red Cross"
        assert normal("Rene\u0301e") == "Ren\u00e9e"  # composed (NFC)
        assert normal("   ") is None  # a text of spaces is no answer, looked up or not
    assert form_compare._TEXTS["   "] is None


def test_the_texts_kept_are_emptied_when_full() -> None:
    for number in range(5000):
        assert normal(f" actor {number} ") == f"actor {number}"
        assert len(form_compare._TEXTS) <= 4096
    assert normal(" actor 1 ") == "actor 1"  # emptied since: made again
