"""``annotator diff`` for a person shows invisible characters: a zero-width space, a joiner, a
byte order mark or a bidi control at a span's edge or in its sentence is printed as a dim
``⟨U+200B⟩`` (``\\u200b`` in a span's quoted text), an emoji group stays one picture, and every
line still fits the terminal. ``--json`` gives the texts as stored."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from annotator.commands.diff_excerpt import INVISIBLE, DocumentShown, excerpt_lines, visible_json
from annotator.commands.diff_report import print_report
from annotator.core.corpus import open_corpus
from annotator.core.diff import diff_of_files
from annotator.core.display import one_line_text
from annotator.core.scheme import load_default_scheme
from annotator.core.tokens import character_pattern
from tests.test_agreement_data import record, run_cli, span, write_corpus, write_journal

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧, joined by two U+200D
TEXTS = {
    "d1": "Kestria released 12\u200b prisoners to Norvania on Sunday, officials said.",
    "d2": f"The {FAMILY} family of Norvania was released on Monday after talks.",
    "d3": "Talks in \u202eainavroN\u202c went on for \u2067weeks\u2069; 40 prisoners were freed.",
    "d4": "\ufeffKestria freed Mi\u200cchael and the a\u200db unit, said the \u200eenvoy.",
}
# Each document's spans: (its words, label, characters more for B).
SPANS = {
    "d1": ("12", "count", 1),  # B takes the zero-width space after 12
    "d2": ("family", "actor", 0),  # B takes the family with it, below
    "d3": ("ainavroN", "actor", 1),  # B takes the pop after the override
    "d4": ("Kestria", "actor", 0),  # B takes the byte order mark before it, below
}
WIDE_BOUNDS = {"d2": (4, 16), "d4": (0, 8)}
INVISIBLE_OR_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _report(tmp_path: Path) -> tuple[dict[str, Any], Any]:
    alice, bob = [], []
    for doc_id, text in TEXTS.items():
        words, label, more = SPANS[doc_id]
        start = text.index(words)
        value = 12 if label == "count" else None
        a_span = span("s1", start, start + len(words), label, value, text)
        b_start, b_end = WIDE_BOUNDS.get(doc_id, (start, start + len(words) + more))
        b_span = span("s1", b_start, b_end, label, value, text)
        form = {"event_type": "exchange"}
        alice.append(record("alice", doc_id, [a_span], form, text=text))
        note = {"note": "seen \u202eelsewhere"} if doc_id == "d1" else {}
        bob.append(record("bob", doc_id, [b_span], form, text=text, **note))
    a = write_journal(tmp_path / "alice.jsonl", *alice)
    b = write_journal(tmp_path / "bob.jsonl", *bob)
    corpus = open_corpus(write_corpus(tmp_path, TEXTS))
    return diff_of_files(a, b, load_default_scheme(), corpus, None, context=True), corpus


def _printed(tmp_path: Path, width: int, **console: Any) -> str:
    report, corpus = _report(tmp_path)
    out = io.StringIO()
    colours = {label.name: label.color for label in load_default_scheme().labels}
    print_report(report, corpus, colours, Console(file=out, width=width, **console))
    return out.getvalue()


def _block(lines: list[str], doc_id: str) -> list[str]:
    start = lines.index(doc_id)
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_invisible_characters_are_shown_and_lines_fit(tmp_path: Path, width: int) -> None:
    lines = _printed(tmp_path, width, color_system=None).splitlines()
    assert [(cell_len(line), line) for line in lines if cell_len(line) > width] == []
    # None is written raw (each was: two lines alike, or the line reordered by the terminal).
    assert [line for line in lines if INVISIBLE_OR_BIDI.search(line.replace(FAMILY, ""))] == []
    alice, bob = (line for line in _block(lines, "d1") if " │ " in line)
    assert "released ⟦12⟧⟨U+200B⟩ prisoners" in alice
    assert "released ⟦12⟨U+200B⟩⟧ prisoners" in bob
    assert alice.index("│") == bob.index("│")
    assert "  note     B: seen ⟨U+202E⟩elsewhere" in _block(lines, "d1")
    alice, bob = (line for line in _block(lines, "d3") if " │ " in line)
    assert "⟨U+202E⟩⟦ainavroN⟧⟨U+202C⟩ went" in alice
    assert "⟨U+202E⟩⟦ainavroN⟨U+202C⟩⟧ went" in bob
    alice, bob = (line for line in _block(lines, "d4") if " │ " in line)
    assert alice.split(" │ ")[1].startswith("⟨U+FEFF⟩⟦Kestria⟧ freed Mi⟨U+200C⟩chael")
    assert bob.split(" │ ")[1].startswith("⟦⟨U+FEFF⟩Kestria⟧ freed")


def test_a_span_s_quoted_text_writes_them_as_json_escapes(tmp_path: Path) -> None:
    lines = _printed(tmp_path, 160, color_system=None).splitlines()
    pairs = [line for line in lines if line.startswith("  boundary")]
    assert 'A: count 17..19 "12" = 12   B: count 17..20 "12\\u200b" = 12' in pairs[0]
    assert 'B: actor 10..19 "ainavroN\\u202c"' in pairs[2]
    assert 'B: actor 0..8 "\\ufeffKestria"' in pairs[3]
    # Still JSON, of the text as stored.
    quoted = pairs[0].rsplit("B: count 17..20 ", 1)[1].split(" = ")[0]
    assert orjson.loads(quoted) == "12\u200b"


def test_quoted_text_stays_the_same_json() -> None:
    stored = f"12\u200b\x9b{FAMILY}\U000e0041\u202e"
    written = visible_json(orjson.dumps(stored).decode())
    assert written == f'"12\\u200b\\u009b{FAMILY}\\udb40\\udc41\\u202e"'
    assert orjson.loads(written) == stored


def test_an_emoji_group_stays_one_picture(tmp_path: Path) -> None:
    # The report showed the display copy, whose joiners are non-joiners: three people.
    lines = _printed(tmp_path, 80, color_system=None).splitlines()
    alice, bob = (line for line in _block(lines, "d2") if " │ " in line)
    assert f"The {FAMILY} ⟦family⟧ of Norvania" in alice
    assert f"The ⟦{FAMILY} family⟧ of Norvania" in bob
    assert "\u200c" not in alice + bob and "⟨U+200D⟩" not in alice + bob
    assert f'B: actor 4..16 "{FAMILY} family"' in _block(lines, "d2")[1]
    # A joiner between two letters joins nothing a terminal draws: it is shown.
    assert "the a⟨U+200D⟩b unit" in _printed(tmp_path, 160, color_system=None)


@pytest.mark.parametrize("colours", ["standard", "truecolor"])
def test_an_escape_is_dim_and_the_report_is_as_rich_prints_it(tmp_path: Path, colours: str) -> None:
    written = [
        _printed(tmp_path, 80, color_system=colours, force_terminal=True, record=record_too)
        for record_too in (False, True)  # a recording console is printed by rich itself
    ]
    assert written[0] == written[1]
    assert "\x1b[2m⟨U+200B⟩\x1b[0m prisoners" in written[0]


def test_json_gives_the_texts_as_stored(tmp_path: Path) -> None:
    _report(tmp_path)
    done = run_cli(
        "diff", tmp_path / "alice.jsonl", tmp_path / "bob.jsonl", "--corpus",
        tmp_path / "corpus.jsonl", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = orjson.loads(done.stdout)
    texts = {item["doc_id"]: item["b"]["text"] for item in report["differences"]}
    assert texts == {"d1": "12\u200b", "d2": f"{FAMILY} family", "d3": "ainavroN\u202c",
                     "d4": "\ufeffKestria"}  # fmt: skip
    assert "⟨" not in done.stdout and "sentence" not in done.stdout


# What a person's excerpts are made of: words with invisible characters, an emoji group, a
# toned emoji, a letter with its accent, wide letters.
WORDS = ["ab", "北京", "\u200b", FAMILY, "\u202e", "x\u200dy", "\ufeff", "👍🏽", "e\u0301", "c"]


def _as_shown(text: str) -> str:
    """The display copy, but for an emoji group's joiners (escapes decoded give the text)."""
    return "".join(char if char == "\u200d" else one_line_text(char) for char in text)


def _decoded(shown: str) -> str:
    return re.sub("⟨U\\+([0-9A-F]{4,6})⟩", lambda match: chr(int(match.group(1), 16)), shown)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
    data=st.data(),
    cells=st.integers(min_value=18, max_value=90),
)
def test_an_excerpt_fits_and_shows_its_text(
    words: list[str], data: st.DataObject, cells: int
) -> None:
    text = " ".join(words)
    edges = sorted({0, len(text)} | {match.end() for match in character_pattern().finditer(text)})
    sides = {}
    for side in ("a", "b"):
        low = data.draw(st.sampled_from(edges[:-1]))
        high = data.draw(st.sampled_from([edge for edge in edges if edge > low]))
        sides[side] = {"start": low, "end": high, "label": "actor"}
    item = {**sides, "sentence": [0, len(text)]}
    lines = excerpt_lines(DocumentShown(text), item, cells, {})
    shown = {side: "".join(piece for piece, _ in pieces) for side, pieces in lines.items()}
    stretch, _ = DocumentShown(text).stretch(0, len(text))
    low = min(side["start"] for side in sides.values())
    high = max(side["end"] for side in sides.values())
    focus_cells = cell_len(stretch.shown[stretch.place(low, 0) : stretch.place(high, 0)])
    for side, line in shown.items():
        assert cell_len(line) <= cells + 2  # the brackets beside the window
        # A toned emoji's tone is shown as a non-joiner (the display copy's, as before).
        assert INVISIBLE.search(line.replace(FAMILY, "").replace("👍\u200c", "")) is None
        plain = line.replace("⟦", "").replace("⟧", "")
        inner = plain.removeprefix("…").removesuffix("…")
        assert "⟨" not in _decoded(inner)  # no escape cut in two
        assert _decoded(inner) in _as_shown(text)
        assert not inner.startswith("\u200d") and not inner.endswith("\u200d")
        marked = line[line.index("⟦") + 1 : line.index("⟧")]
        span = sides[side]
        if focus_cells < cells - 2:  # the focus fits with an ellipsis each side: shown whole
            assert _decoded(marked) == _as_shown(text[span["start"] : span["end"]])
    assert shown["a"].replace("⟦", "").replace("⟧", "") == shown["b"].replace("⟦", "").replace(
        "⟧", ""
    )  # the same window for both
