"""What annotate says when a change to a span leaves out lines an import kept in the note.

A brat, doccano or Label Studio import keeps the relations (and brat's events, attributes and
notes) in the record's note; exports write them back while every span they name keeps the id,
offsets and label import gave it (``formats.brat_kept``). A span re-bound, relabelled or deleted
no longer does, and the lines naming it are left out of every export, which said so only then:
a trial re-bound doccano's 'Larry Page' to 'Page', was told 're-bound T3 …', and found its
relations gone from the Label Studio file. The change says it now, while ctrl+z can take it
back.
"""

from __future__ import annotations

from annotator.core.formats.brat_kept import Kept, read_kept
from annotator.core.models import Record

# Lines named in full; past them, how many more.
NAMED_UP_TO = 5


def kept_lines_lost(before: Record, after: Record, text: str, span_id: str) -> str | None:
    """The notice that the change from ``before`` to ``after`` (of span ``span_id``) leaves
    out of exports kept lines that were written before it; None when it leaves none out."""
    kept = read_kept(after.note)
    if not kept.lines:
        return None
    was = set(_written(kept, before, text))
    lost = [line for line in kept.lines if line in was and line not in _written(kept, after, text)]
    if not lost:
        return None
    named = ", ".join(_line_name(line) for line in lost[:NAMED_UP_TO])
    more = f" and {len(lost) - NAMED_UP_TO} more" if len(lost) > NAMED_UP_TO else ""
    which = "which names" if len(lost) == 1 else "which name"
    return (
        f"exports leave out {named}{more}, kept on import, {which} {span_id} as import gave "
        "it; ctrl+z gives it back"
    )


def _written(kept: Kept, record: Record, text: str) -> list[str]:
    present = {span.id for span in record.spans if kept.as_imported(span, text)}
    return kept.written(present)[0]


def _line_name(line: str) -> str:
    """``R2 foundedBy`` for ``R2<TAB>foundedBy Arg1:T1 Arg2:T3``; ``E1 Binding`` for an event
    (its type before its trigger)."""
    ident, _tab, rest = line.partition("\t")
    kind = rest.split(" ", 1)[0].partition(":")[0]
    return f"{ident} {kind}" if kind else ident
