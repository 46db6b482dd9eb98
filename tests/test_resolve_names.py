"""One node per real thing whatever the language or spelling: ministries, embassies, people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hdkg.graph.build import build_data
from hdkg.graph.institutions import canonical_name, parse
from hdkg.graph.resolve import persons_compatible


@pytest.mark.parametrize(("a", "b"), [
    ("Kementerian Kesehatan dan Pendidikan Kedokteran Iran",
     "Ministry of Health and Medical Education of Iran"),
    ("Kementerian Kesehatan dan Kesejahteraan Korea Selatan",
     "Ministry of Health and Welfare of Korea"),
    ("Ministry of Health and Welfare of Korea Selatan",
     "Ministry of Health and Welfare of South Korea"),
    ("Kementerian Kesehatan Masyarakat Thailand", "Thailand's Ministry of Public Health"),
    ("Kementerian Kesehatan, Kesejahteraan dan Olahraga (VWS) Belanda",
     "Ministry of Health, Welfare and Sport of the Netherlands"),
    ("Kemlu Kuba", "Ministry of Foreign Affairs of Cuba"),
    ("KBRI New Delhi", "Embassy of Indonesia in New Delhi"),
    ("Kedutaan Besar Fiji di Jakarta", "Fiji Embassy in Jakarta"),
    ("Perwakilan Tetap RI untuk PBB di Jenewa",
     "Permanent Mission of the Republic of Indonesia in Geneva"),
    ("KJRI Frankfurt", "Consulate General of Indonesia in Frankfurt"),
])
def test_names_in_both_languages_have_one_key(a: str, b: str) -> None:
    pa, pb = parse(a), parse(b)
    assert pa is not None and pb is not None
    assert pa.key == pb.key


@pytest.mark.parametrize(("a", "b"), [
    ("Kementerian Kesehatan Korea Selatan",
     "Kementerian Kesehatan dan Kesejahteraan Korea Selatan"),
    ("Ministry of Health of Iran", "Ministry of Health of Iraq"),
    ("Ministry of Foreign Affairs of Cuba", "Ministry of Foreign Trade and Investment of Cuba"),
    ("KBRI New Delhi", "KJRI Mumbai"),
])
def test_different_institutions_have_different_keys(a: str, b: str) -> None:
    assert parse(a).key != parse(b).key


@pytest.mark.parametrize("name", ["Kementerian Kesehatan", "Ministry of Health",
                                  "Department of Medical Services", "Fiji Embassy",
                                  "Kementerian Kesehatan RI dan Papua Nugini"])
def test_names_that_do_not_say_what_they_are_have_no_key(name: str) -> None:
    assert parse(name) is None


def test_a_mixed_name_is_mended() -> None:
    p = parse("Ministry of Health and Welfare of Korea Selatan")
    assert p.mixed
    assert canonical_name(p) == "Ministry of Health and Welfare of South Korea"


def _build(tmp_path: Path, rows: list[dict], trace: dict | None = None):
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return build_data([path], trace=trace)


def ent(doc: str, type_: str, name: str, *mentions: str) -> dict:
    return {"kind": "entity", "doc": doc, "type": type_, "name": name,
            "mentions": [name, *mentions]}


def test_ministry_named_in_two_languages_is_one_node(tmp_path: Path) -> None:
    trace: dict = {}
    g = _build(tmp_path, [
        ent("a.txt", "Organization", "Kementerian Kesehatan dan Pendidikan Kedokteran Iran"),
        ent("b.txt", "Organization", "Ministry of Health and Medical Education of Iran", "MOHME"),
        ent("c.txt", "Organization", "Ministry of Health and Welfare of Korea Selatan"),
        ent("d.txt", "Organization", "Kementerian Kesehatan dan Kesejahteraan Korea Selatan"),
        ent("e.txt", "Organization", "Kementerian Kesehatan RI"),
        ent("f.txt", "Organization", "Ministry of Health of the Republic of Indonesia"),
    ], trace)
    iran = {trace[("a.txt", "Kementerian Kesehatan dan Pendidikan Kedokteran Iran")],
            trace[("b.txt", "Ministry of Health and Medical Education of Iran")]}
    assert len(iran) == 1
    node = g.entities[iran.pop()]
    assert node.name == "Ministry of Health and Medical Education of Iran"
    assert {"Kementerian Kesehatan dan Pendidikan Kedokteran Iran", "MOHME"} <= set(node.aliases)
    korea = {trace[("c.txt", "Ministry of Health and Welfare of Korea Selatan")],
             trace[("d.txt", "Kementerian Kesehatan dan Kesejahteraan Korea Selatan")]}
    assert len(korea) == 1
    node = g.entities[korea.pop()]
    assert node.name == "Ministry of Health and Welfare of South Korea"
    assert all("Korea Selatan" not in n or n.startswith("Kementerian")
               for n in [node.name, *node.aliases])
    assert trace[("e.txt", "Kementerian Kesehatan RI")] == "org/kemenkes"
    assert trace[("f.txt", "Ministry of Health of the Republic of Indonesia")] == "org/kemenkes"


def test_ministry_ids_do_not_depend_on_document_order(tmp_path: Path) -> None:
    rows = [ent("a.txt", "Organization", "Kementerian Kesehatan Sudan"),
            ent("b.txt", "Organization", "Ministry of Health of Sudan")]
    one = _build(tmp_path, rows)
    two = _build(tmp_path, rows[::-1])
    assert set(one.entities) == set(two.entities)
    assert one.entities["org/ministry-sdn-health"].name == "Ministry of Health of Sudan"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Tedros Adanom Ghebreyesus", "Tedros Adhanom Ghebreyesus", True),
    ("Tedros Adhanom", "Tedros Adhanom Ghebreyesus", True),
    ("Tedros Ghebreyesus", "Tedros Adhanom Ghebreyesus", True),
    ("Nila F Moeloek", "Nila Djuwita F Moeloek", True),
    ("Budi Gunadi Sadikin", "Budi Karya Sumadi", False),
    ("Budi Sadikin", "Budi Karya Sumadi", False),
    ("Budi Santoso", "Budi Santosa", False),  # a short name: a near spelling needs evidence
])
def test_person_spellings(a: str, b: str, same: bool) -> None:
    assert persons_compatible(a, b) is same


def _holds(doc: str, person: str, org: str) -> dict:
    return {"kind": "fact", "doc": doc, "predicate": "holds_position",
            "subject": {"type": "Person", "name": person},
            "object": {"type": "Organization", "name": org}, "role": "Menteri",
            "evidence": f"{person}, {org}"}


def test_spelling_variants_across_documents_are_one_person(tmp_path: Path) -> None:
    trace: dict = {}
    g = _build(tmp_path, [
        ent("a.txt", "Person", "Tedros Adhanom Ghebreyesus", "Dr Tedros Adhanom Ghebreyesus"),
        ent("b.txt", "Person", "Tedros Adanom Ghebreyesus"),
        ent("c.txt", "Person", "Tedros Adhanom"),
        ent("d.txt", "Person", "Budi Gunadi Sadikin"),
        ent("e.txt", "Person", "Budi Karya Sumadi"),
        # a short name spelt two ways: one person where both hold a post in one body
        ent("f.txt", "Person", "Budi Santoso"), ent("f.txt", "Organization", "Badan Contoh"),
        _holds("f.txt", "Budi Santoso", "Badan Contoh"),
        ent("g.txt", "Person", "Budi Santosa"), ent("g.txt", "Organization", "Badan Contoh"),
        _holds("g.txt", "Budi Santosa", "Badan Contoh"),
        ent("h.txt", "Person", "Rina Hartati"), ent("i.txt", "Person", "Rina Hartatu"),
    ], trace)
    tedros = {trace[("a.txt", "Tedros Adhanom Ghebreyesus")],
              trace[("b.txt", "Tedros Adanom Ghebreyesus")], trace[("c.txt", "Tedros Adhanom")]}
    assert len(tedros) == 1
    node = g.entities[tedros.pop()]  # the kept spelling depends on no document's order
    assert {node.name, *node.aliases} >= {"Tedros Adhanom Ghebreyesus",
                                          "Tedros Adanom Ghebreyesus", "Tedros Adhanom"}
    assert trace[("d.txt", "Budi Gunadi Sadikin")] != trace[("e.txt", "Budi Karya Sumadi")]
    assert trace[("f.txt", "Budi Santoso")] == trace[("g.txt", "Budi Santosa")]
    assert trace[("h.txt", "Rina Hartati")] != trace[("i.txt", "Rina Hartatu")]


def test_lone_name_joins_the_full_name_of_its_document(tmp_path: Path) -> None:
    trace: dict = {}
    _build(tmp_path, [
        ent("a.txt", "Person", "Nila Farid Moeloek"), ent("a.txt", "Person", "Nila"),
        ent("b.txt", "Person", "Nila Farid Moeloek"),
        # two people the lone name fits: it stays apart
        ent("c.txt", "Person", "Siti Nadia Tarmizi"), ent("c.txt", "Person", "Siti Fadilah Supari"),
        ent("c.txt", "Person", "Siti"),
    ], trace)
    assert trace[("a.txt", "Nila")] == trace[("b.txt", "Nila Farid Moeloek")]
    assert trace[("c.txt", "Siti")] not in (trace[("c.txt", "Siti Nadia Tarmizi")],
                                             trace[("c.txt", "Siti Fadilah Supari")])


def test_ministries_named_alike_in_two_states_stay_two(tmp_path: Path) -> None:
    # "Public Health Minister X" in a text about Thailand and one about Qatar: the name says
    # no state, the extract record carries it, and the two ministries stay apart.
    trace: dict = {}
    a = ent("th.txt", "Organization", "Ministry of Public Health")
    a["country"] = "THA"
    b = ent("qa.txt", "Organization", "Ministry of Public Health")
    b["country"] = "QAT"
    c = ent("th2.txt", "Organization", "Kementerian Kesehatan Masyarakat Thailand")
    g = _build(tmp_path, [a, b, c], trace)
    tha = trace[("th.txt", "Ministry of Public Health")]
    qat = trace[("qa.txt", "Ministry of Public Health")]
    assert tha != qat
    assert trace[("th2.txt", "Kementerian Kesehatan Masyarakat Thailand")] == tha
    assert "Qatar" in " ".join([g.entities[qat].name, *g.entities[qat].aliases])
