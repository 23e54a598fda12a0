"""What a key that settles a conflict says where no conflict is current: every conflict settled,
or a document without open conflicts opened with ``l`` to look at.

There a version's number, a / b, t, r, e, v, [ and ] have nothing to act on. A trial's keys did
nothing and said nothing there (while n and p answered "every conflict is settled: no open
conflict to go to"): each now says in one line what it is for, why it does nothing here, and
what to do instead.
"""

from __future__ import annotations

KEY_DOES: dict[str, str] = {
    "a": "a takes the first annotator's version of an open conflict",
    "b": "b takes the second annotator's version of an open conflict",
    "t": "t takes every version of an open conflict",
    "r": "r rejects every version of an open conflict",
    "e": "e settles an open conflict by hand",
    "v": "v types a span's value in an open conflict",
    "[": "[ scrolls an open conflict's versions",
    "]": "] scrolls an open conflict's versions",
}
"""What each key is for, a version's number aside (``key_does``)."""

EVERY_VERSION_SHOWN = "every version is shown: nothing to scroll"
"""[ or ] on a conflict whose versions all fit the panel's frame."""
AT_THE_END = "] scrolls down: the versions' end is in sight ([ scrolls back up)"
AT_THE_TOP = "[ scrolls up: the versions' top is in sight (] scrolls down)"


def key_does(key: str) -> str:
    """What ``key`` (a version's number, or one of ``KEY_DOES``) is for."""
    if key.isdigit():
        return f"{key} takes a version of an open conflict"
    return KEY_DOES[key]


def no_conflict_here(key: str, finished: bool, looking: str | None) -> str:
    """Why ``key`` does nothing with no conflict current, and what to do instead: every
    conflict is settled (``finished``), or the document ``looking`` at has none open."""
    if finished:
        why = "every conflict is settled (q to quit, l to look at a document)"
    elif looking is not None:
        why = f"{looking} has none (n goes on to the next, l lists the documents)"
    else:
        why = "none is current (n goes on to the next)"
    return f"{key_does(key)}: {why}"
