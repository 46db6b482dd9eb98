"""Every Cypher statement the Neo4j code sends, in one module (the loader imports it).

Labels and relationship types cannot be parameters, so the statements that name one are
functions of it; the two CREATE statements of a first load take them from the row instead
(`$(row.label)`, `$(row.type)`: Neo4j 5.26), to be planned once. Values always travel as
parameters (`$rows`, `$ids`). What the saved queries ask is in `queries/cypher/`, the
constraints in `schema/neo4j.cypher` (generated from the schema, as `constraint_statements`
returns them).
"""

from __future__ import annotations

from hdkg.schema.models import NEO4J_REL_TYPES, NEO4J_WITHIN, WITHIN_TYPES, Predicate

ENTITY = "Entity"  # the label every node carries besides its type's
STATES = "STATES"  # document -> the entities its facts name (provenance, not a predicate)
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"


def constraint_statements() -> list[str]:
    """The uniqueness constraints the schema defines (schema/neo4j.cypher is the same list)."""
    from hdkg.schema.generate import neo4j_constraints

    return neo4j_constraints()


def _union(prop: str, var: str) -> str:
    """Cypher for `var.prop := var.prop ∪ row.prop`, keeping first-seen order."""
    have = f"coalesce({var}.{prop}, [])"
    return f"{var}.{prop} = {have} + [x IN row.{prop} WHERE NOT x IN {have}]"


def node_query(label: str) -> str:
    """MERGE a batch of nodes and hand back their element ids, so that the relationships
    that follow find their ends by id (a direct record read) instead of an index seek."""
    return (f"UNWIND $rows AS row MERGE (n:{ENTITY} {{id: row.id}}) "
            f"SET n:{label}, n += row.props, {_union('aliases', 'n')}, "
            f"{_union('fields', 'n')}, {_union('sources', 'n')} "
            f"RETURN row.id AS id, elementId(n) AS eid")


NODE_LISTS = ("aliases", "fields", "sources")


def node_create_query(label: str) -> str:
    """CREATE a batch of nodes known to be absent: no MERGE probe, no list union (a new
    node's lists are the row's, already without repeats). The :Entity(id) uniqueness
    constraint still guards it against a concurrent writer."""
    lists = ", ".join(f"n.{p} = row.{p}" for p in NODE_LISTS)
    return (f"UNWIND $rows AS row CREATE (n:{ENTITY}:{label} {{id: row.id}}) "
            f"SET n += row.props, {lists} RETURN row.id AS id, elementId(n) AS eid")


NODE_CREATE_ANY_QUERY = (f"UNWIND $rows AS row CREATE (n:{ENTITY}:$(row.label) {{id: row.id}}) "
                         f"SET n += row.props, "
                         f"{', '.join(f'n.{p} = row.{p}' for p in NODE_LISTS)} "
                         f"RETURN row.id AS id, elementId(n) AS eid")
"""node_create_query for nodes of several labels at once (the label is in the row): one
statement planned once, for a load into a database that holds no :Entity yet."""

NODE_EXISTS_QUERY = (f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) "
                     f"USING INDEX n:{ENTITY}(id) RETURN id, "
                     f"elementId(n) AS eid, labels(n) AS labels, properties(n) AS p")
"""Which of a batch's nodes are there, with what they hold (a known node that would not
change is not written again). The lookups by id name their index (`USING INDEX`): right
after a bulk load the index statistics may not have been sampled yet, and a plan made then
can scan instead (a re-load of 50,000 facts took 3 to 25 s from run to run); the loader
creates the constraints, and so the indexes, before anything else."""


def label_count_query(label: str) -> str:
    return f"MATCH (n:{label}) RETURN count(n) AS c"


NODE_COUNT_QUERY = label_count_query(ENTITY)


def _ends(by_element_id: bool, a: str = "a", b: str = "b", s: str = "s", o: str = "o") -> str:
    if by_element_id:
        return (f"MATCH ({a}) WHERE elementId({a}) = row.{s} "
                f"MATCH ({b}) WHERE elementId({b}) = row.{o} ")
    return (f"MATCH ({a}:{ENTITY} {{id: row.{s}}}) USING INDEX {a}:{ENTITY}(id) "
            f"MATCH ({b}:{ENTITY} {{id: row.{o}}}) USING INDEX {b}:{ENTITY}(id) ")


REL_NEW_PROPS = ("r += row.props, r.sources = row.sources, r.evidence = row.evidence, "
                 "r.confidence = row.confidence")


def rel_query(rel_type: str, by_element_id: bool = False) -> str:
    """MERGE on fact_id; new relationships get the row, known ones the union of lists.

    The safe path: right whatever the database holds. Splitting ON CREATE / ON MATCH also
    keeps the planner from adding Eager barriers that a single SET reading and writing the
    same properties needs.
    """
    return (f"UNWIND $rows AS row {_ends(by_element_id)}"
            f"MERGE (a)-[r:{rel_type} {{fact_id: row.fact_id}}]->(b) "
            f"ON CREATE SET {REL_NEW_PROPS} "
            f"ON MATCH SET r += row.props, {_union('sources', 'r')}, {_union('evidence', 'r')}, "
            f"r.confidence = CASE WHEN r.confidence >= row.confidence "
            f"THEN r.confidence ELSE row.confidence END")


def rel_create_query(rel_type: str) -> str:
    """CREATE for facts known to be absent: no MERGE probe (a fifth of the cost). The
    fact_id uniqueness constraint still guards it against a concurrent writer."""
    return (f"UNWIND $rows AS row {_ends(True)}"
            f"CREATE (a)-[r:{rel_type} {{fact_id: row.fact_id}}]->(b) SET {REL_NEW_PROPS}")


REL_CREATE_ANY_QUERY = (f"UNWIND $rows AS row {_ends(True)}"
                        f"CREATE (a)-[r:$(row.type) {{fact_id: row.fact_id}}]->(b) "
                        f"SET {REL_NEW_PROPS}")
"""rel_create_query for facts of several types at once (the type is in the row): one
statement planned once, instead of one per type, for the types still empty in a load."""


def rel_exists_query(rel_type: str) -> str:
    """Which of a batch's facts are there, with what they hold (as NODE_EXISTS_QUERY)."""
    return (f"UNWIND $ids AS id MATCH ()-[r:{rel_type} {{fact_id: id}}]->() "
            f"USING INDEX r:{rel_type}(fact_id) RETURN id, properties(r) AS p")


def rel_count_query(rel_type: str) -> str:
    return f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS c"


def _link_query(verb: str, rel_type: str, by_element_id: bool, a: str, b: str) -> str:
    """MERGE or CREATE a property-less relationship from row.<a> to row.<b>."""
    return (f"UNWIND $rows AS row {_ends(by_element_id, a, b, a, b)}"
            f"{verb} ({a})-[:{rel_type}]->({b})")


STATES_QUERY = _link_query("MERGE", STATES, False, "d", "e")
STATES_MERGE_QUERY = _link_query("MERGE", STATES, True, "d", "e")
STATES_CREATE_QUERY = _link_query("CREATE", STATES, True, "d", "e")
STATES_LINKED_QUERY = (f"UNWIND $ids AS id MATCH (d) WHERE elementId(d) = id "
                       f"RETURN id, [(d)-[:{STATES}]->(e) | e.id] AS linked")
"""The ids each document (by element id) already STATES: none, and its links are CREATEd;
some, and only the missing ones are MERGEd."""

_BODY = " OR ".join(f"{{v}}:{t.value}" for t in sorted(WITHIN_TYPES, key=lambda t: t.value))
PART_OF_EDGES_QUERY = (f"MATCH (a:{ENTITY})-[:{NEO4J_REL_TYPES[Predicate.part_of]}]->(b:{ENTITY}) "
                       f"WHERE ({_BODY.format(v='a')}) AND ({_BODY.format(v='b')}) "
                       f"RETURN DISTINCT a.id AS a, b.id AS b")
WITHIN_EDGES_QUERY = (f"MATCH (a:{ENTITY})-[:{NEO4J_WITHIN}]->(b:{ENTITY}) "
                      f"RETURN a.id AS a, collect(b.id) AS bs")
"""The WITHIN pairs there, one record per unit: a closure has many pairs (millions in the
benchmark's tangled synthetic graph), and a record costs more than a list item."""
WITHIN_CREATE_QUERY = _link_query("CREATE", NEO4J_WITHIN, False, "a", "b")
WITHIN_CREATE_BY_EID_QUERY = _link_query("CREATE", NEO4J_WITHIN, True, "a", "b")
WITHIN_DELETE_QUERY = (f"UNWIND $rows AS row MATCH (:{ENTITY} {{id: row.a}})"
                       f"-[w:{NEO4J_WITHIN}]->(:{ENTITY} {{id: row.b}}) DELETE w")
