"""``annotator schema --write [DIR]`` / ``--check [DIR]`` / ``schema check SCHEME.toml...``."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.jsonschemas import stale_schemas, write_schemas
from annotator.core.scheme import packaged_schemes_dir
from annotator.core.scheme_problems import scheme_file_problems


def run(args: argparse.Namespace) -> int:
    if args.words:
        if args.words[0] != "check" or len(args.words) < 2 or args.write or args.check:
            raise UsageError("usage: annotator schema check SCHEME.toml [SCHEME.toml ...]")
        status = 0
        for name in args.words[1:]:
            problems = scheme_file_problems(Path(name))
            for line in problems:
                print(line)
            if not problems:
                print(f"{name}: ok")
            status = 1 if problems else status
        return status
    if args.write is not None:
        # Without DIR: the shipped schemas, the folder --check without DIR checks.
        folder = Path(args.write) if args.write else packaged_schemes_dir()
        written, other_names_kept = write_schemas(folder)
        for path in written:
            print(f"wrote {path}")
        for line in other_names_kept:  # as compact says it: on stderr, the exit still 0
            print(line, file=sys.stderr)
        return 0
    if args.check is not None:
        # Without DIR: the schemas that ship with annotator (a checkout's schemas/ folder).
        folder = Path(args.check) if args.check else packaged_schemes_dir()
        if folder.suffix == ".toml" and folder.is_file():
            # A scheme given to the folder option: the trial's lead meant to check the scheme.
            raise AnnotatorError(
                f"{folder}: is a file; schema --check takes a folder of JSON Schemas; "
                f"to check a scheme file: annotator schema check {shlex.quote(str(folder))}"
            )
        stale = stale_schemas(folder)
        problems = (
            stale + scheme_file_problems(folder / "prisoner_exchange.toml")
            if not args.check
            else stale
        )
        for line in problems:
            print(line)
        if stale:  # the folder checked, so that the command run as written mends it
            print(f"run `annotator schema --write {shlex.quote(str(folder))}` to regenerate them")
        if not problems:
            print(f"{folder}: JSON Schemas are up to date")
        return 1 if problems else 0
    raise UsageError("say --write [DIR], --check [DIR] or check SCHEME.toml")
