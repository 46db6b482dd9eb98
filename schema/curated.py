"""The shape of the curated files analysts write (YAML, CSV): pydantic models and JSON Schema.

Defined beside the graph model so that the JSON Schema in `schema/curated.schema.json` is
generated from here (a test checks the file is current).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hdkg.schema.models import EntityId, EntityType, PartialDate, Predicate


class CuratedEntity(BaseModel):
    """An entity an analyst adds or describes; its id defaults to one made from type and name."""

    model_config = ConfigDict(extra="forbid")

    id: EntityId | None = None
    type: EntityType
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    acronym: str | None = None
    parent: EntityId | None = None
    date: PartialDate | None = None
    place: str | None = None
    kind: str | None = None
    title: str | None = None
    fields: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _year_as_text(cls, v: object) -> object:
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


class CuratedFact(BaseModel):
    """A fact an analyst states; `negated: true` says the fact is wrong and removes it."""

    model_config = ConfigDict(extra="forbid")

    predicate: Predicate
    subject: EntityId
    object: EntityId
    role: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    date: PartialDate | None = None
    negated: bool = False
    note: str | None = None

    @field_validator("start", "end", "date", mode="before")
    @classmethod
    def _year_as_text(cls, v: object) -> object:
        """`start: 2020` unquoted in YAML is a number; analysts mean the year."""
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


class CuratedFile(BaseModel):
    """The shape of one curated YAML file (its JSON Schema is in schema/curated.schema.json)."""

    model_config = ConfigDict(extra="forbid")

    entities: list[CuratedEntity] = Field(default_factory=list)
    facts: list[CuratedFact] = Field(default_factory=list)


def curated_json_schema() -> dict:
    """The JSON Schema of a curated YAML file, generated from the pydantic model."""
    schema = CuratedFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://w3id.org/hdkg/schema/curated.schema.json"
    return schema
