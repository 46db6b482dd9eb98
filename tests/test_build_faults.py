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
    return [sys.executable, "-m", "hdkg.cli", *args]


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


def test_store_load_failures_raise_and_never_hang(tmp_path: Path) -> None:
    """The Oxigraph load runs in threads fed through a pipe: a malformed chunk (the loader
    stops reading mid-stream) and a failing producer must both surface as the error, and a
    good stream must give its distinct triples, whatever the chunking."""
    import threading

    import pytest

    from hdkg.graph.store import write_store

    good = b"<http://a> <http://b> <http://c> .\n"
    many = b"".join(b'<http://a> <http://b> "%d" .\n' % i for i in range(50_000))

    def run(fn):  # noqa: ANN001, ANN202 - a watchdog: a hang fails instead of blocking CI
        result: list = []
        t = threading.Thread(target=lambda: result.append(_outcome(fn)), daemon=True)
        t.start()
        t.join(120)
        assert not t.is_alive(), "write_store hung"
        return result[0]

    def bad_chunk():  # noqa: ANN202
        yield good
        yield b"this is not N-Triples\n"
        yield from [many] * 40  # more than a pipe holds: the writer must not block forever

    def failing_producer():  # noqa: ANN202
        yield good
        raise RuntimeError("producer failed")

    assert isinstance(run(lambda: write_store(tmp_path / "s1", bad_chunk())), SyntaxError)
    err = run(lambda: write_store(tmp_path / "s2", failing_producer()))
    assert isinstance(err, RuntimeError) and "producer failed" in str(err)
    cut = many.index(b"\n", 37_000) + 1  # chunks end at a line's end, as graph_chunks' do
    assert run(lambda: write_store(tmp_path / "s3", iter([good, good, many[:cut], many]))
               ) == 1 + 50_000
    with pytest.raises(SyntaxError):
        write_store(tmp_path / "s4", iter([b"<http://a> <b> .\n"]))


def _outcome(fn):  # noqa: ANN001, ANN202
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - the test inspects which error came out
        return e
