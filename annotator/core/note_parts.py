"""A record's note as a person edits it: their own text, apart from the brat lines kept there.

A brat import keeps the lines of an ``.ann`` that are not spans at the end of the record's note
(``brat_kept``: the block starts at KEPT_HEADER, SPANS_HEADER or the RENAMED line), and a brat
export writes them back from there. Edited as one field, the block went with the person's words:
ctrl+k to retype a note dropped every event and attribute, unsaid, and a word typed at the end
of the note joined the block's last line ("... as Transfer_money ok"). So a person edits only
the text before the block (``person_text``); the block is kept as it was and joined back on
save (``joined``), as import joined them: the person's text, a blank line, the block.

The note is edited in one line (the annotate form's input): its line breaks are shown as ⏎ and
its other control characters (a tab) as their Unicode pictures (␉), never sent to the terminal
as they are, which drew them over the screen; a save reads the marks back (``one_line``,
``from_one_line``), so the note saved is what the person saw and typed, line breaks kept.
"""

from __future__ import annotations

from annotator.core.formats.brat_kept import KEPT_HEADER, RENAMED, SPANS_HEADER, read_kept

LINE_BREAK_MARK = "⏎"
_PICTURES = 0x2400  # U+2400 CONTROL PICTURES: ␀ for NUL ... ␟ for US, ␡ for DEL
_TO_MARKS = {code: _PICTURES + code for code in range(0x20)} | {0x7F: 0x2421}
_TO_MARKS[ord("\n")] = ord(LINE_BREAK_MARK)
_FROM_MARKS = {mark: code for code, mark in _TO_MARKS.items()}


def one_line(text: str) -> str:
    """``text`` with its line breaks as ⏎ and its other control characters as their pictures:
    nothing a terminal would act on."""
    return text.translate(_TO_MARKS)


def lines_shown(text: str) -> str:
    """``text`` for a box of several lines (the review's whole note): its line breaks kept (a
    CR or CRLF made one) and its tabs, which the box widens to spaces; its other control
    characters as their pictures (an escape went to the terminal as it is)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return lines.translate(_TO_MARKS | {ord("\n"): ord("\n"), ord("\t"): ord("\t")})


def from_one_line(shown: str) -> str:
    """The text ``shown`` (``one_line``'s) stands for: its marks read back as line breaks and
    control characters (a ⏎ or ␉ typed is one too)."""
    return shown.translate(_FROM_MARKS)


def _block_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line in (KEPT_HEADER, SPANS_HEADER) or line.startswith(RENAMED):
            return index
    return None


def split_note(note: str) -> tuple[str, str]:
    """(the person's text, the brat block kept by import, verbatim; "" when none). The blank
    line between them is neither's: ``joined`` puts it back."""
    lines = note.split("\n")
    start = _block_start(lines)
    if start is None:
        return note, ""
    # Up to the block: the person's text and the blank line (one line break when the block
    # follows a line of theirs with none) ``joined`` puts between them.
    before = "".join(line + "\n" for line in lines[:start])
    person = before[:-2] if before.endswith("\n\n") else before.removesuffix("\n")
    return person, "\n".join(lines[start:])


def joined(person: str, block: str) -> str:
    """The note holding ``person``'s text and the brat ``block``, as import joins them."""
    if not block:
        return person
    return f"{person}\n\n{block}" if person else block


def person_text(note: str) -> str:
    """What a person edits of ``note``: all of it but the brat block."""
    return split_note(note)[0]


def with_person_text(note: str, person: str) -> str:
    """``note`` with its person's text replaced by ``person``, its brat block kept as it was."""
    return joined(person, split_note(note)[1])


def shown_note(note: str) -> str:
    """The person's text of ``note`` as the one-line note field shows it."""
    return one_line(person_text(note))


def typed_note(note: str, shown: str) -> str:
    """The note saved when ``shown`` is typed in the one-line note field over ``note``: the
    person's text read back from it, the brat block of ``note`` kept."""
    return with_person_text(note, from_one_line(shown))


def kept_brat_lines(note: str) -> int:
    """How many brat lines ``note`` keeps for a brat export: its events, relations, attributes,
    normalisations and notes (the T lines of the spans they name are the record's spans)."""
    block = split_note(note)[1]
    if not block:
        return 0
    return len(read_kept(block).lines)


def kept_lines_words(note: str) -> str:
    """The line under the note field saying it keeps brat lines ("" when it keeps none)."""
    count = kept_brat_lines(note)
    if not count:
        return ""
    lines = "line" if count == 1 else "lines"
    return f"keeps {count} brat {lines} for export (not shown)"
