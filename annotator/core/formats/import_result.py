"""What an import did: counts, files written, and what it left out or would not validate."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.formats.import_outputs import KeptAside
from annotator.core.formats.import_scheme import Refusals


@dataclass
class ImportResult:
    documents: int
    records: int
    spans: int
    files: list[Path]
    labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    replaced: list[Path] = field(default_factory=list)  # of ``files``, those that existed
    bad_spans: int = 0  # spans that were bad data, left out with ``skip_bad``
    not_imported: dict[str, int] = field(default_factory=dict)  # what -> how many
    # With ``skip_bad``: records that lost spans as bad / made for another text (doc_sha256),
    # imported in progress and flagged.
    lost_records: int = 0
    stale_records: int = 0
    made_folders: list[Path] = field(default_factory=list)  # missing on the way: made, said
    annotator: str | None = None  # whose records (with predictions: named after the model)
    annotator_from: str | None = None  # without --annotator: why they are ``annotator``'s
    # Without --scheme, records with a form: the shipped scheme that accepts all of the file.
    shipped_scheme: str | None = None
    line_endings: int = 0  # documents whose CRLF or CR text was made LF (``line_endings``)
    # Imported in progress, not done, by what they are (``unanswered task(s)``): how many.
    in_progress: dict[str, int] = field(default_factory=dict)
    refused: Refusals | None = None  # records a validate with the check command would refuse
    # Done records whose form and links were dropped (no scheme defines the form), which a
    # validate without --scheme (the default scheme) refuses.
    refused_formless: Refusals | None = None
    # Files replaced with --force and kept aside first: the records file holding lines not the
    # import's, the scheme file other than the import's.
    kept_aside: list[KeptAside] = field(default_factory=list)
    # Keys of imported items not carried (``ImportReporter.parts_not_carried``).
    parts_not_carried: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """``imported 3 document(s), 3 record(s) with 5 span(s)``, and what was left out."""
        line = (
            f"imported {self.documents} document(s), {self.records} record(s) with "
            f"{self.spans} span(s)"
        )
        parts = []
        if self.bad_spans:
            parts.append(f"{self.bad_spans} span(s) left out as bad")
        if self.not_imported:
            counted = ", ".join(f"{count} {what}" for what, count in self.not_imported.items())
            parts.append(f"not imported: {counted}")
        if self.parts_not_carried:
            counted = ", ".join(
                what.format(count) for what, count in self.parts_not_carried.items()
            )
            parts.append(f"not carried, the rest imported: {counted}")
        if parts:
            line = f"{line}; {'; '.join(parts)} (listed above)"
        if self.line_endings:
            line += f"; {self.line_endings} text(s) made LF (were CRLF or CR)"
        for what, count in self.in_progress.items():
            line += f"; {count} {what} imported in progress (listed above)"
        review = [
            (self.lost_records, "that lost spans"),
            (self.stale_records, "made for another text"),
        ]
        for count, which in review:
            if count:
                line += f"; {count} record(s) {which} are in progress and flagged: review them"
        if self.refused is not None:
            line += f"; {self.refused.said()}"
        formless = self.refused_formless
        if formless is not None:
            line += (
                f"; {formless.count} done record(s) lost their form: validate "
                f"without --scheme (the default scheme {formless.scheme}) refuses them (first: "
                f"{formless.first}); use the scheme written here, or import with --scheme "
                "FILE to keep the form"
            )
        return line
