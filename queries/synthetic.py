"""A synthetic health-diplomacy graph of any size, for the query benchmark and parity tests.

Why synthetic: the seed documents give a few dozen facts, and query latency only means
something at the scale the graph is meant for (100,000 facts and more). The shape follows
the real graph: countries and persons as actors, bodies in part_of trees, events and
agreements as nodes, facts with periods, one source each with an evidence sentence. The
entities the saved queries' examples name (Indonesia, Malaysia, WHO, Kementerian
Kesehatan) exist, so `--example` parameters hit real rows. Same seed, same graph.
"""

from __future__ import annotations

import random
import string

from hdkg.graph.model import GraphData
from hdkg.schema.models import (
    AGREEMENT_KINDS,
    Entity,
    EntityType,
    Fact,
    Predicate,
    Source,
    make_id,
)

ROLES = ["Menteri Kesehatan", "Sekretaris Jenderal", "Direktur Jenderal", "Kepala Biro",
         "Duta Besar", "Ketua Delegasi", "Wakil Menteri Kesehatan", "Staf Ahli"]


def _iso_codes(n: int, rng: random.Random) -> list[str]:
    fixed = ["IDN", "MYS", "SGP", "THA", "BRN", "PHL", "VNM", "TUR"]
    pool = ["".join(t) for t in _triples()]
    rng.shuffle(pool)
    out = list(fixed)
    for code in pool:
        if len(out) >= n:
            break
        if code not in fixed:
            out.append(code)
    return out[:n]


def _triples():
    letters = string.ascii_uppercase
    for a in letters:
        for b in letters:
            for c in letters:
                yield a, b, c


def synthetic_graph(n_facts: int = 100_000, seed: int = 7) -> GraphData:
    """A GraphData with about `n_facts` facts (exactly, unless it is tiny) and its entities."""
    rng = random.Random(seed)
    scale = max(n_facts / 100_000, 0.002)
    n_countries = max(8, min(250, int(200 * scale ** 0.5)))
    n_bodies = max(12, int(2_000 * scale))
    n_people = max(10, int(6_000 * scale))
    n_events = max(5, int(3_000 * scale))
    n_agreements = max(4, int(2_000 * scale))
    n_docs = max(3, int(1_000 * scale))

    data = GraphData()
    docs = [f"doc{i:05d}.txt" for i in range(n_docs)]
    for d in docs:
        data.add_entity(Entity(id=make_id(EntityType.Document, d), type=EntityType.Document,
                               name=d, path=d, language="id"))

    names = {"IDN": "Indonesia", "MYS": "Malaysia", "SGP": "Singapura", "THA": "Thailand",
             "BRN": "Brunei Darussalam", "PHL": "Filipina", "VNM": "Vietnam", "TUR": "Türkiye"}
    countries = []
    for code in _iso_codes(n_countries, rng):
        e = Entity(id=make_id(EntityType.Country, code), type=EntityType.Country,
                   name=names.get(code, f"Negara {code}"), iso3=code,
                   aliases=["RI"] if code == "IDN" else [])
        data.add_entity(e)
        countries.append(e.id)

    bodies: list[str] = []
    parents: dict[str, str] = {}
    special = {0: ("org/who", "WHO", EntityType.Organization),
               1: ("org/kemenkes", "Kementerian Kesehatan", EntityType.Organization)}
    for i in range(n_bodies):
        if i in special:
            eid, name, t = special[i]
        else:
            t = EntityType.Organization if i % 3 else EntityType.Forum
            name = f"{'Badan' if t is EntityType.Organization else 'Forum'} {i:05d}"
            eid = make_id(t, name)
        data.add_entity(Entity(id=eid, type=t, name=name))
        bodies.append(eid)
        roots = max(4, n_bodies // 20)
        if i >= roots:
            # Trees a few levels deep: a parent among the earlier bodies, WHO and the
            # ministry collecting their share.
            parents[eid] = bodies[rng.choice([0, 1, rng.randrange(i)])]

    people = []
    for i in range(n_people):
        name = f"Pejabat {i:05d}"
        data.add_entity(Entity(id=make_id(EntityType.Person, name), type=EntityType.Person,
                               name=name))
        people.append(make_id(EntityType.Person, name))

    events = []
    for i in range(n_events):
        date = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        name = f"Pertemuan {i:05d}"
        eid = make_id(EntityType.Event, f"{name} {date[:4]}")
        data.add_entity(Entity(id=eid, type=EntityType.Event, name=name, date=date))
        events.append(eid)

    agreements = []
    kinds = list(AGREEMENT_KINDS)
    for i in range(n_agreements):
        date = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}"
        name = f"Perjanjian {i:05d}"
        eid = make_id(EntityType.Agreement, name)
        data.add_entity(Entity(id=eid, type=EntityType.Agreement, name=name,
                               kind=rng.choice(kinds), date=date))
        agreements.append(eid)

    def source() -> list[Source]:
        doc = rng.choice(docs)
        return [Source(document=doc, evidence=f"Kalimat {rng.randrange(10**6)} dari {doc}.",
                       loader="synthetic")]

    def period() -> dict[str, str | None]:
        start = rng.randint(2000, 2024)
        r = rng.random()
        if r < 0.5:
            return {"start": str(start), "end": str(min(2025, start + rng.randint(0, 4)))}
        if r < 0.7:
            return {"start": f"{start}-{rng.randint(1, 12):02d}", "end": None}
        if r < 0.85:
            return {"date": str(start)}
        return {}

    def actor() -> str:
        r = rng.random()
        return (rng.choice(countries) if r < 0.6 else rng.choice(bodies) if r < 0.8
                else rng.choice(people))

    def add(pred: Predicate, s: str, o: str, **kw: str | None) -> None:
        if s != o:
            data.add_fact(Fact(predicate=pred, subject=s, object=o, sources=source(),
                               **{k: v for k, v in kw.items() if v is not None}))

    for child, parent in parents.items():
        add(Predicate.part_of, child, parent)
    for a in agreements:
        parties = rng.sample(countries, rng.choice([2, 2, 2, 3]))
        date = data.entities[a].date
        for p in parties:
            add(Predicate.party_to, p, a, date=date)
        on_behalf = f"on behalf of {data.entities[parties[0]].name}"
        for p in rng.sample(people, 2):
            add(Predicate.signed, p, a, date=date, role=on_behalf)

    weights = [(Predicate.member_of, 0.36), (Predicate.chair_of, 0.12),
               (Predicate.holds_position, 0.18), (Predicate.participated_in, 0.26),
               (Predicate.hosts, 0.08)]
    preds = [p for p, _ in weights]
    cum = [w for _, w in weights]
    while len(data.facts) < n_facts:
        pred = rng.choices(preds, cum)[0]
        if pred is Predicate.member_of:
            add(pred, actor(), rng.choice(bodies), **period())
        elif pred is Predicate.chair_of:
            add(pred, actor(), rng.choice(bodies), **period())
        elif pred is Predicate.holds_position:
            org = rng.choice(bodies + countries[:20])
            add(pred, rng.choice(people), org, role=rng.choice(ROLES), **period())
        elif pred is Predicate.participated_in:
            add(pred, actor(), rng.choice(events))
        else:
            add(pred, rng.choice(countries), rng.choice(bodies + events), **period())
    return data
