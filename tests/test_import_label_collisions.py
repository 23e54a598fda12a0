"""A label name the scheme rules refuse is made valid on import; a valid one keeps its name."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.importing import import_documents
from tests.test_formats_support import spans_of

TEXT = "Kestria freed 12 soldiers to Norvania."
# The curator's trial: two labels that are one name once made valid, the valid one second.
ROW = {
    "id": "c1",
    "text": TEXT,
    "label": [
        [0, 7, "Transfer-money"],
        [29, 37, "Transfer_money"],
        [14, 16, "présent"],
        [17, 25, "present"],
    ],
}


def test_a_valid_label_keeps_its_name_and_only_the_invalid_one_is_renamed(
    tmp_path: Path,
) -> None:
    source = tmp_path / "dc_coll.jsonl"
    source.write_bytes(orjson.dumps(ROW) + b"\n")
    warnings: list[str] = []
    result = import_documents(
        source,
        "doccano",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "a.jsonl",
        annotator="cur",
        on_warning=warnings.append,
    )
    assert spans_of(tmp_path / "a.jsonl") == {
        "c1": {
            (0, 7, "Transfer_money_2"),
            (29, 37, "Transfer_money"),
            (14, 16, "present_2"),
            (17, 25, "present"),
        }
    }
    assert sorted(result.labels) == ["Transfer_money", "Transfer_money_2", "present", "present_2"]
    assert warnings == [
        "label 'Transfer-money' is not a scheme label name (ASCII letters, digits, _); imported "
        "as 'Transfer_money_2' ('Transfer_money' is a label of the source too) (choose another "
        "with --map Transfer-money=NEW)",
        "label 'présent' is not a scheme label name (ASCII letters, digits, _); imported as "
        "'present_2' ('present' is a label of the source too) (choose another with --map "
        "présent=NEW)",
    ]


def test_an_invalid_label_alone_takes_the_valid_name_without_a_suffix(tmp_path: Path) -> None:
    source = tmp_path / "one.jsonl"
    row = {"id": "c1", "text": TEXT, "label": [[0, 7, "Transfer-money"]]}
    source.write_bytes(orjson.dumps(row) + b"\n")
    warnings: list[str] = []
    import_documents(
        source,
        "doccano",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "a.jsonl",
        annotator="cur",
        on_warning=warnings.append,
    )
    assert spans_of(tmp_path / "a.jsonl") == {"c1": {(0, 7, "Transfer_money")}}
    assert warnings == [
        "label 'Transfer-money' is not a scheme label name (ASCII letters, digits, _); imported "
        "as 'Transfer_money' (choose another with --map Transfer-money=NEW)"
    ]


def test_the_map_hint_for_a_label_with_a_space_or_an_equals_sign_works_as_given(
    tmp_path: Path,
) -> None:
    """Label Studio's ``Person Name`` was said ``--map Person Name=NEW``, which a shell gives
    as two arguments; and ``--map k=v=NEW`` for a label ``k=v`` renamed a label ``k``."""
    source = tmp_path / "sp.jsonl"
    row = {"id": "c1", "text": TEXT, "label": [[0, 7, "Person Name"], [29, 37, "k=v"]]}
    source.write_bytes(orjson.dumps(row) + b"\n")
    warnings: list[str] = []
    import_documents(source, "doccano", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                     annotator="cur", on_warning=warnings.append)  # fmt: skip
    assert "(choose another with --map 'Person Name=NEW')" in warnings[0]
    assert warnings[1].endswith("(choose another with --map k=v=NEW)")
    import_documents(source, "doccano", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                     annotator="cur", label_map=["Person Name=person", "k=v=kv"],
                     force=True)  # fmt: skip
    assert spans_of(tmp_path / "a.jsonl") == {"c1": {(0, 7, "person"), (29, 37, "kv")}}


def test_the_hint_for_a_name_map_gave_names_the_source_label(tmp_path: Path) -> None:
    """A trial's ``--map ORG=bad-name`` was told ``choose another with --map bad-name=NEW``,
    which a second import refused (no spans labelled bad-name in the source); the hint now
    names ORG, and following it gives the spans the name chosen."""
    source = tmp_path / "org.jsonl"
    row = {"id": "c1", "text": TEXT, "label": [[0, 7, "ORG"]]}
    source.write_bytes(orjson.dumps(row) + b"\n")
    warnings: list[str] = []
    import_documents(source, "doccano", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                     annotator="cur", label_map=["ORG=bad-name"],
                     on_warning=warnings.append)  # fmt: skip
    assert warnings == [
        "label 'bad-name' is not a scheme label name (ASCII letters, digits, _); imported as "
        "'bad_name' (choose another with --map ORG=NEW)"
    ]
    import_documents(source, "doccano", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                     annotator="cur", label_map=["ORG=org"], force=True)  # fmt: skip
    assert spans_of(tmp_path / "a.jsonl") == {"c1": {(0, 7, "org")}}
