"""diff's report for a person: written as rich prints it, the corpus read from one open file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from rich.console import Console

from annotator.commands.diff_report import print_report
from annotator.core.corpus import Corpus, open_corpus
from annotator.core.diff import diff_of_files
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import record, span, write_corpus, write_journal

# Texts a terminal shows in unlike ways: markup-like brackets, wide characters, an emoji
# group, a long word, line breaks; each with a span both mark and one only alice marks.
TEXTS = {
    "d1": "[bold]Kestria[/bold] released 12 prisoners. Talks went on for weeks.",
    "d2": "北京 released 十二 prisoners to 東京 today。 Officials said 👍🏽 and left.",
    "d3": "Norvania freed " + "x" * 120 + " on Sunday.\nA second line. Officials agreed.",
}


def _report(tmp_path: Path) -> tuple[dict[str, Any], Corpus]:
    alice, bob = [], []
    for doc_id, text in TEXTS.items():
        words = text.split(" ")
        first = span("s1", 0, len(words[0]), "actor", text=text)
        second = span("s2", len(words[0]) + 1, len(" ".join(words[:3])), "count", 12, text)
        alice.append(
            record("alice", doc_id, [first, second], {"event_type": "exchange"}, text=text)
        )
        bob.append(
            record(
                "bob",
                doc_id,
                [{**first, "label": "releasee"}],
                {"event_type": "announcement"},
                text=text,
                note="two\nlines",
            )
        )
    a = write_journal(tmp_path / "alice.jsonl", *alice)
    b = write_journal(tmp_path / "bob.jsonl", *bob)
    corpus = open_corpus(write_corpus(tmp_path, TEXTS))
    return diff_of_files(a, b, load_default_scheme(), corpus, None, context=True), corpus


@pytest.mark.parametrize("width", [40, 100])
@pytest.mark.parametrize(
    ("colours", "no_color"),
    [(None, False), ("standard", False), ("truecolor", False), ("truecolor", True)],
)
def test_the_report_is_written_as_rich_prints_it(
    tmp_path: Path, width: int, colours: str | None, no_color: bool
) -> None:
    report, corpus = _report(tmp_path)
    colour_of = {label.name: label.color for label in load_default_scheme().labels}
    written = {}
    for record_too in (False, True):  # a recording console is printed by rich itself
        out = io.StringIO()
        console = Console(
            file=out,
            width=width,
            color_system=colours,  # type: ignore[arg-type]
            force_terminal=colours is not None,
            no_color=no_color,
            highlight=False,
            record=record_too,
        )
        print_report(report, corpus, colour_of, console)
        written[record_too] = out.getvalue()
    assert written[False] == written[True]
    shown = written[False]
    assert "[bold]Kestria[/bold]" in shown and "北京" in shown and "note     B: two" in shown
    assert ("\x1b[" in shown) is (colours is not None)


def test_the_texts_are_read_from_one_open_file(tmp_path: Path) -> None:
    report, corpus = _report(tmp_path)
    opened: list[Path] = []
    real_open = Path.open

    def counted(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    out = io.StringIO()
    with mock.patch.object(Path, "open", counted):
        print_report(report, corpus, {}, Console(file=out, width=100, color_system=None))
    assert opened == [corpus.path]  # not once for each of the three documents
    assert out.getvalue().count("    alice │ ") == 6
