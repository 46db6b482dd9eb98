"""The records every loader yields and every sink reads: the one definition of the model.

Entities and facts are pydantic v2 models. Everything else that describes the model (the
RDF vocabulary, SHACL shapes, JSON Schema, Neo4j labels and constraints) is generated from
the tables in this module or checked against them by a test, so the model is said once.

Facts are n-ary records (subject, predicate, object, role, period, sources); each sink
projects them in its own way (an org:Membership node in RDF, a relationship with properties
in Neo4j, an edge in networkx).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import replace as dataclass_replace
from enum import Enum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass

SCHEMA_VERSION = "1"


class EntityType(str, Enum):
    """The kinds of node. Organization and Forum are one class for scoring, two for analysts."""

    Country = "Country"
    Person = "Person"
    Organization = "Organization"
    Forum = "Forum"
    Event = "Event"
    Agreement = "Agreement"
    Document = "Document"


class Predicate(str, Enum):
    """The relations of the graph. `party_to` and `signed` carry agreements as nodes."""

    chair_of = "chair_of"
    member_of = "member_of"
    holds_position = "holds_position"
    part_of = "part_of"
    party_to = "party_to"
    signed = "signed"
    participated_in = "participated_in"
    hosts = "hosts"


BODY_TYPES = frozenset({EntityType.Organization, EntityType.Forum})
ACTOR_TYPES = frozenset({EntityType.Country, EntityType.Person, EntityType.Organization,
                         EntityType.Forum})

# Which entity types may stand at each end of each predicate. The SHACL shapes and the
# build-time checks are generated from this one table.
PREDICATE_DOMAINS: dict[Predicate, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    Predicate.chair_of: (ACTOR_TYPES, BODY_TYPES | {EntityType.Event}),
    Predicate.member_of: (ACTOR_TYPES, BODY_TYPES),
    Predicate.holds_position: (frozenset({EntityType.Person}),
                               BODY_TYPES | {EntityType.Country}),
    Predicate.part_of: (BODY_TYPES | {EntityType.Event}, BODY_TYPES),
    Predicate.party_to: (ACTOR_TYPES, frozenset({EntityType.Agreement})),
    Predicate.signed: (frozenset({EntityType.Person}), frozenset({EntityType.Agreement})),
    Predicate.participated_in: (ACTOR_TYPES, frozenset({EntityType.Event})),
    Predicate.hosts: (ACTOR_TYPES, BODY_TYPES | {EntityType.Event}),
}

# Neo4j relationship type of each predicate (one name per predicate, used by the loader,
# the saved Cypher queries and the stats command).
NEO4J_REL_TYPES: dict[Predicate, str] = {p: p.value.upper() for p in Predicate}

# A relation derived when a graph is written, stated by no source: a body is WITHIN every
# body it is part of, directly or through other bodies (the transitive closure of part_of
# between the WITHIN_TYPES; a part_of cycle ends, and a body is never within itself, not
# even on a cycle). The saved questions about an organisation (posts, memberships,
# agreements) reach its sub-units through it in one hop instead of a path of any length.
# RDF: the property `terms.P["within"]`; Neo4j: this relationship type, with no properties.
# Like STATES it is not a schema predicate: no fact, no provenance, not in the stats.
WITHIN_TYPES = BODY_TYPES
NEO4J_WITHIN = "WITHIN"

# Kinds of agreement (a SKOS scheme in RDF; labels in both languages).
AGREEMENT_KINDS: dict[str, tuple[str, str]] = {
    "MoU": ("Memorandum of Understanding", "Nota Kesepahaman"),
    "MSP": ("Memorandum of Understanding (MSP)", "Memorandum Saling Pengertian"),
    "LoI": ("Letter of Intent", "Surat Pernyataan Kehendak"),
    "JointStatement": ("Joint Statement", "Pernyataan Bersama"),
    "PlanOfAction": ("Plan of Action", "Rencana Aksi"),
    "Agreement": ("Agreement", "Perjanjian"),
    "Declaration": ("Declaration", "Deklarasi"),
}

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ID = re.compile(r"^[a-z]+/[A-Za-z0-9][A-Za-z0-9._~-]*$")


def check_partial_date(value: str) -> str:
    """Accept ISO 8601 partial dates only, because analysts compare periods by year."""
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"month out of range in {value!r}")
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise ValueError(f"day out of range in {value!r}")
    return value


PartialDate = Annotated[str, AfterValidator(check_partial_date)]


def check_id(value: str) -> str:
    """Ids are `kind/key`, the same string in RDF (after the base IRI) and in Neo4j."""
    if not _ID.match(value):
        raise ValueError(f"not an hdkg id (kind/key with letters, digits, . _ ~ -): {value!r}")
    return value


EntityId = Annotated[str, AfterValidator(check_id)]


def name_key(text: str, *, keep_punctuation: bool = False) -> str:
    """The form names are matched in (gazetteer lookups, resolution): no accents, case
    folded, punctuation dropped, words in order. With `keep_punctuation` the punctuation
    stays (only spaces collapse): the form the query layer compares ids and names in."""
    if text.isascii():  # most names: nothing to decompose, case folding is lowering
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if not keep_punctuation:
        text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


_NON_WORD = re.compile(r"[^\w]+")


_SLUG_MAX = 120
_HASH_CHARS = 8
# Scripts written without spaces between syllables: each character is one syllable, and its
# romanisation is kept apart ("wang-yi", not "wangyi").
_SYLLABIC = ("CJK ", "HANGUL ")


def _is_latin(c: str) -> bool:
    try:
        return unicodedata.name(c).startswith("LATIN ")
    except ValueError:  # unnamed (unassigned, private use)
        return False


def _is_other_script(c: str) -> bool:
    """A letter, digit or mark of a script other than Latin (after NFKD)."""
    return not c.isascii() and unicodedata.category(c)[0] in "LNM" and \
        not unicodedata.combining(c) and not _is_latin(c)


def _romanise(text: str) -> str:
    """Non-Latin text into ASCII with anyascii, syllabic scripts one syllable a word."""
    from anyascii import anyascii

    out = []
    # The marks name_key drops (accents, Arabic vowel signs) are dropped here too, so one
    # name written with and without them has one slug as well as one hash.
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for c in unicodedata.normalize("NFC", bare):
        if c.isascii():
            out.append(c)
            continue
        t = anyascii(c)
        named = unicodedata.name(c, "")
        out.append(f" {t} " if named.startswith(_SYLLABIC) else t)
    return "".join(out)


def slugify(text: str) -> str:
    """A stable, readable key: ASCII, lower case, words joined by hyphens.

    Names in Latin script keep the key they always had (accents dropped, so "Ségolène
    Royal" is `segolene-royal`), letters that carry no accent to drop are folded with
    anyascii ("Øystein Støre" is `oystein-store`, "Đào Hồng Lan" `dao-hong-lan`): names that
    differ only in case, accents and punctuation are one name. A name with letters of another
    script is romanised with anyascii and given a hash of its `name_key` after a `~`, because
    romanisation loses distinctions (王毅 and 汪毅 are both Wang Yi): 王毅 is
    `wang-yi~<8 hex>`. A Latin slug never contains `~`, so the two kinds never meet. A
    slug that would be empty or longer than 120 characters gets the same hash.
    """
    nfkd = unicodedata.normalize("NFKD", text)
    if nfkd.isascii():
        ascii_ = nfkd
    elif any(_is_other_script(c) for c in nfkd):
        return _with_hash(_romanise(text), text)
    else:
        from anyascii import anyascii

        ascii_ = "".join(c if c.isascii() else
                         ("" if unicodedata.combining(c) else
                          anyascii(c) if _is_latin(c) else " ") for c in nfkd)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-").lower()
    if not slug or len(slug) > _SLUG_MAX:
        return _with_hash(ascii_, text)
    return slug


def _with_hash(ascii_: str, text: str) -> str:
    import hashlib

    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-").lower()
    slug = slug[:_SLUG_MAX - _HASH_CHARS - 1].rstrip("-") or "x"
    key = name_key(text) or text
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]
    return f"{slug}~{digest}"


ID_PREFIX: dict[EntityType, str] = {
    EntityType.Country: "country",
    EntityType.Person: "person",
    EntityType.Organization: "org",
    EntityType.Forum: "forum",
    EntityType.Event: "event",
    EntityType.Agreement: "agreement",
    EntityType.Document: "doc",
}


def make_id(type_: EntityType, key: str) -> str:
    """The id of an entity of this type whose natural key is `key` (ISO code, slug...)."""
    if type_ is EntityType.Country:
        return f"country/{key.upper()}"
    if type_ is EntityType.Document:
        # Document ids keep the file name readable ("doc/d01_kolombia.txt").
        key = re.sub(r"[^A-Za-z0-9._~-]+", "-", key).strip("-.") or "x"
        return f"doc/{key}"
    return f"{ID_PREFIX[type_]}/{slugify(key)}"


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Source:
    """Where one statement of a record came from. A record keeps a list of these.

    A validated, frozen dataclass with slots rather than a BaseModel: a graph of a million
    facts holds over a million of them, and a model instance carries a dict and a set of
    its fields, ten times the memory of the values themselves.
    """

    document: str = Field(min_length=1, description="document id (file base name) or curated file")
    evidence: str | None = Field(default=None, description="the sentence the fact was read from")
    span: tuple[int, int] | None = Field(default=None,
                                         description="character offsets of the evidence")
    line: int | None = Field(default=None, ge=1, description="line in a curated file")
    loader: str = Field(min_length=1, description="which loader or extractor produced it")
    version: str = "0"
    rule: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @field_validator("span")
    @classmethod
    def _span_order(cls, v: tuple[int, int] | None) -> tuple[int, int] | None:
        if v is not None and not 0 <= v[0] <= v[1]:
            raise ValueError(f"span must satisfy 0 <= start <= end, got {v}")
        return v

    def key(self) -> tuple:
        """Two sources are the same statement when they point at the same place."""
        return (self.document, self.evidence, self.span, self.line, self.loader)



class Entity(BaseModel):
    """A node: a country, person, body, event, agreement or document."""

    model_config = ConfigDict(extra="forbid")

    id: EntityId
    type: EntityType
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    acronym: str | None = None
    parent: EntityId | None = None
    date: PartialDate | None = None
    place: str | None = None
    # Agreements.
    kind: str | None = None
    title: str | None = None
    fields: list[str] = Field(default_factory=list)
    # Documents.
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    path: str | None = None
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _by_type(self) -> Entity:
        prefix = self.id.split("/", 1)[0]
        if prefix != ID_PREFIX[self.type]:
            raise ValueError(f"id {self.id!r} does not start with {ID_PREFIX[self.type]!r}/ "
                             f"as a {self.type.value} id must")
        if self.type is EntityType.Country and not self.iso3:
            raise ValueError("a Country needs iso3")
        if self.kind is not None and self.type is not EntityType.Agreement:
            raise ValueError("only an Agreement has a kind")
        if self.kind is not None and self.kind not in AGREEMENT_KINDS:
            raise ValueError(f"unknown agreement kind {self.kind!r}; one of "
                             f"{', '.join(AGREEMENT_KINDS)}")
        return self


@pydantic_dataclass(slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Fact:
    """An edge with its period, role and sources: one statement of the graph.

    A validated dataclass with slots rather than a BaseModel, for the reason Source is one:
    a million facts as models took 1.1 KB each before their values, as slots 0.17 KB.
    Validate a dict with `FACT_ADAPTER.validate_python`; change one with `replace`.
    """

    predicate: Predicate
    subject: EntityId
    object: EntityId
    role: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    date: PartialDate | None = None
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _period(self) -> Fact:
        if self.start and self.end and self.end[:4] < self.start[:4]:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.subject == self.object:
            raise ValueError(f"a fact cannot link {self.subject} to itself")
        return self

    def key(self) -> tuple:
        """Two facts are the same when they agree on everything but their sources."""
        return (self.predicate.value, self.subject, self.object, self.role or "",
                self.start or "", self.end or "", self.date or "")

    def fact_id(self) -> str:
        """A stable id for the fact itself (an RDF node, a Neo4j relationship key)."""
        import hashlib

        digest = hashlib.sha1("\x1f".join(self.key()).encode("utf-8")).hexdigest()[:16]
        return f"fact/{digest}"

    def replace(self, **changes: object) -> Fact:
        """A copy with `changes` applied, validated again (its sources list is shared)."""
        return dataclass_replace(self, **changes)


FACT_ADAPTER: TypeAdapter[Fact] = TypeAdapter(Fact)


def check_ends(fact: Fact, types: dict[str, EntityType]) -> str | None:
    """Say what is wrong with a fact's ends given the entity types, or None when it fits."""
    dom, rng = PREDICATE_DOMAINS[fact.predicate]
    st, ot = types.get(fact.subject), types.get(fact.object)
    if st is None:
        return f"{fact.predicate.value}: unknown subject {fact.subject}"
    if ot is None:
        return f"{fact.predicate.value}: unknown object {fact.object}"
    if st not in dom:
        return f"{fact.predicate.value}: subject {fact.subject} is a {st.value}"
    if ot not in rng:
        return f"{fact.predicate.value}: object {fact.object} is a {ot.value}"
    return None
