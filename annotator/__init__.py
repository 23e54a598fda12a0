"""annotator: a terminal studio for annotating news articles for event extraction."""

__version__ = "0.1.0"
