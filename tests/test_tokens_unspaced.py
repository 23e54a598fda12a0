"""Scripts written without spaces between words: a Han or kana character is a token, a Thai,
Lao, Khmer or Myanmar letter is one with its marks (``unspaced_scripts``). A trial's search
for 九十五名囚犯 selected, and snapped to, the clause 中国政府周日释放了九十五名囚犯;
ctrl+shift+→ took a clause; the CoNLL export cut three words for spans inside clauses."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.categories import covered_tokens
from annotator.core.display import LineIndex
from annotator.core.formats.common import Item, Reporter
from annotator.core.formats.conll import document_lines, text_read_back
from annotator.core.formats.tokenlabels import join_tokens
from annotator.core.models import Document, Span
from annotator.core.search import find_match
from annotator.core.sentences import sentences
from annotator.core.spans import snap_selection
from annotator.core.tokens import (
    Token,
    character_pattern,
    tokenize,
    word_left,
    word_right,
)
from annotator.core.unspaced_scripts import begins_a_token
from annotator.core.word_selection import word_at, word_step
from tests.test_formats_support import record

CHINESE = "date 2024-03-17 北京——中国政府周日释放了九十五名囚犯，其中包括三名记者。"
JAPANESE = "日本政府も同日、５人の漁民が解放されたと発表した。人々、ｶﾞｽ"
THAI = "กรุงเทพฯ — ทางการไทยปล่อยตัวนักโทษ ๑๒ คน เมื่อวันอาทิตย์ คำ"


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_han_and_kana_characters_are_tokens_and_digits_stay_whole() -> None:
    assert words(CHINESE) == [
        *["date", "2024-03-17", "北", "京", "—", "—", "中", "国", "政", "府", "周", "日"],
        *["释", "放", "了", "九", "十", "五", "名", "囚", "犯", "，", "其", "中", "包", "括"],
        *["三", "名", "记", "者", "。"],
    ]
    assert words("于2024年3月17日在") == ["于", "2024", "年", "3", "月", "17", "日", "在"]
    assert words(JAPANESE)[-9:] == ["表", "し", "た", "。", "人", "々", "、", "ｶﾞ", "ｽ"]
    assert words("５人") == ["５", "人"]  # a fullwidth digit is a digit
    assert words("iPhone手机 U.S.的") == ["iPhone", "手", "机", "U.S.", "的"]


def test_thai_lao_khmer_myanmar_letters_are_tokens_with_their_marks() -> None:
    assert words(THAI) == [
        *["ก", "รุ", "ง", "เท", "พ", "ฯ", "—", "ท", "า", "ง", "ก", "า", "ร", "ไท", "ย"],
        *["ป", "ล่", "อ", "ย", "ตั", "ว", "นั", "ก", "โท", "ษ", "๑๒", "ค", "น"],
        *["เมื่", "อ", "วั", "น", "อ", "า", "ทิ", "ต", "ย์", "คำ"],
    ]
    # A consonant stacked under another (Khmer COENG, Myanmar virama) stays with it.
    assert words("ក្រសួង") == ["ក្រ", "សួ", "ង"]
    assert words("သင်္ချိုင်း") == ["သ", "င်္ချို", "င်း"]
    assert words("ວຽງຈັນ") == ["ວ", "ຽ", "ງ", "ຈັ", "ນ"]


def test_scripts_written_with_spaces_keep_their_words() -> None:
    assert words("सरकार ने रविवार को ९५ क़ैदियों") == ["सरकार", "ने", "रविवार", "को", "९५", "क़ैदियों"]
    assert words("서울 시민 2명") == ["서울", "시민", "2명"]
    assert words("Kaliush's 1,200 e.g.") == ["Kaliush", "'s", "1,200", "e.g."]


def test_no_token_cuts_a_character() -> None:
    for text in (CHINESE, JAPANESE, THAI, "ក្រសួង သင်္ချိုင်း ວຽງຈັນ"):
        edges = {match.start() for match in character_pattern().finditer(text)} | {len(text)}
        assert all({token.start, token.end} <= edges for token in tokenize(text)), text


def test_a_search_selects_and_snaps_to_exactly_what_was_searched() -> None:
    found = find_match(CHINESE, "九十五名囚犯", 0)
    assert found is not None and CHINESE[found[0] : found[1]] == "九十五名囚犯"
    assert snap_selection(CHINESE, *found) == found
    thai = find_match(THAI, "ทางการไทย", 0)
    assert thai is not None and snap_selection(THAI, *thai) == thai
    # A selection ending inside a Thai letter's marks takes the whole letter, never a mark.
    start = THAI.index("เมื่อ")
    assert snap_selection(THAI, start, start + 2) == (start, start + 4)
    # A double click selects one character.
    assert word_at(CHINESE, CHINESE.index("囚")) == (CHINESE.index("囚"), CHINESE.index("犯"))


def test_word_moves_go_a_character_at_a_time() -> None:
    start = CHINESE.index("中")
    assert word_right(CHINESE, start) == start + 1
    assert word_left(CHINESE, start + 3) == start + 2
    assert word_right(THAI, 0) == 1 and word_right(THAI, 1) == 3  # ก, then รุ
    # ctrl+shift+→ after a search's selection takes one character more, not the clause.
    found = CHINESE.index("九十五")
    lines = LineIndex(CHINESE)
    moved = word_step(CHINESE, lines, found, found + 3, True, (found, found + 3))
    assert CHINESE[found:moved] == "九十五名"
    back = word_step(CHINESE, lines, found, moved, False, (found, moved))
    assert CHINESE[found:back] == "九十五"


def test_conll_cuts_no_word_for_spans_inside_a_clause_and_reads_back_unspaced() -> None:
    labelled = [
        ("actor", "中国政府"),
        ("date", "周日"),
        ("count", "九十五"),
        ("releasee", "名囚犯"),
    ]
    spans = [
        (CHINESE.index(part), CHINESE.index(part) + len(part), label) for label, part in labelled
    ]
    item = Item(Document(id="cjk", text=CHINESE), record("cjk", CHINESE, spans))
    cuts: list[str] = []
    said: list[str] = []
    lines = document_lines(item, Reporter(said.append), cuts)
    assert cuts == [] and said == []  # the trial's export: "3 word(s) cut", five pieces
    tags = Counter(line.split()[1] for line in lines[2:] if line)
    assert (tags["B-actor"], tags["I-actor"], tags["B-count"], tags["I-count"]) == (1, 3, 1, 2)
    # An import of the file joins these tokens without spaces, as the text has them.
    assert text_read_back(CHINESE, item.record.spans) == (
        "date 2024-03-17北京— —中国政府周日释放了九十五名囚犯，其中包括三名记者。"
    )


def test_token_kappa_counts_each_character_of_a_clause() -> None:
    start = CHINESE.index("九十五")
    starts, _ends = covered_tokens(
        CHINESE, [[Span(id="s1", start=start, end=start + 3, label="count", text="九十五")]]
    )
    assert len(starts) == len(tokenize(CHINESE)) - 2  # the clause's characters: not "date" etc.


@given(
    st.text(
        alphabet=st.sampled_from([*"中ｶ\uff9eกเ\u0e31ำ។ab1.,-'’s 。，", "\u0301", "\u17d2", "ក"]),
        max_size=30,
    )
)
@settings(max_examples=300)
def test_tokens_joined_for_an_import_tokenize_back_to_themselves(text: str) -> None:
    for start, end in sentences(text):
        pieces = [token.text for token in tokenize(text[start:end])]
        joined, starts = join_tokens(pieces)
        assert [token.text for token in tokenize(joined)] == pieces
        assert [joined[at : at + len(piece)] for at, piece in zip(starts, pieces, strict=True)] == (
            pieces
        )


def test_a_long_han_paragraph_reads_back_as_written() -> None:
    # Each Han letter begins a token: only the tokens after it are checked again when gluing
    # (checking the whole paragraph at each token took 4 s for 3,000 characters).
    # One sentence (。 ends one: each would be a line of its own).
    paragraph = "中国政府周日释放了九十五名囚犯，其中包括三名记者，" * 400 + "。"
    assert text_read_back(paragraph, []) == paragraph
    assert text_read_back("中国。其中。", []) == "中国。\n其中。"


@given(
    st.text(
        alphabet=st.sampled_from([*"中の々ｶ\uff9eกเำab1.,-'’s 。", "\u0301", "\u200d"]), max_size=30
    )
)
@settings(max_examples=300)
def test_a_han_or_kana_letter_begins_a_token_whatever_is_around_it(text: str) -> None:
    for at, character in enumerate(text):
        if begins_a_token(character):
            after = [Token(t.start + at, t.end + at, t.text) for t in tokenize(text[at:])]
            assert tokenize(text) == tokenize(text[:at] + character)[:-1] + after, at


def test_sentences_end_at_the_full_stops_of_scripts_that_have_their_own() -> None:
    # 。！？ end a sentence with no space after them; the danda and ؟ as "." does. A trial's
    # Chinese paragraph was one sentence (triple click took all of it; conll one line).
    chinese = (
        "北京周日释放了九十五名囚犯。外交部表示，这是人道主义行为！他说：「好。」「走吧」（注）然后"
    )
    assert [chinese[a:b] for a, b in sentences(chinese)] == [
        "北京周日释放了九十五名囚犯。",
        "外交部表示，这是人道主义行为！",
        "他说：「好。」",
        "「走吧」（注）然后",
    ]
    hindi = "सरकार ने कैदियों को रिहा किया। गृह मंत्रालय ने कहा॥ अंत"
    assert [hindi[a:b] for a, b in sentences(hindi)] == [
        "सरकार ने कैदियों को रिहा किया।",
        "गृह मंत्रालय ने कहा॥",
        "अंत",
    ]
    arabic = "هل أطلق سراحهم؟ نعم۔ ٩٥ سجينا"
    assert [arabic[a:b] for a, b in sentences(arabic)] == ["هل أطلق سراحهم؟", "نعم۔", "٩٥ سجينا"]
    # Not without a space after, where the script writes one: "।x" goes on.
    assert sentences("किया।गृह") == [(0, 8)]
