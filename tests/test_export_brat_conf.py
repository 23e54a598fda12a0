"""A brat export writes ``annotation.conf`` beside its ``.ann`` files, declaring their types.

A curator's trial: the export wrote ``<id>.txt`` and ``<id>.ann`` only, and brat showed every
type as unconfigured. The conf lists the entity types, and the events, relations and
attributes of the lines import kept and the export wrote back.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.brat_conf import annotation_conf
from annotator.core.formats.export import export_records
from tests.test_formats_fixtures import BRAT, run_import
from tests.test_formats_support import seed_case

HEADER = (
    "# Written by annotator export: the types this folder's .ann files use, so that brat shows\n"
    "# them configured. Each export writes it again; see brat's documentation to refine it.\n"
)
OVERLAP = "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n"


def test_our_spans_give_the_entity_types(tmp_path: Path) -> None:
    corpus, gold = seed_case(tmp_path / "in")
    export_records(gold, "brat", tmp_path / "brat", corpus=corpus)
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    assert conf == (
        f"{HEADER}[entities]\nactor\ncount\ndate\nreleasee\n[relations]\n{OVERLAP}"
        "[events]\n[attributes]\n"
    )


def test_brat_s_own_events_relations_and_attributes_are_declared(tmp_path: Path) -> None:
    run_import(BRAT, "brat", tmp_path / "in")
    out = tmp_path / "brat"
    export_records(tmp_path / "in" / "records.jsonl", "brat", out,
                   corpus=tmp_path / "in" / "corpus.jsonl")  # fmt: skip
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert conf == (
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
    assert annotation_conf([ann]) == (
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
