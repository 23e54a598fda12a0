"""Errors the core raises for bad input: each carries one line a person can act on."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Bad input or a refused operation; the CLI prints ``str(error)`` and exits 1."""


class UsageError(AnnotatorError):
    """The command line itself is wrong; the CLI exits 2."""


class LockedError(AnnotatorError):
    """Another running process holds the journal's lock."""
