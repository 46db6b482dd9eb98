"""Network projections for analysts: bipartite country-body, country-country, growth."""

from __future__ import annotations

from hdkg.graph.model import GraphData
from hdkg.graph.projections import country_body, country_country, fact_years, growth_by_year
from hdkg.schema.models import Entity, EntityType, Fact, Predicate, Source

SRC = [Source(document="t.txt", loader="test")]


def graph() -> GraphData:
    g = GraphData()
    for iso, name in (("IDN", "Indonesia"), ("MYS", "Malaysia"), ("THA", "Thailand")):
        g.add_entity(Entity(id=f"country/{iso}", type=EntityType.Country, name=name, iso3=iso,
                            sources=SRC))
    g.add_entity(Entity(id="forum/f1", type=EntityType.Forum, name="Forum Satu", sources=SRC))
    g.add_entity(Entity(id="org/o1", type=EntityType.Organization, name="Org Satu",
                        sources=SRC))
    g.add_entity(Entity(id="agreement/a1", type=EntityType.Agreement, name="MoU", kind="MoU",
                        sources=SRC))
    facts = [
        (Predicate.member_of, "country/IDN", "forum/f1", "2018", "2020", None),
        (Predicate.member_of, "country/MYS", "forum/f1", "2019", None, None),
        (Predicate.chair_of, "country/IDN", "forum/f1", "2020", "2020", None),
        (Predicate.member_of, "country/THA", "org/o1", None, None, None),
        (Predicate.member_of, "country/IDN", "org/o1", None, None, None),
        (Predicate.party_to, "country/IDN", "agreement/a1", None, None, "2019-07-29"),
        (Predicate.party_to, "country/THA", "agreement/a1", None, None, "2019-07-29"),
    ]
    for p, s, o, start, end, date in facts:
        g.add_fact(Fact(predicate=p, subject=s, object=o, start=start, end=end, date=date,
                        sources=SRC))
    return g


def test_fact_years() -> None:
    f = Fact(predicate=Predicate.member_of, subject="country/IDN", object="org/o1",
             start="2018", end="2020")
    assert fact_years(f) == [2018, 2019, 2020]
    assert fact_years(f.replace(start=None, end=None, date="2021-05")) == [
        2021]
    assert fact_years(f.replace(start=None, end=None)) == []


def test_country_body_bipartite() -> None:
    g = country_body(graph())
    assert {n for n, d in g.nodes(data=True) if d["bipartite"] == 0} == {
        "country/IDN", "country/MYS", "country/THA"}
    e = g.edges["country/IDN", "forum/f1"]
    assert sorted(e["predicates"]) == ["chair_of", "member_of"]
    assert e["years"] == [2018, 2019, 2020]


def test_country_country_through_bodies_and_agreements() -> None:
    g = country_country(graph(), via="bodies")
    assert g.edges["country/IDN", "country/MYS"]["weight"] == 1
    assert g.edges["country/IDN", "country/THA"]["via"] == ["Org Satu"]
    assert not g.has_edge("country/MYS", "country/THA")
    a = country_country(graph(), via="agreements")
    assert list(a.edges) == [("country/IDN", "country/THA")]
    assert a.edges["country/IDN", "country/THA"]["years"] == [2019]


def test_growth_by_year() -> None:
    assert growth_by_year(graph(), [Predicate.member_of]) == {2018: 1, 2019: 2, 2020: 1}
