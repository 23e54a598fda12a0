"""The export and import commands as a curator runs them: splits, UTF-16, errors, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record
from tests.test_formats_support import record, spans_of, texts_of, write_case

EMOJI_TEXT = "🕊️ Peace: 👩‍👩‍👧 families in 🇺🇦 Kyiv met e\u0301lise and 146 others."


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def many(folder: Path, count: int = 40) -> tuple[Path, Path, list[Record]]:
    docs = [(f"doc{n:03d}", f"Kyiv freed {n} people.") for n in range(count)]
    records = [record(i, t, [(0, 4, "actor"), (11, 11 + len(i) - 3, "count")]) for i, t in docs]
    corpus, gold = write_case(folder, docs, records)
    return corpus, gold, records


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "brat", "hf", "labelstudio"])
def test_split_is_deterministic_and_never_splits_a_document(tmp_path: Path, fmt: str) -> None:
    corpus, gold, _records = many(tmp_path / "in")
    spec = "train=0.6,dev=0.2,test=0.2"
    first = export_records(gold, fmt, tmp_path / "a", corpus=corpus, split=spec, seed=3)
    again = export_records(gold, fmt, tmp_path / "b", corpus=corpus, split=spec, seed=3)
    assert first.splits == again.splits and sum(first.splits.values()) == 40
    assert all(count > 0 for count in first.splits.values())
    for path in first.files:
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert twin.read_bytes() == path.read_bytes()
    names = {p.relative_to(tmp_path / "a").parts[0] for p in first.files}
    expected = {"brat": {"train", "dev", "test"}, "hf": {"train.jsonl", "dev.jsonl",
                "test.jsonl", "labels.json"}}.get(fmt)  # fmt: skip
    ext = {"labelstudio": ".json"}.get(fmt, f".{fmt}" if fmt != "jsonl" else ".jsonl")
    assert names == (expected or {f"train{ext}", f"dev{ext}", f"test{ext}"})
    if fmt == "jsonl":
        seen = []
        for name in ("train", "dev", "test"):
            lines = (tmp_path / "a" / f"{name}.jsonl").read_bytes().splitlines()
            seen += [orjson.loads(line)["doc_id"] for line in lines]
        assert sorted(seen) == [f"doc{n:03d}" for n in range(40)]
    other = export_records(gold, "jsonl", tmp_path / "c", corpus=corpus, split=spec, seed=4)
    assert other.splits != first.splits or fmt != "jsonl"


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_utf16_offsets_land_on_the_same_characters(tmp_path: Path, fmt: str) -> None:
    words = ["Peace", "families", "🇺🇦", "Kyiv", "e\u0301lise", "146"]
    spans = [(EMOJI_TEXT.index(w), EMOJI_TEXT.index(w) + len(w), "actor") for w in words]
    corpus, gold = write_case(tmp_path, [("d", EMOJI_TEXT)], [record("d", EMOJI_TEXT, spans)])
    out = tmp_path / f"o.{fmt}"
    export_records(gold, fmt, out, corpus=corpus, offsets="utf16")
    data = orjson.loads(out.read_bytes().splitlines()[0] if fmt == "doccano" else out.read_bytes())
    if fmt == "doccano":
        written = [(s, e) for s, e, _label in data["label"]]
    else:
        written = [
            (r["value"]["start"], r["value"]["end"]) for r in data[0]["annotations"][0]["result"]
        ]
    units = EMOJI_TEXT.encode("utf-16-le")  # what a JavaScript string indexes
    assert [units[2 * s : 2 * e].decode("utf-16-le") for s, e in written] == words
    warnings: list[str] = []
    import_documents(out, fmt, tmp_path / "c.jsonl", annotations=tmp_path / "r.jsonl",
                     annotator="x", offsets="utf16", on_warning=warnings.append)  # fmt: skip
    assert spans_of(tmp_path / "r.jsonl") == {"d": set(spans)} and warnings == []
    # Read as code points (as asked: by default the data would say UTF-16 and refuse), the
    # offsets drift: Label Studio's span text shows it, and in doccano
    # (no span text) spans that cut a character do. Those spans are bad data: import refuses.
    warnings.clear()
    with pytest.raises(AnnotatorError, match="pass --skip-bad"):
        import_documents(out, fmt, tmp_path / "c2.jsonl", annotations=tmp_path / "r2.jsonl",
                         annotator="x", offsets="codepoints",
                         on_warning=warnings.append)  # fmt: skip
    assert not (tmp_path / "c2.jsonl").exists() and not (tmp_path / "r2.jsonl").exists()
    bad = [line for line in warnings if line.endswith("import with --offsets utf16)")]
    assert bad and all("; not imported (offsets counted in UTF-16" in line for line in bad)
    result = import_documents(out, fmt, tmp_path / "c2.jsonl", annotations=tmp_path / "r2.jsonl",
                              annotator="x", skip_bad=True, offsets="codepoints")  # fmt: skip
    assert result.bad_spans == len(bad) and result.spans == len(spans) - len(bad)


def test_several_annotators_need_a_choice(tmp_path: Path) -> None:
    text = "Kyiv freed 146 people."
    alice = record("d", text, [(0, 4, "actor")], annotator="alice")
    bob = record("d", text, [(11, 14, "count")], annotator="bob")
    corpus, gold = write_case(tmp_path, [("d", text)], [alice, bob])
    result = cli(
        "export", gold, "--format", "doccano", "-o", tmp_path / "o.jsonl", "--corpus", corpus
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{gold}: records of several annotators (alice, bob): pick one with --annotator NAME\n"
    )
    assert not (tmp_path / "o.jsonl").exists()
    result = cli("export", gold, "--format", "doccano", "-o", tmp_path / "o.jsonl",
                 "--corpus", corpus, "--annotator", "bob")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert orjson.loads((tmp_path / "o.jsonl").read_bytes())["label"] == [[11, 14, "count"]]


def test_status_filter(tmp_path: Path) -> None:
    docs = [("a", "Kyiv."), ("b", "Kyiv.")]
    records = [record("a", "Kyiv.", [(0, 4, "actor")]),
               record("b", "Kyiv.", [(0, 4, "actor")], status="in_progress")]  # fmt: skip
    _corpus, gold = write_case(tmp_path, docs, records)
    assert export_records(gold, "jsonl", tmp_path / "o.jsonl").documents == 1
    again = export_records(gold, "jsonl", tmp_path / "o.jsonl", status="all", force=True)
    assert again.documents == 2
    with pytest.raises(AnnotatorError, match=r"^--status: "):
        export_records(gold, "jsonl", tmp_path / "o.jsonl", status="finished")


def test_export_problems_are_one_line_and_write_nothing(tmp_path: Path) -> None:
    text = "Kyiv freed 146 people."
    corpus, gold = write_case(tmp_path, [("d", text)], [record("d", text, [(0, 4, "GPE")])])
    out = tmp_path / "o.conll"
    result = cli("export", gold, "--format", "conll", "-o", out)
    assert result.returncode == 2 and "pass --corpus PATH" in result.stderr
    result = cli("export", gold, "--format", "conll", "-o", out, "--corpus", corpus,
                 "--scheme", Path(__file__).parent.parent / "schemas" / "prisoner_exchange.toml")  # fmt: skip  # noqa: E501
    assert result.returncode == 1
    # Another scheme's label: said with the rest, not as the first problem (test_export_kept).
    assert result.stderr.startswith(f"{gold}: the records to export hold what scheme ")
    assert "label 'GPE' (1 span in 1 record, line 1); the records have other" in result.stderr
    stale = tmp_path / "stale.jsonl"
    stale.write_bytes(orjson.dumps({"id": "d", "text": "Kyiv freed 147 people."}) + b"\n")
    result = cli("export", gold, "--format", "conll", "-o", out, "--corpus", stale)
    assert result.returncode == 1
    assert result.stderr == (
        f"{gold}:1: doc_sha256: does not match the text of 'd' in the corpus (made for another "
        "text: it changed since it was annotated, or the record is of another corpus's document "
        "of this name: stale record); give --corpus the corpus it was annotated on, or carry "
        "the record over to this text: annotate the corpus and press ctrl+k twice on the "
        "document\n"
    )
    result = cli("export", gold, "--format", "xml", "-o", out, "--corpus", corpus)
    assert result.returncode == 2 and "--format: 'xml'" in result.stderr
    result = cli("export", gold, "--format", "conll", "-o", out, "--corpus", corpus,
                 "--offsets", "utf16")  # fmt: skip
    assert (
        result.returncode == 2 and "--offsets utf16 is for doccano and labelstudio" in result.stderr
    )
    assert not out.exists()
    assert "Traceback" not in result.stderr


def test_export_of_a_missing_or_folder_source_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    result = cli("export", tmp_path / "nope.jsonl", "--format", "jsonl", "-o", out)
    assert (result.returncode, result.stderr) == (1, f"{tmp_path / 'nope.jsonl'}: no such file\n")
    result = cli("export", tmp_path, "--format", "jsonl", "-o", out)
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path}: is a folder; expected a gold file or a journal\n"
    assert not out.exists()


def test_export_replaces_its_output_atomically(tmp_path: Path) -> None:
    text = "Kyiv freed 146 people."
    corpus, gold = write_case(tmp_path, [("d", text)], [record("d", text, [(0, 4, "actor")])])
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    out.write_text('{"id": "d", "text": "old", "label": []}\n')  # an earlier export's
    # Its rows are annotations: replaced only with --force (test_export_replacing_tools).
    result = cli("export", gold, "--format", "doccano", "-o", out, "--corpus", corpus, "--force")
    assert result.returncode == 0
    assert result.stdout == f"exported 1 document(s) as doccano to {out}\n"
    assert orjson.loads(out.read_bytes())["text"] == text
    assert [p.name for p in out.parent.iterdir()] == ["o.jsonl"]  # no temp file left behind
    # Replacing is what export does (the export screen says so too), but never silently.
    assert result.stderr == f"{out}: replaced the file that was there\n"
    fresh = tmp_path / "out" / "new.jsonl"
    result = cli("export", gold, "--format", "doccano", "-o", fresh, "--corpus", corpus)
    assert (result.returncode, result.stderr) == (0, "")


def test_export_of_a_folder_says_how_many_files_it_replaced(tmp_path: Path) -> None:
    corpus, gold, _records = many(tmp_path / "in", 3)
    out = tmp_path / "brat"
    assert cli("export", gold, "--format", "brat", "-o", out, "--corpus", corpus).stderr == ""
    result = cli("export", gold, "--format", "brat", "-o", out, "--corpus", corpus, "--force")
    assert result.returncode == 0
    assert result.stderr == f"{out}: replaced 7 files that were there\n"  # annotation.conf too


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "doccano", "labelstudio", "conll"])
def test_export_to_standard_output(tmp_path: Path, fmt: str) -> None:
    corpus, gold, _records = many(tmp_path / "in", 3)
    written = tmp_path / "o"
    assert cli("export", gold, "--format", fmt, "-o", written, "--corpus", corpus).returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(gold), "--format", fmt, "-o", "-",
         "--corpus", str(corpus)],
        capture_output=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == written.read_bytes()
    # What a format cannot hold is said on stderr, as with a file.
    assert f"exported 3 document(s) as {fmt} to standard output" in result.stderr.decode()
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "brat"), "-o -: brat cannot go to standard output (only conll, doccano, "),
        (("--format", "hf"), "-o -: hf cannot go to standard output"),
        (("--format", "spacy"), "-o -: spacy cannot go to standard output"),
        (("--format", "jsonl", "--split", "a=0.5,b=0.5"), "-o -: --split writes a folder"),
    ],
)
def test_export_to_standard_output_of_folders_is_refused(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    corpus, gold, _records = many(tmp_path / "in", 3)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(gold), *args, "-o", "-",
         "--corpus", str(corpus)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert not (tmp_path / "-").exists()


def test_import_cli_writes_corpus_scheme_and_records_that_validate(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": 1, "text": "EU rejects German call.", "label": [[0, 2, "ORG"], [11, 17, "MISC"]]}
    ]
    source.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    corpus, records = tmp_path / "news.jsonl", tmp_path / "ann.jsonl"
    result = cli("import", source, "--format", "doccano", "-o", corpus, "--annotations", records,
                 "--annotator", "carol", "--map", "MISC=NORP")  # fmt: skip
    assert result.returncode == 0, result.stderr
    scheme = tmp_path / "news.scheme.toml"
    assert result.stdout.splitlines() == [
        "imported 1 document(s), 1 record(s) with 2 span(s)",
        f"wrote {corpus}", f"wrote {scheme}", f"wrote {records}",
        f"check them: annotator validate {records} --corpus {corpus} --scheme {scheme}",
        f"annotate them: annotate opens carol's journal at OUT/annotations/carol.jsonl, not "
        f"{records}: move it to {tmp_path / 'annotations' / 'carol.jsonl'}, then: annotator "
        f"annotate {corpus} --scheme {scheme} --annotator carol --out {tmp_path}",
    ]  # fmt: skip
    assert texts_of(corpus) == {"1": "EU rejects German call."}
    line = orjson.loads(records.read_bytes())
    assert (line["annotator"], line["status"]) == ("carol", "done")
    assert [s["label"] for s in line["spans"]] == ["ORG", "NORP"]
    checked = cli("validate", records, "--corpus", corpus, "--scheme", scheme)
    assert checked.returncode == 0, checked.stdout
    again = cli("import", source, "--format", "doccano", "-o", corpus)
    assert again.returncode == 1 and again.stderr == (
        f"{corpus}: already exists (its first line is a corpus document '1'); {scheme}: already "
        "exists; choose other names or pass --force to replace them (a scheme file that "
        "differs from the one written is kept aside first)\n"
    )
    usage = cli(
        "import",
        source,
        "--format",
        "doccano",
        "-o",
        tmp_path / "x.jsonl",
        "--annotator",
        "al",
    )
    assert usage.returncode == 2 and (
        "--annotator NAME names whose records --annotations FILE holds: pass both" in usage.stderr
    )


def test_import_with_a_scheme_refuses_unknown_labels_unless_mapped(tmp_path: Path) -> None:
    from annotator.core.scheme import load_default_scheme

    source = tmp_path / "in.jsonl"
    source.write_bytes(
        orjson.dumps({"text": "Kyiv freed 146.", "label": [[0, 4, "GPE"], [11, 14, "CARDINAL"]]})
        + b"\n"
    )
    scheme = load_default_scheme()
    common = {"annotations": tmp_path / "r.jsonl", "annotator": "x", "scheme": scheme}
    with pytest.raises(AnnotatorError) as caught:
        import_documents(source, "doccano", tmp_path / "c.jsonl", **common)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"{source}:1: label.0: label GPE not in scheme prisoner_exchange (actor, count, date, "
        "releasee); 2 span(s) of 2 unknown label(s): GPE (1), CARDINAL (1); rename them with "
        "--map OLD=NEW (NEW empty leaves them out)"
    )
    assert not (tmp_path / "c.jsonl").exists()
    warnings: list[str] = []
    result = import_documents(source, "doccano", tmp_path / "c.jsonl", label_map=["GPE=actor", "CARDINAL=count"],  # noqa: E501
                              on_warning=warnings.append, **common)  # type: ignore[arg-type]  # fmt: skip
    assert result.spans == 2
    # A done record must fill event_type: without a form it comes in as in_progress, said so.
    assert orjson.loads((tmp_path / "r.jsonl").read_bytes())["status"] == "in_progress"
    assert warnings[-1:] == [
        f"{source}:1: document {source.stem}-000001: form.event_type: empty, which a done "
        "record must fill; imported as in_progress"
    ]
    assert not (tmp_path / "c.scheme.toml").exists()


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n')
    with pytest.raises(UsageError, match="--offsets utf16 is for doccano and labelstudio"):
        import_documents(source, "prodigy", tmp_path / "c.jsonl", offsets="utf16")
    with pytest.raises(UsageError, match=r"-o .*: the corpus is written as a \.jsonl file"):
        import_documents(source, "prodigy", tmp_path / "c.txt")
    # A right scheme for a format without tags: the format is said, not the scheme.
    with pytest.raises(UsageError) as caught:
        import_documents(source, "prodigy", tmp_path / "c.jsonl", tags="bioes")
    assert (
        str(caught.value) == "--tags is for conll, conllu and hf (not prodigy): prodigy has no tags"
    )
    with pytest.raises(UsageError) as caught:
        import_documents(source, "conll", tmp_path / "c.jsonl", tags="bio")
    assert str(caught.value) == "--tags bio: choose one of iob1, iob2, bioes"


def test_seed_without_split_is_a_usage_error(tmp_path: Path) -> None:
    """``--seed`` chooses the documents of each part of ``--split``: alone it did nothing,
    unsaid, where ``--style`` and ``--with-text`` that do nothing are refused."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("")
    result = cli("export", gold, "--format", "conll", "-o", tmp_path / "x.conll", "--seed", "5")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "--seed is for --split: it chooses which documents go to each part"
    )
    assert not (tmp_path / "x.conll").exists()


def test_brat_folder_export_is_complete_and_says_what_else_is_there(tmp_path: Path) -> None:
    corpus, gold, _records = many(tmp_path / "in", 30)
    out = tmp_path / "brat"
    out.mkdir()
    (out / "notes.md").write_text("mine\n")
    warnings: list[str] = []
    result = export_records(gold, "brat", out, corpus=corpus, on_warning=warnings.append)
    assert len(result.files) == 61  # and annotation.conf
    assert sorted(p.name for p in out.iterdir())[:3] == [
        "annotation.conf",
        "doc000.ann",
        "doc000.txt",
    ]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left
    assert warnings == [
        f"{out}: 1 other file(s) are not part of this export and are left as they are "
        "(e.g. notes.md)"
    ]
    assert (out / "notes.md").read_text() == "mine\n"


def test_format_modules_stay_light() -> None:
    probe = (
        "import importlib, pkgutil, sys\n"
        "import annotator.core.formats as formats\n"
        "for info in pkgutil.iter_modules(formats.__path__):\n"
        "    importlib.import_module(f'annotator.core.formats.{info.name}')\n"
        "import annotator.commands.export_cmd, annotator.commands.import_cmd\n"
        "heavy = ('spacy', 'datasets', 'textual', 'thinc', 'pyarrow')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_txt_folder_and_documents_jsonl_import(tmp_path: Path) -> None:
    folder = tmp_path / "txt"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(b"\xef\xbb\xbfdate 2025-08-24 Kyiv freed 146.\r\n")
    (folder / "sub" / "b.txt").write_text("Second article.\n", encoding="utf-8")
    result = import_documents(folder, "txt", tmp_path / "c.jsonl")
    assert result.files == [tmp_path / "c.jsonl"] and result.records == 0
    lines = [orjson.loads(line) for line in (tmp_path / "c.jsonl").read_bytes().splitlines()]
    assert [(d["id"], d["text"], d["meta"].get("date")) for d in lines] == [
        ("a", "date 2025-08-24 Kyiv freed 146.\n", "2025-08-24"),
        ("sub/b", "Second article.\n", None),
    ]
    again = import_documents(tmp_path / "c.jsonl", "jsonl", tmp_path / "d.jsonl")
    assert again.documents == 2
    assert (tmp_path / "d.jsonl").read_bytes() == (tmp_path / "c.jsonl").read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": 3}\n')
    with pytest.raises(AnnotatorError, match=r"bad\.jsonl:1: text: Input should be a valid string"):
        import_documents(bad, "jsonl", tmp_path / "e.jsonl")


def test_hf_split_folder_and_bioes_conll_import(tmp_path: Path) -> None:
    corpus, gold, _records = many(tmp_path / "in", 20)
    export_records(gold, "hf", tmp_path / "hf", corpus=corpus, split="train=0.5,test=0.5", seed=1)
    result = import_documents(tmp_path / "hf", "hf", tmp_path / "c.jsonl",
                              annotations=tmp_path / "r.jsonl", annotator="x")  # fmt: skip
    assert (result.documents, result.spans) == (20, 40)
    assert set(texts_of(tmp_path / "c.jsonl")) == {f"doc{n:03d}" for n in range(20)}
    conll = tmp_path / "b.conll"
    conll.write_text(
        "Kyiv\tS-GPE\nfreed\tO\nthe\tB-X\nwhole\tI-X\ncity\tE-X\n.\tO\n", encoding="utf-8"
    )
    result = import_documents(conll, "conll", tmp_path / "k.jsonl", tags="bioes",
                              annotations=tmp_path / "kr.jsonl", annotator="x")  # fmt: skip
    assert texts_of(tmp_path / "k.jsonl") == {"b-000001": "Kyiv freed the whole city."}
    assert spans_of(tmp_path / "kr.jsonl") == {"b-000001": {(0, 4, "GPE"), (11, 25, "X")}}


def test_export_to_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "annotator",
            "export",
            str(root / "seeds" / "article.gold.jsonl"),
            "--format",
            "jsonl",
            "-o",
            str(blocker / "x.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == f"{blocker}: cannot write: a file stands where a folder is needed\n"


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_code_points_after_an_emoji_are_said_once(tmp_path: Path, fmt: str) -> None:
    # A trial's Label Studio export of an article with emoji said nothing of its offsets.
    spans = [(EMOJI_TEXT.index("Kyiv"), EMOJI_TEXT.index("Kyiv") + 4, "actor")]
    plain = "Peace in Kyiv."
    corpus, gold = write_case(
        tmp_path,
        [("d", EMOJI_TEXT), ("e", plain)],
        [record("d", EMOJI_TEXT, spans), record("e", plain, [(9, 13, "actor")])],
    )
    warnings: list[str] = []
    export_records(gold, fmt, tmp_path / "o", corpus=corpus, on_warning=warnings.append)
    said = [line for line in warnings if "UTF-16" in line]
    assert said == [
        f"{fmt}: 1 document(s) have spans after a character UTF-16 stores as two units (an "
        f"emoji): written as code points, while {fmt} in the browser may count UTF-16 units; "
        "--offsets utf16 writes those (first: d)"
    ]
    warnings.clear()
    export_records(
        gold, fmt, tmp_path / "o", corpus=corpus, offsets="utf16", on_warning=warnings.append,
        force=True,  # over the first's tasks
    )  # fmt: skip
    assert not [line for line in warnings if "UTF-16" in line]
