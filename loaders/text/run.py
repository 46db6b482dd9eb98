"""`hdkg extract PATH... -o OUT.jsonl [--jobs N]`: documents in, JSONL records out.

Records are written per document as soon as it is done, so memory stays flat however many
documents there are; with --jobs N a process pool reads them in order (imap).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from rich.console import Console

from hdkg.loaders.text.read import DEFAULT_MAX_BYTES, TEXT_SUFFIXES
from hdkg.schema.errors import UserError

# One encoder for every record (json.dumps with options makes one per call).
_encode = json.JSONEncoder(ensure_ascii=False).encode

# Files that sit beside documents in a corpus folder and are not documents.
SIDE_FILES = ("SOURCES.md", "README.md")


def collect_paths(paths: list[Path]) -> list[Path]:
    """The documents named: files as given, folders' documents in name order.

    A folder entry named like a document that is not a regular file (a broken
    link, a sub-folder, a pipe) is kept, so that reading it names it as skipped with the
    reason instead of it vanishing from the output unnoticed.
    """
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            try:
                entries = sorted(p.iterdir())
            except OSError as e:
                raise UserError(f"cannot list folder {p}: {e.strerror or e}") from None
            out.extend(f for f in entries if not f.name.startswith(".")
                       and f.suffix.lower() in TEXT_SUFFIXES and f.name not in SIDE_FILES)
        elif p.exists():
            out.append(p)
        else:
            raise UserError(f"no such file or folder: {p}")
    return out


def extract_path(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES
                 ) -> tuple[Path, list[dict] | None, str | None]:
    """(path, records, None) for a readable document, (path, None, reason) otherwise."""
    from hdkg.loaders.text.extractor import DEFAULT_EXTRACTOR
    from hdkg.loaders.text.read import UnreadableDocument, read_document
    from hdkg.loaders.text.records import document_record

    try:
        document = read_document(path, max_bytes)
    except UnreadableDocument as e:
        return path, None, str(e)
    return path, [document_record(document), *DEFAULT_EXTRACTOR.extract(document)], None


def extract_paths(paths: list[Path], jobs: int = 1, max_bytes: int | None = DEFAULT_MAX_BYTES
                  ) -> Iterator[tuple[Path, list[dict] | None, str | None]]:
    """Results in input order, one process or a pool of `jobs`."""
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield extract_path(p, max_bytes)
        return
    import multiprocessing as mp
    from functools import partial

    with mp.get_context("spawn" if _threads_unsafe() else "fork").Pool(jobs) as pool:
        yield from pool.imap(partial(extract_path, max_bytes=max_bytes), paths, chunksize=8)


def _threads_unsafe() -> bool:
    import sys

    return sys.platform != "linux"


def explain_paths(paths: list[Path], out: TextIO, console: Console | None = None,
                  max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    """Print the explanation of every document (`hdkg extract --explain`); 0, or 2 when any
    input was skipped."""
    from hdkg.loaders.text.explain import explain
    from hdkg.loaders.text.read import UnreadableDocument, read_document

    console = console or Console(stderr=True)
    skipped = 0
    for path in collect_paths(paths):
        try:
            document = read_document(path, max_bytes)
        except UnreadableDocument as e:
            skipped += 1
            console.print(f"skipped {path}: {e}", highlight=False, soft_wrap=True, markup=False)
            continue
        for line in explain(document):
            out.write(line + "\n")
    return 2 if skipped else 0


def run_extract(paths: list[Path], output: Path, jobs: int = 1,
                console: Console | None = None,
                max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    """Extract every document to `output`; 0, or 2 when any input was skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    files = collect_paths(paths)
    console = console or Console(stderr=True)
    skipped = 0
    try:
        out = output.open("w", encoding="utf-8")
    except OSError as e:
        raise UserError(f"cannot write {output}: {e.strerror or e}") from None
    show = len(files) > 50 and console.is_terminal
    with out, Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), console=console, transient=True,
                       disable=not show) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path, records, problem in extract_paths(files, jobs, max_bytes):
            progress.advance(task)
            if records is None:
                skipped += 1
                console.print(f"skipped {path}: {problem}", highlight=False, soft_wrap=True,
                              markup=False)
                continue
            out.write("".join(_encode(r) + "\n" for r in records))
    return 2 if skipped else 0
