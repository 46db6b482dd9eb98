"""Resolution: one id per real thing, before records are merged into the graph.

Loaders give provisional ids from what one source says. The resolver maps them to the ids
of known things (countries by ISO code, bodies by the gazetteer, by any of their names or
acronyms) so that "Kemenkes" in one document and "Kementerian Kesehatan" in another land on
one node. Rules only here; fuzzy matching and analysts' identity decisions extend it.
"""

from __future__ import annotations

from collections.abc import Callable

from hdkg.schema.models import Entity, EntityType, Fact

BODY_TYPES = (EntityType.Organization, EntityType.Forum)


class Resolver:
    """Maps provisional ids to canonical ids, remembering every mapping it made."""

    def __init__(self, find_body: Callable[[str], Entity | None] | None = None,
                 country_iso3: Callable[[str], str | None] | None = None) -> None:
        self.find_body = find_body
        self.country_iso3 = country_iso3
        self.mapping: dict[str, str] = {}

    def canonical(self, e: Entity) -> tuple[str, EntityType]:
        """The id (and type) an entity should have in the graph."""
        if e.type in BODY_TYPES and self.find_body is not None:
            for name in [e.name, *e.aliases]:
                hit = self.find_body(name)
                if hit is not None:
                    return hit.id, hit.type
        if e.type is EntityType.Country and not e.iso3 and self.country_iso3 is not None:
            for name in [e.name, *e.aliases]:
                iso = self.country_iso3(name)
                if iso:
                    return f"country/{iso}", e.type
        return e.id, e.type

    def resolve(self, entities: list[Entity], facts: list[Fact]
                ) -> tuple[list[Entity], list[Fact]]:
        """The records of one source with canonical ids (the mapping is per source, since a
        provisional id means one thing only within the source that made it)."""
        local: dict[str, str] = {}
        ents = []
        for e in entities:
            new_id, new_type = self.canonical(e)
            if new_id != e.id:
                local[e.id] = new_id
                self.mapping[e.id] = new_id
                e = e.model_copy(update={"id": new_id, "type": new_type})
            ents.append(e)
        out = []
        for f in facts:
            s, o = local.get(f.subject, f.subject), local.get(f.object, f.object)
            if s == o:
                continue  # both ends were the same thing under two names
            out.append(f if (s, o) == (f.subject, f.object)
                       else f.model_copy(update={"subject": s, "object": o}))
        return ents, out
