"""A seeded fuzz of carrying over: an article of recurring words and non-ASCII text (emoji,
combining accents, curly quotes, CRLF paragraphs) edited one to three times the way a corpus is
corrected (a sentence added, cut or rewritten, a word added, cut or changed, whitespace
changed, two words joined, a paragraph broken), each old character followed to where the edits
put it. So the truth is known: a span is *misplaced* when carried anywhere but where its own
characters went (or carried at all when the edits took them), *left out* when not carried
though its words are still where they went. Every carried span's words are checked against
the new text. An edit nothing can tell from another (a sentence cut before an alike one)
counts either way."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import product

from annotator.core.carry_over import carry_over
from annotator.core.models import Record, Span, sha256_text
from annotator.core.tokens import tokenize

SENTENCES = [  # an article's, each once: its words recur, not its sentences
    "Kestria said 95 men were freed.",
    "Norvania and Kestria exchanged 95 prisoners.",
    "\u201cWe are glad,\u201d said Jose\u0301 Ortiz \U0001f54a\ufe0f.",
    "The Kestrian navy\u2019s ships left Kestria at dawn.",
    "Doctors \U0001f469\U0001f3fd\u200d\u2695\ufe0f met them in Norvania.",
    "Kestria denied it.",
    "Officials in Zu\u0308rich-based groups counted 12 of them.",
    "The men of Kestria came home to Kestria.",
    "Norvania said 12 were still held.",
    "Jose\u0301 Ortiz said the men of Norvania were tired.",
    "The 95 men of Kestria thanked Norvania \U0001f54a\ufe0f.",
    "Kestria\u2019s navy said the ships were freed.",
]
ADDED = [  # what an edit adds: new sentences of the same words
    "Kestria said 12 men were held.",
    "Norvania denied it.",
    "The men said \u201cKestria\u201d twice.",
    "Jose\u0301 Ortiz met the Kestrian men.",
    "Norvania and Kestria said nothing.",
]
WORDS = ["Kestria", "Norvania", "95", "the", "men", "freed", "Jose\u0301", "\U0001f54a\ufe0f"]
PARAGRAPH_BREAKS = ["\r\n\r\n", "\n\n", "\r\n"]
EDITS = ("sentence+", "sentence-", "sentence=", "word+", "word-", "word=", "space", "paragraph")
EDITS += ("joined",)
# Whitespace a corpus's tidying puts for a space, and a paragraph break it adds.
SPACES = ["  ", "\t", "\n", "\r\n", " \n"]


@dataclass
class Tally:
    placed: int = 0
    left_out: int = 0  # its words still where the edits put them
    gone: int = 0  # left out, the edits having taken its words
    misplaced: list[str] = field(default_factory=list)
    inside_words_left_out: int = 0  # of ``left_out``: spans drawn inside a word


def article(rng: random.Random) -> str:
    sentences = rng.sample(SENTENCES, k=rng.randint(4, len(SENTENCES)))
    cuts = sorted(rng.sample(range(1, len(sentences)), k=rng.randint(1, 3)))
    paragraphs = [
        " ".join(sentences[low:high])
        for low, high in zip([0, *cuts], [*cuts, len(sentences)], strict=True)
    ]
    text = paragraphs[0]
    for paragraph in paragraphs[1:]:
        text += rng.choice(PARAGRAPH_BREAKS) + paragraph
    return text


def marked(rng: random.Random, text: str) -> list[Span]:
    """Spans on words, on two or three words in a row, and (in character mode) inside a word."""
    tokens = [t for t in tokenize(text) if t.text.isalnum() or len(t.text) > 1]
    spans: list[Span] = []
    for index in sorted(rng.sample(range(len(tokens)), k=min(len(tokens), rng.randint(1, 9)))):
        first = tokens[index]
        last = tokens[min(index + rng.choice([0, 0, 0, 1, 2]), len(tokens) - 1)]
        start, end = first.start, last.end
        if rng.random() < 0.1 and end - start > 4:  # "Kestri" of "Kestrian"
            end -= rng.randint(1, 2)
            if not text[end - 1].isalpha() or not text[end].isalpha():
                end = last.end
        spans.append(
            Span(id=f"s{len(spans)}", start=start, end=end, label="actor", text=text[start:end])
        )
    if spans and rng.random() < 0.3:  # a second span on the same words
        spans.append(spans[0].model_copy(update={"id": "twin", "label": "releasee"}))
    return spans


Edit = tuple[int, int, str]  # text[start:end] replaced by the words put


def edit(rng: random.Random, text: str) -> Edit | None:
    """One edit of ``text`` as a corpus is corrected, made as small as it is."""
    sentences = [m.span() for m in re.finditer(r"\S[^.]*\.", text)]
    words = [m.span() for m in re.finditer(r"\w+", text)]
    spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text)]
    kind = rng.choice(EDITS)
    if kind == "sentence+" and sentences:
        at = rng.choice(sentences)[rng.randint(0, 1)]  # before a sentence or after it
        added = rng.choice(ADDED)
        start, end, put = at, at, (" " + added if text[at - 1 : at] == "." else added + " ")
    elif kind == "sentence-" and len(sentences) > 1:
        start, end = rng.choice(sentences)
        end += 1 if text[end : end + 1] == " " else 0
        put = ""
    elif kind == "sentence=" and sentences:
        (start, end), put = rng.choice(sentences), rng.choice(ADDED)
    elif kind == "word+" and words:
        start = end = rng.choice(words)[0]
        put = rng.choice(WORDS) + " "
    elif kind == "word-" and words:
        start, end = rng.choice(words)
        end += 1 if text[end : end + 1] == " " else 0
        put = ""
    elif kind == "word=" and words:
        (start, end), put = rng.choice(words), rng.choice(WORDS)
    elif kind == "space" and spaces:
        start = rng.choice(spaces)
        end, put = start + 1, rng.choice(SPACES)
    elif kind == "joined" and spaces:  # "Kestria n" made "Kestrian"
        start = rng.choice(spaces)
        end, put = start + 1, ""
    elif kind == "paragraph" and spaces:
        after_sentence = [at for at in spaces if text[at - 1] == "."] or spaces
        start = rng.choice(after_sentence)
        end, put = start + 1, rng.choice(PARAGRAPH_BREAKS)
    else:
        return None
    old = text[start:end]
    while start < end and put and old[0] == put[0]:  # what it put back is no part of it
        start, old, put = start + 1, old[1:], put[1:]
    while start < end and put and old[-1] == put[-1]:
        end, old, put = end - 1, old[:-1], put[:-1]
    return (start, end, put) if old != put else None


def applied(text: str, change: Edit) -> str:
    start, end, put = change
    return text[:start] + put + text[end:]


def the_same_edits(text: str, change: Edit) -> list[list[Edit]]:
    """``change`` and the edits that make the same text of ``text``: slid (``slid``), and a
    rewrite as the words it kept and those it changed ("Kestria said" for "The men said" keeps
    "said" where it was)."""
    same = [[slid] for slid in _slid(text, change)]
    start, end, put = change
    if put and start < end:
        matcher = SequenceMatcher(None, text[start:end], put, autojunk=False)
        same.append(
            [
                (start + low, start + high, put[put_low:put_high])
                for kind, low, high, put_low, put_high in matcher.get_opcodes()
                if kind != "equal"
            ]
        )
    return same


def _slid(text: str, change: Edit) -> list[Edit]:
    """``change`` and a cut or an addition slid along text like its own ("The X. The Y." less
    "The X. " is less "X. The " too), which nothing can tell apart."""
    start, end, put = change
    same = [change]
    if put and start == end:  # an addition
        at, words = start, put
        while at > 0 and text[at - 1] == words[-1]:
            at, words = at - 1, words[-1] + words[:-1]
            same.append((at, at, words))
        at, words = start, put
        while at < len(text) and text[at] == words[0]:
            at, words = at + 1, words[1:] + words[0]
            same.append((at, at, words))
    elif not put:  # a cut
        low, high = start, end
        while low > 0 and text[low - 1] == text[high - 1]:
            low, high = low - 1, high - 1
            same.append((low, high, ""))
        low, high = start, end
        while high < len(text) and text[low] == text[high]:
            low, high = low + 1, high + 1
            same.append((low, high, ""))
    return same


def followed(offset: int, changes: list[Edit]) -> int | None:
    """Where the character at ``offset`` went, None: the edits (made at once) took it."""
    moved = offset
    for start, end, put in changes:
        if start <= offset < end:
            return None
        if offset >= end:
            moved += len(put) - (end - start)
    return moved


def alike(old: str, new: str) -> bool:
    """The words of a span and those of its place: equal, their inner whitespace runs alike
    within a paragraph (a run with a paragraph break only like one with a paragraph break)."""

    def runs(words: str) -> list[str]:
        return re.split(r"(?<=\S)(\s+)(?=\S)", words)

    old_parts, new_parts = runs(old), runs(new)
    if len(old_parts) != len(new_parts):
        return False
    for k, (a, b) in enumerate(zip(old_parts, new_parts, strict=True)):
        if k % 2 == 0 and a != b:
            return False
        if k % 2 and _breaks(a) != _breaks(b):
            return False
    return True


def _breaks(run: str) -> bool:
    return len(re.findall(r"\r\n|\n|\r", run)) >= 2


def truths(span: Span, edits: list[list[list[Edit]]], new: str) -> set[tuple[int, int]]:
    """Where the edits (each as any of the same edits) may have put ``span``: where its first
    and last characters went, when its words are still there."""
    found = set()
    for chosen in product(*edits):
        first: int | None = span.start
        last: int | None = span.end - 1
        for changes in chosen:
            first = None if first is None else followed(first, changes)
            last = None if last is None else followed(last, changes)
        if first is not None and last is not None and alike(span.text, new[first : last + 1]):
            found.add((first, last + 1))
    return found


def run(seeds: range, edits: tuple[int, int] = (1, 3)) -> Tally:
    tally = Tally()
    for seed in seeds:
        rng = random.Random(seed)
        old = article(rng)
        spans = marked(rng, old)
        new, made = old, []  # each edit as every edit alike
        for _ in range(rng.randint(*edits)):
            change = edit(rng, new)
            if change is not None:
                made.append(the_same_edits(new, change))
                new = applied(new, change)
        if new == old:
            continue
        stale = Record(
            schema_version=1,
            doc_id="a",
            doc_sha256=sha256_text(old),
            annotator="alice",
            status="done",
            spans=spans,
        )
        result = carry_over(stale, new)
        carried = {s.id: s for s in result.record.spans}
        for span in spans:
            true = truths(span, made, new)
            got = carried.get(span.id)
            if got is None:
                if not true:
                    tally.gone += 1
                else:
                    tally.left_out += 1
                    inside = span.text[-1].isalpha() and old[span.end : span.end + 1].isalpha()
                    tally.inside_words_left_out += inside
                continue
            assert new[got.start : got.end] == got.text, (seed, span)
            if (got.start, got.end) not in true:
                tally.misplaced.append(f"seed {seed}: {span.id} {span.text!r} {true} -> {got}")
            else:
                tally.placed += 1
    return tally


def test_no_span_is_carried_to_words_other_than_its_own_but_the_indistinguishable() -> None:
    """1500 articles, one to three edits each: 5,886 spans carried, 1,293 left out though their
    words remain, 4 carried onto other words. Before the witnesses (``carry_over_confirmed``):
    6,118, 1,060 and 66. The 4 left are coincidences the record cannot tell from a carry:
    "said" at its very offset in a sentence rewritten before it (seed 335), a Kestria exactly
    as far before it as the line added above it moved the spans after it (75), "said the" of
    "navy said the" where "said the" was cut (998, twice)."""
    tally = run(range(1500))
    assert len(tally.misplaced) <= 4, tally.misplaced
    assert tally.placed > 0.8 * (tally.placed + tally.left_out)


def test_one_edit_carries_no_span_onto_other_words_but_one_word_at_its_own_offset() -> None:
    """1000 articles, one edit each: 4,437 carried, 526 left out, 1 onto other words (seed
    335's "said", above); before, 4,314, 649 and 22."""
    tally = run(range(1000), edits=(1, 1))
    assert len(tally.misplaced) <= 1, tally.misplaced
    assert tally.placed > 0.85 * (tally.placed + tally.left_out)


if __name__ == "__main__":  # the figures: python -m tests.test_carry_over_fuzz
    for edits in ((1, 1), (2, 2), (3, 3)):
        found = run(range(3000), edits)
        print(
            f"{edits[0]} edit(s): placed {found.placed}, left out {found.left_out} "
            f"(inside a word {found.inside_words_left_out}), taken by the edits {found.gone}, "
            f"misplaced {len(found.misplaced)}"
        )
        print("\n".join(found.misplaced[:5]))
