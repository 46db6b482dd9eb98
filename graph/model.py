"""The merged graph in memory: entities by id and facts by key, each with all its sources.

This is what the builder produces and what every sink (RDF, Neo4j, networkx, stats) reads.
Merging lives here because "same entity" and "same fact" are defined by the schema's ids
and fact keys, not by any sink.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from hdkg.schema.models import FACT_ADAPTER, Entity, EntityType, Fact, Source


def _union_sources(into: list[Source], more: Iterable[Source], seen: set[tuple]) -> None:
    for s in more:
        k = s.key()
        if k not in seen:
            into.append(s)
            seen.add(k)


def _union_list(into: list[str], more: Iterable[str]) -> None:
    for x in more:
        if x and x not in into:
            into.append(x)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector around work that creates millions of records.

    Records hold no reference cycles, so the collector never frees any of them, but every
    few thousand new objects it rescans all the live ones: at a million facts that rescan
    was half of a build's time. Reference counting still frees everything as usual; what
    was made meanwhile is frozen (`gc.freeze`) on the way out, so later collections skip it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What was made meanwhile is long-lived (the graph): set it apart, or the first
            # collection after this would walk all of it, seconds at a million facts.
            gc.freeze()
            gc.enable()


@dataclass
class GraphData:
    """Entities keyed by id, facts keyed by `Fact.key()`; adding merges, never duplicates."""

    entities: dict[str, Entity] = field(default_factory=dict)
    facts: dict[tuple, Fact] = field(default_factory=dict)
    # Source keys of each record, kept beside it so that merging the ten-thousandth mention
    # of a country does not rescan its ten thousand sources.
    _seen: dict[object, set[tuple]] = field(default_factory=dict, repr=False, compare=False)

    def _keys(self, key: object, sources: list[Source]) -> set[tuple]:
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = {s.key() for s in sources}
        return seen

    def add_entity(self, e: Entity) -> Entity:
        """Merge `e` into the graph: names become aliases, sources are unioned."""
        have = self.entities.get(e.id)
        if have is None:
            # The graph takes the record over (no copy): loaders hand each record over once,
            # and copying a million records would double the cost of a build.
            self.entities[e.id] = e
            self._seen.pop(e.id, None)
            return e
        if e.name != have.name:
            _union_list(have.aliases, [e.name])
        _union_list(have.aliases, [a for a in e.aliases if a != have.name])
        _union_list(have.fields, e.fields)
        for attr in ("iso3", "wikidata", "acronym", "parent", "date", "place", "kind", "title",
                     "language", "path"):
            if getattr(have, attr) is None and getattr(e, attr) is not None:
                setattr(have, attr, getattr(e, attr))
        _union_sources(have.sources, e.sources, self._keys(e.id, have.sources))
        return have

    def add_fact(self, f: Fact) -> Fact:
        """Merge `f`: the same (subject, predicate, object, role, period) keeps one record."""
        k = f.key()
        have = self.facts.get(k)
        if have is None:
            self.facts[k] = f
            self._seen.pop(k, None)
            return f
        _union_sources(have.sources, f.sources, self._keys(k, have.sources))
        return have

    def replace_entity(self, e: Entity) -> None:
        """Put `e` in place of the entity with its id (its sources are its own)."""
        self._seen.pop(e.id, None)
        self.entities[e.id] = e

    def remove_entity(self, entity_id: str) -> Entity:
        self._seen.pop(entity_id, None)
        return self.entities.pop(entity_id)

    def remove_fact(self, f: Fact) -> None:
        self.facts.pop(f.key(), None)
        self._seen.pop(f.key(), None)

    def forget_merge_state(self) -> None:
        """Drop the per-record source keys kept to speed up merging (hundreds of MB at a
        million facts); a later merge recomputes what it needs."""
        self._seen.clear()

    def types(self) -> dict[str, EntityType]:
        return {i: e.type for i, e in self.entities.items()}

    def iter_facts(self) -> Iterator[Fact]:
        return iter(self.facts.values())

    # Persistence: one JSON record a line, entities first, sorted, so a rebuild of the same
    # inputs writes the same bytes.
    def write_jsonl(self, path: Path) -> None:
        with open(path, "wb") as f:
            for chunk in self.jsonl_chunks():
                f.write(chunk)

    def jsonl_chunks(self, size: int = 20_000) -> Iterator[bytes]:
        """records.jsonl as UTF-8 chunks of `size` records, in the order `write_jsonl` writes.

        A row is the record's `model_dump(mode="json", exclude_none=True)` after a `record`
        key, serialised by pydantic-core's own JSON writer (in Rust: eight times faster than
        building the dicts in Python).
        """
        rows = ((b'{"record":"entity",', Entity.__pydantic_serializer__.to_json,
                 self.entities, sorted(self.entities)),
                (b'{"record":"fact",', Fact.__pydantic_serializer__.to_json,
                 self.facts, sorted(self.facts)))  # a fact's dict key is its key()
        buf: list[bytes] = []
        for head, to_json, records, keys in rows:
            for k in keys:
                buf.append(head + to_json(records[k], exclude_none=True)[1:])
                if len(buf) >= size:
                    yield b"\n".join(buf) + b"\n"
                    buf = []
        if buf:
            yield b"\n".join(buf) + b"\n"

    @classmethod
    def read_jsonl(cls, path: Path) -> GraphData:
        g = cls()
        with open(path, "rb") as f, gc_paused():
            for line in f:
                row = orjson.loads(line)
                kind = row.pop("record")
                if kind == "entity":
                    e = Entity.model_validate(row)
                    g.entities[e.id] = e
                else:
                    fact = FACT_ADAPTER.validate_python(row)
                    g.facts[fact.key()] = fact
        return g
