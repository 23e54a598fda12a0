"""The latency bench's articles: 1 MB generated from sample_docs/ and the 2 KB seed, with spans."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.corpus import normalise_txt
from annotator.core.models import SCHEMA_VERSION, Record, Span, record_line, sha256_text
from annotator.core.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = ROOT / "sample_docs"
SMALL_ARTICLE = ROOT / "seeds" / "article.txt"
BIG_SIZE = 1_000_000
BIG_SPANS = 5_000
SMALL_SPANS = 12
LABELS_PER_ROUND = 30


def big_text() -> str:
    """About 1 MB of news prose: the sample articles' paragraphs (datelines left out), shuffled
    and repeated, under one dateline. Their emoji, combining accents and odd characters stay."""
    paragraphs = []
    for path in sorted(SAMPLE_DOCS.glob("*.txt")):
        text = normalise_txt(path.read_bytes(), path)
        for paragraph in text.split("\n\n"):
            paragraph = paragraph.strip("\n")
            if paragraph and not paragraph.startswith("date "):
                paragraphs.append(paragraph)
    chooser = random.Random(7)
    out = ["date 2025-08-24 Large-scale exchange reporting, collected."]
    length = len(out[0])
    while length < BIG_SIZE:
        paragraph = chooser.choice(paragraphs)
        out.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


def spans_for(text: str, count: int) -> list[Span]:
    """``count`` spans spread evenly over the words, the way a person labels: single words
    (actors, counts, dates) and, every tenth, a longer releasee holding the word before it."""
    words = [token for token in tokenize(text) if token.text[0].isalnum()]
    step = max(1, len(words) // count)
    spans: list[Span] = []
    kinds = ["actor", "count", "date", "actor"]
    index = 0
    while len(spans) < count and index < len(words):
        word = words[index]
        if len(spans) % 10 == 9 and spans:
            last = spans[-1]
            end_word = words[min(index + 2, len(words) - 1)]
            start, end, label = last.start, end_word.end, "releasee"
        else:
            start, end, label = word.start, word.end, kinds[len(spans) % len(kinds)]
        value: int | None = None
        if label == "count" and text[start:end].isdigit():
            value = int(text[start:end])
        spans.append(
            Span(
                id=f"s{len(spans) + 1}",
                start=start,
                end=end,
                label=label,
                text=text[start:end],
                value=value,
            )
        )
        index += step
    return spans


def free_words(text: str, spans: list[Span], wanted: int) -> list[int]:
    """Starts of ``wanted`` words of four letters or more under no span, spread over the text."""
    covered = sorted((span.start, span.end) for span in spans)
    words = [t for t in tokenize(text) if t.text.isalpha() and len(t.text) >= 4]
    chooser = random.Random(11)
    chooser.shuffle(words)
    found: list[int] = []
    for word in words:
        if not any(start < word.end and word.start < end for start, end in covered):
            found.append(word.start)
        if len(found) == wanted:
            break
    return sorted(found)


@dataclass
class Article:
    name: str
    text: str
    spans: list[Span]
    folder: Path
    targets: list[int] = field(default_factory=list)

    @property
    def size(self) -> str:
        return f"{len(self.text.encode()) / 1000:,.0f} KB, {len(self.spans):,} spans"


def write_corpus(folder: Path, name: str, text: str, spans: list[Span]) -> Article:
    corpus = folder / f"corpus-{name}"
    corpus.mkdir()
    (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    article = Article(name, text, spans, corpus)
    article.targets = free_words(text, spans, LABELS_PER_ROUND)
    return article


def write_journal(out: Path, article: Article) -> None:
    """A record holding the article's spans, in progress, as if labelled earlier."""
    record = Record(
        schema_version=SCHEMA_VERSION,
        doc_id=article.name,
        doc_sha256=sha256_text(article.text),
        annotator="bench",
        status="in_progress",
        spans=article.spans,
    )
    journal = out / "annotations" / "bench.jsonl"
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_bytes(record_line(record))
