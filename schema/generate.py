"""Generate the artefacts that describe the model, from the model itself.

`python -m hdkg.schema.generate` rewrites, in this folder:
- `vocabulary.ttl`: the hdkg classes and properties, each tied to the standard term it
  specialises (W3C ORG, PROV-O, schema.org, OWL-Time, SKOS);
- `shapes.ttl`: SHACL shapes every built graph is validated against;
- `curated.schema.json`: the JSON Schema of curated input files;
- `neo4j.cypher`: the Neo4j uniqueness constraints;
- `context.jsonld`: the JSON-LD context of the graph (prefixes, a term per class and
  property, resources typed `@id`), which `hdkg export --format jsonld` writes with.
A test regenerates them in memory and fails when a committed file is stale, so the model
stays defined once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from hdkg.schema.curated import curated_json_schema
from hdkg.schema.models import (
    AGREEMENT_KINDS,
    ID_PREFIX,
    NEO4J_REL_TYPES,
    NEO4J_WITHIN,
    PREDICATE_DOMAINS,
    SCHEMA_VERSION,
    WITHIN_TYPES,
    EntityType,
    Predicate,
)
from hdkg.schema.terms import (
    BASE,
    CLASSES,
    ENTITY_CLASS,
    FACT_CLASS,
    IRI_VALUED,
    JSONLD_TERM,
    KIND_BASE,
    MEMBERSHIP_LIKE,
    NS,
    P,
    iri,
)

HERE = Path(__file__).resolve().parent
SH = Namespace(NS["sh"])
HDKG = Namespace(NS["hdkg"])


def _bind(g: Graph) -> Graph:
    for prefix, ns in NS.items():
        g.bind(prefix, Namespace(ns), override=True)
    return g


def _u(curie: str) -> URIRef:
    return URIRef(iri(curie))


def vocabulary() -> Graph:
    """The hdkg vocabulary: own classes and properties, each anchored in a standard term."""
    g = _bind(Graph())
    onto = URIRef(BASE + "ontology")
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, RDFS.label, Literal("hdkg: the health diplomacy knowledge graph", lang="en")))
    g.add((onto, OWL.versionInfo, Literal(SCHEMA_VERSION)))
    for t, (own, std) in ENTITY_CLASS.items():
        g.add((_u(own), RDF.type, OWL.Class))
        g.add((_u(own), RDFS.subClassOf, _u(std)))
        g.add((_u(own), RDFS.label, Literal(t.value, lang="en")))
    g.add((_u("hdkg:Forum"), RDFS.subClassOf, _u("hdkg:Organization")))
    fact = _u(CLASSES["Fact"])
    g.add((fact, RDF.type, OWL.Class))
    g.add((fact, RDFS.subClassOf, _u("prov:Entity")))
    g.add((fact, RDFS.comment, Literal("One statement of the graph: an n-ary record with its "
                                       "period, role and sources.", lang="en")))
    for p, (own, std, shortcut) in FACT_CLASS.items():
        g.add((_u(own), RDF.type, OWL.Class))
        g.add((_u(own), RDFS.subClassOf, fact))
        g.add((_u(own), RDFS.subClassOf, _u(std)))
        g.add((_u(own), RDFS.label, Literal(p.value, lang="en")))
        if shortcut.startswith("hdkg:"):
            g.add((_u(shortcut), RDF.type, OWL.ObjectProperty))
            g.add((_u(shortcut), RDFS.comment,
                   Literal(f"Direct edge written for every {p.value} fact.", lang="en")))
    g.add((_u("hdkg:chairOf"), RDFS.subPropertyOf, _u("org:memberOf")))
    g.add((_u("hdkg:holdsPositionIn"), RDFS.subPropertyOf, _u("org:memberOf")))
    for key in ("id", "iso3", "acronym", "field", "path", "predicate", "roleLabel",
                "loader", "confidence"):
        prop = _u(P[key])
        g.add((prop, RDF.type, OWL.DatatypeProperty))
    evidence = _u(P["evidence"])
    g.add((evidence, RDF.type, OWL.ObjectProperty))
    g.add((evidence, RDFS.subPropertyOf, _u(P["derivedFrom"])))
    g.add((evidence, RDFS.comment, Literal(
        "The passage of a document a record was read from: the document's IRI with an RFC "
        "5147 fragment (#char=start,end or #line=from,to), the passage's text as oa:exact.",
        lang="en")))
    g.add((_u(P["loader"]), RDFS.comment, Literal(
        "The loader (and its version) that read a document.", lang="en")))
    for key in ("subject", "object"):
        g.add((_u(P[key]), RDF.type, OWL.ObjectProperty))
        g.add((_u(P[key]), RDFS.domain, fact))
    within = _u(P["within"])
    g.add((within, RDF.type, OWL.ObjectProperty))
    # Every pair is one of ORG's transitive closure; not declared transitive itself, since
    # a body on a part_of cycle is not said to be within itself.
    g.add((within, RDFS.subPropertyOf, _u("org:transitiveSubOrganizationOf")))
    g.add((within, RDFS.comment, Literal(
        f"Derived when the graph is written, from no source: a body "
        f"({' or '.join(sorted(t.value for t in WITHIN_TYPES))}) to each body it is part of, "
        f"directly or through others (the transitive closure of {P['parent']}; never to "
        f"itself). Neo4j: the {NEO4J_WITHIN} relationship.", lang="en")))
    post_in = _u(P["postIn"])
    g.add((post_in, RDF.type, OWL.ObjectProperty))
    g.add((post_in, RDFS.subPropertyOf, _u(P["organization"])))
    g.add((post_in, RDFS.domain, _u(FACT_CLASS[Predicate.holds_position][0])))
    g.add((post_in, RDFS.comment, Literal(
        f"Derived when the graph is written: a post holding to the body the post is in (its "
        f"{P['object']}, as {P['organization']}), on post holdings alone, so that a question "
        f"about the posts of a body starts from them. Neo4j has no counterpart: there a fact "
        f"is a relationship between the two.", lang="en")))
    for kind, (en, id_) in AGREEMENT_KINDS.items():
        c = URIRef(KIND_BASE + kind)
        g.add((c, RDF.type, _u("skos:Concept")))
        g.add((c, _u("skos:prefLabel"), Literal(en, lang="en")))
        g.add((c, _u("skos:prefLabel"), Literal(id_, lang="id")))
    return g


def _or_classes(g: Graph, classes: list[str]) -> BNode:
    items = []
    for c in classes:
        b = BNode()
        g.add((b, SH["class"], _u(c)))
        items.append(b)
    head = BNode()
    Collection(g, head, items)
    return head


def _prop(g: Graph, shape: URIRef, path: str, **kw: object) -> BNode:
    b = BNode()
    g.add((shape, SH.property, b))
    g.add((b, SH.path, _u(path)))
    for k, v in kw.items():
        if k == "or_classes":
            g.add((b, SH["or"], _or_classes(g, list(v))))  # type: ignore[arg-type]
        elif k == "datatypes":
            items = []
            for dt in v:  # type: ignore[attr-defined]
                d = BNode()
                g.add((d, SH.datatype, dt))
                items.append(d)
            head = BNode()
            Collection(g, head, items)
            g.add((b, SH["or"], head))
        elif isinstance(v, URIRef):
            g.add((b, SH[k], v))
        else:
            g.add((b, SH[k], Literal(v)))
    return b


def shapes() -> Graph:
    """SHACL shapes: ids, names, provenance and types at both ends of every fact."""
    g = _bind(Graph())
    dates = [XSD.gYear, XSD.gYearMonth, XSD.date]
    for t, (own, _std) in ENTITY_CLASS.items():
        s = HDKG[f"{t.value}Shape"]
        g.add((s, RDF.type, SH.NodeShape))
        g.add((s, SH.targetClass, _u(own)))
        _prop(g, s, P["id"], minCount=1, maxCount=1, datatype=XSD.string,
              pattern=f"^{ID_PREFIX[t]}/")
        _prop(g, s, P["name"], minCount=1, maxCount=1, datatype=XSD.string)
        if t is EntityType.Country:
            _prop(g, s, P["iso3"], minCount=1, maxCount=1, pattern="^[A-Z]{3}$")
        if t is not EntityType.Document:
            _prop(g, s, P["derivedFrom"], minCount=1, or_classes=[ENTITY_CLASS[
                EntityType.Document][0]])
        if t is EntityType.Event:
            _prop(g, s, P["date"], maxCount=1, datatypes=dates)
    fact = HDKG["FactShape"]
    g.add((fact, RDF.type, SH.NodeShape))
    # Fact nodes carry their own class only (hdkg:Fact follows from rdfs:subClassOf, and
    # validation runs without inference), so the shape targets each fact class.
    for own, _std, _short in FACT_CLASS.values():
        g.add((fact, SH.targetClass, _u(own)))
    _prop(g, fact, P["subject"], minCount=1, maxCount=1, nodeKind=SH.IRI)
    _prop(g, fact, P["object"], minCount=1, maxCount=1, nodeKind=SH.IRI)
    pred_list = BNode()
    Collection(g, pred_list, [Literal(p.value) for p in Predicate])
    b = _prop(g, fact, P["predicate"], minCount=1, maxCount=1)
    g.add((b, SH["in"], pred_list))
    _prop(g, fact, P["derivedFrom"], minCount=1,
          or_classes=[ENTITY_CLASS[EntityType.Document][0]])
    _prop(g, fact, P["evidence"], nodeKind=SH.IRI)
    for key in ("start", "end", "date"):
        _prop(g, fact, P[key], maxCount=1, datatypes=dates)
    # The derived closure of part_of (hdkg.graph.within): bodies at both ends.
    bodies = sorted(ENTITY_CLASS[t][0] for t in WITHIN_TYPES)
    within = HDKG["WithinOrganizationShape"]
    g.add((within, RDF.type, SH.NodeShape))
    g.add((within, SH.targetSubjectsOf, _u(P["within"])))
    g.add((within, SH["or"], _or_classes(g, bodies)))
    _prop(g, within, P["within"], nodeKind=SH.IRI, or_classes=bodies)
    for p, (own, _std, _short) in FACT_CLASS.items():
        s = HDKG[f"{own.split(':')[1]}Shape"]
        g.add((s, RDF.type, SH.NodeShape))
        g.add((s, SH.targetClass, _u(own)))
        dom, rng = PREDICATE_DOMAINS[p]
        _prop(g, s, P["subject"], or_classes=sorted(ENTITY_CLASS[t][0] for t in dom))
        _prop(g, s, P["object"], or_classes=sorted(ENTITY_CLASS[t][0] for t in rng))
        if p in MEMBERSHIP_LIKE:
            _prop(g, s, P["member"], minCount=1, maxCount=1)
            _prop(g, s, P["organization"], minCount=1, maxCount=1)
        if p is Predicate.holds_position:
            _prop(g, s, P["roleLabel"], minCount=1, maxCount=1, datatype=XSD.string)
            _prop(g, s, P["postIn"], minCount=1, maxCount=1, nodeKind=SH.IRI)
    return g


def neo4j_constraints() -> list[str]:
    """Uniqueness of `id` on every label (and the shared :Entity label the loader matches
    on), and of `fact_id` on every relationship type: the latter gives MERGE an index seek,
    where it would otherwise scan every relationship between two hubs (Indonesia, WHO)."""
    labels = ["Entity"] + [t.value for t in EntityType]
    nodes = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
             f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" for label in labels]
    rels = [f"CREATE CONSTRAINT {NEO4J_REL_TYPES[p].lower()}_fact_id IF NOT EXISTS "
            f"FOR ()-[r:{NEO4J_REL_TYPES[p]}]-() REQUIRE r.fact_id IS UNIQUE" for p in Predicate]
    return nodes + rels


def neo4j_model_text() -> str:
    """The Cypher file: constraints to run, and the model as comments."""
    lines = ["// Generated by `python -m hdkg.schema.generate` from hdkg.schema.models.",
             "// Labels: " + ", ".join(t.value for t in EntityType) + " (all also :Entity).",
             "// Relationship types: " + ", ".join(NEO4J_REL_TYPES[p] for p in Predicate)
             + " (properties fact_id, role, start, end, date, sources, evidence).",
             f"// Derived: ({'|'.join(sorted(t.value for t in WITHIN_TYPES))})-[:{NEO4J_WITHIN}]->"
             f"(each body above it through {NEO4J_REL_TYPES[Predicate.part_of]}, at any depth,"
             " never itself), no properties.", ""]
    return "\n".join(lines + [c + ";" for c in neo4j_constraints()]) + "\n"


def jsonld_context() -> dict:
    """The JSON-LD context of the graph, from the term tables: every prefix, a short term
    for every hdkg class (`Country`, `Chairmanship`) and property (`name`, `start`, the
    shortcut `chairOf`), with the properties whose values are resources typed `@id`."""
    ctx: dict[str, object] = {"@version": 1.1}
    ctx.update({prefix: ns for prefix, ns in NS.items() if prefix != "sh"})
    for own, _std in ENTITY_CLASS.values():
        ctx[own.split(":", 1)[1]] = own
    for own, _std, shortcut in FACT_CLASS.values():
        ctx[own.split(":", 1)[1]] = own
        ctx.setdefault(shortcut.split(":", 1)[1], {"@id": shortcut, "@type": "@id"})
    for curie in CLASSES.values():
        ctx.setdefault(curie.split(":", 1)[1], curie)
    for key, curie in P.items():
        if key == "type":
            continue  # JSON-LD's own @type
        term = JSONLD_TERM.get(key, key)
        ctx[term] = {"@id": curie, "@type": "@id"} if key in IRI_VALUED else curie
    return {"@context": ctx}


def artefacts() -> dict[str, str]:
    """File name -> content of every generated file."""
    return {
        "vocabulary.ttl": vocabulary().serialize(format="turtle"),
        "shapes.ttl": shapes().serialize(format="turtle"),
        "curated.schema.json": json.dumps(curated_json_schema(), indent=2, ensure_ascii=False)
        + "\n",
        "neo4j.cypher": neo4j_model_text(),
        "context.jsonld": json.dumps(jsonld_context(), indent=2, ensure_ascii=False) + "\n",
    }


def main() -> None:
    for name, text in artefacts().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote schema/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()
