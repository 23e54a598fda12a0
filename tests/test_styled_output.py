"""``StyledOutput`` writes the bytes rich's ``Console.print(text, soft_wrap=True)`` writes."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from annotator.commands.styled_output import StyledOutput

STYLES = ["", "dim", "bold", "bold reverse", "bold underline #e15759", "bold underline ", "red"]
# Line breaks, the control codes rich strips (CR, BEL, BS, VT, FF), one it keeps (ESC), a tab,
# markup-like brackets, wide and zero-width characters, joiners.
FRAGMENTS = ["a", " ", "\n", "\r", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\t", "[b]"]
FRAGMENTS += ["é", "中", "…", "⟦", "\u200d", "\ufe0f", "👍🏽", "e\u0301", "│"]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=10).map("".join)
PIECES = st.lists(st.tuples(TEXTS, st.sampled_from(STYLES)), max_size=8)
CONSOLES = [(None, False), ("standard", False), ("256", False), ("truecolor", False)]
CONSOLES += [("truecolor", True)]  # NO_COLOR with colours forced: bold stays


def _console(out: io.StringIO, colours: str | None, no_color: bool, **more: bool) -> Console:
    return Console(
        file=out,
        width=30,
        color_system=colours,  # type: ignore[arg-type]
        force_terminal=colours is not None,
        no_color=no_color,
        highlight=False,
        **more,
    )


def _by_rich(blocks: list[list[tuple[str, str]]], colours: str | None, no_color: bool) -> str:
    out = io.StringIO()
    console = _console(out, colours, no_color)
    for pieces in blocks:
        text = Text()
        for piece, style in pieces:
            text.append(piece, style=style or None)
        console.print(text, soft_wrap=True)
    return out.getvalue()


def _styled(blocks: list[list[tuple[str, str]]], colours: str | None, no_color: bool) -> str:
    out = io.StringIO()
    styled = StyledOutput(_console(out, colours, no_color))
    for pieces in blocks:
        styled.print(pieces)
    styled.flush()
    return out.getvalue()


@pytest.mark.parametrize(("colours", "no_color"), CONSOLES)
@settings(max_examples=150, deadline=None)
@given(blocks=st.lists(PIECES, max_size=4))
def test_the_bytes_are_rich_s(
    colours: str | None, no_color: bool, blocks: list[list[tuple[str, str]]]
) -> None:
    assert _styled(blocks, colours, no_color) == _by_rich(blocks, colours, no_color)


def test_a_styled_line_break_is_not_styled_and_an_empty_stretch_gets_no_codes() -> None:
    blocks = [[("\nab\n\ncd\n", "bold"), ("\r", "dim"), ("x", "dim"), ("x", "dim")]]
    written = _styled(blocks, "standard", False)
    assert written == "\n\x1b[1mab\x1b[0m\n\n\x1b[1mcd\x1b[0m\n\x1b[2mx\x1b[0m\x1b[2mx\x1b[0m\n"
    assert written == _by_rich(blocks, "standard", False)


def test_much_is_written_a_few_lines_at_a_time_and_all_of_it() -> None:
    out = io.StringIO()
    writes: list[str] = []
    real_write = out.write

    def counted(text: str) -> int:
        writes.append(text)
        return real_write(text)

    out.write = counted  # type: ignore[method-assign]
    styled = StyledOutput(_console(out, None, False))
    line = "x" * 99
    styled.print([("\n".join([line] * 200), "")])  # one block of 20,000 characters
    for _ in range(100):
        styled.print([(line, "dim")])
    styled.flush()
    sizes = [len(text) for text in writes if text]  # (finding a style's codes writes "")
    assert max(sizes) <= 8192 and sum(sizes) == 30_000
    assert len(sizes) == 5  # 101 blocks, held and written in a few batches
    assert out.getvalue() == "\n".join([line] * 200) + "\n" + (line + "\n") * 100


def test_a_recording_console_is_printed_by_rich() -> None:
    out = io.StringIO()
    console = _console(out, "standard", False, record=True)
    styled = StyledOutput(console)
    styled.print([("kept", "bold"), (" too", "")])
    styled.flush()
    assert console.export_text() == "kept too\n"
    assert out.getvalue() == "\x1b[1mkept\x1b[0m too\n"
