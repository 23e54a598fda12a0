"""Thin command wrappers: each parses its arguments, calls one core function and prints."""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.core.scheme import Scheme, load_default_scheme, load_scheme


def scheme_from(path: str | None) -> Scheme:
    """The scheme named on the command line, or the default one."""
    return load_scheme(Path(path)) if path else load_default_scheme()


def optional_scheme(path: str | None) -> Scheme | None:
    """The scheme named on the command line, or None when the command works without one."""
    return load_scheme(Path(path)) if path else None


def warn(line: str) -> None:
    """A reported item (something a format cannot hold, say): one line on stderr."""
    print(line, file=sys.stderr)
