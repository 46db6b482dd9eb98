"""The hdkg model, defined once (pydantic), and what is generated from it."""

from hdkg.schema.models import (
    AGREEMENT_KINDS,
    NEO4J_REL_TYPES,
    PREDICATE_DOMAINS,
    SCHEMA_VERSION,
    Entity,
    EntityType,
    Fact,
    Predicate,
    Source,
    make_id,
    slugify,
)

__all__ = ["AGREEMENT_KINDS", "NEO4J_REL_TYPES", "PREDICATE_DOMAINS", "SCHEMA_VERSION",
           "Entity", "EntityType", "Fact", "Predicate", "Source", "make_id", "slugify"]
