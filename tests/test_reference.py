"""Reference data: countries (pycountry + press forms) and the gazetteer of bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from hdkg.loaders import reference as ref
from hdkg.schema.errors import UserError


@pytest.mark.parametrize("name, iso", [
    ("Jerman", "DEU"), ("Tiongkok", "CHN"), ("RI", "IDN"), ("Timor Leste", "TLS"),
    ("RDTL", "TLS"), ("Arab Saudi", "SAU"), ("Belanda", "NLD"), ("Korea Selatan", "KOR"),
    ("Amerika Serikat", "USA"), ("Persatuan Emirat Arab", "ARE"), ("Inggris", "GBR"),
    ("Selandia Baru", "NZL"), ("Swiss", "CHE"), ("Germany", "DEU"), ("jerman", "DEU"),
    ("Timor-Leste", "TLS"), ("Filipina", "PHL"),
])
def test_country_names(name: str, iso: str) -> None:
    assert ref.country_iso3(name) == iso


def test_unknown_country() -> None:
    assert ref.country_iso3("Atlantis") is None
    assert ref.country_iso3("") is None


def test_country_entities() -> None:
    countries = {e.iso3: e for e in ref.load_countries()}
    assert len(countries) >= 249
    idn = countries["IDN"]
    assert idn.id == "country/IDN" and idn.wikidata == "Q252" and "RI" in idn.aliases
    assert idn.sources[0].document == "data/reference/countries.yaml"
    assert countries["FRA"].sources[0].document in ("data/reference/countries.yaml", "pycountry")


def test_find_body() -> None:
    assert ref.find_body("OKI").id == "org/oic"
    assert ref.find_body("world health organization").id == "org/who"
    assert ref.find_body("Executive Board WHO").parent == "org/who"
    assert ref.find_body("Kemenkes").id == "org/kemenkes"
    assert ref.find_body("who") is None  # short capitals match as written only
    assert ref.find_body("Nothing Of The Kind") is None


def test_every_parent_exists() -> None:
    ids = {e.id for e in ref.load_bodies()}
    for e in ref.load_bodies():
        assert e.parent is None or e.parent in ids, e.id


def test_no_alias_names_two_bodies() -> None:
    owner: dict[str, str] = {}
    for entry, _line in ref.body_entries():
        for name in ref._body_names(entry):
            key = name if ref._exact(name) else ref.norm_key(name)
            assert owner.setdefault(key, entry.id) == entry.id, (name, owner[key], entry.id)


def test_wikidata_ids_where_sure() -> None:
    bodies = {e.id: e for e in ref.load_bodies()}
    assert bodies["org/who"].wikidata == "Q7817"
    assert bodies["org/asean"].wikidata == "Q7768"
    assert bodies["forum/g20"].wikidata == "Q19771"


def _with_data(tmp_path: Path, monkeypatch, bodies: str, countries: str = "{}\n") -> None:
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "bodies.yaml").write_text(bodies, encoding="utf-8")
    (tmp_path / "reference" / "countries.yaml").write_text(countries, encoding="utf-8")
    monkeypatch.setenv("HDKG_DATA", str(tmp_path))
    ref.clear_caches()


@pytest.fixture(autouse=True)
def _reset_caches():
    yield
    ref.clear_caches()


def test_bad_yaml_names_file_and_line(tmp_path: Path, monkeypatch) -> None:
    _with_data(tmp_path, monkeypatch, "- id: who\n  type: Organization\n  name: [unclosed\n")
    with pytest.raises(UserError, match=r"bodies\.yaml:\d+"):
        ref.load_bodies()


def test_bad_field_names_line_and_field(tmp_path: Path, monkeypatch) -> None:
    body = ("- id: who\n  type: Organization\n  name: WHO\n  aliases: []\n  parent: null\n"
            "- id: bad\n  type: Club\n  name: Bad\n  aliases: []\n  parent: null\n")
    _with_data(tmp_path, monkeypatch, body)
    with pytest.raises(UserError, match=r"bodies\.yaml:7: type"):
        ref.load_bodies()


def test_unknown_parent(tmp_path: Path, monkeypatch) -> None:
    body = "- id: a\n  type: Forum\n  name: A\n  aliases: []\n  parent: nowhere\n"
    _with_data(tmp_path, monkeypatch, body)
    with pytest.raises(UserError, match=r"bodies\.yaml:5: parent: unknown parent"):
        ref.load_bodies()


def test_duplicate_alias(tmp_path: Path, monkeypatch) -> None:
    body = ("- id: a\n  type: Forum\n  name: Alpha Forum\n  aliases: [Shared Name]\n"
            "- id: b\n  type: Forum\n  name: Beta Forum\n  aliases: [shared name]\n")
    _with_data(tmp_path, monkeypatch, body)
    with pytest.raises(UserError, match="already names"):
        ref.load_bodies()


def test_bad_country_code(tmp_path: Path, monkeypatch) -> None:
    _with_data(tmp_path, monkeypatch, "[]\n", "XXX:\n  aliases: [Nowhere]\n")
    with pytest.raises(UserError, match=r"countries\.yaml:1"):
        ref.load_countries()
