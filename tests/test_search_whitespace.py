"""The search reads a run of whitespace in the text, of any length, as the space typed: a
trial's "11 civilian officials" was "not in this article", its words parted by a tab pasted with
them, and another's "freed on Sunday. Rescuer" too, a blank line between the paragraphs."""

import sys

from annotator.core.search import find_match, fold, matches

PARAGRAPHS = "They were freed on Sunday.\n\nRescuer teams arrived on Monday."


def test_a_space_typed_finds_a_tab_a_line_break_or_a_no_break_space() -> None:
    text = "12 soldiers and 11 civilian\tofficials, Ana\u00a0Popa and Ion\u2028Rus.\nDone"
    for query, words in [
        ("11 civilian officials", "11 civilian\tofficials"),
        ("Ana Popa", "Ana\u00a0Popa"),
        ("Ion Rus", "Ion\u2028Rus"),
        ("Rus. Done", "Rus.\nDone"),
        # As many spaces typed as the text has, or more: a run is a run.
        ("civilian  officials", "civilian\tofficials"),
    ]:
        start = text.index(words)
        assert find_match(text, query, 0) == (start, start + len(words))


def test_one_space_typed_finds_a_blank_line_between_paragraphs() -> None:
    start = PARAGRAPHS.index("freed")
    end = PARAGRAPHS.index("Rescuer") + len("Rescuer")
    for query in [
        "freed on Sunday. Rescuer",
        "freed on Sunday.  Rescuer",
        "freed on\tSunday.\nRescuer",
    ]:
        assert list(matches(PARAGRAPHS, query)) == [(start, end)]


def test_every_kind_of_whitespace_run_is_one_space() -> None:
    for run in [
        "\n\n",
        "\n \n",
        "\t\t",
        " \u00a0 ",
        "\u2028",
        "\u2029\u2029",
        "\u3000",
        "\n\n\n\n",
    ]:
        text = f"an envoy{run}came"
        assert list(matches(text, "envoy came")) == [(3, len(text))], repr(run)
        assert list(matches(text, "envoy\n\ncame")) == [(3, len(text))], repr(run)


def test_a_space_at_either_end_of_the_query_takes_the_whole_run() -> None:
    sunday = PARAGRAPHS.index("Sunday.")
    rescuer = PARAGRAPHS.index("Rescuer")
    assert list(matches(PARAGRAPHS, "Sunday. ")) == [(sunday, rescuer)]
    assert list(matches(PARAGRAPHS, " Rescuer")) == [(sunday + 7, rescuer + 7)]
    # Never part of a run: a space typed finds each run once, whole.
    assert list(matches("a \n\n b c", " ")) == [(1, 5), (6, 7)]


def test_a_format_character_inside_a_run_of_whitespace_is_part_of_it() -> None:
    text = "freed on Sunday.\n\u200b\nRescuer"
    assert list(matches(text, "Sunday. Rescuer")) == [(9, len(text))]
    # A zero-width space after the run is left out of a match ending with the run.
    text = "freed on Sunday.\n\n\u200bRescuer"
    assert list(matches(text, "Sunday. ")) == [(9, 18)]
    assert list(matches(text, "Sunday. Rescuer")) == [(9, len(text))]


def test_offsets_after_a_paragraph_break_in_text_normalised_from_crlf() -> None:
    text = "Tr\u00e8s bien.\r\n\r\n👍🏽 Ren\u00e9e came.\r\n".replace("\r\n", "\n")
    assert list(matches(text, "bien. 👍🏽 renee")) == [(5, 20)]
    assert text[5:20] == "bien.\n\n👍🏽 Ren\u00e9e"


def test_a_space_in_a_fold_is_whitespace_in_the_text_and_only_there() -> None:
    # Whitespace is what str.isspace says (as ``\s`` of the search's patterns), all below U+3001.
    assert not [code for code in range(0x3001, sys.maxunicode + 1) if chr(code).isspace()]
    folds = {code: fold(chr(code)) for code in range(0x30000)}
    assert [hex(code) for code, folded in folds.items() if " " in folded] == [
        hex(code) for code in range(0x30000) if chr(code).isspace()
    ]
    assert {folds[code] for code in range(0x30000) if chr(code).isspace()} == {" "}
