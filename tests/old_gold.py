"""Gold as the merge before items of their own wrote it (one conflict of a group's left-over
items, a version per annotator), for tests that a gold file written then is still reviewed.

``old_conflicts`` turns a record's conflicts of items fewer than K hold (path = the group's
name, one item per version) back into that one conflict: each annotator's items among them, in
the order the conflicts list them, annotators whose lists are alike sharing a version, one
holding none given ``[]``; links re-indexed to the version's own list. Ids are numbered again
as that merge numbered them (the group's conflict where its items' conflicts were).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.form_compare import frame_key
from annotator.core.scheme import Scheme


def old_conflicts(record: dict[str, Any], scheme: Scheme) -> list[dict[str, Any]]:
    """``record``'s conflicts (a gold line's dict) as the older merge wrote them."""
    names: list[str] = record["sources"]["annotators"]
    out: list[dict[str, Any]] = []
    for conflict in record["conflicts"]:
        field = scheme.field(conflict.get("path") or "")
        if conflict.get("kind") != "field" or field is None or field.type != "group":
            out.append(conflict)
            continue
        group = out[-1] if out and out[-1].get("_group") == field.name else None
        if group is None:
            group = {"_group": field.name, "_items": {name: [] for name in names}}
            out.append(group)
        for version in conflict["versions"]:
            item = version["value"][0]
            links = {
                path.partition(".")[2]: bodies
                for path, bodies in (version.get("links") or {}).items()
            }
            for name in version["annotators"]:
                group["_items"][name].append((item, links))
    done: list[dict[str, Any]] = []
    for conflict in out:
        if "_group" not in conflict:
            done.append(conflict)
            continue
        field = scheme.field(conflict["_group"])
        assert field is not None
        versions: dict[Any, dict[str, Any]] = {}
        for name in names:
            theirs = conflict["_items"][name]
            key = tuple(sorted((frame_key(item, field) for item, _l in theirs), key=repr))
            if key in versions:
                versions[key]["annotators"].append(name)
                continue
            version: dict[str, Any] = {"value": [item for item, _l in theirs], "annotators": [name]}
            made = {
                f"{field.name}[{place}].{sub}": bodies
                for place, (_item, links) in enumerate(theirs)
                for sub, bodies in links.items()
            }
            if made:
                version["links"] = made
            versions[key] = version
        ordered = sorted(
            versions.values(), key=lambda v: (-len(v["annotators"]), v["annotators"][0])
        )
        done.append({"id": "", "kind": "field", "path": field.name, "versions": ordered})
    for number, conflict in enumerate(done, start=1):
        conflict["id"] = f"c{number}"
    return done


def rewrite_as_old(gold: Path, scheme: Scheme) -> None:
    """Rewrite the gold file's lines with their conflicts as the older merge wrote them."""
    lines = []
    for raw in gold.read_bytes().splitlines():
        record = orjson.loads(raw)
        record["conflicts"] = old_conflicts(record, scheme)
        lines.append(orjson.dumps(record))
    gold.write_bytes(b"\n".join(lines) + b"\n")


def open_old_review(journals: list[Path], corpus: Path, gold: Path, **options: Any) -> Any:
    """A review resumed from a gold file the older merge wrote of ``journals`` (the default
    scheme unless ``scheme_path``): merged, rewritten so (``rewrite_as_old``), then opened."""
    from annotator.core.review_open import open_review
    from annotator.core.scheme import load_default_scheme, load_scheme

    scheme_path = options.get("scheme_path")
    scheme = load_scheme(scheme_path) if scheme_path is not None else load_default_scheme()
    first = open_review(journals, corpus, gold, "rita", **options)
    assert first.close()
    rewrite_as_old(gold, scheme)
    return open_review(journals, corpus, gold, "rita", **options)
