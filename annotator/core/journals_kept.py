"""What annotators' journals hold that the scheme given does not know, for agree, diff, merge
and review (``latest_records``): refused in one line that counts each part in each journal
and names the ways forward, or, with ``--leave-out-unknown``, compared without them, a line
said for each part left out.

A scheme changed mid-project (a label removed, a choice renamed) leaves journals holding what
it no longer knows, and annotate keeps it as it is. agree, diff, merge and review refused such
journals at the first line holding it, in the first journal, with no way forward: a trial's
lead found that once an annotator chose the renamed choice the old scheme refused the
journals too, no scheme then worked, and every annotator had to delete every span of the
removed label by hand. What is left out, and how, is export's rule (``export_kept``:
``without_kept`` trims a record, ``KeptTally`` counts its parts): one rule for every command.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import UsageError
from annotator.core.formats.export_kept import LEAVE_OUT_OPTION, KeptTally, Trimmed
from annotator.core.formats.import_outputs import JOURNALS_FOLDER
from annotator.core.scheme import FormField, Scheme

# A corpus not given (agree and diff take none): the annotate command says where it goes.
CORPUS_WORD = "CORPUS"


def refuse_leave_out_without_scheme(leave_out: bool, scheme_word: str | None, doing: str) -> None:
    """``--leave-out-unknown`` needs ``--scheme``, as export's does: what the default scheme
    does not know is likely all of a journal made with another, said as a missing --scheme."""
    if leave_out and scheme_word is None:
        raise UsageError(
            f"{LEAVE_OUT_OPTION}: give the --scheme whose unknowns to leave out, the one the "
            f"journals are {doing} under"
        )


@dataclass
class JournalKept:
    """What one journal's latest records hold that the scheme does not know."""

    tally: KeptTally
    # Whose records hold a choice value the scheme does not take (annotate chooses anew).
    choosers: list[str] = field(default_factory=list)


class JournalsKept:
    """The parts each journal's latest records hold that ``scheme`` does not know, by journal
    in the order given; said as one refusal or, left out, a line for each part."""

    def __init__(self, scheme: Scheme, corpus: Path | None, doing: str) -> None:
        self.scheme = scheme
        self.corpus = corpus
        self.doing = doing  # "compared", "merged"
        self.journals: dict[Path, JournalKept] = {}
        self.gold: set[Path] = set()  # gold files among them: their review chooses anew

    def __bool__(self) -> bool:
        return any(kept.tally for kept in self.journals.values())

    def take(self, file: Path, line: int, annotator: str, trimmed: Trimmed) -> None:
        """``line`` of ``file`` is a latest record holding ``trimmed.parts``."""
        kept = self.journals.setdefault(file, JournalKept(KeptTally(self.scheme)))
        kept.tally.take(line, trimmed)
        values = any(part.kind == "value" for part in trimmed.parts)
        if values and annotator not in kept.choosers:
            kept.choosers.append(annotator)

    def tally(self, file: Path) -> KeptTally:
        """``file``'s tally (made empty when it holds nothing)."""
        return self.journals.setdefault(file, JournalKept(KeptTally(self.scheme))).tally

    def refusal(self) -> str:
        """The one line refusing the journals: each part of each journal counted with its
        first line, then the ways forward that exist."""
        held = "; ".join(
            f"{file} holds {_parts_words(kept.tally)}{_also_words(kept.tally)}"
            for file, kept in self.journals.items()
            if kept.tally
        )
        named = self.named()
        files = [str(file) for file, kept in self.journals.items() if kept.tally]
        validate = shlex.join(["annotator", "validate", "--scheme", named, *files])
        doing = self.doing
        said = (
            f"{held}: not in scheme {named}{self._instead()}, made under another scheme and "
            f"kept as they are, so nothing was {doing}. Ways forward: {LEAVE_OUT_OPTION} "
            f"({doing} without them, each said), or --scheme FILE, the scheme they were made "
            f"with, if one knows all of it; {validate} lists every line"
        )
        choosing = self._choosing()
        return f"{said}; {choosing}" if choosing else said

    def _instead(self) -> str:
        """What the scheme has where the parts were, so that a rename shows: `` (its labels:
        actor, count; event_type's choices: exchange, release)``."""
        parts = sorted(
            {part for kept in self.journals.values() for part in kept.tally.counts},
            key=lambda part: (("label", "field", "value").index(part.kind), part.name),
        )
        has: dict[str, str] = {}
        for part in parts:
            top, _, sub = part.name.partition("[].")
            group = self.scheme.field(top) if sub else None
            if part.kind == "label":
                has["its labels"] = ", ".join(label.name for label in self.scheme.labels)
            elif part.kind == "field" and group is not None:
                has[f"{top}'s fields"] = ", ".join(known.name for known in group.fields)
            elif part.kind == "field":
                has["its fields"] = ", ".join(known.name for known in self.scheme.fields)
            elif part.kind == "value":
                known = self.scheme.field(top) if group is None else _sub_field(group, sub)
                if known is not None:
                    has[f"{part.name}'s choices"] = ", ".join(known.choices)
        said = "; ".join(f"{what}: {names or 'none'}" for what, names in has.items())
        return f" ({said})" if said else ""

    def named(self) -> str:
        """The file chosen, when one was: a copied and edited scheme may keep its name."""
        return str(self.scheme.chosen_file or self.scheme.name)

    def _choosing(self) -> str:
        """A value of a choice renamed since can be chosen anew: in a gold file by its
        review, in a journal by its annotator, with the annotate command for each (last: a
        command ends the line)."""
        scheme = self.scheme.chosen_file or self.scheme.source or Path(self.scheme.name)
        said: list[str] = []
        commands: list[str] = []
        for file, kept in self.journals.items():
            if not kept.choosers:
                continue
            if file in self.gold:
                said.append(
                    f"{file} is a gold file: annotator review says such a value and merges "
                    "the document anew with l, ctrl+r twice"
                )
                continue
            commands.extend(
                f"{annotator}: {annotate_command(file, annotator, scheme, self.corpus)}"
                for annotator in kept.choosers
            )
        if commands:
            said.append(
                "a choice value it does not take (renamed since?) can be chosen anew in "
                f"annotate, which keeps it till then, the field shown empty: {'; '.join(commands)}"
            )
        return "; ".join(said)

    def left_out_lines(self) -> list[str]:
        """A line per part left out of each journal (``--leave-out-unknown``), counted, with
        its first line, as export says them (``KeptTally.left_out_lines``, whose words are an
        export's), and a line naming the done records left out whole."""
        lines: list[str] = []
        for file, kept in self.journals.items():
            lines += kept.tally.part_lines(file, self.named(), self.doing)
            words = kept.tally.left_out_words()
            if words:
                lines.append(f"{file}: left out {words}; {self._giving(file, kept)}")
        return lines

    def _giving(self, file: Path, kept: JournalKept) -> str:
        """How a done record left out whole comes back: a value the scheme takes, chosen in
        annotate (the command whole), or, in a gold file, by its review."""
        if file in self.gold:
            return (
                f"{file} is a gold file: annotator review says such a value and merges the "
                "document anew with l, ctrl+r twice"
            )
        scheme = self.scheme.chosen_file or self.scheme.source or Path(self.scheme.name)
        commands = "; ".join(
            f"{annotator}: {annotate_command(file, annotator, scheme, self.corpus)}"
            for annotator in kept.choosers
        )
        return (
            f"to have it {self.doing}, its annotator chooses a value scheme {self.named()} "
            f"takes in annotate, which keeps the old one till then: {commands}"
        )


def _sub_field(group: FormField, name: str) -> FormField | None:
    return next((known for known in group.fields if known.name == name), None)


def _parts_words(tally: KeptTally) -> str:
    """``label 'mediator' (19 spans in 19 records, first line 6) and value ...``."""
    parts = [count.counted(part) for part, count in tally.in_order()]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _also_words(tally: KeptTally) -> str:
    """The first other problem of those records (export's words), when there is one."""
    if tally.other is None:
        return ""
    line, path, message = tally.other
    more = f" (and {tally.others - 1} more)" if tally.others > 1 else ""
    return f" (those records have other problems too, line {line}: {path}: {message}{more})"


def corpus_meant(journal: Path) -> str:
    """What CORPUS stands for in a command given for ``journal`` when no corpus is known."""
    return f"the folder or file of the articles annotated in {journal}"


def annotate_command(journal: Path, annotator: str, scheme: Path, corpus: Path | None) -> str:
    """The annotate command opening ``annotator``'s ``journal`` under ``scheme``, shell-quoted:
    annotate opens ``OUT/annotations/NAME.jsonl``, so a journal elsewhere is to be moved there
    first (said). A trial's message gave ``annotator annotate --scheme FILE``, without the
    corpus, the name and the folder: pasted, it failed. Without a corpus known (agree and diff
    take none), CORPUS stands for it, said as the articles annotated in the journal: "with
    the corpus JOURNAL annotates as CORPUS" read as if the journal were the corpus."""
    in_place = journal.parent.name == JOURNALS_FOLDER and journal.name == f"{annotator}.jsonl"
    out = journal.parent.parent if in_place else journal.parent
    words = ["annotator", "annotate", str(corpus) if corpus is not None else CORPUS_WORD]
    words += ["--annotator", annotator, "--scheme", str(scheme), "--out", str(out)]
    command = shlex.join(words)
    if corpus is None:
        command = f"{command} ({CORPUS_WORD}: {corpus_meant(journal)})"
    if in_place:
        return command
    target = out / JOURNALS_FOLDER / f"{annotator}.jsonl"
    return f"annotate opens {target}, not {journal}: move it there, then: {command}"
