"""Bad documents and bad curated files through `hdkg extract` and `hdkg build`.

Every bad document is named on stderr with its reason and skipped, every good one is still
read, and the exit status is 2; a huge file is refused by size before it is read; an invalid
curated file stops the build (exit 1) with every problem listed and the previous graph left
as it was. Never a traceback. (Basic cases, empty/binary/5 MB/BOM, are in
test_extract_robust.py.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.graph.store import open_graph
from hdkg.loaders.text.read import (
    DEFAULT_MAX_BYTES,
    MAX_HTML_DEPTH,
    Document,
    UnreadableDocument,
    html_depth,
    read_document,
)

SENTENCE = "Indonesia menjadi tuan rumah Sekretariat GHSA.\n"
BIG = 50_000_000


def hdkg_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "hdkg.cli", *args]


def hdkg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(hdkg_args(*args), capture_output=True, text=True, timeout=timeout)


def make_unreadable(path: Path) -> str:
    """A regular file that reading fails on, even as root; returns how it was made.

    chmod 000 stops every user but root. Root cannot be kept out by permissions, but
    /proc/self/mem is a regular file whose first page is never mapped, so reading it from
    the start fails with EIO for whoever opens it.
    """
    if os.geteuid() != 0:
        path.write_text(SENTENCE, encoding="utf-8")
        path.chmod(0)
        how = "chmod 000"
    elif Path("/proc/self/mem").exists():
        path.symlink_to("/proc/self/mem")
        how = "link to /proc/self/mem"
    else:
        pytest.skip("running as root without /proc: no way to make a file unreadable")
    try:
        path.read_bytes()
    except OSError:
        return how
    pytest.skip(f"{how} did not make {path.name} unreadable here")


# Documents read as they are, and what each gives.
GOOD = {
    "a-good.txt": SENTENCE,
    "b-good.md": "# Berita\n\n" + SENTENCE,
    "c-good.html": f"<html><body><article><p>{SENTENCE}</p></article></body></html>",
    # Malformed but recoverable, as most of the web is: unclosed and stray tags, a bad
    # entity, a comment that never ends. The parser recovers and the sentence is read.
    "d-malformed.html": ("<html><body><div><p>Indonesia menjadi <b>tuan rumah<i> Sekretariat "
                         "GHSA.</p></b></div></span><<>> &nbsp &bogus; <table><td>x<!-- never"),
    "e-empty.txt": "",
}


def bad_files(folder: Path) -> dict[str, str]:
    """Write the bad regular files into `folder`; name -> a word of the reason it gives."""
    (folder / "f-binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "g-undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)
    (folder / "h-bad-bom.txt").write_bytes(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8")
    (folder / "i-nested.html").write_text("<html><body>" + "<div>" * 100_000 + SENTENCE,
                                          encoding="utf-8")
    with open(folder / "j-huge.txt", "w", encoding="utf-8") as f:  # real text, 50 MB
        line = "Kerja sama kesehatan Indonesia dan Malaysia terus berjalan dengan baik.\n"
        f.write((line * (BIG // len(line) + 1))[:BIG])
    make_unreadable(folder / "k-unreadable.txt")
    return {"f-binary.txt": "binary", "g-undecodable.txt": "undecodable",
            "h-bad-bom.txt": "UTF-16", "i-nested.html": "malformed HTML",
            "j-huge.txt": "too large", "k-unreadable.txt": "cannot read"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("faulty") / "docs"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder, bad_files(folder)


def skipped_lines(stderr: str) -> dict[str, str]:
    """name -> its 'skipped' line on stderr."""
    out = {}
    for line in stderr.splitlines():
        if "skipped" in line:
            name = Path(line.split("skipped", 1)[1].strip().split(":", 1)[0]).name
            out[name] = line
    return out


def test_extract_skips_each_bad_document_and_reads_the_good(
        tmp_path: Path, corpus: tuple[Path, dict[str, str]]) -> None:
    folder, bad = corpus
    # Entries that are not regular files: a broken link, a folder and a pipe named like
    # documents. Named and skipped too, and the pipe must not block the read.
    (folder.parent / "extra").mkdir()
    extra = folder.parent / "extra"
    (extra / "l-dangling.txt").symlink_to(extra / "nowhere.txt")
    (extra / "m-folder.txt").mkdir()
    os.mkfifo(extra / "n-pipe.txt")
    (extra / "o-good.txt").write_text(SENTENCE, encoding="utf-8")
    reasons = {**bad, "l-dangling.txt": "broken symbolic link", "m-folder.txt": "is a folder",
               "n-pipe.txt": "not a regular file"}

    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        run = hdkg("extract", str(folder), str(extra), "-o", str(out), "--jobs", jobs,
                   timeout=120)
        assert run.returncode == 2, run.stderr[-2000:]
        assert "Traceback" not in run.stderr
        skipped = skipped_lines(run.stderr)
        assert set(skipped) == set(reasons), run.stderr
        for name, why in reasons.items():
            assert why in skipped[name], skipped[name]
        records = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
        docs = {r["doc"] for r in records if r["kind"] == "document"}
        assert docs == {*GOOD, "o-good.txt"}
        hosts = {r["doc"] for r in records if r["kind"] == "fact" and r["predicate"] == "hosts"}
        assert hosts == {"a-good.txt", "b-good.md", "c-good.html", "d-malformed.html",
                         "o-good.txt"}


def test_build_skips_each_bad_document_and_writes_the_good(
        tmp_path: Path, corpus: tuple[Path, dict[str, str]]) -> None:
    folder, bad = corpus
    out = tmp_path / "g"
    run = hdkg("build", str(folder), "--out", str(out), "--no-reference", timeout=120)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    skipped = skipped_lines(run.stderr)
    assert set(skipped) == set(bad), run.stderr
    for name, why in bad.items():
        assert why in skipped[name], skipped[name]
    graph = open_graph(out)  # written, with the good documents
    assert graph.manifest["documents"] == len(GOOD)
    assert len(graph.manifest["skipped"]) == len(bad)
    sources = {s.document for f in graph.data.facts.values() for s in f.sources}
    assert sources == {"a-good.txt", "b-good.md", "c-good.html", "d-malformed.html"}


def test_build_names_entries_that_are_not_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (docs / "dangling.txt").symlink_to(docs / "nowhere.txt")
    (docs / "folder.txt").mkdir()
    run = hdkg("build", str(docs), "--out", str(tmp_path / "g"), "--no-reference")
    assert run.returncode == 2, run.stderr
    assert set(skipped_lines(run.stderr)) == {"dangling.txt", "folder.txt"}


# Runs the CLI and reports its peak memory on exit. VmHWM is the peak of this program's own
# memory; getrusage would also count the pytest process it was forked from.
PEAK = """\
import atexit, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write(f"peak {line.split()[1]} kB\\n")
atexit.register(peak)
sys.argv = ["hdkg", *sys.argv[1:]]
from hdkg.cli import main
main()
"""


def test_a_huge_file_is_refused_by_size_in_bounded_time_and_memory(
        tmp_path: Path, corpus: tuple[Path, dict[str, str]]) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc to read peak memory from")
    folder, _ = corpus
    (tmp_path / "small.txt").write_text(SENTENCE, encoding="utf-8")
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-c", PEAK, "extract", str(folder / "j-huge.txt"),
                          str(tmp_path / "small.txt"), "-o", str(tmp_path / "o")],
                         capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    assert run.returncode == 2, run.stderr
    assert f"j-huge.txt: too large ({BIG:,} bytes; the limit is {DEFAULT_MAX_BYTES:,}" in (
        run.stderr)
    # Refused from its size: not read, let alone extracted (that takes minutes and GBs).
    peak_kb = int(run.stderr.split("peak ")[1].split()[0])
    assert peak_kb < 150 * 1024, f"{peak_kb} kB"
    assert elapsed < 60
    assert '"doc": "small.txt"' in (tmp_path / "o").read_text("utf-8")


def test_max_bytes_option(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(SENTENCE * 10, encoding="utf-8")  # 470 bytes
    (tmp_path / "short.txt").write_text(SENTENCE, encoding="utf-8")  # 47 bytes
    out = tmp_path / "o.jsonl"
    for jobs in ("1", "2"):
        run = hdkg("extract", str(tmp_path / "long.txt"), str(tmp_path / "short.txt"),
                   "-o", str(out), "--max-bytes", "100", "--jobs", jobs)
        assert run.returncode == 2, run.stderr
        assert "long.txt: too large (470 bytes; the limit is 100 bytes" in run.stderr
        assert {json.loads(x)["doc"] for x in out.read_text("utf-8").splitlines()} == {
            "short.txt"}
    run = hdkg("extract", str(tmp_path / "long.txt"), "-o", str(out), "--max-bytes", "470")
    assert run.returncode == 0, run.stderr
    run = hdkg("extract", str(tmp_path / "long.txt"), "-o", str(out), "--max-bytes", "0")
    assert run.returncode != 0 and "Traceback" not in run.stderr and "max-bytes" in run.stderr


def test_html_depth_counts_nesting_not_tags() -> None:
    flat = "<p>x<p>y<li>z<br><img src=a>" * 3000 + "<div></div>" * 3000
    assert html_depth(flat) <= 3
    deep = "<div><span>" * (MAX_HTML_DEPTH // 2 + 10)
    assert html_depth(deep) > MAX_HTML_DEPTH
    closed = "<div><span>" * 3000 + "</span></div>" * 3000
    assert html_depth(closed) > MAX_HTML_DEPTH  # deep, even when closed


def test_output_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    run = hdkg("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "o.jsonl"))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "cannot write" in run.stderr


def test_a_folder_that_cannot_be_listed_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root lists a folder whatever its mode")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(SENTENCE, encoding="utf-8")
    locked.chmod(0)
    try:
        run = hdkg("extract", str(locked), "-o", str(tmp_path / "o.jsonl"))
    finally:
        locked.chmod(0o755)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "cannot list folder" in run.stderr


# ---------------------------------------------------------------- any bytes at all

HTML_BITS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<",
                             ">", "<!--", "-->", "&amp;", "&#0;", "&#xD800;", "<br/>",
                             "<article>", "Indonesia", "\x00", "\ufeff", "\r\n"])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000),
                      st.lists(st.one_of(HTML_BITS, st.text(max_size=10)), max_size=60)
                      .map(lambda xs: "".join(xs).encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_read_or_refused(tmp_path: Path, data: bytes, suffix: str) -> None:
    """Whatever a file holds, reading it gives a Document or an UnreadableDocument."""
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except UnreadableDocument as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert isinstance(document, Document) and document.doc == path.name
        document.text.encode("utf-8")  # no lone surrogates: the records are JSON


# ---------------------------------------------------------------- curated files

ENTITIES = ("entities:\n  - {type: Country, name: Indonesia, iso3: IDN}\n"
            "  - {id: org/contoh, type: Organization, name: Contoh}\n")
BAD_YAML = """\
entities:
  - type: Country
    name: Malaysia
    iso3: MY
facts:
  - predicate: chair_of
    subject: country/IDN
    object: org/contoh
    start: "2020-13"
"""
BAD_CSV = "predicate,subject,object,start\nmember_of,country/IDN,org/contoh,2019\nleads,x,y,z\n"


def test_invalid_curated_files_stop_the_build_and_keep_the_previous_graph(
        tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "g"
    run = hdkg("build", str(tmp_path / "e.yaml"), str(tmp_path / "a.txt"), "--out", str(out),
               "--no-reference")
    assert run.returncode == 0, run.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    (tmp_path / "bad.yaml").write_text(BAD_YAML, encoding="utf-8")
    (tmp_path / "bad.csv").write_text(BAD_CSV, encoding="utf-8")
    run = hdkg("build", str(tmp_path / "e.yaml"), str(tmp_path / "a.txt"),
               str(tmp_path / "bad.yaml"), str(tmp_path / "bad.csv"), "--out", str(out),
               "--no-reference")
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    problems = [line for line in run.stderr.splitlines() if "bad." in line]
    # Every problem of both files, in one run, each with file, line and field.
    assert "6 problems in curated data" in run.stderr
    assert len(problems) == 6, problems
    assert any("bad.yaml:4: entities[0].iso3:" in p for p in problems), problems
    assert any("bad.yaml:9: facts[0].start:" in p for p in problems), problems
    for field in ("predicate", "subject", "object", "start"):
        assert any(f"bad.csv:3: facts[1].{field}:" in p for p in problems), problems
    # Nothing reached the graph: the previous one is there, byte for byte, and usable.
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    graph = open_graph(out)
    assert len(graph.data.facts) > 0 and len(graph.store) > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".g.")]


def test_build_skips_bad_lines_of_an_extraction_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    run = hdkg("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "x.jsonl"))
    assert run.returncode == 0, run.stderr
    with open(tmp_path / "x.jsonl", "ab") as f:
        f.write(b'\xff\xfe not UTF-8\n{"doc": ["a"], "kind": "document"}\n[1, 2]\n')
    run = hdkg("build", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "g"),
               "--no-reference")
    assert "Traceback" not in run.stderr
    assert run.returncode == 2, run.stderr[-2000:]
    bad = [line for line in run.stderr.splitlines() if "skipped" in line and "x.jsonl:" in line]
    assert len(bad) == 3, run.stderr  # each bad line named with its number
    assert open_graph(tmp_path / "g").manifest["documents"] == 1
