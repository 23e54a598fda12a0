"""Export to and import from the formats training code and other annotation tools read.

One module per format; ``export.export_records`` and ``importing.import_documents`` are the two
entry points (the CLI and the export screen call them). Nothing here imports spaCy or
``datasets`` at module level: they are imported inside the functions that need them.
"""

from __future__ import annotations

EXPORT_FORMATS = ("jsonl", "prodigy", "doccano", "labelstudio", "brat", "conll", "hf", "spacy")
IMPORT_FORMATS = ("txt", *EXPORT_FORMATS, "conllu")  # CoNLL-U: import only
# Formats whose files carry the text: spans round-trip exactly. The others carry tokens.
TEXT_FORMATS = frozenset({"jsonl", "prodigy", "doccano", "labelstudio", "brat"})
TOKEN_FORMATS = frozenset({"conll", "hf", "spacy"})
# Formats of tools that may count offsets in UTF-16 code units.
UTF16_FORMATS = frozenset({"doccano", "labelstudio"})
