"""A brat export writes ``annotation.conf`` beside its ``.ann`` files, declaring their types.

A curator's trial: the export wrote ``<id>.txt`` and ``<id>.ann`` only, and brat showed every
type as unconfigured. The conf lists the entity types, and the events, relations and
attributes of the lines import kept and the export wrote back.

A second trial: the export replaced the conf at every export, so a curator's edits to it
(relation arguments, a type added) were lost without a word. An edited conf is now kept, the
export's written beside it as ``annotation.conf.new`` and said; one as an export wrote it (its
sha256 line still matches) is replaced as before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.brat_conf import annotation_conf, as_exported
from annotator.core.formats.export import export_records
from tests.test_formats_fixtures import BRAT, run_import
from tests.test_formats_support import record, seed_case, write_case

HEADER = (
    "# Written by annotator export: the types this folder's .ann files use, so that brat shows\n"
    "# them configured. An export replaces it while it is as written (the sha256 line says);\n"
    "# once edited, it is kept and an export writes its own beside it as annotation.conf.new.\n"
)
OVERLAP = "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n"
MARK = "# sha256 of the rest of this file: "


def marked(conf: str) -> str:
    """``conf`` as the export writes it: after the header, the sha256 of the rest."""
    rest = conf.encode("utf-8")
    body = conf.removeprefix(HEADER)
    return f"{HEADER}{MARK}{hashlib.sha256(rest).hexdigest()}\n{body}"


def test_our_spans_give_the_entity_types(tmp_path: Path) -> None:
    corpus, gold = seed_case(tmp_path / "in")
    export_records(gold, "brat", tmp_path / "brat", corpus=corpus)
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    assert conf == marked(
        f"{HEADER}[entities]\nactor\ncount\ndate\nreleasee\n[relations]\n{OVERLAP}"
        "[events]\n[attributes]\n"
    )


def test_brat_s_own_events_relations_and_attributes_are_declared(tmp_path: Path) -> None:
    run_import(BRAT, "brat", tmp_path / "in")
    out = tmp_path / "brat"
    export_records(tmp_path / "in" / "records.jsonl", "brat", out,
                   corpus=tmp_path / "in" / "corpus.jsonl")  # fmt: skip
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert conf == marked(
        f"{HEADER}[entities]\nGPE\nMoney\nOrganization\nPerson\nProtein\n"
        f"[relations]\n{OVERLAP}Family\tArg1:<ANY>, Arg2:<ANY>\nOrigin\tArg1:<ANY>, Arg2:<ANY>\n"
        "[events]\nBinding\tTheme*:<ANY>\n"
        "Transfer-money\tBeneficiary-Arg*:<ANY>, Giver-Arg*:<ANY>, Money-Arg*:<ANY>, "
        "Recipient-Arg*:<ANY>\n"
        "[attributes]\nConfidence\tArg:<ANY>, Value:Certain|High|Likely|Possible\n"
        "Individual\tArg:<ANY>\nMention\tArg:<ANY>, Value:Name|Nominal\nNegation\tArg:<ANY>\n"
    )
    # Every type a written line uses is declared: the trigger's type as an event, not an entity.
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.ann")))
    assert "\tTransfer-money " in written and "\nTransfer-money\n" not in conf


def test_equivalences_and_a_bare_event_are_declared() -> None:
    ann = "T1\tProtein 0 3\tabc\nT2\tProtein 4 7\tdef\nT3\tGo 8 9\tx\nE1\tGo:T3\n*\tEquiv T1 T2\n"
    assert annotation_conf([ann]).decode() == marked(
        f"{HEADER}[entities]\nProtein\n[relations]\n{OVERLAP}"
        "Equiv\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive\n"
        "[events]\nGo\n[attributes]\n"
    )


def test_each_split_folder_gets_its_own(tmp_path: Path) -> None:
    corpus, gold = seed_case(tmp_path / "in")
    out = tmp_path / "brat"
    export_records(gold, "brat", out, corpus=corpus, split="train=1.0")
    assert sorted(p.name for p in (out / "train").iterdir()) == [
        "annotation.conf",
        "article.ann",
        "article.txt",
    ]


def test_an_edited_conf_is_kept_and_ours_written_beside_it(tmp_path: Path) -> None:
    corpus, gold = seed_case(tmp_path / "in")
    out = tmp_path / "brat"
    export_records(gold, "brat", out, corpus=corpus)
    ours = (out / "annotation.conf").read_bytes()
    assert as_exported(ours)
    edited = ours.replace(b"releasee\n", b"releasee\nLocation\n")
    (out / "annotation.conf").write_bytes(edited)
    said: list[str] = []
    # --force for the .txt and .ann there (``export_replacing``); the edited conf is kept all
    # the same.
    result = export_records(gold, "brat", out, corpus=corpus, on_warning=said.append, force=True)
    assert (out / "annotation.conf").read_bytes() == edited
    assert (out / "annotation.conf.new").read_bytes() == ours
    assert [line for line in said if "annotation.conf" in line] == [
        f"{out / 'annotation.conf'}: kept as it is: edited since an export wrote it (or not "
        "written by one); this export's is beside it as annotation.conf.new: brat reads only "
        "annotation.conf, so compare them and merge what you need"
    ]
    assert out / "annotation.conf" not in result.files + result.replaced
    # Exported again, the same: the edited one still kept, ours beside it replaced.
    said.clear()
    export_records(gold, "brat", out, corpus=corpus, on_warning=said.append, force=True)
    assert (out / "annotation.conf").read_bytes() == edited
    assert len([line for line in said if "kept as it is" in line]) == 1


def test_a_kept_conf_is_said_only_once_the_export_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's failed export said "this export's is beside it as annotation.conf.new", a file
    the failure took back: the line comes after the write."""
    from annotator.core.formats import safe_writes

    corpus, gold = seed_case(tmp_path / "in")
    out = tmp_path / "brat"
    export_records(gold, "brat", out, corpus=corpus)
    conf = out / "annotation.conf"
    conf.write_bytes(conf.read_bytes().replace(b"releasee\n", b"releasee\nLocation\n"))

    def refused(fd: int, data: bytes) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(safe_writes, "write_all", refused)
    said: list[str] = []
    with pytest.raises(AnnotatorError, match="cannot write: Operation not permitted"):
        export_records(gold, "brat", out, corpus=corpus, on_warning=said.append, force=True)
    assert not (out / "annotation.conf.new").exists()
    assert not [line for line in said if "annotation.conf.new" in line]


def test_a_conf_as_an_export_wrote_it_is_replaced(tmp_path: Path) -> None:
    # An earlier export of other labels: its conf is replaced by this export's, said as before.
    text = "Kyiv freed 146."
    first = write_case(tmp_path / "a", [("d", text)], [record("d", text, [(0, 4, "actor")])])
    second = write_case(tmp_path / "b", [("d", text)], [record("d", text, [(11, 14, "count")])])
    out = tmp_path / "brat"
    export_records(first[1], "brat", out, corpus=first[0])
    said: list[str] = []
    result = export_records(
        second[1], "brat", out, corpus=second[0], on_warning=said.append, force=True
    )
    conf = (out / "annotation.conf").read_text()
    assert "\ncount\n" in conf and "\nactor\n" not in conf
    assert not (out / "annotation.conf.new").exists() and said == []
    assert out / "annotation.conf" in result.replaced


def test_a_hand_written_conf_is_kept(tmp_path: Path) -> None:
    corpus, gold = seed_case(tmp_path / "in")
    out = tmp_path / "brat"
    out.mkdir()
    mine = b"[entities]\nactor\n[relations]\n[events]\n[attributes]\n"
    (out / "annotation.conf").write_bytes(mine)
    said: list[str] = []
    export_records(gold, "brat", out, corpus=corpus, on_warning=said.append)
    assert (out / "annotation.conf").read_bytes() == mine
    assert as_exported((out / "annotation.conf.new").read_bytes())
    kept = [line.split(": kept as it is")[0] for line in said if "kept as it is" in line]
    assert kept == [str(out / "annotation.conf")]


def test_a_changed_comment_or_mark_is_an_edit() -> None:
    conf = annotation_conf(["T1\tactor 0 4\tKyiv\n"])
    assert as_exported(conf)
    assert not as_exported(conf.replace(b"# them configured", b"# them  configured"))
    assert not as_exported(conf + b"Location\n")
    assert not as_exported(conf.replace(MARK.encode(), b"# sha256: "))
    assert not as_exported(conf + conf)  # two marks


# As an export before the sha256 line wrote them (commit ea1d967), reconstructed by running it.
OLDER_HEADER = (
    "# Written by annotator export: the types this folder's .ann files use, so that brat shows\n"
    "# them configured. Each export writes it again; see brat's documentation to refine it.\n"
)
OLDER_ACTOR = f"{OLDER_HEADER}[entities]\nactor\n[relations]\n{OVERLAP}[events]\n[attributes]\n"
OLDER_ALL_KINDS = (
    f"{OLDER_HEADER}[entities]\nactor\nreleasee\n[relations]\n{OVERLAP}"
    "Part_of\tArg1:<ANY>, Arg2:<ANY>\n"
    "Equiv\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive\n"
    "[events]\nRelease\tAgent*:<ANY>, Theme*:<ANY>\n"
    "[attributes]\nConfidence\tArg:<ANY>, Value:High\nNegation\tArg:<ANY>\n"
)


def test_a_conf_an_export_wrote_before_the_sha256_line_is_replaced(tmp_path: Path) -> None:
    # A review's finding: with no sha256 line every such conf was kept, ours beside it, forever.
    text = "Kyiv freed 146."
    corpus, gold = write_case(tmp_path / "in", [("d", text)], [record("d", text, [(11, 14, "n")])])
    out = tmp_path / "brat"
    out.mkdir()
    (out / "annotation.conf").write_text(OLDER_ACTOR, encoding="utf-8")
    said: list[str] = []
    result = export_records(gold, "brat", out, corpus=corpus, on_warning=said.append)
    assert (out / "annotation.conf").read_bytes() == annotation_conf(["T1\tn 11 14\t146\n"])
    assert not (out / "annotation.conf.new").exists() and said == []
    assert out / "annotation.conf" in result.replaced


def test_an_older_export_s_conf_is_as_written_only_byte_for_byte() -> None:
    assert as_exported(OLDER_ALL_KINDS.encode())
    for edited in [
        OLDER_ALL_KINDS + "# Location added by hand\n",
        OLDER_ALL_KINDS.replace("Part_of\tArg1:<ANY>", "Part_of\tArg1:actor"),
        OLDER_ALL_KINDS.replace("actor\nreleasee\n", "releasee\nactor\n"),  # out of order
        OLDER_ALL_KINDS.replace("actor\n", "actor\nactor\n"),
        OLDER_ALL_KINDS.replace("\n", "\r\n"),
        OLDER_ALL_KINDS.removesuffix("\n"),
        OLDER_ALL_KINDS.replace("[events]\n", "\n[events]\n"),
        OLDER_ALL_KINDS + "[drawing]\n",
        OLDER_ALL_KINDS.removeprefix(OLDER_HEADER),  # no header: written by hand
        OLDER_ALL_KINDS.replace("Each export", "An export"),
    ]:
        assert not as_exported(edited.encode()), edited


def test_an_edited_older_export_s_conf_is_kept(tmp_path: Path) -> None:
    corpus, gold = seed_case(tmp_path / "in")
    out = tmp_path / "brat"
    out.mkdir()
    edited = OLDER_ACTOR.replace("actor\n", "actor\nLocation\n").encode()
    (out / "annotation.conf").write_bytes(edited)
    said: list[str] = []
    export_records(gold, "brat", out, corpus=corpus, on_warning=said.append)
    assert (out / "annotation.conf").read_bytes() == edited
    assert as_exported((out / "annotation.conf.new").read_bytes())
    assert len([line for line in said if "kept as it is" in line]) == 1
