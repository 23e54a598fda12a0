"""Thin command wrappers: each parses its arguments, calls one core function and prints."""

from __future__ import annotations

from pathlib import Path

from annotator.core.scheme import Scheme, load_default_scheme, load_scheme


def scheme_from(path: str | None) -> Scheme:
    """The scheme named on the command line, or the default one."""
    return load_scheme(Path(path)) if path else load_default_scheme()
