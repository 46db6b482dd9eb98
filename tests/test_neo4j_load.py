"""The Neo4j loader against a real server: counts, idempotence, increments, stats, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from hdkg.graph.model import GraphData
from hdkg.graph.neo4j.connect import Settings, connect, mask_uri, resolve
from hdkg.graph.neo4j.load import (
    LABELS,
    REL_TYPES,
    fact_unchanged,
    graph_counts,
    load_graph,
    load_graph_dir,
    node_row,
    node_unchanged,
    read_graph_dir,
    rel_row,
    stats_from_driver,
    supports_dynamic_labels,
)
from hdkg.graph.store import write_graph
from hdkg.schema.errors import UserError
from hdkg.schema.models import Entity, EntityType, Fact, Source

PASSWORD = "s3cret-Pa55word"


def src(doc: str, evidence: str | None = None, rule: str | None = "r1",
        confidence: float = 0.9) -> Source:
    return Source(document=doc, evidence=evidence, loader="test", rule=rule,
                  confidence=confidence)


def small_graph() -> GraphData:
    """Two documents: d01.txt has a Document entity, d02.txt does not."""
    g = GraphData()
    for e in [
        Entity(id="country/IDN", type=EntityType.Country, name="Indonesia", iso3="IDN",
               aliases=["RI"], wikidata="Q252", sources=[src("d01.txt")]),
        Entity(id="country/COL", type=EntityType.Country, name="Colombia", iso3="COL"),
        Entity(id="org/who", type=EntityType.Organization, name="World Health Organization",
               acronym="WHO", wikidata="Q7817"),
        Entity(id="person/budi-gunadi-sadikin", type=EntityType.Person,
               name="Budi Gunadi Sadikin"),
        Entity(id="agreement/idn-col-mou-health", type=EntityType.Agreement,
               name="MoU on health cooperation", kind="MoU", date="2024-05",
               fields=["vaccines", "health workforce"]),
        Entity(id="doc/d01.txt", type=EntityType.Document, name="d01.txt", language="id"),
    ]:
        g.add_entity(e)
    for f in [
        Fact(predicate="member_of", subject="country/IDN", object="org/who",
             sources=[src("d01.txt", "Indonesia adalah anggota WHO.")]),
        Fact(predicate="member_of", subject="country/COL", object="org/who",
             sources=[src("d02.txt", "Kolombia anggota WHO.", confidence=0.7)]),
        Fact(predicate="holds_position", subject="person/budi-gunadi-sadikin",
             object="country/IDN", role="Minister of Health", start="2020-12",
             sources=[src("d01.txt", "Menkes Budi Gunadi Sadikin.")]),
        Fact(predicate="party_to", subject="country/IDN",
             object="agreement/idn-col-mou-health", sources=[src("d02.txt")]),
        Fact(predicate="party_to", subject="country/COL",
             object="agreement/idn-col-mou-health", sources=[src("d02.txt")]),
        Fact(predicate="signed", subject="person/budi-gunadi-sadikin",
             object="agreement/idn-col-mou-health", date="2024-05-02",
             sources=[src("d02.txt", "Budi menandatangani MoU.", rule=None)]),
    ]:
        g.add_fact(f)
    return g


def superset_graph() -> GraphData:
    """small_graph plus document d03.txt: one new event and fact, one known fact restated."""
    g = small_graph()
    g.add_entity(Entity(id="event/wha77-2024", type=EntityType.Event,
                        name="77th World Health Assembly", date="2024-05"))
    g.add_fact(Fact(predicate="participated_in", subject="country/IDN",
                    object="event/wha77-2024", sources=[src("d03.txt", "RI hadir di WHA77.")]))
    g.add_fact(Fact(predicate="member_of", subject="country/IDN", object="org/who",
                    sources=[src("d03.txt", "Indonesia, anggota WHO sejak 1950.", rule="r2")]))
    return g


def totals(driver: Driver) -> dict[str, int]:
    rec = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS rels "
        "OPTIONAL MATCH ()-[s:STATES]->() RETURN nodes, rels, count(s) AS states").records[0]
    return dict(rec)


# ---------------------------------------------------------------- without a server

def test_graph_counts_shape() -> None:
    counts = graph_counts(small_graph())
    assert list(counts["nodes"]) == LABELS
    assert list(counts["relationships"]) == REL_TYPES
    assert counts["nodes"]["Document"] == 2  # d01 entity + d02 referenced by facts
    assert counts["relationships"]["PARTY_TO"] == 2
    assert "STATES" not in counts["relationships"]


def test_mask_and_resolve_keep_passwords_out() -> None:
    assert mask_uri(f"neo4j://bob:{PASSWORD}@db.example:7687") == \
        "neo4j://bob:***@db.example:7687"
    assert mask_uri("bolt://127.0.0.1:7687") == "bolt://127.0.0.1:7687"
    s = resolve(f"neo4j+s://bob:{PASSWORD}@db.example:7687", None, None)
    assert s.uri == "neo4j+s://db.example:7687" and s.auth() == ("bob", PASSWORD)
    assert PASSWORD not in repr(s) and PASSWORD not in str(s)


def test_env_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j://cluster.example:7687")
    monkeypatch.setenv("NEO4J_USER", "analyst")
    monkeypatch.setenv("NEO4J_PASSWORD", PASSWORD)
    s = resolve()
    assert (s.uri, s.user, s.password) == ("neo4j://cluster.example:7687", "analyst", PASSWORD)
    assert resolve(uri="bolt://other:7687").uri == "bolt://other:7687"


def test_unreachable_server_is_one_line_without_password() -> None:
    with pytest.raises(UserError) as exc:
        connect(Settings(uri="bolt://127.0.0.1:1", user="neo4j", password=PASSWORD))
    msg = str(exc.value)
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in msg
    assert PASSWORD not in msg and "\n" not in msg


def test_bad_uri_is_user_error() -> None:
    with pytest.raises(UserError, match="bad Neo4j URI") as exc:
        connect(Settings(uri=f"ftp://neo4j:{PASSWORD}@127.0.0.1:7474"))
    assert PASSWORD not in str(exc.value)


def test_what_counts_as_unchanged() -> None:
    """A known node or fact is left alone only when its MERGE would change nothing."""
    idn = small_graph().entities["country/IDN"]
    row = node_row(idn)
    stored = {"id": idn.id, "name": "Indonesia", "iso3": "IDN", "wikidata": "Q252",
              "aliases": ["RI", "Indonesia"], "fields": [], "sources": ["d01.txt", "x.txt"]}
    assert node_unchanged(row, "Country", ["Entity", "Country"], stored)
    assert not node_unchanged(row, "Country", ["Entity"], stored)  # label missing
    assert not node_unchanged(row, "Country", ["Entity", "Country"],
                              {**stored, "name": "Republic of Indonesia"})
    assert not node_unchanged(row, "Country", ["Entity", "Country"], {**stored, "aliases": []})
    assert not node_unchanged(row, "Country", ["Entity", "Country"],
                              {k: v for k, v in stored.items() if k != "sources"})

    fact = next(f for f in small_graph().facts.values() if f.predicate.value == "holds_position")
    row = rel_row(fact)
    stored = {"fact_id": row["fact_id"], "role": "Minister of Health", "start": "2020-12",
              "sources": ["d01.txt"], "evidence": ["Menkes Budi Gunadi Sadikin."],
              "confidence": 0.9}
    assert fact_unchanged(row, stored)
    assert fact_unchanged(row, {**stored, "confidence": 1.0, "sources": ["a", "d01.txt"]})
    assert not fact_unchanged(row, {**stored, "confidence": 0.5})
    assert not fact_unchanged(row, {**stored, "role": "Minister"})
    assert not fact_unchanged(row, {k: v for k, v in stored.items() if k != "start"})
    assert not fact_unchanged(row, {**stored, "evidence": []})


def test_which_servers_take_dynamic_labels() -> None:
    assert supports_dynamic_labels("Neo4j/5.26.30")
    assert supports_dynamic_labels("Neo4j/2025.01.0")
    assert not supports_dynamic_labels("Neo4j/5.25.1")
    assert not supports_dynamic_labels("Neo4j/4.4.40")
    assert not supports_dynamic_labels("Memgraph/2.1")
    assert not supports_dynamic_labels(None)


def test_missing_graph_dir(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no graph at"):
        read_graph_dir(tmp_path / "nope")
    with pytest.raises(UserError, match="not a graph folder built by `hdkg build`"):
        read_graph_dir(tmp_path)


# ---------------------------------------------------------------- on a real server

@pytest.mark.neo4j
def test_constraints_exist(neo4j_empty: Driver) -> None:
    load_graph(small_graph(), neo4j_empty)
    rows = neo4j_empty.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
        "RETURN name, type, labelsOrTypes[0] AS on, properties[0] AS prop").records
    have = {(r["on"], r["prop"]): r["type"] for r in rows}
    for label in ["Entity", *LABELS]:
        assert have[(label, "id")] == "UNIQUENESS"
    for rel_type in REL_TYPES:
        assert have[(rel_type, "fact_id")] == "RELATIONSHIP_UNIQUENESS"


@pytest.mark.neo4j
def test_load_gives_exact_counts(neo4j_empty: Driver) -> None:
    counts = load_graph(small_graph(), neo4j_empty, batch_size=2)
    # 6 entities + d02.txt; 6 facts; STATES: d01 -> IDN, WHO, Budi; d02 -> COL, WHO, IDN,
    # agreement, Budi.
    assert (counts["nodes"], counts["relationships"], counts["states"]) == (7, 6, 8)
    assert totals(neo4j_empty) == {"nodes": 7, "rels": 14, "states": 8}
    assert stats_from_driver(neo4j_empty) == graph_counts(small_graph())

    idn = neo4j_empty.execute_query(
        "MATCH (n:Country:Entity {id: 'country/IDN'}) RETURN n").records[0]["n"]
    assert (idn["name"], idn["iso3"], idn["wikidata"]) == ("Indonesia", "IDN", "Q252")
    assert idn["aliases"] == ["RI"] and idn["sources"] == ["d01.txt"]
    d02 = neo4j_empty.execute_query(
        "MATCH (d:Document {id: 'doc/d02.txt'})-[:STATES]->(e) "
        "RETURN d.name AS name, collect(e.id) AS ids").records[0]
    assert d02["name"] == "d02.txt"
    assert sorted(d02["ids"]) == ["agreement/idn-col-mou-health", "country/COL",
                                  "country/IDN", "org/who", "person/budi-gunadi-sadikin"]
    r = neo4j_empty.execute_query(
        "MATCH (:Person {id: 'person/budi-gunadi-sadikin'})-[r:HOLDS_POSITION]->"
        "(:Country {id: 'country/IDN'}) RETURN r").records[0]["r"]
    fact = next(f for f in small_graph().facts.values() if f.predicate.value == "holds_position")
    assert r["fact_id"] == fact.fact_id()
    assert (r["role"], r["start"], r["sources"]) == ("Minister of Health", "2020-12",
                                                     ["d01.txt"])
    assert r["evidence"] == ["Menkes Budi Gunadi Sadikin."]
    assert "rules" not in r  # the extraction rule stays in records.jsonl
    assert r["confidence"] == pytest.approx(0.9)


@pytest.mark.neo4j
def test_loading_twice_changes_nothing(neo4j_empty: Driver) -> None:
    load_graph(small_graph(), neo4j_empty)
    before = totals(neo4j_empty)
    props_before = neo4j_empty.execute_query(
        "MATCH ()-[r]->() RETURN r.fact_id AS id, properties(r) AS p ORDER BY id").records
    second = load_graph(small_graph(), neo4j_empty)
    assert second["nodes_created"] == 0 and second["relationships_created"] == 0
    assert second["properties_set"] == 0  # known and unchanged: read, not written again
    assert totals(neo4j_empty) == before
    props_after = neo4j_empty.execute_query(
        "MATCH ()-[r]->() RETURN r.fact_id AS id, properties(r) AS p ORDER BY id").records
    assert props_after == props_before


@pytest.mark.neo4j
def test_a_server_before_5_26_gets_the_same_graph(neo4j_empty: Driver, neo4j_wipe: Any
                                                 ) -> None:
    """Without dynamic labels (what a server before 5.26 gets: one statement per label and
    type) a first load writes the same nodes, relationships and properties."""
    def dump() -> list:
        nodes = neo4j_empty.execute_query(
            "MATCH (n) RETURN n.id AS id, labels(n) AS l, properties(n) AS p ORDER BY id"
        ).records
        rels = neo4j_empty.execute_query(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p "
            "ORDER BY a, t, b").records
        return ([(r["id"], sorted(r["l"]), r["p"]) for r in nodes]
                + [(r["a"], r["t"], r["b"], r["p"]) for r in rels])

    with_dynamic = load_graph(superset_graph(), neo4j_empty, dynamic=True)
    expected = dump()
    neo4j_wipe(neo4j_empty)
    without = load_graph(superset_graph(), neo4j_empty, dynamic=False)
    assert dump() == expected
    nodes = sum(graph_counts(superset_graph())["nodes"].values())
    assert without["nodes_created"] == with_dynamic["nodes_created"] == nodes
    assert without["relationships_created"] == with_dynamic["relationships_created"]
    assert without["fallback_batches"] == with_dynamic["fallback_batches"] == 0


@pytest.mark.neo4j
def test_a_reload_writes_only_what_changed(neo4j_empty: Driver) -> None:
    """Known nodes and facts that would not change are only read; a changed name, a new
    alias, a higher confidence and a new role are written, and nothing else is."""
    load_graph(small_graph(), neo4j_empty)
    g = small_graph()
    g.entities["org/who"].name = "World Health Organisation"
    g.entities["country/IDN"].aliases.append("NKRI")
    member = next(f for f in g.facts.values() if f.subject == "country/COL")
    member.sources[0] = src("d02.txt", "Kolombia anggota WHO.", confidence=0.95)
    counts = load_graph(g, neo4j_empty)
    assert counts["nodes_created"] == 0 and counts["relationships_created"] == 0
    # WHO: name, acronym, wikidata and its 3 lists; IDN: name, iso3, wikidata and its 3
    # lists; COL's fact: its 2 lists and the confidence. A full rewrite sets 50 or more.
    assert counts["properties_set"] == 6 + 6 + 3
    rows = neo4j_empty.execute_query(
        "MATCH (n:Entity) WHERE n.id IN ['org/who', 'country/IDN'] "
        "RETURN n.id AS id, n.name AS name, n.aliases AS aliases ORDER BY id").records
    assert [tuple(r.values()) for r in rows] == [
        ("country/IDN", "Indonesia", ["RI", "NKRI"]),
        ("org/who", "World Health Organisation", [])]
    r = neo4j_empty.execute_query("MATCH (:Entity {id: 'country/COL'})-[r:MEMBER_OF]->() "
                                  "RETURN r.confidence AS c").records[0]
    assert r["c"] == pytest.approx(0.95)


@pytest.mark.neo4j
def test_superset_adds_exactly_the_new_document(neo4j_empty: Driver) -> None:
    load_graph(small_graph(), neo4j_empty)
    before = totals(neo4j_empty)
    counts = load_graph(superset_graph(), neo4j_empty)
    # New: the event and the d03.txt Document; one PARTICIPATED_IN; STATES d03 -> IDN,
    # event, WHO.
    assert counts["nodes_created"] == 2 and counts["relationships_created"] == 4
    assert totals(neo4j_empty) == {"nodes": before["nodes"] + 2, "rels": before["rels"] + 4,
                                   "states": before["states"] + 3}
    r = neo4j_empty.execute_query(
        "MATCH (:Country {id: 'country/IDN'})-[r:MEMBER_OF]->(:Organization {id: 'org/who'}) "
        "RETURN r").records[0]["r"]
    assert r["sources"] == ["d01.txt", "d03.txt"]
    assert r["evidence"] == ["Indonesia adalah anggota WHO.", "Indonesia, anggota WHO sejak 1950."]
    assert stats_from_driver(neo4j_empty) == graph_counts(superset_graph())
    # And the superset again: still nothing new.
    load_graph(superset_graph(), neo4j_empty)
    assert totals(neo4j_empty)["rels"] == before["rels"] + 4


@pytest.mark.neo4j
def test_load_graph_dir_and_stats(neo4j_empty: Driver, tmp_path: Path) -> None:
    from hdkg.graph.neo4j.load import neo4j_stats

    write_graph(small_graph(), tmp_path / "g", manifest={})
    tmp_path = tmp_path / "g"
    counts = load_graph_dir(tmp_path, uri=None, user=None, password=None, batch_size=3)
    assert (counts["nodes"], counts["relationships"]) == (7, 6)
    assert neo4j_stats() == graph_counts(GraphData.read_jsonl(tmp_path / "records.jsonl"))


@pytest.mark.neo4j
def test_cli_load(neo4j_empty: Driver, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hdkg.cli import app

    write_graph(small_graph(), tmp_path / "g", manifest={})
    tmp_path = tmp_path / "g"
    result = CliRunner().invoke(app, ["load", "neo4j", "--graph", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert '"relationships": 6' in result.stdout
    assert totals(neo4j_empty)["nodes"] == 7


@pytest.mark.neo4j
def test_a_concurrent_writer_sends_the_batch_down_the_merge_path(neo4j_empty: Driver) -> None:
    """MEMBER_OF is empty when its step begins, so its facts are CREATEd unchecked. Another
    writer (here: the progress callback, at the start of that step) stores one of them
    first: the fact_id constraint refuses the CREATE, the batch is rolled back and merged,
    and the result is the one relationship with both writers' sources."""
    g = small_graph()
    fact = next(f for f in g.facts.values() if f.predicate.value == "member_of")

    def other_writer(phase: str, done: int, total: int) -> None:
        if phase.startswith("relationships :") and "MEMBER_OF" in phase and not fired:
            fired.append(phase)
            neo4j_empty.execute_query(
                "MATCH (a:Entity {id: $s}), (b:Entity {id: $o}) "
                "CREATE (a)-[:MEMBER_OF {fact_id: $f, sources: ['other.txt'], evidence: [],"
                " confidence: 0.5}]->(b)", s=fact.subject, o=fact.object, f=fact.fact_id())

    fired: list[str] = []
    counts = load_graph(g, neo4j_empty, progress=other_writer)
    assert fired and counts["fallback_batches"] == 1
    assert stats_from_driver(neo4j_empty) == graph_counts(g)
    rows = neo4j_empty.execute_query(
        "MATCH ()-[r:MEMBER_OF {fact_id: $f}]->() RETURN r", f=fact.fact_id()).records
    assert len(rows) == 1
    assert rows[0]["r"]["sources"] == ["other.txt", "d01.txt"]
    assert rows[0]["r"]["confidence"] == pytest.approx(0.9)


@pytest.mark.neo4j
def test_nodes_created_and_merged_carry_the_same_properties(neo4j_empty: Driver,
                                                           neo4j_wipe: Any) -> None:
    """Into an empty database the nodes are CREATEd; with one :Entity already there each
    batch is checked and the known ones MERGEd. Both give the same nodes."""
    def nodes() -> list[dict]:
        rows = neo4j_empty.execute_query(
            "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p "
            "ORDER BY id").records
        return [{"id": r["id"], "labels": sorted(r["labels"]), "p": r["p"]} for r in rows]

    load_graph(small_graph(), neo4j_empty)
    created = nodes()
    assert next(n for n in created if n["id"] == "agreement/idn-col-mou-health")["p"][
        "fields"] == ["vaccines", "health workforce"]
    neo4j_wipe(neo4j_empty)
    # A node of the graph there already, with nothing but its id: merged, the rest created.
    neo4j_empty.execute_query("CREATE (:Entity:Country {id: 'country/COL'})")
    counts = load_graph(small_graph(), neo4j_empty, batch_size=2)
    assert counts["nodes_created"] == 6 and counts["fallback_batches"] == 0
    assert nodes() == created


@pytest.mark.neo4j
def test_a_concurrent_writer_of_a_node_sends_its_batch_down_the_merge_path(
        neo4j_empty: Driver) -> None:
    """The database is empty when the node steps begin, so nodes are CREATEd unchecked;
    another writer stores WHO first: the :Entity(id) constraint refuses the CREATE, the
    batch is rolled back and merged, and WHO is one node with both writers' sources."""
    fired: list[str] = []

    def other_writer(phase: str, done: int, total: int) -> None:
        if phase.startswith("nodes :") and "Organization" in phase and not fired:
            fired.append(phase)
            neo4j_empty.execute_query("CREATE (:Entity:Organization {id: 'org/who', "
                                      "sources: ['other.txt']})")

    g = small_graph()
    g.entities["org/who"].sources.append(src("d01.txt"))
    counts = load_graph(g, neo4j_empty, progress=other_writer)
    assert fired and counts["fallback_batches"] == 1
    assert stats_from_driver(neo4j_empty) == graph_counts(g)
    rows = neo4j_empty.execute_query(
        "MATCH (n:Entity {id: 'org/who'}) RETURN n.sources AS s, n.acronym AS a").records
    assert [(r["s"], r["a"]) for r in rows] == [(["other.txt", "d01.txt"], "WHO")]


@pytest.mark.neo4j
def test_a_batch_of_new_and_known_facts(neo4j_empty: Driver) -> None:
    """One batch holding a known fact (merged: sources united) and a new one (created)."""
    load_graph(small_graph(), neo4j_empty)
    g = small_graph()
    g.add_fact(Fact(predicate="member_of", subject="country/IDN", object="org/who",
                    sources=[src("d04.txt", "RI anggota WHO.")]))
    g.add_entity(Entity(id="org/asean", type=EntityType.Organization, name="ASEAN"))
    g.add_fact(Fact(predicate="member_of", subject="country/IDN", object="org/asean",
                    sources=[src("d04.txt", "RI anggota ASEAN.")]))
    counts = load_graph(g, neo4j_empty, batch_size=100)
    assert counts["fallback_batches"] == 0
    # New: org/asean and doc d04.txt's node; the IDN-ASEAN fact; STATES d04 -> IDN, WHO, ASEAN.
    assert counts["nodes_created"] == 2 and counts["relationships_created"] == 4
    rows = neo4j_empty.execute_query(
        "MATCH (:Country {id: 'country/IDN'})-[r:MEMBER_OF]->(o) RETURN o.id AS o, "
        "r.sources AS s ORDER BY o").records
    assert [(r["o"], r["s"]) for r in rows] == [("org/asean", ["d04.txt"]),
                                                ("org/who", ["d01.txt", "d04.txt"])]
    assert stats_from_driver(neo4j_empty) == graph_counts(g)


@pytest.mark.neo4j
@pytest.mark.parametrize("workers", [1, 3])
def test_parallel_sessions_write_the_same_graph(neo4j_empty: Driver, workers: int) -> None:
    """Batches of one row in several sessions at once: same counts, and again nothing new."""
    g = superset_graph()
    first = load_graph(g, neo4j_empty, batch_size=1, workers=workers)
    assert first["relationships_created"] == 7 + 11  # facts + STATES links (8 + 3 of d03)
    assert stats_from_driver(neo4j_empty) == graph_counts(g)
    before = totals(neo4j_empty)
    again = load_graph(g, neo4j_empty, batch_size=1, workers=workers)
    assert again["nodes_created"] == 0 and again["relationships_created"] == 0
    assert totals(neo4j_empty) == before


@pytest.mark.neo4j
def test_a_node_deleted_mid_load_costs_only_its_own_facts(neo4j_empty: Driver) -> None:
    """Colombia is deleted after the node step: the MEMBER_OF batch (Indonesia's and
    Colombia's) creates one relationship of two, so it is rolled back and merged by id,
    which writes Indonesia's and skips the fact that has lost its end."""
    g = small_graph()

    def deleter(phase: str, done: int, total: int) -> None:
        if phase.startswith("relationships :") and "MEMBER_OF" in phase and not fired:
            fired.append(phase)
            neo4j_empty.execute_query("MATCH (n:Entity {id: 'country/COL'}) DETACH DELETE n")

    fired: list[str] = []
    counts = load_graph(g, neo4j_empty, progress=deleter, workers=1)
    assert fired and counts["fallback_batches"] >= 1
    rows = neo4j_empty.execute_query(
        "MATCH (a)-[r:MEMBER_OF]->(b) RETURN a.id AS a, b.id AS b, r.sources AS s").records
    assert [(r["a"], r["b"], r["s"]) for r in rows] == [("country/IDN", "org/who",
                                                         ["d01.txt"])]


def part_of_graph(pairs: list[tuple[str, str]]) -> GraphData:
    """Bodies and the part_of facts between them (child, parent)."""
    g = GraphData()
    for child, parent in pairs:
        for eid in (child, parent):
            g.add_entity(Entity(id=eid, type=EntityType.Organization, name=eid.split("/")[1]))
        g.add_fact(Fact(predicate="part_of", subject=child, object=parent,
                        sources=[src("d01.txt")]))
    return g


def within(driver: Driver) -> list[tuple[str, str]]:
    rows = driver.execute_query("MATCH (a:Entity)-[:WITHIN]->(b:Entity) "
                                "RETURN a.id AS a, b.id AS b ORDER BY a, b").records
    return [(r["a"], r["b"]) for r in rows]


@pytest.mark.neo4j
def test_within_is_the_part_of_closure_across_loads(neo4j_empty: Driver) -> None:
    """WITHIN follows the PART_OF relationships in the database: a cycle ends, a body is
    never within itself, an increment joining two loaded trees links them, and pairs no
    longer implied go."""
    from hdkg.graph.within import within_pairs

    first = part_of_graph([("org/a", "org/b"), ("org/b", "org/a"), ("org/c", "org/b")])
    counts = load_graph(first, neo4j_empty)
    assert within(neo4j_empty) == within_pairs(first) == [
        ("org/a", "org/b"), ("org/b", "org/a"), ("org/c", "org/a"), ("org/c", "org/b")]
    assert (counts["within"], counts["within_created"]) == (4, 4)
    assert load_graph(first, neo4j_empty)["within_created"] == 0

    # Another tree, then what joins it below the first one.
    load_graph(part_of_graph([("org/x", "org/y")]), neo4j_empty)
    counts = load_graph(part_of_graph([("org/y", "org/c")]), neo4j_empty)
    assert counts["within_created"] == 6  # y in c, b, a; x in c, b, a
    assert ("org/x", "org/a") in within(neo4j_empty)

    # A part_of relationship removed by hand: the next load drops what it implied.
    neo4j_empty.execute_query("MATCH (:Entity {id: 'org/y'})-[r:PART_OF]->() DELETE r")
    counts = load_graph(part_of_graph([("org/x", "org/y")]), neo4j_empty)
    assert counts["within_deleted"] == 6
    assert [p for p in within(neo4j_empty) if "org/x" in p or "org/y" in p] == [
        ("org/x", "org/y")]
