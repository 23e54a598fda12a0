"""The search reads a tab, a line break or a no-break space in the text as the space typed:
a trial's "11 civilian officials" was "not in this article", its words parted by a tab pasted
with them."""

from annotator.core.search import find_match


def test_a_space_typed_finds_a_tab_a_line_break_or_a_no_break_space() -> None:
    text = "12 soldiers and 11 civilian\tofficials, Ana\u00a0Popa and Ion\u2028Rus.\nDone"
    for query, words in [
        ("11 civilian officials", "11 civilian\tofficials"),
        ("Ana Popa", "Ana\u00a0Popa"),
        ("Ion Rus", "Ion\u2028Rus"),
        ("Rus. Done", "Rus.\nDone"),
    ]:
        start = text.index(words)
        assert find_match(text, query, 0) == (start, start + len(words))
    # One for one: two spaces typed are not one tab.
    assert find_match(text, "civilian  officials", 0) is None
