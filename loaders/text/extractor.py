"""The extractor interface and the rule-based extractor, the default one.

Another extractor (an LLM-backed one, say) plugs in by implementing `Extractor`: it gets a
`Document` and returns the records of that document, entities first, then facts.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from hdkg.loaders.text.mentions import analyse
from hdkg.loaders.text.read import Document, document_from_text
from hdkg.loaders.text.records import entity_record, fact_record, used_entities
from hdkg.loaders.text.rules import apply_rules


@runtime_checkable
class Extractor(Protocol):
    """Reads entity and fact records out of one document."""

    name: str
    version: str

    def extract(self, document: Document) -> list[dict]: ...


class RuleExtractor:
    """Deterministic rules over gazetteers and patterns: offline, fast, explainable."""

    name = "rules"
    version = "1"

    def extract(self, document: Document) -> list[dict]:
        if not document.text.strip():
            return []
        analysis = analyse(document.text, document.language)
        facts = apply_rules(analysis)
        used = {k for f in facts for k in (f.subject, f.object)}
        records = [entity_record(document.doc, e) for e in used_entities(analysis)
                   if e.mentions or e.key in used]
        records += [fact_record(document.doc, analysis, f) for f in facts]
        return records


DEFAULT_EXTRACTOR: Extractor = RuleExtractor()


def extract_text(text: str, doc: str) -> list[dict]:
    """The entity and fact records of one document given as a string."""
    return DEFAULT_EXTRACTOR.extract(document_from_text(text, doc))
