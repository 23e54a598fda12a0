"""The spans of a file whose labels the scheme does not know, said once per label by
``validate`` (``LabelTally``), with the scheme file import wrote that knows them all, when there
is one beside the journal or the corpus. A journal of another scheme's labels gave a line per
span; the tally, which keeps its own count across the file's lines, is kept apart from the
checks of ``validate_files`` that feed it.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.journal import LineProblem
from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.validate_conflicts import unknown_label


class LabelTally:
    """The spans of one file whose labels the scheme does not know, said once per label: a
    journal of another scheme's labels gave a line per span (50 for a trial's import)."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[int, str]] = {}  # label -> (line, path) of its first span
        self.spans: dict[str, int] = {}
        self.lines: dict[str, set[int]] = {}

    def add(self, line: int, record: Record, scheme: Scheme) -> None:
        for index, span in enumerate(record.spans):
            self.add_label(line, f"spans.{index}.label", span.label, scheme)

    def add_label(self, line: int, path: str, label: str, scheme: Scheme) -> None:
        """One span's label at ``path`` (a conflict's spans are told with the line's own)."""
        if scheme.label(label) is None:
            self.first.setdefault(label, (line, path))
            self.spans[label] = self.spans.get(label, 0) + 1
            self.lines.setdefault(label, set()).add(line)

    def on_line(self, line: int) -> bool:
        return any(line in lines for lines in self.lines.values())

    def problems(self, scheme: Scheme, forward: str, latest: set[int]) -> list[LineProblem]:
        """Each label's line, ending with ``forward`` (``validate_history.label_forward``) when
        a latest record holds it (a superseded line's spans are mended in none)."""
        out = []
        for label, (line, path) in self.first.items():
            spans, lines = self.spans[label], len(self.lines[label])
            more = f"; {spans} span(s) on {lines} line(s) have it" if spans > 1 else ""
            ahead = forward and not self.lines[label].isdisjoint(latest)
            said = f"{unknown_label(label, scheme)}{more}" + (f"; {forward}" if ahead else "")
            out.append(LineProblem(line, path, said))
        return out

    def hint(self, file: Path, corpus: Corpus | None, scheme: Scheme) -> str | None:
        """A scheme file import wrote beside the journal or the corpus that knows every
        label this one does not, named with the option that takes it."""
        if not self.first:
            return None
        from annotator.core.formats.labels import IMPORT_MARK
        from annotator.core.scheme import load_scheme

        folders = [file.parent] + ([corpus.path.parent] if corpus is not None else [])
        for folder in dict.fromkeys(folders):
            for path in sorted(folder.glob("*.scheme.toml")):
                try:
                    if not path.read_text(encoding="utf-8").startswith(IMPORT_MARK):
                        continue
                    theirs = load_scheme(path)
                except (OSError, UnicodeDecodeError, AnnotatorError):
                    continue  # not one to name: the hint is a guess, the problems stand
                if all(theirs.label(label) is not None for label in self.first):
                    return (
                        f"{file}: {len(self.first)} label(s) not in scheme "
                        f"{scheme.chosen_file or scheme.name}, all in {path}, which annotator "
                        f"import wrote: check with --scheme {path}"
                    )
        return None
