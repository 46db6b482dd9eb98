"""Text loader: documents (.txt, .md, .html) to entity and fact records.

Public API: `read_document`, `extract_text`, `Extractor`, `RuleExtractor`, `Document`,
`UnreadableDocument`; the `hdkg extract` command is `run.run_extract`.
"""

from hdkg.loaders.text.extractor import DEFAULT_EXTRACTOR, Extractor, RuleExtractor, extract_text
from hdkg.loaders.text.read import Document, UnreadableDocument, read_document

__all__ = ["DEFAULT_EXTRACTOR", "Document", "Extractor", "RuleExtractor", "UnreadableDocument",
           "extract_text", "read_document"]
