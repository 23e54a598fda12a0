"""A text's words single-spaced, and at the later tiers, are looked up when it is met again
(``value_links._SPACED``, ``_TIER_WORDS``): merge links a value in another case, or as the
search reads it, on every document as on the first, and keeps no more than so many texts."""

from __future__ import annotations

from typing import Any

from annotator.core import value_links
from annotator.core.scheme import load_default_scheme
from annotator.core.value_links import GoldSpans, words_linked

TEXT = "The Drava People’s Authority handed soldiers to the government of Ostreva."


def actor(span_id: str, words: str) -> dict[str, Any]:
    start = TEXT.index(words)
    end = start + len(words)
    return {"id": span_id, "start": start, "end": end, "label": "actor", "text": words}


SPANS = [actor("s1", "Drava People’s Authority"), actor("s2", "government of Ostreva")]


def test_values_of_later_tiers_link_alike_on_every_document() -> None:
    scheme = load_default_scheme()
    # case aside (tier 2), and as the search reads it (the keyboard's apostrophe: tier 3)
    release = {"released_by": "drava people's authority", "received_by": "GOVERNMENT OF OSTREVA"}
    for _document in range(3):
        form, links = words_linked(GoldSpans(SPANS), {"releases": [release]}, {}, scheme)
        assert links == {"releases[0].released_by": ["s1"], "releases[0].received_by": ["s2"]}
        assert form["releases"][0] == {
            "released_by": "Drava People’s Authority",
            "received_by": "government of Ostreva",
        }
    assert value_links._TIER_WORDS  # looked up from the second document on


def test_the_tier_words_kept_are_emptied_when_full() -> None:
    scheme = load_default_scheme()
    for number in range(2100):  # two tiers each: past 4,096
        words_linked(GoldSpans(SPANS), {"releases": [{"released_by": f"x{number}"}]}, {}, scheme)
        assert len(value_links._TIER_WORDS) <= 4096


def test_words_single_spaced_of_texts_met_again_link_alike() -> None:
    """(``value_links._SPACED``: a text's words single-spaced, looked up from the second on.)"""
    scheme = load_default_scheme()
    spans = [{**SPANS[1], "text": "government  of\tOstreva"}]  # as the index reads it: spaced
    for _document in range(3):
        release = {"received_by": "government of  Ostreva"}
        form, links = words_linked(GoldSpans(spans), {"releases": [release]}, {}, scheme)
        assert links == {"releases[0].received_by": ["s2"]}
        assert form["releases"][0] == {"received_by": "government of Ostreva"}
    for number in range(4200):
        words_linked(GoldSpans(SPANS), {"releases": [{"released_by": f"y{number}"}]}, {}, scheme)
        assert len(value_links._SPACED) <= 4096
