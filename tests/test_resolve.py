"""Resolution across sources: one node per real thing, analysts' decisions first."""

from __future__ import annotations

from pathlib import Path

import pytest

from hdkg.graph.model import GraphData
from hdkg.graph.resolve import persons_compatible, resolve_graph
from hdkg.loaders.identity import Identity, load_identity
from hdkg.schema.errors import UserError
from hdkg.schema.models import Entity, EntityType, Fact, Predicate, Source, make_id


def ent(t: EntityType, name: str, doc: str, **kw: object) -> Entity:
    return Entity(id=make_id(t, name), type=t, name=name,
                  sources=[Source(document=doc, loader="test")], **kw)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Rudi H. Santoso", "Rudi Hartono Santoso", True),
    ("Rudi Santoso", "Rudi Hartono Santoso", True),
    ("R. Hartono Santoso", "Rudi Hartono Santoso", True),
    ("Rudi Santoso", "Rina Santoso", False),
    ("Rudi Santoso", "Rudi Santika", False),
    ("Santoso", "Rudi Santoso", False),
    ("R. Santoso", "Rudi Santika", False),
])
def test_person_name_compatibility(a: str, b: str, same: bool) -> None:
    assert persons_compatible(a, b) is same


def graph_of(entities: list[Entity], facts: list[Fact] = ()) -> GraphData:
    g = GraphData()
    for e in entities:
        g.add_entity(e)
    for f in facts:
        g.add_fact(f)
    return g


def test_short_person_name_merges_with_full_name_and_keeps_everything() -> None:
    full = ent(EntityType.Person, "Rudi Hartono Santoso", "a.txt")
    short = ent(EntityType.Person, "Rudi H. Santoso", "b.txt")
    org = ent(EntityType.Organization, "Kementerian Contoh", "b.txt")
    f = Fact(predicate=Predicate.holds_position, subject=short.id, object=org.id,
             role="Menteri", sources=[Source(document="b.txt", loader="test")])
    g = graph_of([full, short, org], [f])
    resolve_graph(g)
    assert short.id not in g.entities
    kept = g.entities[full.id]
    assert "Rudi H. Santoso" in kept.aliases
    assert {s.document for s in kept.sources} == {"a.txt", "b.txt"}
    (fact,) = g.iter_facts()
    assert fact.subject == full.id


def test_ambiguous_short_name_is_not_merged_but_listed() -> None:
    a = ent(EntityType.Person, "Rudi Hartono Santoso", "a.txt")
    b = ent(EntityType.Person, "Rudi Harjo Santoso", "b.txt")
    short = ent(EntityType.Person, "Rudi Santoso", "c.txt")
    g = graph_of([a, b, short])
    pairs = resolve_graph(g)
    assert set(g.entities) == {a.id, b.id, short.id}
    assert {(p.a, p.b) for p in pairs} >= {(short.id, a.id), (short.id, b.id)}


def test_near_spelling_bodies_merge_only_with_same_parent() -> None:
    parent = ent(EntityType.Organization, "Organisasi Induk", "a.txt")
    x = ent(EntityType.Organization, "Komite Anggaran dan Perencanaan Program", "a.txt",
            parent=parent.id)
    y = ent(EntityType.Organization, "Komite Perencanaan dan Anggaran Program", "b.txt",
            parent=parent.id)
    z = ent(EntityType.Organization, "Komite Anggaran dan Perencanaan Progam", "c.txt")
    g = graph_of([parent, x, y, z])
    pairs = resolve_graph(g)
    assert (y.id in g.entities) != (x.id in g.entities)
    assert z.id in g.entities
    assert any(z.id in (p.a, p.b) and p.reason == "different parent or year" for p in pairs)


def test_numbered_meetings_stay_apart() -> None:
    a = ent(EntityType.Event, "Pertemuan Menteri Kesehatan ke-15", "a.txt")
    b = ent(EntityType.Event, "Pertemuan Menteri Kesehatan ke-16", "b.txt")
    g = graph_of([a, b])
    resolve_graph(g)
    assert set(g.entities) == {a.id, b.id}


def test_identity_file_wins(tmp_path: Path) -> None:
    a = ent(EntityType.Organization, "Badan Contoh", "a.txt")
    b = ent(EntityType.Organization, "Lembaga Lain Sekali", "b.txt")
    c = ent(EntityType.Organization, "Komite Anggaran Dan Perencanaan", "a.txt")
    d = ent(EntityType.Organization, "Komite Anggaran dan Perencanaan.", "b.txt")
    p = tmp_path / "identity.yaml"
    p.write_text(f"same_as:\n  - ids: [{a.id}, {b.id}]\n    note: one body\n"
                 f"not_same_as:\n  - ids: [{c.id}, {d.id}]\n")
    g = graph_of([a, b, c, d])
    resolve_graph(g, load_identity([p]))
    assert b.id not in g.entities and a.id in g.entities
    assert c.id in g.entities and d.id in g.entities


def test_identity_errors_have_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "identity.yaml"
    p.write_text("same_as:\n  - ids: [person/a]\n  - ids: [person/a, not an id]\n")
    with pytest.raises(UserError) as info:
        load_identity([p])
    text = str(info.value)
    assert "identity.yaml:2: same_as.0.ids" in text
    assert "identity.yaml:3: same_as.1.ids.1" in text


def test_two_known_things_never_merge() -> None:
    a = ent(EntityType.Organization, "Executive Board Contoh", "a.txt")
    b = ent(EntityType.Organization, "Executive Board Contoh.", "b.txt")
    g = graph_of([a, b])
    resolve_graph(g, Identity(), preferred={a.id, b.id}) if a.id != b.id else None
    assert a.id in g.entities


def test_review_duplicates_command_lists_close_pairs(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    rows = [{"kind": "entity", "doc": doc, "type": "Organization", "name": name,
             "mentions": [name]}
            for doc, name in (("a.txt", "Komite Anggaran Program"),
                              ("b.txt", "Komite Anggaran Program Kerja"))]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "g"
    cli = [sys.executable, "-m", "hdkg.cli"]
    r = subprocess.run([*cli, "build", str(tmp_path / "x.jsonl"), "--out", str(out),
                        "--no-reference"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([*cli, "review", "duplicates", "--graph", str(out), "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (pair,) = json.loads(r.stdout)
    assert {pair["a"], pair["b"]} == {"org/komite-anggaran-program",
                                      "org/komite-anggaran-program-kerja"}
    assert pair["reason"] and 0.8 <= pair["score"] < 1
