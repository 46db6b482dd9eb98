"""`hdkg extract --explain FILE`: per sentence, the mentions found, the triggers seen, the
facts made (with their rule) and why a rule that saw its trigger abstained.

It is the audit trail of one document: an analyst checks where a fact came from, a developer
sees why a fact is missing, without reading the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hdkg.loaders.text.mentions import DocAnalysis, analyse
from hdkg.loaders.text.read import Document
from hdkg.loaders.text.rules import Rules, dedupe
from hdkg.loaders.text.triggers import lexicon, trigger_pattern

_WIDTH = 160


def explain(document: Document) -> Iterator[str]:
    """Lines of the explanation of one document, sentence by sentence."""
    doc = analyse(document.text, document.language)
    rules = Rules(doc, explaining=True)
    facts = dedupe(doc, rules.run())
    yield f"# {document.doc}  language={document.language}  dateline year={doc.year}"
    main = rules.main_event()
    if main is not None:
        yield f"# the text's event: {doc.entities[main.key].name}"
    for i, (a, b) in enumerate(doc.sentences, 1):
        sentence = " ".join(document.text[a:b].split())
        if len(sentence) > _WIDTH:
            sentence = sentence[:_WIDTH - 1] + "…"
        head = " (headline)" if doc.in_headline(a) else ""
        yield f"[{i}] {a}-{b}{head}  {sentence}"
        for m in doc.outer_mentions(a, b):
            yield f"    mention   {_mention(doc, m)}"
        for word in _triggers(document.text, a, b):
            yield f"    trigger   {word}"
        for f in facts:
            if f.span == (a, b):
                yield f"    fact      {_fact(doc, f)}"
        for pos, message in rules.notes:
            if a <= pos < b:
                yield f"    abstained {message}"


def _mention(doc: DocAnalysis, m) -> str:  # noqa: ANN001 - a Mention
    e = doc.entities[m.key]
    out = f"{e.type} {e.name!r} as {m.text!r}"
    if e.iso3:
        out += f" [{e.iso3}]"
    if e.type == "Event" and e.date:
        out += f" date={e.date}"
    if m.post is not None:
        target = doc.entities[m.post.object].name if m.post.object else "nobody can tell"
        out += f"; post {m.post.role!r} in {target!r}"
    if m.short:
        out += " (short form)"
    return out


def _fact(doc: DocAnalysis, f) -> str:  # noqa: ANN001 - a FactRec
    s, o = doc.entities[f.subject].name, doc.entities[f.object].name
    extra = [f"{k}={getattr(f, k)}" for k in ("role", "start", "end", "date") if getattr(f, k)]
    tail = f", {', '.join(extra)}" if extra else ""
    return f"{f.predicate}({s} -> {o}{tail})  rule={f.rule}"


def _triggers(text: str, a: int, b: int) -> list[str]:
    out = []
    for predicate, groups in lexicon().items():
        for group in groups:
            for m in trigger_pattern(predicate, group).finditer(text, a, b):
                out.append(f"{predicate}/{group} {m.group(0)!r}")
    for name, pat in (("agreement kind", Rules.KIND), ("signing", Rules.SIGN)):
        for m in pat.finditer(text, a, b):
            out.append(f"{name} {m.group(0)!r}")
    for m in _ROLE_WORDS.finditer(text, a, b):
        out.append(f"role word {m.group(0)!r}")
    return out


_ROLE_WORDS = re.compile(r"(?<![\w\-])(?:Ketua|[Kk]eketuaan|Presidensi|[Mm]emimpin|[Cc]o-chair"
                         r"(?:ed)?|[Cc]hair(?:ed|man|person)?|[Aa]nggota|member of|tuan rumah|"
                         r"[Mm]enggelar|[Mm]enyelenggarakan|hosted|host(?:s|ing)?)(?![\w\-])")
