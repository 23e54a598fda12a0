"""When two conflicts are the same one (``conflict_key``): a merge anew keeps the decisions on
the conflicts it still has, alike (``review_kept``)."""

from __future__ import annotations

from typing import Any

import orjson

Conflict = dict[str, Any]


def conflict_key(conflict: Conflict) -> bytes:
    """The conflict without its id (merge numbers conflicts anew): two are the same conflict
    when they have the same kind, place and versions from the same annotators. Who linked a
    version's spans (``linked_by``) is left out: the version a decision took holds the same
    value and links, and gold merged before merge wrote ``linked_by`` has none; nor a
    top-level field's links, which gold merged before has none either."""
    kept = {name: part for name, part in conflict.items() if name != "id"}
    path = kept.get("path")
    if isinstance(versions := kept.get("versions"), list):
        kept["versions"] = [_version_key(one, path) for one in versions]
    return orjson.dumps(kept, option=orjson.OPT_SORT_KEYS)


def _version_key(version: Any, path: Any) -> Any:
    """A version as ``conflict_key`` compares it (``path``: the conflict's)."""
    if not isinstance(version, dict):
        return version
    out = {k: v for k, v in version.items() if k not in ("linked_by", "links")}
    links = version.get("links")
    if isinstance(links, dict) and "[" not in str(path):
        links = {at: spans for at, spans in links.items() if at != path}
    return {**out, "links": links} if links else out
