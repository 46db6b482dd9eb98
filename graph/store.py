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
from hdkg.graph.rdf import graph_chunks
from hdkg.schema.errors import UserError

RECORDS = "records.jsonl"
STORE = "store"
MANIFEST = "manifest.json"


def write_store(path: Path, chunks: Iterable[bytes],
                side_work: Iterator[object] | None = None) -> int:
    """Bulk-load chunks of N-Triples (whole lines) into a new Oxigraph store at `path`;
    return its size.

    Oxigraph loads in Rust without the GIL, so it runs in a thread while Python formats
    the next chunks; while the loader is busy Python does `side_work` (one step per `next`:
    writing records.jsonl) instead of waiting, so on two cores the build costs about the
    larger of the two, not their sum. The chunks reach Oxigraph as ONE stream through a
    pipe: a bulk load per chunk costs a fifth more (each writes its own index files), and
    a stream read through a Python object would take the GIL for every few kilobytes. The
    lines are ours (ids are validated, literals escaped), so the loader may skip IRI
    checks (`lenient`).
    """
    store = ox.Store(str(path))
    queued: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
    failure: list[BaseException] = []
    pending = side_work
    piped = os.name == "posix" and Path("/dev/fd").is_dir()
    if piped:
        read_fd, write_fd = os.pipe()

        def load() -> None:
            try:
                store.bulk_load(path=f"/dev/fd/{read_fd}", format=ox.RdfFormat.N_TRIPLES,
                                lenient=True)
            except BaseException as e:  # reported in the calling thread
                failure.append(e)
            finally:
                os.close(read_fd)  # a writer still writing now gets a broken pipe

        def feed() -> None:
            with open(write_fd, "wb", buffering=0) as pipe:
                broken = False
                while (data := queued.get()) is not None:
                    if not broken:
                        try:
                            pipe.write(data)
                        except OSError:
                            broken = True  # the loader stopped; it says why
        threads = [threading.Thread(target=load, name="oxigraph-bulk-load", daemon=True),
                   threading.Thread(target=feed, name="oxigraph-feed", daemon=True)]
    else:  # no pipes to open by path: one bulk load per chunk

        def load_chunks() -> None:
            while (data := queued.get()) is not None:
                if failure:
                    continue
                try:
                    store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
                except BaseException as e:  # reported in the calling thread
                    failure.append(e)
        threads = [threading.Thread(target=load_chunks, name="oxigraph-bulk-load",
                                    daemon=True)]

    def put(data: bytes | None) -> None:
        nonlocal pending
        while pending is not None and queued.full() and not failure:
            if next(pending, None) is None:
                pending = None
        queued.put(data)

    for t in threads:
        t.start()
    try:
        for data in chunks:
            if failure:
                break
            put(data)
    finally:
        queued.put(None)
        while pending is not None and not failure and next(pending, None) is not None:
            pass  # what is left of the side work, while the last chunks load
        for t in threads:
            t.join()
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
        triples = write_store(tmp / STORE, graph_chunks(data), side_work=records)
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
