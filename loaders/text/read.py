"""Reading one document: bytes to clean text, with its language.

The text a document yields is what every offset (`span`) points into, so cleaning never
shifts characters it keeps: boilerplate lines are blanked with spaces, not cut out.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

# A press release is a few kilobytes, a news page with its scripts under a megabyte. Past
# this, a file is a dump or an accident: reading it whole would cost memory in proportion
# and the extractor minutes, so it is skipped with the reason (`--max-bytes` moves it).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# The HTML parser checks the open-element stack at every block tag, so a page of unclosed
# <div>s costs the square of their number (200,000 of them: minutes). Browsers stop nesting
# at 512; no real page comes near this.
MAX_HTML_DEPTH = 4096


class UnreadableDocument(Exception):
    """A document whose bytes are not text we can decode; the message says why."""


@dataclass(frozen=True)
class Document:
    """A decoded document: `doc` is its base name, the key of every record read from it."""

    doc: str
    text: str
    language: str
    path: Path | None = None
    encoding: str = "utf-8"


# Lines that news sites put between paragraphs: links to other stories, ad slots.
BOILERPLATE = re.compile(
    r"^[ \t]*(?:[#>*_\-\[\]()]+[ \t]*)*(?:baca juga|baca pula|simak juga|lihat juga|"
    r"advertisement|iklan|scroll to continue(?: with content)?|read also|read more|"
    r"see also|artikel terkait|berita terkait)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE)

_ID_WORDS = frozenset(
    "yang dan di dengan untuk dari pada dalam ini itu adalah akan oleh sebagai juga tersebut "
    "telah kami kita ke para bahwa atau tidak serta menjadi secara antara bagi lebih dapat "
    "sudah hingga saat karena tahun kerja sama kesehatan menteri pertemuan negara".split())
_EN_WORDS = frozenset(
    "the and of to in for with on by at as is was were are from that this which has have "
    "be been will an its their it who said also into after minister health meeting".split())
_EN_ONLY = _EN_WORDS - _ID_WORDS  # a word of both lists counts as Indonesian
_WORD = re.compile(r"[a-z]+")


def detect_language(text: str) -> str:
    """'id' or 'en' by stopword counts: cheap, offline, right for press releases."""
    words = _WORD.findall(text[:20000].lower())
    id_n = sum(map(_ID_WORDS.__contains__, words))
    en_n = sum(map(_EN_ONLY.__contains__, words))
    return "en" if en_n > id_n else "id"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a file's bytes; UnreadableDocument when they are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise UnreadableDocument("not valid UTF-16 despite its byte-order mark") from None
    if b"\x00" in data[:65536]:
        raise UnreadableDocument("binary content (NUL bytes)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data)
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise UnreadableDocument("binary content (control characters)")
    return text, encoding


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Windows-1252 and kin, as charset-normalizer judges; refuse what it cannot place."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    encoding = best.encoding if best is not None else None
    for enc in [e for e in (encoding, "cp1252") if e]:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableDocument("undecodable bytes (neither UTF-8 nor a known 8-bit encoding)")


def normalise(text: str) -> str:
    """One form for every text: NFC, LF line ends, no BOM; boilerplate lines blanked."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", " ")
    return BOILERPLATE.sub(lambda m: " " * len(m.group(0)), text)


_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "figure", "template")
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, figcaption"
_BOILER_CLASS = re.compile(r"(?:^|[\s_-])(?:ads?|advert\w*|related|share|social|comment\w*|"
                           r"promo|newsletter|breadcrumb\w*|baca-?juga|read-?also|sidebar)"
                           r"(?:$|[\s_-])", re.IGNORECASE)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "basefont bgsound frame keygen".split())
# Tags a sibling of the same name closes (<p>a<p>b is two paragraphs, not nested).
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd td th tr option optgroup rb rt rp thead "
                                   "tbody tfoot colgroup caption".split())


def html_depth(html: str, limit: int = MAX_HTML_DEPTH) -> int:
    """How deep the page's elements nest, roughly (stops counting past `limit`).

    A tag scan, not a parse: it exists to refuse pathological pages before the parser
    spends minutes on them, so it errs on the side of a lower count.
    """
    if html.count("<") <= limit:
        return 0  # cannot nest deeper than it has tags
    depth = deepest = 0
    open_by_name: dict[str, int] = {}
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        have = open_by_name.get(name, 0)
        if m.group(1):
            if have:
                open_by_name[name] = have - 1
                depth -= 1
        elif not (have and name in _SELF_CLOSING_SIBLINGS):
            open_by_name[name] = have + 1
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def html_to_text(html: str) -> str:
    """The main text of a page: its article (or body) blocks, one per line.

    UnreadableDocument for a page nested too deep to parse in reasonable time.
    """
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    if html_depth(html) > MAX_HTML_DEPTH:
        raise UnreadableDocument(f"malformed HTML: elements nested more than "
                                 f"{MAX_HTML_DEPTH} deep (unclosed tags)")
    tree = HTMLParser(html)
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("[class], [id]"):
        label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _BOILER_CLASS.search(label):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    lines = []
    title = tree.css_first("title")
    heading = root.css_first("h1")
    if title is not None and heading is None:
        lines.append(" ".join(title.text(deep=True, separator="").split()))
    blocks = root.css(_BLOCKS)
    if not blocks:
        lines.extend(" ".join(t.split()) for t in root.text(separator="\n").split("\n"))
    for b in blocks:
        if b.parent is not None and _inside_block(b):
            continue
        lines.append(" ".join(b.text(deep=True, separator="").split()))
    return "\n\n".join(line for line in lines if line)


def _inside_block(node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("p", "li", "blockquote", "td", "th", "dd", "dt", "pre"):
            return True
        parent = parent.parent
    return False


def read_bytes(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or UnreadableDocument saying why not (never another OSError).

    The size is checked before reading and the read is bounded too, because some files
    (under /proc, a file still being written) are longer than `stat` says. Only regular
    files are opened: a FIFO named like a document would block the read for ever.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        why = "broken symbolic link" if os.path.islink(path) else "no such file"
        raise UnreadableDocument(f"cannot read: {why}") from None
    except OSError as e:
        raise UnreadableDocument(f"cannot read: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableDocument("is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableDocument("not a regular file (a pipe, socket or device)")
    if max_bytes is not None and st.st_size > max_bytes:
        raise UnreadableDocument(_too_large(st.st_size, max_bytes))
    try:
        with open(path, "rb") as f:
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except OSError as e:
        raise UnreadableDocument(f"cannot read: {e.strerror or e}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableDocument(_too_large(None, max_bytes))
    return data


def _too_large(size: int | None, max_bytes: int) -> str:
    what = f"{size:,} bytes" if size is not None else "longer than the limit"
    return f"too large ({what}; the limit is {max_bytes:,} bytes, see --max-bytes)"


def read_document(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """The document at `path`, decoded and cleaned; UnreadableDocument when it is not text.

    `max_bytes` None reads a file of any size.
    """
    data = read_bytes(path, max_bytes)
    text, encoding = decode_bytes(data)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    text = normalise(text)
    return Document(doc=path.name, text=text, language=detect_language(text), path=path,
                    encoding=encoding)


def document_from_text(text: str, doc: str) -> Document:
    """A document made from a string (tests, other loaders)."""
    text = normalise(text)
    return Document(doc=doc, text=text, language=detect_language(text))
