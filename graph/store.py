"""A built graph on disk, and opening it again.

A graph folder holds `records.jsonl` (the merged records, the source of every sink),
`store/` (an Oxigraph store with the RDF projection, what `hdkg query` reads) and
`manifest.json` (counts, inputs, what was skipped). It is written into a sibling temporary
folder and swapped in only when complete, so an interrupted build leaves the previous graph
intact and usable.

Why Oxigraph (pyoxigraph) for the embedded store: it loads N-Triples in Rust at hundreds of
thousands of triples per second and answers SPARQL from disk; rdflib's own stores are one
to two orders slower at a million facts (see the README's performance table).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from hdkg.graph.model import GraphData
from hdkg.graph.rdf import graph_lines
from hdkg.schema.errors import UserError

RECORDS = "records.jsonl"
STORE = "store"
MANIFEST = "manifest.json"


def write_store(path: Path, lines: Iterable[str], chunk: int = 250_000,
                side_work: Iterator[object] | None = None) -> int:
    """Bulk-load N-Triples lines into a new Oxigraph store at `path`; return its size.

    Oxigraph's loader runs in Rust without the GIL, so a thread loads one chunk while Python
    formats the next. Loading is the slower of the two, so while the loader is busy Python
    does `side_work` (one step per `next`: writing records.jsonl) instead of waiting: on two
    cores the build costs about the larger of the two, not their sum. The lines are ours
    (ids are validated, literals escaped), so the loader may skip IRI checks (`lenient`).
    """
    store = ox.Store(str(path))
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=1)
    failure: list[BaseException] = []
    pending = side_work

    def load(store: ox.Store) -> None:
        while (data := chunks.get()) is not None:
            if failure:
                continue
            try:
                store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
            except BaseException as e:  # reported in the calling thread
                failure.append(e)

    def put(data: bytes | None) -> None:
        nonlocal pending
        while pending is not None and chunks.full() and not failure:
            if next(pending, None) is None:
                pending = None
        chunks.put(data)

    loader = threading.Thread(target=load, args=(store,), name="oxigraph-bulk-load", daemon=True)
    loader.start()
    buf: list[str] = []
    try:
        for line in lines:
            buf.append(line)
            if len(buf) >= chunk:
                put("\n".join(buf).encode("utf-8"))
                buf = []
                if failure:
                    break
        if buf and not failure:
            put("\n".join(buf).encode("utf-8"))
    finally:
        chunks.put(None)
        while pending is not None and not failure and next(pending, None) is not None:
            pass  # what is left of the side work, while the last chunk loads
        loader.join()
    if failure:
        raise failure[0]
    store.flush()
    store.optimize()
    return len(store)  # distinct triples (a line may repeat one)


def _write_chunks(path: Path, chunks: Iterable[bytes]) -> Iterator[object]:
    """Write `chunks` to `path`, one chunk per step (side work for `write_store`)."""
    with open(path, "wb") as f:
        for text in chunks:
            f.write(text)
            yield True


def write_graph(data: GraphData, out_dir: Path, manifest: dict,
                extra: dict[str, str] | None = None) -> dict:
    """Write a complete graph folder atomically (build beside it, then swap it in)."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if out_dir.exists() and not (out_dir / MANIFEST).exists() and any(out_dir.iterdir()):
        raise UserError(f"{out_dir} exists and is not an hdkg graph folder; choose another --out")
    _remove_stale(out_dir)
    tmp = out_dir.with_name(f".{out_dir.name}.building-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        for name, text in (extra or {}).items():
            (tmp / name).write_text(text, encoding="utf-8")
        records = _write_chunks(tmp / RECORDS, data.jsonl_chunks())
        triples = write_store(tmp / STORE, graph_lines(data), side_work=records)
        manifest = {**manifest, "triples": triples}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _remove_stale(out_dir: Path) -> None:
    """Remove what killed builds left beside `out_dir` (their process no longer runs)."""
    for p in out_dir.parent.glob(f".{out_dir.name}.*-*"):
        try:
            pid = int(p.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        try:
            os.kill(pid, 0)
            continue  # still running: another build of the same folder
        except ProcessLookupError:
            shutil.rmtree(p, ignore_errors=True)
        except PermissionError:
            continue


@dataclass
class BuiltGraph:
    """A graph folder opened for reading."""

    path: Path

    @cached_property
    def manifest(self) -> dict:
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    @cached_property
    def data(self) -> GraphData:
        return GraphData.read_jsonl(self.path / RECORDS)

    @cached_property
    def store(self) -> ox.Store:
        """The Oxigraph store, read-only, so queries can run beside another reader."""
        return ox.Store.read_only(str(self.path / STORE))

    def ntriples(self) -> bytes:
        return self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())

    def rdf_graph(self):  # -> rdflib.Graph
        """The graph as an rdflib Graph (for SHACL and rdflib users); parses the store's dump."""
        import rdflib

        g = rdflib.Graph()
        g.parse(data=self.ntriples(), format="nt")
        return g


def open_graph(path: Path) -> BuiltGraph:
    """Open a graph folder written by `hdkg build`, or say clearly why it cannot be opened."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"no graph at {path}: run `hdkg build SOURCES --out {path}` first")
    if not (path / MANIFEST).is_file() or not (path / RECORDS).is_file():
        raise UserError(f"{path} is not a graph folder built by `hdkg build` "
                        f"(no {MANIFEST} or {RECORDS})")
    try:
        json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise UserError(f"{path / MANIFEST} is unreadable: {e}") from e
    return BuiltGraph(path)
