"""Wikidata QIDs of the reference data, checked offline against a table of their labels.

No network in the tests: tests/data/wikidata_labels.yaml holds the English label of every
QID the reference data uses, read off wikidata.org; each entry must be named by it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from hdkg.loaders.reference import load_bodies, load_countries
from hdkg.schema.models import name_key

LABELS = yaml.safe_load((Path(__file__).parent / "data" / "wikidata_labels.yaml").read_text())


def _with_qids():
    return [e for e in [*load_bodies(), *load_countries()] if e.wikidata]


def test_qids_are_well_formed_and_unique() -> None:
    seen: dict[str, str] = {}
    for e in _with_qids():
        assert re.fullmatch(r"Q[1-9][0-9]*", e.wikidata), (e.id, e.wikidata)
        assert e.wikidata not in seen, f"{e.wikidata} is both {seen[e.wikidata]} and {e.id}"
        seen[e.wikidata] = e.id
    assert len(seen) >= 40


def test_every_qid_matches_its_label() -> None:
    for e in _with_qids():
        assert e.wikidata in LABELS, f"{e.id}: {e.wikidata} has no label in the table"
        names = {name_key(n) for n in [e.name, *e.aliases]}
        labels = {name_key(n) for n in LABELS[e.wikidata]}
        assert names & labels, f"{e.id} ({e.name}) is not {e.wikidata} {LABELS[e.wikidata]}"


def test_label_table_has_no_stale_entries() -> None:
    used = {e.wikidata for e in _with_qids()}
    assert set(LABELS) <= used, sorted(set(LABELS) - used)
