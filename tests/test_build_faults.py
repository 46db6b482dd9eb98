"""Faults during a build: a killed build leaves the previous graph intact and usable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.graph.stats import graph_stats
from hdkg.graph.store import open_graph
from hdkg.loaders.curated import CuratedError, load_curated

SMALL = "predicate,subject,object,start\nmember_of,country/IDN,org/contoh,2019\n"
ENTITIES = ("entities:\n  - {type: Country, name: Indonesia, iso3: IDN}\n"
            "  - {id: org/contoh, type: Organization, name: Contoh}\n")


def hdkg_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "hdkg.graph.cli", *args]


def test_killed_build_keeps_previous_graph(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text(ENTITIES)
    (tmp_path / "small.csv").write_text(SMALL)
    out = tmp_path / "g"
    r = subprocess.run(hdkg_args("build", str(tmp_path / "e.yaml"), str(tmp_path / "small.csv"),
                                 "--out", str(out), "--no-reference"), capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    before = graph_stats(open_graph(out))

    # A large build, killed while it runs.
    lines = ["predicate,subject,object,start"]
    lines += [f"member_of,country/IDN,org/contoh,{1900 + i % 120}" for i in range(120)]
    ents = [ENTITIES] + [f"  - {{type: Person, name: Orang Nomor {i}}}\n" for i in range(40000)]
    (tmp_path / "big.yaml").write_text("".join(ents))
    (tmp_path / "big.csv").write_text("\n".join(lines) + "\n")
    proc = subprocess.Popen(hdkg_args("build", str(tmp_path / "big.yaml"),
                                      str(tmp_path / "big.csv"), "--out", str(out),
                                      "--no-reference"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list(tmp_path.glob(".g.building-*")):
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(0.3)
    assert proc.poll() is None, "the build ended before it could be killed mid-write"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()

    g = open_graph(out)  # still the previous graph, complete and usable
    assert graph_stats(g) == before
    assert len(g.data.facts) == 1

    # The next build cleans what the killed one left and completes.
    r = subprocess.run(hdkg_args("build", str(tmp_path / "e.yaml"), str(tmp_path / "small.csv"),
                                 "--out", str(out), "--no-reference"), capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    assert not list(tmp_path.glob(".g.*"))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_curated_loader_never_crashes(tmp_path: Path, text: str) -> None:
    """Any file content gives records or a CuratedError with file:line, never another error."""
    p = tmp_path / "x.yaml"
    p.write_text(text, encoding="utf-8", errors="surrogatepass") if "\ud800" not in text else None
    if not p.exists():
        return
    try:
        recs = load_curated([p])
    except CuratedError as e:
        assert all(":" in line and "x.yaml:" in line for line in e.problems)
    else:
        assert isinstance(recs.facts, list)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({
    "predicate": st.sampled_from(["chair_of", "member_of", "hosts", "x", ""]),
    "subject": st.sampled_from(["country/IDN", "IDN", "person/a-b", ""]),
    "object": st.text(max_size=20),
    "start": st.one_of(st.none(), st.text(max_size=12), st.integers(-5, 3000)),
}))
def test_curated_fact_fields_validated(tmp_path: Path, fact: dict) -> None:
    import yaml

    p = tmp_path / "f.yaml"
    p.write_text(yaml.safe_dump({"facts": [fact]}, allow_unicode=True), encoding="utf-8")
    try:
        (f,) = load_curated([p]).facts
    except CuratedError as e:
        assert all(line.startswith(str(p.name)) or "f.yaml:" in line for line in e.problems)
    else:
        assert f.predicate.value == fact["predicate"] and f.subject == fact["subject"]
